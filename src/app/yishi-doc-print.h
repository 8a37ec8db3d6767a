#pragma once

#include <gtk/gtk.h>

#include "yishi-doc.h"

G_BEGIN_DECLS

/* File → Print for a printable document: the print dialog, with its
 * preview, drawing the very layout its PDF has. Takes @doc. */
void     yishi_doc_print_run    (GtkWidget   *widget,
                                 YishiDoc    *doc,
                                 const char  *error_title);
/* Runs the same print operation without a dialog, writing the pages to
 * the PDF file @path, as GTK_PRINT_OPERATION_ACTION_EXPORT does. Takes
 * @doc. */
gboolean yishi_doc_print_export (YishiDoc    *doc,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
