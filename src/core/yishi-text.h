#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    yishi_text_is_blank     (const char  *text);
gboolean    yishi_text_is_blank_len (const char  *text,
                                     gsize        length);
char       *yishi_text_strip        (const char  *text);
const char *yishi_text_strip_span   (const char  *text,
                                     gsize       *out_length);
/* @text, or its first @max_chars characters and “…” when it is longer:
 * fit for a message or a label. */
char       *yishi_text_shorten      (const char  *text,
                                     guint        max_chars);
gboolean    yishi_text_check_field  (const char  *text,
                                     gssize       length,
                                     const char  *field,
                                     gboolean     required,
                                     GError     **error);

G_END_DECLS
