#include <locale.h>

#include "yishi-contest-store.h"
#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"

/* A contest of three proposals, three judges and two criteria (必要性 out
 * of 30, 可行性 out of 25), judge 赵志强 recused from the third proposal;
 * every score set through the store. In hundredths, each judge's totals:
 *
 *              王芳                李建国              赵志强
 *   ROAD    2500+2000=4500     2800+1500=4300     2000+2400=4400
 *   LIFT    3000+2500=5500     2000+1000=3000     2600+2100=4700
 *   BENCHES 1500+1000=2500     1000+ 500=1500     (recused)
 *
 * Mean: ROAD and LIFT 13200/3 = 44.00, BENCHES 4000/2 = 20.00; ROAD and
 * LIFT tie on the untrimmed mean too, and LIFT wins on 必要性, the
 * criterion worth most (7600/3 against 7300/3). Median: LIFT 47.00, ROAD
 * 44.00, BENCHES (1500+2500)/2 = 20.00. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         judges[3];
  gint64         proposals[3];
  gint64         contest;
  gint64         criteria[2];
} Fixture;

enum { WANG, LI, ZHAO };
enum { ROAD, LIFT, BENCHES };

#define SEED 20240315

static const char * const judge_names[] = { "王芳", "李建国", "赵志强" };

static const struct { const char *title; const char *proposer; gint64 cost_fen; } ideas[] = {
  { "3号楼道路硬化", "张秀英", 12000000 },
  { "加装电梯", "陈小明", 45000000 },
  { "小区增设休息座椅", "孙丽", YISHI_UNKNOWN },
};

/* [proposal][judge][criterion]; -1: recused */
static const gint64 points[3][3][2] = {
  { { 2500, 2000 }, { 2800, 1500 }, { 2000, 2400 } },
  { { 3000, 2500 }, { 2000, 1000 }, { 2600, 2100 } },
  { { 1500, 1000 }, { 1000, 500 }, { -1, -1 } },
};

static gint64
add_person (YishiDatabase *db,
            const char    *name)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (name);
  draft->community = g_strdup ("幸福里社区");
  person = yishi_person_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_person_get_id (person);
}

static gint64
add_proposal (YishiDatabase *db,
              guint          index)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (ideas[index].title);
  draft->proposer_id = add_person (db, ideas[index].proposer);
  draft->cost_fen = ideas[index].cost_fen;
  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
  proposal = yishi_proposal_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

static gint64
add_criterion (Fixture    *fixture,
               const char *name,
               gint64      max_points)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_contest_store_add_criterion (fixture->db, fixture->contest, name, NULL, max_points, 0,
                                                 &error);

  g_assert_no_error (error);
  return id;
}

static void
score_all (Fixture *fixture)
{
  for (guint p = 0; p < G_N_ELEMENTS (points); p++)
    for (guint j = 0; j < G_N_ELEMENTS (points[p]); j++)
      for (guint c = 0; c < G_N_ELEMENTS (points[p][j]); c++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok = yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->judges[j],
                                                       fixture->proposals[p], fixture->criteria[c],
                                                       MAX (points[p][j][c], 0), &error);

          /* the recused judge is refused: the store holds no score of theirs */
          if (points[p][j][c] < 0)
            g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
          else
            g_assert_no_error (error);
          g_assert_true (ok == (points[p][j][c] >= 0));
        }
}

/* @data: the YishiContestAggregation of the contest. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GError) error = NULL;

  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  for (guint j = 0; j < G_N_ELEMENTS (fixture->judges); j++)
    fixture->judges[j] = add_person (fixture->db, judge_names[j]);
  for (guint p = 0; p < G_N_ELEMENTS (fixture->proposals); p++)
    fixture->proposals[p] = add_proposal (fixture->db, p);

  draft->name = g_strdup ("2024年幸福里社区提案大赛");
  draft->budget_fen = 50000000;
  draft->aggregation = GPOINTER_TO_UINT (data);
  draft->lots_seed = SEED;
  fixture->contest = yishi_contest_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  fixture->criteria[0] = add_criterion (fixture, "必要性", 3000);
  fixture->criteria[1] = add_criterion (fixture, "可行性", 2500);
  for (guint p = 0; p < G_N_ELEMENTS (fixture->proposals); p++)
    {
      g_assert_cmpint (yishi_contest_store_enter (fixture->db, fixture->contest, fixture->proposals[p], &error),
                       >, 0);
      g_assert_no_error (error);
    }
  for (guint j = 0; j < G_N_ELEMENTS (fixture->judges); j++)
    {
      g_assert_cmpint (yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->judges[j], &error),
                       >, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (yishi_contest_store_recuse (fixture->db, fixture->contest, fixture->judges[ZHAO],
                                               fixture->proposals[BENCHES], YISHI_RECUSAL_RELATIVE, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_true (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_JUDGING,
                                                &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static void
assert_score (const YishiContestScore *score,
              gint64                   numerator,
              gint64                   denominator)
{
  YishiContestScore expected;

  yishi_contest_score_init_exact (&expected, numerator, denominator);
  g_assert_true (yishi_contest_score_is_exact (score));
  g_assert_cmpint (yishi_contest_score_compare (score, &expected), ==, 0);
}

static void
assert_place (Fixture                   *fixture,
              const YishiContestRanking *ranking,
              guint                      rank,
              guint                      proposal,
              guint                      n_judges,
              gint64                     final_numerator,
              gint64                     final_denominator,
              YishiContestTieBreak       tie_break)
{
  const YishiContestPlace *place = yishi_contest_ranking_get (ranking, rank - 1);
  gint64 sums[2] = { 0, 0 };
  gint64 total = 0;

  g_assert_cmpint (place->proposal_id, ==, fixture->proposals[proposal]);
  g_assert_cmpuint (place->rank, ==, rank);
  g_assert_cmpint (place->cost, ==, MAX (ideas[proposal].cost_fen, 0));
  g_assert_cmpuint (place->n_judges, ==, n_judges);
  assert_score (&place->final_score, final_numerator, final_denominator);
  g_assert_cmpint (place->tie_break, ==, tie_break);
  g_assert_cmpuint (place->lots, ==, yishi_contest_lots (SEED, fixture->proposals[proposal]));

  /* the criterion sums and the untrimmed mean, from the table above */
  for (guint j = 0; j < G_N_ELEMENTS (points[proposal]); j++)
    for (guint c = 0; c < 2; c++)
      if (points[proposal][j][c] >= 0)
        {
          sums[c] += points[proposal][j][c];
          total += points[proposal][j][c];
        }
  g_assert_cmpint (place->criterion_sums[0], ==, sums[0]);
  g_assert_cmpint (place->criterion_sums[1], ==, sums[1]);
  assert_score (&place->mean, total, n_judges);
  assert_score (&place->top_criterion, sums[0], n_judges);
}

