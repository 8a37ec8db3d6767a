#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-store-keys.h"
#include "yishi-meeting-store-private.h"
#include "yishi-speech-store-private.h"

/* The speakers' queue (发言) of 南塘十三条: speak only when the chair
 * gives the floor, one speaker at a time in the whole meeting, and no
 * more than the council's number of turns per person on one motion. */

/* What a change to a turn needs to know about it. */
typedef struct
{
  gint64            id;
  char             *name;
  YishiSpeechState  state;
  YishiMeetingInfo  meeting;
} SpeechInfo;

static const char * const state_keys[] = { "queued", "speaking", "done" };

YISHI_STORE_KEY_FUNCS (yishi_speech_state, YishiSpeechState, state_keys)

void
yishi_speech_row_free (YishiSpeechRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->started_at);
  g_free (row->ended_at);
  g_free (row->note);
  g_free (row);
}

static void
speech_info_clear (SpeechInfo *info)
{
  g_clear_pointer (&info->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpeechInfo, speech_info_clear)

/* The chair's clock: turns are timed in the meeting room's local time,
 * by the database's clock, which a past meeting being entered sets. */
static char *
dup_local_now (YishiDatabase *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (_yishi_database_get_time (db));

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

static char *
dup_optional (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL
                                                          : g_strdup (_yishi_column_text (stmt, column));
}

gboolean
_yishi_speech_read_row (sqlite3_stmt *stmt,
                        gpointer      data)
{
  YishiSpeechRow *row = data;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->item_id = sqlite3_column_int64 (stmt, 1);
  row->motion_id = sqlite3_column_int64 (stmt, 2);
  row->person_id = sqlite3_column_int64 (stmt, 3);
  row->name = g_strdup (_yishi_column_text (stmt, 4));
  row->turn = (guint) sqlite3_column_int64 (stmt, 6);
  row->started_at = dup_optional (stmt, 7);
  row->ended_at = dup_optional (stmt, 8);
  row->note = g_strdup (_yishi_column_text (stmt, 9));
  return yishi_speech_state_from_key (_yishi_column_text (stmt, 5), &row->state);
}

static gboolean
read_queue (YishiDatabase  *db,
            gint64          item_id,
            GPtrArray      *rows,
            GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT " YISHI_SPEECH_COLUMNS YISHI_SPEECH_FROM " WHERE s.agenda_item_id = ?1 ORDER BY s.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiSpeechRow *row = g_new0 (YishiSpeechRow, 1);

      g_ptr_array_add (rows, row);
      if (!_yishi_speech_read_row (stmt, row))
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                       _("Speech %" PRId64 " has a state this Yishi does not know."), row->id);
          return FALSE;
        }
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

GPtrArray *
yishi_speech_store_list (YishiDatabase  *db,
                         gint64          item_id,
                         GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 meeting_id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_speech_row_free);
  locker = _yishi_database_locker_new (db);
  if (!_yishi_meeting_item_meeting (db, item_id, &meeting_id, error) ||
      !read_queue (db, item_id, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static gboolean
load_person_name (YishiDatabase  *db,
                  gint64          person_id,
                  char          **out_name,
                  GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "SELECT name FROM person WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("person"), person_id, error))
    return FALSE;
  *out_name = g_strdup (_yishi_column_text (stmt, 0));
  return TRUE;
}

/* A turn on a motion is on that motion's item, before its vote: once
 * voted on, its debate is over. */
static gboolean
check_motion (YishiDatabase  *db,
              gint64          item_id,
              gint64          motion_id,
              GError        **error)
{
  YishiMotionInfo motion;

  if (!_yishi_meeting_load_motion (db, motion_id, &motion, error))
    return FALSE;
  if (motion.item_id != item_id)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: a motion's id, then an agenda item's */
                   _("Motion %" PRId64 " is not on agenda item %" PRId64 ": a turn on a motion is taken on"
                     " its own item."),
                   motion_id, item_id);
      return FALSE;
    }
  return _yishi_meeting_check_not_voted (db, motion_id, error);
}

/* One place in the queue per person and item, whatever the motion. */
static gboolean
check_not_waiting (YishiDatabase  *db,
                   gint64          item_id,
                   gint64          person_id,
                   const char     *name,
                   GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT state FROM speech WHERE agenda_item_id = ?1 AND person_id = ?2 AND state <> 'done'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _yishi_database_set_error (db, error), FALSE;

  if (g_str_equal (_yishi_column_text (stmt, 0), "speaking"))
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a person's name, then an agenda item's id */
                 _("%s has the floor on agenda item %" PRId64 " already."), name, item_id);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a person's name, then an agenda item's id */
                 _("%s is already in the queue for agenda item %" PRId64 "."), name, item_id);
  return FALSE;
}

