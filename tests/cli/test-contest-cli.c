#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "yishi-contest-store.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-cli-test-util.h"

/* `yishictl contest` on a temporary database whose people and
 * proposals are added through the store. */
typedef YishiCliFixture Fixture;

/* Screened in, with costs in yuan: 80,000, 50,000 and 30,000. */
static const struct { const char *title; gint64 cost_fen; } ideas[] = {
  { "3号楼道路硬化", 5000000 },
  { "加装电梯", 8000000 },
  { "楼道照明更换LED灯", 3000000 },
};

static void
add_proposals (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (fixture->db_path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ideas); i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
      g_autoptr(YishiProposal) proposal = NULL;

      draft->title = g_strdup (ideas[i].title);
      draft->cost_fen = ideas[i].cost_fen;
      draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
      proposal = yishi_proposal_store_add (db, draft, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* person ids 1 to 5 */
  const char * const names[] = { "王芳", "李建国", "张秀英", "赵志强", "陈小明" };

  yishi_cli_fixture_set_up (fixture, names, G_N_ELEMENTS (names));
  add_proposals (fixture);
}

#define fixture_tear_down yishi_cli_fixture_tear_down
#define RUN(status, out, ...) YISHI_CLI_RUN (fixture, status, out, __VA_ARGS__)

static JsonNode *
run_json (Fixture    *fixture,
          const char *first,
          ...)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (gpointer) g_getenv ("YISHICTL"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("exit %d: %s", g_subprocess_get_exit_status (process), err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Fails unless yishictl ended with @status and its error output holds
 * @part. */
static void
assert_error (YishiCliResult *result,
              int             status,
              const char     *part)
{
  yishi_cli_assert_status (result, status, "");
  if (strstr (result->err, part) == NULL)
    g_error ("“%s” is not in: %s", part, result->err);
}

#define RUN_ERROR(status, part, ...) \
  G_STMT_START { \
    g_autoptr(YishiCliResult) r_ = yishi_cli_run (fixture, __VA_ARGS__, NULL); \
    assert_error (r_, (status), (part)); \
  } G_STMT_END

/* Contest 1: 王芳, 李建国 and 张秀英 judge the three proposals on 必要性 (30)
 * and 可行性 (20), by the trimmed mean, with a budget of 100,000 yuan. */
static void
set_up_contest (Fixture *fixture)
{
  RUN (0, "1\n", "contest", "create", "2024年幸福里社区提案大赛", "--organiser", "幸福里社区居委会",
       "--budget", "100000", "--opens", "2024-03-01", "--closes", "2024-04-30",
       "--aggregation", "trimmed-mean", "--objection-days", "5", "--seed", "20240501");
  RUN (0, "1\n", "contest", "criterion", "add", "1", "必要性", "30", "--description", "是否急需");
  RUN (0, "2\n", "contest", "criterion", "add", "1", "可行性", "20", "--step", "0.5");
  RUN (0, "", "contest", "judge", "add", "1", "王芳");
  RUN (0, "", "contest", "judge", "add", "1", "2");
  RUN (0, "", "contest", "judge", "add", "1", "张秀英");
  RUN (0, "", "contest", "enter", "1", "1", "加装电梯", "3");
}

/* The judges' points: judge, proposal, 必要性, 可行性. */
static const char * const points[][4] = {
  { "王芳", "3号楼道路硬化", "25", "15" },
  { "李建国", "3号楼道路硬化", "28", "17" },
  { "张秀英", "3号楼道路硬化", "20", "10" },
  { "王芳", "加装电梯", "27", "13" },
  { "李建国", "加装电梯", "22", "18" },
  { "张秀英", "加装电梯", "29", "11" },
  { "王芳", "楼道照明更换LED灯", "20", "10" },
  { "李建国", "楼道照明更换LED灯", "15", "5" },
  { "张秀英", "楼道照明更换LED灯", "18", "7" },
};

/* The first six scores one by one, the rest from a score sheet. */
static void
score (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir->path, "评分表.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("评委,提案,评分标准,得分\n");

  for (guint i = 0; i < 6; i++)
    {
      RUN (0, "", "contest", "score", "1", points[i][0], points[i][1], "必要性", points[i][2]);
      RUN (0, "", "contest", "score", "1", points[i][0], points[i][1], "2", points[i][3]);
    }
  for (guint i = 6; i < G_N_ELEMENTS (points); i++)
    g_string_append_printf (csv, "%s,%s,必要性,%s\n%s,%s,可行性,%s\n", points[i][0], points[i][1],
                            points[i][2], points[i][0], points[i][1], points[i][3]);
  yishi_test_write_file (path, csv->str, -1);
  RUN (0, "Imported 6 scores.\n", "contest", "import", "1", path);
}

static JsonObject *
place (JsonObject *ranking,
       guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (ranking, "ranking"), index);
}

static const char *
average (JsonObject *place,
         guint       criterion)
{
  JsonArray *averages = json_object_get_array_member (place, "criterion_averages");

  return json_object_get_string_member (json_array_get_object_element (averages, criterion), "average");
}

/* The judges' totals (必要性 + 可行性):
 *   3号楼道路硬化      40, 45, 30: trimmed mean 40, mean 115 / 3 = 38.33
 *   加装电梯           40, 40, 40: trimmed mean 40, mean 40
 *   楼道照明更换LED灯  30, 20, 25: trimmed mean 25, mean 25
 * 加装电梯 and 3号楼道路硬化 tie on 40; the untrimmed mean puts 加装电梯
 * first. Averages of 加装电梯: 必要性 (27 + 22 + 29) / 3 = 26, 可行性
 * (13 + 18 + 11) / 3 = 14; of 3号楼道路硬化: 73 / 3 = 24.33 and 42 / 3 = 14.
 * Greedy funding of 100,000: 加装电梯 (80,000) fits, 3号楼道路硬化 (50,000)
 * does not, nor does 楼道照明更换LED灯 (30,000), which an override funds:
 * 110,000 spent. */
static void
assert_ranking (Fixture *fixture)
{
  g_autoptr(JsonNode) root = run_json (fixture, "contest", "ranking", "1", "--json", NULL);
  JsonObject *ranking = json_node_get_object (root);
  JsonObject *first = place (ranking, 0), *second = place (ranking, 1), *third = place (ranking, 2);
  JsonObject *exact = json_object_get_object_member (first, "final_score_exact");

  g_assert_cmpstr (json_object_get_string_member (ranking, "aggregation"), ==, "trimmed-mean");
  g_assert_cmpint (json_object_get_int_member (ranking, "seed"), ==, 20240501);
  g_assert_cmpstr (json_object_get_string_member (
      json_array_get_object_element (json_object_get_array_member (ranking, "criteria"), 0), "max_points"),
      ==, "30.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ranking, "ranking")), ==, 3);

  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "加装电梯");
  g_assert_cmpstr (json_object_get_string_member (first, "final_score"), ==, "40.00");
  g_assert_cmpint (json_object_get_int_member (exact, "numerator"), ==,
                   4000 * json_object_get_int_member (exact, "denominator"));
  g_assert_cmpstr (json_object_get_string_member (first, "mean"), ==, "40.00");
  g_assert_cmpstr (average (first, 0), ==, "26.00");
  g_assert_cmpstr (average (first, 1), ==, "14.00");
  g_assert_true (json_object_get_boolean_member (first, "funded"));
  g_assert_false (json_object_get_boolean_member (first, "fell_back"));
  g_assert_cmpint (json_object_get_int_member (first, "n_judges"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "tie_break"), ==, "untrimmed-mean");

  g_assert_cmpint (json_object_get_int_member (second, "rank"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (second, "title"), ==, "3号楼道路硬化");
  g_assert_cmpstr (json_object_get_string_member (second, "final_score"), ==, "40.00");
  g_assert_cmpstr (json_object_get_string_member (second, "mean"), ==, "38.33");
  g_assert_cmpstr (average (second, 0), ==, "24.33");
  g_assert_false (json_object_get_boolean_member (second, "funded"));
  g_assert_true (json_object_get_null_member (second, "tie_break"));

  g_assert_cmpint (json_object_get_int_member (third, "rank"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (third, "final_score"), ==, "25.00");
  g_assert_true (json_object_get_boolean_member (third, "funded"));
  g_assert_true (json_object_get_boolean_member (third, "overridden"));
  g_assert_cmpstr (json_object_get_string_member (third, "override_reason"), ==, "居民呼声高");
  g_assert_cmpstr (json_object_get_string_member (third, "cost"), ==, "30000.00");
  g_assert_true (json_object_get_null_member (third, "tie_break"));

  g_assert_cmpstr (json_object_get_string_member (ranking, "budget"), ==, "100000.00");
  g_assert_cmpint (json_object_get_int_member (ranking, "budget_fen"), ==, 10000000);
  g_assert_cmpstr (json_object_get_string_member (ranking, "spent"), ==, "110000.00");
}

static void
assert_list (Fixture    *fixture,
             const char *state)
{
  g_autoptr(JsonNode) root = run_json (fixture, "contest", "list", "--json", NULL);
  JsonObject *contest = json_array_get_object_element (json_node_get_array (root), 0);

  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (contest, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (contest, "name"), ==, "2024年幸福里社区提案大赛");
  g_assert_cmpstr (json_object_get_string_member (contest, "organiser"), ==, "幸福里社区居委会");
  g_assert_cmpstr (json_object_get_string_member (contest, "scope"), ==, "community");
  g_assert_cmpstr (json_object_get_string_member (contest, "budget"), ==, "100000.00");
  g_assert_cmpint (json_object_get_int_member (contest, "budget_fen"), ==, 10000000);
  g_assert_cmpstr (json_object_get_string_member (contest, "opens_on"), ==, "2024-03-01");
  g_assert_cmpstr (json_object_get_string_member (contest, "closes_on"), ==, "2024-04-30");
  g_assert_cmpstr (json_object_get_string_member (contest, "state"), ==, state);
  g_assert_cmpstr (json_object_get_string_member (contest, "aggregation"), ==, "trimmed-mean");
  g_assert_cmpstr (json_object_get_string_member (contest, "funding"), ==, "greedy");
  g_assert_true (json_object_get_null_member (contest, "top_n"));
  g_assert_cmpint (json_object_get_int_member (contest, "objection_days"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (contest, "n_criteria"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (contest, "n_judges"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (contest, "n_entries"), ==, 3);
  if (g_str_equal (state, "published"))
    g_assert_false (json_object_get_null_member (contest, "published_on"));
  else
    g_assert_true (json_object_get_null_member (contest, "published_on"));
}

static void
assert_show (Fixture *fixture)
{
  g_autoptr(JsonNode) root = run_json (fixture, "contest", "show", "1", "--json", NULL);
  g_autoptr(YishiCliResult) result = yishi_cli_run (fixture, "contest", "show", "1", NULL);

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "name"), ==,
                   "2024年幸福里社区提案大赛");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "seed"), ==, 20240501);
  yishi_cli_assert_status (result, 0, NULL);
  g_assert_nonnull (strstr (result->out, "Aggregation:                Trimmed mean\n"));
  g_assert_nonnull (strstr (result->out, "Proposals taken:            2024-03-01 to 2024-04-30\n"));
  g_assert_nonnull (strstr (result->out, "Criteria, judges, entries:  2, 3, 3\n"));
  RUN_ERROR (1, "yishictl: ", "contest", "show", "9");
}

/* Publishing accepts the funded proposals, the override's too, and
 * rejects the others. */
static void
assert_statuses (Fixture *fixture)
{
  const char * const expected[] = { "rejected", "accepted", "accepted" };
  g_autoptr(JsonNode) root = run_json (fixture, "proposal", "list", "--json", NULL);
  JsonArray *proposals = json_node_get_array (root);

  g_assert_cmpuint (json_array_get_length (proposals), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *proposal = json_array_get_object_element (proposals, i);

      g_assert_cmpstr (json_object_get_string_member (proposal, "title"), ==, ideas[i].title);
      g_assert_cmpstr (json_object_get_string_member (proposal, "status"), ==, expected[i]);
    }
}

/* The text of a PDF, as pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The notice, as PDF and as ODT, and the blank score sheets, written
 * as the window writes them. */
static void
assert_documents (Fixture *fixture)
{
  g_autofree char *notice = g_build_filename (fixture->dir->path, "公示.pdf", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir->path, "公示.odt", NULL);
  g_autofree char *sheets = g_build_filename (fixture->dir->path, "评分表.pdf", NULL);
  g_autofree char *wrong = g_build_filename (fixture->dir->path, "公示.txt", NULL);
  g_autofree char *notice_text = NULL;
  g_autofree char *sheets_text = NULL;

  RUN (0, "", "contest", "notice", "1", "-o", notice);
  RUN (0, "", "contest", "notice", "1", "--output", odt);
  RUN (0, "", "contest", "sheets", "1", "-o", sheets);
  RUN_ERROR (1, "yishictl: ", "contest", "notice", "1", "-o", wrong);
  RUN_ERROR (2, "yishictl", "contest", "sheets", "1");
  g_assert_true (g_file_test (odt, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
  notice_text = pdf_text (notice);
  g_assert_nonnull (strstr (notice_text, "2024年幸福里社区提案大赛"));
  g_assert_nonnull (strstr (notice_text, "居民呼声高"));
  sheets_text = pdf_text (sheets);
  g_assert_nonnull (strstr (sheets_text, "王芳"));
  g_assert_nonnull (strstr (sheets_text, "必要性"));
}

/* Set-up, scoring by hand and by import, an override, the ranking and
 * publishing, end to end. */
static void
test_contest (Fixture       *fixture,
              gconstpointer  data)
{
  set_up_contest (fixture);
  assert_list (fixture, "setup");
  assert_show (fixture);
  RUN (0, "", "contest", "start", "1");
  score (fixture);
  RUN (0, "", "contest", "override", "1", "楼道照明更换LED灯", "--no-fund", "--reason", "先试点");
  RUN (0, "", "contest", "override", "1", "3", "--clear");
  RUN (0, "", "contest", "override", "1", "3", "--fund", "--reason", "居民呼声高");
  assert_ranking (fixture);
  assert_list (fixture, "judging");
  RUN (0, "", "contest", "publish", "1");
  assert_list (fixture, "published");
  assert_statuses (fixture);
  assert_documents (fixture);
  /* the scores are locked */
  RUN_ERROR (1, "yishictl: ", "contest", "score", "1", "王芳", "加装电梯", "必要性", "20");
}

/* The readable table: rank, code, title, score, funded, tie-break. */
static void
test_ranking_table (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(YishiCliResult) result = NULL;
  g_auto(GStrv) lines = NULL;

  set_up_contest (fixture);
  RUN (0, "", "contest", "start", "1");
  score (fixture);
  result = yishi_cli_run (fixture, "contest", "ranking", "1", NULL);
  yishi_cli_assert_status (result, 0, NULL);
  lines = g_strsplit (result->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_true (g_str_has_prefix (lines[0], "2024年幸福里社区提案大赛 — Trimmed mean"));
  g_assert_nonnull (strstr (lines[1], "Rank"));
  g_assert_true (g_str_has_prefix (lines[2], "   1"));
  g_assert_nonnull (strstr (lines[2], "加装电梯"));
  g_assert_nonnull (strstr (lines[2], "40.00"));
  g_assert_nonnull (strstr (lines[2], "Yes"));
  g_assert_true (g_str_has_suffix (lines[2], "Untrimmed mean"));
  g_assert_nonnull (strstr (lines[3], "3号楼道路硬化"));
  g_assert_nonnull (strstr (lines[3], "No"));
  g_assert_nonnull (strstr (lines[4], "25.00"));
  g_assert_cmpstr (lines[5], ==, "Budget 100,000.00, spent 80,000.00");

  RUN (0, "ID  Name                      State        Budget  Criteria  Judges  Entries\n"
          " 1  2024年幸福里社区提案大赛  judging  100,000.00         2       3        3\n",
       "contest", "list");
}

/* Refusals: the command line (2) and the rules (1). Nothing refused
 * is stored. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir->path, "scores.csv", NULL);
  g_autoptr(JsonNode) root = NULL;

  RUN_ERROR (2, "Unknown aggregation “best”", "contest", "create", "A", "--aggregation", "best");
  RUN_ERROR (2, "--top N", "contest", "create", "A", "--funding", "top-n");
  RUN_ERROR (2, "--budget", "contest", "create", "A", "--budget", "lots");
  RUN (0, "1\n", "contest", "create", "A", "--top", "2", "--scope", "district");
  RUN_ERROR (1, "yishictl: ", "contest", "create", "A");
  RUN (0, "1\n", "contest", "criterion", "add", "1", "必要性", "30");
  RUN_ERROR (2, "“30,5”", "contest", "criterion", "add", "1", "可行性", "30,5");
  RUN (0, "", "contest", "judge", "add", "1", "王芳");
  RUN (0, "", "contest", "judge", "add", "1", "李建国");
  RUN_ERROR (1, "孙丽", "contest", "judge", "add", "1", "孙丽");
  RUN (0, "", "contest", "enter", "1", "加装电梯");
  RUN_ERROR (1, "广场舞", "contest", "enter", "1", "广场舞");
  /* not yet judging */
  RUN_ERROR (1, "yishictl: ", "contest", "score", "1", "王芳", "加装电梯", "必要性", "20");
  RUN_ERROR (2, "--reason", "contest", "recuse", "1", "王芳", "加装电梯");
  RUN_ERROR (2, "Unknown reason “friend”", "contest", "recuse", "1", "王芳", "加装电梯", "--reason", "friend");
  RUN (0, "", "contest", "recuse", "1", "王芳", "加装电梯", "--reason", "relative", "--note", "王芳的女婿");
  RUN (0, "", "contest", "start", "1");
  RUN_ERROR (1, "yishictl: ", "contest", "score", "1", "王芳", "加装电梯", "必要性", "20");
  RUN_ERROR (1, "31.00 is more than 30.00", "contest", "score", "1", "李建国", "加装电梯", "必要性", "31");
  RUN_ERROR (1, "not a multiple of 0.50", "contest", "score", "1", "李建国", "加装电梯", "1", "20.25");
  RUN_ERROR (2, "more than two decimals", "contest", "score", "1", "李建国", "加装电梯", "1", "20.125");
  RUN_ERROR (1, "“孙丽” is not a judge", "contest", "score", "1", "孙丽", "加装电梯", "1", "20");
  yishi_test_write_file (path, "judge,proposal,criterion,points\n李建国,加装电梯,必要性,20\n"
                               "王芳,加装电梯,必要性,20\n", -1);
  RUN_ERROR (1, "scores.csv, line 3, column “judge”: 王芳 is recused", "contest", "import", "1", path);
  RUN_ERROR (2, "Give one of", "contest", "override", "1", "加装电梯", "--fund", "--no-fund", "--reason", "x");
  RUN_ERROR (2, "--reason", "contest", "override", "1", "加装电梯", "--fund");

  root = run_json (fixture, "contest", "ranking", "1", "--json", NULL);
  /* nothing scored: not ranked */
  g_assert_true (json_object_get_null_member (
      json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "ranking"), 0),
      "rank"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/contest-cli/contest", Fixture, NULL, fixture_set_up, test_contest, fixture_tear_down);
  g_test_add ("/contest-cli/ranking-table", Fixture, NULL, fixture_set_up, test_ranking_table,
              fixture_tear_down);
  g_test_add ("/contest-cli/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);

  return g_test_run ();
}
