#include "config.h"

#include <string.h>

#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-import.h"
#include "yishi-test-util.h"

/* A CSV file in a temporary folder, prepared for import. */
static YishiProposalImport *
prepare_bytes (YishiTestDir   *dir,
               const char     *contents,
               gssize          length,
               YishiEncoding   encoding,
               GError        **error)
{
  g_autofree char *path = yishi_test_dir_file (dir, "proposals.csv");

  yishi_test_write_file (path, contents, length);
  return yishi_proposal_import_prepare (path, encoding, error);
}

static YishiProposalImport *
prepare_ok (YishiTestDir  *dir,
            const char    *contents,
            gssize         length,
            YishiEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  YishiProposalImport *import = prepare_bytes (dir, contents, length, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
run_ok (YishiProposalImport *import,
        YishiDatabase       *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (yishi_proposal_import_get_problems (import)->len, ==, 0);
  g_assert_true (yishi_proposal_import_run (import, db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_people (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = yishi_person_store_list (db, &error);

  g_assert_no_error (error);
  return people->len;
}

static guint
count_proposals (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  guint n = yishi_proposal_store_count (db, &error);

  g_assert_no_error (error);
  return n;
}

static const char chinese_csv[] =
  "标题,摘要,提案内容,提案人,联系电话,社区,类别,地点,预算,受益户数,受益人数,提交日期,状态,原因,备注\n"
  "修缮三号楼路灯,路灯坏了,三号楼前的路灯坏了半年。,王芳,13800000001,佳园社区,平安建设,"
    "三号楼,\"12,000.50\",82,294,2024年3月5日,,,楼栋长转来\n"
  "建老年活动室,,,李建国,,佳园社区,养老助残,,1.5万,,,2024/3/6,初审未通过,超出预算,\n"
  "小区绿化,,,,,,,,,,,2024-03-07,,,\n";

static void
assert_chinese_rows (YishiDatabase *db)
{
  g_autoptr(GPtrArray) proposals = yishi_test_list_proposals (db);
  YishiProposal *first, *second, *third;

  g_assert_cmpuint (proposals->len, ==, 3);
  first = proposals->pdata[0];
  g_assert_cmpstr (yishi_proposal_get_title (first), ==, "修缮三号楼路灯");
  g_assert_cmpstr (yishi_proposal_get_summary (first), ==, "路灯坏了");
  g_assert_cmpstr (yishi_proposal_get_body (first), ==, "三号楼前的路灯坏了半年。");
  g_assert_cmpstr (yishi_proposal_get_proposer_name (first), ==, "王芳");
  g_assert_cmpstr (yishi_proposal_get_community (first), ==, "佳园社区");
  g_assert_cmpint (yishi_proposal_get_category (first), ==, YISHI_CATEGORY_SAFETY);
  g_assert_cmpstr (yishi_proposal_get_location (first), ==, "三号楼");
  g_assert_cmpint (yishi_proposal_get_cost_fen (first), ==, 1200050);
  g_assert_cmpint (yishi_proposal_get_households (first), ==, 82);
  g_assert_cmpint (yishi_proposal_get_people (first), ==, 294);
  g_assert_cmpstr (yishi_proposal_get_submitted_on (first), ==, "2024-03-05");
  g_assert_cmpint (yishi_proposal_get_status (first), ==, YISHI_PROPOSAL_STATUS_SUBMITTED);

  second = proposals->pdata[1];
  g_assert_cmpint (yishi_proposal_get_category (second), ==, YISHI_CATEGORY_ELDERLY_DISABLED);
  g_assert_cmpint (yishi_proposal_get_cost_fen (second), ==, 1500000);
  g_assert_cmpint (yishi_proposal_get_households (second), ==, YISHI_UNKNOWN);
  g_assert_cmpstr (yishi_proposal_get_submitted_on (second), ==, "2024-03-06");
  g_assert_cmpint (yishi_proposal_get_status (second), ==, YISHI_PROPOSAL_STATUS_SCREENED_OUT);
  g_assert_cmpstr (yishi_proposal_get_status_reason (second), ==, "超出预算");

  third = proposals->pdata[2];
  g_assert_cmpint (yishi_proposal_get_category (third), ==, YISHI_CATEGORY_OTHER);
  g_assert_cmpint (yishi_proposal_get_cost_fen (third), ==, YISHI_UNKNOWN);
  g_assert_cmpstr (yishi_proposal_get_proposer_name (third), ==, "");
  g_assert_cmpstr (yishi_proposal_get_submitted_on (third), ==, "2024-03-07");
}

static void
test_chinese_headers (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = prepare_ok (dir, chinese_csv, -1, YISHI_ENCODING_AUTO);

  g_assert_cmpstr (yishi_proposal_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (yishi_proposal_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (yishi_proposal_import_get_n_columns (import), ==, 15);
  for (guint column = 0; column < YISHI_N_PROPOSAL_FIELDS - 1; column++)
    g_assert_cmpint (yishi_proposal_import_get_mapping (import, column), ==, column);
  g_assert_cmpstr (yishi_proposal_import_get_column (import, 14), ==, "备注");
  g_assert_cmpint (yishi_proposal_import_get_mapping (import, 14), ==, YISHI_PROPOSAL_FIELD_IGNORED);

  run_ok (import, db);
  assert_chinese_rows (db);
}

/* English headers in any case, with spaces and form decorations around
 * them; unknown columns are ignored, and the first of two columns for one
 * field wins. */
static void
test_english_headers (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = prepare_ok (dir,
    "\xEF\xBB\xBF  TITLE ,Estimated Cost (Yuan),Name,Remarks,1、提案类别,受益户数（户）,*Date,title\r\n"
    "Fix the lamps,\"¥3,000\",Wang Fang,whatever,environment,12,2024/3/5 14:30:12,ignored\r\n",
    -1, YISHI_ENCODING_AUTO);
  static const YishiProposalField expected[] = {
    YISHI_PROPOSAL_FIELD_TITLE, YISHI_PROPOSAL_FIELD_COST, YISHI_PROPOSAL_FIELD_PROPOSER,
    YISHI_PROPOSAL_FIELD_IGNORED, YISHI_PROPOSAL_FIELD_CATEGORY, YISHI_PROPOSAL_FIELD_HOUSEHOLDS,
    YISHI_PROPOSAL_FIELD_SUBMITTED_ON, YISHI_PROPOSAL_FIELD_IGNORED,
  };
  g_autoptr(GPtrArray) proposals = NULL;
  YishiProposal *proposal;

  g_assert_cmpuint (yishi_proposal_import_get_n_columns (import), ==, G_N_ELEMENTS (expected));
  for (guint column = 0; column < G_N_ELEMENTS (expected); column++)
    g_assert_cmpint (yishi_proposal_import_get_mapping (import, column), ==, expected[column]);
  g_assert_cmpstr (yishi_proposal_import_get_column (import, 0), ==, "TITLE");

  run_ok (import, db);
  proposals = yishi_test_list_proposals (db);
  g_assert_cmpuint (proposals->len, ==, 1);
  proposal = proposals->pdata[0];
  g_assert_cmpstr (yishi_proposal_get_title (proposal), ==, "Fix the lamps");
  g_assert_cmpint (yishi_proposal_get_cost_fen (proposal), ==, 300000);
  g_assert_cmpstr (yishi_proposal_get_proposer_name (proposal), ==, "Wang Fang");
  g_assert_cmpint (yishi_proposal_get_category (proposal), ==, YISHI_CATEGORY_ENVIRONMENT);
  g_assert_cmpint (yishi_proposal_get_households (proposal), ==, 12);
  g_assert_cmpstr (yishi_proposal_get_submitted_on (proposal), ==, "2024-03-05");
}

static void
test_gbk (gconstpointer data)
{
  YishiEncoding encoding = GPOINTER_TO_INT (data);
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *bytes = g_convert (chinese_csv, -1, "GB18030", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  import = prepare_ok (dir, bytes, length, encoding);
  g_assert_cmpstr (yishi_proposal_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpint (yishi_proposal_import_get_mapping (import, 0), ==, YISHI_PROPOSAL_FIELD_TITLE);

  run_ok (import, db);
  assert_chinese_rows (db);
}

static void
test_missing_title_column (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposalImport) import = prepare_bytes (dir, "提案人,预算\n王芳,100\n", -1,
                                                         YISHI_ENCODING_AUTO, &error);

  g_assert_null (import);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "proposals.csv:1: "));
}

static void
assert_problem (GPtrArray  *problems,
                guint       index,
                guint       line,
                const char *column,
                const char *message_part)
{
  YishiImportProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = problems->pdata[index];
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->column, ==, column);
  if (strstr (problem->message, message_part) == NULL)
    g_error ("problem %u: “%s” does not contain “%s”", index, problem->message, message_part);
}

/* Every bad row is reported at once, with its line and column; quoted
 * line breaks before them do not shift the lines. */
static const char bad_csv[] =
  "标题,预算,提交日期,类别,受益人数,状态\n"      /* 1 */
  "好提案,100,2024-03-01,环境整治,10,\n"          /* 2 */
  "\"多行\n标题\",abc,2024-02-30,没有这类,-3,\n"   /* 3, 4 */
  ",100,,,,\n"                                   /* 5 */
  "好提案,100,,,,,多出来的\n"                    /* 6 */
  "\n"                                           /* 7 */
  "NUL\0here,1\0 00,,,,\n"                       /* 8 */
  "好提案,100,,,,飞了\n"                         /* 9 */
  "原因,,,,,初审未通过\n";                       /* 10 */

static void
test_problems (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = prepare_ok (dir, bad_csv, sizeof bad_csv - 1,
                                                      YISHI_ENCODING_AUTO);
  GPtrArray *problems = yishi_proposal_import_get_problems (import);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (yishi_proposal_import_get_n_rows (import), ==, 7);
  assert_problem (problems, 0, 3, "预算", "“abc” is not an amount");
  assert_problem (problems, 1, 3, "提交日期", "“2024-02-30” is not a date");
  assert_problem (problems, 2, 3, "类别", "“没有这类” is not a category");
  assert_problem (problems, 3, 3, "受益人数", "“-3” is not a whole number");
  assert_problem (problems, 4, 5, "标题", "Title is required");
  assert_problem (problems, 5, 6, NULL, "1 field more than the header");
  assert_problem (problems, 6, 8, "标题", "NUL character");
  assert_problem (problems, 7, 8, "预算", "NUL character");
  assert_problem (problems, 8, 9, "状态", "“飞了” is not a status");
  assert_problem (problems, 9, 10, "状态", "A reason is required");
  g_assert_cmpuint (problems->len, ==, 10);

  g_assert_false (yishi_proposal_import_run (import, db, NULL, NULL, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "6 rows"));
  g_assert_cmpuint (count_proposals (db), ==, 0);
}

static void
test_problem_to_string (void)
{
  YishiImportProblem cell = { 12, (char *) "预算", (char *) "“abc” is not an amount." };
  YishiImportProblem row = { 7, NULL, (char *) "Too many fields." };
  g_autofree char *cell_text = yishi_import_problem_to_string (&cell, "提案.csv");
  g_autofree char *row_text = yishi_import_problem_to_string (&row, "提案.csv");

  g_assert_cmpstr (cell_text, ==, "提案.csv:12: 预算: “abc” is not an amount.");
  g_assert_cmpstr (row_text, ==, "提案.csv:7: Too many fields.");
}

static void
test_dates_and_counts (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiProposalImport) import = prepare_ok (dir,
    "title,date,people\n"
    "a,2024-3-5,\"1,200\"\n"
    "b,2024年12月31日,294人\n"
    "c,2024.01.02,82.00\n"
    "d,2023/2/29,8.5\n"
    "e,24/3/5,十\n"
    "f,2024-03-05x,\n", -1, YISHI_ENCODING_AUTO);
  GPtrArray *problems = yishi_proposal_import_get_problems (import);

  assert_problem (problems, 0, 5, "date", "is not a date");
  assert_problem (problems, 1, 5, "people", "is not a whole number");
  assert_problem (problems, 2, 6, "date", "is not a date");
  assert_problem (problems, 3, 6, "people", "is not a whole number");
  assert_problem (problems, 4, 7, "date", "is not a date");
  g_assert_cmpuint (problems->len, ==, 5);
}

/* Values as they are stored: a date kept as the file wrote it, one
 * rewritten, and cells with spaces around them. */
static void
test_stored_values (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = prepare_ok (dir,
    "title,date,cost,people,uuid\n"
    "a,2024-03-15,12000,5,\n"
    "b,  2024-03-16\u3000, 12000.5 ,\" 82户 \",\n"
    "c,2024年3月5日,\"1,000\",,0F3C2A0E-3D7B-4E8A-9C1D-2B6F4A5E7D90\n"
    "\"  d  \",2024/3/6 08:30,,,\n", -1, YISHI_ENCODING_AUTO);
  g_autoptr(GPtrArray) proposals = NULL;
  YishiProposal *p;

  run_ok (import, db);
  /* the file and the import are gone before the values are read back */
  g_clear_pointer (&import, yishi_proposal_import_free);
  proposals = yishi_test_list_proposals (db);
  g_assert_cmpuint (proposals->len, ==, 4);

  p = proposals->pdata[0];
  g_assert_cmpstr (yishi_proposal_get_submitted_on (p), ==, "2024-03-15");
  g_assert_cmpint (yishi_proposal_get_cost_fen (p), ==, 1200000);
  g_assert_cmpint (yishi_proposal_get_people (p), ==, 5);
  g_assert_cmpint (yishi_proposal_get_uuid (p)[14], ==, '7');

  p = proposals->pdata[1];
  g_assert_cmpstr (yishi_proposal_get_submitted_on (p), ==, "2024-03-16");
  g_assert_cmpint (yishi_proposal_get_cost_fen (p), ==, 1200050);
  g_assert_cmpint (yishi_proposal_get_people (p), ==, 82);

  p = proposals->pdata[2];
  g_assert_cmpstr (yishi_proposal_get_submitted_on (p), ==, "2024-03-05");
  g_assert_cmpint (yishi_proposal_get_cost_fen (p), ==, 100000);
  g_assert_cmpint (yishi_proposal_get_people (p), ==, YISHI_UNKNOWN);
  g_assert_cmpstr (yishi_proposal_get_uuid (p), ==, "0f3c2a0e-3d7b-4e8a-9c1d-2b6f4a5e7d90");

  p = proposals->pdata[3];
  g_assert_cmpstr (yishi_proposal_get_title (p), ==, "d");
  g_assert_cmpstr (yishi_proposal_get_submitted_on (p), ==, "2024-03-06");
}

static void
test_uuid (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiProposalImport) import = prepare_ok (dir,
    "title,uuid\n"
    "a,0F3C2A0E-3D7B-4E8A-9C1D-2B6F4A5E7D90\n"
    "b,not-a-uuid\n"
    "c,0f3c2a0e-3d7b-4e8a-9c1d-2b6f4a5e7d90\n"
    "d,\n", -1, YISHI_ENCODING_AUTO);
  GPtrArray *problems = yishi_proposal_import_get_problems (import);

  assert_problem (problems, 0, 3, "uuid", "“not-a-uuid” is not a UUID");
  assert_problem (problems, 1, 4, "uuid", "already on line 2");
  g_assert_cmpuint (problems->len, ==, 2);
}

/* Row 50 names a proposer two people share: nothing at all is stored,
 * and the error names its line. */
static void
test_atomic (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GString) csv = g_string_new ("标题,提案人,社区\n");
  g_autoptr(GError) error = NULL;
  guint n_people, n_proposals;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
      g_autoptr(YishiPerson) person = NULL;

      draft->name = g_strdup ("王芳");
      draft->phone = g_strdup_printf ("1380000000%u", i);
      person = yishi_person_store_add (db, draft, &error);
      g_assert_no_error (error);
    }
  n_people = count_people (db);
  n_proposals = count_proposals (db);

  for (guint row = 1; row <= 60; row++)
    g_string_append_printf (csv, "提案%u,%s,新社区%u\n", row, row == 50 ? "王芳" : "新居民", row);
  import = prepare_ok (dir, csv->str, csv->len, YISHI_ENCODING_AUTO);

  g_assert_false (yishi_proposal_import_run (import, db, NULL, NULL, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "proposals.csv:51: "));
  g_assert_cmpuint (count_people (db), ==, n_people);
  g_assert_cmpuint (count_proposals (db), ==, n_proposals);
}

/* Text that breaks naive CSV or SQL code is stored exactly. */
static void
test_hostile_text (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GString) csv = g_string_new ("title,body\n");
  g_autoptr(GString) long_title = g_string_new (NULL);
  const char *hostile = "Robert'); DROP TABLE proposal;-- \"quoted\", semi;colon\r\nnext line";

  for (guint i = 0; i < 10000; i++)
    g_string_append_unichar (long_title, i % 2 ? 0x8def /* 路 */ : 'a');

  g_string_append_printf (csv, "\"Robert'); DROP TABLE proposal;-- \"\"quoted\"\", semi;colon\r\n"
                               "next line\",\"=HYPERLINK(\"\"x\"\")\"\n");
  g_string_append_printf (csv, "%s,\"a\"\"b\"\n", long_title->str);
  import = prepare_ok (dir, csv->str, csv->len, YISHI_ENCODING_AUTO);
  run_ok (import, db);

  proposals = yishi_test_list_proposals (db);
  g_assert_cmpuint (proposals->len, ==, 2);
  g_assert_cmpstr (yishi_proposal_get_title (proposals->pdata[0]), ==, hostile);
  g_assert_cmpstr (yishi_proposal_get_body (proposals->pdata[0]), ==, "=HYPERLINK(\"x\")");
  g_assert_cmpstr (yishi_proposal_get_title (proposals->pdata[1]), ==, long_title->str);
  g_assert_cmpstr (yishi_proposal_get_body (proposals->pdata[1]), ==, "a\"b");
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, *last);
  *last = done;
}

