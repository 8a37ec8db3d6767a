#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store.h"

/* What a write needs to know about the meeting it changes. */
typedef struct
{
  gint64            id;
  gint64            council_id;
  YishiMeetingState state;
  char              date[11]; /* the meeting's own date, for membership */
} MeetingInfo;

/* What a vote needs to know about its motion. */
typedef struct
{
  gint64        meeting_id;
  YishiVoteRule rule;
  YishiVoteForm form;
} MotionInfo;

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

static gboolean
key_lookup (const char * const *keys,
            guint               n_keys,
            const char         *key,
            guint              *out_index)
{
  for (guint i = 0; key != NULL && i < n_keys; i++)
    if (g_str_equal (key, keys[i]))
      return *out_index = i, TRUE;

  return FALSE;
}

#define KEY_FUNCS(prefix, Type, keys)                                  \
  const char *                                                         \
  prefix##_to_key (Type value)                                         \
  {                                                                    \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (keys), NULL); \
    return keys[value];                                                \
  }                                                                    \
  gboolean                                                             \
  prefix##_from_key (const char *key,                                  \
                     Type       *out_value)                            \
  {                                                                    \
    guint index;                                                       \
    if (!key_lookup (keys, G_N_ELEMENTS (keys), key, &index))          \
      return FALSE;                                                    \
    *out_value = (Type) index;                                         \
    return TRUE;                                                       \
  }

KEY_FUNCS (yishi_meeting_state, YishiMeetingState, state_keys)
KEY_FUNCS (yishi_attendance, YishiAttendance, attendance_keys)
KEY_FUNCS (yishi_vote_form, YishiVoteForm, form_keys)
KEY_FUNCS (yishi_roll_call_choice, YishiRollCallChoice, choice_keys)
KEY_FUNCS (yishi_follow_up, YishiFollowUp, follow_up_keys)

static gboolean
step_row (YishiDatabase  *db,
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

static gboolean
load_meeting (YishiDatabase  *db,
              gint64          meeting_id,
              MeetingInfo    *info,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT council_id, state, date(starts_at) FROM meeting WHERE id = ?1", error);
  guint state = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!step_row (db, stmt, _("meeting"), meeting_id, error))
    return FALSE;
  info->id = meeting_id;
  info->council_id = sqlite3_column_int64 (stmt, 0);
  key_lookup (state_keys, G_N_ELEMENTS (state_keys), _yishi_column_text (stmt, 1), &state);
  info->state = (YishiMeetingState) state;
  g_strlcpy (info->date, _yishi_column_text (stmt, 2), sizeof info->date);
  return TRUE;
}

/* Once closed, a meeting's attendance, agenda and votes are final. */
static gboolean
check_not_closed (const MeetingInfo  *info,
                  GError            **error)
{
  if (info->state != YISHI_MEETING_STATE_CLOSED)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Meeting %" PRId64 " is closed: its attendance, agenda and votes can no longer change."),
               info->id);
  return FALSE;
}

static gboolean
check_in_session (const MeetingInfo  *info,
                  GError            **error)
{
  if (!check_not_closed (info, error))
    return FALSE;
  if (info->state == YISHI_MEETING_STATE_IN_SESSION)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Meeting %" PRId64 " is not in session yet: votes are taken in session."), info->id);
  return FALSE;
}

static gboolean
load_open_meeting (YishiDatabase  *db,
                   gint64          meeting_id,
                   MeetingInfo    *info,
                   GError        **error)
{
  return load_meeting (db, meeting_id, info, error) && check_not_closed (info, error);
}

static gboolean
item_meeting (YishiDatabase  *db,
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
  if (!step_row (db, stmt, _("agenda item"), item_id, error))
    return FALSE;
  *out_meeting_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
load_motion (YishiDatabase  *db,
             gint64          motion_id,
             MotionInfo     *info,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT i.meeting_id, m.quorum, m.majority, m.base, m.form FROM motion m"
      " JOIN agenda_item i ON i.id = m.agenda_item_id WHERE m.id = ?1", error);
  guint form = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!step_row (db, stmt, _("motion"), motion_id, error))
    return FALSE;
  info->meeting_id = sqlite3_column_int64 (stmt, 0);
  if (!yishi_vote_quorum_from_key (_yishi_column_text (stmt, 1), &info->rule.quorum) ||
      !yishi_vote_majority_from_key (_yishi_column_text (stmt, 2), &info->rule.majority) ||
      !yishi_vote_base_from_key (_yishi_column_text (stmt, 3), &info->rule.base) ||
      !key_lookup (form_keys, G_N_ELEMENTS (form_keys), _yishi_column_text (stmt, 4), &form))
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
  if (!step_row (db, stmt, _("council"), council_id, error))
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
static gboolean
count_present (YishiDatabase      *db,
               const MeetingInfo  *meeting,
               gint64              person_id,
               guint              *out_count,
               GError            **error)
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

