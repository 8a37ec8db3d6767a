#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_IMPORT_DIALOG (yishi_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiImportDialog, yishi_import_dialog, YISHI, IMPORT_DIALOG, AdwWindow)

/* Reads @path at once, shows the column mapping and every bad row, and
 * imports all rows — or none — when the user confirms. */
YishiImportDialog *yishi_import_dialog_new (GtkWindow    *parent,
                                            YishiSession *session,
                                            const char   *path);

G_END_DECLS
