#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-store-keys.h"
#include "yishi-meeting-store-private.h"
#include "yishi-speech-store-private.h"

static const char * const state_keys[] = { "planned", "in-session", "closed" };
static const char * const attendance_keys[] = { "present", "excused", "absent" };
static const char * const form_keys[] = { "hands", "roll-call", "secret" };
static const char * const choice_keys[] = { "yes", "no", "abstain", "none" };
static const char * const follow_up_keys[] = { "open", "in-progress", "done" };

#define PRESENT_SQL \
  "SELECT count(*) FROM attendance a WHERE a.meeting_id = ?1 AND a.status = 'present'" \
  " AND EXISTS (SELECT 1 FROM council_member c WHERE c.council_id = ?2 AND c.person_id = a.person_id" \
  " AND c.joined_on <= ?3 AND (c.left_on IS NULL OR c.left_on > ?3))"
#define PRESENT_ONE_SQL PRESENT_SQL " AND a.person_id = ?4"

YISHI_STORE_KEY_FUNCS (yishi_meeting_state, YishiMeetingState, state_keys)
YISHI_STORE_KEY_FUNCS (yishi_attendance, YishiAttendance, attendance_keys)
YISHI_STORE_KEY_FUNCS (yishi_vote_form, YishiVoteForm, form_keys)
YISHI_STORE_KEY_FUNCS (yishi_roll_call_choice, YishiRollCallChoice, choice_keys)
YISHI_STORE_KEY_FUNCS (yishi_follow_up, YishiFollowUp, follow_up_keys)

/* Steps @stmt to its one row; no row is “There is no @what with id @id”. */
gboolean
_yishi_meeting_step_row (YishiDatabase  *db,
                         sqlite3_stmt   *stmt,
                         const char     *what,
                         gint64          id,
                         GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 /* Translators: %s is "meeting", "agenda item" or "motion", %s an id */
                 _("There is no %s with id %" PRId64 "."), what, id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

gboolean
_yishi_meeting_load (YishiDatabase     *db,
                     gint64             meeting_id,
                     YishiMeetingInfo  *info,
                     GError           **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT council_id, state, date(starts_at) FROM meeting WHERE id = ?1", error);
  guint state = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("meeting"), meeting_id, error))
    return FALSE;
  info->id = meeting_id;
  info->council_id = sqlite3_column_int64 (stmt, 0);
  _yishi_store_key_lookup (state_keys, G_N_ELEMENTS (state_keys), _yishi_column_text (stmt, 1), &state);
  info->state = (YishiMeetingState) state;
  g_strlcpy (info->date, _yishi_column_text (stmt, 2), sizeof info->date);
  return TRUE;
}

/* Once closed, a meeting's attendance, agenda and votes are final. */
gboolean
_yishi_meeting_check_not_closed (const YishiMeetingInfo  *info,
                                 GError                 **error)
{
  if (info->state != YISHI_MEETING_STATE_CLOSED)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Meeting %" PRId64 " is closed: its attendance, agenda and votes can no longer change."),
               info->id);
  return FALSE;
}

gboolean
_yishi_meeting_load_open (YishiDatabase     *db,
                          gint64             meeting_id,
                          YishiMeetingInfo  *info,
                          GError           **error)
{
  return _yishi_meeting_load (db, meeting_id, info, error) &&
         _yishi_meeting_check_not_closed (info, error);
}

