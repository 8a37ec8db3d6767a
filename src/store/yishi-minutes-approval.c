#include "config.h"

#include "yishi-database-private.h"
#include "yishi-meeting-store-private.h"
#include "yishi-minutes-store-private.h"

/* What an approval needs beside the minutes: the motions that may
 * approve them by a vote — passed, at a later meeting of the same
 * council, as yishi_minutes_store_approve_by_vote () requires — and the
 * digest they are chained to. */

void
yishi_approval_motion_free (YishiApprovalMotion *motion)
{
  if (motion == NULL)
    return;
  g_free (motion->meeting);
  g_free (motion->starts_at);
  g_free (motion->text);
  g_free (motion);
}

static gboolean
read_motions (YishiDatabase  *db,
              gint64          meeting_id,
              GPtrArray      *motions,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT mo.id, later.id, later.title, later.starts_at, mo.text FROM meeting m"
      " JOIN meeting later ON later.council_id = m.council_id AND datetime(later.starts_at) > datetime(m.starts_at)"
      " JOIN agenda_item i ON i.meeting_id = later.id JOIN motion mo ON mo.agenda_item_id = i.id"
      " JOIN vote v ON v.motion_id = mo.id WHERE m.id = ?1 AND v.verdict = 'passed'"
      " ORDER BY datetime(later.starts_at) DESC, later.id DESC, i.position, mo.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiApprovalMotion *motion = g_new0 (YishiApprovalMotion, 1);

      motion->motion_id = sqlite3_column_int64 (stmt, 0);
      motion->meeting_id = sqlite3_column_int64 (stmt, 1);
      motion->meeting = g_strdup (_yishi_column_text (stmt, 2));
      motion->starts_at = g_strdup (_yishi_column_text (stmt, 3));
      motion->text = g_strdup (_yishi_column_text (stmt, 4));
      g_ptr_array_add (motions, motion);
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

GPtrArray *
yishi_minutes_store_list_approval_motions (YishiDatabase  *db,
                                           gint64          meeting_id,
                                           GError        **error)
{
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) motions = NULL;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  motions = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_approval_motion_free);
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return NULL;
  ok = _yishi_meeting_load (db, meeting_id, &meeting, error) && read_motions (db, meeting_id, motions, error);
  if (!_yishi_database_finish (db, ok, error))
    return NULL;
  return g_steal_pointer (&motions);
}

/* The digest of the council's approved minutes that no other approved
 * minutes follows yet: the head of its chain; "" when there is none.
 * Among heads of a chain broken by hand, the latest approved. */
gboolean
_yishi_minutes_chain_head (YishiDatabase  *db,
                           gint64          council_id,
                           char          **out_digest,
                           GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT n.digest FROM minutes n JOIN meeting m ON m.id = n.meeting_id"
      " WHERE m.council_id = ?1 AND n.approval <> '' AND NOT EXISTS (SELECT 1 FROM minutes f"
      "   JOIN meeting fm ON fm.id = f.meeting_id"
      "   WHERE fm.council_id = ?1 AND f.approval <> '' AND f.previous_digest = n.digest)"
      " ORDER BY n.approved_at DESC, n.id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }
  *out_digest = g_strdup (rc == SQLITE_ROW ? _yishi_column_text (stmt, 0) : "");
  return TRUE;
}
