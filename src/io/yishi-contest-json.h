#pragma once

#include <json-glib/json-glib.h>

#include "yishi-contest-results.h"

G_BEGIN_DECLS

/* JSON of proposal contests for scripts (yishictl contest … --json).
 * Keys are stable: the scope, state, aggregation, funding rule and
 * tie-break are their keys, never translated labels. Amounts are given
 * twice: in yuan as a string with two decimals ("200000.00") and in
 * integer fen ("budget_fen"); points are strings with two decimals
 * ("87.25"), so nothing passes through floating point; what is not
 * known is null. */

/* A contest with the counts of what it holds, for contest lists. */
typedef struct
{
  const YishiContestRow *contest;
  guint                  n_criteria;
  guint                  n_judges;
  guint                  n_entries;
} YishiContestSummary;

JsonNode *yishi_json_contest_list    (const YishiContestSummary *summaries,
                                      guint                      n_summaries);
JsonNode *yishi_json_contest         (const YishiContestSummary *summary);
/* The ranking: the contest, its criteria, and per place the rank (null
 * when no judge scored it), the final score with the exact fraction
 * behind it, the criterion averages, the funding and the tie-break. */
JsonNode *yishi_json_contest_results (const YishiContestResults *results);

G_END_DECLS