static gboolean
check_starts_at (const char  *starts_at,
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

  if (!check_starts_at (starts_at, error))
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
  MeetingInfo meeting;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (title != NULL, 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = load_open_meeting (db, meeting_id, &meeting, error) &&
       insert_item (db, meeting_id, title, proposal_id, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

static gboolean
check_person (YishiDatabase  *db,
              gint64          person_id,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "SELECT 1 FROM person WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  return step_row (db, stmt, _("person"), person_id, error);
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
  MeetingInfo meeting;
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
  ok = load_open_meeting (db, meeting_id, &meeting, error) &&
       (person_id <= 0 || check_person (db, person_id, error)) &&
       insert_observer (db, meeting_id, person_id, trimmed, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

/* planned → in-session → closed, one step at a time, never back. */
static gboolean
check_transition (const MeetingInfo  *meeting,
                  YishiMeetingState   state,
                  GError            **error)
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
  MeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_meeting (db, meeting_id, &meeting, error) &&
       check_transition (&meeting, state, error) &&
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
  MeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (attendance_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_open_meeting (db, meeting_id, &meeting, error) &&
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

static gboolean check_not_voted (YishiDatabase  *db,
                                 gint64          motion_id,
                                 GError        **error);

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
  if (!step_row (db, stmt, _("motion"), parent_motion_id, error))
    return FALSE;
  if (sqlite3_column_int64 (stmt, 0) != item_id)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: an amendment (修正案) and the motion it amends */
                   _("Motion %" PRId64 " is on another agenda item: an amendment must be on the item of the motion it amends."),
                   parent_motion_id);
      return FALSE;
    }
  return check_not_voted (db, parent_motion_id, error);
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
  MeetingInfo meeting;
  YishiVoteRule council_rule;
  gint64 meeting_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (text != NULL && (guint) form < G_N_ELEMENTS (form_keys), 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = item_meeting (db, item_id, &meeting_id, error) &&
       load_open_meeting (db, meeting_id, &meeting, error) &&
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
  MeetingInfo meeting;
  gint64 meeting_id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_rule != NULL, FALSE);

  locker = _yishi_database_locker_new (db);
  return item_meeting (db, item_id, &meeting_id, error) &&
         load_meeting (db, meeting_id, &meeting, error) &&
         load_council_rule (db, meeting.council_id, out_rule, error);
}

/* E and P of the motion's meeting, as the vote is taken. */
static gboolean
load_vote_context (YishiDatabase    *db,
                   gint64            motion_id,
                   MotionInfo       *motion,
                   MeetingInfo      *meeting,
                   YishiVoteCounts  *counts,
                   GError          **error)
{
  return load_motion (db, motion_id, motion, error) &&
         load_meeting (db, motion->meeting_id, meeting, error) &&
         check_in_session (meeting, error) &&
         _yishi_council_count_members (db, meeting->council_id, meeting->date, &counts->members, error) &&
         count_present (db, meeting, 0, &counts->present, error);
}

static gboolean
check_form (gint64          motion_id,
            YishiVoteForm   form,
            gboolean        roll_call,
            GError        **error)
{
  if ((form == YISHI_VOTE_FORM_ROLL_CALL) == roll_call)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               roll_call ?
               _("Motion %" PRId64 " is not voted by roll call: record its totals.") :
               _("Motion %" PRId64 " is voted by roll call: record each member’s choice."),
               motion_id);
  return FALSE;
}

static gboolean
insert_vote (YishiDatabase          *db,
             gint64                  motion_id,
             const YishiVoteCounts  *counts,
             const YishiVoteResult  *result,
             gint64                 *out_id,
             GError                **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO vote (motion_id, members, present, yes, no, abstain, invalid, verdict, required,"
      " taken_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  sqlite3_bind_int64 (stmt, 2, counts->members);
  sqlite3_bind_int64 (stmt, 3, counts->present);
  sqlite3_bind_int64 (stmt, 4, counts->yes);
  sqlite3_bind_int64 (stmt, 5, counts->no);
  sqlite3_bind_int64 (stmt, 6, counts->abstain);
  sqlite3_bind_int64 (stmt, 7, counts->invalid);
  _yishi_bind_static_text (stmt, 8, yishi_vote_verdict_to_key (result->verdict));
  sqlite3_bind_int64 (stmt, 9, result->required);
  _yishi_bind_static_text (stmt, 10, _yishi_database_get_now (db));
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

static gboolean
check_not_voted (YishiDatabase  *db,
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

/* Amendments are voted on before the motion they amend. */
static gboolean
check_amendments_voted (YishiDatabase  *db,
                        gint64          motion_id,
                        GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT m.id FROM motion m WHERE m.parent_motion_id = ?1"
      " AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.motion_id = m.id) ORDER BY m.id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, motion_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 /* Translators: a motion's id, then the id of its amendment (修正案) */
                 _("Motion %" PRId64 " cannot be voted on yet: its amendment, motion %" PRId64 ", must be"
                   " voted on first."),
                 motion_id, (gint64) sqlite3_column_int64 (stmt, 0));
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
  MotionInfo motion;
  MeetingInfo meeting;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL && (guint) form < G_N_ELEMENTS (form_keys), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = load_motion (db, motion_id, &motion, error) &&
       load_open_meeting (db, motion.meeting_id, &meeting, error) &&
       check_not_voted (db, motion_id, error) &&
       update_motion_rule (db, motion_id, rule, form, error);
  return _yishi_database_finish (db, ok, error);
}

/* The counts are checked and the verdict worked out by the vote engine
 * before anything is written. */
static gboolean
tally_and_insert (YishiDatabase          *db,
                  gint64                  motion_id,
                  const MotionInfo       *motion,
                  const YishiVoteCounts  *counts,
                  YishiVoteResult        *result,
                  gint64                 *out_id,
                  GError                **error)
{
  return yishi_vote_check_counts (counts, error) &&
         yishi_vote_tally (counts, &motion->rule, result, error) &&
         check_not_voted (db, motion_id, error) &&
         check_amendments_voted (db, motion_id, error) &&
         insert_vote (db, motion_id, counts, result, out_id, error);
}

gint64
yishi_meeting_store_record_vote (YishiDatabase    *db,
                                 gint64            motion_id,
                                 guint             yes,
                                 guint             no,
                                 guint             abstain,
                                 guint             invalid,
                                 YishiVoteResult  *out_result,
                                 GError          **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiVoteCounts counts = { 0, 0, yes, no, abstain, invalid };
  YishiVoteResult result;
  MotionInfo motion;
  MeetingInfo meeting;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = load_vote_context (db, motion_id, &motion, &meeting, &counts, error) &&
       check_form (motion_id, motion.form, FALSE, error);
  if (ok && invalid > 0 && motion.form != YISHI_VOTE_FORM_SECRET)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("Only a secret ballot has invalid ballots."));
      ok = FALSE;
    }
  ok = ok && tally_and_insert (db, motion_id, &motion, &counts, &result, &id, error);
  if (!_yishi_database_finish (db, ok, error))
    return 0;
  if (out_result != NULL)
    *out_result = result;
  return id;
}

static gboolean
named_before (const YishiRollCallEntry *entries,
              guint                     i)
{
  for (guint j = 0; j < i; j++)
    if (entries[j].person_id == entries[i].person_id)
      return TRUE;

  return FALSE;
}

/* Each voter must be a member signed in as present, and vote once. */
static gboolean
count_roll_call (YishiDatabase             *db,
                 const MeetingInfo         *meeting,
                 const YishiRollCallEntry  *entries,
                 guint                      n_entries,
                 YishiVoteCounts           *counts,
                 GError                   **error)
{
  for (guint i = 0; i < n_entries; i++)
    {
      guint present = 0;

      if (!count_present (db, meeting, entries[i].person_id, &present, error))
        return FALSE;
      if (present == 0 || named_before (entries, i))
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       present == 0 ?
                       _("Person %" PRId64 " is not a member signed in as present, and cannot vote.") :
                       _("Person %" PRId64 " is named twice in the roll call."),
                       entries[i].person_id);
          return FALSE;
        }
      counts->yes += entries[i].choice == YISHI_ROLL_CALL_YES;
      counts->no += entries[i].choice == YISHI_ROLL_CALL_NO;
      counts->abstain += entries[i].choice == YISHI_ROLL_CALL_ABSTAIN;
    }
  return TRUE;
}

