#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"
#include "yishi-minutes-store-private.h"

/* Each move of the minutes' life: one transaction each, through
 * _yishi_minutes_run (), which reads the minutes and their record
 * first. */

/* What a change of the minutes is, for the state it needs. */
typedef enum
{
  YISHI_MINUTES_MOVE_EDIT,    /* draft */
  YISHI_MINUTES_MOVE_SUBMIT,  /* draft → submitted */
  YISHI_MINUTES_MOVE_REOPEN,  /* submitted → draft */
  YISHI_MINUTES_MOVE_APPROVE, /* submitted → approved */
  YISHI_MINUTES_MOVE_FREEZE,  /* approved → frozen */
  YISHI_MINUTES_MOVE_CORRECT, /* approved or frozen: a corrigendum */
} YishiMinutesMove;

typedef struct
{
  const char * const *discussions;
  guint               n_discussions;
  const char         *other_matters;
} SaveData;

typedef struct
{
  gint64 motion_id;
} VoteData;

typedef struct
{
  const char *text;
  gint64      id;
} CorrigendumData;

/* Whether @minutes are in the state @move needs; if not, an error that
 * says what the move needs and where the minutes are. */
static gboolean
check_state (const YishiMinutes  *minutes,
             YishiMinutesMove    move,
             GError            **error)
{
  static const YishiMinutesState needed[] = {
    YISHI_MINUTES_DRAFT, YISHI_MINUTES_DRAFT, YISHI_MINUTES_SUBMITTED, YISHI_MINUTES_SUBMITTED,
    YISHI_MINUTES_APPROVED, YISHI_MINUTES_APPROVED,
  };
  const char *title = minutes->meeting->title;
  const char *state = yishi_minutes_state_label (minutes->state);

  if (minutes->state == needed[move] ||
      (move == YISHI_MINUTES_MOVE_CORRECT && minutes->state == YISHI_MINUTES_FROZEN))
    return TRUE;

  switch (move)
    {
    case YISHI_MINUTES_MOVE_EDIT:
      if (minutes->state == YISHI_MINUTES_SUBMITTED)
        g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                     _("The minutes of “%s” have been submitted: take them back to draft before changing them."),
                     title);
      else
        g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                     _("The minutes of “%s” are approved and can no longer change: add a corrigendum instead."),
                     title);
      break;
    case YISHI_MINUTES_MOVE_SUBMIT:
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                   /* Translators: %2$s is the state of the minutes, such as “Approved” */
                   _("Only draft minutes can be submitted; the minutes of “%1$s” are “%2$s”."), title, state);
      break;
    case YISHI_MINUTES_MOVE_REOPEN:
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                   /* Translators: %2$s is the state of the minutes, such as “Approved” */
                   _("Only submitted minutes can go back to draft; the minutes of “%1$s” are “%2$s”."),
                   title, state);
      break;
    case YISHI_MINUTES_MOVE_APPROVE:
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                   /* Translators: %2$s is the state of the minutes, such as “Draft” */
                   _("Only submitted minutes can be approved; the minutes of “%1$s” are “%2$s”."), title, state);
      break;
    case YISHI_MINUTES_MOVE_FREEZE:
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                   /* Translators: %2$s is the state of the minutes, such as “Draft” */
                   _("Only approved minutes can be frozen; the minutes of “%1$s” are “%2$s”."), title, state);
      break;
    case YISHI_MINUTES_MOVE_CORRECT:
    default:
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                   /* Translators: %2$s is the state of the minutes, such as “Draft” */
                   _("Only approved minutes take a corrigendum; the minutes of “%1$s” are “%2$s”: "
                     "edit them instead."),
                   title, state);
      break;
    }
  return FALSE;
}