static void
test_progress (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GString) csv = g_string_new ("title,cost\n");
  g_autoptr(GError) error = NULL;
  guint last = 0;

  for (guint row = 0; row < 2500; row++)
    g_string_append_printf (csv, "提案%u,%u\n", row, row * 10);
  import = prepare_ok (dir, csv->str, csv->len, YISHI_ENCODING_AUTO);

  g_assert_true (yishi_proposal_import_run (import, db, progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 2500);
  g_assert_cmpuint (count_proposals (db), ==, 2500);
}

static void
test_cancelled (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalImport) import = prepare_ok (dir, "title\na\nb\n", -1, YISHI_ENCODING_AUTO);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (yishi_proposal_import_run (import, db, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_proposals (db), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposalImport) import =
    yishi_proposal_import_prepare ("/nonexistent/proposals.csv", YISHI_ENCODING_AUTO, &error);

  g_assert_null (import);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_field_labels (void)
{
  g_assert_cmpstr (yishi_proposal_field_label (YISHI_PROPOSAL_FIELD_TITLE), ==, "Title");
  g_assert_cmpstr (yishi_proposal_field_label (YISHI_PROPOSAL_FIELD_COST), ==,
                   "Estimated cost (yuan)");
  for (guint field = 0; field < YISHI_N_PROPOSAL_FIELDS; field++)
    g_assert_nonnull (yishi_proposal_field_label (field));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal/import/chinese-headers", test_chinese_headers);
  g_test_add_func ("/proposal/import/english-headers", test_english_headers);
  g_test_add_data_func ("/proposal/import/gbk/auto",
                        GINT_TO_POINTER (YISHI_ENCODING_AUTO), test_gbk);
  g_test_add_data_func ("/proposal/import/gbk/forced",
                        GINT_TO_POINTER (YISHI_ENCODING_GB18030), test_gbk);
  g_test_add_func ("/proposal/import/missing-title-column", test_missing_title_column);
  g_test_add_func ("/proposal/import/problems", test_problems);
  g_test_add_func ("/proposal/import/problem-to-string", test_problem_to_string);
  g_test_add_func ("/proposal/import/dates-and-counts", test_dates_and_counts);
  g_test_add_func ("/proposal/import/stored-values", test_stored_values);
  g_test_add_func ("/proposal/import/uuid", test_uuid);
  g_test_add_func ("/proposal/import/atomic", test_atomic);
  g_test_add_func ("/proposal/import/hostile-text", test_hostile_text);
  g_test_add_func ("/proposal/import/progress", test_progress);
  g_test_add_func ("/proposal/import/cancelled", test_cancelled);
  g_test_add_func ("/proposal/import/missing-file", test_missing_file);
  g_test_add_func ("/proposal/import/field-labels", test_field_labels);

  return g_test_run ();
}
