#include <locale.h>

#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"

#define YISHI_APPLICATION_ID 0x59495348

/* Runs SQL through a connection of its own, as another program would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static gint64
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return value;
}

static char *
raw_query_text (const char *path,
                const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return value;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The name, size and checksum of every file in @dir, to see that nothing
 * was changed, added or left behind. */
static char *
snapshot_dir (YishiTestDir *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *snapshot = g_string_new (NULL);
  GDir *handle = g_dir_open (dir->path, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (handle);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = yishi_test_dir_file (dir, names->pdata[i]);
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (snapshot, "%s %" G_GSIZE_FORMAT " %s\n",
                              (const char *) names->pdata[i], length, checksum);
    }

  return g_string_free (snapshot, FALSE);
}

/* Opening @path must fail with @code and leave the folder as it was. */
static void
assert_refused_untouched (YishiTestDir *dir,
                          const char   *path,
                          gint          code)
{
  g_autofree char *before = snapshot_dir (dir);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, YISHI_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  after = snapshot_dir (dir);
  g_assert_cmpstr (after, ==, before);
}

static YishiProposal *
add_proposal (YishiDatabase *db,
              const char    *title)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(GError) error = NULL;
  YishiProposal *proposal;

  draft->title = g_strdup (title);
  draft->proposer_name = g_strdup ("张秀英");
  draft->community = g_strdup ("幸福里社区");
  proposal = yishi_proposal_store_add (db, draft, &error);
  g_assert_no_error (error);
  return proposal;
}

/* id, uuid and title of every proposal, one a line. */
static char *
describe_proposals (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = yishi_proposal_store_list (db, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < proposals->len; i++)
    g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s %s\n",
                            yishi_proposal_get_id (proposals->pdata[i]),
                            yishi_proposal_get_uuid (proposals->pdata[i]),
                            yishi_proposal_get_title (proposals->pdata[i]),
                            yishi_proposal_get_proposer_name (proposals->pdata[i]));

  return g_string_free (text, FALSE);
}

static void
test_create (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "new/folder/yishi.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (yishi_database_get_path (db), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  g_assert_true (yishi_database_is_empty (db));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_object (&db);

  /* closed cleanly: the write-ahead log is folded back into the file */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, YISHI_SCHEMA_VERSION);
  g_assert_cmpint (raw_query_int (path, "PRAGMA application_id"), ==, YISHI_APPLICATION_ID);
  /* a new file gets large pages, which suit proposals with long texts */
  g_assert_cmpint (raw_query_int (path, "PRAGMA page_size"), ==, 16384);
  {
    g_autofree char *mode = raw_query_text (path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                        " AND name IN ('community', 'grid', 'person', 'person_role',"
                                        " 'proposal')"), ==, 5);
}

/* A file of zero bytes is a new database, not a foreign file. */
static void
test_create_in_empty_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  yishi_test_write_file (path, "", 0);
  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
}

static void
test_reopen (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autofree char *path = g_strdup (yishi_database_get_path (db));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&db);
  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_database_is_empty (db));

  g_object_unref (add_proposal (db, "增设路灯"));
  g_object_unref (add_proposal (db, "道路硬化"));
  g_assert_false (yishi_database_is_empty (db));
  before = describe_proposals (db);
  g_clear_object (&db);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  after = describe_proposals (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "道路硬化"));
}

static void
test_refuse_text_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "notes.db");
  const char *text = "议事会会议记录\n2024-03-15 道路硬化\n";

  yishi_test_write_file (path, text, -1);
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
}

static void
test_refuse_random_bytes (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "noise.db");
  GRand *rand = g_rand_new_with_seed (4242);
  guint8 bytes[16384];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  yishi_test_write_file (path, bytes, sizeof bytes);
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
}

/* The right magic string, then noise: damaged, not foreign. */
static void
test_refuse_header_then_noise (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "noise.db");
  GRand *rand = g_rand_new_with_seed (777);
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  memcpy (bytes, "SQLite format 3", 16);

  yishi_test_write_file (path, bytes, sizeof bytes);
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
}

static void
test_refuse_other_program (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "recipes.db");

  raw_exec (path, "CREATE TABLE recipe (name TEXT, minutes INTEGER);"
                  "INSERT INTO recipe VALUES ('红烧肉', 90);");
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
  g_assert_cmpint (raw_query_int (path, "SELECT count(*) FROM recipe"), ==, 1);
}

/* The same, in WAL mode: a read-only look must not leave -wal and -shm
 * files beside another program's database. */
static void
test_refuse_other_program_wal (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "recipes.db");

  raw_exec (path, "PRAGMA journal_mode = WAL;"
                  "CREATE TABLE recipe (name TEXT);"
                  "INSERT INTO recipe VALUES ('麻婆豆腐');");
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
}

