#include <locale.h>

#include <sqlite3.h>

#include "contest-fixture.h"

static void
test_keys (void)
{
  YishiContestState state;
  YishiContestScope scope;
  YishiRecusalReason reason;

  g_assert_cmpstr (yishi_contest_state_to_key (YISHI_CONTEST_STATE_JUDGING), ==, "judging");
  g_assert_true (yishi_contest_state_from_key ("published", &state));
  g_assert_cmpint (state, ==, YISHI_CONTEST_STATE_PUBLISHED);
  g_assert_false (yishi_contest_state_from_key ("closed", &state));
  g_assert_cmpstr (yishi_contest_scope_to_key (YISHI_CONTEST_SCOPE_DISTRICT), ==, "district");
  g_assert_true (yishi_contest_scope_from_key ("community", &scope));
  g_assert_cmpint (scope, ==, YISHI_CONTEST_SCOPE_COMMUNITY);
  g_assert_cmpstr (yishi_recusal_reason_to_key (YISHI_RECUSAL_SAME_GRID), ==, "same-grid");
  g_assert_true (yishi_recusal_reason_from_key ("relative", &reason));
  g_assert_cmpint (reason, ==, YISHI_RECUSAL_RELATIVE);
  g_assert_false (yishi_recusal_reason_from_key (NULL, &reason));
}

static void
test_add_and_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(YishiContestRow) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->name = g_strdup ("  区级微更新大赛 ");
  draft->scope = YISHI_CONTEST_SCOPE_DISTRICT;
  draft->budget_fen = 50000000;
  draft->opens_on = g_strdup ("2024-04-01");
  draft->closes_on = g_strdup ("2024-04-30");
  draft->aggregation = YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN;
  draft->funding = YISHI_CONTEST_FUNDING_TOP_N;
  draft->top_n = 3;
  draft->recuse_same_grid = TRUE;
  draft->lots_seed = 20240501;
  id = yishi_contest_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);

  row = yishi_contest_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->name, ==, "区级微更新大赛");
  g_assert_cmpuint (strlen (row->uuid), ==, 36);
  g_assert_cmpstr (row->organiser, ==, "");
  g_assert_cmpint (row->scope, ==, YISHI_CONTEST_SCOPE_DISTRICT);
  g_assert_cmpint (row->budget_fen, ==, 50000000);
  g_assert_cmpstr (row->opens_on, ==, "2024-04-01");
  g_assert_cmpstr (row->closes_on, ==, "2024-04-30");
  g_assert_cmpint (row->state, ==, YISHI_CONTEST_STATE_SETUP);
  g_assert_cmpint (row->aggregation, ==, YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN);
  g_assert_cmpint (row->funding, ==, YISHI_CONTEST_FUNDING_TOP_N);
  g_assert_cmpuint (row->top_n, ==, 3);
  g_assert_true (row->recuse_same_grid);
  g_assert_cmpuint (row->lots_seed, ==, 20240501);

  rows = yishi_contest_store_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  {
    const YishiContestRow *first = rows->pdata[0];

    g_assert_cmpint (first->id, ==, fixture->contest);
    g_assert_cmpstr (first->organiser, ==, "幸福里社区居委会");
    g_assert_cmpint (first->aggregation, ==, YISHI_CONTEST_AGGREGATION_MEAN);
    g_assert_cmpint (first->funding, ==, YISHI_CONTEST_FUNDING_GREEDY);
    g_assert_cmpuint (first->top_n, ==, 0);
    g_assert_null (first->opens_on);
    g_assert_false (first->recuse_same_grid);
    g_assert_cmpint (((YishiContestRow *) rows->pdata[1])->id, ==, id);
  }

  g_assert_null (yishi_contest_store_get (fixture->db, 999, &error));
  assert_refused (error, YISHI_ERROR_NOT_FOUND, "999", NULL);
}

/* Drawn once, when the contest is added, and kept. */
static void
test_seed_drawn (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestRow) row = NULL;
  g_autoptr(YishiContestRow) again = NULL;
  g_autoptr(YishiContestRow) other = NULL;
  gint64 second = add_contest (fixture->db, "第二届", FALSE);

  row = yishi_contest_store_get (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  again = yishi_contest_store_get (fixture->db, fixture->contest, &error);
  other = yishi_contest_store_get (fixture->db, second, &error);
  g_assert_cmpuint (row->lots_seed, ==, again->lots_seed);
  /* two draws of 63 bits agree once in 2^63 */
  g_assert_cmpuint (row->lots_seed, !=, other->lots_seed);
  g_assert_cmpuint (row->lots_seed, <=, G_MAXINT64);
}

