#include <locale.h>
#include <string.h>

#include <glib.h>

#include "yishi-contest-funding.h"
#include "yishi-error.h"

#define GREEDY YISHI_CONTEST_FUNDING_GREEDY
#define TOP_N  YISHI_CONTEST_FUNDING_TOP_N

/* Costs in fen: 50000 is 500 yuan. Ranked by one judge's total:
 *   rank 1: proposal 1, 90 points, 50000
 *   rank 2: proposal 2, 80 points, 40000
 *   rank 3: proposal 3, 70 points, 20000
 *   rank 4: proposal 4, 60 points, 30000
 * and proposal 5, 10000, which no judge scored (unranked, last). */
static YishiContestRanking *
four_proposals (void)
{
  g_autoptr(YishiContestSheet) sheet = yishi_contest_sheet_new (NULL, 0);
  const gint64 costs[] = { 50000, 40000, 20000, 30000 };
  const gint64 totals[] = { 9000, 8000, 7000, 6000 };
  g_autoptr(GError) error = NULL;
  YishiContestRanking *ranking;

  /* entered out of rank order */
  for (guint i = 4; i-- > 0;)
    {
      guint p = yishi_contest_sheet_add_proposal (sheet, i + 1, costs[i]);

      yishi_contest_sheet_add_total (sheet, p, 7, totals[i]);
    }
  yishi_contest_sheet_add_proposal (sheet, 5, 10000);

  ranking = yishi_contest_rank (sheet, YISHI_CONTEST_AGGREGATION_MEAN, 1, &error);
  g_assert_no_error (error);
  return ranking;
}

static YishiContestFunding *
fund_ok (YishiContestFundingRule     rule,
         gint64                      budget,
         guint                       top_n,
         const YishiContestOverride *overrides,
         guint                       n_overrides)
{
  g_autoptr(YishiContestRanking) ranking = four_proposals ();
  g_autoptr(GError) error = NULL;
  YishiContestFunding *funding;

  funding = yishi_contest_fund (ranking, rule, budget, top_n, overrides, n_overrides, &error);
  g_assert_no_error (error);
  g_assert_nonnull (funding);
  g_assert_cmpuint (funding->grants->len, ==, 5);
  return funding;
}

/* Checks grant @index: proposal, funded, remaining budget. */
static void
assert_grant (YishiContestFunding *funding,
              guint                index,
              gint64               proposal_id,
              gboolean             funded,
              gint64               remaining)
{
  YishiContestGrant *grant = &g_array_index (funding->grants, YishiContestGrant, index);

  g_assert_cmpint (grant->proposal_id, ==, proposal_id);
  g_assert_cmpint (grant->funded, ==, funded);
  g_assert_cmpint (grant->remaining, ==, remaining);
}

/* Budget 80000: proposal 1 fits (30000 left), proposal 2 (40000) does
 * not and is skipped, proposal 3 (20000) still fits (10000 left),
 * proposal 4 (30000) does not; proposal 5 has no score. */
static void
test_greedy (void)
{
  g_autoptr(YishiContestFunding) funding = fund_ok (GREEDY, 80000, 0, NULL, 0);

  assert_grant (funding, 0, 1, TRUE, 30000);
  assert_grant (funding, 1, 2, FALSE, 30000);
  assert_grant (funding, 2, 3, TRUE, 10000);
  assert_grant (funding, 3, 4, FALSE, 10000);
  assert_grant (funding, 4, 5, FALSE, 10000);
  g_assert_cmpint (funding->spent, ==, 70000);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_false (g_array_index (funding->grants, YishiContestGrant, i).overridden);
      g_assert_null (g_array_index (funding->grants, YishiContestGrant, i).reason);
    }
}

/* A cost equal to what is left fits; a budget of 0 funds nothing. */
static void
test_greedy_exact_fit (void)
{
  g_autoptr(YishiContestFunding) exact = fund_ok (GREEDY, 90000, 0, NULL, 0);
  g_autoptr(YishiContestFunding) nothing = fund_ok (GREEDY, 0, 0, NULL, 0);
  g_autoptr(YishiContestFunding) all = fund_ok (GREEDY, 1000000, 0, NULL, 0);

  assert_grant (exact, 0, 1, TRUE, 40000);
  assert_grant (exact, 1, 2, TRUE, 0);
  assert_grant (exact, 2, 3, FALSE, 0);
  assert_grant (exact, 3, 4, FALSE, 0);
  g_assert_cmpint (exact->spent, ==, 90000);

  for (guint i = 0; i < 5; i++)
    g_assert_false (g_array_index (nothing->grants, YishiContestGrant, i).funded);
  g_assert_cmpint (nothing->spent, ==, 0);

  /* even with money to spare, no one scored proposal 5 */
  assert_grant (all, 3, 4, TRUE, 860000);
  assert_grant (all, 4, 5, FALSE, 860000);
}

