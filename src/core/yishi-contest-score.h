#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Scores of a proposal contest. Points are integers in hundredths of a
 * point (87.5 points is 8750), so any step a contest allows (0.5, 0.1,
 * 0.25) is exact. A score is an exact fraction of hundredths, compared by
 * cross-multiplication; the one exception is the normalised score, which
 * takes square roots and is a double (see yishi-contest-rank.h). */

/* The largest total one judge may give one proposal: 10,000 points.
 * With at most YISHI_CONTEST_MAX_JUDGES judges a numerator stays below
 * 10^12 and a denominator below 10^6, so cross products stay below 10^18
 * and fit a gint64. */
#define YISHI_CONTEST_MAX_TOTAL  G_GINT64_CONSTANT (1000000)
#define YISHI_CONTEST_MAX_JUDGES 1000000

typedef enum
{
  YISHI_CONTEST_AGGREGATION_MEAN,         /* "mean": of the judges' totals */
  YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN, /* "trimmed-mean": without one highest and one lowest */
  YISHI_CONTEST_AGGREGATION_MEDIAN,       /* "median": even count, the mean of the middle two */
  YISHI_CONTEST_AGGREGATION_NORMALISED,   /* "normalised": judges' z-scores, mapped back */
} YishiContestAggregation;

#define YISHI_N_CONTEST_AGGREGATIONS (YISHI_CONTEST_AGGREGATION_NORMALISED + 1)

/* numerator / denominator hundredths of a point when denominator ≥ 1;
 * when denominator is 0 the score is the double @value (the normalised
 * score). @value is numerator / denominator for exact scores too, for
 * charts only: never compare it. */
typedef struct
{
  gint64 numerator;
  gint64 denominator;
  double value;
} YishiContestScore;

void        yishi_contest_score_init_exact   (YishiContestScore       *score,
                                              gint64                   numerator,
                                              gint64                   denominator);
void        yishi_contest_score_init_double  (YishiContestScore       *score,
                                              double                   hundredths);
gboolean    yishi_contest_score_is_exact     (const YishiContestScore *score);
int         yishi_contest_score_compare      (const YishiContestScore *a,
                                              const YishiContestScore *b);
gint64      yishi_contest_score_hundredths   (const YishiContestScore *score);
char       *yishi_contest_score_format       (const YishiContestScore *score);
/* Points in hundredths as shown: “27.50”, always two decimals. */
char       *yishi_contest_points_format      (gint64                   hundredths);
/* As a judge writes them: “30”, “27.5”, “0.25”. */
char       *yishi_contest_points_format_short (gint64                  hundredths);
/* Whether a judge may give @points on a criterion of @max_points in
 * steps of @step: from 0 to the maximum, on the step. */
gboolean    yishi_contest_points_fit         (gint64                   points,
                                              gint64                   max_points,
                                              gint64                   step);

void        yishi_contest_score_mean         (const gint64            *totals,
                                              guint                    n_totals,
                                              YishiContestScore       *out_score);
gboolean    yishi_contest_score_trimmed_mean (const gint64            *sorted_totals,
                                              guint                    n_totals,
                                              YishiContestScore       *out_score);
void        yishi_contest_score_median       (const gint64            *sorted_totals,
                                              guint                    n_totals,
                                              YishiContestScore       *out_score);

const char *yishi_contest_aggregation_to_key   (YishiContestAggregation  aggregation);
gboolean    yishi_contest_aggregation_from_key (const char              *key,
                                                YishiContestAggregation *out_aggregation);
gboolean    yishi_contest_aggregation_parse    (const char              *text,
                                                YishiContestAggregation *out_aggregation);
const char *yishi_contest_aggregation_label    (YishiContestAggregation  aggregation);
const char *yishi_contest_aggregation_describe (YishiContestAggregation  aggregation);

G_END_DECLS
