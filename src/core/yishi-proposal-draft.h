#pragma once

#include <glib.h>

#include "yishi-category.h"
#include "yishi-proposal-status.h"

G_BEGIN_DECLS

/* An amount or count that was not given. */
#define YISHI_UNKNOWN (-1)

/**
 * YishiProposalDraft:
 * The plain values of a proposal as a user, an import or the sample data
 * hands them to the store: validated here, written there.
 */
typedef struct
{
  char                *uuid;           /* NULL: a new one is made */
  char                *title;
  char                *summary;
  char                *body;
  gint64               proposer_id;    /* 0: none, or by name below */
  char                *proposer_name;  /* found, or added to People */
  char                *proposer_phone; /* tells two namesakes apart */
  char                *community;      /* community name, or NULL */
  YishiCategory        category;
  char                *location;
  gint64               cost_fen;       /* or YISHI_UNKNOWN */
  gint64               households;     /* or YISHI_UNKNOWN */
  gint64               people;         /* or YISHI_UNKNOWN */
  char                *submitted_on;   /* YYYY-MM-DD, or NULL */
  YishiProposalStatus  status;
  char                *status_reason;
} YishiProposalDraft;

YishiProposalDraft *yishi_proposal_draft_new             (void);
void                yishi_proposal_draft_init            (YishiProposalDraft       *draft);
YishiProposalDraft *yishi_proposal_draft_copy            (const YishiProposalDraft *draft);
void                yishi_proposal_draft_free            (YishiProposalDraft       *draft);
gboolean            yishi_proposal_draft_validate        (const YishiProposalDraft *draft,
                                                          GError                  **error);
gboolean            yishi_proposal_draft_validate_values (const YishiProposalDraft *draft,
                                                          GError                  **error);
gboolean            yishi_date_is_valid                  (const char               *iso_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiProposalDraft, yishi_proposal_draft_free)

G_END_DECLS