static YishiContestRanking *
rank (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  YishiContestRanking *ranking = yishi_contest_store_rank (fixture->db, fixture->contest, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ranking);
  return ranking;
}

static void
test_mean (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(YishiContestRanking) ranking = NULL;

  score_all (fixture);
  ranking = rank (fixture);
  g_assert_cmpint (ranking->aggregation, ==, YISHI_CONTEST_AGGREGATION_MEAN);
  g_assert_cmpuint (ranking->seed, ==, SEED);
  g_assert_cmpuint (ranking->n_criteria, ==, 2);
  g_assert_cmpuint (ranking->top_criterion, ==, 0);
  g_assert_cmpuint (yishi_contest_ranking_get_n_places (ranking), ==, 3);
  assert_place (fixture, ranking, 1, LIFT, 3, 13200, 3, YISHI_CONTEST_TIE_BREAK_TOP_CRITERION);
  assert_place (fixture, ranking, 2, ROAD, 3, 13200, 3, YISHI_CONTEST_TIE_BREAK_NONE);
  assert_place (fixture, ranking, 3, BENCHES, 2, 4000, 2, YISHI_CONTEST_TIE_BREAK_NONE);
}

static void
test_median (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(YishiContestRanking) ranking = NULL;

  score_all (fixture);
  ranking = rank (fixture);
  g_assert_cmpint (ranking->aggregation, ==, YISHI_CONTEST_AGGREGATION_MEDIAN);
  assert_place (fixture, ranking, 1, LIFT, 3, 4700, 1, YISHI_CONTEST_TIE_BREAK_NONE);
  assert_place (fixture, ranking, 2, ROAD, 3, 4400, 1, YISHI_CONTEST_TIE_BREAK_NONE);
  assert_place (fixture, ranking, 3, BENCHES, 2, 4000, 2, YISHI_CONTEST_TIE_BREAK_NONE);
}

/* A score changed after a ranking shows in the next one. */
static void
test_rescored (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(YishiContestRanking) before = NULL;
  g_autoptr(YishiContestRanking) after = NULL;
  g_autoptr(GError) error = NULL;

  score_all (fixture);
  before = rank (fixture);
  g_assert_cmpint (yishi_contest_ranking_get (before, 0)->proposal_id, ==, fixture->proposals[LIFT]);
  /* 李建国 gives ROAD 5.00 more on 可行性: 13700/3 against 13200/3 */
  g_assert_true (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->judges[LI],
                                                fixture->proposals[ROAD], fixture->criteria[1], 2000, &error));
  g_assert_no_error (error);
  after = rank (fixture);
  g_assert_cmpint (yishi_contest_ranking_get (after, 0)->proposal_id, ==, fixture->proposals[ROAD]);
  assert_score (&yishi_contest_ranking_get (after, 0)->final_score, 13700, 3);
  g_assert_cmpint (yishi_contest_ranking_get (after, 0)->criterion_sums[1], ==, 6400);
}

/* Before any score: every proposal unranked, by id. */
static void
test_unscored (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(YishiContestRanking) ranking = rank (fixture);

  g_assert_cmpuint (yishi_contest_ranking_get_n_places (ranking), ==, 3);
  for (guint p = 0; p < 3; p++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, p);

      g_assert_cmpint (place->proposal_id, ==, fixture->proposals[p]);
      g_assert_cmpuint (place->rank, ==, 0);
      g_assert_cmpuint (place->n_judges, ==, 0);
    }
}

static void
test_no_contest (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (yishi_contest_store_rank (fixture->db, fixture->contest + 1, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
}

#define ADD(path, aggregation, func) \
  g_test_add ("/contest-ranking/" path, Fixture, GUINT_TO_POINTER (aggregation), fixture_set_up, func, \
              fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("mean", YISHI_CONTEST_AGGREGATION_MEAN, test_mean);
  ADD ("median", YISHI_CONTEST_AGGREGATION_MEDIAN, test_median);
  ADD ("rescored", YISHI_CONTEST_AGGREGATION_MEAN, test_rescored);
  ADD ("unscored", YISHI_CONTEST_AGGREGATION_MEAN, test_unscored);
  ADD ("no-contest", YISHI_CONTEST_AGGREGATION_MEAN, test_no_contest);

  return g_test_run ();
}
