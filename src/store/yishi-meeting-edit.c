#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"

/* Changes to a meeting after it was planned: its notice and details,
 * the order of its agenda, and who seconds a motion. Like everything
 * else about a meeting, refused once it is closed. */

static gboolean
update_notice (YishiDatabase  *db,
               gint64          meeting_id,
               const char     *notice,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE meeting SET notice = ?2, updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  _yishi_bind_text (stmt, 2, notice);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_meeting_store_set_notice (YishiDatabase  *db,
                                gint64          meeting_id,
                                const char     *notice,
                                GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (notice != NULL, FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       update_notice (db, meeting_id, notice, error);
  return _yishi_database_finish (db, ok, error);
}

/* A vote counted the members on the meeting's date: once one is taken,
 * the meeting may move within its day but not to another. */
static gboolean
check_date_kept (YishiDatabase           *db,
                 const YishiMeetingInfo  *meeting,
                 const char              *starts_at,
                 GError                 **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  if (strncmp (meeting->date, starts_at, 10) == 0)
    return TRUE;
  stmt = _yishi_database_prepare (db, "SELECT 1 FROM vote v JOIN motion m ON m.id = v.motion_id"
                                      " JOIN agenda_item i ON i.id = m.agenda_item_id"
                                      " WHERE i.meeting_id = ?1 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a meeting's id, then its date */
                 _("Meeting %" PRId64 " has votes, which counted the members on %s: it can no longer move"
                   " to another day."),
                 meeting->id, meeting->date);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

static gboolean
update_details (YishiDatabase  *db,
                gint64          meeting_id,
                const char     *title,
                const char     *starts_at,
                const char     *place,
                gint64          chair_id,
                gint64          secretary_id,
                GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE meeting SET title = trim(?2), starts_at = ?3, place = ?4, chair_id = ?5, secretary_id = ?6,"
      " updated_at = ?7 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  _yishi_bind_text (stmt, 2, title);
  _yishi_bind_text (stmt, 3, starts_at);
  _yishi_bind_text (stmt, 4, place);
  _yishi_bind_optional_int (stmt, 5, chair_id > 0 ? chair_id : -1);
  _yishi_bind_optional_int (stmt, 6, secretary_id > 0 ? secretary_id : -1);
  _yishi_bind_static_text (stmt, 7, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* @chair_id or @secretary_id 0: nobody. */
gboolean
yishi_meeting_store_set_details (YishiDatabase  *db,
                                 gint64          meeting_id,
                                 const char     *title,
                                 const char     *starts_at,
                                 const char     *place,
                                 gint64          chair_id,
                                 gint64          secretary_id,
                                 GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *trimmed = NULL;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (title != NULL && starts_at != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (title));
  if (*trimmed == '\0')
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE, _("A meeting needs a title."));
      return FALSE;
    }
  if (!_yishi_meeting_check_starts_at (starts_at, error))
    return FALSE;
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       (chair_id <= 0 || _yishi_meeting_check_person (db, chair_id, error)) &&
       (secretary_id <= 0 || _yishi_meeting_check_person (db, secretary_id, error)) &&
       check_date_kept (db, &meeting, starts_at, error) &&
       update_details (db, meeting_id, trimmed, starts_at, place, chair_id, secretary_id, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
load_item (YishiDatabase  *db,
           gint64          item_id,
           gint64         *out_meeting_id,
           guint          *out_position,
           GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT meeting_id, position FROM agenda_item WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("agenda item"), item_id, error))
    return FALSE;
  *out_meeting_id = sqlite3_column_int64 (stmt, 0);
  *out_position = (guint) sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
count_items (YishiDatabase  *db,
             gint64          meeting_id,
             guint          *out_count,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT count(*) FROM agenda_item WHERE meeting_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _yishi_database_set_error (db, error), FALSE;
  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* UNIQUE (meeting_id, position) is checked row by row, and position is
 * at least 1: the items that move are first lifted above the last
 * position (by @n, the number of items), where no two can meet, then
 * renumbered from there. */
static gboolean
lift_items (YishiDatabase  *db,
            gint64          meeting_id,
            guint           first,
            guint           last,
            guint           n,
            GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE agenda_item SET position = position + ?4 WHERE meeting_id = ?1 AND position BETWEEN ?2 AND ?3",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  sqlite3_bind_int64 (stmt, 4, n);
  return _yishi_database_step_done (db, stmt, error);
}

/* The lifted items back to 1 … n: @item_id from @from to @to, those it
 * passes one step towards @from. A removed item (@item_id 0) at @from
 * with @to the last position closes the gap. */
static gboolean
settle_items (YishiDatabase  *db,
              gint64          meeting_id,
              gint64          item_id,
              guint           from,
              guint           to,
              guint           n,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE agenda_item SET position = CASE WHEN id = ?2 THEN ?4"
      " WHEN position - ?5 > ?3 AND position - ?5 <= ?4 THEN position - ?5 - 1"
      " ELSE position - ?5 + 1 END, updated_at = ?6 WHERE meeting_id = ?1 AND position > ?5", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  sqlite3_bind_int64 (stmt, 5, n);
  _yishi_bind_static_text (stmt, 6, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
check_position (gint64    meeting_id,
                guint     position,
                guint     n,
                GError  **error)
{
  if (position >= 1 && position <= n)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a meeting's id, its number of agenda items, then that number again */
               g_dngettext (GETTEXT_PACKAGE,
                            "Meeting %" PRId64 " has %u agenda item: give a position from 1 to %u.",
                            "Meeting %" PRId64 " has %u agenda items: give a position from 1 to %u.", n),
               meeting_id, n, n);
  return FALSE;
}

static gboolean
move_item (YishiDatabase  *db,
           gint64          item_id,
           guint           position,
           GError        **error)
{
  YishiMeetingInfo meeting;
  gint64 meeting_id = 0;
  guint from = 0, n = 0;

  if (!load_item (db, item_id, &meeting_id, &from, error) ||
      !_yishi_meeting_load_open (db, meeting_id, &meeting, error) ||
      !count_items (db, meeting_id, &n, error) ||
      !check_position (meeting_id, position, n, error))
    return FALSE;
  if (position == from)
    return TRUE;
  return lift_items (db, meeting_id, MIN (from, position), MAX (from, position), n, error) &&
         settle_items (db, meeting_id, item_id, from, position, n, error);
}

gboolean
yishi_meeting_store_move_item (YishiDatabase  *db,
                               gint64          item_id,
                               guint           position,
                               GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = move_item (db, item_id, position, error);
  return _yishi_database_finish (db, ok, error);
}

/* What was said and decided on an item stays on it. */
static gboolean
check_item_empty (YishiDatabase  *db,
                  gint64          item_id,
                  GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT (SELECT count(*) FROM motion WHERE agenda_item_id = ?1),"
      " (SELECT count(*) FROM speech WHERE agenda_item_id = ?1),"
      " (SELECT count(*) FROM resolution WHERE agenda_item_id = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _yishi_database_set_error (db, error), FALSE;

  if (sqlite3_column_int64 (stmt, 0) > 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE,
                 _("Agenda item %" PRId64 " has motions: it can no longer be removed."), item_id);
  else if (sqlite3_column_int64 (stmt, 1) > 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE,
                 _("Agenda item %" PRId64 " has speeches: it can no longer be removed."), item_id);
  else if (sqlite3_column_int64 (stmt, 2) > 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE,
                 _("Agenda item %" PRId64 " has resolutions: it can no longer be removed."), item_id);
  else
    return TRUE;
  return FALSE;
}

static gboolean
delete_item (YishiDatabase  *db,
             gint64          item_id,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "DELETE FROM agenda_item WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
remove_item (YishiDatabase  *db,
             gint64          item_id,
             GError        **error)
{
  YishiMeetingInfo meeting;
  gint64 meeting_id = 0;
  guint from = 0, n = 0;

  if (!load_item (db, item_id, &meeting_id, &from, error) ||
      !_yishi_meeting_load_open (db, meeting_id, &meeting, error) ||
      !check_item_empty (db, item_id, error) ||
      !count_items (db, meeting_id, &n, error) ||
      !delete_item (db, item_id, error))
    return FALSE;
  if (from == n)
    return TRUE;
  return lift_items (db, meeting_id, from + 1, n, n, error) &&
         settle_items (db, meeting_id, 0, from, n, n, error);
}

gboolean
yishi_meeting_store_remove_item (YishiDatabase  *db,
                                 gint64          item_id,
                                 GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = remove_item (db, item_id, error);
  return _yishi_database_finish (db, ok, error);
}

/* 附议: a member signed in as present, other than the mover. */
static gboolean
check_seconder (YishiDatabase           *db,
                const YishiMeetingInfo  *meeting,
                const YishiMotionInfo   *motion,
                gint64                   seconder_id,
                GError                 **error)
{
  guint present = 0;

  if (seconder_id == motion->mover_id)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: a seconder is 附议人, the mover 动议人 */
                   _("Person %" PRId64 " moved motion %" PRId64 ", and cannot second it too."),
                   seconder_id, motion->id);
      return FALSE;
    }
  if (!_yishi_meeting_count_present (db, meeting, seconder_id, &present, error))
    return FALSE;
  if (present > 0)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               _("Person %" PRId64 " is not a member signed in as present, and cannot second a motion."),
               seconder_id);
  return FALSE;
}

static gboolean
update_seconder (YishiDatabase  *db,
                 gint64          motion_id,
                 gint64          seconder_id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE motion SET seconder_id = ?2, updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  _yishi_bind_optional_int (stmt, 2, seconder_id > 0 ? seconder_id : -1);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* Until the vote; @seconder_id 0 takes the seconder back. */
gboolean
yishi_meeting_store_set_seconder (YishiDatabase  *db,
                                  gint64          motion_id,
                                  gint64          seconder_id,
                                  GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMotionInfo motion;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_meeting_load_motion (db, motion_id, &motion, error) &&
       _yishi_meeting_load_open (db, motion.meeting_id, &meeting, error) &&
       _yishi_meeting_check_not_voted (db, motion_id, error) &&
       (seconder_id <= 0 || check_seconder (db, &meeting, &motion, seconder_id, error)) &&
       update_seconder (db, motion_id, seconder_id, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
observer_meeting (YishiDatabase  *db,
                  gint64          observer_id,
                  gint64         *out_meeting_id,
                  GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT meeting_id FROM meeting_observer WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, observer_id);
  /* Translators: the thing in “There is no %s with id %d.”: 列席人员 */
  if (!_yishi_meeting_step_row (db, stmt, _("observer"), observer_id, error))
    return FALSE;
  *out_meeting_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
delete_observer (YishiDatabase  *db,
                 gint64          observer_id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "DELETE FROM meeting_observer WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, observer_id);
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_meeting_store_remove_observer (YishiDatabase  *db,
                                     gint64          observer_id,
                                     GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  gint64 meeting_id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = observer_meeting (db, observer_id, &meeting_id, error) &&
       _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       delete_observer (db, observer_id, error);
  return _yishi_database_finish (db, ok, error);
}
