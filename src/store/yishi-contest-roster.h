#pragma once

#include "yishi-contest-store.h"

G_BEGIN_DECLS

/* Who and what a contest judges, as the scoring grid, the score sheets
 * and the import read them, with the progress of the scoring. */

typedef struct
{
  gint64  person_id;
  char   *name;
  char   *grid;        /* "" when none */
  guint   n_scored;    /* scores the judge has given */
  guint   n_expected;  /* (entries the judge is not recused from) × criteria */
} YishiContestJudgeRow;

typedef struct
{
  gint64  proposal_id;
  char   *code;        /* the last 8 characters of the proposal's uuid, its random part */
  char   *title;
  char   *proposer;    /* "" when none */
  gint64  cost_fen;    /* 0 when not set */
  guint   n_scored;    /* scores given to it */
  guint   n_expected;  /* (judges not recused from it) × criteria */
} YishiContestEntryRow;

typedef struct
{
  gint64              judge_id;     /* person id */
  char               *judge;
  gint64              proposal_id;
  char               *title;
  YishiRecusalReason  reason;
  char               *note;         /* "" when none */
} YishiContestRecusalRow;

/* One score of an import, with the line of the file it came from. */
typedef struct
{
  guint  line;
  gint64 judge_id;     /* person id */
  gint64 proposal_id;
  gint64 criterion_id;
  gint64 points;       /* hundredths */
} YishiContestScoreInput;

/* A contest with everything its setup lists, read in one transaction:
 * what the setup page, the scoring grid and the score sheets show. */
typedef struct
{
  YishiContestRow *contest;
  GPtrArray       *criteria;  /* YishiContestCriterionRow, by position */
  GPtrArray       *judges;    /* YishiContestJudgeRow, by name */
  GPtrArray       *entries;   /* YishiContestEntryRow, by proposal id */
  GPtrArray       *recusals;  /* YishiContestRecusalRow, by judge name */
} YishiContestRoster;

void       yishi_contest_roster_free       (YishiContestRoster      *roster);
YishiContestRoster *yishi_contest_store_roster (YishiDatabase      *db,
                                              gint64           contest_id,
                                              GError         **error);
void       yishi_contest_judge_row_free    (YishiContestJudgeRow    *row);
void       yishi_contest_entry_row_free    (YishiContestEntryRow    *row);
void       yishi_contest_recusal_row_free  (YishiContestRecusalRow  *row);

/* By name, then person id. */
GPtrArray *yishi_contest_store_list_judges   (YishiDatabase   *db,
                                              gint64           contest_id,
                                              GError         **error);
/* By proposal id. */
GPtrArray *yishi_contest_store_list_entries  (YishiDatabase   *db,
                                              gint64           contest_id,
                                              GError         **error);
/* By judge name, then proposal id. */
GPtrArray *yishi_contest_store_list_recusals (YishiDatabase   *db,
                                              gint64           contest_id,
                                              GError         **error);
/* The scores of one judge: YishiContestScoreRow by proposal, criterion. */
GArray    *yishi_contest_store_read_judge_scores (YishiDatabase *db,
                                              gint64           contest_id,
                                              gint64           judge_id,
                                              GError         **error);
/* Takes a score back (while judging); no score is not an error. */
gboolean   yishi_contest_store_clear_score   (YishiDatabase   *db,
                                              gint64           contest_id,
                                              gint64           judge_id,
                                              gint64           proposal_id,
                                              gint64           criterion_id,
                                              GError         **error);
/* Every score or none, in one transaction, each checked as
 * yishi_contest_store_set_score () does; a refusal names the line of
 * its input ("Line 7: …"). Returns the number of scores written. */
guint      yishi_contest_store_import_scores (YishiDatabase                *db,
                                              gint64                        contest_id,
                                              const YishiContestScoreInput *scores,
                                              guint                         n_scores,
                                              GError                      **error);
/* In setup only (a recusal: until judging ends). Taking away a judge or
 * an entry takes its recusals; a criterion keeps the others' positions. */
gboolean   yishi_contest_store_remove_judge     (YishiDatabase *db,
                                                 gint64         contest_id,
                                                 gint64         person_id,
                                                 GError       **error);
gboolean   yishi_contest_store_remove_entry     (YishiDatabase *db,
                                                 gint64         contest_id,
                                                 gint64         proposal_id,
                                                 GError       **error);
gboolean   yishi_contest_store_remove_criterion (YishiDatabase *db,
                                                 gint64         contest_id,
                                                 gint64         criterion_id,
                                                 GError       **error);
/* Not a recusal of a judge from their own proposal. */
gboolean   yishi_contest_store_remove_recusal   (YishiDatabase *db,
                                                 gint64         contest_id,
                                                 gint64         judge_id,
                                                 gint64         proposal_id,
                                                 GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestRoster, yishi_contest_roster_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestJudgeRow, yishi_contest_judge_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestEntryRow, yishi_contest_entry_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestRecusalRow, yishi_contest_recusal_row_free)

G_END_DECLS
