#include <locale.h>
#include <string.h>

#include "contest-fixture.h"
#include "yishi-contest-results.h"

/* Reading judges, entries and recusals with the progress of the
 * scoring; taking back what was added by mistake; importing score
 * sheets all or nothing; funding overrides; publishing. */

/* The fixture's contest with judges 王芳, 赵志强 and 孙丽, entries 3号楼道路硬化,
 * 加装电梯 and 小区增设休息座椅 (孙丽 proposed the benches: recused), judging. */
static void
start_judging (Fixture *fixture)
{
  judge (fixture, fixture->contest, WANG);
  judge (fixture, fixture->contest, ZHAO);
  judge (fixture, fixture->contest, SUN);
  enter (fixture, fixture->contest, ROAD);
  enter (fixture, fixture->contest, LIFT);
  enter (fixture, fixture->contest, BENCHES);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
}

static const YishiContestJudgeRow *
find_judge (GPtrArray *judges,
            gint64     person_id)
{
  for (guint i = 0; i < judges->len; i++)
    {
      const YishiContestJudgeRow *row = g_ptr_array_index (judges, i);

      if (row->person_id == person_id)
        return row;
    }
  g_assert_not_reached ();
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) judges = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) recusals = NULL;
  g_autoptr(GError) error = NULL;
  const YishiContestEntryRow *road;
  const YishiContestRecusalRow *recusal;

  start_judging (fixture);
  score (fixture, WANG, ROAD, 0, 2500);
  score (fixture, WANG, ROAD, 1, 2000);
  score (fixture, SUN, LIFT, 0, 3000);

  judges = yishi_contest_store_list_judges (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (judges->len, ==, 3);
  /* by name: 孙丽, 王芳, 赵志强 in code point order */
  g_assert_cmpstr (((YishiContestJudgeRow *) g_ptr_array_index (judges, 0))->name, ==, "孙丽");
  g_assert_cmpuint (find_judge (judges, fixture->people[WANG])->n_scored, ==, 2);
  g_assert_cmpuint (find_judge (judges, fixture->people[WANG])->n_expected, ==, 6);
  g_assert_cmpstr (find_judge (judges, fixture->people[WANG])->grid, ==, "第一网格");
  /* 孙丽 is recused from her own benches: two entries × two criteria */
  g_assert_cmpuint (find_judge (judges, fixture->people[SUN])->n_expected, ==, 4);
  g_assert_cmpstr (find_judge (judges, fixture->people[ZHAO])->grid, ==, "");

  entries = yishi_contest_store_list_entries (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  road = g_ptr_array_index (entries, 0);
  g_assert_cmpint (road->proposal_id, ==, fixture->proposals[ROAD]);
  g_assert_cmpstr (road->title, ==, "3号楼道路硬化");
  g_assert_cmpstr (road->proposer, ==, "张秀英");
  g_assert_cmpuint (strlen (road->code), ==, 8);
  g_assert_cmpuint (road->n_scored, ==, 2);
  g_assert_cmpuint (road->n_expected, ==, 6);
  g_assert_cmpuint (((YishiContestEntryRow *) g_ptr_array_index (entries, 2))->n_expected, ==, 4);

  recusals = yishi_contest_store_list_recusals (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recusals->len, ==, 1);
  recusal = g_ptr_array_index (recusals, 0);
  g_assert_cmpstr (recusal->judge, ==, "孙丽");
  g_assert_cmpstr (recusal->title, ==, "小区增设休息座椅");
  g_assert_cmpint (recusal->reason, ==, YISHI_RECUSAL_PROPOSER);

  {
    g_autoptr(YishiContestRoster) roster = yishi_contest_store_roster (fixture->db, fixture->contest, &error);

    g_assert_no_error (error);
    g_assert_cmpint (roster->contest->id, ==, fixture->contest);
    g_assert_cmpuint (roster->criteria->len, ==, 2);
    g_assert_cmpuint (roster->judges->len, ==, judges->len);
    g_assert_cmpuint (roster->entries->len, ==, entries->len);
    g_assert_cmpuint (roster->recusals->len, ==, recusals->len);
    g_assert_null (yishi_contest_store_roster (fixture->db, 999, &error));
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_null (yishi_contest_store_list_judges (fixture->db, 999, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
}

static void
test_judge_scores (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GError) error = NULL;

  start_judging (fixture);
  score (fixture, WANG, LIFT, 1, 1500);
  score (fixture, WANG, ROAD, 0, 2500);
  score (fixture, ZHAO, ROAD, 0, 1000);

  scores = yishi_contest_store_read_judge_scores (fixture->db, fixture->contest, fixture->people[WANG], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 2);
  g_assert_cmpint (g_array_index (scores, YishiContestScoreRow, 0).proposal_id, ==, fixture->proposals[ROAD]);
  g_assert_cmpint (g_array_index (scores, YishiContestScoreRow, 0).points, ==, 2500);
  g_assert_cmpint (g_array_index (scores, YishiContestScoreRow, 1).criterion_id, ==, fixture->criteria[1]);

  g_assert_true (yishi_contest_store_clear_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                  fixture->proposals[ROAD], fixture->criteria[0], &error));
  g_assert_no_error (error);
  g_clear_pointer (&scores, g_array_unref);
  scores = yishi_contest_store_read_judge_scores (fixture->db, fixture->contest, fixture->people[WANG], &error);
  g_assert_cmpuint (scores->len, ==, 1);

  /* not a judge */
  g_assert_null (yishi_contest_store_read_judge_scores (fixture->db, fixture->contest, fixture->people[LI],
                                                        &error));
  g_assert_nonnull (error);
}

static void
test_import_scores (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  YishiContestScoreInput good[] = {
    { 2, fixture->people[WANG], fixture->proposals[ROAD], fixture->criteria[0], 2750 },
    { 3, fixture->people[WANG], fixture->proposals[ROAD], fixture->criteria[1], 2000 },
    { 4, fixture->people[ZHAO], fixture->proposals[LIFT], fixture->criteria[0], 0 },
  };
  YishiContestScoreInput recused[] = {
    { 2, fixture->people[WANG], fixture->proposals[LIFT], fixture->criteria[0], 1000 },
    { 3, fixture->people[SUN], fixture->proposals[BENCHES], fixture->criteria[1], 1000 },
  };
  YishiContestScoreInput off_step[] = {
    { 5, fixture->people[ZHAO], fixture->proposals[ROAD], fixture->criteria[0], 1000 },
    { 9, fixture->people[ZHAO], fixture->proposals[ROAD], fixture->criteria[1], 1030 },
  };

  start_judging (fixture);
  g_assert_cmpuint (yishi_contest_store_import_scores (fixture->db, fixture->contest, good, G_N_ELEMENTS (good),
                                                       &error), ==, 3);
  g_assert_no_error (error);
  before = all_contest_rows (fixture);

  g_assert_cmpuint (yishi_contest_store_import_scores (fixture->db, fixture->contest, recused,
                                                       G_N_ELEMENTS (recused), &error), ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "3", "孙丽", "小区增设休息座椅", NULL);
  g_clear_error (&error);
  g_assert_cmpuint (yishi_contest_store_import_scores (fixture->db, fixture->contest, off_step,
                                                       G_N_ELEMENTS (off_step), &error), ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "9", "10.30", "0.50", NULL);
  g_clear_error (&error);
  /* the first line of each refused import was good, and is not there */
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  gint64 third = add_criterion (fixture, fixture->contest, "受益面", 2000);

  judge (fixture, fixture->contest, SUN);
  judge (fixture, fixture->contest, WANG);
  enter (fixture, fixture->contest, BENCHES);
  enter (fixture, fixture->contest, ROAD);

  g_assert_true (yishi_contest_store_remove_criterion (fixture->db, fixture->contest, fixture->criteria[0],
                                                       &error));
  g_assert_no_error (error);
  criteria = yishi_contest_store_list_criteria (fixture->db, fixture->contest, &error);
  g_assert_cmpuint (criteria->len, ==, 2);
  g_assert_cmpuint (((YishiContestCriterionRow *) g_ptr_array_index (criteria, 1))->position, ==, 2);
  g_assert_cmpint (((YishiContestCriterionRow *) g_ptr_array_index (criteria, 1))->id, ==, third);

  /* 孙丽's own proposal: the recusal cannot go, the entry and it can */
  g_assert_false (yishi_contest_store_remove_recusal (fixture->db, fixture->contest, fixture->people[SUN],
                                                      fixture->proposals[BENCHES], &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "孙丽", NULL);
  g_clear_error (&error);
  g_assert_true (yishi_contest_store_remove_entry (fixture->db, fixture->contest, fixture->proposals[BENCHES],
                                                   &error));
  g_assert_no_error (error);
  assert_rows (fixture, "SELECT count(*) FROM contest_recusal", "0\n");
  g_assert_true (yishi_contest_store_remove_judge (fixture->db, fixture->contest, fixture->people[WANG], &error));
  assert_rows (fixture, "SELECT count(*) FROM contest_judge", "1\n");

  g_assert_false (yishi_contest_store_remove_judge (fixture->db, fixture->contest, fixture->people[WANG],
                                                    &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a relative's recusal can be taken back while judging */
  judge (fixture, fixture->contest, ZHAO);
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[ZHAO],
                                               fixture->proposals[ROAD], YISHI_RECUSAL_RELATIVE, NULL,
                                               &error), >, 0);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  g_assert_false (yishi_contest_store_remove_judge (fixture->db, fixture->contest, fixture->people[ZHAO],
                                                    &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  g_assert_true (yishi_contest_store_remove_recusal (fixture->db, fixture->contest, fixture->people[ZHAO],
                                                     fixture->proposals[ROAD], &error));
  g_assert_no_error (error);
  score (fixture, ZHAO, ROAD, 1, 1000);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(YishiContestRow) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other = add_contest (fixture->db, "另一场比赛", FALSE);

  judge (fixture, fixture->contest, WANG);
  enter (fixture, fixture->contest, LIGHTS); /* 李建国's, also of 第一网格 */
  draft->name = g_strdup ("另一场比赛");
  draft->budget_fen = 100;
  draft->recuse_same_grid = TRUE;
  draft->objection_days = 10;
  g_assert_false (yishi_contest_store_update (fixture->db, fixture->contest, draft, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "另一场比赛", NULL);
  g_clear_error (&error);

  g_free (draft->name);
  draft->name = g_strdup ("2024年幸福里社区提案大赛（修订）");
  g_assert_true (yishi_contest_store_update (fixture->db, fixture->contest, draft, &error));
  g_assert_no_error (error);
  row = yishi_contest_store_get (fixture->db, fixture->contest, &error);
  g_assert_cmpstr (row->name, ==, "2024年幸福里社区提案大赛（修订）");
  g_assert_cmpuint (row->objection_days, ==, 10);
  g_assert_null (row->published_on);
  g_autofree char *same_grid = recusals (fixture, fixture->contest);
  g_assert_cmpstr (same_grid, ==, "王芳|楼道照明更换LED灯|same-grid\n");

  /* off again: the same-grid recusal goes */
  draft->recuse_same_grid = FALSE;
  g_assert_true (yishi_contest_store_update (fixture->db, fixture->contest, draft, &error));
  assert_rows (fixture, "SELECT count(*) FROM contest_recusal", "0\n");

  draft->objection_days = 0;
  g_assert_false (yishi_contest_store_update (fixture->db, other, draft, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "365", NULL);
  g_clear_error (&error);

  draft->objection_days = 7;
  add_criterion (fixture, fixture->contest, "受益面", 2000);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  draft->recuse_same_grid = TRUE;
  g_assert_false (yishi_contest_store_update (fixture->db, fixture->contest, draft, &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
}

/* Budget 200,000 yuan. 加装电梯 costs 150,000, 3号楼道路硬化 80,000. */
static void
set_costs (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE proposal SET cost_fen = 15000000 WHERE id = %" G_GINT64_FORMAT ";"
                                          "UPDATE proposal SET cost_fen = 8000000 WHERE id = %" G_GINT64_FORMAT,
                                          fixture->proposals[LIFT], fixture->proposals[ROAD]);

  g_assert_cmpint (raw_exec (fixture, sql, NULL), ==, SQLITE_OK);
}

static const YishiContestGrant *
grant_of (const YishiContestResults *results,
          gint64                     proposal_id)
{
  const YishiContestGrant *grant = yishi_contest_funding_find (results->funding, proposal_id);

  g_assert_nonnull (grant);
  return grant;
}

static void
test_results_and_override (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(GError) error = NULL;

  set_costs (fixture);
  start_judging (fixture);
  /* 加装电梯 first (55), 3号楼道路硬化 second (45): the road no longer fits */
  score (fixture, WANG, LIFT, 0, 3000);
  score (fixture, WANG, LIFT, 1, 2500);
  score (fixture, WANG, ROAD, 0, 2000);
  score (fixture, WANG, ROAD, 1, 2500);

  results = yishi_contest_store_results (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->n_judges, ==, 3);
  g_assert_cmpuint (results->criteria->len, ==, 2);
  g_assert_cmpuint (results->entries->len, ==, 3);
  g_assert_cmpint (yishi_contest_ranking_get (results->ranking, 0)->proposal_id, ==, fixture->proposals[LIFT]);
  g_assert_true (grant_of (results, fixture->proposals[LIFT])->funded);
  g_assert_false (grant_of (results, fixture->proposals[ROAD])->funded);
  g_assert_cmpstr (yishi_contest_results_find_entry (results, fixture->proposals[ROAD])->title, ==,
                   "3号楼道路硬化");
  g_assert_null (yishi_contest_results_find_entry (results, fixture->proposals[DANCE]));

  g_assert_false (yishi_contest_store_set_override (fixture->db, fixture->contest, fixture->proposals[ROAD],
                                                    TRUE, "  ", &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, NULL);
  g_clear_error (&error);
  g_assert_true (yishi_contest_store_set_override (fixture->db, fixture->contest, fixture->proposals[ROAD],
                                                   TRUE, "街道配套资金已落实", &error));
  g_assert_no_error (error);
  g_clear_pointer (&results, yishi_contest_results_free);
  results = yishi_contest_store_results (fixture->db, fixture->contest, &error);
  g_assert_true (grant_of (results, fixture->proposals[ROAD])->funded);
  g_assert_true (grant_of (results, fixture->proposals[ROAD])->overridden);
  g_assert_cmpstr (grant_of (results, fixture->proposals[ROAD])->reason, ==, "街道配套资金已落实");

  g_assert_true (yishi_contest_store_clear_override (fixture->db, fixture->contest, fixture->proposals[ROAD],
                                                     &error));
  g_clear_pointer (&results, yishi_contest_results_free);
  results = yishi_contest_store_results (fixture->db, fixture->contest, &error);
  g_assert_false (grant_of (results, fixture->proposals[ROAD])->funded);
}

static void
test_publish (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(YishiContestRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *sql = NULL;

  set_costs (fixture);
  start_judging (fixture);
  score (fixture, WANG, LIFT, 0, 3000);
  score (fixture, WANG, ROAD, 0, 2000);
  score (fixture, ZHAO, BENCHES, 0, 1000);
  yishi_database_set_clock (fixture->db, 1779269400); /* 2026-05-20T09:30:00Z */

  g_assert_true (yishi_contest_store_publish (fixture->db, fixture->contest, &error));
  g_assert_no_error (error);
  row = yishi_contest_store_get (fixture->db, fixture->contest, &error);
  g_assert_cmpint (row->state, ==, YISHI_CONTEST_STATE_PUBLISHED);
  g_assert_cmpstr (row->published_on, ==, "2026-05-20");
  /* 加装电梯 (150,000) and the benches (no cost) fit; the road does not */
  sql = g_strdup_printf ("SELECT title, status FROM proposal WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", %" G_GINT64_FORMAT ") ORDER BY id", fixture->proposals[ROAD], fixture->proposals[LIFT],
                         fixture->proposals[BENCHES]);
  assert_rows (fixture, sql, "3号楼道路硬化|rejected\n加装电梯|accepted\n小区增设休息座椅|accepted\n");

  /* locked, in the store and in the file */
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], fixture->criteria[0], 500, &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_override (fixture->db, fixture->contest, fixture->proposals[ROAD],
                                                    TRUE, "补录", &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  g_assert_cmpint (raw_exec (fixture, "UPDATE contest_score SET points = 0", &message), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "published"));
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (raw_exec (fixture, "DELETE FROM contest_score", &message), ==, SQLITE_CONSTRAINT);
  g_assert_false (yishi_contest_store_publish (fixture->db, fixture->contest, &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
}

static void
test_publish_from_setup_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = all_contest_rows (fixture);
  g_autofree char *after = NULL;

  g_assert_false (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_PUBLISHED,
                                                 &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, "setup", "published", NULL);
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);
}

#define ADD(path, func) \
  g_test_add ("/contest-results/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("progress", test_progress);
  ADD ("judge-scores", test_judge_scores);
  ADD ("import-scores", test_import_scores);
  ADD ("remove", test_remove);
  ADD ("update", test_update);
  ADD ("results-and-override", test_results_and_override);
  ADD ("publish", test_publish);
  ADD ("publish-from-setup-refused", test_publish_from_setup_refused);

  return g_test_run ();
}
