#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internals of the io layer, for buffers that hold a whole file or a
 * record of every row of one. */

gpointer _yishi_bulk_realloc (gpointer mem,
                              gsize    size);

G_END_DECLS
