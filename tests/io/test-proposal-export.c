#include "config.h"

#include <string.h>

#include "yishi-error.h"
#include "yishi-proposal-export.h"
#include "yishi-proposal-import.h"
#include "yishi-test-util.h"

static void
add_proposal (YishiDatabase      *db,
              YishiProposalDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) proposal = yishi_proposal_store_add (db, draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (proposal);
}

static char *
long_text (guint n_chars)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    g_string_append_unichar (text, i % 3 == 0 ? 0x8bae /* 议 */ : i % 3 == 1 ? '"' : ',');
  return g_string_free (text, FALSE);
}

/* Proposals with every field filled, none filled, text that breaks naive
 * CSV code, and every category and status. */
static void
fill_database (YishiDatabase *db)
{
  g_autoptr(YishiProposalDraft) full = yishi_proposal_draft_new ();
  g_autoptr(YishiProposalDraft) empty = yishi_proposal_draft_new ();
  g_autoptr(YishiProposalDraft) hostile = yishi_proposal_draft_new ();

  full->uuid = g_strdup ("0f3c2a0e-3d7b-4e8a-9c1d-2b6f4a5e7d90");
  full->title = g_strdup ("修缮佳园社区三号楼路灯");
  full->summary = g_strdup ("路灯坏了半年");
  full->body = g_strdup ("第一段，“引号”。\n第二段 \"quoted\"\r\n第三段");
  full->proposer_name = g_strdup ("王芳");
  full->community = g_strdup ("佳园社区");
  full->category = YISHI_CATEGORY_SAFETY;
  full->location = g_strdup ("三号楼前");
  full->cost_fen = 1200050;
  full->households = 82;
  full->people = 294;
  full->submitted_on = g_strdup ("2024-03-05");
  full->status = YISHI_PROPOSAL_STATUS_SCREENED_OUT;
  full->status_reason = g_strdup ("超出预算，下次再议");
  add_proposal (db, full);

  empty->title = g_strdup ("只有标题");
  add_proposal (db, empty);

  hostile->title = g_strdup ("=HYPERLINK(\"http://x\";\"y\"), 'a'; DROP TABLE proposal;--");
  hostile->body = long_text (10000);
  hostile->summary = g_strdup ("  leading and trailing spaces\t ");
  hostile->cost_fen = 0;
  hostile->households = 0;
  hostile->people = 0;
  add_proposal (db, hostile);

  for (guint i = 0; i < MAX (YISHI_N_CATEGORIES, YISHI_N_PROPOSAL_STATUSES); i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();

      draft->title = g_strdup_printf ("提案 %u", i);
      draft->category = i % YISHI_N_CATEGORIES;
      draft->status = i % YISHI_N_PROPOSAL_STATUSES;
      draft->status_reason = g_strdup (i % 2 ? "理由" : "");
      draft->cost_fen = i * 101;
      draft->proposer_name = g_strdup ("李建国");
      add_proposal (db, draft);
    }
}

