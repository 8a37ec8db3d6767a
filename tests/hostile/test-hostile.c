#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "yishi-contest-store.h"
#include "yishi-csv-formula.h"
#include "yishi-database.h"
#include "yishi-error.h"
#include "yishi-minutes-xml.h"
#include "yishi-proposal-export.h"
#include "yishi-proposal-import.h"
#include "yishi-proposal-store.h"
#include "yishi-proposal.h"
#include "yishi-sample.h"
#include "yishi-score-import.h"
#include "yishi-test-util.h"

/* Runs every case of cases.txt through the real importer, or through
 * yishi_database_open (), and checks that it fails as expected without
 * touching anything — or, for an input that is legitimately readable,
 * what it stores. */

/* Error messages say what is wrong and where in a line or a few, never
 * with the megabytes of a huge field in them. */
#define MESSAGE_MAX_BYTES 4096
#define HUGE_FIELD_BYTES  (10 * 1024 * 1024)
/* The sample's contest in judging, which score files go into. */
#define JUDGING_CONTEST   "2027年佳园社区民生小实事项目评选"
/* Who the permission cases run as when the tests run as root, for whom
 * no permission stops a write. */
#define NOBODY            65534

typedef struct
{
  char          *name;
  char          *importer;
  char          *file;       /* in the corpus, or NULL */
  char          *generate;   /* made by the test, or NULL */
  YishiEncoding  encoding;
  GQuark         domain;     /* 0: the input is readable */
  int            code;
  char         **message;
  char          *result_sql;
  char         **result;
  gboolean       unprivileged;
} Case;

/* the sample community, loaded once */
static YishiTestDir *seed_dir;
static char         *seed_path;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->importer);
  g_free (c->file);
  g_free (c->generate);
  g_strfreev (c->message);
  g_free (c->result_sql);
  g_strfreev (c->result);
  g_free (c);
}

/* --- files and databases --- */

/* For g_ptr_array_sort (), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @path, sorted: to see that nothing was left beside a file. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
copy_file (const char *from,
           const char *to,
           gssize      length)
{
  g_autofree char *contents = NULL;
  gsize full = 0;

  g_assert_true (g_file_get_contents (from, &contents, &full, NULL));
  yishi_test_write_file (to, contents, length < 0 ? (gssize) full : MIN (length, (gssize) full));
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return handle;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = raw_open (path);

  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* The rows of @sql, each row's columns joined by a tab. */
static GPtrArray *
raw_rows (sqlite3    *handle,
          const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;
          const void *blob = sqlite3_column_blob (stmt, i);

          if (i > 0)
            g_string_append_c (row, '\t');
          if (null)
            g_string_append (row, "NULL");
          else
            g_string_append_len (row, blob, sqlite3_column_bytes (stmt, i));
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return rows;
}

/* Every table's number of rows, and a checksum of all their contents,
 * after checking that the file passes PRAGMA integrity_check: the
 * database as its user sees it, however SQLite lays out the pages. */
static char *
dump_database (const char *path)
{
  sqlite3 *handle = raw_open (path);
  g_autoptr(GPtrArray) check = raw_rows (handle, "PRAGMA integrity_check");
  g_autoptr(GPtrArray) tables = raw_rows (handle, "SELECT name FROM sqlite_schema "
                                                  "WHERE type = 'table' ORDER BY name");
  GString *dump = g_string_new (NULL);

  g_assert_cmpuint (check->len, ==, 1);
  g_assert_cmpstr (check->pdata[0], ==, "ok");
  for (guint i = 0; i < tables->len; i++)
    {
      /* a table name from the schema, not from user text */
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", (const char *) tables->pdata[i]);
      g_autoptr(GPtrArray) rows = raw_rows (handle, sql);
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

      sqlite3_free (sql);
      g_ptr_array_sort (rows, compare_strings);
      for (guint j = 0; j < rows->len; j++)
        g_checksum_update (checksum, (const guchar *) rows->pdata[j], strlen (rows->pdata[j]) + 1);
      g_string_append_printf (dump, "%s: %u rows, %s\n", (const char *) tables->pdata[i],
                              rows->len, g_checksum_get_string (checksum));
    }
  sqlite3_close (handle);

  return g_string_free (dump, FALSE);
}

/* A Yishi database holding the sample community, copied for each case. */
static const char *
get_seed (void)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (seed_path != NULL)
    return seed_path;

  seed_dir = yishi_test_dir_new ();
  seed_path = yishi_test_dir_file (seed_dir, "seed.db");
  db = yishi_database_open (seed_path, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_sample_load_community (db, &error));
  g_assert_no_error (error);
  return seed_path;
}

