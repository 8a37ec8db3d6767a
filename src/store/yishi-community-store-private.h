#pragma once

#include "yishi-community-store.h"

G_BEGIN_DECLS

/* Inside a write transaction: the id of the community or grid of that
 * name, added if there is none. A NULL or blank name gives 0 (none). */
gboolean _yishi_community_resolve (YishiDatabase  *db,
                                   const char     *name,
                                   gint64         *out_id,
                                   GError        **error);
gboolean _yishi_grid_resolve      (YishiDatabase  *db,
                                   gint64          community_id,
                                   const char     *name,
                                   gint64         *out_id,
                                   GError        **error);

G_END_DECLS
