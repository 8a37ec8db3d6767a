#include "config.h"

#include <string.h>

#include "yishi-contest-roster.h"
#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-score-import.h"
#include "yishi-test-util.h"

/* A contest in judging: judges 王芳, 李建国 and 张秀英, who proposed 3号楼道路硬化
 * and so is recused from it; three entries; 必要性 (30, step 0.5) and
 * 可行性 (25, step 0.5). Two more people, both called 刘洋, judge too in
 * the test of ambiguous names. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  char          *path;          /* scores.csv in the folder */
  gint64         people[6];
  gint64         proposals[3];
  char          *codes[3];
  gint64         contest;
  gint64         criteria[2];
} Fixture;

enum { WANG, LI, ZHANG, ZHAO, LIU_1, LIU_2 };
enum { ROAD, LIFT, LIGHTS };

static const char * const names[] = { "王芳", "李建国", "张秀英", "赵志强", "刘洋", "刘洋" };
/* UUIDs of their own: ones made within the same minute share a
 * beginning, and each differs from the others at both ends, so the
 * codes printed on score sheets tell them apart. */
static const struct { const char *title; guint proposer; YishiProposalStatus status; const char *uuid; } ideas[] = {
  { "3号楼道路硬化", ZHANG, YISHI_PROPOSAL_STATUS_SCREENED_IN, "0a1b2c3d-0000-7000-8000-0000a1a1a1a1" },
  { "加装电梯", ZHAO, YISHI_PROPOSAL_STATUS_SHORTLISTED, "1b2c3d4e-0000-7000-8000-0000b2b2b2b2" },
  { "楼道照明更换LED灯", ZHAO, YISHI_PROPOSAL_STATUS_SCREENED_IN, "2c3d4e5f-0000-7000-8000-0000c3c3c3c3" },
};

static gint64
add_proposal (Fixture *fixture,
              guint    index)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (ideas[index].title);
  draft->proposer_id = fixture->people[ideas[index].proposer];
  draft->status = ideas[index].status;
  draft->uuid = g_strdup (ideas[index].uuid);
  proposal = yishi_proposal_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

static void
set_up_contest (Fixture *fixture)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup ("2024年幸福里社区提案大赛");
  draft->budget_fen = 20000000;
  fixture->contest = yishi_contest_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  fixture->criteria[0] = yishi_contest_store_add_criterion (fixture->db, fixture->contest, "必要性", NULL,
                                                            3000, 0, &error);
  g_assert_no_error (error);
  fixture->criteria[1] = yishi_contest_store_add_criterion (fixture->db, fixture->contest, "可行性", NULL,
                                                            2500, 0, &error);
  g_assert_no_error (error);
  for (guint i = WANG; i <= ZHANG; i++)
    {
      yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fixture->proposals); i++)
    {
      yishi_contest_store_enter (fixture->db, fixture->contest, fixture->proposals[i], &error);
      g_assert_no_error (error);
    }
  entries = yishi_contest_store_list_entries (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < entries->len; i++)
    fixture->codes[i] = g_strdup (((YishiContestEntryRow *) entries->pdata[i])->code);
}

static void
start_judging (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_contest_store_set_state (fixture->db, fixture->contest,
                                                YISHI_CONTEST_STATE_JUDGING, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  fixture->path = yishi_test_dir_file (fixture->dir, "scores.csv");
  for (guint i = 0; i < G_N_ELEMENTS (fixture->people); i++)
    fixture->people[i] = yishi_test_add_person (fixture->db, names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->proposals); i++)
    fixture->proposals[i] = add_proposal (fixture, i);
  set_up_contest (fixture);
  /* data: stay in setup */
  if (data == NULL)
    start_judging (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->codes); i++)
    g_free (fixture->codes[i]);
  g_free (fixture->path);
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static void
write_csv (Fixture    *fixture,
           const char *contents)
{
  yishi_test_write_file (fixture->path, contents, -1);
}

static guint
import_ok (Fixture       *fixture,
           YishiEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  guint n = yishi_score_import_file (fixture->db, fixture->contest, fixture->path, encoding, &error);

  g_assert_no_error (error);
  return n;
}

