#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-store-private.h"
#include "yishi-speech-store-private.h"

typedef gboolean (*ReadRowFunc) (sqlite3_stmt *stmt,
                                 gpointer      row);

#define MEMBER_ON_DATE(person) \
  "EXISTS (SELECT 1 FROM council_member c WHERE c.council_id = m.council_id AND c.person_id = " person \
  " AND c.joined_on <= date(m.starts_at) AND (c.left_on IS NULL OR c.left_on > date(m.starts_at)))"

#define MEETING_SQL \
  "SELECT m.uuid, m.council_id, k.name, m.title, m.starts_at, m.place," \
  " coalesce(ch.name, ''), coalesce(se.name, ''), m.state," \
  " (SELECT count(*) FROM council_member c WHERE c.council_id = m.council_id" \
  "   AND c.joined_on <= date(m.starts_at) AND (c.left_on IS NULL OR c.left_on > date(m.starts_at)))," \
  " (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present'" \
  "   AND " MEMBER_ON_DATE ("a.person_id") ")," \
  " m.notice, k.speech_seconds, k.max_turns, k.requires_seconder," \
  " coalesce(m.chair_id, 0), coalesce(m.secretary_id, 0), k.quorum, k.majority, k.base" \
  " FROM meeting m JOIN council k ON k.id = m.council_id" \
  " LEFT JOIN person ch ON ch.id = m.chair_id LEFT JOIN person se ON se.id = m.secretary_id" \
  " WHERE m.id = ?1"

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_yishi_column_text (stmt, column));
}

static char *
dup_optional (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : dup_column (stmt, column);
}

static void
attendance_free (gpointer data)
{
  YishiSnapshotAttendance *row = data;

  g_free (row->name);
  g_free (row->signed_in_at);
  g_free (row);
}

static void
observer_free (gpointer data)
{
  YishiSnapshotObserver *row = data;

  g_free (row->name);
  g_free (row);
}

static void
item_free (gpointer data)
{
  YishiSnapshotItem *row = data;

  g_free (row->title);
  g_free (row);
}

static void
choice_free (gpointer data)
{
  YishiSnapshotChoice *row = data;

  g_free (row->name);
  g_free (row);
}

static void
motion_free (gpointer data)
{
  YishiSnapshotMotion *row = data;

  g_free (row->text);
  g_free (row->mover);
  g_free (row->seconder);
  g_free (row->taken_at);
  g_clear_pointer (&row->roll_call, g_ptr_array_unref);
  g_free (row);
}

static void
resolution_free (gpointer data)
{
  YishiSnapshotResolution *row = data;

  g_free (row->text);
  g_free (row->responsible);
  g_free (row->due_on);
  g_free (row->follow_up);
  g_free (row);
}

/* Every row of @sql, bound to @id, read by @read into a new struct of
 * @size bytes; a row @read refuses is data this Yishi does not know. */
static gboolean
read_rows (YishiDatabase   *db,
           const char      *sql,
           gint64           id,
           gsize            size,
           ReadRowFunc      read,
           GPtrArray       *rows,
           GError         **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = g_malloc0 (size);

      g_ptr_array_add (rows, row);
      if (!read (stmt, row))
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                       _("Meeting %" PRId64 " holds a value this Yishi does not know."), id);
          return FALSE;
        }
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

static gboolean
read_attendance (sqlite3_stmt *stmt,
                 gpointer      data)
{
  YishiSnapshotAttendance *row = data;

  row->person_id = sqlite3_column_int64 (stmt, 0);
  row->name = dup_column (stmt, 1);
  row->signed_in_at = dup_optional (stmt, 3);
  return yishi_attendance_from_key (_yishi_column_text (stmt, 2), &row->status);
}

static gboolean
read_observer (sqlite3_stmt *stmt,
               gpointer      data)
{
  YishiSnapshotObserver *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  row->name = dup_column (stmt, 2);
  return TRUE;
}

static gboolean
read_item (sqlite3_stmt *stmt,
           gpointer      data)
{
  YishiSnapshotItem *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->position = (guint) sqlite3_column_int64 (stmt, 1);
  row->title = dup_column (stmt, 2);
  row->proposal_id = sqlite3_column_int64 (stmt, 3);
  return TRUE;
}

static gboolean
read_choice (sqlite3_stmt *stmt,
             gpointer      data)
{
  YishiSnapshotChoice *row = data;

  row->person_id = sqlite3_column_int64 (stmt, 0);
  row->name = dup_column (stmt, 1);
  return yishi_roll_call_choice_from_key (_yishi_column_text (stmt, 2), &row->choice);
}

