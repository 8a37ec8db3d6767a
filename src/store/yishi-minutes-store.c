#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"
#include "yishi-minutes-store-private.h"
#include "yishi-store-keys.h"

static const char * const state_keys[] = { "draft", "submitted", "approved", "frozen" };
static const char * const approval_keys[] = { "", "chair", "vote" };

static const char * const state_labels[] = {
  /* Translators: minutes being written; zh_CN 草稿 */
  NC_("minutes state", "Draft"),
  /* Translators: minutes handed to the chair; zh_CN 已提交 */
  NC_("minutes state", "Submitted"),
  /* Translators: minutes approved and locked; zh_CN 已通过 */
  NC_("minutes state", "Approved"),
  /* Translators: the signed paper copy is filed; zh_CN 已归档 */
  NC_("minutes state", "Frozen"),
};

static const char * const approval_labels[] = {
  /* Translators: minutes not approved yet; zh_CN 未通过 */
  NC_("minutes approval", "Not approved"),
  /* Translators: approved by the chair's signature; zh_CN 主持人签字确认 */
  NC_("minutes approval", "Signed off by the chair"),
  /* Translators: approved by a vote at a later meeting; zh_CN 下次会议表决通过 */
  NC_("minutes approval", "Approved by a vote"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_labels) == G_N_ELEMENTS (state_keys));
G_STATIC_ASSERT (G_N_ELEMENTS (approval_labels) == G_N_ELEMENTS (approval_keys));

YISHI_STORE_KEY_FUNCS (yishi_minutes_state, YishiMinutesState, state_keys)
YISHI_STORE_KEY_FUNCS (yishi_approval_kind, YishiApprovalKind, approval_keys)

const char *
yishi_minutes_state_label (YishiMinutesState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_labels), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "minutes state", state_labels[state]);
}

const char *
yishi_approval_kind_label (YishiApprovalKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (approval_labels), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "minutes approval", approval_labels[kind]);
}

static void
minutes_item_free (gpointer data)
{
  YishiMinutesItem *item = data;

  g_free (item->discussion);
  g_free (item);
}

static void
corrigendum_free (gpointer data)
{
  YishiCorrigendum *corrigendum = data;

  g_free (corrigendum->uuid);
  g_free (corrigendum->text);
  g_free (corrigendum->made_at);
  g_free (corrigendum);
}

YishiMinutes *
yishi_minutes_new (void)
{
  YishiMinutes *minutes = g_new0 (YishiMinutes, 1);

  minutes->items = g_ptr_array_new_with_free_func (minutes_item_free);
  minutes->corrigenda = g_ptr_array_new_with_free_func (corrigendum_free);
  minutes->meeting = yishi_meeting_snapshot_new ();
  return minutes;
}

const char *
yishi_minutes_get_discussion (const YishiMinutes *minutes,
                              gint64              item_id)
{
  g_return_val_if_fail (minutes != NULL, "");

  for (guint i = 0; minutes->items != NULL && i < minutes->items->len; i++)
    {
      const YishiMinutesItem *item = minutes->items->pdata[i];

      if (item->agenda_item_id == item_id)
        return item->discussion != NULL ? item->discussion : "";
    }
  return "";
}

void
yishi_minutes_free (YishiMinutes *minutes)
{
  if (minutes == NULL)
    return;
  g_free (minutes->uuid);
  g_free (minutes->other_matters);
  g_clear_pointer (&minutes->items, g_ptr_array_unref);
  g_free (minutes->submitted_at);
  g_free (minutes->approved_at);
  g_free (minutes->approved_by);
  g_free (minutes->approval_meeting);
  g_free (minutes->frozen_at);
  g_free (minutes->digest);
  g_free (minutes->previous_digest);
  g_clear_pointer (&minutes->corrigenda, g_ptr_array_unref);
  g_clear_pointer (&minutes->meeting, yishi_meeting_snapshot_free);
  g_free (minutes);
}

void
yishi_minutes_mismatch_free (YishiMinutesMismatch *mismatch)
{
  if (mismatch == NULL)
    return;
  g_free (mismatch->meeting);
  g_free (mismatch->problem);
  g_free (mismatch);
}

static char *
dup_optional (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (_yishi_column_text (stmt, column));
}

static gboolean
corrupt (const YishiMinutes  *minutes,
         GError             **error)
{
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               _("The minutes of “%s” hold a value this Yishi does not know."), minutes->meeting->title);
  return FALSE;
}

