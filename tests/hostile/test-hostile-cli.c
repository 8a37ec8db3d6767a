#include "config.h"

#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "yishi-contest-store.h"
#include "yishi-database.h"
#include "yishi-sample.h"
#include "yishi-test-util.h"

/* yishictl on a few files of the hostile corpus: each run ends with
 * status 1 and a message on stderr that names the file and says what is
 * wrong, without a crash, a GLib warning or a sanitizer report, and
 * leaves the database and the file as they were. */

#define JUDGING_CONTEST "2027年佳园社区民生小实事项目评选"
/* Who runs yishictl in the permission test when the tests run as root,
 * for whom no permission stops a write. */
#define NOBODY 65534

typedef struct
{
  YishiTestDir *dir;
  char         *db_path;  /* the sample community */
  char         *contest;  /* the id of its contest in judging */
} Fixture;

static char *
corpus_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) contests = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = yishi_test_dir_new ();
  fixture->db_path = yishi_test_dir_file (fixture->dir, "yishi.db");
  db = yishi_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_sample_load_community (db, &error));
  g_assert_no_error (error);

  contests = yishi_contest_store_list (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < contests->len; i++)
    {
      const YishiContestRow *row = contests->pdata[i];

      if (g_str_equal (row->name, JUDGING_CONTEST))
        fixture->contest = g_strdup_printf ("%" G_GINT64_FORMAT, row->id);
    }
  g_assert_nonnull (fixture->contest);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->contest);
  g_free (fixture->db_path);
  yishi_test_dir_free (fixture->dir);
}

/* In the child, before yishictl runs: only async-signal-safe calls. */
static void
become_nobody_cb (gpointer data)
{
  if (getuid () == 0 && (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (127);
}

/* Runs yishictl --db @db_path with the arguments up to a NULL — as
 * nobody if @as_nobody and the tests run as root — and checks that it
 * failed cleanly with each of @expected (a NULL-ended list) in what it
 * wrote to stderr. */
static void
assert_fails (gboolean            as_nobody,
              const char         *db_path,
              const char * const *expected,
              const char         *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  static const char * const never[] = {
    "CRITICAL", "WARNING", "Segmentation", "Traceback", "Sanitizer", "runtime error",
  };
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("YISHICTL"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (as_nobody)
    g_subprocess_launcher_set_child_setup (launcher, become_nobody_cb, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* ended by exit (1), not by a signal */
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (err, expected[i]) == NULL)
      g_error ("“%s” is not in yishictl’s error output:\n%s", expected[i], err);
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (err, never[i]) != NULL)
      g_error ("yishictl printed “%s”:\n%s", never[i], err);
}

/* An import that fails on @name, checked to leave both files alone. */
static void
assert_import_fails (Fixture            *fixture,
                     const char         *command,
                     const char         *name,
                     const char * const *expected)
{
  g_autofree char *input = corpus_file (name);
  g_autofree char *input_sum = yishi_test_file_checksum (input);
  g_autofree char *db_sum = yishi_test_file_checksum (fixture->db_path);
  g_autofree char *input_after = NULL;
  g_autofree char *db_after = NULL;

  if (g_str_equal (command, "proposal"))
    assert_fails (FALSE, fixture->db_path, expected, "proposal", "import", input, NULL);
  else if (g_str_equal (command, "contest"))
    assert_fails (FALSE, fixture->db_path, expected, "contest", "import", fixture->contest, input, NULL);
  else
    assert_fails (FALSE, fixture->db_path, expected, "import", input, NULL);

  input_after = yishi_test_file_checksum (input);
  db_after = yishi_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (input_after, ==, input_sum);
  g_assert_cmpstr (db_after, ==, db_sum);
}

/* One import of a hostile file, and what its error must say. */
typedef struct
{
  const char *path;         /* of the test case */
  const char *command;      /* yishictl's: proposal, contest or import */
  const char *file;         /* in the corpus */
  const char *expected[5];  /* on stderr, up to a NULL */
} ImportCase;

static const ImportCase import_cases[] = {
  { "/hostile-cli/proposal/invalid-utf8", "proposal", "invalid-utf8.csv",
    { "yishictl: ", "invalid-utf8.csv:3: this line is not valid UTF-8 text", NULL } },
  { "/hostile-cli/proposal/unclosed-quote", "proposal", "unclosed-quote.csv",
    { "unclosed-quote.csv:3: ", "never closed", NULL } },
  { "/hostile-cli/contest/score-formula", "contest", "score-formula.csv",
    { "score-formula.csv, line 2, column “评委”", "is not a judge of this contest",
      "score-formula.csv, line 3, column “得分”", "No score was imported.", NULL } },
  /* the file named once, by the reader's message */
  { "/hostile-cli/import/xxe", "import", "xxe-file.xml",
    { "yishictl: “", "xxe-file.xml” declares a document type (DOCTYPE)", NULL } },
  { "/hostile-cli/import/billion-laughs", "import", "billion-laughs.xml",
    { "billion-laughs.xml", "declares a document type (DOCTYPE)", NULL } },
  { "/hostile-cli/import/nul-byte", "import", "nul-byte.xml",
    { "nul-byte.xml", "(line 3): it holds a NUL byte", NULL } },
};

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  const ImportCase *one = data;

  assert_import_fails (fixture, one->command, one->file, one->expected);
}

/* --db on a file that is not a Yishi database: refused, untouched. */
static void
test_db_not_sqlite (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "notes.db");
  g_autofree char *input = corpus_file ("not-text.csv");
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;
  const char * const expected[] = { "yishictl: “", "notes.db” is not a Yishi database.", NULL };

  g_assert_true (g_file_get_contents (input, &contents, &length, NULL));
  yishi_test_write_file (path, contents, length);
  assert_fails (FALSE, path, expected, "proposal", "list", NULL);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpmem (after, length, contents, length);
}

static void
test_db_folder (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  const char * const expected[] = { dir->path, "is a folder, not a database file.", NULL };

  assert_fails (FALSE, dir->path, expected, "proposal", "list", NULL);
}

/* A database in a folder its user may not write to: refused when
 * opened, naming the file, and left as it was with nothing beside it. */
static void
test_db_read_only_folder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *sum = yishi_test_file_checksum (fixture->db_path);
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *after = NULL;
  const char * const expected[] = {
    "yishi.db” cannot be changed: the file or its folder is read-only.", NULL,
  };

  if (getuid () == 0)
    g_assert_cmpint (chown (fixture->db_path, NOBODY, NOBODY), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir->path, 0555), ==, 0);
  assert_fails (TRUE, fixture->db_path, expected, "proposal", "list", NULL);
  g_assert_cmpint (g_chmod (fixture->dir->path, 0700), ==, 0);

  after = yishi_test_file_checksum (fixture->db_path);
  g_assert_cmpstr (after, ==, sum);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (import_cases); i++)
    g_test_add (import_cases[i].path, Fixture, &import_cases[i], fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/hostile-cli/db/read-only-folder", Fixture, NULL, fixture_set_up, test_db_read_only_folder,
              fixture_tear_down);
  g_test_add_func ("/hostile-cli/db/not-sqlite", test_db_not_sqlite);
  g_test_add_func ("/hostile-cli/db/folder", test_db_folder);

  return g_test_run ();
}
