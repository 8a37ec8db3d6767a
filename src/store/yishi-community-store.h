#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

GStrv yishi_community_store_list_names (YishiDatabase  *db,
                                        GError        **error);
GStrv yishi_community_store_list_grids (YishiDatabase  *db,
                                        GError        **error);

G_END_DECLS
