#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#include "yishi-contest-rank.h"
#include "yishi-error.h"

/* Totals are hundredths of a point: 8500 is 85 points. */
#define R (-1) /* the judge recused */

#define MEAN       YISHI_CONTEST_AGGREGATION_MEAN
#define TRIMMED    YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN
#define MEDIAN     YISHI_CONTEST_AGGREGATION_MEDIAN
#define NORMALISED YISHI_CONTEST_AGGREGATION_NORMALISED

#define NONE           YISHI_CONTEST_TIE_BREAK_NONE
#define UNTRIMMED_MEAN YISHI_CONTEST_TIE_BREAK_UNTRIMMED_MEAN
#define TOP_CRITERION  YISHI_CONTEST_TIE_BREAK_TOP_CRITERION
#define LOTS           YISHI_CONTEST_TIE_BREAK_LOTS

/* Proposal @id scored by judges 1, 2, 3 … in order; R skips a judge. */
static guint
add_scored (YishiContestSheet *sheet,
            gint64             id,
            const gint64      *totals,
            guint              n_totals)
{
  guint proposal = yishi_contest_sheet_add_proposal (sheet, id, 0);

  for (guint j = 0; j < n_totals; j++)
    {
      if (totals[j] != R)
        yishi_contest_sheet_add_total (sheet, proposal, j + 1, totals[j]);
    }

  return proposal;
}

#define ADD(sheet, id, ...) \
  add_scored ((sheet), (id), (const gint64[]) { __VA_ARGS__ }, \
              sizeof ((const gint64[]) { __VA_ARGS__ }) / sizeof (gint64))

static YishiContestRanking *
rank_ok (YishiContestSheet       *sheet,
         YishiContestAggregation  aggregation,
         guint64                  seed)
{
  g_autoptr(GError) error = NULL;
  YishiContestRanking *ranking = yishi_contest_rank (sheet, aggregation, seed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranking);
  return ranking;
}

static const YishiContestPlace *
place_of (YishiContestRanking *ranking,
          gint64               id)
{
  for (guint i = 0; i < yishi_contest_ranking_get_n_places (ranking); i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);

      if (place->proposal_id == id)
        return place;
    }

  g_error ("proposal %" G_GINT64_FORMAT " is not in the ranking", id);
}

/* @score is exactly @numerator / @denominator hundredths. */
static void
assert_exact (const YishiContestScore *score,
              gint64                   numerator,
              gint64                   denominator,
              const char              *shown)
{
  YishiContestScore expected;
  g_autofree char *text = yishi_contest_score_format (score);

  yishi_contest_score_init_exact (&expected, numerator, denominator);
  g_assert_true (yishi_contest_score_is_exact (score));
  g_assert_cmpint (yishi_contest_score_compare (score, &expected), ==, 0);
  g_assert_cmpstr (text, ==, shown);
}

static void
assert_order (YishiContestRanking *ranking,
              const gint64        *ids,
              guint                n_ids)
{
  g_assert_cmpuint (yishi_contest_ranking_get_n_places (ranking), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);

      g_assert_cmpint (place->proposal_id, ==, ids[i]);
      g_assert_cmpuint (place->rank, ==, i + 1);
    }
}

#define ASSERT_ORDER(ranking, ...) \
  assert_order ((ranking), (const gint64[]) { __VA_ARGS__ }, \
                sizeof ((const gint64[]) { __VA_ARGS__ }) / sizeof (gint64))

static void
assert_refused (YishiContestSheet *sheet,
                const char        *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestRanking) ranking = yishi_contest_rank (sheet, MEAN, 1, &error);

  g_assert_null (ranking);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

/* Worked example: judges give 70, 80, 85, 90, 100.
 *   mean          = 425 / 5            = 85
 *   trimmed mean  = (80 + 85 + 90) / 3 = 85 (70 and 100 dropped)
 *   median        = 85 (the third of five)
 * and 60, 95, 80:
 *   mean = 235 / 3 = 78.33…, trimmed = 80 alone, median = 80. */