static void
remove_seed (void)
{
  g_clear_pointer (&seed_dir, yishi_test_dir_free);
  g_clear_pointer (&seed_path, g_free);
}

/* --- inputs the test makes --- */

static char *
make_big (const char *before,
          char        fill,
          gsize       n,
          const char *after)
{
  gsize start = strlen (before);
  char *text = g_malloc (start + n + strlen (after) + 1);

  memcpy (text, before, start);
  memset (text + start, fill, n);
  strcpy (text + start + n, after);
  return text;
}

static void
write_text (const char *path,
            char       *text)
{
  yishi_test_write_file (path, text, -1);
  g_free (text);
}

static char *
generate_text_input (YishiTestDir *dir,
                     const char   *what)
{
  g_autofree char *csv = yishi_test_dir_file (dir, "huge.csv");
  g_autofree char *xml = yishi_test_dir_file (dir, "huge.xml");

  if (g_str_equal (what, "huge-field"))
    write_text (csv, make_big ("标题,正文\n巨大的正文,\"", 'a', HUGE_FIELD_BYTES, "\"\n"));
  else if (g_str_equal (what, "huge-unclosed-quote"))
    write_text (csv, make_big ("标题,正文\n加装电梯,正文\n\"巨大的", 'a', HUGE_FIELD_BYTES, "\n"));
  else if (g_str_equal (what, "score-huge-field"))
    write_text (csv, make_big ("评委,提案,评分标准,得分\n\"", 'x', HUGE_FIELD_BYTES,
                               "\",佳园小区顶层住户屋面漏水维修,紧迫性,30\n"));
  else if (g_str_equal (what, "huge-text-xml"))
    {
      /* 10 MB of text in one element, which libxml2 reads: the reader
       * then refuses the document without quoting it */
      write_text (xml, make_big ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<minutes xmlns=\"" YISHI_MINUTES_XML_NAMESPACE "\" version=\"1.0\">\n"
                                 "<title>", 'x', HUGE_FIELD_BYTES + 1, "</title></minutes>\n"));
      return g_steal_pointer (&xml);
    }
  else
    g_error ("unknown input “%s”", what);

  return g_steal_pointer (&csv);
}

/* A Yishi database whose schema is one newer than this Yishi's. */
static void
make_newer (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", YISHI_SCHEMA_VERSION + 1);

  copy_file (get_seed (), path, -1);
  raw_exec (path, sql);
}

static void
make_random (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autofree guint32 *words = g_new (guint32, 16384);

  for (guint i = 0; i < 16384; i++)
    words[i] = g_rand_int (rand);
  yishi_test_write_file (path, words, 16384 * sizeof (guint32));
}

/* The database file of a case, made in @dir. */
static char *
generate_database (YishiTestDir *dir,
                   const char   *what)
{
  static const struct { const char *what; const char *name; } names[] = {
    { "db-truncated", "cut.db" }, { "db-header-only", "cut.db" },
    { "db-random-bytes", "random.db" }, { "db-other-program", "other.db" },
    { "db-newer-yishi", "newer.db" }, { "db-folder", "folder.db" },
    { "db-read-only-file", "read-only.db" }, { "db-read-only-folder", "in-read-only-folder.db" },
  };
  char *path = NULL;
  g_autofree char *seed = NULL;
  gsize seed_length = 0;

  for (guint i = 0; path == NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (what, names[i].what))
      path = yishi_test_dir_file (dir, names[i].name);
  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (get_seed (), &seed, &seed_length, NULL));

  if (g_str_equal (what, "db-truncated"))
    copy_file (get_seed (), path, seed_length / 2);
  else if (g_str_equal (what, "db-header-only"))
    copy_file (get_seed (), path, 100);
  else if (g_str_equal (what, "db-random-bytes"))
    make_random (path);
  else if (g_str_equal (what, "db-other-program"))
    raw_exec (path, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT);"
                    "INSERT INTO note (text) VALUES ('购物清单');");
  else if (g_str_equal (what, "db-newer-yishi"))
    make_newer (path);
  else if (g_str_equal (what, "db-folder"))
    g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  else
    copy_file (get_seed (), path, -1);

  return path;
}

/* Root may write anything: the permission cases take away the file's
 * or the folder's write permission, and run as nobody when root. The
 * saved user id stays root, to clean up after. */
