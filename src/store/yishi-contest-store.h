#pragma once

#include "yishi-contest-funding.h"
#include "yishi-contest-score.h"
#include "yishi-database.h"

G_BEGIN_DECLS

/* A proposal contest (提案大赛): its criteria, judges, entries,
 * recusals (回避) and scores. Points are in hundredths of a point
 * (a maximum of 30 is 3000, a step of 0.5 is 50). */

typedef enum
{
  YISHI_CONTEST_SCOPE_COMMUNITY, /* "community" */
  YISHI_CONTEST_SCOPE_DISTRICT,  /* "district" */
} YishiContestScope;

/* setup → judging → published, one step at a time, never back;
 * published locks the scores. */
typedef enum
{
  YISHI_CONTEST_STATE_SETUP,     /* "setup" */
  YISHI_CONTEST_STATE_JUDGING,   /* "judging" */
  YISHI_CONTEST_STATE_PUBLISHED, /* "published" */
} YishiContestState;

typedef enum
{
  YISHI_RECUSAL_PROPOSER,  /* "proposer": the judge made the proposal */
  YISHI_RECUSAL_SAME_GRID, /* "same-grid": judge and proposer share a grid */
  YISHI_RECUSAL_RELATIVE,  /* "relative" */
  YISHI_RECUSAL_OTHER,     /* "other": the note says why */
} YishiRecusalReason;

/* The days residents have to object to published results (公示期), by
 * default, and at most. */
#define YISHI_CONTEST_DEFAULT_OBJECTION_DAYS 7
#define YISHI_CONTEST_MAX_OBJECTION_DAYS     365

/* The default step: half a point. */
#define YISHI_CONTEST_DEFAULT_STEP 50

typedef struct
{
  char                    *name;
  char                    *organiser;        /* NULL: none */
  YishiContestScope        scope;
  gint64                   budget_fen;       /* ≥ 0 */
  char                    *opens_on;         /* "YYYY-MM-DD", or NULL */
  char                    *closes_on;        /* "YYYY-MM-DD", or NULL; not before opens_on */
  YishiContestAggregation  aggregation;
  YishiContestFundingRule  funding;
  guint                    top_n;            /* ≥ 1 with top-n, 0 with greedy */
  gboolean                 recuse_same_grid; /* recuse a judge from proposals of their grid */
  gint64                   lots_seed;        /* ≥ 0; < 0 (the draft's default): drawn when added,
                                              * kept by an update */
  guint                    objection_days;   /* the public notice's objection period, ≥ 1 */
} YishiContestDraft;

typedef struct
{
  gint64                   id;
  char                    *uuid;
  char                    *name;
  char                    *organiser;   /* "" if none */
  YishiContestScope        scope;
  gint64                   budget_fen;
  char                    *opens_on;    /* NULL if not set */
  char                    *closes_on;   /* NULL if not set */
  YishiContestState        state;
  YishiContestAggregation  aggregation;
  YishiContestFundingRule  funding;
  guint                    top_n;       /* 0 with greedy */
  gboolean                 recuse_same_grid;
  guint64                  lots_seed;
  guint                    objection_days;
  char                    *published_on; /* "YYYY-MM-DD"; NULL until published */
} YishiContestRow;

typedef struct
{
  gint64  id;
  guint   position;    /* 1, 2, … in the order they were added */
  char   *name;
  char   *description;
  gint64  max_points;  /* hundredths */
  gint64  step;        /* hundredths */
} YishiContestCriterionRow;

/* One score, as the ranking reads it. */
typedef struct
{
  gint64 proposal_id;
  gint64 judge_id;     /* the judge's person id */
  gint64 criterion_id;
  gint64 points;       /* hundredths */
} YishiContestScoreRow;

const char        *yishi_contest_scope_to_key     (YishiContestScope    scope);
gboolean           yishi_contest_scope_from_key   (const char          *key,
                                                   YishiContestScope   *out_scope);
const char        *yishi_contest_state_to_key     (YishiContestState    state);
gboolean           yishi_contest_state_from_key   (const char          *key,
                                                   YishiContestState   *out_state);