static gboolean
count_turns (YishiDatabase  *db,
             gint64          item_id,
             gint64          motion_id,
             gint64          person_id,
             guint          *out_turns,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT count(*) FROM speech WHERE agenda_item_id = ?1 AND motion_id IS ?2 AND person_id = ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  _yishi_bind_optional_int (stmt, 2, motion_id > 0 ? motion_id : -1);
  sqlite3_bind_int64 (stmt, 3, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _yishi_database_set_error (db, error), FALSE;
  *out_turns = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Every turn counts, waiting or taken: the council's max_turns per
 * person on one motion, or on the item outside its motions. */
static gboolean
check_turns (YishiDatabase           *db,
             const YishiMeetingInfo  *meeting,
             gint64                   item_id,
             gint64                   motion_id,
             gint64                   person_id,
             const char              *name,
             guint                   *out_turns,
             GError                 **error)
{
  YishiSpeakingRules rules;

  if (!_yishi_council_load_speaking_rules (db, meeting->council_id, &rules, error) ||
      !count_turns (db, item_id, motion_id, person_id, out_turns, error))
    return FALSE;
  if (*out_turns < rules.max_turns)
    return TRUE;

  if (motion_id > 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a person's name, the turns they had, the turns the council allows */
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s has already had %u turn on this motion; the council allows %u.",
                              "%s has already had %u turns on this motion; the council allows %u.",
                              *out_turns),
                 name, *out_turns, rules.max_turns);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a person's name, the turns they had, the turns the council allows */
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s has already had %u turn on this agenda item; the council allows %u.",
                              "%s has already had %u turns on this agenda item; the council allows %u.",
                              *out_turns),
                 name, *out_turns, rules.max_turns);
  return FALSE;
}

static gboolean
insert_speech (YishiDatabase  *db,
               gint64          item_id,
               gint64          motion_id,
               gint64          person_id,
               guint           turn,
               gint64         *out_id,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO speech (agenda_item_id, motion_id, person_id, turn) VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  _yishi_bind_optional_int (stmt, 2, motion_id > 0 ? motion_id : -1);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_int64 (stmt, 4, turn);
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

gint64
yishi_speech_store_enqueue (YishiDatabase  *db,
                            gint64          item_id,
                            gint64          motion_id,
                            gint64          person_id,
                            GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *name = NULL;
  YishiMeetingInfo meeting;
  gint64 meeting_id = 0, id = 0;
  guint turns = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_meeting_item_meeting (db, item_id, &meeting_id, error) &&
       _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       load_person_name (db, person_id, &name, error) &&
       (motion_id <= 0 || check_motion (db, item_id, motion_id, error)) &&
       check_not_waiting (db, item_id, person_id, name, error) &&
       check_turns (db, &meeting, item_id, motion_id, person_id, name, &turns, error) &&
       insert_speech (db, item_id, motion_id, person_id, turns + 1, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

static gboolean
load_speech (YishiDatabase  *db,
             gint64          speech_id,
             SpeechInfo     *info,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT p.name, s.state, i.meeting_id FROM speech s"
      " JOIN person p ON p.id = s.person_id JOIN agenda_item i ON i.id = s.agenda_item_id"
      " WHERE s.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, speech_id);
  /* Translators: the thing in “There is no %s with id %d.”: a turn to speak (发言) */
  if (!_yishi_meeting_step_row (db, stmt, _("speech"), speech_id, error))
    return FALSE;
  info->id = speech_id;
  info->name = g_strdup (_yishi_column_text (stmt, 0));
  if (!yishi_speech_state_from_key (_yishi_column_text (stmt, 1), &info->state))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                   _("Speech %" PRId64 " has a state this Yishi does not know."), speech_id);
      return FALSE;
    }
  return _yishi_meeting_load (db, sqlite3_column_int64 (stmt, 2), &info->meeting, error);
}

static gboolean
check_state (const SpeechInfo  *info,
             YishiSpeechState   state,
             GError           **error)
{
  if (info->state == state)
    return TRUE;

  if (state == YISHI_SPEECH_QUEUED)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a person's name, then the id of their turn to speak */
                 _("%s is no longer in the queue (speech %" PRId64 ")."), info->name, info->id);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a person's name, then the id of their turn to speak */
                 _("%s does not have the floor (speech %" PRId64 ")."), info->name, info->id);
  return FALSE;
}

static gboolean
check_session (const YishiMeetingInfo  *meeting,
               GError                 **error)
{
  if (!_yishi_meeting_check_not_closed (meeting, error))
    return FALSE;
  if (meeting->state == YISHI_MEETING_STATE_IN_SESSION)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Meeting %" PRId64 " is not in session yet: the chair gives the floor in session."),
               meeting->id);
  return FALSE;
}

