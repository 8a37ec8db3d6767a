/* implementation in progress */
#include "config.h"
#include "yishi-csv-reader.h"
