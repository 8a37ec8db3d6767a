#pragma once

#include "yishi-database.h"
#include "yishi-proposal.h"
#include "yishi-text-index.h"

G_BEGIN_DECLS

typedef void (*YishiProgressFunc) (guint    done,
                                   guint    total,
                                   gpointer user_data);

typedef enum
{
  YISHI_ADD_MANY_DEFAULT      = 0,
  YISHI_ADD_MANY_INTO_EMPTY   = 1 << 0, /* refuse unless there are no people and no proposals */
  YISHI_ADD_MANY_TEXT_CHECKED = 1 << 1, /* the caller checked that all text is valid UTF-8 */
} YishiAddManyFlags;

typedef struct
{
  const char          *search;       /* NULL or blank: no search */
  gboolean             has_status;
  YishiProposalStatus  status;
  gboolean             has_category;
  YishiCategory        category;
} YishiProposalFilter;

GPtrArray      *yishi_proposal_store_list        (YishiDatabase             *db,
                                                  const YishiProposalFilter *filter,
                                                  GError                   **error);
guint           yishi_proposal_store_count       (YishiDatabase             *db,
                                                  GError                   **error);
YishiProposal  *yishi_proposal_store_get         (YishiDatabase             *db,
                                                  gint64                     id,
                                                  GError                   **error);
YishiProposal  *yishi_proposal_store_add         (YishiDatabase             *db,
                                                  const YishiProposalDraft  *draft,
                                                  GError                   **error);
gboolean        yishi_proposal_store_add_many    (YishiDatabase             *db,
                                                  GPtrArray                 *drafts,
                                                  YishiProgressFunc          progress,
                                                  gpointer                   progress_data,
                                                  GCancellable              *cancellable,
                                                  guint                     *out_failed,
                                                  GError                   **error);
gboolean        yishi_proposal_store_add_many_full (YishiDatabase           *db,
                                                  GPtrArray                 *drafts,
                                                  YishiAddManyFlags          flags,
                                                  YishiProgressFunc          progress,
                                                  gpointer                   progress_data,
                                                  GCancellable              *cancellable,
                                                  guint                     *out_failed,
                                                  GError                   **error);
YishiProposal  *yishi_proposal_store_update      (YishiDatabase             *db,
                                                  gint64                     id,
                                                  const YishiProposalDraft  *draft,
                                                  GError                   **error);
YishiProposal  *yishi_proposal_store_set_status  (YishiDatabase             *db,
                                                  gint64                     id,
                                                  YishiProposalStatus        status,
                                                  const char                *reason,
                                                  GError                   **error);
gboolean        yishi_proposal_store_delete      (YishiDatabase             *db,
                                                  gint64                     id,
                                                  GError                   **error);
YishiProposal  *yishi_proposal_store_restore     (YishiDatabase             *db,
                                                  YishiProposal             *snapshot,
                                                  GError                   **error);
YishiTextIndex *yishi_proposal_store_build_index (GPtrArray                 *proposals);

G_END_DECLS
