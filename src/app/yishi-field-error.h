#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Says under a form field what is wrong with it (@message), or clears
 * that (@message NULL): @label shows the message, @field is styled as an
 * error and describes itself with it to screen readers. */
void yishi_field_error_show (GtkLabel   *label,
                             GtkWidget  *field,
                             const char *message);

G_END_DECLS
