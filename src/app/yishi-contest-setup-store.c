#include "config.h"

#include "yishi-contest-setup-private.h"

/* What YishiContestSetupView reads and writes, on a worker thread. */

void
_yishi_contest_setup_data_free (YishiContestSetupData *loaded)
{
  g_clear_pointer (&loaded->contest, yishi_contest_row_free);
  for (guint i = 0; i < YISHI_SETUP_N_LISTS; i++)
    g_clear_pointer (&loaded->lists[i], g_ptr_array_unref);
  g_free (loaded);
}

gpointer
_yishi_contest_setup_write_func (YishiDatabase   *db,
                                 gpointer         data,
                                 GCancellable    *cancellable,
                                 GDestroyNotify  *out_free,
                                 GError         **error)
{
  YishiContestSetupWrite *write = data;
  gboolean ok = FALSE;

  switch (write->kind)
    {
    case YISHI_SETUP_WRITE_REMOVE_CRITERION:
      ok = yishi_contest_store_remove_criterion (db, write->contest_id, write->a, error);
      break;
    case YISHI_SETUP_WRITE_REMOVE_JUDGE:
      ok = yishi_contest_store_remove_judge (db, write->contest_id, write->a, error);
      break;
    case YISHI_SETUP_WRITE_REMOVE_ENTRY:
      ok = yishi_contest_store_remove_entry (db, write->contest_id, write->a, error);
      break;
    case YISHI_SETUP_WRITE_REMOVE_RECUSAL:
      ok = yishi_contest_store_remove_recusal (db, write->contest_id, write->a, write->b, error);
      break;
    case YISHI_SETUP_WRITE_ADD_JUDGE:
      ok = yishi_contest_store_add_judge (db, write->contest_id, write->a, error) != 0;
      break;
    default:
      g_assert_not_reached ();
    }
  /* any non-NULL result says it worked */
  return ok ? GINT_TO_POINTER (1) : NULL;
}

gpointer
_yishi_contest_setup_load_func (YishiDatabase   *db,
                                gpointer         data,
                                GCancellable    *cancellable,
                                GDestroyNotify  *out_free,
                                GError         **error)
{
  g_autoptr(YishiContestRoster) roster = yishi_contest_store_roster (db, *(gint64 *) data, error);
  YishiContestSetupData *loaded;

  *out_free = (GDestroyNotify) _yishi_contest_setup_data_free;
  if (roster == NULL)
    return NULL;
  loaded = g_new0 (YishiContestSetupData, 1);
  loaded->contest = g_steal_pointer (&roster->contest);
  loaded->lists[YISHI_SETUP_LIST_CRITERIA] = g_steal_pointer (&roster->criteria);
  loaded->lists[YISHI_SETUP_LIST_JUDGES] = g_steal_pointer (&roster->judges);
  loaded->lists[YISHI_SETUP_LIST_ENTRIES] = g_steal_pointer (&roster->entries);
  loaded->lists[YISHI_SETUP_LIST_RECUSALS] = g_steal_pointer (&roster->recusals);
  return loaded;
}

