#include "config.h"

#include "yishi-store-task.h"

typedef struct
{
  YishiStoreFunc func;
  gpointer       data;
  GDestroyNotify data_free;
} StoreCall;

static void
store_call_free (StoreCall *call)
{
  if (call->data_free != NULL)
    call->data_free (call->data);
  g_free (call);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  StoreCall *call = task_data;
  GDestroyNotify result_free = NULL;
  GError *error = NULL;
  gpointer result = call->func (source_object, call->data, cancellable, &result_free, &error);

  if (error != NULL)
    {
      /* a function that fails returns no result; free one if it did */
      if (result != NULL && result_free != NULL)
        result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, result_free);
}

/**
 * yishi_store_run_async:
 * Runs @func on a worker thread — the way the window keeps the database
 * off the main loop. @data must be plain values the caller no longer
 * touches; the result comes back on the caller's main context.
 */
void
yishi_store_run_async (YishiDatabase       *db,
                       YishiStoreFunc       func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StoreCall *call;

  g_return_if_fail (YISHI_IS_DATABASE (db));
  g_return_if_fail (func != NULL);

  call = g_new (StoreCall, 1);
  call->func = func;
  call->data = data;
  call->data_free = data_free;

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, yishi_store_run_async);
  g_task_set_task_data (task, call, (GDestroyNotify) store_call_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
yishi_store_run_finish (YishiDatabase  *db,
                        GAsyncResult   *result,
                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