static void
test_aggregations (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  YishiContestAggregation aggregations[] = { MEAN, TRIMMED, MEDIAN };

  ADD (sheet, 11, 7000, 8000, 8500, 9000, 10000);
  ADD (sheet, 12, 6000, 9500, 8000);

  for (guint a = 0; a < G_N_ELEMENTS (aggregations); a++)
    {
      g_autoptr(YishiContestRanking) ranking = rank_ok (sheet, aggregations[a], 7);
      const YishiContestPlace *first = place_of (ranking, 11);
      const YishiContestPlace *second = place_of (ranking, 12);

      g_assert_cmpuint (ranking->aggregation, ==, aggregations[a]);
      g_assert_cmpuint (first->n_judges, ==, 5);
      g_assert_cmpuint (second->n_judges, ==, 3);
      assert_exact (&first->mean, 42500, 5, "85.00");
      assert_exact (&second->mean, 23500, 3, "78.33");
      assert_exact (&first->final_score, 8500, 1, "85.00");
      g_assert_false (first->fell_back);
      g_assert_false (second->fell_back);
      ASSERT_ORDER (ranking, 11, 12);

      if (aggregations[a] == MEAN)
        assert_exact (&second->final_score, 23500, 3, "78.33");
      else
        assert_exact (&second->final_score, 8000, 1, "80.00");
    }
}

/* Median of an even count: the mean of the middle two.
 * 70, 100, 80, 90 → (80 + 90) / 2 = 85; 70, 81 → 75.5;
 * 70.01, 70.02 → 70.015, shown rounded half up as 70.02. */
static void
test_median_even (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) ranking = NULL;

  ADD (sheet, 1, 7000, 10000, 8000, 9000);
  ADD (sheet, 2, 7000, 8100);
  ADD (sheet, 3, 7001, 7002);

  ranking = rank_ok (sheet, MEDIAN, 1);
  assert_exact (&place_of (ranking, 1)->final_score, 17000, 2, "85.00");
  assert_exact (&place_of (ranking, 2)->final_score, 7550, 1, "75.50");
  assert_exact (&place_of (ranking, 3)->final_score, 14003, 2, "70.02");
  g_assert_cmpint (yishi_contest_score_hundredths (&place_of (ranking, 3)->final_score), ==, 7002);
  ASSERT_ORDER (ranking, 1, 2, 3);
}

/* Judges 1–4; recused judges have no total.
 *   proposal 1: 70, —, 90, 86 → three judges: trimmed = 86; mean = 246 / 3 = 82
 *   proposal 2: —, 80, —, 90 → two judges: the mean, 85, flagged
 *   proposal 3: 50, 60, 95, 99 → four judges: trimmed = (60 + 95) / 2 = 77.5 */
static void
test_trimmed_recusals (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) ranking = NULL;
  const YishiContestPlace *place;

  ADD (sheet, 1, 7000, R, 9000, 8600);
  ADD (sheet, 2, R, 8000, R, 9000);
  ADD (sheet, 3, 5000, 6000, 9500, 9900);

  ranking = rank_ok (sheet, TRIMMED, 1);

  place = place_of (ranking, 1);
  g_assert_cmpuint (place->n_judges, ==, 3);
  g_assert_false (place->fell_back);
  assert_exact (&place->final_score, 8600, 1, "86.00");
  assert_exact (&place->mean, 24600, 3, "82.00");

  place = place_of (ranking, 2);
  g_assert_cmpuint (place->n_judges, ==, 2);
  g_assert_true (place->fell_back);
  assert_exact (&place->final_score, 17000, 2, "85.00");

  place = place_of (ranking, 3);
  g_assert_false (place->fell_back);
  assert_exact (&place->final_score, 15500, 2, "77.50");

  ASSERT_ORDER (ranking, 1, 2, 3);
}

/* A lenient judge (1) and a strict one (2), each recused from one
 * proposal:
 *   judge 1: P2 = 90, P3 = 86 → mean 88, SD 2 → z(P2) = +1, z(P3) = −1
 *   judge 2: P1 = 70, P2 = 60 → mean 65, SD 5 → z(P1) = +1, z(P2) = −1
 * mean z: P1 = +1, P2 = 0, P3 = −1. All totals 9000, 8600, 7000, 6000
 * (hundredths): mean M = 7650, deviations 1350, 950, −650, −1650, so
 * SD S = √(5870000 / 4) = √1467500 ≈ 1211.40. Scores M + z̄·S:
 * P1 ≈ 88.61, P2 = 76.50, P3 ≈ 64.39. The plain mean puts P3 (86) first
 * and P1 (70) last; normalising reverses that. */
