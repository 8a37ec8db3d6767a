#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean yishi_text_is_blank    (const char  *text);
char    *yishi_text_strip       (const char  *text);
gboolean yishi_text_check_field (const char  *text,
                                 gssize       length,
                                 const char  *field,
                                 gboolean     required,
                                 GError     **error);

G_END_DECLS
