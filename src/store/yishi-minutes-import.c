#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"
#include "yishi-minutes-store-private.h"

/* Minutes read from an exported file, stored with the meeting they
 * record in another database, keyed by UUID: a second import of the same
 * file finds them and changes nothing. People and the council are found
 * by name, and made when missing; a member of the meeting who is not a
 * member of the council on its day here is made one for that day only,
 * so the count of members comes out as the file says without touching
 * any other meeting. The record is read back and its digest taken before
 * anything is kept: what the file says is what the database holds. */

typedef struct
{
  YishiDatabase *db;
  gint64         council_id;
  gint64         meeting_id;
  char          *day;       /* the meeting's date */
  char          *next_day;  /* a membership made for the day ends here */
  GHashTable    *people;    /* name → person id */
  GHashTable    *items;     /* file's item id → agenda_item id */
  GHashTable    *motions;   /* file's motion id → motion id */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->day, g_free);
  g_clear_pointer (&import->next_day, g_free);
  g_clear_pointer (&import->people, g_hash_table_unref);
  g_clear_pointer (&import->items, g_hash_table_unref);
  g_clear_pointer (&import->motions, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static gint64
map_id (GHashTable *map,
        gint64      id)
{
  gpointer value = id != 0 ? g_hash_table_lookup (map, &id) : NULL;

  return value != NULL ? *(gint64 *) value : 0;
}

static void
map_add (GHashTable *map,
         gint64      from,
         gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

/* The id ?1 finds with @sql and @text, or 0. */
static gboolean
find_id (YishiDatabase  *db,
         const char     *sql,
         const char     *text,
         gint64         *out_id,
         GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _yishi_bind_text (stmt, 1, text);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

/* The person called @name here, made when there is none; 0 for "". */
static gboolean
person_id (Import      *import,
           const char  *name,
           gint64      *out_id,
           GError     **error)
{
  gint64 *known;
  char uuid[YISHI_UUID_LENGTH + 1];
  g_autoptr(YishiStmt) stmt = NULL;

  *out_id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  if ((known = g_hash_table_lookup (import->people, name)) != NULL)
    return *out_id = *known, TRUE;
  if (!find_id (import->db, "SELECT min(id) FROM person WHERE name = ?1 HAVING count(*) > 0", name, out_id, error))
    return FALSE;
  if (*out_id == 0)
    {
      stmt = _yishi_database_prepare (import->db, "INSERT INTO person (uuid, name) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      _yishi_database_new_uuid (import->db, uuid);
      _yishi_bind_text (stmt, 1, uuid);
      _yishi_bind_text (stmt, 2, name);
      if (!_yishi_database_step_insert (import->db, stmt, out_id, error))
        return FALSE;
    }
  g_hash_table_insert (import->people, g_strdup (name), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

static gboolean
council_id (Import                     *import,
            const YishiMeetingSnapshot *meeting,
            GError                    **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *quorum = NULL;
  char uuid[YISHI_UUID_LENGTH + 1];

  if (!find_id (import->db, "SELECT id FROM council WHERE name = ?1", meeting->council, &import->council_id, error))
    return FALSE;
  if (import->council_id != 0)
    return TRUE;
  stmt = _yishi_database_prepare (import->db,
      "INSERT INTO council (uuid, name, quorum, majority, base, speech_seconds, max_turns, requires_seconder)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  quorum = yishi_vote_quorum_to_key (&meeting->council_rule.quorum);
  _yishi_database_new_uuid (import->db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  _yishi_bind_text (stmt, 2, meeting->council);
  _yishi_bind_text (stmt, 3, quorum);
  _yishi_bind_static_text (stmt, 4, yishi_vote_majority_to_key (meeting->council_rule.majority));
  _yishi_bind_static_text (stmt, 5, yishi_vote_base_to_key (meeting->council_rule.base));
  sqlite3_bind_int64 (stmt, 6, MAX (meeting->speaking.speech_seconds, 1));
  sqlite3_bind_int64 (stmt, 7, MAX (meeting->speaking.max_turns, 1));
  sqlite3_bind_int (stmt, 8, meeting->speaking.requires_seconder ? 1 : 0);
  return _yishi_database_step_insert (import->db, stmt, &import->council_id, error);
}

static gboolean
insert_meeting (Import                     *import,
                const YishiMeetingSnapshot *meeting,
                GError                    **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  gint64 chair = 0, secretary = 0;

  if (!person_id (import, meeting->chair, &chair, error) ||
      !person_id (import, meeting->secretary, &secretary, error))
    return FALSE;
  stmt = _yishi_database_prepare (import->db,
      "INSERT INTO meeting (uuid, council_id, title, starts_at, place, chair_id, secretary_id, notice, state)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'closed')", error);
  if (stmt == NULL)
    return FALSE;
  _yishi_bind_text (stmt, 1, meeting->uuid);
  sqlite3_bind_int64 (stmt, 2, import->council_id);
  _yishi_bind_text (stmt, 3, meeting->title);
  _yishi_bind_text (stmt, 4, meeting->starts_at);
  _yishi_bind_text (stmt, 5, meeting->place != NULL ? meeting->place : "");
  _yishi_bind_optional_int (stmt, 6, chair > 0 ? chair : -1);
  _yishi_bind_optional_int (stmt, 7, secretary > 0 ? secretary : -1);
  _yishi_bind_text (stmt, 8, meeting->notice != NULL ? meeting->notice : "");
  return _yishi_database_step_insert (import->db, stmt, &import->meeting_id, error);
}

/* Runs @sql binding ?1… to the integers and texts given: "i" an
 * integer (gint64; below 0 binds NULL), "t" a text (NULL binds NULL). */
static gboolean
run (YishiDatabase  *db,
     const char     *sql,
     GError        **error,
     const char     *types,
     ...)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        _yishi_bind_optional_int (stmt, i + 1, va_arg (args, gint64));
      else
        {
          const char *text = va_arg (args, const char *);

          if (text != NULL)
            _yishi_bind_text (stmt, i + 1, text);
        }
    }
  va_end (args);
  return _yishi_database_step_done (db, stmt, error);
}

/* Each member of the meeting a member of the council on its day. */
static gboolean
insert_attendance (Import                     *import,
                   const YishiMeetingSnapshot *meeting,
                   GError                    **error)
{
  for (guint i = 0; i < meeting->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = meeting->attendance->pdata[i];
      gint64 person = 0;

      if (!person_id (import, row->name, &person, error) ||
          !run (import->db, "INSERT INTO council_member (council_id, person_id, position, joined_on, left_on)"
                " SELECT ?1, ?2, 'member', ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM council_member"
                " WHERE council_id = ?1 AND person_id = ?2 AND joined_on <= ?3 AND (left_on IS NULL OR left_on > ?3))",
                error, "iitt", import->council_id, person, import->day, import->next_day) ||
          !run (import->db, "INSERT INTO attendance (meeting_id, person_id, status, signed_in_at) VALUES (?1, ?2, ?3, ?4)",
                error, "iitt", import->meeting_id, person, yishi_attendance_to_key (row->status), row->signed_in_at))
        return FALSE;
    }
  for (guint i = 0; i < meeting->observers->len; i++)
    {
      const YishiSnapshotObserver *row = meeting->observers->pdata[i];

      if (!run (import->db, "INSERT INTO meeting_observer (meeting_id, name) VALUES (?1, ?2)", error, "it",
                import->meeting_id, row->name))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_items (Import                     *import,
              const YishiMeetingSnapshot *meeting,
              GError                    **error)
{
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const YishiSnapshotItem *item = meeting->items->pdata[i];
      g_autoptr(YishiStmt) stmt = _yishi_database_prepare (import->db,
          "INSERT INTO agenda_item (meeting_id, position, title) VALUES (?1, ?2, ?3)", error);
      gint64 id = 0;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, import->meeting_id);
      sqlite3_bind_int64 (stmt, 2, item->position);
      _yishi_bind_text (stmt, 3, item->title);
      if (!_yishi_database_step_insert (import->db, stmt, &id, error))
        return FALSE;
      map_add (import->items, item->id, id);
    }
  return TRUE;
}

static gboolean
insert_vote (Import                     *import,
             const YishiSnapshotMotion  *motion,
             gint64                      motion_id,
             GError                    **error)
{
  gint64 vote_id = 0;

  if (!motion->voted)
    return TRUE;
  if (!_yishi_meeting_insert_vote (import->db, motion_id, &motion->counts, motion->verdict, motion->required,
                                   motion->taken_at != NULL ? motion->taken_at : "", &vote_id, error))
    return FALSE;
  for (guint i = 0; motion->roll_call != NULL && i < motion->roll_call->len; i++)
    {
      const YishiSnapshotChoice *choice = motion->roll_call->pdata[i];
      gint64 person = 0;

      if (!person_id (import, choice->name, &person, error) ||
          !run (import->db, "INSERT INTO roll_call_vote (vote_id, person_id, choice) VALUES (?1, ?2, ?3)", error,
                "iit", vote_id, person, yishi_roll_call_choice_to_key (choice->choice)))
        return FALSE;
    }
  return TRUE;
}

/* In the file's order, so that an amendment comes after its motion. */
static gboolean
insert_motions (Import                     *import,
                const YishiMeetingSnapshot *meeting,
                GError                    **error)
{
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = meeting->motions->pdata[i];
      g_autoptr(YishiStmt) stmt = _yishi_database_prepare (import->db,
          "INSERT INTO motion (agenda_item_id, parent_motion_id, text, mover_id, seconder_id, quorum, majority,"
          " base, form) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
      g_autofree char *quorum = yishi_vote_quorum_to_key (&motion->rule.quorum);
      gint64 mover = 0, seconder = 0, parent = map_id (import->motions, motion->parent_id), id = 0;

      if (stmt == NULL || !person_id (import, motion->mover, &mover, error) ||
          !person_id (import, motion->seconder, &seconder, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, map_id (import->items, motion->item_id));
      _yishi_bind_optional_int (stmt, 2, parent > 0 ? parent : -1);
      _yishi_bind_text (stmt, 3, motion->text);
      _yishi_bind_optional_int (stmt, 4, mover > 0 ? mover : -1);
      _yishi_bind_optional_int (stmt, 5, seconder > 0 ? seconder : -1);
      _yishi_bind_text (stmt, 6, quorum);
      _yishi_bind_static_text (stmt, 7, yishi_vote_majority_to_key (motion->rule.majority));
      _yishi_bind_static_text (stmt, 8, yishi_vote_base_to_key (motion->rule.base));
      _yishi_bind_static_text (stmt, 9, yishi_vote_form_to_key (motion->form));
      if (!_yishi_database_step_insert (import->db, stmt, &id, error) ||
          !insert_vote (import, motion, id, error))
        return FALSE;
      map_add (import->motions, motion->id, id);
    }
  return TRUE;
}

static gboolean
insert_resolutions (Import                     *import,
                    const YishiMeetingSnapshot *meeting,
                    GError                    **error)
{
  for (guint i = 0; i < meeting->resolutions->len; i++)
    {
      const YishiSnapshotResolution *row = meeting->resolutions->pdata[i];
      gint64 responsible = 0;
      gint64 item = map_id (import->items, row->item_id);
      gint64 motion = map_id (import->motions, row->motion_id);

      if (!person_id (import, row->responsible, &responsible, error) ||
          !run (import->db, "INSERT INTO resolution (agenda_item_id, motion_id, text, responsible_id, due_on,"
                " follow_up) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error, "iititt",
                item > 0 ? item : -1, motion > 0 ? motion : -1, row->text, responsible > 0 ? responsible : -1,
                row->due_on, row->follow_up != NULL ? row->follow_up : "open"))
        return FALSE;
    }
  return TRUE;
}

/* As a draft first, with its items, then moved to the file's state in
 * one step: approved minutes refuse new items. */
static gboolean
insert_minutes (Import              *import,
                const YishiMinutes  *minutes,
                GError             **error)
{
  gint64 id = 0;
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (import->db,
      "INSERT INTO minutes (uuid, meeting_id, other_matters) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  _yishi_bind_text (stmt, 1, minutes->uuid);
  sqlite3_bind_int64 (stmt, 2, import->meeting_id);
  _yishi_bind_text (stmt, 3, minutes->other_matters != NULL ? minutes->other_matters : "");
  if (!_yishi_database_step_insert (import->db, stmt, &id, error))
    return FALSE;
  for (guint i = 0; i < minutes->items->len; i++)
    {
      const YishiMinutesItem *item = minutes->items->pdata[i];

      if (!run (import->db, "INSERT INTO minutes_item (minutes_id, agenda_item_id, discussion) VALUES (?1, ?2, ?3)",
                error, "iit", id, map_id (import->items, item->agenda_item_id), item->discussion))
        return FALSE;
    }
  if (minutes->state != YISHI_MINUTES_DRAFT &&
      !run (import->db, "UPDATE minutes SET state = ?2, submitted_at = ?3, approval = ?4, approved_at = ?5,"
            " approved_by = ?6, digest = ?7, previous_digest = ?8, frozen_at = ?9 WHERE id = ?1", error,
            "itttttttt", id, yishi_minutes_state_to_key (minutes->state), minutes->submitted_at,
            yishi_approval_kind_to_key (minutes->approval), minutes->approved_at,
            minutes->approved_by != NULL ? minutes->approved_by : "", minutes->digest,
            minutes->previous_digest != NULL ? minutes->previous_digest : "", minutes->frozen_at))
    return FALSE;
  for (guint i = 0; i < minutes->corrigenda->len; i++)
    {
      const YishiCorrigendum *row = minutes->corrigenda->pdata[i];
      char uuid[YISHI_UUID_LENGTH + 1];

      _yishi_database_new_uuid (import->db, uuid);
      if (!run (import->db, "INSERT INTO minutes_corrigendum (uuid, minutes_id, text, made_at) VALUES (?1, ?2, ?3, ?4)",
                error, "titt", row->uuid != NULL ? row->uuid : uuid, id, row->text, row->made_at))
        return FALSE;
    }
  return TRUE;
}

/* What was stored gives the file's digest, or nothing is kept. */
static gboolean
check_digest (Import              *import,
              const YishiMinutes  *minutes,
              GError             **error)
{
  g_autoptr(YishiMinutes) stored = NULL;
  g_autofree char *digest = NULL;

  if (minutes->digest == NULL)
    return TRUE;
  stored = _yishi_minutes_read (import->db, import->meeting_id, FALSE, error);
  if (stored == NULL)
    return FALSE;
  digest = yishi_minutes_compute_digest (stored);
  if (g_strcmp0 (digest, minutes->digest) == 0)
    return TRUE;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               /* Translators: %s is a meeting's title */
               _("The minutes of “%s” do not match their digest once stored here: the file was changed, or it "
                 "holds what this database cannot keep. Nothing was imported."),
               minutes->meeting->title);
  return FALSE;
}

/* The file must still be what was approved: imported, it would store
 * what nobody approved; already here, saying "nothing changed" would
 * hide that it was altered. */
static gboolean
check_same_file (const YishiMinutes  *minutes,
                 GError             **error)
{
  g_autofree char *digest = NULL;

  if (minutes->digest == NULL)
    return TRUE;
  digest = yishi_minutes_compute_digest (minutes);
  if (g_strcmp0 (digest, minutes->digest) == 0)
    return TRUE;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               /* Translators: %s is a meeting's title */
               _("The file's minutes of “%s” no longer match their digest: the file was changed after it was "
                 "exported."),
               minutes->meeting->title);
  return FALSE;
}

static gboolean
check_importable (YishiDatabase       *db,
                  const YishiMinutes  *minutes,
                  gboolean            *out_present,
                  GError             **error)
{
  gint64 id = 0;

  /* The file first: a changed value the record here would not keep (such
   * as the number of members, which the import makes come out as the
   * file says) would otherwise slip through on the first import and be
   * caught only on the second. */
  *out_present = FALSE;
  if (!check_same_file (minutes, error))
    return FALSE;
  if (!find_id (db, "SELECT id FROM minutes WHERE uuid = ?1", minutes->uuid, &id, error))
    return FALSE;
  if ((*out_present = id != 0))
    return TRUE;
  if (!find_id (db, "SELECT id FROM meeting WHERE uuid = ?1", minutes->meeting->uuid, &id, error))
    return FALSE;
  if (id != 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: %s is a meeting's title */
                 _("The meeting “%s” is already in this database with other minutes."), minutes->meeting->title);
  else if (minutes->approval == YISHI_APPROVAL_VOTE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: %s is a meeting's title */
                 _("The minutes of “%s” were approved by a vote at a later meeting, which the file does not hold: "
                   "import that meeting's minutes too, from the database that holds both."),
                 minutes->meeting->title);
  return id == 0 && minutes->approval != YISHI_APPROVAL_VOTE;
}

static gboolean
import_all (YishiDatabase       *db,
            const YishiMinutes  *minutes,
            gboolean            *out_created,
            GError             **error)
{
  g_auto(Import) import = { db };
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *iso = g_strdup_printf ("%.10sT12:00:00Z", minutes->meeting->starts_at);
  gboolean present = FALSE;

  if (!check_importable (db, minutes, &present, error))
    return FALSE;
  if (present)
    return *out_created = FALSE, TRUE;
  if ((start = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE, _("“%s” is not a date and time."),
                   minutes->meeting->starts_at);
      return FALSE;
    }
  import.day = g_date_time_format (start, "%Y-%m-%d");
  {
    g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);

    import.next_day = g_date_time_format (next, "%Y-%m-%d");
  }
  import.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  import.motions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  *out_created = TRUE;
  return council_id (&import, minutes->meeting, error) &&
         insert_meeting (&import, minutes->meeting, error) &&
         insert_attendance (&import, minutes->meeting, error) &&
         insert_items (&import, minutes->meeting, error) &&
         insert_motions (&import, minutes->meeting, error) &&
         insert_resolutions (&import, minutes->meeting, error) &&
         insert_minutes (&import, minutes, error) &&
         check_digest (&import, minutes, error);
}

gboolean
yishi_minutes_store_import (YishiDatabase       *db,
                            const YishiMinutes  *minutes,
                            gboolean            *out_created,
                            GError             **error)
{
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = NULL;
  gboolean created = FALSE;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = import_all (db, minutes, &created, error);
  if (!_yishi_database_finish (db, ok, error))
    return FALSE;
  if (out_created != NULL)
    *out_created = created;
  return TRUE;
}