/* The top 2 whatever the budget: the remaining budget goes below 0. */
static void
test_top_n (void)
{
  g_autoptr(YishiContestFunding) two = fund_ok (TOP_N, 80000, 2, NULL, 0);
  g_autoptr(YishiContestFunding) none = fund_ok (TOP_N, 80000, 0, NULL, 0);
  g_autoptr(YishiContestFunding) more = fund_ok (TOP_N, 200000, 9, NULL, 0);

  assert_grant (two, 0, 1, TRUE, 30000);
  assert_grant (two, 1, 2, TRUE, -10000);
  assert_grant (two, 2, 3, FALSE, -10000);
  assert_grant (two, 3, 4, FALSE, -10000);
  assert_grant (two, 4, 5, FALSE, -10000);
  g_assert_cmpint (two->spent, ==, 90000);
  g_assert_cmpuint (two->top_n, ==, 2);

  for (guint i = 0; i < 5; i++)
    g_assert_false (g_array_index (none->grants, YishiContestGrant, i).funded);

  assert_grant (more, 3, 4, TRUE, 60000);
  assert_grant (more, 4, 5, FALSE, 60000);
}

/* Greedy funds 1 and 3; the organiser drops 1 and adds 2 and the
 * unscored 5. The rule is not run again: 4 stays unfunded. */
static void
test_overrides (void)
{
  const YishiContestOverride overrides[] = {
    { 1, FALSE, "与已立项的项目重复" },
    { 2, TRUE, "  街道追加配套资金 \n" },
    { 5, TRUE, "评审后补充材料" },
  };
  g_autoptr(YishiContestFunding) funding = fund_ok (GREEDY, 80000, 0, overrides, 3);
  const YishiContestGrant *grant;

  assert_grant (funding, 0, 1, FALSE, 80000);
  assert_grant (funding, 1, 2, TRUE, 40000);
  assert_grant (funding, 2, 3, TRUE, 20000);
  assert_grant (funding, 3, 4, FALSE, 20000);
  assert_grant (funding, 4, 5, TRUE, 10000);
  g_assert_cmpint (funding->spent, ==, 70000);

  grant = yishi_contest_funding_find (funding, 1);
  g_assert_true (grant->overridden);
  g_assert_cmpstr (grant->reason, ==, "与已立项的项目重复");
  grant = yishi_contest_funding_find (funding, 2);
  g_assert_true (grant->overridden);
  g_assert_cmpstr (grant->reason, ==, "街道追加配套资金");
  grant = yishi_contest_funding_find (funding, 3);
  g_assert_false (grant->overridden);
  g_assert_null (grant->reason);
  g_assert_null (yishi_contest_funding_find (funding, 99));
}

/* The funding line is where the rule stops, whatever the overrides:
 * greedy funds 1 and skips 2, so one place is above it; top 2 puts two. */
static void
test_line (void)
{
  const YishiContestOverride overrides[] = {
    { 1, FALSE, "与已立项的项目重复" },
    { 2, TRUE, "街道追加配套资金" },
  };
  g_autoptr(YishiContestFunding) greedy = fund_ok (GREEDY, 80000, 0, NULL, 0);
  g_autoptr(YishiContestFunding) overridden = fund_ok (GREEDY, 80000, 0, overrides, 2);
  g_autoptr(YishiContestFunding) two = fund_ok (TOP_N, 80000, 2, NULL, 0);
  g_autoptr(YishiContestFunding) nothing = fund_ok (GREEDY, 0, 0, NULL, 0);

  g_assert_cmpuint (yishi_contest_funding_get_line (greedy), ==, 1);
  g_assert_cmpuint (yishi_contest_funding_get_line (overridden), ==, 1);
  g_assert_true (g_array_index (overridden->grants, YishiContestGrant, 0).by_rule);
  g_assert_false (g_array_index (overridden->grants, YishiContestGrant, 0).funded);
  g_assert_cmpuint (yishi_contest_funding_get_line (two), ==, 2);
  g_assert_cmpuint (yishi_contest_funding_get_line (nothing), ==, 0);
}

