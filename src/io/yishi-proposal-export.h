#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean yishi_proposal_export_csv (GPtrArray   *proposals,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
