#include "config.h"

#include <gio/gio.h>

#include "yishi-cli-test-util.h"
#include "yishi-person-store.h"

void
yishi_cli_fixture_set_up (YishiCliFixture    *fixture,
                          const char * const *names,
                          guint               n_names)
{
  g_autoptr(YishiDatabase) db = NULL;

  fixture->dir = yishi_test_dir_new ();
  db = yishi_test_open_db (fixture->dir);
  fixture->db_path = g_strdup (yishi_database_get_path (db));
  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
      g_autoptr(YishiPerson) person = NULL;
      g_autoptr(GError) error = NULL;

      draft->name = g_strdup (names[i]);
      person = yishi_person_store_add (db, draft, &error);
      g_assert_no_error (error);
    }
}

void
yishi_cli_fixture_tear_down (YishiCliFixture *fixture,
                             gconstpointer    data)
{
  g_free (fixture->db_path);
  yishi_test_dir_free (fixture->dir);
}

YishiCliResult *
yishi_cli_run (YishiCliFixture *fixture,
               const char      *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  YishiCliResult *result = g_new0 (YishiCliResult, 1);
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
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  return result;
}

void
yishi_cli_result_free (YishiCliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

void
yishi_cli_assert_status (YishiCliResult *result,
                         int             status,
                         const char     *out)
{
  if (result->status != status)
    g_error ("exit %d, not %d: %s", result->status, status, result->err);
  if (out != NULL)
    g_assert_cmpstr (result->out, ==, out);
}