static char *
export_database (YishiDatabase *db,
                 YishiTestDir  *dir)
{
  g_autoptr(GPtrArray) proposals = yishi_test_list_proposals (db);
  g_autoptr(GError) error = NULL;
  char *path = yishi_test_dir_file (dir, "export.csv");

  g_assert_true (yishi_proposal_export_csv (proposals, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_same_proposal (YishiProposal *a,
                      YishiProposal *b)
{
  g_assert_cmpstr (yishi_proposal_get_uuid (a), ==, yishi_proposal_get_uuid (b));
  g_assert_cmpstr (yishi_proposal_get_title (a), ==, yishi_proposal_get_title (b));
  g_assert_cmpstr (yishi_proposal_get_summary (a), ==, yishi_proposal_get_summary (b));
  g_assert_cmpstr (yishi_proposal_get_body (a), ==, yishi_proposal_get_body (b));
  g_assert_cmpstr (yishi_proposal_get_proposer_name (a), ==, yishi_proposal_get_proposer_name (b));
  g_assert_cmpstr (yishi_proposal_get_community (a), ==, yishi_proposal_get_community (b));
  g_assert_cmpint (yishi_proposal_get_category (a), ==, yishi_proposal_get_category (b));
  g_assert_cmpstr (yishi_proposal_get_location (a), ==, yishi_proposal_get_location (b));
  g_assert_cmpint (yishi_proposal_get_cost_fen (a), ==, yishi_proposal_get_cost_fen (b));
  g_assert_cmpint (yishi_proposal_get_households (a), ==, yishi_proposal_get_households (b));
  g_assert_cmpint (yishi_proposal_get_people (a), ==, yishi_proposal_get_people (b));
  g_assert_cmpstr (yishi_proposal_get_submitted_on (a), ==, yishi_proposal_get_submitted_on (b));
  g_assert_cmpint (yishi_proposal_get_status (a), ==, yishi_proposal_get_status (b));
  g_assert_cmpstr (yishi_proposal_get_status_reason (a), ==, yishi_proposal_get_status_reason (b));
}

static void
test_round_trip (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiTestDir) other_dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiDatabase) other_db = yishi_test_open_db (other_dir);
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GPtrArray) exported = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fill_database (db);
  path = export_database (db, dir);

  import = yishi_proposal_import_prepare (path, YISHI_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  for (guint column = 0; column < yishi_proposal_import_get_n_columns (import); column++)
    g_assert_cmpint (yishi_proposal_import_get_mapping (import, column), !=,
                     YISHI_PROPOSAL_FIELD_IGNORED);
  g_assert_cmpuint (yishi_proposal_import_get_problems (import)->len, ==, 0);
  g_assert_true (yishi_proposal_import_run (import, other_db, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  exported = yishi_test_list_proposals (db);
  imported = yishi_test_list_proposals (other_db);
  g_assert_cmpuint (exported->len, ==, 3 + MAX (YISHI_N_CATEGORIES, YISHI_N_PROPOSAL_STATUSES));
  g_assert_cmpuint (imported->len, ==, exported->len);
  for (guint i = 0; i < exported->len; i++)
    assert_same_proposal (exported->pdata[i], imported->pdata[i]);
}

/* UTF-8 with a BOM, so Excel does not take it for GBK; CRLF line ends;
 * the fields' labels as headers. */
static void
test_format (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  draft->title = g_strdup ("路灯");
  draft->cost_fen = 1200050;
  draft->category = YISHI_CATEGORY_ROADS_TRAFFIC;
  add_proposal (db, draft);
  path = export_database (db, dir);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  g_assert_true (g_utf8_validate (contents, length, NULL));

  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "\"Title\",\"Summary\",\"Full text\",\"Proposer\","));
  g_assert_true (g_str_has_suffix (lines[0], ",\"Status\",\"Reason\",\"UUID\""));
  g_assert_nonnull (strstr (lines[1], ",\"Roads and Traffic\","));
  g_assert_nonnull (strstr (lines[1], ",\"12000.50\","));
  g_assert_nonnull (strstr (lines[1], ",\"Draft\","));
  g_assert_cmpstr (lines[2], ==, "");
}

/* An existing file is replaced whole; a folder that does not exist is an
 * error, not a half-written file. */
static void
test_replace (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "old.csv");
  g_autofree char *missing = yishi_test_dir_file (dir, "no/such/folder.csv");
  g_autofree char *contents = NULL;

  yishi_test_write_file (path, "old contents that are longer than the new ones\n", -1);
  g_assert_true (yishi_proposal_export_csv (none, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF\"Title\","));
  g_assert_null (strstr (contents, "old contents"));

  g_assert_false (yishi_proposal_export_csv (none, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal/export/round-trip", test_round_trip);
  g_test_add_func ("/proposal/export/format", test_format);
  g_test_add_func ("/proposal/export/replace", test_replace);

  return g_test_run ();
}
