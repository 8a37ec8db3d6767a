#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SQL that takes a database from version n - 1 to version n is
 * element n - 1; the array is NULL-terminated. */
const char * const *_yishi_migrations_get (guint *n_migrations);

G_END_DECLS
