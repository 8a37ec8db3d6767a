#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"

/* A contest's criteria (评分标准): each with its maximum and the step
 * judges may use, fixed once judging starts. */

/* A judge can only give points the step reaches exactly, the maximum
 * included. */
static gboolean
check_criterion (const char  *name,
                 gint64       max_points,
                 gint64       step,
                 GError     **error)
{
  g_autofree char *max_text = NULL;
  g_autofree char *step_text = NULL;

  if (_yishi_contest_is_blank (name))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE, _("A criterion needs a name."));
      return FALSE;
    }
  if (max_points <= 0 || max_points > YISHI_CONTEST_MAX_TOTAL || step <= 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is a criterion's name (评分标准) */
                   _("Criterion “%s” needs a maximum above zero and a step above zero."), name);
      return FALSE;
    }
  if (max_points % step == 0)
    return TRUE;

  max_text = yishi_contest_points_format (max_points);
  step_text = yishi_contest_points_format (step);
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a criterion's name, its maximum points and the step judges may use */
               _("Criterion “%s”: the maximum %s is not a multiple of the step %s."),
               name, max_text, step_text);
  return FALSE;
}

static gboolean
check_criterion_name_free (YishiDatabase  *db,
                           gint64          contest_id,
                           const char     *name,
                           GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT 1 FROM contest_criterion WHERE contest_id = ?1 AND name = trim(?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  _yishi_bind_text (stmt, 2, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: a criterion's name, then a contest's id */
                 _("Contest %" PRId64 " already has a criterion called “%s”."), contest_id, name);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

static gboolean
insert_criterion (YishiDatabase  *db,
                  gint64          contest_id,
                  const char     *name,
                  const char     *description,
                  gint64          max_points,
                  gint64          step,
                  gint64         *out_id,
                  GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO contest_criterion (uuid, contest_id, position, name, description, max_points, step)"
      " VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM contest_criterion WHERE contest_id = ?2),"
      " trim(?3), trim(?4), ?5, ?6)", error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, contest_id);
  _yishi_bind_text (stmt, 3, name);
  _yishi_bind_text (stmt, 4, description != NULL ? description : "");
  sqlite3_bind_int64 (stmt, 5, max_points);
  sqlite3_bind_int64 (stmt, 6, step);
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

gint64
yishi_contest_store_add_criterion (YishiDatabase  *db,
                                   gint64          contest_id,
                                   const char     *name,
                                   const char     *description,
                                   gint64          max_points,
                                   gint64          step,
                                   GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  if (step == 0)
    step = YISHI_CONTEST_DEFAULT_STEP;
  if (!check_criterion (name, max_points, step, error))
    return 0;
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_SETUP, error) &&
       check_criterion_name_free (db, contest_id, name, error) &&
       insert_criterion (db, contest_id, name, description, max_points, step, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

gboolean
_yishi_contest_load_criterion_position (YishiDatabase  *db,
                                        gint64          contest_id,
                                        gint64          criterion_id,
                                        gint64         *out_position,
                                        GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT position FROM contest_criterion WHERE contest_id = ?1 AND id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, criterion_id);
  /* Translators: the thing in “There is no %s with id %d.”: a contest's criterion (评分标准) */
  if (!_yishi_meeting_step_row (db, stmt, _("criterion"), criterion_id, error))
    return FALSE;
  *out_position = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

GPtrArray *
yishi_contest_store_list_criteria (YishiDatabase  *db,
                                   gint64          contest_id,
                                   GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  YishiContestInfo contest;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_contest_criterion_row_free);
  locker = _yishi_database_locker_new (db);
  if (!_yishi_contest_load (db, contest_id, &contest, error))
    return NULL;
  stmt = _yishi_database_prepare (db,
      "SELECT id, position, name, description, max_points, step FROM contest_criterion"
      " WHERE contest_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiContestCriterionRow *row = g_new0 (YishiContestCriterionRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->position = (guint) sqlite3_column_int64 (stmt, 1);
      row->name = g_strdup (_yishi_column_text (stmt, 2));
      row->description = g_strdup (_yishi_column_text (stmt, 3));
      row->max_points = sqlite3_column_int64 (stmt, 4);
      row->step = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&rows);
}
