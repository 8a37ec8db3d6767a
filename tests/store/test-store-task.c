#include <locale.h>

#include "yishi-error.h"
#include "yishi-proposal-store.h"
#include "yishi-store-task.h"
#include "yishi-test-util.h"

static GThread *main_thread;
static gint n_results_freed; /* atomic: the last reference to a task may */
static gint n_data_freed;    /* go on the worker thread, after the callback */

typedef struct
{
  char    *title;
  gboolean fail;
  gboolean result_with_error; /* a careless function: both */
  GThread *ran_in;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->title);
  g_free (job);
  g_atomic_int_inc (&n_data_freed);
}

static void
result_free (gpointer result)
{
  g_object_unref (result);
  g_atomic_int_inc (&n_results_freed);
}

/* Adds a proposal on the worker thread and returns it. */
static gpointer
add_job (YishiDatabase   *db,
         gpointer         data,
         GCancellable    *cancellable,
         GDestroyNotify  *out_free,
         GError         **error)
{
  Job *job = data;
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  YishiProposal *proposal;

  job->ran_in = g_thread_self ();
  g_assert_true (job->ran_in != main_thread);

  draft->title = g_strdup (job->title);
  if (job->fail)
    g_clear_pointer (&draft->title, g_free);

  proposal = yishi_proposal_store_add (db, draft, error);
  if (proposal != NULL && job->result_with_error)
    g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_IMPORT, "both");
  *out_free = result_free;
  return proposal;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  /* results come back on the main thread, in the main context */
  g_assert_true (g_thread_self () == main_thread);
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

/* Waits (a few seconds at most) for @counter to reach @expected, then
 * checks that it goes no further. */
static void
assert_counter_reaches (gint *counter,
                        gint  expected)
{
  for (guint i = 0; i < 5000 && g_atomic_int_get (counter) < expected; i++)
    g_usleep (1000);
  g_usleep (10000);
  g_assert_cmpint (g_atomic_int_get (counter), ==, expected);
}

static Job *
job_new (const char *title)
{
  Job *job = g_new0 (Job, 1);

  job->title = g_strdup (title);
  return job;
}

static void
test_result (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) proposal = NULL;
  Job *job = job_new ("后台添加");

  g_atomic_int_set (&n_data_freed, 0);
  yishi_store_run_async (db, add_job, job, job_free, NULL, done_cb, &result);
  g_assert_null (result); /* not before the main loop runs */

  proposal = yishi_store_run_finish (db, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (YISHI_IS_PROPOSAL (proposal));
  g_assert_cmpstr (yishi_proposal_get_title (proposal), ==, "后台添加");
  g_assert_cmpuint (yishi_proposal_store_count (db, NULL), ==, 1);

  g_clear_object (&result);
  assert_counter_reaches (&n_data_freed, 1);
}

static void
test_error (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Job *job = job_new (NULL);

  job->fail = TRUE;
  g_atomic_int_set (&n_data_freed, 0);
  yishi_store_run_async (db, add_job, job, job_free, NULL, done_cb, &result);
  g_assert_null (yishi_store_run_finish (db, wait_for (&result), &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_assert_cmpuint (yishi_proposal_store_count (db, NULL), ==, 0);
  g_clear_object (&result);
  assert_counter_reaches (&n_data_freed, 1);
}

/* A function that sets an error and still returns something: the error
 * wins and the result is freed, not leaked. */
static void
test_error_with_result (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Job *job = job_new ("有结果也有错误");

  job->result_with_error = TRUE;
  g_atomic_int_set (&n_results_freed, 0);
  yishi_store_run_async (db, add_job, job, job_free, NULL, done_cb, &result);
  g_assert_null (yishi_store_run_finish (db, wait_for (&result), &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT);
  assert_counter_reaches (&n_results_freed, 1);
}

/* Cancelled before it could finish: the caller sees CANCELLED, and a
 * result the worker made anyway is freed. */
static void
test_cancelled (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_atomic_int_set (&n_results_freed, 0);
  g_cancellable_cancel (cancellable);
  yishi_store_run_async (db, add_job, job_new ("已取消"), job_free, cancellable, done_cb, &result);
  g_assert_null (yishi_store_run_finish (db, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  assert_counter_reaches (&n_results_freed, 1);
}

/* A result nobody collects is freed with its free function. */
static void
test_result_not_collected (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GAsyncResult) result = NULL;

  g_atomic_int_set (&n_results_freed, 0);
  yishi_store_run_async (db, add_job, job_new ("没人要"), job_free, NULL, done_cb, &result);
  wait_for (&result);
  g_clear_object (&result);
  assert_counter_reaches (&n_results_freed, 1);
}

/* Many at once: each callback gets its own result. */
static void
test_many (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  GAsyncResult *results[20] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *title = g_strdup_printf ("并发 %u", i);

      yishi_store_run_async (db, add_job, job_new (title), job_free, NULL, done_cb, &results[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *title = g_strdup_printf ("并发 %u", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(YishiProposal) proposal = yishi_store_run_finish (db, wait_for (&results[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (yishi_proposal_get_title (proposal), ==, title);
      g_clear_object (&results[i]);
    }
  g_assert_cmpuint (yishi_proposal_store_count (db, NULL), ==, G_N_ELEMENTS (results));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/store-task/result", test_result);
  g_test_add_func ("/store-task/error", test_error);
  g_test_add_func ("/store-task/error-with-result", test_error_with_result);
  g_test_add_func ("/store-task/cancelled", test_cancelled);
  g_test_add_func ("/store-task/result-not-collected", test_result_not_collected);
  g_test_add_func ("/store-task/many", test_many);

  return g_test_run ();
}
