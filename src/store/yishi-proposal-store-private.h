#pragma once

#include "yishi-proposal-store.h"

G_BEGIN_DECLS

/* Inside a write transaction. */
gboolean _yishi_proposal_insert_batch (YishiDatabase      *db,
                                       GPtrArray          *drafts,
                                       YishiAddManyFlags   flags,
                                       YishiProgressFunc   progress,
                                       gpointer            progress_data,
                                       GCancellable       *cancellable,
                                       guint              *out_failed,
                                       GError            **error);
gboolean _yishi_proposal_write_status (YishiDatabase      *db,
                                       gint64              id,
                                       YishiProposalStatus status,
                                       const char         *reason,
                                       GError            **error);

G_END_DECLS
