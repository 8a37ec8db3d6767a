#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"

/* The results of a contest, and the organiser's funding decisions that
 * replace the rule's. Everything a results page or a notice shows comes
 * from one read, so a notice never mixes two states of the scores. */

void
yishi_contest_override_row_free (YishiContestOverrideRow *row)
{
  if (row == NULL)
    return;
  g_free (row->reason);
  g_free (row);
}

void
yishi_contest_results_free (YishiContestResults *results)
{
  if (results == NULL)
    return;
  g_clear_pointer (&results->contest, yishi_contest_row_free);
  g_clear_pointer (&results->criteria, g_ptr_array_unref);
  g_clear_pointer (&results->entries, g_ptr_array_unref);
  g_clear_pointer (&results->overrides, g_ptr_array_unref);
  g_clear_pointer (&results->ranking, yishi_contest_ranking_free);
  g_clear_pointer (&results->funding, yishi_contest_funding_free);
  g_free (results);
}

const YishiContestEntryRow *
yishi_contest_results_find_entry (const YishiContestResults *results,
                                  gint64                     proposal_id)
{
  g_return_val_if_fail (results != NULL, NULL);

  for (guint i = 0; i < results->entries->len; i++)
    {
      const YishiContestEntryRow *entry = g_ptr_array_index (results->entries, i);

      if (entry->proposal_id == proposal_id)
        return entry;
    }
  return NULL;
}

static GPtrArray *
read_overrides (YishiDatabase  *db,
                gint64          contest_id,
                GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT proposal_id, funded, reason FROM contest_override WHERE contest_id = ?1 ORDER BY proposal_id",
      error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_contest_override_row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiContestOverrideRow *row = g_new0 (YishiContestOverrideRow, 1);

      row->proposal_id = sqlite3_column_int64 (stmt, 0);
      row->funded = sqlite3_column_int (stmt, 1) != 0;
      row->reason = g_strdup (_yishi_column_text (stmt, 2));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&rows);
}

static YishiContestFunding *
fund (const YishiContestResults  *results,
      GError                    **error)
{
  g_autofree YishiContestOverride *overrides = g_new0 (YishiContestOverride, results->overrides->len + 1);

  for (guint i = 0; i < results->overrides->len; i++)
    {
      const YishiContestOverrideRow *row = g_ptr_array_index (results->overrides, i);

      overrides[i].proposal_id = row->proposal_id;
      overrides[i].funded = row->funded;
      overrides[i].reason = row->reason;
    }
  return yishi_contest_fund (results->ranking, results->contest->funding, results->contest->budget_fen,
                             results->contest->top_n, overrides, results->overrides->len, error);
}

YishiContestResults *
_yishi_contest_read_results (YishiDatabase  *db,
                             gint64          contest_id,
                             GError        **error)
{
  g_autoptr(YishiContestResults) results = g_new0 (YishiContestResults, 1);
  g_autoptr(GPtrArray) judges = NULL;

  if ((results->contest = yishi_contest_store_get (db, contest_id, error)) == NULL ||
      (results->criteria = yishi_contest_store_list_criteria (db, contest_id, error)) == NULL ||
      (results->entries = yishi_contest_store_list_entries (db, contest_id, error)) == NULL ||
      (judges = yishi_contest_store_list_judges (db, contest_id, error)) == NULL ||
      (results->overrides = read_overrides (db, contest_id, error)) == NULL ||
      (results->ranking = _yishi_contest_rank_locked (db, contest_id, error)) == NULL ||
      (results->funding = fund (results, error)) == NULL)
    return NULL;
  results->n_judges = judges->len;
  return g_steal_pointer (&results);
}

YishiContestResults *
yishi_contest_store_results (YishiDatabase  *db,
                             gint64          contest_id,
                             GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiContestResults) results = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return NULL;
  results = _yishi_contest_read_results (db, contest_id, error);
  if (!_yishi_database_finish (db, results != NULL, error))
    return NULL;
  return g_steal_pointer (&results);
}

static gboolean
upsert_override (YishiDatabase  *db,
                 gint64          contest_id,
                 gint64          proposal_id,
                 gboolean        funded,
                 const char     *reason,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO contest_override (uuid, contest_id, proposal_id, funded, reason, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, trim(?5), ?6, ?6) ON CONFLICT (contest_id, proposal_id) DO UPDATE SET"
      " funded = excluded.funded, reason = excluded.reason, updated_at = excluded.updated_at", error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, contest_id);
  sqlite3_bind_int64 (stmt, 3, proposal_id);
  sqlite3_bind_int (stmt, 4, funded ? 1 : 0);
  _yishi_bind_text (stmt, 5, reason);
  _yishi_bind_static_text (stmt, 6, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_contest_store_set_override (YishiDatabase  *db,
                                  gint64          contest_id,
                                  gint64          proposal_id,
                                  gboolean        funded,
                                  const char     *reason,
                                  GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *title = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  if (_yishi_contest_is_blank (reason))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("A funding decision that departs from the contest's rule needs a written reason."));
      return FALSE;
    }
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_not_published (&contest, error) &&
       _yishi_contest_load_entry (db, contest_id, proposal_id, &title, error) &&
       upsert_override (db, contest_id, proposal_id, funded, reason, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
delete_override (YishiDatabase  *db,
                 gint64          contest_id,
                 gint64          proposal_id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "DELETE FROM contest_override WHERE contest_id = ?1 AND proposal_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_contest_store_clear_override (YishiDatabase  *db,
                                    gint64          contest_id,
                                    gint64          proposal_id,
                                    GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_not_published (&contest, error) &&
       delete_override (db, contest_id, proposal_id, error);
  return _yishi_database_finish (db, ok, error);
}
