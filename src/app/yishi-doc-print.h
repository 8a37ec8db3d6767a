#pragma once

#include <gtk/gtk.h>

#include "yishi-doc.h"

G_BEGIN_DECLS

/* File → Print for a printable document: the print dialog, with its
 * preview, drawing the very layout its PDF has. Takes @doc. */
void yishi_doc_print_run (GtkWidget  *widget,
                          YishiDoc   *doc,
                          const char *error_title);

G_END_DECLS
