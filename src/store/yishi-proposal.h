#pragma once

#include <glib-object.h>

#include "yishi-proposal-draft.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PROPOSAL (yishi_proposal_get_type ())

G_DECLARE_FINAL_TYPE (YishiProposal, yishi_proposal, YISHI, PROPOSAL, GObject)

/* A stored proposal, read-only: edits go through the store, which hands
 * back a new row object. */
gint64               yishi_proposal_get_id            (YishiProposal *self);
const char          *yishi_proposal_get_uuid          (YishiProposal *self);
const char          *yishi_proposal_get_title         (YishiProposal *self);
const char          *yishi_proposal_get_summary       (YishiProposal *self);
const char          *yishi_proposal_get_body          (YishiProposal *self);
gint64               yishi_proposal_get_proposer_id   (YishiProposal *self);
const char          *yishi_proposal_get_proposer_name (YishiProposal *self);
const char          *yishi_proposal_get_community     (YishiProposal *self);
YishiCategory        yishi_proposal_get_category      (YishiProposal *self);
const char          *yishi_proposal_get_location      (YishiProposal *self);
gint64               yishi_proposal_get_cost_fen      (YishiProposal *self);
gint64               yishi_proposal_get_households    (YishiProposal *self);
gint64               yishi_proposal_get_people        (YishiProposal *self);
const char          *yishi_proposal_get_submitted_on  (YishiProposal *self);
YishiProposalStatus  yishi_proposal_get_status        (YishiProposal *self);
const char          *yishi_proposal_get_status_reason (YishiProposal *self);
const char          *yishi_proposal_get_created_at    (YishiProposal *self);
const char          *yishi_proposal_get_updated_at    (YishiProposal *self);
YishiProposalDraft  *yishi_proposal_to_draft          (YishiProposal *self);
char                *yishi_proposal_dup_search_text   (YishiProposal *self);

G_END_DECLS
