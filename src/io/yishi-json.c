/* implementation in progress */
#include "config.h"
#include "yishi-json.h"