/* One speaker at a time in the whole meeting, whatever the item. */
static gboolean
check_floor_free (YishiDatabase           *db,
                  const YishiMeetingInfo  *meeting,
                  GError                 **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT p.name FROM speech s JOIN agenda_item i ON i.id = s.agenda_item_id"
      " JOIN person p ON p.id = s.person_id WHERE i.meeting_id = ?1 AND s.state = 'speaking' LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: %s is the name of who is speaking */
                 _("%s has the floor: end their turn first."), _yishi_column_text (stmt, 0));
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

/* Moves a turn to @state, stamping started_at or ended_at; @note NULL
 * keeps the note. */
static gboolean
update_speech (YishiDatabase     *db,
               gint64             speech_id,
               YishiSpeechState   state,
               const char        *note,
               GError           **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE speech SET state = ?2,"
      " started_at = CASE WHEN ?2 = 'speaking' THEN ?3 ELSE started_at END,"
      " ended_at = CASE WHEN ?2 = 'done' THEN ?3 ELSE ended_at END,"
      " note = coalesce(trim(?4), note), updated_at = ?5 WHERE id = ?1", error);
  g_autofree char *now = dup_local_now (db);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, speech_id);
  _yishi_bind_static_text (stmt, 2, state_keys[state]);
  _yishi_bind_text (stmt, 3, now);
  if (note != NULL)
    _yishi_bind_text (stmt, 4, note);
  _yishi_bind_static_text (stmt, 5, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_speech_store_give_floor (YishiDatabase  *db,
                               gint64          speech_id,
                               GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_auto(SpeechInfo) speech = { 0 };
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_speech (db, speech_id, &speech, error) &&
       check_session (&speech.meeting, error) &&
       check_state (&speech, YISHI_SPEECH_QUEUED, error) &&
       check_floor_free (db, &speech.meeting, error) &&
       update_speech (db, speech_id, YISHI_SPEECH_SPEAKING, NULL, error);
  return _yishi_database_finish (db, ok, error);
}

gboolean
yishi_speech_store_end (YishiDatabase  *db,
                        gint64          speech_id,
                        const char     *note,
                        GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_auto(SpeechInfo) speech = { 0 };
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_speech (db, speech_id, &speech, error) &&
       _yishi_meeting_check_not_closed (&speech.meeting, error) &&
       check_state (&speech, YISHI_SPEECH_SPEAKING, error) &&
       update_speech (db, speech_id, YISHI_SPEECH_DONE, note, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
update_note (YishiDatabase  *db,
             gint64          speech_id,
             const char     *note,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE speech SET note = trim(?2), updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, speech_id);
  _yishi_bind_text (stmt, 2, note);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_speech_store_set_note (YishiDatabase  *db,
                             gint64          speech_id,
                             const char     *note,
                             GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_auto(SpeechInfo) speech = { 0 };
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_speech (db, speech_id, &speech, error) &&
       _yishi_meeting_check_not_closed (&speech.meeting, error) &&
       update_note (db, speech_id, note, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
delete_speech (YishiDatabase  *db,
               gint64          speech_id,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "DELETE FROM speech WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, speech_id);
  return _yishi_database_step_done (db, stmt, error);
}

/* A turn not taken leaves no trace: the next one of the same person is
 * numbered as this one was. */
gboolean
yishi_speech_store_withdraw (YishiDatabase  *db,
                             gint64          speech_id,
                             GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_auto(SpeechInfo) speech = { 0 };
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_speech (db, speech_id, &speech, error) &&
       _yishi_meeting_check_not_closed (&speech.meeting, error) &&
       check_state (&speech, YISHI_SPEECH_QUEUED, error) &&
       delete_speech (db, speech_id, error);
  return _yishi_database_finish (db, ok, error);
}

gboolean
_yishi_speech_close_meeting (YishiDatabase  *db,
                             gint64          meeting_id,
                             GError        **error)
{
  g_autofree char *now = dup_local_now (db);
  g_autoptr(YishiStmt) end = _yishi_database_prepare (db,
      "UPDATE speech SET state = 'done', ended_at = ?2, updated_at = ?3 WHERE state = 'speaking'"
      " AND agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?1)", error);
  g_autoptr(YishiStmt) drop = NULL;

  if (end == NULL)
    return FALSE;
  sqlite3_bind_int64 (end, 1, meeting_id);
  _yishi_bind_text (end, 2, now);
  _yishi_bind_static_text (end, 3, _yishi_database_get_now (db));
  if (!_yishi_database_step_done (db, end, error))
    return FALSE;

  drop = _yishi_database_prepare (db,
      "DELETE FROM speech WHERE state = 'queued'"
      " AND agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = ?1)", error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, meeting_id);
  return _yishi_database_step_done (db, drop, error);
}