static gboolean
set_state (YishiDatabase     *db,
           YishiMinutes      *minutes,
           YishiMinutesState  state,
           GError           **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE minutes SET state = ?2,"
      " submitted_at = CASE ?2 WHEN 'draft' THEN NULL ELSE coalesce(submitted_at, ?3) END,"
      " frozen_at = CASE ?2 WHEN 'frozen' THEN ?3 END, updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->id);
  _yishi_bind_static_text (stmt, 2, yishi_minutes_state_to_key (state));
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
save_discussion (YishiDatabase  *db,
                 gint64          minutes_id,
                 gint64          item_id,
                 const char     *discussion,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO minutes_item (minutes_id, agenda_item_id, discussion) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (minutes_id, agenda_item_id) DO UPDATE SET discussion = excluded.discussion", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes_id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  _yishi_bind_static_text (stmt, 3, discussion);
  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
save (YishiDatabase  *db,
      YishiMinutes   *minutes,
      gpointer        data,
      GError        **error)
{
  const SaveData *save = data;
  g_autoptr(YishiStmt) stmt = NULL;

  if (!check_state (minutes, YISHI_MINUTES_MOVE_EDIT, error))
    return FALSE;
  if (save->n_discussions > minutes->items->len)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   ngettext ("“%s” has %u agenda item, not %u.", "“%s” has %u agenda items, not %u.",
                             minutes->items->len),
                   minutes->meeting->title, minutes->items->len, save->n_discussions);
      return FALSE;
    }
  for (guint i = 0; i < save->n_discussions; i++)
    {
      const YishiMinutesItem *item = minutes->items->pdata[i];

      if (save->discussions[i] != NULL &&
          !save_discussion (db, minutes->id, item->agenda_item_id, save->discussions[i], error))
        return FALSE;
    }
  stmt = _yishi_database_prepare (db, "UPDATE minutes SET other_matters = coalesce(?2, other_matters),"
                                      " updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->id);
  if (save->other_matters != NULL)
    _yishi_bind_static_text (stmt, 2, save->other_matters);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_minutes_store_save (YishiDatabase      *db,
                          gint64              meeting_id,
                          const char * const *discussions,
                          guint               n_discussions,
                          const char         *other_matters,
                          GError            **error)
{
  SaveData data = { discussions, n_discussions, other_matters };

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (discussions != NULL || n_discussions == 0, FALSE);

  return _yishi_minutes_run (db, meeting_id, save, &data, error);
}

/* A move that only changes the state: the move checked, the state it
 * leads to. */
typedef struct
{
  YishiMinutesMove   move;
  YishiMinutesState  state;
} PlainMove;

static const PlainMove submit_move = { YISHI_MINUTES_MOVE_SUBMIT, YISHI_MINUTES_SUBMITTED };
static const PlainMove reopen_move = { YISHI_MINUTES_MOVE_REOPEN, YISHI_MINUTES_DRAFT };
static const PlainMove freeze_move = { YISHI_MINUTES_MOVE_FREEZE, YISHI_MINUTES_FROZEN };

static gboolean
plain_move (YishiDatabase  *db,
            YishiMinutes   *minutes,
            gpointer        data,
            GError        **error)
{
  const PlainMove *move = data;

  return check_state (minutes, move->move, error) &&
         set_state (db, minutes, move->state, error);
}

gboolean
yishi_minutes_store_submit (YishiDatabase  *db,
                            gint64          meeting_id,
                            GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return _yishi_minutes_run (db, meeting_id, plain_move, (gpointer) &submit_move, error);
}

gboolean
yishi_minutes_store_reopen (YishiDatabase  *db,
                            gint64          meeting_id,
                            GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return _yishi_minutes_run (db, meeting_id, plain_move, (gpointer) &reopen_move, error);
}

/* Fills in the approval, chains the minutes to the council's previous
 * approved ones, and takes the digest over what this transaction read:
 * the minutes and the record exactly as they are locked. */
static gboolean
approve (YishiDatabase      *db,
         YishiMinutes       *minutes,
         YishiApprovalKind   kind,
         const char         *approved_by,
         gint64              motion_id,
         const char         *approval_meeting,
         GError            **error)
{
  g_autoptr(YishiStmt) stmt = NULL;

  g_clear_pointer (&minutes->previous_digest, g_free);
  if (!_yishi_minutes_chain_head (db, minutes->meeting->council_id, &minutes->previous_digest, error))
    return FALSE;
  minutes->state = YISHI_MINUTES_APPROVED;
  minutes->approval = kind;
  g_free (minutes->approved_at);
  minutes->approved_at = g_strdup (_yishi_database_get_now (db));
  g_free (minutes->approved_by);
  minutes->approved_by = g_strdup (approved_by);
  minutes->approval_motion_id = motion_id;
  g_free (minutes->approval_meeting);
  minutes->approval_meeting = g_strdup (approval_meeting);
  g_free (minutes->digest);
  minutes->digest = yishi_minutes_compute_digest (minutes);

  stmt = _yishi_database_prepare (db,
      "UPDATE minutes SET state = 'approved', approval = ?2, approved_at = ?3, approved_by = ?4,"
      " approval_motion_id = ?5, digest = ?6, previous_digest = ?7, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, minutes->id);
  _yishi_bind_static_text (stmt, 2, yishi_approval_kind_to_key (kind));
  _yishi_bind_static_text (stmt, 3, minutes->approved_at);
  _yishi_bind_static_text (stmt, 4, minutes->approved_by);
  _yishi_bind_optional_int (stmt, 5, motion_id > 0 ? motion_id : -1);
  _yishi_bind_static_text (stmt, 6, minutes->digest);
  _yishi_bind_static_text (stmt, 7, minutes->previous_digest);
  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
approve_by_chair (YishiDatabase  *db,
                  YishiMinutes   *minutes,
                  gpointer        data,
                  GError        **error)
{
  if (!check_state (minutes, YISHI_MINUTES_MOVE_APPROVE, error))
    return FALSE;
  if (minutes->meeting->chair_id == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("“%s” has no chair to sign off its minutes: approve them by a vote at a later meeting."),
                   minutes->meeting->title);
      return FALSE;
    }
  return approve (db, minutes, YISHI_APPROVAL_CHAIR, minutes->meeting->chair, 0, NULL, error);
}

gboolean
yishi_minutes_store_approve_by_chair (YishiDatabase  *db,
                                      gint64          meeting_id,
                                      GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return _yishi_minutes_run (db, meeting_id, approve_by_chair, NULL, error);
}

/* The motion must have passed, at a later meeting of the same council. */
static gboolean
approve_by_vote (YishiDatabase  *db,
                 YishiMinutes   *minutes,
                 gpointer        data,
                 GError        **error)
{
  const VoteData *vote = data;
  const YishiMeetingSnapshot *meeting = minutes->meeting;
  g_autoptr(YishiStmt) stmt = NULL;

  if (!check_state (minutes, YISHI_MINUTES_MOVE_APPROVE, error))
    return FALSE;
  stmt = _yishi_database_prepare (db,
      "SELECT m.council_id, m.title, datetime(m.starts_at) > datetime(?2), coalesce(v.verdict, '')"
      " FROM motion mo JOIN agenda_item i ON i.id = mo.agenda_item_id JOIN meeting m ON m.id = i.meeting_id"
      " LEFT JOIN vote v ON v.motion_id = mo.id WHERE mo.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vote->motion_id);
  _yishi_bind_static_text (stmt, 2, meeting->starts_at);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("motion"), vote->motion_id, error))
    return FALSE;
  if (sqlite3_column_int64 (stmt, 0) != meeting->council_id)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 _("Motion %" PRId64 " was moved at “%s”, a meeting of another council: the minutes of “%s” "
                   "are approved by their own council."),
                 vote->motion_id, _yishi_column_text (stmt, 1), meeting->title);
  else if (sqlite3_column_int (stmt, 2) == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 _("Motion %" PRId64 " was moved at “%s”, which is not later than “%s”: minutes are approved "
                   "at a later meeting."),
                 vote->motion_id, _yishi_column_text (stmt, 1), meeting->title);
  else if (!g_str_equal (_yishi_column_text (stmt, 3), "passed"))
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 _("Motion %" PRId64 " has not passed: it cannot approve the minutes of “%s”."),
                 vote->motion_id, meeting->title);
  else
    {
      g_autofree char *approval_meeting = g_strdup (_yishi_column_text (stmt, 1));

      return approve (db, minutes, YISHI_APPROVAL_VOTE, "", vote->motion_id, approval_meeting, error);
    }
  return FALSE;
}