/* No tables, but a user_version: some program's empty database. */
static void
test_refuse_other_program_version (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "other.db");

  raw_exec (path, "CREATE TABLE t (x); DROP TABLE t; PRAGMA user_version = 7;");
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
}

/* A database a newer Yishi wrote: our application_id, a higher version,
 * in WAL mode as Yishi writes it. */
static void
test_refuse_too_new (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "future.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                                          "CREATE TABLE proposal (id INTEGER PRIMARY KEY, title TEXT);"
                                          "INSERT INTO proposal (title) VALUES ('未来的提案');"
                                          "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          YISHI_APPLICATION_ID, YISHI_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  raw_exec (path, sql);
  assert_refused_untouched (dir, path, YISHI_ERROR_TOO_NEW);

  /* the message says which versions, so the user knows to update */
  db = yishi_database_open (path, &error);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_TOO_NEW);
  {
    g_autofree char *theirs = g_strdup_printf ("schema %d", YISHI_SCHEMA_VERSION + 1);
    g_autofree char *ours = g_strdup_printf ("up to %d", YISHI_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, theirs));
    g_assert_nonnull (strstr (error->message, ours));
  }
}

/* Refused even while another connection (a newer Yishi, still running)
 * holds the file open with a live write-ahead log. */
static void
test_refuse_too_new_while_open (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "future.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                                          "PRAGMA wal_autocheckpoint = 0;"
                                          "CREATE TABLE proposal (id INTEGER PRIMARY KEY, title TEXT);"
                                          "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          YISHI_APPLICATION_ID, YISHI_SCHEMA_VERSION + 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, sql, NULL, NULL, NULL), ==, SQLITE_OK);

  db = yishi_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_TOO_NEW);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_cmpint (raw_query_int (path, "PRAGMA user_version"), ==, YISHI_SCHEMA_VERSION + 5);
}

static void
test_refuse_negative_version (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "odd.db");
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE t (x); DROP TABLE t;"
                                          "PRAGMA application_id = %d; PRAGMA user_version = -1;",
                                          YISHI_APPLICATION_ID);

  raw_exec (path, sql);
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);

  /* and without our application_id */
  raw_exec (path, "PRAGMA application_id = 0; PRAGMA user_version = -3;");
  assert_refused_untouched (dir, path, YISHI_ERROR_NOT_YISHI);
}

/* A Yishi database with some rows, closed, at @path. */
static void
make_database_with_rows (const char *path,
                         guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_proposal_draft_free);

  g_assert_no_error (error);
  for (guint i = 0; i < n_rows; i++)
    {
      YishiProposalDraft *draft = yishi_proposal_draft_new ();

      draft->title = g_strdup_printf ("提案 %u：小区道路硬化与照明改造", i);
      draft->body = g_strnfill (400, 'x');
      draft->proposer_name = g_strdup_printf ("居民%u", i % 50);
      g_ptr_array_add (drafts, draft);
    }
  g_assert_true (yishi_proposal_store_add_many (db, drafts, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Page 1 holds the schema: garbage there is damage SQLite sees at once. */
static void
test_refuse_damaged_schema (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "damaged.db");
  g_autofree char *contents = NULL;
  gsize length;

  make_database_with_rows (path, 50);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* keep the 100-byte header, wreck the rest of page 1 */
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char) (i * 7 + 3);
  yishi_test_write_file (path, contents, length);

  assert_refused_untouched (dir, path, YISHI_ERROR_CORRUPT);
}

/* A file cut short (an interrupted copy to a USB stick) is refused or,
 * when the damage lies beyond what opening reads, reported by the check. */
static void
test_truncated (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "cut.db");
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  gsize length;

  make_database_with_rows (path, 300);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 40960);
  yishi_test_write_file (path, contents, length / 2);
  before = snapshot_dir (dir);

  db = yishi_database_open (path, &error);
  if (db == NULL)
    {
      g_autofree char *after = snapshot_dir (dir);

      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT);
      g_assert_cmpstr (after, ==, before);
    }
  else
    {
      g_autofree char *report = NULL;
      gboolean ok = TRUE;

      report = yishi_database_check (db, &ok, &error);
      g_assert_no_error (error);
      g_assert_false (ok);
      g_assert_nonnull (strstr (report, "Integrity check: problems found"));
    }
}

