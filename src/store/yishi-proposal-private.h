#pragma once

#include <sqlite3.h>

#include "yishi-proposal.h"

G_BEGIN_DECLS

/* The columns _yishi_proposal_new_from_row () reads, in order. */
#define YISHI_PROPOSAL_COLUMNS \
  "p.id, p.uuid, p.title, p.summary, p.body, p.proposer_id, coalesce(pe.name, ''), " \
  "coalesce(c.name, ''), p.category, p.location, p.cost_fen, p.households, p.people, " \
  "coalesce(p.submitted_on, ''), p.status, p.status_reason, p.created_at, p.updated_at"

#define YISHI_PROPOSAL_FROM \
  " FROM proposal p LEFT JOIN person pe ON pe.id = p.proposer_id" \
  " LEFT JOIN community c ON c.id = p.community_id"

YishiProposal *_yishi_proposal_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