static void
assert_add_refused (Fixture           *fixture,
                    YishiContestDraft *draft,
                    int                code,
                    const char        *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = all_contest_rows (fixture);
  g_autofree char *after = NULL;

  g_assert_cmpint (yishi_contest_store_add (fixture->db, draft, &error), ==, 0);
  assert_refused (error, code, fragment, NULL);
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_add_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();

  draft->name = g_strdup ("   ");
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "name");
  g_free (draft->name);
  draft->name = g_strdup ("2024年幸福里社区提案大赛");
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "2024年幸福里社区提案大赛");
  g_free (draft->name);
  draft->name = g_strdup ("新的大赛");
  draft->budget_fen = -1;
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "新的大赛");
  draft->budget_fen = 0;
  draft->opens_on = g_strdup ("2024-05-01");
  draft->closes_on = g_strdup ("2024-04-30");
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "2024-04-30");
  g_free (draft->closes_on);
  draft->closes_on = g_strdup ("2024-13-01");
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "2024-13-01");
  g_clear_pointer (&draft->closes_on, g_free);
  draft->funding = YISHI_CONTEST_FUNDING_TOP_N;
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "N");
  draft->funding = YISHI_CONTEST_FUNDING_GREEDY;
  draft->top_n = 2;
  assert_add_refused (fixture, draft, YISHI_ERROR_INVALID_VALUE, "N");
}

static void
test_criteria (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  id = yishi_contest_store_add_criterion (fixture->db, fixture->contest, "创新性", "是否有新办法", 1000, 10,
                                          &error);
  g_assert_no_error (error);
  rows = yishi_contest_store_list_criteria (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  {
    const YishiContestCriterionRow *first = rows->pdata[0];
    const YishiContestCriterionRow *third = rows->pdata[2];

    g_assert_cmpint (first->id, ==, fixture->criteria[0]);
    g_assert_cmpuint (first->position, ==, 1);
    g_assert_cmpstr (first->name, ==, "必要性");
    g_assert_cmpstr (first->description, ==, "");
    g_assert_cmpint (first->max_points, ==, 3000);
    g_assert_cmpint (first->step, ==, YISHI_CONTEST_DEFAULT_STEP);
    g_assert_cmpint (third->id, ==, id);
    g_assert_cmpuint (third->position, ==, 3);
    g_assert_cmpstr (third->description, ==, "是否有新办法");
    g_assert_cmpint (third->step, ==, 10);
  }

  before = all_contest_rows (fixture);
  /* 30.25 is not reached in steps of 0.5 */
  g_assert_cmpint (yishi_contest_store_add_criterion (fixture->db, fixture->contest, "受益面", NULL, 3025, 50,
                                                      &error), ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "受益面", "30.25", "0.50", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_add_criterion (fixture->db, fixture->contest, "受益面", NULL, 0, 50,
                                                      &error), ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "受益面", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_add_criterion (fixture->db, fixture->contest, "必要性", NULL, 1000, 50,
                                                      &error), ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "必要性", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_add_criterion (fixture->db, 999, "受益面", NULL, 2000, 50, &error), ==, 0);
  assert_refused (error, YISHI_ERROR_NOT_FOUND, "999", NULL);
  g_clear_error (&error);
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);

  /* once judging, the criteria stay as they are */
  judge (fixture, fixture->contest, WANG);
  enter (fixture, fixture->contest, ROAD);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  g_assert_cmpint (yishi_contest_store_add_criterion (fixture->db, fixture->contest, "受益面", NULL, 2000, 50,
                                                      &error), ==, 0);
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
}

/* Only what screening let through. */
static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  enter (fixture, fixture->contest, ROAD);
  enter (fixture, fixture->contest, LIFT);
  before = all_contest_rows (fixture);
  g_assert_cmpint (yishi_contest_store_enter (fixture->db, fixture->contest, fixture->proposals[DANCE], &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, "广场舞噪音治理", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_enter (fixture->db, fixture->contest, fixture->proposals[ROAD], &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "3号楼道路硬化", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_enter (fixture->db, fixture->contest, 999, &error), ==, 0);
  assert_refused (error, YISHI_ERROR_NOT_FOUND, "999", NULL);
  g_clear_error (&error);
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);

  /* the same proposal may be in another contest */
  enter (fixture, add_contest (fixture->db, "第二届", FALSE), ROAD);
  assert_rows (fixture, "SELECT count(*) FROM contest_entry", "3\n");

  judge (fixture, fixture->contest, WANG);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  g_assert_cmpint (yishi_contest_store_enter (fixture->db, fixture->contest, fixture->proposals[LIGHTS],
                                              &error), ==, 0);
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
}

