#pragma once

#include "yishi-contest-roster.h"

G_BEGIN_DECLS

/* The results of a contest as everything that shows them reads them
 * (the results page, the public notice in PDF and ODT, yishictl): one
 * snapshot, read in one transaction, so they always agree. */

typedef struct
{
  gint64   proposal_id;
  gboolean funded;
  char    *reason;
} YishiContestOverrideRow;

typedef struct
{
  YishiContestRow     *contest;
  GPtrArray           *criteria;     /* YishiContestCriterionRow, by position */
  GPtrArray           *entries;      /* YishiContestEntryRow, by proposal id */
  GPtrArray           *overrides;    /* YishiContestOverrideRow, by proposal id */
  guint                n_judges;
  YishiContestRanking *ranking;
  YishiContestFunding *funding;      /* in the ranking's order */
} YishiContestResults;

void                        yishi_contest_override_row_free  (YishiContestOverrideRow *row);
void                        yishi_contest_results_free       (YishiContestResults     *results);
/* NULL when @proposal_id is not an entry. */
const YishiContestEntryRow *yishi_contest_results_find_entry (const YishiContestResults *results,
                                                              gint64                     proposal_id);

YishiContestResults *yishi_contest_store_results        (YishiDatabase  *db,
                                                         gint64          contest_id,
                                                         GError        **error);
/* Until published; @reason is required. Replaces an earlier one. */
gboolean             yishi_contest_store_set_override   (YishiDatabase  *db,
                                                         gint64          contest_id,
                                                         gint64          proposal_id,
                                                         gboolean        funded,
                                                         const char     *reason,
                                                         GError        **error);
gboolean             yishi_contest_store_clear_override (YishiDatabase  *db,
                                                         gint64          contest_id,
                                                         gint64          proposal_id,
                                                         GError        **error);
/* judging → published, in one transaction: locks the scores, records
 * the day (the database clock's) and moves each entry to accepted when
 * funded and rejected when not (from screened-in through shortlisted
 * where needed). */
gboolean             yishi_contest_store_publish        (YishiDatabase  *db,
                                                         gint64          contest_id,
                                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestOverrideRow, yishi_contest_override_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestResults, yishi_contest_results_free)

G_END_DECLS