/* The import's error message; nothing may have been stored. */
static char *
import_fails (Fixture *fixture)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GError) error = NULL;
  guint n = yishi_score_import_file (fixture->db, fixture->contest, fixture->path, YISHI_ENCODING_AUTO,
                                     &error);

  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (error);
  scores = yishi_contest_store_read_scores (fixture->db, fixture->contest, NULL);
  g_assert_nonnull (scores);
  g_assert_cmpuint (scores->len, ==, 0);
  return g_strdup (error->message);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

/* The points stored for one cell of the grid, or -1. */
static gint64
stored_points (Fixture *fixture,
               guint    judge,
               guint    proposal,
               guint    criterion)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GError) error = NULL;

  scores = yishi_contest_store_read_scores (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < scores->len; i++)
    {
      const YishiContestScoreRow *row = &g_array_index (scores, YishiContestScoreRow, i);

      if (row->judge_id == fixture->people[judge] && row->proposal_id == fixture->proposals[proposal] &&
          row->criterion_id == fixture->criteria[criterion])
        return row->points;
    }
  return -1;
}

static guint
count_scores (Fixture *fixture)
{
  g_autoptr(GArray) scores = yishi_contest_store_read_scores (fixture->db, fixture->contest, NULL);

  g_assert_nonnull (scores);
  return scores->len;
}

/* Names, person ids, proposal ids, codes in upper case, criterion ids,
 * full-width digits, a notes column that is ignored, and a blank line. */
static void
test_names_and_ids (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *upper = g_ascii_strup (fixture->codes[LIGHTS], -1);
  g_autofree char *csv = g_strdup_printf (
      "Judge,Proposal,Criterion,Points,Note\n"
      "王芳,3号楼道路硬化,必要性,27.5,\n"
      "%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",20,typed twice\n"
      "\n"
      " 李建国 ,%s,可行性,２２．５,\n"
      "王芳,%s,可行性,25,\n",
      fixture->people[LI], fixture->proposals[LIFT], fixture->criteria[1], upper, fixture->codes[ROAD]);

  write_csv (fixture, csv);
  g_assert_cmpuint (import_ok (fixture, YISHI_ENCODING_AUTO), ==, 4);
  g_assert_cmpint (stored_points (fixture, WANG, ROAD, 0), ==, 2750);
  g_assert_cmpint (stored_points (fixture, LI, LIFT, 1), ==, 2000);
  g_assert_cmpint (stored_points (fixture, LI, LIGHTS, 1), ==, 2250);
  g_assert_cmpint (stored_points (fixture, WANG, ROAD, 1), ==, 2500);
  g_assert_cmpuint (count_scores (fixture), ==, 4);
}

/* Chinese headers in another order, with a BOM, and the other alias of
 * the criterion column (指标); in UTF-8, then in GBK. */
static const char chinese_csv[] =
  "\xEF\xBB\xBF得分,评委,指标,提案\n"
  "28,王芳,必要性,加装电梯\n"
  "19.5,张秀英,可行性,加装电梯\n";

static void
test_chinese_headers (Fixture       *fixture,
                      gconstpointer  data)
{
  write_csv (fixture, chinese_csv);
  g_assert_cmpuint (import_ok (fixture, YISHI_ENCODING_AUTO), ==, 2);
  g_assert_cmpint (stored_points (fixture, WANG, LIFT, 0), ==, 2800);
  g_assert_cmpint (stored_points (fixture, ZHANG, LIFT, 1), ==, 1950);
}