/* An override that confirms the rule's decision is still recorded. */
static void
test_override_same_decision (void)
{
  const YishiContestOverride overrides[] = { { 3, TRUE, "确认资助" } };
  g_autoptr(YishiContestFunding) funding = fund_ok (GREEDY, 80000, 0, overrides, 1);

  assert_grant (funding, 2, 3, TRUE, 10000);
  g_assert_true (yishi_contest_funding_find (funding, 3)->overridden);
}

static void
assert_override_refused (const YishiContestOverride *overrides,
                         guint                       n_overrides,
                         gint                        code,
                         const char                 *fragment)
{
  g_autoptr(YishiContestRanking) ranking = four_proposals ();
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestFunding) funding = NULL;

  funding = yishi_contest_fund (ranking, GREEDY, 80000, 0, overrides, n_overrides, &error);
  g_assert_null (funding);
  g_assert_error (error, YISHI_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_override_refused (void)
{
  const YishiContestOverride empty[] = { { 1, TRUE, "ok" }, { 4, TRUE, "" } };
  const YishiContestOverride blank[] = { { 3, FALSE, " \t　" } };
  const YishiContestOverride missing[] = { { 2, FALSE, NULL } };
  const YishiContestOverride unknown[] = { { 77, TRUE, "理由" } };
  const YishiContestOverride twice[] = { { 2, TRUE, "理由" }, { 2, FALSE, "另一个理由" } };

  assert_override_refused (empty, 2, YISHI_ERROR_INVALID_VALUE, "proposal 4");
  assert_override_refused (blank, 1, YISHI_ERROR_INVALID_VALUE, "proposal 3");
  assert_override_refused (missing, 1, YISHI_ERROR_INVALID_VALUE, "proposal 2");
  assert_override_refused (unknown, 1, YISHI_ERROR_NOT_FOUND, "77");
  assert_override_refused (twice, 2, YISHI_ERROR_INVALID_VALUE, "proposal 2");
}

static void
test_bad_budget (void)
{
  g_autoptr(YishiContestRanking) ranking = four_proposals ();
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestFunding) funding = NULL;

  funding = yishi_contest_fund (ranking, GREEDY, -1, 0, NULL, 0, &error);
  g_assert_null (funding);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
}

static void
test_keys (void)
{
  YishiContestFundingRule rule;
  g_autofree char *greedy = yishi_contest_funding_rule_describe (GREEDY, 0);
  g_autofree char *top = yishi_contest_funding_rule_describe (TOP_N, 3);

  g_assert_cmpstr (yishi_contest_funding_rule_to_key (GREEDY), ==, "greedy");
  g_assert_cmpstr (yishi_contest_funding_rule_to_key (TOP_N), ==, "top-n");
  for (YishiContestFundingRule r = 0; r < YISHI_N_CONTEST_FUNDING_RULES; r++)
    {
      g_assert_true (yishi_contest_funding_rule_from_key (yishi_contest_funding_rule_to_key (r), &rule));
      g_assert_cmpuint (rule, ==, r);
      g_assert_nonnull (yishi_contest_funding_rule_label (r));
    }
  g_assert_true (yishi_contest_funding_rule_parse ("前N名", &rule));
  g_assert_cmpuint (rule, ==, TOP_N);
  g_assert_false (yishi_contest_funding_rule_from_key ("all", &rule));
  g_assert_nonnull (strstr (top, "3"));
  g_assert_cmpstr (greedy, !=, top);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contest-funding/greedy", test_greedy);
  g_test_add_func ("/contest-funding/greedy-exact-fit", test_greedy_exact_fit);
  g_test_add_func ("/contest-funding/top-n", test_top_n);
  g_test_add_func ("/contest-funding/overrides", test_overrides);
  g_test_add_func ("/contest-funding/line", test_line);
  g_test_add_func ("/contest-funding/override-same-decision", test_override_same_decision);
  g_test_add_func ("/contest-funding/override-refused", test_override_refused);
  g_test_add_func ("/contest-funding/bad-budget", test_bad_budget);
  g_test_add_func ("/contest-funding/keys", test_keys);

  return g_test_run ();
}