static void
test_normalised (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) by_mean = NULL;
  g_autoptr(YishiContestRanking) ranking = NULL;
  double spread = sqrt (1467500.0);
  const YishiContestPlace *place;
  g_autofree char *shown = NULL;

  ADD (sheet, 1, R, 7000);
  ADD (sheet, 2, 9000, 6000);
  ADD (sheet, 3, 8600, R);

  by_mean = rank_ok (sheet, MEAN, 1);
  ASSERT_ORDER (by_mean, 3, 2, 1);

  ranking = rank_ok (sheet, NORMALISED, 1);
  ASSERT_ORDER (ranking, 1, 2, 3);

  place = place_of (ranking, 1);
  g_assert_false (yishi_contest_score_is_exact (&place->final_score));
  g_assert_cmpfloat_with_epsilon (place->final_score.value, 7650 + spread, 1e-9);
  shown = yishi_contest_score_format (&place->final_score);
  g_assert_cmpstr (shown, ==, "88.61");
  assert_exact (&place->mean, 7000, 1, "70.00");
  g_assert_cmpfloat_with_epsilon (place_of (ranking, 2)->final_score.value, 7650, 1e-9);
  g_assert_cmpfloat_with_epsilon (place_of (ranking, 3)->final_score.value, 7650 - spread, 1e-9);
  g_assert_cmpint (yishi_contest_score_hundredths (&place_of (ranking, 3)->final_score), ==, 6439);
}

/* A judge with one proposal, and one whose totals are all equal, have
 * no spread and give z = 0.
 *   judge 1: P1 = 50, P2 = 50 → no spread: z = 0, 0
 *   judge 2: P1 = 90, P2 = 70 → mean 80, SD 10: z = +1, −1
 *   judge 3: P2 = 100 only → z = 0
 * mean z: P1 = (0 + 1) / 2 = 0.5, P2 = (0 − 1 + 0) / 3 = −1/3.
 * All totals 5000, 5000, 9000, 7000, 10000: M = 7200, deviations
 * −2200, −2200, 1800, −200, 2800, squares add up to 20800000, S = √(20800000 / 5) = √4160000. */
static void
test_normalised_no_spread (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) ranking = NULL;
  double spread = sqrt (4160000.0);

  ADD (sheet, 1, 5000, 9000, R);
  ADD (sheet, 2, 5000, 7000, 10000);

  ranking = rank_ok (sheet, NORMALISED, 1);
  ASSERT_ORDER (ranking, 1, 2);
  g_assert_cmpfloat_with_epsilon (place_of (ranking, 1)->final_score.value, 7200 + spread / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (place_of (ranking, 2)->final_score.value, 7200 - spread / 3, 1e-9);
  g_assert_cmpuint (place_of (ranking, 1)->tie_break, ==, NONE);
}

/* Every total the same: every score is the overall mean, exactly; the
 * doubles are equal, so the chain goes on to lots. */
static void
test_normalised_all_equal (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) ranking = NULL;

  ADD (sheet, 1, 8000, 8000);
  ADD (sheet, 2, 8000, 8000);
  ADD (sheet, 3, 8000);

  ranking = rank_ok (sheet, NORMALISED, 5);
  for (guint i = 0; i < 3; i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);

      g_assert_cmpfloat (place->final_score.value, ==, 8000.0);
      g_assert_cmpuint (place->rank, ==, i + 1);
      g_assert_cmpuint (place->tie_break, ==, i < 2 ? LOTS : NONE);
    }
}

/* Final scores differ: no tie, whatever else differs. */
static void
test_chain_score (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) ranking = NULL;

  ADD (sheet, 1, 8000, 8000);
  ADD (sheet, 2, 8500, 8500);

  ranking = rank_ok (sheet, MEAN, 1);
  ASSERT_ORDER (ranking, 2, 1);
  g_assert_cmpuint (place_of (ranking, 2)->tie_break, ==, NONE);
  g_assert_cmpuint (place_of (ranking, 1)->tie_break, ==, NONE);
}

/* Trimmed means equal at 85: proposal 1 (70, 80, 90, 100) has the
 * untrimmed mean 85, proposal 2 (60, 80, 90, 100) 82.5. Proposal 2 has
 * more on the top criterion, but the untrimmed mean comes first. */