static void
set_permissions (YishiTestDir *dir,
                 const char   *path,
                 const char   *what)
{
  gboolean folder = g_str_equal (what, "db-read-only-folder");

  if (geteuid () == 0)
    {
      /* nobody owns the writable one of the two */
      g_assert_cmpint (chown (folder ? path : dir->path, NOBODY, NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (dir->path, folder ? 0555 : 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, folder ? 0644 : 0444), ==, 0);
}

static void
become_nobody (void)
{
  if (getuid () != 0)
    return;

  g_assert_cmpint (setegid (NOBODY), ==, 0);
  g_assert_cmpint (seteuid (NOBODY), ==, 0);
}

static void
become_root_again (void)
{
  if (getuid () != 0)
    return;

  g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_cmpint (setegid (0), ==, 0);
#ifdef __linux__
  /* changing the effective user made the process undumpable, which
   * LeakSanitizer in the ASan build needs it to be */
  prctl (PR_SET_DUMPABLE, 1);
#endif
}

/* --- running the importers --- */

static gint64
find_contest (YishiDatabase *db,
              const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contests = yishi_contest_store_list (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < contests->len; i++)
    {
      const YishiContestRow *row = contests->pdata[i];

      if (g_str_equal (row->name, name))
        return row->id;
    }
  g_error ("no contest “%s” in the sample", name);
}

/* Every problem, one a line, then the error. */
static void
import_proposals (YishiDatabase  *db,
                  const Case     *c,
                  const char     *path,
                  GString        *report,
                  GError        **error)
{
  g_autoptr(YishiProposalImport) import = yishi_proposal_import_prepare (path, c->encoding, error);
  GPtrArray *problems;

  if (import == NULL)
    return;

  problems = yishi_proposal_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = yishi_import_problem_to_string (problems->pdata[i],
                                                              yishi_proposal_import_get_filename (import));

      g_string_append_printf (report, "%s\n", line);
    }
  yishi_proposal_import_run (import, db, NULL, NULL, NULL, error);
}

static char *
run_importer (const Case  *c,
              const char  *db_path,
              const char  *input,
              GError     **error)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) local_error = NULL;
  GString *report = g_string_new (NULL);
  gboolean created = FALSE;

  db = yishi_database_open (db_path, &local_error);
  g_assert_no_error (local_error);

  if (g_str_equal (c->importer, "proposal-csv"))
    import_proposals (db, c, input, report, error);
  else if (g_str_equal (c->importer, "score-csv"))
    yishi_score_import_file (db, find_contest (db, JUDGING_CONTEST), input, c->encoding, error);
  else if (g_str_equal (c->importer, "minutes-xml"))
    yishi_minutes_xml_import (db, input, &created, error);
  else
    g_error ("unknown importer “%s”", c->importer);

  if (error != NULL && *error != NULL)
    g_string_append (report, (*error)->message);
  return g_string_free (report, FALSE);
}

static void
assert_message (const Case *c,
                const char *report)
{
  for (guint i = 0; c->message[i] != NULL; i++)
    if (strstr (report, c->message[i]) == NULL)
      g_error ("%s: “%s” is not in the message:\n%s", c->name, c->message[i], report);
  g_assert_cmpuint (strlen (report), <, MESSAGE_MAX_BYTES);
}

static void
assert_result (const Case *c,
               const char *db_path)
{
  sqlite3 *handle = raw_open (db_path);
  g_autoptr(GPtrArray) rows = raw_rows (handle, c->result_sql);

  sqlite3_close (handle);
  g_assert_cmpuint (rows->len, ==, g_strv_length (c->result));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (rows->pdata[i], ==, c->result[i]);
}

static char *
input_path (const Case   *c,
            YishiTestDir *dir)
{
  if (c->generate != NULL)
    return generate_text_input (dir, c->generate);

  return g_test_build_filename (G_TEST_DIST, "hostile", c->file, NULL);
}

static void
run_import_case (const Case *c)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *db_path = yishi_test_dir_file (dir, "yishi.db");
  g_autofree char *input = input_path (c, dir);
  g_autofree char *input_sum = yishi_test_file_checksum (input);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  g_autofree char *input_after = NULL;
  g_autoptr(GError) error = NULL;

  copy_file (get_seed (), db_path, -1);
  before = dump_database (db_path);
  report = run_importer (c, db_path, input, &error);
  after = dump_database (db_path);
  input_after = yishi_test_file_checksum (input);
  g_assert_cmpstr (input_after, ==, input_sum);

  if (c->domain == 0)
    {
      g_assert_no_error (error);
      assert_result (c, db_path);
      return;
    }

  g_assert_error (error, c->domain, c->code);
  assert_message (c, report);
  g_assert_cmpstr (after, ==, before);
}

/* The failed open leaves the file, and the folder around it, as they
 * were: no -wal or -shm files, no migration, no repair. */