static void
test_judges (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  judge (fixture, fixture->contest, WANG);
  g_assert_cmpint (yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[WANG], &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "王芳", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_add_judge (fixture->db, fixture->contest, 999, &error), ==, 0);
  assert_refused (error, YISHI_ERROR_NOT_FOUND, "999", NULL);
  assert_rows (fixture, "SELECT count(*) FROM contest_judge", "1\n");
}

/* A judge who proposed an entry is recused from it, whichever was
 * added first; the grid counts only where the contest says so. */
static void
test_auto_recusal_proposer (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *rows = NULL;

  enter (fixture, fixture->contest, ROAD);
  enter (fixture, fixture->contest, LIGHTS);
  judge (fixture, fixture->contest, ZHANG);
  judge (fixture, fixture->contest, WANG);
  judge (fixture, fixture->contest, CHEN);
  enter (fixture, fixture->contest, LIFT);
  rows = recusals (fixture, fixture->contest);
  /* 王芳 shares 第一网格 with 李建国, but this contest does not recuse by grid */
  g_assert_cmpstr (rows, ==, "张秀英|3号楼道路硬化|proposer\n陈小明|加装电梯|proposer\n");
}

static void
test_auto_recusal_grid (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *rows = NULL;
  gint64 contest = add_contest (fixture->db, "网格回避大赛", TRUE);

  enter (fixture, contest, ROAD);     /* 张秀英, 第二网格 */
  enter (fixture, contest, LIGHTS);   /* 李建国, 第一网格 */
  judge (fixture, contest, WANG);     /* 第一网格 */
  judge (fixture, contest, ZHAO);     /* no grid */
  judge (fixture, contest, CHEN);     /* 第二网格 */
  enter (fixture, contest, BENCHES);  /* 孙丽, no grid: no grid is not a shared one */
  enter (fixture, contest, LIFT);     /* 陈小明 himself */
  rows = recusals (fixture, contest);
  g_assert_cmpstr (rows, ==,
                   "王芳|楼道照明更换LED灯|same-grid\n"
                   "陈小明|3号楼道路硬化|same-grid\n"
                   "陈小明|加装电梯|proposer\n");
}

static void
test_recuse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rows = NULL;
  gint64 id;

  enter (fixture, fixture->contest, ROAD);
  enter (fixture, fixture->contest, LIGHTS);
  judge (fixture, fixture->contest, WANG);
  judge (fixture, fixture->contest, LI);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  score (fixture, WANG, ROAD, 0, 2500);
  score (fixture, WANG, ROAD, 1, 2000);
  score (fixture, WANG, LIGHTS, 0, 2000);

  before = all_contest_rows (fixture);
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[WANG],
                                               fixture->proposals[ROAD], YISHI_RECUSAL_OTHER, "  ", &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[ZHAO],
                                               fixture->proposals[ROAD], YISHI_RECUSAL_RELATIVE, NULL, &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "赵志强", NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[WANG],
                                               fixture->proposals[LIFT], YISHI_RECUSAL_RELATIVE, NULL, &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "加装电梯", NULL);
  g_clear_error (&error);
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);

  /* the recused judge's scores of that proposal go, the others stay */
  id = yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[WANG],
                                   fixture->proposals[ROAD], YISHI_RECUSAL_RELATIVE, " 是张秀英的女儿 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* 李建国 was recused from his own proposal when he became a judge */
  rows = raw_rows (fixture, "SELECT reason, note, length(uuid) FROM contest_recusal ORDER BY id");
  g_assert_cmpstr (rows, ==, "proposer||36\nrelative|是张秀英的女儿|36\n");
  assert_rows (fixture, "SELECT proposal_id, points FROM contest_score", "3|2000\n");

  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[WANG],
                                               fixture->proposals[ROAD], YISHI_RECUSAL_OTHER, "再次", &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "王芳", "3号楼道路硬化", NULL);
  g_clear_error (&error);

  set_state (fixture, YISHI_CONTEST_STATE_PUBLISHED);
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[LI],
                                               fixture->proposals[ROAD], YISHI_RECUSAL_RELATIVE, NULL, &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
}