const char        *yishi_recusal_reason_to_key    (YishiRecusalReason   reason);
gboolean           yishi_recusal_reason_from_key  (const char          *key,
                                                   YishiRecusalReason  *out_reason);

YishiContestDraft *yishi_contest_draft_new        (void);
void               yishi_contest_draft_free       (YishiContestDraft   *draft);
void               yishi_contest_row_free         (YishiContestRow     *row);
void               yishi_contest_criterion_row_free (YishiContestCriterionRow *row);

/* A new contest, in setup. Refused when the name is taken. */
gint64     yishi_contest_store_add          (YishiDatabase            *db,
                                             const YishiContestDraft  *draft,
                                             GError                  **error);
/* Until published; the lots seed never changes once drawn. */
gboolean   yishi_contest_store_update       (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             const YishiContestDraft  *draft,
                                             GError                  **error);
YishiContestRow *yishi_contest_store_get    (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             GError                  **error);
/* Every contest, by id. */
GPtrArray *yishi_contest_store_list         (YishiDatabase            *db,
                                             GError                  **error);
/* In setup only. @step 0 is YISHI_CONTEST_DEFAULT_STEP; @max_points
 * must be a multiple of it. @description may be NULL. */
gint64     yishi_contest_store_add_criterion (YishiDatabase           *db,
                                             gint64                    contest_id,
                                             const char               *name,
                                             const char               *description,
                                             gint64                    max_points,
                                             gint64                    step,
                                             GError                  **error);
/* By position. */
GPtrArray *yishi_contest_store_list_criteria (YishiDatabase           *db,
                                             gint64                    contest_id,
                                             GError                  **error);
/* Until published. Recuses the judge at once from every entry they
 * proposed (and, when the contest says so, from those of their grid). */
gint64     yishi_contest_store_add_judge    (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             gint64                    person_id,
                                             GError                  **error);
/* In setup only, and only a screened-in or shortlisted proposal.
 * Recuses at once every judge who proposed it (and, when the contest
 * says so, those of the proposer's grid). */
gint64     yishi_contest_store_enter        (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             gint64                    proposal_id,
                                             GError                  **error);
/* Until published, for a judge and an entry of the contest; the
 * judge's scores of that proposal are taken away with it. @note may be
 * NULL, and is required with YISHI_RECUSAL_OTHER. */
gint64     yishi_contest_store_recuse       (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             gint64                    judge_id,
                                             gint64                    proposal_id,
                                             YishiRecusalReason        reason,
                                             const char               *note,
                                             GError                  **error);
/* Only while judging, from a judge not recused from the proposal, with
 * @points between 0 and the criterion's maximum and on its step;
 * replaces an earlier score of the same judge, proposal and criterion. */
gboolean   yishi_contest_store_set_score    (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             gint64                    judge_id,
                                             gint64                    proposal_id,
                                             gint64                    criterion_id,
                                             gint64                    points,
                                             GError                  **error);
/* Judging needs a criterion, a judge and an entry; publishing is
 * yishi_contest_store_publish () (yishi-contest-results.h). */
gboolean   yishi_contest_store_set_state    (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             YishiContestState         state,
                                             GError                  **error);
/* Every score of the contest, in one query: YishiContestScoreRow by
 * proposal id, then judge id, then criterion id. */
GArray    *yishi_contest_store_read_scores  (YishiDatabase            *db,
                                             gint64                    contest_id,
                                             GError                  **error);
/* The contest ranked by its aggregation and lots seed: its criteria,
 * entries (a proposal without a cost counts as 0 fen) and scores read
 * in one transaction, each judge's total the sum of their points on the
 * criteria. Free with yishi_contest_ranking_free (). */
YishiContestRanking *yishi_contest_store_rank (YishiDatabase          *db,
                                             gint64                    contest_id,
                                             GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestDraft, yishi_contest_draft_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestRow, yishi_contest_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestCriterionRow, yishi_contest_criterion_row_free)

G_END_DECLS