gboolean
_yishi_meeting_item_meeting (YishiDatabase  *db,
                             gint64          item_id,
                             gint64         *out_meeting_id,
                             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT meeting_id FROM agenda_item WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("agenda item"), item_id, error))
    return FALSE;
  *out_meeting_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_yishi_meeting_load_motion (YishiDatabase    *db,
                            gint64            motion_id,
                            YishiMotionInfo  *info,
                            GError          **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT i.meeting_id, m.quorum, m.majority, m.base, m.form, m.agenda_item_id,"
      " coalesce(m.parent_motion_id, 0), coalesce(m.mover_id, 0), coalesce(m.seconder_id, 0)"
      " FROM motion m JOIN agenda_item i ON i.id = m.agenda_item_id WHERE m.id = ?1", error);
  guint form = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("motion"), motion_id, error))
    return FALSE;
  info->id = motion_id;
  info->meeting_id = sqlite3_column_int64 (stmt, 0);
  info->item_id = sqlite3_column_int64 (stmt, 5);
  info->parent_id = sqlite3_column_int64 (stmt, 6);
  info->mover_id = sqlite3_column_int64 (stmt, 7);
  info->seconder_id = sqlite3_column_int64 (stmt, 8);
  if (!yishi_vote_quorum_from_key (_yishi_column_text (stmt, 1), &info->rule.quorum) ||
      !yishi_vote_majority_from_key (_yishi_column_text (stmt, 2), &info->rule.majority) ||
      !yishi_vote_base_from_key (_yishi_column_text (stmt, 3), &info->rule.base) ||
      !_yishi_store_key_lookup (form_keys, G_N_ELEMENTS (form_keys), _yishi_column_text (stmt, 4), &form))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                   _("Motion %" PRId64 " has a rule this Yishi does not know."), motion_id);
      return FALSE;
    }
  info->form = (YishiVoteForm) form;
  return TRUE;
}

static gboolean
load_council_rule (YishiDatabase  *db,
                   gint64          council_id,
                   YishiVoteRule  *rule,
                   GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT quorum, majority, base FROM council WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("council"), council_id, error))
    return FALSE;
  if (yishi_vote_quorum_from_key (_yishi_column_text (stmt, 0), &rule->quorum) &&
      yishi_vote_majority_from_key (_yishi_column_text (stmt, 1), &rule->majority) &&
      yishi_vote_base_from_key (_yishi_column_text (stmt, 2), &rule->base))
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               _("Council %" PRId64 " has a rule this Yishi does not know."), council_id);
  return FALSE;
}

/* P: the council's members on the meeting's date signed in as present;
 * with @person_id > 0, whether that one member is. */
gboolean
_yishi_meeting_count_present (YishiDatabase           *db,
                              const YishiMeetingInfo  *meeting,
                              gint64                   person_id,
                              guint                   *out_count,
                              GError                 **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      person_id > 0 ? PRESENT_ONE_SQL : PRESENT_SQL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  sqlite3_bind_int64 (stmt, 2, meeting->council_id);
  _yishi_bind_text (stmt, 3, meeting->date);
  if (person_id > 0)
    sqlite3_bind_int64 (stmt, 4, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }
  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
insert_meeting (YishiDatabase  *db,
                gint64          council_id,
                const char     *title,
                const char     *starts_at,
                const char     *place,
                gint64          chair_id,
                gint64          secretary_id,
                gint64         *out_id,
                GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO meeting (uuid, council_id, title, starts_at, place, chair_id, secretary_id)"
      " VALUES (?1, ?2, trim(?3), ?4, ?5, ?6, ?7)", error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, council_id);
  _yishi_bind_text (stmt, 3, title);
  _yishi_bind_text (stmt, 4, starts_at);
  _yishi_bind_text (stmt, 5, place);
  _yishi_bind_optional_int (stmt, 6, chair_id > 0 ? chair_id : -1);
  _yishi_bind_optional_int (stmt, 7, secretary_id > 0 ? secretary_id : -1);
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

gboolean
_yishi_meeting_check_starts_at (const char  *starts_at,
                                GError     **error)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (strlen (starts_at) == 16)
    iso = g_strdup_printf ("%.10sT%s:00Z", starts_at, starts_at + 11);
  else if (strlen (starts_at) == 19)
    iso = g_strdup_printf ("%.10sT%sZ", starts_at, starts_at + 11);
  if (iso != NULL && (parsed = g_date_time_new_from_iso8601 (iso, NULL)) != NULL)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is what the user typed */
               _("“%s” is not a date and time of the form YYYY-MM-DD HH:MM."), starts_at);
  return FALSE;
}