static void
test_scores (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) scores = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 other = add_contest (fixture->db, "第二届", FALSE);
  gint64 foreign = add_criterion (fixture, other, "必要性", 3000);

  enter (fixture, fixture->contest, ROAD);
  enter (fixture, fixture->contest, LIGHTS);
  judge (fixture, fixture->contest, WANG);
  judge (fixture, fixture->contest, ZHAO);

  /* not before judging */
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], fixture->criteria[0], 2500, &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);

  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  score (fixture, ZHAO, LIGHTS, 1, 2500);
  score (fixture, WANG, ROAD, 0, 0);
  score (fixture, WANG, ROAD, 0, 3000);
  score (fixture, WANG, ROAD, 1, 1750);
  score (fixture, ZHAO, ROAD, 0, 2850);
  score (fixture, WANG, LIGHTS, 0, 50);

  before = all_contest_rows (fixture);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], fixture->criteria[0], 3050, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "王芳", "3号楼道路硬化", "必要性", "30.50", "30.00", NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], fixture->criteria[1], -50, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "王芳", "3号楼道路硬化", "可行性", NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[ZHAO],
                                                 fixture->proposals[LIGHTS], fixture->criteria[1], 1025, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "赵志强", "楼道照明更换LED灯", "可行性", "10.25", "0.50",
                  NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[LI],
                                                 fixture->proposals[ROAD], fixture->criteria[0], 1000, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "李建国", NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[LIFT], fixture->criteria[0], 1000, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "加装电梯", NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], foreign, 1000, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "必要性", NULL);
  g_clear_error (&error);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], 999, 1000, &error));
  assert_refused (error, YISHI_ERROR_NOT_FOUND, "999", NULL);
  g_clear_error (&error);
  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);

  /* one query, in the order of proposal, judge and criterion; a score
   * set again replaces the first */
  scores = yishi_contest_store_read_scores (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 5);
  {
    const YishiContestScoreRow expected[] = {
      { fixture->proposals[ROAD], fixture->people[WANG], fixture->criteria[0], 3000 },
      { fixture->proposals[ROAD], fixture->people[WANG], fixture->criteria[1], 1750 },
      { fixture->proposals[ROAD], fixture->people[ZHAO], fixture->criteria[0], 2850 },
      { fixture->proposals[LIGHTS], fixture->people[WANG], fixture->criteria[0], 50 },
      { fixture->proposals[LIGHTS], fixture->people[ZHAO], fixture->criteria[1], 2500 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        const YishiContestScoreRow *row = &g_array_index (scores, YishiContestScoreRow, i);

        g_assert_cmpint (row->proposal_id, ==, expected[i].proposal_id);
        g_assert_cmpint (row->judge_id, ==, expected[i].judge_id);
        g_assert_cmpint (row->criterion_id, ==, expected[i].criterion_id);
        g_assert_cmpint (row->points, ==, expected[i].points);
      }
  }
  g_clear_pointer (&scores, g_array_unref);
  scores = yishi_contest_store_read_scores (fixture->db, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scores->len, ==, 0);
  g_clear_pointer (&scores, g_array_unref);
  g_assert_null (yishi_contest_store_read_scores (fixture->db, 999, &error));
  assert_refused (error, YISHI_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  /* published locks the scores */
  set_state (fixture, YISHI_CONTEST_STATE_PUBLISHED);
  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[WANG],
                                                 fixture->proposals[ROAD], fixture->criteria[0], 2000, &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  assert_rows (fixture, "SELECT points FROM contest_score WHERE criterion_id = 1 ORDER BY proposal_id, person_id",
               "3000\n2850\n50\n");
}

/* A score of the road on the first criterion, written past the store. */
static char *
score_sql (Fixture    *fixture,
           guint       person,
           const char *uuid)
{
  return g_strdup_printf ("INSERT INTO contest_score (contest_id, proposal_id, person_id, criterion_id, points,"
                          " uuid) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                          ", %" G_GINT64_FORMAT ", 3000, '%s')",
                          fixture->contest, fixture->proposals[ROAD], fixture->people[person],
                          fixture->criteria[0], uuid);
}

/* The store refuses a recused judge's score with a message; the
 * trigger refuses it to any other writer. */