static gboolean
insert_choices (YishiDatabase             *db,
                gint64                     vote_id,
                const YishiRollCallEntry  *entries,
                guint                      n_entries,
                GError                   **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO roll_call_vote (vote_id, person_id, choice) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    {
      sqlite3_bind_int64 (stmt, 1, vote_id);
      sqlite3_bind_int64 (stmt, 2, entries[i].person_id);
      _yishi_bind_static_text (stmt, 3, choice_keys[entries[i].choice]);
      if (!_yishi_database_step_done (db, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gint64
yishi_meeting_store_record_roll_call (YishiDatabase             *db,
                                      gint64                     motion_id,
                                      const YishiRollCallEntry  *entries,
                                      guint                      n_entries,
                                      YishiVoteResult           *out_result,
                                      GError                   **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiVoteCounts counts = { 0 };
  YishiVoteResult result;
  MotionInfo motion;
  MeetingInfo meeting;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (entries != NULL || n_entries == 0, 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = load_vote_context (db, motion_id, &motion, &meeting, &counts, error) &&
       check_form (motion_id, motion.form, TRUE, error) &&
       count_roll_call (db, &meeting, entries, n_entries, &counts, error) &&
       tally_and_insert (db, motion_id, &motion, &counts, &result, &id, error) &&
       insert_choices (db, id, entries, n_entries, error);
  if (!_yishi_database_finish (db, ok, error))
    return 0;
  if (out_result != NULL)
    *out_result = result;
  return id;
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
  ok = step_row (db, stmt, _("resolution"), resolution_id, error);
  sqlite3_reset (stmt);
  ok = ok && update_follow_up (db, resolution_id, follow_up, error);
  return _yishi_database_finish (db, ok, error);
}
