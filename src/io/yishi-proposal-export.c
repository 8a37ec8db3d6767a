/* implementation in progress */
#include "config.h"
#include "yishi-proposal-export.h"