static void
test_chain_untrimmed_mean (void)
{
  const gint64 maxima[] = { 10000 };
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (maxima, 1);
  g_autoptr(YishiContestRanking) ranking = NULL;
  guint p;

  p = ADD (sheet, 2, 6000, 8000, 9000, 10000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 33000);
  p = ADD (sheet, 1, 7000, 8000, 9000, 10000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 34000);

  ranking = rank_ok (sheet, TRIMMED, 1);
  ASSERT_ORDER (ranking, 1, 2);
  assert_exact (&place_of (ranking, 1)->final_score, 17000, 2, "85.00");
  assert_exact (&place_of (ranking, 2)->final_score, 17000, 2, "85.00");
  g_assert_cmpuint (place_of (ranking, 1)->tie_break, ==, UNTRIMMED_MEAN);
  g_assert_cmpuint (place_of (ranking, 2)->tie_break, ==, NONE);
}

/* Both 80 from two judges. Criterion 2 has the largest maximum (60 of
 * 100): proposal 1 has 90 points on it from both judges (average 45),
 * proposal 2 has 100 (average 50) and ranks first. */
static void
test_chain_top_criterion (void)
{
  const gint64 maxima[] = { 4000, 6000 };
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (maxima, 2);
  g_autoptr(YishiContestRanking) ranking = NULL;
  YishiContestScore average;
  guint p;

  p = ADD (sheet, 1, 8000, 8000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 7000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 9000);
  p = ADD (sheet, 2, 8000, 8000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 6000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 10000);

  ranking = rank_ok (sheet, TRIMMED, 1);
  g_assert_cmpuint (ranking->top_criterion, ==, 1);
  ASSERT_ORDER (ranking, 2, 1);
  g_assert_true (place_of (ranking, 1)->fell_back);
  assert_exact (&place_of (ranking, 1)->top_criterion, 4500, 1, "45.00");
  assert_exact (&place_of (ranking, 2)->top_criterion, 5000, 1, "50.00");
  g_assert_cmpuint (place_of (ranking, 2)->tie_break, ==, TOP_CRITERION);
  g_assert_cmpuint (place_of (ranking, 1)->tie_break, ==, NONE);

  yishi_contest_place_criterion_average (ranking, place_of (ranking, 1), 0, &average);
  assert_exact (&average, 3500, 1, "35.00");
}

/* Two criteria share the largest maximum: the first counts. */
static void
test_chain_top_criterion_first (void)
{
  const gint64 maxima[] = { 5000, 5000 };
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (maxima, 2);
  g_autoptr(YishiContestRanking) ranking = NULL;
  guint p;

  p = ADD (sheet, 2, 8000, 8000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 7000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 9000);
  p = ADD (sheet, 1, 8000, 8000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 9000);
  yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 7000);

  ranking = rank_ok (sheet, MEAN, 1);
  g_assert_cmpuint (ranking->top_criterion, ==, 0);
  ASSERT_ORDER (ranking, 1, 2);
  g_assert_cmpuint (place_of (ranking, 1)->tie_break, ==, TOP_CRITERION);
}

/* SplitMix64 written out again from the header's words, so the test
 * checks the documented rule rather than the code against itself. */
static guint64
documented_mix (guint64 x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

static YishiContestRanking *
rank_equal (guint64 seed,
            gboolean reversed)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);

  for (gint64 i = 0; i < 5; i++)
    ADD (sheet, reversed ? 105 - i : 101 + i, 8000, 7000);

  return rank_ok (sheet, MEAN, seed);
}

/* All equal: lots decide, in the documented order; every place but the
 * last says so. The same seed gives the same ranking whatever order the
 * proposals come in; another seed draws another one. */
static void
test_chain_lots (void)
{
  g_autoptr(YishiContestRanking) ranking = rank_equal (20261128, FALSE);
  g_autoptr(YishiContestRanking) again = rank_equal (20261128, TRUE);
  gboolean another_order = FALSE;

  for (guint i = 0; i < 5; i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);

      g_assert_cmpuint (place->rank, ==, i + 1);
      g_assert_cmpuint (place->lots, ==, documented_mix (20261128 ^ documented_mix (place->proposal_id)));
      g_assert_cmpuint (place->tie_break, ==, i < 4 ? LOTS : NONE);
      if (i > 0)
        g_assert_cmpuint (yishi_contest_ranking_get (ranking, i - 1)->lots, <, place->lots);
      g_assert_cmpint (yishi_contest_ranking_get (again, i)->proposal_id, ==, place->proposal_id);
    }

  for (guint64 seed = 1; seed <= 16 && !another_order; seed++)
    {
      g_autoptr(YishiContestRanking) other = rank_equal (seed, FALSE);

      for (guint i = 0; i < 5; i++)
        {
          if (yishi_contest_ranking_get (other, i)->proposal_id !=
              yishi_contest_ranking_get (ranking, i)->proposal_id)
            another_order = TRUE;
        }
    }
  g_assert_true (another_order);
}