/* The minutes' own row; *@out_found is FALSE when the meeting has none. */
static gboolean
read_row (YishiDatabase  *db,
          YishiMinutes   *minutes,
          gboolean       *out_found,
          GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT n.id, n.uuid, n.state, n.other_matters, n.submitted_at, n.approval, n.approved_at,"
      " n.approved_by, coalesce(n.approval_motion_id, 0), am.title, n.frozen_at, n.digest, n.previous_digest"
      " FROM minutes n LEFT JOIN motion mo ON mo.id = n.approval_motion_id"
      " LEFT JOIN agenda_item ai ON ai.id = mo.agenda_item_id LEFT JOIN meeting am ON am.id = ai.meeting_id"
      " WHERE n.meeting_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->meeting->id);
  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }
  minutes->id = sqlite3_column_int64 (stmt, 0);
  minutes->uuid = g_strdup (_yishi_column_text (stmt, 1));
  minutes->other_matters = g_strdup (_yishi_column_text (stmt, 3));
  minutes->submitted_at = dup_optional (stmt, 4);
  minutes->approved_at = dup_optional (stmt, 6);
  minutes->approved_by = g_strdup (_yishi_column_text (stmt, 7));
  minutes->approval_motion_id = sqlite3_column_int64 (stmt, 8);
  minutes->approval_meeting = dup_optional (stmt, 9);
  minutes->frozen_at = dup_optional (stmt, 10);
  minutes->digest = dup_optional (stmt, 11);
  minutes->previous_digest = g_strdup (_yishi_column_text (stmt, 12));
  if (!yishi_minutes_state_from_key (_yishi_column_text (stmt, 2), &minutes->state) ||
      !yishi_approval_kind_from_key (_yishi_column_text (stmt, 5), &minutes->approval))
    return corrupt (minutes, error);
  return TRUE;
}