static void
read_vote (sqlite3_stmt        *stmt,
           YishiSnapshotMotion *row)
{
  row->voted = sqlite3_column_type (stmt, 9) != SQLITE_NULL;
  if (!row->voted)
    return;
  row->counts.members = (guint) sqlite3_column_int64 (stmt, 9);
  row->counts.present = (guint) sqlite3_column_int64 (stmt, 10);
  row->counts.yes = (guint) sqlite3_column_int64 (stmt, 11);
  row->counts.no = (guint) sqlite3_column_int64 (stmt, 12);
  row->counts.abstain = (guint) sqlite3_column_int64 (stmt, 13);
  row->counts.invalid = (guint) sqlite3_column_int64 (stmt, 14);
  row->required = (guint) sqlite3_column_int64 (stmt, 16);
  row->taken_at = dup_column (stmt, 17);
}

static gboolean
read_motion (sqlite3_stmt *stmt,
             gpointer      data)
{
  YishiSnapshotMotion *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->item_id = sqlite3_column_int64 (stmt, 1);
  row->parent_id = sqlite3_column_int64 (stmt, 2);
  row->text = dup_column (stmt, 3);
  row->mover = dup_column (stmt, 4);
  row->seconder = dup_column (stmt, 18);
  row->roll_call = g_ptr_array_new_with_free_func (choice_free);
  read_vote (stmt, row);
  return yishi_vote_quorum_from_key (_yishi_column_text (stmt, 5), &row->rule.quorum) &&
         yishi_vote_majority_from_key (_yishi_column_text (stmt, 6), &row->rule.majority) &&
         yishi_vote_base_from_key (_yishi_column_text (stmt, 7), &row->rule.base) &&
         yishi_vote_form_from_key (_yishi_column_text (stmt, 8), &row->form) &&
         (!row->voted || yishi_vote_verdict_from_key (_yishi_column_text (stmt, 15), &row->verdict));
}

static gboolean
read_resolution (sqlite3_stmt *stmt,
                 gpointer      data)
{
  YishiSnapshotResolution *row = data;
  YishiFollowUp follow_up;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->item_id = sqlite3_column_int64 (stmt, 1);
  row->motion_id = sqlite3_column_int64 (stmt, 2);
  row->text = dup_column (stmt, 3);
  row->responsible = dup_column (stmt, 4);
  row->due_on = dup_optional (stmt, 5);
  row->follow_up = dup_column (stmt, 6);
  return yishi_follow_up_from_key (row->follow_up, &follow_up);
}

static gboolean
read_meeting (YishiDatabase         *db,
              YishiMeetingSnapshot  *snapshot,
              GError               **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, MEETING_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                     _("There is no meeting with id %" PRId64 "."), snapshot->id);
      else
        _yishi_database_set_error (db, error);
      return FALSE;
    }
  snapshot->uuid = dup_column (stmt, 0);
  snapshot->council_id = sqlite3_column_int64 (stmt, 1);
  snapshot->council = dup_column (stmt, 2);
  snapshot->title = dup_column (stmt, 3);
  snapshot->starts_at = dup_column (stmt, 4);
  snapshot->place = dup_column (stmt, 5);
  snapshot->chair = dup_column (stmt, 6);
  snapshot->secretary = dup_column (stmt, 7);
  snapshot->members = (guint) sqlite3_column_int64 (stmt, 9);
  snapshot->present = (guint) sqlite3_column_int64 (stmt, 10);
  snapshot->notice = dup_column (stmt, 11);
  snapshot->speaking.speech_seconds = (guint) sqlite3_column_int64 (stmt, 12);
  snapshot->speaking.max_turns = (guint) sqlite3_column_int64 (stmt, 13);
  snapshot->speaking.requires_seconder = sqlite3_column_int (stmt, 14) != 0;
  snapshot->chair_id = sqlite3_column_int64 (stmt, 15);
  snapshot->secretary_id = sqlite3_column_int64 (stmt, 16);
  if (yishi_meeting_state_from_key (_yishi_column_text (stmt, 8), &snapshot->state) &&
      yishi_vote_quorum_from_key (_yishi_column_text (stmt, 17), &snapshot->council_rule.quorum) &&
      yishi_vote_majority_from_key (_yishi_column_text (stmt, 18), &snapshot->council_rule.majority) &&
      yishi_vote_base_from_key (_yishi_column_text (stmt, 19), &snapshot->council_rule.base))
    return TRUE;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               _("Meeting %" PRId64 " holds a value this Yishi does not know."), snapshot->id);
  return FALSE;
}