/* A page in the middle overwritten: opening works, the check finds it. */
static void
test_check_damaged_page (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "damaged.db");
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  gboolean ok = TRUE;
  gsize length, page;

  make_database_with_rows (path, 1200);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  page = raw_query_int (path, "PRAGMA page_size");
  g_assert_cmpuint (length / page, >, 20);
  memset (contents + (length / page - 5) * page + 8, 0x5a, page - 8);
  yishi_test_write_file (path, contents, length);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "Integrity check: problems found"));
}

static void
test_check_ok (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *version = g_strdup_printf ("Schema version: %d (this Yishi writes %d)",
                                              YISHI_SCHEMA_VERSION, YISHI_SCHEMA_VERSION);
  gboolean ok = FALSE;

  g_object_unref (add_proposal (db, "道路硬化"));
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (strstr (report, version));
  g_assert_nonnull (strstr (report, "Integrity check: ok"));
  g_assert_nonnull (strstr (report, "Foreign key check: ok"));
}

/* A row pointing at a person who does not exist, written by a connection
 * with foreign keys off (as a careless script could). */
static void
test_check_foreign_key (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  G_GNUC_UNUSED g_autoptr(YishiProposal) proposal = add_proposal (db, "道路硬化");
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = TRUE;

  raw_exec (yishi_database_get_path (db),
            "PRAGMA foreign_keys = OFF;"
            "INSERT INTO proposal (uuid, title, category, status, proposer_id)"
            " VALUES ('0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b', '孤儿提案', 'other', 'draft', 9999);");

  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "Integrity check: ok"));
  g_assert_nonnull (strstr (report, "Foreign key check: 1 broken"));
  g_assert_nonnull (strstr (report, "proposal"));
  g_assert_nonnull (strstr (report, "person"));
}

static void
test_backup (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autofree char *dest = yishi_test_dir_file (dir, "copy.db");
  g_autofree char *dest_wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *dest_part = g_strconcat (dest, ".part", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) copy = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("提案 %u", i);

      g_object_unref (add_proposal (db, title));
    }
  original = describe_proposals (db);

  g_assert_true (yishi_database_backup_to (db, dest, &error));
  g_assert_no_error (error);
  /* one file, ready for a USB stick */
  g_assert_false (g_file_test (dest_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dest_part, G_FILE_TEST_EXISTS));
  {
    g_autofree char *mode = raw_query_text (dest, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "delete");
  }

  copy = yishi_database_open (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (copy), ==, YISHI_SCHEMA_VERSION);
  copied = describe_proposals (copy);
  g_assert_cmpstr (copied, ==, original);

  /* the original carries on */
  g_object_unref (add_proposal (db, "备份之后"));
  g_clear_pointer (&copied, g_free);
  copied = describe_proposals (copy);
  g_assert_null (strstr (copied, "备份之后"));
  g_clear_object (&copy);

  /* a second copy replaces the first */
  g_assert_true (yishi_database_backup_to (db, dest, &error));
  g_assert_no_error (error);
  copy = yishi_database_open (dest, &error);
  g_assert_no_error (error);
  g_clear_pointer (&copied, g_free);
  copied = describe_proposals (copy);
  g_assert_nonnull (strstr (copied, "备份之后"));
}

/* The copy may not replace the database it is made from, however its
 * path is spelt. */
