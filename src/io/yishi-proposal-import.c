/* implementation in progress */
#include "config.h"
#include "yishi-proposal-import.h"
