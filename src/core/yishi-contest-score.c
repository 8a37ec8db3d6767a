#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-score.h"
#include "yishi-key-table.h"

static const YishiKeyEntry aggregations[YISHI_N_CONTEST_AGGREGATIONS] = {
  /* Translators: how a contest combines the judges' scores */
  { "mean", N_("Mean"), "平均分" },
  /* Translators: how a contest combines the judges' scores: the mean without one highest and one lowest score */
  { "trimmed-mean", N_("Trimmed mean"), "去掉最高分和最低分后的平均分" },
  /* Translators: how a contest combines the judges' scores */
  { "median", N_("Median"), "中位数" },
  /* Translators: how a contest combines the judges' scores: each judge's scores are standardised first */
  { "normalised", N_("Normalised"), "标准化" },
};

static const char * const aggregation_phrases[YISHI_N_CONTEST_AGGREGATIONS] = {
  /* Translators: describes an aggregation of contest scores */
  N_("the mean of the judges' totals"),
  /* Translators: describes an aggregation of contest scores */
  N_("the mean of the judges' totals without the highest and the lowest one; "
     "with fewer than three judges, the plain mean"),
  /* Translators: describes an aggregation of contest scores */
  N_("the median of the judges' totals; with an even number of judges, "
     "the mean of the middle two"),
  /* Translators: describes an aggregation of contest scores; a standard score is a z-score */
  N_("each judge's totals turned into standard scores over the proposals that judge scored, "
     "averaged, and mapped back to points with the mean and spread of all totals"),
};

void
yishi_contest_score_init_exact (YishiContestScore *score,
                                gint64             numerator,
                                gint64             denominator)
{
  g_return_if_fail (score != NULL);
  g_return_if_fail (denominator >= 1);

  score->numerator = numerator;
  score->denominator = denominator;
  score->value = (double) numerator / (double) denominator;
}

/* The normalised score: the one that is not a fraction. */
void
yishi_contest_score_init_double (YishiContestScore *score,
                                 double             hundredths)
{
  g_return_if_fail (score != NULL);

  score->numerator = 0;
  score->denominator = 0;
  score->value = hundredths;
}

gboolean
yishi_contest_score_is_exact (const YishiContestScore *score)
{
  g_return_val_if_fail (score != NULL, FALSE);

  return score->denominator >= 1;
}

/* −1, 0 or 1 as @a is below, equal to or above @b. Two fractions are
 * compared by cross-multiplication, which the bounds in the header keep
 * inside a gint64; anything else (the normalised score) by its double,
 * equal only when the doubles are equal. */
int
yishi_contest_score_compare (const YishiContestScore *a,
                             const YishiContestScore *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (yishi_contest_score_is_exact (a) && yishi_contest_score_is_exact (b))
    {
      gint64 left = a->numerator * b->denominator;
      gint64 right = b->numerator * a->denominator;

      return (left > right) - (left < right);
    }

  return (a->value > b->value) - (a->value < b->value);
}

/* Rounded half away from zero to whole hundredths: for showing only. */
gint64
yishi_contest_score_hundredths (const YishiContestScore *score)
{
  gint64 twice;

  g_return_val_if_fail (score != NULL, 0);

  if (!yishi_contest_score_is_exact (score))
    return (gint64) round (score->value);

  twice = 2 * ABS (score->numerator) + score->denominator;
  return (score->numerator < 0 ? -1 : 1) * (twice / (2 * score->denominator));
}

/* Points with two decimals, such as “87.33”. */
char *
yishi_contest_score_format (const YishiContestScore *score)
{
  gint64 hundredths;
  guint64 magnitude;

  g_return_val_if_fail (score != NULL, NULL);

  hundredths = yishi_contest_score_hundredths (score);
  magnitude = hundredths < 0 ? -(guint64) hundredths : (guint64) hundredths;

  return g_strdup_printf ("%s%" PRIu64 ".%02u", hundredths < 0 ? "-" : "",
                          (uint64_t) (magnitude / 100), (guint) (magnitude % 100));
}

char *
yishi_contest_points_format (gint64 hundredths)
{
  YishiContestScore score;

  yishi_contest_score_init_exact (&score, hundredths, 1);
  return yishi_contest_score_format (&score);
}