static gboolean
read_roll_calls (YishiDatabase         *db,
                 YishiMeetingSnapshot  *snapshot,
                 GError               **error)
{
  for (guint i = 0; i < snapshot->motions->len; i++)
    {
      YishiSnapshotMotion *motion = snapshot->motions->pdata[i];

      if (motion->form == YISHI_VOTE_FORM_ROLL_CALL && motion->voted &&
          !read_rows (db, "SELECT r.person_id, p.name, r.choice FROM roll_call_vote r"
                          " JOIN vote v ON v.id = r.vote_id JOIN person p ON p.id = r.person_id"
                          " WHERE v.motion_id = ?1 ORDER BY p.name, p.id",
                      motion->id, sizeof (YishiSnapshotChoice), read_choice, motion->roll_call, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_snapshot (YishiDatabase         *db,
               YishiMeetingSnapshot  *snapshot,
               GError               **error)
{
  gint64 id = snapshot->id;

  return read_meeting (db, snapshot, error) &&
         read_rows (db, "SELECT a.person_id, p.name, a.status, a.signed_in_at FROM attendance a"
                        " JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ?1"
                        " ORDER BY a.signed_in_at IS NULL, a.signed_in_at, p.name, p.id",
                    id, sizeof (YishiSnapshotAttendance), read_attendance, snapshot->attendance, error) &&
         read_rows (db, "SELECT o.id, coalesce(o.person_id, 0), coalesce(p.name, o.name) FROM meeting_observer o"
                        " LEFT JOIN person p ON p.id = o.person_id WHERE o.meeting_id = ?1 ORDER BY o.id",
                    id, sizeof (YishiSnapshotObserver), read_observer, snapshot->observers, error) &&
         read_rows (db, "SELECT id, position, title, coalesce(proposal_id, 0) FROM agenda_item"
                        " WHERE meeting_id = ?1 ORDER BY position",
                    id, sizeof (YishiSnapshotItem), read_item, snapshot->items, error) &&
         read_rows (db, "SELECT mo.id, mo.agenda_item_id, coalesce(mo.parent_motion_id, 0), mo.text,"
                        " coalesce(p.name, ''), mo.quorum, mo.majority, mo.base, mo.form, v.members,"
                        " v.present, v.yes, v.no, v.abstain, v.invalid, v.verdict, v.required, v.taken_at,"
                        " coalesce(sp.name, '')"
                        " FROM motion mo JOIN agenda_item i ON i.id = mo.agenda_item_id"
                        " LEFT JOIN person p ON p.id = mo.mover_id LEFT JOIN person sp ON sp.id = mo.seconder_id"
                        " LEFT JOIN vote v ON v.motion_id = mo.id"
                        " WHERE i.meeting_id = ?1 ORDER BY i.position, mo.id",
                    id, sizeof (YishiSnapshotMotion), read_motion, snapshot->motions, error) &&
         read_roll_calls (db, snapshot, error) &&
         read_rows (db, "SELECT r.id, coalesce(r.agenda_item_id, 0), coalesce(r.motion_id, 0), r.text,"
                        " coalesce(p.name, ''), r.due_on, r.follow_up FROM resolution r"
                        " LEFT JOIN person p ON p.id = r.responsible_id"
                        " LEFT JOIN motion mo ON mo.id = r.motion_id"
                        " JOIN agenda_item i ON i.id = coalesce(r.agenda_item_id, mo.agenda_item_id)"
                        " WHERE i.meeting_id = ?1 ORDER BY r.id",
                    id, sizeof (YishiSnapshotResolution), read_resolution, snapshot->resolutions, error) &&
         read_rows (db, "SELECT " YISHI_SPEECH_COLUMNS YISHI_SPEECH_FROM
                        " JOIN agenda_item i ON i.id = s.agenda_item_id"
                        " WHERE i.meeting_id = ?1 ORDER BY i.position, s.id",
                    id, sizeof (YishiSpeechRow), _yishi_speech_read_row, snapshot->speeches, error);
}

static gboolean
finish_read (YishiDatabase  *db,
             gboolean        ok,
             GError        **error)
{
  if (ok)
    return _yishi_database_commit (db, error);
  _yishi_database_rollback (db);
  return FALSE;
}

void
yishi_meeting_snapshot_free (YishiMeetingSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->uuid);
  g_free (snapshot->council);
  g_free (snapshot->title);
  g_free (snapshot->starts_at);
  g_free (snapshot->place);
  g_free (snapshot->chair);
  g_free (snapshot->secretary);
  g_free (snapshot->notice);
  g_ptr_array_unref (snapshot->attendance);
  g_clear_pointer (&snapshot->observers, g_ptr_array_unref);
  g_ptr_array_unref (snapshot->items);
  g_ptr_array_unref (snapshot->motions);
  g_ptr_array_unref (snapshot->resolutions);
  g_ptr_array_unref (snapshot->speeches);
  g_free (snapshot);
}

/* A motion with an empty roll call that frees its choices. */
YishiSnapshotMotion *
yishi_snapshot_motion_new (void)
{
  YishiSnapshotMotion *motion = g_new0 (YishiSnapshotMotion, 1);

  motion->roll_call = g_ptr_array_new_with_free_func (choice_free);
  return motion;
}

/* An empty snapshot whose arrays free the rows they are given (each
 * row allocated with g_malloc0 and its strings with g_strdup, each
 * motion with yishi_snapshot_motion_new ()): for a reader that builds
 * one from a file rather than from the database. */
YishiMeetingSnapshot *
yishi_meeting_snapshot_new (void)
{
  YishiMeetingSnapshot *snapshot = g_new0 (YishiMeetingSnapshot, 1);

  snapshot->attendance = g_ptr_array_new_with_free_func (attendance_free);
  snapshot->observers = g_ptr_array_new_with_free_func (observer_free);
  snapshot->items = g_ptr_array_new_with_free_func (item_free);
  snapshot->motions = g_ptr_array_new_with_free_func (motion_free);
  snapshot->resolutions = g_ptr_array_new_with_free_func (resolution_free);
  snapshot->speeches = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_speech_row_free);
  return snapshot;
}

/* The snapshot read inside the caller's transaction, with the lock
 * held: for the minutes, which read it as part of a write. */
YishiMeetingSnapshot *
_yishi_meeting_snapshot_read (YishiDatabase  *db,
                              gint64          meeting_id,
                              GError        **error)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = yishi_meeting_snapshot_new ();

  snapshot->id = meeting_id;
  if (!read_snapshot (db, snapshot, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

/* One read transaction, so that the parts agree with each other. */
YishiMeetingSnapshot *
yishi_meeting_store_show (YishiDatabase  *db,
                          gint64          meeting_id,
                          GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return NULL;
  snapshot = _yishi_meeting_snapshot_read (db, meeting_id, error);
  if (!finish_read (db, snapshot != NULL, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

static void
meeting_row_free (gpointer data)
{
  YishiMeetingRow *row = data;

  g_free (row->council);
  g_free (row->title);
  g_free (row->starts_at);
  g_free (row->place);
  g_free (row);
}

static gboolean
read_meeting_row (sqlite3_stmt *stmt,
                  gpointer      data)
{
  YishiMeetingRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->council_id = sqlite3_column_int64 (stmt, 1);
  row->council = dup_column (stmt, 2);
  row->title = dup_column (stmt, 3);
  row->starts_at = dup_column (stmt, 4);
  row->place = dup_column (stmt, 5);
  return yishi_meeting_state_from_key (_yishi_column_text (stmt, 6), &row->state);
}

static void
follow_up_free (gpointer data)
{
  YishiFollowUpRow *row = data;

  g_free (row->meeting);
  resolution_free (row); /* the resolution comes first */
}

static gboolean
read_follow_up (sqlite3_stmt *stmt,
                gpointer      data)
{
  YishiFollowUpRow *row = data;

  row->meeting_id = sqlite3_column_int64 (stmt, 7);
  row->meeting = dup_column (stmt, 8);
  row->overdue = sqlite3_column_int (stmt, 9) != 0;
  return read_resolution (stmt, &row->resolution);
}

static GPtrArray *
list_rows (YishiDatabase   *db,
           const char      *sql,
           gsize            size,
           ReadRowFunc      read,
           GDestroyNotify   free_row,
           GError         **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);

  locker = _yishi_database_locker_new (db);
  if (!read_rows (db, sql, 0, size, read, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Every meeting, the latest first. */
GPtrArray *
yishi_meeting_store_list (YishiDatabase  *db,
                          GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return list_rows (db, "SELECT m.id, m.council_id, k.name, m.title, m.starts_at, m.place, m.state"
                        " FROM meeting m JOIN council k ON k.id = m.council_id WHERE ?1 = 0"
                        " ORDER BY datetime(m.starts_at) DESC, m.id DESC",
                    sizeof (YishiMeetingRow), read_meeting_row, meeting_row_free, error);
}

/* Resolutions not done yet, across meetings, the soonest due first. */
GPtrArray *
yishi_meeting_store_list_follow_ups (YishiDatabase  *db,
                                     GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return list_rows (db, "SELECT r.id, coalesce(r.agenda_item_id, 0), coalesce(r.motion_id, 0), r.text,"
                        " coalesce(p.name, ''), r.due_on, r.follow_up, m.id, m.title,"
                        " coalesce(r.due_on < date('now', 'localtime'), 0) FROM resolution r"
                        " LEFT JOIN person p ON p.id = r.responsible_id"
                        " LEFT JOIN motion mo ON mo.id = r.motion_id"
                        " JOIN agenda_item i ON i.id = coalesce(r.agenda_item_id, mo.agenda_item_id)"
                        " JOIN meeting m ON m.id = i.meeting_id"
                        " WHERE r.follow_up <> 'done' AND ?1 = 0"
                        " ORDER BY r.due_on IS NULL, r.due_on, r.id",
                    sizeof (YishiFollowUpRow), read_follow_up, follow_up_free, error);
}