static void
run_database_case (const Case *c)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (c->generate != NULL)
    path = generate_database (dir, c->generate);
  else
    {
      g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "hostile", c->file, NULL);

      path = yishi_test_dir_file (dir, c->file);
      copy_file (corpus, path, -1);
    }
  if (c->unprivileged)
    set_permissions (dir, path, c->generate);
  sum = yishi_test_file_checksum (path);
  listing = list_dir (dir->path);

  if (c->unprivileged)
    become_nobody ();
  db = yishi_database_open (path, &error);
  if (c->unprivileged)
    become_root_again ();

  g_assert_null (db);
  g_assert_error (error, c->domain, c->code);
  assert_message (c, error->message);
  sum_after = yishi_test_file_checksum (path);
  listing_after = list_dir (dir->path);
  g_assert_cmpstr (sum_after, ==, sum);
  g_assert_cmpstr (listing_after, ==, listing);

  /* for the clean-up */
  g_assert_cmpint (g_chmod (dir->path, 0700), ==, 0);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;

  if (g_str_equal (c->importer, "database"))
    run_database_case (c);
  else
    run_import_case (c);
}

/* --- the manifest --- */

static void
parse_error (Case       *c,
             const char *text)
{
  static const struct { const char *name; GQuark (*domain) (void); int code; } codes[] = {
    { "yishi:ENCODING", yishi_error_quark, YISHI_ERROR_ENCODING },
    { "yishi:IMPORT", yishi_error_quark, YISHI_ERROR_IMPORT },
    { "yishi:CORRUPT", yishi_error_quark, YISHI_ERROR_CORRUPT },
    { "yishi:NOT_YISHI", yishi_error_quark, YISHI_ERROR_NOT_YISHI },
    { "yishi:TOO_NEW", yishi_error_quark, YISHI_ERROR_TOO_NEW },
    { "yishi:NOT_FOUND", yishi_error_quark, YISHI_ERROR_NOT_FOUND },
    { "io:IS_DIRECTORY", g_io_error_quark, G_IO_ERROR_IS_DIRECTORY },
    { "io:READ_ONLY", g_io_error_quark, G_IO_ERROR_READ_ONLY },
  };

  if (g_str_equal (text, "none"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (text, codes[i].name))
      {
        c->domain = codes[i].domain ();
        c->code = codes[i].code;
        return;
      }
  g_error ("%s: unknown error “%s”", c->name, text);
}

static Case *
read_case (GKeyFile   *cases,
           const char *name)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *error = g_key_file_get_string (cases, name, "error", NULL);
  g_autofree char *encoding = g_key_file_get_string (cases, name, "encoding", NULL);

  c->name = g_strdup (name);
  c->importer = g_key_file_get_string (cases, name, "importer", NULL);
  c->file = g_key_file_get_string (cases, name, "file", NULL);
  c->generate = g_key_file_get_string (cases, name, "generate", NULL);
  c->message = g_key_file_get_string_list (cases, name, "message", NULL, NULL);
  c->result_sql = g_key_file_get_string (cases, name, "result-sql", NULL);
  c->result = g_key_file_get_string_list (cases, name, "result", NULL, NULL);
  c->unprivileged = g_key_file_get_boolean (cases, name, "unprivileged", NULL);
  if (encoding == NULL || !yishi_encoding_parse (encoding, &c->encoding))
    c->encoding = YISHI_ENCODING_AUTO;

  /* a case says what it reads and what must come of it */
  g_assert_nonnull (c->importer);
  g_assert_true ((c->file == NULL) != (c->generate == NULL));
  g_assert_nonnull (error);
  parse_error (c, error);
  if (c->domain != 0)
    g_assert_nonnull (c->message);
  else
    g_assert_true (c->result_sql != NULL && c->result != NULL);
  return c;
}

static GPtrArray *
load_cases (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile", "cases.txt", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  names = g_key_file_get_groups (file, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (cases, read_case (file, names[i]));
  return cases;
}

/* --- formula injection in the CSV export --- */