char *
yishi_contest_points_format_short (gint64 hundredths)
{
  const char *sign = hundredths < 0 ? "-" : "";
  guint64 magnitude = hundredths < 0 ? -(guint64) hundredths : (guint64) hundredths;
  guint part = (guint) (magnitude % 100);

  if (part == 0)
    return g_strdup_printf ("%s%" PRIu64, sign, (uint64_t) (magnitude / 100));
  if (part % 10 == 0)
    return g_strdup_printf ("%s%" PRIu64 ".%u", sign, (uint64_t) (magnitude / 100), part / 10);
  return g_strdup_printf ("%s%" PRIu64 ".%02u", sign, (uint64_t) (magnitude / 100), part);
}

gboolean
yishi_contest_points_fit (gint64 points,
                          gint64 max_points,
                          gint64 step)
{
  return points >= 0 && points <= max_points && (step <= 0 || points % step == 0);
}

/* The sum of @totals over @n_totals; 0 / 1 when there are none. */
void
yishi_contest_score_mean (const gint64      *totals,
                          guint              n_totals,
                          YishiContestScore *out_score)
{
  gint64 sum = 0;

  g_return_if_fail (totals != NULL || n_totals == 0);
  g_return_if_fail (out_score != NULL);

  for (guint i = 0; i < n_totals; i++)
    sum += totals[i];

  yishi_contest_score_init_exact (out_score, sum, MAX (n_totals, 1));
}

/* Without the first and the last of @sorted_totals. With fewer than
 * three there is nothing left to average fairly: the mean, and FALSE so
 * that the results can say the rule fell back. */
gboolean
yishi_contest_score_trimmed_mean (const gint64      *sorted_totals,
                                  guint              n_totals,
                                  YishiContestScore *out_score)
{
  g_return_val_if_fail (sorted_totals != NULL || n_totals == 0, FALSE);
  g_return_val_if_fail (out_score != NULL, FALSE);

  if (n_totals < 3)
    {
      yishi_contest_score_mean (sorted_totals, n_totals, out_score);
      return FALSE;
    }

  yishi_contest_score_mean (sorted_totals + 1, n_totals - 2, out_score);
  return TRUE;
}

/* The middle one, or the mean of the middle two; 0 when there are none. */
void
yishi_contest_score_median (const gint64      *sorted_totals,
                            guint              n_totals,
                            YishiContestScore *out_score)
{
  g_return_if_fail (sorted_totals != NULL || n_totals == 0);
  g_return_if_fail (out_score != NULL);

  if (n_totals == 0)
    yishi_contest_score_init_exact (out_score, 0, 1);
  else if (n_totals % 2 == 1)
    yishi_contest_score_init_exact (out_score, sorted_totals[n_totals / 2], 1);
  else
    yishi_contest_score_mean (sorted_totals + n_totals / 2 - 1, 2, out_score);
}

const char *
yishi_contest_aggregation_to_key (YishiContestAggregation aggregation)
{
  g_return_val_if_fail (aggregation < YISHI_N_CONTEST_AGGREGATIONS, NULL);

  return aggregations[aggregation].key;
}

gboolean
yishi_contest_aggregation_from_key (const char              *key,
                                    YishiContestAggregation *out_aggregation)
{
  guint found;

  g_return_val_if_fail (out_aggregation != NULL, FALSE);

  if (!yishi_key_table_find (aggregations, YISHI_N_CONTEST_AGGREGATIONS, key, &found))
    return FALSE;

  *out_aggregation = found;
  return TRUE;
}

gboolean
yishi_contest_aggregation_parse (const char              *text,
                                 YishiContestAggregation *out_aggregation)
{
  guint found;

  g_return_val_if_fail (out_aggregation != NULL, FALSE);

  if (!yishi_key_table_parse (aggregations, YISHI_N_CONTEST_AGGREGATIONS, text, &found))
    return FALSE;

  *out_aggregation = found;
  return TRUE;
}

const char *
yishi_contest_aggregation_label (YishiContestAggregation aggregation)
{
  g_return_val_if_fail (aggregation < YISHI_N_CONTEST_AGGREGATIONS, NULL);

  return _(aggregations[aggregation].label);
}

/* The rule in words, for the results and the public notice. */
const char *
yishi_contest_aggregation_describe (YishiContestAggregation aggregation)
{
  g_return_val_if_fail (aggregation < YISHI_N_CONTEST_AGGREGATIONS, NULL);

  return _(aggregation_phrases[aggregation]);
}
