#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean yishi_document_save (const char  *path,
                              const char  *data,
                              gsize        length,
                              GError     **error);

G_END_DECLS
