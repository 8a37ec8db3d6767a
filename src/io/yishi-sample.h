#pragma once

#include "yishi-database.h"
#include "yishi-proposal-store.h"

G_BEGIN_DECLS

gboolean yishi_sample_load_community (YishiDatabase      *db,
                                      GError            **error);
gboolean yishi_sample_generate       (YishiDatabase      *db,
                                      guint               n_proposals,
                                      guint32             seed,
                                      YishiProgressFunc   progress,
                                      gpointer            progress_data,
                                      GError            **error);

G_END_DECLS