static void
test_formula_guard (void)
{
  static const struct { const char *text; gboolean guard; const char *unguarded; } cells[] = {
    { "=cmd|' /C calc'!A0", TRUE, "=cmd|' /C calc'!A0" },
    { "+1+1", TRUE, "+1+1" },
    { "-2+3", TRUE, "-2+3" },
    { "@SUM(1)", TRUE, "@SUM(1)" },
    { "\t=1", TRUE, "\t=1" },
    { "\r=1", TRUE, "\r=1" },
    /* an exported cell read back loses one quote */
    { "'=1", TRUE, "=1" },
    { "''-1", TRUE, "'-1" },
    /* no formula: left alone both ways */
    { "加装电梯", FALSE, "加装电梯" },
    { "'", FALSE, "'" },
    { "'abc", FALSE, "'abc" },
    { "12000", FALSE, "12000" },
    { "a=b", FALSE, "a=b" },
    { "", FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *guarded = g_strconcat (YISHI_CSV_FORMULA_GUARD, cells[i].text, NULL);

      g_assert_cmpint (yishi_csv_formula_needs_guard (cells[i].text), ==, cells[i].guard);
      g_assert_cmpstr (yishi_csv_formula_unguard (cells[i].text), ==, cells[i].unguarded);
      /* what the export writes, the import reads back as it was */
      if (cells[i].guard)
        g_assert_cmpstr (yishi_csv_formula_unguard (guarded), ==, cells[i].text);
    }
}

static YishiProposal *
add_proposal (YishiDatabase *db,
              const char    *title,
              const char    *summary,
              const char    *location)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(GError) error = NULL;
  YishiProposal *proposal;

  draft->title = g_strdup (title);
  draft->summary = g_strdup (summary);
  draft->location = g_strdup (location);
  draft->cost_fen = 1200000;
  proposal = yishi_proposal_store_add (db, draft, &error);
  g_assert_no_error (error);
  return proposal;
}

/* Every text cell that a spreadsheet would run starts with a quote in
 * the file; numbers stay numbers; and importing the export into
 * another database gives back exactly the text that was typed. */
static void
test_formula_export (void)
{
  static const char * const texts[][3] = {
    { "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.invalid/\",\"点击\")", "@SUM(1+1)" },
    { "+1+1", "\t=1+1", "\r-2+3" },
    { "-5度以下防冻", "'=已有引号", "''+两个引号" },
    { "加装电梯", "'引号开头", "普通文字" },
  };
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *csv = yishi_test_dir_file (dir, "export.csv");
  g_autofree char *other_path = yishi_test_dir_file (dir, "other.db");
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(YishiDatabase) other = NULL;
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(YishiCsvTable) table = NULL;
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_ptr_array_add (proposals, add_proposal (db, texts[i][0], texts[i][1], texts[i][2]));
  g_assert_true (yishi_proposal_export_csv (proposals, csv, &error));
  g_assert_no_error (error);

  /* the file as a spreadsheet reads it: title, summary, …, location, cost */
  table = yishi_csv_table_read_file (csv, YISHI_ENCODING_UTF8, "export.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_csv_table_get_field (table, 0, 0), ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 0, 1), ==,
                   "'=HYPERLINK(\"http://example.invalid/\",\"点击\")");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 0, 6), ==, "'@SUM(1+1)");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 1, 0), ==, "'+1+1");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 1, 1), ==, "'\t=1+1");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 1, 6), ==, "'\r-2+3");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 2, 0), ==, "'-5度以下防冻");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 2, 1), ==, "''=已有引号");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 2, 6), ==, "'''+两个引号");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 3, 0), ==, "加装电梯");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 3, 1), ==, "'引号开头");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 3, 7), ==, "12000.00");

  other = yishi_database_open (other_path, &error);
  g_assert_no_error (error);
  import = yishi_proposal_import_prepare (csv, YISHI_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_proposal_import_get_problems (import)->len, ==, 0);
  g_assert_true (yishi_proposal_import_run (import, other, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  back = yishi_test_list_proposals (other);
  g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < back->len; i++)
    {
      YishiProposal *proposal = back->pdata[i];
      guint j;

      for (j = 0; j < G_N_ELEMENTS (texts); j++)
        if (g_str_equal (yishi_proposal_get_title (proposal), texts[j][0]))
          break;
      g_assert_cmpuint (j, <, G_N_ELEMENTS (texts));
      g_assert_cmpstr (yishi_proposal_get_summary (proposal), ==, texts[j][1]);
      g_assert_cmpstr (yishi_proposal_get_location (proposal), ==, texts[j][2]);
      g_assert_cmpint (yishi_proposal_get_cost_fen (proposal), ==, 1200000);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  cases = load_cases ();
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = cases->pdata[i];
      g_autofree char *path = g_strdup_printf ("/hostile/%s/%s", c->importer, c->name);

      g_test_add_data_func (path, c, test_case);
    }
  g_test_add_func ("/hostile/export/formula-guard", test_formula_guard);
  g_test_add_func ("/hostile/export/formula-round-trip", test_formula_export);

  status = g_test_run ();
  remove_seed ();
  return status;
}