static void
test_backup_refuses_own_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autofree char *path = g_strdup (yishi_database_get_path (db));
  g_autofree char *dotted = g_build_filename (dir->path, ".", "test.db", NULL);
  g_autofree char *subdir = yishi_test_dir_file (dir, "sub");
  g_autofree char *up = g_build_filename (dir->path, "sub", "..", "test.db", NULL);
  g_autofree char *link = yishi_test_dir_file (dir, "link.db");
  g_autofree char *before = NULL;
  const char *spellings[4];
  g_autoptr(GError) error = NULL;

  g_object_unref (add_proposal (db, "不可覆盖"));
  before = describe_proposals (db);
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_cmpint (symlink (path, link), ==, 0);
  spellings[0] = path;
  spellings[1] = dotted;
  spellings[2] = up;
  spellings[3] = link;

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *after = NULL;
      g_autofree char *report = NULL;
      gboolean ok = FALSE;

      g_assert_false (yishi_database_backup_to (db, spellings[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
      g_clear_error (&error);

      after = describe_proposals (db);
      g_assert_cmpstr (after, ==, before);
      report = yishi_database_check (db, &ok, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
}

/* Side files of whatever database was at the destination must not be
 * applied to the copy. */
static void
test_backup_over_stale_wal (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autofree char *dest = yishi_test_dir_file (dir, "copy.db");
  g_autofree char *other = yishi_test_dir_file (dir, "other.db");
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *dest_wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *wal_contents = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) copy = NULL;
  gboolean ok = FALSE;
  gsize wal_length;
  sqlite3 *handle;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("原库提案 %u", i);

      g_object_unref (add_proposal (db, title));
    }
  original = describe_proposals (db);

  /* another Yishi database, with changes still in its -wal */
  make_database_with_rows (other, 40);
  g_assert_cmpint (sqlite3_open (other, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA wal_autocheckpoint = 0;"
                                         "UPDATE proposal SET title = '来自别的库';"
                                         "DELETE FROM proposal WHERE id > 10;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (other_wal, &wal_contents, &wal_length, NULL));
  g_assert_cmpuint (wal_length, >, 0);
  /* it was copied to where the backup goes, and its -wal beside it */
  g_assert_true (yishi_database_backup_to (db, dest, &error));
  g_assert_no_error (error);
  yishi_test_write_file (dest_wal, wal_contents, wal_length);
  g_assert_true (yishi_database_backup_to (db, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  copy = yishi_database_open (dest, &error);
  g_assert_no_error (error);
  copied = describe_proposals (copy);
  g_assert_cmpstr (copied, ==, original);
  report = yishi_database_check (copy, &ok, &error);
  g_assert_true (ok);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_open_async (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "async.db");
  g_autofree char *text = yishi_test_dir_file (dir, "text.db");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  yishi_database_open_async (path, NULL, async_done_cb, &result);
  db = yishi_database_open_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);

  yishi_test_write_file (text, "not a database", -1);
  yishi_database_open_async (text, NULL, async_done_cb, &refused);
  g_assert_null (yishi_database_open_finish (wait_for (&refused), &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_YISHI);
}

static void
test_backup_async (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autofree char *dest = yishi_test_dir_file (dir, "copy.db");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) copy = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;

  g_object_unref (add_proposal (db, "异步备份"));
  original = describe_proposals (db);

  yishi_database_backup_to_async (db, dest, NULL, async_done_cb, &result);
  g_assert_true (yishi_database_backup_to_finish (db, wait_for (&result), &error));
  g_assert_no_error (error);
  copy = yishi_database_open (dest, &error);
  g_assert_no_error (error);
  copied = describe_proposals (copy);
  g_assert_cmpstr (copied, ==, original);

  yishi_database_backup_to_async (db, yishi_database_get_path (db), NULL, async_done_cb, &refused);
  g_assert_false (yishi_database_backup_to_finish (db, wait_for (&refused), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

/* The data version moves when another connection commits: how the window
 * notices yishictl's changes. */
static void
test_data_version (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) other = yishi_database_open (yishi_database_get_path (db), &error);
  gint64 before, after;

  g_assert_no_error (error);
  before = yishi_database_get_data_version (db);
  g_assert_cmpint (before, >=, 0);
  g_assert_cmpint (yishi_database_get_data_version (db), ==, before);

  g_object_unref (add_proposal (other, "另一个连接"));
  after = yishi_database_get_data_version (db);
  g_assert_cmpint (after, !=, before);
  g_assert_false (yishi_database_is_empty (db));
}

static void
test_default_path (void)
{
  g_autofree char *path = yishi_database_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "yishi", "yishi.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/create/empty-file", test_create_in_empty_file);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/database/refuse/random-bytes", test_refuse_random_bytes);
  g_test_add_func ("/database/refuse/header-then-noise", test_refuse_header_then_noise);
  g_test_add_func ("/database/refuse/other-program", test_refuse_other_program);
  g_test_add_func ("/database/refuse/other-program-wal", test_refuse_other_program_wal);
  g_test_add_func ("/database/refuse/other-program-version", test_refuse_other_program_version);
  g_test_add_func ("/database/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/database/refuse/too-new-while-open", test_refuse_too_new_while_open);
  g_test_add_func ("/database/refuse/negative-version", test_refuse_negative_version);
  g_test_add_func ("/database/refuse/damaged-schema", test_refuse_damaged_schema);
  g_test_add_func ("/database/corrupt/truncated", test_truncated);
  g_test_add_func ("/database/corrupt/damaged-page", test_check_damaged_page);
  g_test_add_func ("/database/check/ok", test_check_ok);
  g_test_add_func ("/database/check/foreign-key", test_check_foreign_key);
  g_test_add_func ("/database/backup", test_backup);
  g_test_add_func ("/database/backup/refuses-own-file", test_backup_refuses_own_file);
  g_test_add_func ("/database/backup/over-stale-wal", test_backup_over_stale_wal);
  g_test_add_func ("/database/backup/async", test_backup_async);
  g_test_add_func ("/database/open-async", test_open_async);
  g_test_add_func ("/database/data-version", test_data_version);
  g_test_add_func ("/database/default-path", test_default_path);

  return g_test_run ();
}