gint64
yishi_meeting_store_add (YishiDatabase  *db,
                         gint64          council_id,
                         const char     *title,
                         const char     *starts_at,
                         const char     *place,
                         gint64          chair_id,
                         gint64          secretary_id,
                         GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (title != NULL && starts_at != NULL, 0);

  if (!_yishi_meeting_check_starts_at (starts_at, error))
    return 0;
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = insert_meeting (db, council_id, title, starts_at, place, chair_id, secretary_id, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

static gboolean
insert_item (YishiDatabase  *db,
             gint64          meeting_id,
             const char     *title,
             gint64          proposal_id,
             gint64         *out_id,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO agenda_item (meeting_id, position, title, proposal_id)"
      " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = ?1),"
      " trim(?2), ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  _yishi_bind_text (stmt, 2, title);
  _yishi_bind_optional_int (stmt, 3, proposal_id > 0 ? proposal_id : -1);
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

gint64
yishi_meeting_store_add_item (YishiDatabase  *db,
                              gint64          meeting_id,
                              const char     *title,
                              gint64          proposal_id,
                              GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (title != NULL, 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       insert_item (db, meeting_id, title, proposal_id, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

gboolean
_yishi_meeting_check_person (YishiDatabase  *db,
                             gint64          person_id,
                             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "SELECT 1 FROM person WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  return _yishi_meeting_step_row (db, stmt, _("person"), person_id, error);
}

static gboolean
insert_observer (YishiDatabase  *db,
                 gint64          meeting_id,
                 gint64          person_id,
                 const char     *name,
                 gint64         *out_id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO meeting_observer (meeting_id, person_id, name) VALUES (?1, ?2, trim(?3))", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  _yishi_bind_optional_int (stmt, 2, person_id > 0 ? person_id : -1);
  _yishi_bind_text (stmt, 3, name != NULL ? name : "");
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

gint64
yishi_meeting_store_add_observer (YishiDatabase  *db,
                                  gint64          meeting_id,
                                  gint64          person_id,
                                  const char     *name,
                                  GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  YishiMeetingInfo meeting;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  if (person_id <= 0 && *trimmed == '\0')
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("An observer needs a person from the register or a name."));
      return 0;
    }
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       (person_id <= 0 || _yishi_meeting_check_person (db, person_id, error)) &&
       insert_observer (db, meeting_id, person_id, trimmed, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

/* planned → in-session → closed, one step at a time, never back. */
static gboolean
check_transition (const YishiMeetingInfo  *meeting,
                  YishiMeetingState        state,
                  GError                 **error)
{
  if ((guint) state == (guint) meeting->state + 1)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               /* Translators: the states are keys: planned, in-session, closed */
               _("Meeting %" PRId64 " cannot go from “%s” to “%s”: a meeting goes from planned to"
                 " in session to closed, and never back."),
               meeting->id, state_keys[meeting->state], state_keys[state]);
  return FALSE;
}

static gboolean
update_state (YishiDatabase      *db,
              gint64              meeting_id,
              YishiMeetingState   state,
              GError            **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE meeting SET state = ?2, updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  _yishi_bind_static_text (stmt, 2, state_keys[state]);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_meeting_store_set_state (YishiDatabase      *db,
                               gint64              meeting_id,
                               YishiMeetingState   state,
                               GError            **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_meeting_load (db, meeting_id, &meeting, error) &&
       check_transition (&meeting, state, error) &&
       (state != YISHI_MEETING_STATE_CLOSED || _yishi_speech_close_meeting (db, meeting_id, error)) &&
       update_state (db, meeting_id, state, error);
  return _yishi_database_finish (db, ok, error);
}

/* A member who arrives late keeps the time of their first sign-in. */
static gboolean
upsert_attendance (YishiDatabase    *db,
                   gint64            meeting_id,
                   gint64            person_id,
                   YishiAttendance   status,
                   GError          **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO attendance (meeting_id, person_id, status, signed_in_at, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, CASE WHEN ?3 = 'present' THEN ?4 END, ?4, ?4)"
      " ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,"
      " signed_in_at = coalesce (attendance.signed_in_at, excluded.signed_in_at),"
      " updated_at = excluded.updated_at", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _yishi_bind_static_text (stmt, 3, attendance_keys[status]);
  _yishi_bind_static_text (stmt, 4, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_meeting_store_attend (YishiDatabase    *db,
                            gint64            meeting_id,
                            gint64            person_id,
                            YishiAttendance   status,
                            GError          **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (attendance_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       upsert_attendance (db, meeting_id, person_id, status, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
insert_motion (YishiDatabase        *db,
               gint64                item_id,
               gint64                parent_motion_id,
               const char           *text,
               gint64                mover_id,
               const YishiVoteRule  *rule,
               YishiVoteForm         form,
               gint64               *out_id,
               GError              **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO motion (agenda_item_id, parent_motion_id, text, mover_id, quorum, majority, base, form)"
      " VALUES (?1, ?2, trim(?3), ?4, ?5, ?6, ?7, ?8)", error);
  g_autofree char *quorum = yishi_vote_quorum_to_key (&rule->quorum);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  _yishi_bind_optional_int (stmt, 2, parent_motion_id > 0 ? parent_motion_id : -1);
  _yishi_bind_text (stmt, 3, text);
  _yishi_bind_optional_int (stmt, 4, mover_id > 0 ? mover_id : -1);
  _yishi_bind_text (stmt, 5, quorum);
  _yishi_bind_static_text (stmt, 6, yishi_vote_majority_to_key (rule->majority));
  _yishi_bind_static_text (stmt, 7, yishi_vote_base_to_key (rule->base));
  _yishi_bind_static_text (stmt, 8, form_keys[form]);
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

/* An amendment amends a motion on the same agenda item, before that
 * motion is voted on. */
static gboolean
check_parent (YishiDatabase  *db,
              gint64          item_id,
              gint64          parent_motion_id,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT agenda_item_id FROM motion WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent_motion_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("motion"), parent_motion_id, error))
    return FALSE;
  if (sqlite3_column_int64 (stmt, 0) != item_id)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: an amendment (修正案) and the motion it amends */
                   _("Motion %" PRId64 " is on another agenda item: an amendment must be on the item of the motion it amends."),
                   parent_motion_id);
      return FALSE;
    }
  return _yishi_meeting_check_not_voted (db, parent_motion_id, error);
}

/* @rule NULL: the council's rule, copied onto the motion. */
gint64
yishi_meeting_store_add_motion (YishiDatabase        *db,
                                gint64                item_id,
                                gint64                parent_motion_id,
                                const char           *text,
                                gint64                mover_id,
                                const YishiVoteRule  *rule,
                                YishiVoteForm         form,
                                GError              **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  YishiVoteRule council_rule;
  gint64 meeting_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (text != NULL && (guint) form < G_N_ELEMENTS (form_keys), 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_meeting_item_meeting (db, item_id, &meeting_id, error) &&
       _yishi_meeting_load_open (db, meeting_id, &meeting, error) &&
       (parent_motion_id <= 0 || check_parent (db, item_id, parent_motion_id, error)) &&
       (rule != NULL || load_council_rule (db, meeting.council_id, &council_rule, error)) &&
       insert_motion (db, item_id, parent_motion_id, text, mover_id,
                      rule ? rule : &council_rule, form, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

/* The council's rule, which a motion on @item_id starts from. */
gboolean
yishi_meeting_store_get_item_rule (YishiDatabase  *db,
                                   gint64          item_id,
                                   YishiVoteRule  *out_rule,
                                   GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMeetingInfo meeting;
  gint64 meeting_id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_rule != NULL, FALSE);

  locker = _yishi_database_locker_new (db);
  return _yishi_meeting_item_meeting (db, item_id, &meeting_id, error) &&
         _yishi_meeting_load (db, meeting_id, &meeting, error) &&
         load_council_rule (db, meeting.council_id, out_rule, error);
}

gboolean
_yishi_meeting_check_not_voted (YishiDatabase  *db,
                                gint64          motion_id,
                                GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT 1 FROM vote WHERE motion_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 _("Motion %" PRId64 " has already been voted on."), motion_id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

static gboolean
update_motion_rule (YishiDatabase        *db,
                    gint64                motion_id,
                    const YishiVoteRule  *rule,
                    YishiVoteForm         form,
                    GError              **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE motion SET quorum = ?2, majority = ?3, base = ?4, form = ?5, updated_at = ?6"
      " WHERE id = ?1", error);
  g_autofree char *quorum = yishi_vote_quorum_to_key (&rule->quorum);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  _yishi_bind_text (stmt, 2, quorum);
  _yishi_bind_static_text (stmt, 3, yishi_vote_majority_to_key (rule->majority));
  _yishi_bind_static_text (stmt, 4, yishi_vote_base_to_key (rule->base));
  _yishi_bind_static_text (stmt, 5, form_keys[form]);
  _yishi_bind_static_text (stmt, 6, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* A motion's rule and form change until it is voted on. */
gboolean
yishi_meeting_store_set_motion_rule (YishiDatabase        *db,
                                     gint64                motion_id,
                                     const YishiVoteRule  *rule,
                                     YishiVoteForm         form,
                                     GError              **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiMotionInfo motion;
  YishiMeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL && (guint) form < G_N_ELEMENTS (form_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_meeting_load_motion (db, motion_id, &motion, error) &&
       _yishi_meeting_load_open (db, motion.meeting_id, &meeting, error) &&
       _yishi_meeting_check_not_voted (db, motion_id, error) &&
       update_motion_rule (db, motion_id, rule, form, error);
  return _yishi_database_finish (db, ok, error);
}

gint64
yishi_meeting_store_add_resolution (YishiDatabase  *db,
                                    gint64          item_id,
                                    gint64          motion_id,
                                    const char     *text,
                                    gint64          responsible_id,
                                    const char     *due_on,
                                    GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (text != NULL && (item_id > 0 || motion_id > 0), 0);

  if (due_on != NULL && !_yishi_store_check_date (due_on, error))
    return 0;
  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "INSERT INTO resolution (agenda_item_id, motion_id, text,"
                                      " responsible_id, due_on) VALUES (?1, ?2, trim(?3), ?4, ?5)", error);
  if (stmt == NULL || !_yishi_database_begin (db, error))
    return 0;
  _yishi_bind_optional_int (stmt, 1, item_id > 0 ? item_id : -1);
  _yishi_bind_optional_int (stmt, 2, motion_id > 0 ? motion_id : -1);
  _yishi_bind_text (stmt, 3, text);
  _yishi_bind_optional_int (stmt, 4, responsible_id > 0 ? responsible_id : -1);
  if (due_on != NULL)
    _yishi_bind_text (stmt, 5, due_on);
  ok = _yishi_database_step_insert (db, stmt, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

static gboolean
update_follow_up (YishiDatabase  *db,
                  gint64          resolution_id,
                  YishiFollowUp   follow_up,
                  GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE resolution SET follow_up = ?2, updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resolution_id);
  _yishi_bind_static_text (stmt, 2, follow_up_keys[follow_up]);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* A resolution is followed up after its meeting, closed or not. */
gboolean
yishi_meeting_store_set_follow_up (YishiDatabase  *db,
                                   gint64          resolution_id,
                                   YishiFollowUp   follow_up,
                                   GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((guint) follow_up < G_N_ELEMENTS (follow_up_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT 1 FROM resolution WHERE id = ?1", error);
  if (stmt == NULL || !_yishi_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resolution_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  ok = _yishi_meeting_step_row (db, stmt, _("resolution"), resolution_id, error);
  sqlite3_reset (stmt);
  ok = ok && update_follow_up (db, resolution_id, follow_up, error);
  return _yishi_database_finish (db, ok, error);
}