/* A proposal no judge scored is not ranked: rank 0, after the others,
 * and the last ranked one has no tie to break. */
static void
test_unscored (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) ranking = NULL;
  const YishiContestPlace *place;

  yishi_contest_sheet_add_proposal (sheet, 9, 100);
  ADD (sheet, 1, 6000);
  yishi_contest_sheet_add_proposal (sheet, 3, 100);
  ADD (sheet, 2, 6000);

  for (YishiContestAggregation a = 0; a < YISHI_N_CONTEST_AGGREGATIONS; a++)
    {
      g_clear_pointer (&ranking, yishi_contest_ranking_free);
      ranking = rank_ok (sheet, a, 3);

      g_assert_cmpuint (yishi_contest_ranking_get_n_places (ranking), ==, 4);
      g_assert_cmpuint (yishi_contest_ranking_get (ranking, 0)->rank, ==, 1);
      g_assert_cmpuint (yishi_contest_ranking_get (ranking, 0)->tie_break, ==, LOTS);
      g_assert_cmpuint (yishi_contest_ranking_get (ranking, 1)->rank, ==, 2);
      g_assert_cmpuint (yishi_contest_ranking_get (ranking, 1)->tie_break, ==, NONE);

      place = yishi_contest_ranking_get (ranking, 2);
      g_assert_cmpint (place->proposal_id, ==, 3);
      g_assert_cmpuint (place->rank, ==, 0);
      g_assert_cmpuint (place->n_judges, ==, 0);
      g_assert_false (place->fell_back);
      g_assert_cmpuint (place->tie_break, ==, NONE);
      assert_exact (&place->final_score, 0, 1, "0.00");
      place = yishi_contest_ranking_get (ranking, 3);
      g_assert_cmpint (place->proposal_id, ==, 9);
      g_assert_cmpuint (place->rank, ==, 0);
    }
}

static void
test_single_and_empty (void)
{
  g_autoptr(YishiContestSheet) empty = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestSheet) single = yishi_contest_sheet_new (NULL, 0);
  g_autoptr(YishiContestRanking) none = NULL;

  ADD (single, 42, 7350);

  for (YishiContestAggregation a = 0; a < YISHI_N_CONTEST_AGGREGATIONS; a++)
    {
      g_autoptr(YishiContestRanking) ranking = rank_ok (single, a, 1);
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, 0);

      ASSERT_ORDER (ranking, 42);
      g_assert_cmpuint (place->tie_break, ==, NONE);
      g_assert_cmpint (yishi_contest_score_hundredths (&place->final_score), ==, 7350);
      g_assert_cmpint (place->fell_back, ==, a == TRIMMED);
    }

  none = rank_ok (empty, NORMALISED, 1);
  g_assert_cmpuint (yishi_contest_ranking_get_n_places (none), ==, 0);
}

static void
test_refused (void)
{
  const gint64 maxima[] = { 6000, 4000 };

  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);

    ADD (sheet, 17, 8000);
    ADD (sheet, 17, 7000);
    assert_refused (sheet, "17");
  }
  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
    guint p = ADD (sheet, 18, 8000);

    yishi_contest_sheet_add_total (sheet, p, 1, 8000);
    assert_refused (sheet, "18");
  }
  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);

    ADD (sheet, 19, 8000, -5);
    assert_refused (sheet, "19");
  }
  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (maxima, 2);
    guint p = ADD (sheet, 20, 10050);

    yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 6000);
    yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 4050);
    assert_refused (sheet, "100.50");
  }
  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (maxima, 2);
    guint p = ADD (sheet, 21, 9000, 8000);

    yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 10000);
    yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 6000);
    assert_refused (sheet, "21");
  }
  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (maxima, 2);
    guint p = ADD (sheet, 22, 9000, 8000);

    yishi_contest_sheet_set_criterion_sum (sheet, p, 0, 12100);
    yishi_contest_sheet_set_criterion_sum (sheet, p, 1, 3900);
    assert_refused (sheet, "criterion 1");
  }
  {
    g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);

    yishi_contest_sheet_add_proposal (sheet, 23, -1);
    assert_refused (sheet, "23");
  }
}

