#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The lifecycle of a proposal:
 * draft → submitted → screened-in | screened-out → shortlisted →
 * accepted | rejected → implemented. */
typedef enum
{
  YISHI_PROPOSAL_STATUS_DRAFT,
  YISHI_PROPOSAL_STATUS_SUBMITTED,
  YISHI_PROPOSAL_STATUS_SCREENED_IN,
  YISHI_PROPOSAL_STATUS_SCREENED_OUT,
  YISHI_PROPOSAL_STATUS_SHORTLISTED,
  YISHI_PROPOSAL_STATUS_ACCEPTED,
  YISHI_PROPOSAL_STATUS_REJECTED,
  YISHI_PROPOSAL_STATUS_IMPLEMENTED,
} YishiProposalStatus;

#define YISHI_N_PROPOSAL_STATUSES (YISHI_PROPOSAL_STATUS_IMPLEMENTED + 1)

const char *yishi_proposal_status_to_key          (YishiProposalStatus  status);
gboolean    yishi_proposal_status_from_key        (const char          *key,
                                                   YishiProposalStatus *out_status);
const char *yishi_proposal_status_label           (YishiProposalStatus  status);
gboolean    yishi_proposal_status_parse           (const char          *text,
                                                   YishiProposalStatus *out_status);
gboolean    yishi_proposal_status_can_move        (YishiProposalStatus  from,
                                                   YishiProposalStatus  to);
guint       yishi_proposal_status_next            (YishiProposalStatus  from,
                                                   YishiProposalStatus *out_next);
gboolean    yishi_proposal_status_needs_reason    (YishiProposalStatus  status);
gboolean    yishi_proposal_status_check_move      (YishiProposalStatus  from,
                                                   YishiProposalStatus  to,
                                                   const char          *reason,
                                                   GError             **error);
gboolean    yishi_proposal_status_check_reason    (YishiProposalStatus  status,
                                                   const char          *reason,
                                                   GError             **error);

G_END_DECLS