gboolean
yishi_minutes_store_approve_by_vote (YishiDatabase  *db,
                                     gint64          meeting_id,
                                     gint64          motion_id,
                                     GError        **error)
{
  VoteData data = { motion_id };

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return _yishi_minutes_run (db, meeting_id, approve_by_vote, &data, error);
}

/* Submits a draft first, in the same transaction, so a refused or
 * interrupted approval leaves the draft as it was. */
static gboolean
submit_and_approve (YishiDatabase  *db,
                    YishiMinutes   *minutes,
                    gpointer        data,
                    GError        **error)
{
  const VoteData *vote = data;

  if (minutes->state == YISHI_MINUTES_DRAFT)
    {
      if (!plain_move (db, minutes, (gpointer) &submit_move, error))
        return FALSE;
      minutes->state = YISHI_MINUTES_SUBMITTED;
    }
  return vote->motion_id != 0 ? approve_by_vote (db, minutes, data, error)
                              : approve_by_chair (db, minutes, NULL, error);
}

gboolean
yishi_minutes_store_submit_and_approve (YishiDatabase  *db,
                                        gint64          meeting_id,
                                        gint64          motion_id,
                                        GError        **error)
{
  VoteData data = { motion_id };

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return _yishi_minutes_run (db, meeting_id, submit_and_approve, &data, error);
}

gboolean
yishi_minutes_store_freeze (YishiDatabase  *db,
                            gint64          meeting_id,
                            GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return _yishi_minutes_run (db, meeting_id, plain_move, (gpointer) &freeze_move, error);
}

static gboolean
add_corrigendum (YishiDatabase  *db,
                 YishiMinutes   *minutes,
                 gpointer        data,
                 GError        **error)
{
  CorrigendumData *corrigendum = data;
  g_autoptr(YishiStmt) stmt = NULL;
  char uuid[YISHI_UUID_LENGTH + 1];

  if (!check_state (minutes, YISHI_MINUTES_MOVE_CORRECT, error))
    return FALSE;
  stmt = _yishi_database_prepare (db, "INSERT INTO minutes_corrigendum (uuid, minutes_id, text, made_at)"
                                      " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_static_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, minutes->id);
  _yishi_bind_static_text (stmt, 3, corrigendum->text);
  _yishi_bind_static_text (stmt, 4, _yishi_database_get_now (db));
  return _yishi_database_step_insert (db, stmt, &corrigendum->id, error);
}

gint64
yishi_minutes_store_add_corrigendum (YishiDatabase  *db,
                                     gint64          meeting_id,
                                     const char     *text,
                                     GError        **error)
{
  g_autofree char *trimmed = NULL;
  CorrigendumData data = { NULL, 0 };

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (text != NULL, 0);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                           _("A corrigendum needs a text that says what is corrected."));
      return 0;
    }
  data.text = trimmed;
  return _yishi_minutes_run (db, meeting_id, add_corrigendum, &data, error) ? data.id : 0;
}