static void
test_gbk (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  /* without the BOM, which belongs to UTF-8 */
  g_autofree char *bytes = g_convert (chinese_csv + 3, -1, "GB18030", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  yishi_test_write_file (fixture->path, bytes, length);
  g_assert_cmpuint (import_ok (fixture, YISHI_ENCODING_AUTO), ==, 2);
  g_assert_cmpint (stored_points (fixture, WANG, LIFT, 0), ==, 2800);
  g_assert_cmpint (stored_points (fixture, ZHANG, LIFT, 1), ==, 1950);
}

/* Every bad row is named by its line and column, and nothing is stored,
 * not even the good rows. */
static void
test_bad_rows (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *message = NULL;

  write_csv (fixture,
             "judge,proposal,criterion,points\n"
             "王芳,加装电梯,必要性,27.5\n"      /* 2: good */
             "孙丽,加装电梯,必要性,20\n"        /* 3: not a judge */
             "张秀英,3号楼道路硬化,必要性,20\n" /* 4: recused: the proposer */
             "王芳,楼道照明更换LED灯,必要性,31\n" /* 5: above 30 */
             "李建国,加装电梯,必要性,27.3\n"    /* 6: off the step of 0.5 */
             "李建国,加装电梯,可行性,20.125\n"  /* 7: three decimals */
             "李建国,楼道照明更换LED灯,可行性,\n" /* 8: empty */
             "李建国,广场舞,安全性,20\n"        /* 9: no such entry nor criterion */
             "王芳,加装电梯,必要性,26\n");      /* 10: the same cell as line 2 */
  message = import_fails (fixture);
  assert_contains (message, "scores.csv, line 3, column “judge”: “孙丽” is not a judge");
  assert_contains (message, "scores.csv, line 4, column “judge”: 张秀英 is recused from “3号楼道路硬化”");
  assert_contains (message, "scores.csv, line 5, column “points”: 31.00 is more than 30.00");
  assert_contains (message, "scores.csv, line 6, column “points”: 27.30 is not a multiple of 0.50");
  assert_contains (message, "scores.csv, line 7, column “points”: “20.125” has more than two decimals");
  assert_contains (message, "scores.csv, line 8, column “points”: The cell is empty.");
  assert_contains (message, "scores.csv, line 9, column “proposal”: “广场舞” is not a proposal");
  assert_contains (message, "scores.csv, line 9, column “criterion”: “安全性” is not a criterion");
  assert_contains (message, "scores.csv, line 10: The same judge, proposal and criterion as line 2.");
  g_assert_null (strstr (message, "line 2,"));
  g_assert_null (strstr (message, "Stopped after"));
}

/* A long cell is cut in the message after 40 characters, Chinese ones
 * too (three bytes each). */
static void
test_long_cell (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("judge,proposal,criterion,points\n王芳,");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append (csv, "加装电梯");
  g_string_append (csv, ",必要性,20\n");
  write_csv (fixture, csv->str);
  message = import_fails (fixture);
  assert_contains (message, "line 2, column “proposal”: “加装电梯加装电梯加装电梯加装电梯加装电梯加装电梯加装电梯"
                            "加装电梯加装电梯加装电梯…” is not a proposal");
}

static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *message = NULL;

  write_csv (fixture, "评委,提案,评分标准,备注\n王芳,加装电梯,必要性,好\n");
  message = import_fails (fixture);
  assert_contains (message, "scores.csv, line 1: The “points” column is missing");
}

static void
test_too_many_problems (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("judge,proposal,criterion,points\n");
  g_autofree char *message = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append (csv, "孙丽,加装电梯,必要性,20\n");
  write_csv (fixture, csv->str);
  message = import_fails (fixture);
  assert_contains (message, "line 21, column “judge”");
  g_assert_null (strstr (message, "line 22,"));
  assert_contains (message, "Stopped after 20 problems.");
}

static void
test_ambiguous_judge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *ids = g_strdup_printf ("(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                          fixture->people[LIU_1], fixture->people[LIU_2]);
  g_autofree char *by_id = NULL;
  g_autoptr(GError) error = NULL;

  yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[LIU_1], &error);
  g_assert_no_error (error);
  yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[LIU_2], &error);
  g_assert_no_error (error);

  write_csv (fixture, "judge,proposal,criterion,points\n刘洋,加装电梯,必要性,20\n");
  message = import_fails (fixture);
  assert_contains (message, "line 2, column “judge”: More than one judge is called “刘洋”");
  assert_contains (message, ids);

  by_id = g_strdup_printf ("judge,proposal,criterion,points\n%" G_GINT64_FORMAT ",加装电梯,必要性,20\n",
                           fixture->people[LIU_2]);
  write_csv (fixture, by_id);
  g_assert_cmpuint (import_ok (fixture, YISHI_ENCODING_AUTO), ==, 1);
  g_assert_cmpint (stored_points (fixture, LIU_2, LIFT, 0), ==, 2000);
}

/* A second import replaces the scores it gives again, and keeps the
 * others. */
