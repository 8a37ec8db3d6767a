#pragma once

#include <glib.h>

#include "yishi-contest-rank.h"

G_BEGIN_DECLS

/* Which proposals of a ranked contest are funded. Amounts in fen. */
typedef enum
{
  YISHI_CONTEST_FUNDING_GREEDY, /* "greedy": in rank order, each one that still fits the budget */
  YISHI_CONTEST_FUNDING_TOP_N,  /* "top-n": the first N, whatever the budget */
} YishiContestFundingRule;

#define YISHI_N_CONTEST_FUNDING_RULES (YISHI_CONTEST_FUNDING_TOP_N + 1)

/* An organiser's decision that replaces the rule's for one proposal. */
typedef struct
{
  gint64      proposal_id;
  gboolean    funded;
  const char *reason; /* required: shown in the results */
} YishiContestOverride;

/* One proposal's funding, in the ranking's order. */
typedef struct
{
  gint64    proposal_id;
  gint64    cost;
  gboolean  funded;
  gboolean  by_rule;   /* what the rule decided, before any override */
  gboolean  overridden;
  char     *reason;    /* the override's reason, stripped; NULL when not overridden */
  gint64    remaining; /* the budget left once this and every funded proposal above it are paid;
                        * below 0 when top N or an override spends more than the budget */
} YishiContestGrant;

typedef struct
{
  YishiContestFundingRule  rule;
  gint64                   budget;
  guint                    top_n;
  gint64                   spent;
  GArray                  *grants; /* YishiContestGrant, in rank order, unranked last */
} YishiContestFunding;

YishiContestFunding *yishi_contest_fund                (const YishiContestRanking  *ranking,
                                                        YishiContestFundingRule     rule,
                                                        gint64                      budget,
                                                        guint                       top_n,
                                                        const YishiContestOverride *overrides,
                                                        guint                       n_overrides,
                                                        GError                    **error);
void                 yishi_contest_funding_free        (YishiContestFunding        *funding);
/* The funding line: how many places at the top the rule funds before
 * the first it does not. An override changes a proposal's funding, not
 * the line. */
guint                yishi_contest_funding_get_line    (const YishiContestFunding  *funding);
const YishiContestGrant *yishi_contest_funding_find    (const YishiContestFunding  *funding,
                                                        gint64                      proposal_id);

const char          *yishi_contest_funding_rule_to_key   (YishiContestFundingRule   rule);
gboolean             yishi_contest_funding_rule_from_key (const char               *key,
                                                          YishiContestFundingRule  *out_rule);
gboolean             yishi_contest_funding_rule_parse    (const char               *text,
                                                          YishiContestFundingRule  *out_rule);
const char          *yishi_contest_funding_rule_label    (YishiContestFundingRule   rule);
char                *yishi_contest_funding_rule_describe (YishiContestFundingRule   rule,
                                                          guint                     top_n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestFunding, yishi_contest_funding_free)

G_END_DECLS
