#pragma once

#include <glib.h>

#include "yishi-doc.h"

G_BEGIN_DECLS

gboolean yishi_doc_write_odt (const YishiDoc  *doc,
                              const char      *path,
                              GError         **error);

G_END_DECLS
