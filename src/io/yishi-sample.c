/* implementation in progress */
#include "config.h"
#include "yishi-sample.h"
