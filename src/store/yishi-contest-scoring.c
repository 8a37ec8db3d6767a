#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-roster.h"
#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"

/* The judges' scores. A judge never scores a proposal they are recused
 * from: the store refuses it with a message naming judge, proposal and
 * criterion, and the contest_score_not_recused trigger refuses it to
 * anyone who writes to the file some other way. */

/* What a score needs to know about its criterion. */
typedef struct
{
  char   *name;
  gint64  max_points;
  gint64  step;
} CriterionInfo;

static void
criterion_info_clear (CriterionInfo *info)
{
  g_clear_pointer (&info->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CriterionInfo, criterion_info_clear)

static gboolean
load_criterion (YishiDatabase  *db,
                gint64          contest_id,
                gint64          criterion_id,
                CriterionInfo  *info,
                GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT name, max_points, step, contest_id FROM contest_criterion WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, criterion_id);
  /* Translators: the thing in “There is no %s with id %d.”: a contest's criterion (评分标准) */
  if (!_yishi_meeting_step_row (db, stmt, _("criterion"), criterion_id, error))
    return FALSE;
  info->name = g_strdup (_yishi_column_text (stmt, 0));
  info->max_points = sqlite3_column_int64 (stmt, 1);
  info->step = sqlite3_column_int64 (stmt, 2);
  if (sqlite3_column_int64 (stmt, 3) == contest_id)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a criterion's name, then a contest's id */
               _("Criterion “%s” is not one of contest %" PRId64 "."), info->name, contest_id);
  return FALSE;
}

static gboolean
check_can_score (YishiDatabase        *db,
                 gint64                contest_id,
                 gint64                judge_id,
                 gint64                proposal_id,
                 const char           *name,
                 const char           *title,
                 const CriterionInfo  *criterion,
                 GError              **error)
{
  gboolean recused = FALSE;

  if (!_yishi_contest_is_recused (db, contest_id, judge_id, proposal_id, &recused, error))
    return FALSE;
  if (!recused)
    return TRUE;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a judge's name, a proposal's title, then a criterion's name */
               _("%s is recused from “%s” and cannot score it on “%s”."), name, title, criterion->name);
  return FALSE;
}

static gboolean
check_points (gint64                points,
              const char           *name,
              const char           *title,
              const CriterionInfo  *criterion,
              GError              **error)
{
  g_autofree char *points_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *step_text = NULL;

  if (yishi_contest_points_fit (points, criterion->max_points, criterion->step))
    return TRUE;

  points_text = yishi_contest_points_format (points);
  max_text = yishi_contest_points_format (criterion->max_points);
  step_text = yishi_contest_points_format (criterion->step);
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a judge's name, the points they gave, a proposal's title, a criterion's
                * name, then its maximum points and its step, e.g. “王芳 gave 31.00 points to “…” on
                * “必要性”: from 0 to 30.00 in steps of 0.50.” */
               _("%s gave %s points to “%s” on “%s”: the points go from 0 to %s in steps of %s."),
               name, points_text, title, criterion->name, max_text, step_text);
  return FALSE;
}

static gboolean
upsert_score (YishiDatabase  *db,
              gint64          contest_id,
              gint64          judge_id,
              gint64          proposal_id,
              gint64          criterion_id,
              gint64          points,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO contest_score (contest_id, proposal_id, person_id, criterion_id, points, uuid,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
      " ON CONFLICT (contest_id, proposal_id, person_id, criterion_id) DO UPDATE SET"
      " points = excluded.points, updated_at = excluded.updated_at", error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  sqlite3_bind_int64 (stmt, 3, judge_id);
  sqlite3_bind_int64 (stmt, 4, criterion_id);
  sqlite3_bind_int64 (stmt, 5, points);
  _yishi_bind_text (stmt, 6, uuid);
  _yishi_bind_static_text (stmt, 7, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* One score, checked and written, inside the caller's transaction. */
static gboolean
write_score (YishiDatabase  *db,
             gint64          contest_id,
             gint64          judge_id,
             gint64          proposal_id,
             gint64          criterion_id,
             gint64          points,
             GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_auto(CriterionInfo) criterion = { 0 };

  return _yishi_contest_load_judge (db, contest_id, judge_id, &name, error) &&
         _yishi_contest_load_entry (db, contest_id, proposal_id, &title, error) &&
         load_criterion (db, contest_id, criterion_id, &criterion, error) &&
         check_can_score (db, contest_id, judge_id, proposal_id, name, title, &criterion, error) &&
         check_points (points, name, title, &criterion, error) &&
         upsert_score (db, contest_id, judge_id, proposal_id, criterion_id, points, error);
}

gboolean
yishi_contest_store_set_score (YishiDatabase  *db,
                               gint64          contest_id,
                               gint64          judge_id,
                               gint64          proposal_id,
                               gint64          criterion_id,
                               gint64          points,
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
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_JUDGING, error) &&
       write_score (db, contest_id, judge_id, proposal_id, criterion_id, points, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
delete_score (YishiDatabase  *db,
              gint64          contest_id,
              gint64          judge_id,
              gint64          proposal_id,
              gint64          criterion_id,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "DELETE FROM contest_score WHERE contest_id = ?1 AND proposal_id = ?2 AND person_id = ?3"
      " AND criterion_id = ?4", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  sqlite3_bind_int64 (stmt, 3, judge_id);
  sqlite3_bind_int64 (stmt, 4, criterion_id);
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_contest_store_clear_score (YishiDatabase  *db,
                                 gint64          contest_id,
                                 gint64          judge_id,
                                 gint64          proposal_id,
                                 gint64          criterion_id,
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
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_JUDGING, error) &&
       delete_score (db, contest_id, judge_id, proposal_id, criterion_id, error);
  return _yishi_database_finish (db, ok, error);
}

/* A score sheet typed in from paper: every line is checked as a score
 * entered in the window is, and the first refusal, named by its line,
 * undoes the whole import. */
guint
yishi_contest_store_import_scores (YishiDatabase                 *db,
                                   gint64                         contest_id,
                                   const YishiContestScoreInput  *scores,
                                   guint                          n_scores,
                                   GError                       **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gboolean ok;
  guint i = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (scores != NULL || n_scores == 0, 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_JUDGING, error);
  for (; ok && i < n_scores; i++)
    {
      const YishiContestScoreInput *score = &scores[i];

      ok = write_score (db, contest_id, score->judge_id, score->proposal_id, score->criterion_id,
                        score->points, error);
      if (!ok)
        /* Translators: where a refused score came from in an imported file */
        g_prefix_error (error, _("Line %u: "), score->line);
    }
  return _yishi_database_finish (db, ok, error) ? n_scores : 0;
}

GArray *
yishi_contest_store_read_scores (YishiDatabase  *db,
                                 gint64          contest_id,
                                 GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (YishiContestScoreRow));
  YishiContestInfo contest;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_contest_load (db, contest_id, &contest, error))
    return NULL;
  /* the order of the table's key: one range, no sort */
  stmt = _yishi_database_prepare (db,
      "SELECT proposal_id, person_id, criterion_id, points FROM contest_score WHERE contest_id = ?1"
      " ORDER BY proposal_id, person_id, criterion_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiContestScoreRow row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (scores, row);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&scores);
}