/* One per agenda item, in agenda order, "" where nothing is written. */
static gboolean
read_items (YishiDatabase  *db,
            YishiMinutes   *minutes,
            GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT i.id, coalesce(mi.discussion, '') FROM agenda_item i"
      " LEFT JOIN minutes_item mi ON mi.agenda_item_id = i.id AND mi.minutes_id = ?2"
      " WHERE i.meeting_id = ?1 ORDER BY i.position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->meeting->id);
  sqlite3_bind_int64 (stmt, 2, minutes->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiMinutesItem *item = g_new0 (YishiMinutesItem, 1);

      item->agenda_item_id = sqlite3_column_int64 (stmt, 0);
      item->discussion = g_strdup (_yishi_column_text (stmt, 1));
      g_ptr_array_add (minutes->items, item);
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

static gboolean
read_corrigenda (YishiDatabase  *db,
                 YishiMinutes   *minutes,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT id, uuid, text, made_at FROM minutes_corrigendum WHERE minutes_id = ?1 ORDER BY made_at, id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiCorrigendum *corrigendum = g_new0 (YishiCorrigendum, 1);

      corrigendum->id = sqlite3_column_int64 (stmt, 0);
      corrigendum->uuid = g_strdup (_yishi_column_text (stmt, 1));
      corrigendum->text = g_strdup (_yishi_column_text (stmt, 2));
      corrigendum->made_at = g_strdup (_yishi_column_text (stmt, 3));
      g_ptr_array_add (minutes->corrigenda, corrigendum);
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

/* Whether @note already ends a sentence, so the line needs no full stop. */
static gboolean
ends_sentence (const char *note)
{
  static const gunichar stops[] = { '.', '!', '?', ';', 0x3002 /* 。 */, 0xff01 /* ！ */, 0xff1f /* ？ */,
                                    0xff1b /* ； */, 0x2026 /* … */ };
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (note, note + strlen (note)));

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    if (last == stops[i])
      return TRUE;
  return FALSE;
}

/* What the speakers said on @item_id, one line a speech, in the order
 * they spoke: the secretary's starting point. */
static char *
prefill_discussion (const YishiMeetingSnapshot *meeting,
                    gint64                      item_id)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < meeting->speeches->len; i++)
    {
      const YishiSpeechRow *speech = meeting->speeches->pdata[i];
      g_autofree char *note = g_strstrip (g_strdup (speech->note));

      if (speech->item_id != item_id || speech->state != YISHI_SPEECH_DONE || *note == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (ends_sentence (note))
        /* Translators: a line of the minutes' discussion made from a speech: the speaker's
         * name, then what they said; zh_CN “%1$s：%2$s” */
        g_string_append_printf (text, C_("minutes discussion", "%1$s: %2$s"), speech->name, note);
      else
        /* Translators: as “%1$s: %2$s”, where the note needs a full stop; zh_CN “%1$s：%2$s。” */
        g_string_append_printf (text, C_("minutes discussion", "%1$s: %2$s."), speech->name, note);
    }
  return g_strdup (text->str);
}

static gboolean
create_draft (YishiDatabase               *db,
              const YishiMeetingSnapshot  *meeting,
              GError                     **error)
{
  g_autoptr(YishiStmt) insert = _yishi_database_prepare (db,
      "INSERT INTO minutes (uuid, meeting_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)", error);
  char uuid[YISHI_UUID_LENGTH + 1];
  gint64 minutes_id = 0;

  if (insert == NULL)
    return FALSE;
  if (meeting->state != YISHI_MEETING_STATE_CLOSED)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                   _("“%s” has not closed yet: its minutes are written once the meeting is closed."),
                   meeting->title);
      return FALSE;
    }
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_static_text (insert, 1, uuid);
  sqlite3_bind_int64 (insert, 2, meeting->id);
  _yishi_bind_static_text (insert, 3, _yishi_database_get_now (db));
  if (!_yishi_database_step_insert (db, insert, &minutes_id, error))
    return FALSE;
  for (guint i = 0; i < meeting->items->len; i++)
    {
      const YishiSnapshotItem *item = meeting->items->pdata[i];
      g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
          "INSERT INTO minutes_item (minutes_id, agenda_item_id, discussion) VALUES (?1, ?2, ?3)", error);
      g_autofree char *discussion = prefill_discussion (meeting, item->id);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, minutes_id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      _yishi_bind_static_text (stmt, 3, discussion);
      if (!_yishi_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

YishiMinutes *
_yishi_minutes_read (YishiDatabase  *db,
                     gint64          meeting_id,
                     gboolean        create,
                     GError        **error)
{
  g_autoptr(YishiMinutes) minutes = yishi_minutes_new ();
  gboolean found = FALSE;

  g_clear_pointer (&minutes->meeting, yishi_meeting_snapshot_free);
  minutes->meeting = _yishi_meeting_snapshot_read (db, meeting_id, error);
  if (minutes->meeting == NULL || !read_row (db, minutes, &found, error))
    return NULL;
  if (!found && !create)
    return NULL;
  if (!found && (!create_draft (db, minutes->meeting, error) || !read_row (db, minutes, &found, error)))
    return NULL;
  if (!read_items (db, minutes, error) || !read_corrigenda (db, minutes, error))
    return NULL;
  return g_steal_pointer (&minutes);
}

gboolean
_yishi_minutes_run (YishiDatabase       *db,
                    gint64               meeting_id,
                    YishiMinutesAction   action,
                    gpointer             data,
                    GError             **error)
{
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = _yishi_database_locker_new (db);
  g_autoptr(YishiMinutes) minutes = NULL;
  gboolean ok;

  if (!_yishi_database_begin (db, error))
    return FALSE;
  minutes = _yishi_minutes_read (db, meeting_id, TRUE, error);
  ok = minutes != NULL && action (db, minutes, data, error);
  return _yishi_database_finish (db, ok, error);
}

static YishiMinutes *
read_minutes (YishiDatabase  *db,
              gint64          meeting_id,
              gboolean        create,
              GError        **error)
{
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = _yishi_database_locker_new (db);
  g_autoptr(YishiMinutes) minutes = NULL;
  GError *read_error = NULL;

  if (!_yishi_database_begin (db, error))
    return NULL;
  minutes = _yishi_minutes_read (db, meeting_id, create, &read_error);
  if (!_yishi_database_finish (db, read_error == NULL, error))
    {
      if (read_error != NULL)
        g_propagate_error (error, read_error);
      return NULL;
    }
  return g_steal_pointer (&minutes);
}

YishiMinutes *
yishi_minutes_store_get (YishiDatabase  *db,
                         gint64          meeting_id,
                         GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return read_minutes (db, meeting_id, TRUE, error);
}

YishiMinutes *
yishi_minutes_store_find (YishiDatabase  *db,
                          gint64          meeting_id,
                          GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return read_minutes (db, meeting_id, FALSE, error);
}