static void
test_score_format (void)
{
  YishiContestScore a, b;
  g_autofree char *third = NULL;
  g_autofree char *negative = NULL;

  yishi_contest_score_init_exact (&a, 20000, 3);
  third = yishi_contest_score_format (&a);
  g_assert_cmpstr (third, ==, "66.67");

  yishi_contest_score_init_exact (&b, 40000, 6);
  g_assert_cmpint (yishi_contest_score_compare (&a, &b), ==, 0);
  yishi_contest_score_init_exact (&b, 6667, 1);
  g_assert_cmpint (yishi_contest_score_compare (&a, &b), <, 0);
  g_assert_cmpint (yishi_contest_score_compare (&b, &a), >, 0);

  yishi_contest_score_init_double (&a, -150.5);
  negative = yishi_contest_score_format (&a);
  g_assert_cmpstr (negative, ==, "-1.51");
}

static void
test_keys (void)
{
  YishiContestAggregation aggregation;
  YishiContestTieBreak tie_break;

  for (YishiContestAggregation a = 0; a < YISHI_N_CONTEST_AGGREGATIONS; a++)
    {
      g_assert_true (yishi_contest_aggregation_from_key (yishi_contest_aggregation_to_key (a), &aggregation));
      g_assert_cmpuint (aggregation, ==, a);
      g_assert_nonnull (yishi_contest_aggregation_label (a));
      g_assert_nonnull (yishi_contest_aggregation_describe (a));
    }
  g_assert_cmpstr (yishi_contest_aggregation_to_key (TRIMMED), ==, "trimmed-mean");
  g_assert_cmpstr (yishi_contest_aggregation_to_key (NORMALISED), ==, "normalised");
  g_assert_true (yishi_contest_aggregation_parse (" 中位数 ", &aggregation));
  g_assert_cmpuint (aggregation, ==, MEDIAN);
  g_assert_false (yishi_contest_aggregation_from_key ("average", &aggregation));
  g_assert_false (yishi_contest_aggregation_from_key (NULL, &aggregation));

  g_assert_null (yishi_contest_tie_break_to_key (NONE));
  g_assert_cmpstr (yishi_contest_tie_break_to_key (UNTRIMMED_MEAN), ==, "untrimmed-mean");
  g_assert_cmpstr (yishi_contest_tie_break_to_key (TOP_CRITERION), ==, "top-criterion");
  g_assert_cmpstr (yishi_contest_tie_break_to_key (LOTS), ==, "lots");
  for (YishiContestTieBreak t = 0; t < YISHI_N_CONTEST_TIE_BREAKS; t++)
    {
      g_assert_true (yishi_contest_tie_break_from_key (yishi_contest_tie_break_to_key (t), &tie_break));
      g_assert_cmpuint (tie_break, ==, t);
    }
  g_assert_false (yishi_contest_tie_break_from_key ("", &tie_break));
  g_assert_false (yishi_contest_tie_break_from_key ("score", &tie_break));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contest-rank/aggregation/mean-trimmed-median", test_aggregations);
  g_test_add_func ("/contest-rank/aggregation/median-even", test_median_even);
  g_test_add_func ("/contest-rank/aggregation/trimmed-recusals", test_trimmed_recusals);
  g_test_add_func ("/contest-rank/aggregation/normalised", test_normalised);
  g_test_add_func ("/contest-rank/aggregation/normalised-no-spread", test_normalised_no_spread);
  g_test_add_func ("/contest-rank/aggregation/normalised-all-equal", test_normalised_all_equal);
  g_test_add_func ("/contest-rank/chain/score", test_chain_score);
  g_test_add_func ("/contest-rank/chain/untrimmed-mean", test_chain_untrimmed_mean);
  g_test_add_func ("/contest-rank/chain/top-criterion", test_chain_top_criterion);
  g_test_add_func ("/contest-rank/chain/top-criterion-first", test_chain_top_criterion_first);
  g_test_add_func ("/contest-rank/chain/lots", test_chain_lots);
  g_test_add_func ("/contest-rank/edge/unscored", test_unscored);
  g_test_add_func ("/contest-rank/edge/single-and-empty", test_single_and_empty);
  g_test_add_func ("/contest-rank/refused", test_refused);
  g_test_add_func ("/contest-rank/score/format", test_score_format);
  g_test_add_func ("/contest-rank/keys", test_keys);

  return g_test_run ();
}