static void
test_recused_cannot_score (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  enter (fixture, fixture->contest, ROAD);
  judge (fixture, fixture->contest, ZHANG);
  judge (fixture, fixture->contest, WANG);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);

  g_assert_false (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[ZHANG],
                                                 fixture->proposals[ROAD], fixture->criteria[0], 3000, &error));
  assert_refused (error, YISHI_ERROR_INVALID_VALUE, "张秀英", "3号楼道路硬化", "必要性", NULL);
  assert_rows (fixture, "SELECT count(*) FROM contest_score", "0\n");

  {
    g_autofree char *recused = score_sql (fixture, ZHANG, "0190f0e0-0000-7000-8000-000000000001");
    g_autofree char *allowed = score_sql (fixture, WANG, "0190f0e0-0000-7000-8000-000000000002");

    g_assert_cmpint (raw_exec (fixture, recused, &message), ==, SQLITE_CONSTRAINT);
    g_assert_nonnull (strstr (message, "recused"));
    g_assert_cmpint (raw_exec (fixture, allowed, NULL), ==, SQLITE_OK);
  }
  /* nor can a score be moved onto the recused judge */
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (raw_exec (fixture, "UPDATE contest_score SET person_id = (SELECT person_id FROM contest_recusal)",
                             &message), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, "recused"));
  assert_rows (fixture, "SELECT p.name, s.points FROM contest_score s JOIN person p ON p.id = s.person_id",
               "王芳|3000\n");
}

static void
test_state_machine (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestRow) row = NULL;

  g_assert_false (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_PUBLISHED,
                                                 &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, "setup", "published", NULL);
  g_clear_error (&error);
  /* nothing to judge yet */
  g_assert_false (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_JUDGING,
                                                 &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  judge (fixture, fixture->contest, WANG);
  g_assert_false (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_JUDGING,
                                                 &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  enter (fixture, fixture->contest, ROAD);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  g_assert_false (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_SETUP,
                                                 &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, "judging", "setup", NULL);
  g_clear_error (&error);
  set_state (fixture, YISHI_CONTEST_STATE_PUBLISHED);
  g_assert_false (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_JUDGING,
                                                 &error));
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);
  g_assert_cmpint (yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[LI], &error),
                   ==, 0);
  assert_refused (error, YISHI_ERROR_ILLEGAL_TRANSITION, NULL);
  g_clear_error (&error);

  row = yishi_contest_store_get (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->state, ==, YISHI_CONTEST_STATE_PUBLISHED);
}

/* A write that fails after its first statement leaves nothing behind:
 * a trigger the test adds makes the last insert of each one fail. */
static void
test_atomic (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  enter (fixture, fixture->contest, ROAD);
  judge (fixture, fixture->contest, WANG);
  set_state (fixture, YISHI_CONTEST_STATE_JUDGING);
  score (fixture, WANG, ROAD, 0, 2000);
  g_assert_cmpint (raw_exec (fixture, "CREATE TRIGGER test_refuse BEFORE INSERT ON contest_recusal"
                                      " WHEN NEW.reason = 'proposer' OR NEW.note = '失败'"
                                      " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;", NULL),
                   ==, SQLITE_OK);
  before = all_contest_rows (fixture);

  /* the judge's row was written before the automatic recusal failed */
  g_assert_cmpint (yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[ZHANG], &error),
                   ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE);
  g_clear_error (&error);
  /* the scores were taken away before the recusal failed */
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->people[WANG],
                                               fixture->proposals[ROAD], YISHI_RECUSAL_OTHER, "失败", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE);
  g_clear_error (&error);

  after = all_contest_rows (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (raw_exec (fixture, "DROP TRIGGER test_refuse", NULL), ==, SQLITE_OK);
}

#define ADD(path, func) \
  g_test_add ("/contest-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contest-store/keys", test_keys);
  ADD ("add-and-list", test_add_and_list);
  ADD ("seed-drawn", test_seed_drawn);
  ADD ("add-refused", test_add_refused);
  ADD ("criteria", test_criteria);
  ADD ("enter", test_enter);
  ADD ("judges", test_judges);
  ADD ("auto-recusal/proposer", test_auto_recusal_proposer);
  ADD ("auto-recusal/grid", test_auto_recusal_grid);
  ADD ("recuse", test_recuse);
  ADD ("scores", test_scores);
  ADD ("recused-cannot-score", test_recused_cannot_score);
  ADD ("state-machine", test_state_machine);
  ADD ("atomic", test_atomic);

  return g_test_run ();
}
