#include "yishi-error.h"

G_DEFINE_QUARK (yishi-error-quark, yishi_error)
