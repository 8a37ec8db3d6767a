#pragma once

#include <glib.h>

#include "yishi-contest-score.h"

G_BEGIN_DECLS

/* The ranking of a proposal contest: a pure function of the judges'
 * totals, the criteria's maxima, the aggregation and the seed of the
 * lots, so anyone holding the scores can recompute it.
 *
 * The chain that orders proposals:
 *   1. the final score, by the contest's aggregation (higher first);
 *   2. the untrimmed mean of the judges' totals;
 *   3. the average points on the criterion with the largest maximum (the
 *      first such criterion when several share it);
 *   4. lots: the lower splitmix64 (seed XOR splitmix64 (proposal id))
 *      first, where splitmix64 (x) is the SplitMix64 finaliser: x += 0x9e3779b97f4a7c15;
 *      x = (x ^ (x >> 30)) · 0xbf58476d1ce4e5b9; x = (x ^ (x >> 27)) · 0x94d049bb133111eb;
 *      x ^ (x >> 31), all modulo 2^64. Both steps are one-to-one, so two
 *      proposals never draw the same number and lots break every tie.
 *
 * The normalised score is the one floating-point number: each judge's
 * mean and population standard deviation, then each z-score, the
 * proposal's mean z-score and the mapping back are computed in double, in
 * a fixed order (totals by judge id). Two normalised scores tie only when
 * the doubles are equal; no tolerance is applied.
 *
 * A proposal no judge scored has no score: it is not ranked (rank 0),
 * comes after every ranked proposal (by id) and is never funded by the
 * rules, only by an override. */

/* Which step of the chain separated a place from the next one. There is
 * no "score" value: places whose final scores differ were never tied. */
typedef enum
{
  YISHI_CONTEST_TIE_BREAK_NONE,           /* no key (null): the final scores differ, or the last place */
  YISHI_CONTEST_TIE_BREAK_UNTRIMMED_MEAN, /* "untrimmed-mean" */
  YISHI_CONTEST_TIE_BREAK_TOP_CRITERION,  /* "top-criterion" */
  YISHI_CONTEST_TIE_BREAK_LOTS,           /* "lots" */
} YishiContestTieBreak;

#define YISHI_N_CONTEST_TIE_BREAKS (YISHI_CONTEST_TIE_BREAK_LOTS + 1)

typedef struct _YishiContestSheet YishiContestSheet;

/* One proposal's place. */
typedef struct
{
  gint64               proposal_id;
  gint64               cost;          /* fen */
  guint                rank;          /* 1-based and never shared; 0 when no judge scored it */
  guint                n_judges;      /* judges who scored it */
  YishiContestScore    final_score;   /* by the ranking's aggregation */
  gboolean             fell_back;     /* trimmed mean with fewer than 3 judges: the mean */
  YishiContestScore    mean;          /* untrimmed */
  YishiContestScore    top_criterion; /* average points on the criterion with the largest maximum */
  guint64              lots;          /* the number drawn */
  YishiContestTieBreak tie_break;     /* what separates it from the next place */
  const gint64        *criterion_sums; /* n_criteria sums, hundredths, owned by the ranking */
} YishiContestPlace;

typedef struct
{
  YishiContestAggregation  aggregation;
  guint64                  seed;
  guint                    n_criteria;
  guint                    top_criterion; /* index; meaningless when n_criteria is 0 */
  GArray                  *places;        /* YishiContestPlace, in rank order, unranked last */
  gint64                  *sums;          /* backs the places' criterion_sums */
} YishiContestRanking;

YishiContestSheet   *yishi_contest_sheet_new            (const gint64          *criterion_maxima,
                                                         guint                  n_criteria);
void                 yishi_contest_sheet_free           (YishiContestSheet     *sheet);
guint                yishi_contest_sheet_add_proposal   (YishiContestSheet     *sheet,
                                                         gint64                 proposal_id,
                                                         gint64                 cost);
void                 yishi_contest_sheet_add_total      (YishiContestSheet     *sheet,
                                                         guint                  proposal,
                                                         gint64                 judge_id,
                                                         gint64                 total);
void                 yishi_contest_sheet_set_criterion_sum (YishiContestSheet  *sheet,
                                                         guint                  proposal,
                                                         guint                  criterion,
                                                         gint64                 sum);

YishiContestRanking *yishi_contest_rank                 (const YishiContestSheet *sheet,
                                                         YishiContestAggregation  aggregation,
                                                         guint64                  seed,
                                                         GError                 **error);
void                 yishi_contest_ranking_free         (YishiContestRanking   *ranking);
const YishiContestPlace *yishi_contest_ranking_get      (const YishiContestRanking *ranking,
                                                         guint                  index);
guint                yishi_contest_ranking_get_n_places (const YishiContestRanking *ranking);
void                 yishi_contest_place_criterion_average (const YishiContestRanking *ranking,
                                                         const YishiContestPlace   *place,
                                                         guint                      criterion,
                                                         YishiContestScore         *out_average);

guint64              yishi_contest_lots                 (guint64                seed,
                                                         gint64                 proposal_id);

const char          *yishi_contest_tie_break_to_key     (YishiContestTieBreak   tie_break);
gboolean             yishi_contest_tie_break_from_key   (const char            *key,
                                                         YishiContestTieBreak  *out_tie_break);
const char          *yishi_contest_tie_break_label      (YishiContestTieBreak   tie_break);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestSheet, yishi_contest_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestRanking, yishi_contest_ranking_free)

G_END_DECLS