static void
test_second_import_replaces (Fixture       *fixture,
                             gconstpointer  data)
{
  write_csv (fixture,
             "judge,proposal,criterion,points\n"
             "王芳,加装电梯,必要性,27.5\n"
             "王芳,加装电梯,可行性,20\n");
  g_assert_cmpuint (import_ok (fixture, YISHI_ENCODING_AUTO), ==, 2);
  write_csv (fixture, "judge,proposal,criterion,points\n王芳,加装电梯,必要性,25\n");
  g_assert_cmpuint (import_ok (fixture, YISHI_ENCODING_AUTO), ==, 1);
  g_assert_cmpint (stored_points (fixture, WANG, LIFT, 0), ==, 2500);
  g_assert_cmpint (stored_points (fixture, WANG, LIFT, 1), ==, 2000);
  g_assert_cmpuint (count_scores (fixture), ==, 2);
}

/* The store checks again in its transaction: it refuses scores outside
 * judging, and its refusal names the file. */
static void
test_store_refuses (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;

  write_csv (fixture, "judge,proposal,criterion,points\n王芳,加装电梯,必要性,27.5\n");
  message = import_fails (fixture);
  g_assert_true (g_str_has_prefix (message, "scores.csv: "));
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *message = NULL;

  write_csv (fixture, "judge,proposal,criterion,points\n\n");
  message = import_fails (fixture);
  assert_contains (message, "scores.csv has no scores.");
}

static void
assert_points (const char *text,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 points = -1;

  if (expected < 0)
    {
      g_assert_false (yishi_contest_parse_points (text, &points, &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
      return;
    }
  g_assert_true (yishi_contest_parse_points (text, &points, &error));
  g_assert_no_error (error);
  g_assert_cmpint (points, ==, expected);
}

static void
test_parse_points (void)
{
  assert_points ("27.5", 2750);
  assert_points ("27.05", 2705);
  assert_points ("27.50", 2750);
  assert_points ("0", 0);
  assert_points (".5", 50);
  assert_points (" 30 ", 3000);
  assert_points ("３０．５", 3050);
  assert_points ("999999999", G_GINT64_CONSTANT (99999999900));
  assert_points ("1000000000", -1);
  assert_points ("27,5", -1);
  assert_points ("27.125", -1);
  assert_points ("-1", -1);
  assert_points ("1e2", -1);
  assert_points ("27.", -1);
  assert_points ("", -1);
  assert_points ("二十", -1);
}

static void
assert_checked (const YishiContestCriterionRow *criterion,
                 gint64                          points,
                 const char                     *message)
{
  g_autoptr(GError) error = NULL;

  if (message == NULL)
    {
      g_assert_true (yishi_contest_check_points (criterion, points, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_false (yishi_contest_check_points (criterion, points, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_check_points (void)
{
  YishiContestCriterionRow criterion = { 1, 1, (char *) "必要性", NULL, 3000, 50 };

  assert_checked (&criterion, 0, NULL);
  assert_checked (&criterion, 2750, NULL);
  assert_checked (&criterion, 3000, NULL);
  assert_checked (&criterion, 3050, "30.50 is more than 30.00, the most “必要性” allows.");
  assert_checked (&criterion, 2730, "27.30 is not a multiple of 0.50, the step of “必要性”.");
  assert_checked (&criterion, -50, "“-0.50” is below 0, the fewest points a judge can give.");
  criterion.step = 10;
  assert_checked (&criterion, 2730, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/score-import/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("names-and-ids", test_names_and_ids, NULL);
  ADD ("chinese-headers", test_chinese_headers, NULL);
  ADD ("gbk", test_gbk, NULL);
  ADD ("bad-rows", test_bad_rows, NULL);
  ADD ("missing-column", test_missing_column, NULL);
  ADD ("too-many-problems", test_too_many_problems, NULL);
  ADD ("ambiguous-judge", test_ambiguous_judge, NULL);
  ADD ("long-cell", test_long_cell, NULL);
  ADD ("second-import-replaces", test_second_import_replaces, NULL);
  ADD ("store-refuses", test_store_refuses, "setup");
  ADD ("empty-file", test_empty_file, NULL);
  g_test_add_func ("/score-import/parse-points", test_parse_points);
  g_test_add_func ("/score-import/check-points", test_check_points);

#undef ADD

  return g_test_run ();
}
