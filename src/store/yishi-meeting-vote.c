#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"
#include "yishi-proposal-store-private.h"

/* Votes on motions (表决): counts or a roll call, checked by the vote
 * engine before anything is written; and what the verdict on an item's
 * main motion does to the proposal the item discusses. */

static gboolean
check_in_session (const YishiMeetingInfo  *info,
                  GError                 **error)
{
  if (!_yishi_meeting_check_not_closed (info, error))
    return FALSE;
  if (info->state == YISHI_MEETING_STATE_IN_SESSION)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Meeting %" PRId64 " is not in session yet: votes are taken in session."), info->id);
  return FALSE;
}

/* 附议: a council that requires a seconder votes on no motion, and no
 * amendment, that has none. */
static gboolean
check_seconded (YishiDatabase           *db,
                const YishiMeetingInfo  *meeting,
                const YishiMotionInfo   *motion,
                GError                 **error)
{
  YishiSpeakingRules rules;

  if (!_yishi_council_load_speaking_rules (db, meeting->council_id, &rules, error))
    return FALSE;
  if (!rules.requires_seconder || motion->seconder_id > 0)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               /* Translators: a seconder is 附议人 */
               _("Motion %" PRId64 " has no seconder, and this council votes only on seconded motions:"
                 " record who seconds it first."),
               motion->id);
  return FALSE;
}

/* E and P of the motion's meeting, as the vote is taken; and whether
 * the motion may be voted on at all. */
static gboolean
load_vote_context (YishiDatabase     *db,
                   gint64             motion_id,
                   YishiMotionInfo   *motion,
                   YishiMeetingInfo  *meeting,
                   YishiVoteCounts   *counts,
                   GError           **error)
{
  return _yishi_meeting_load_motion (db, motion_id, motion, error) &&
         _yishi_meeting_load (db, motion->meeting_id, meeting, error) &&
         check_in_session (meeting, error) &&
         check_seconded (db, meeting, motion, error) &&
         _yishi_council_count_members (db, meeting->council_id, meeting->date, &counts->members, error) &&
         _yishi_meeting_count_present (db, meeting, 0, &counts->present, error);
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

/* The vote row of @motion_id, taken at @taken_at (NULL: now, on the
 * database clock); shared with the import of exported minutes. */
gboolean
_yishi_meeting_insert_vote (YishiDatabase          *db,
                            gint64                  motion_id,
                            const YishiVoteCounts  *counts,
                            YishiVoteVerdict        verdict,
                            guint                   required,
                            const char             *taken_at,
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
  _yishi_bind_static_text (stmt, 8, yishi_vote_verdict_to_key (verdict));
  sqlite3_bind_int64 (stmt, 9, required);
  if (taken_at != NULL)
    _yishi_bind_text (stmt, 10, taken_at);
  else
    _yishi_bind_static_text (stmt, 10, _yishi_database_get_now (db));
  return _yishi_database_step_insert (db, stmt, out_id, error);
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

/* The proposal an item discusses (0: none), and the meeting's title. */
static gboolean
load_item_proposal (YishiDatabase  *db,
                    gint64          item_id,
                    gint64         *out_proposal_id,
                    char          **out_meeting,
                    GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT coalesce(i.proposal_id, 0), m.title FROM agenda_item i"
      " JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("agenda item"), item_id, error))
    return FALSE;
  *out_proposal_id = sqlite3_column_int64 (stmt, 0);
  *out_meeting = g_strdup (_yishi_column_text (stmt, 1));
  return TRUE;
}

/* The verdict on an item's main motion settles the proposal the item
 * discusses: passed, accepted; failed, rejected. Only where the
 * lifecycle allows the move: a proposal not screened in yet, or decided
 * already, stays as it is. No quorum and no verdict decide nothing, and
 * an amendment only changes its motion. */
static gboolean
settle_proposal (YishiDatabase          *db,
                 const YishiMotionInfo  *motion,
                 YishiVoteVerdict        verdict,
                 GError                **error)
{
  g_autoptr(YishiProposal) proposal = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *reason = NULL;
  gboolean passed = verdict == YISHI_VOTE_VERDICT_PASSED;
  YishiProposalStatus status = passed ? YISHI_PROPOSAL_STATUS_ACCEPTED : YISHI_PROPOSAL_STATUS_REJECTED;
  gint64 proposal_id = 0;

  if (motion->parent_id != 0 || (!passed && verdict != YISHI_VOTE_VERDICT_FAILED))
    return TRUE;
  if (!load_item_proposal (db, motion->item_id, &proposal_id, &meeting, error))
    return FALSE;
  if (proposal_id == 0)
    return TRUE;
  if ((proposal = yishi_proposal_store_get (db, proposal_id, error)) == NULL)
    return FALSE;
  if (!yishi_proposal_status_can_move (yishi_proposal_get_status (proposal), status))
    return TRUE;

  /* Translators: the reason kept with the proposal's new status: a motion's id, a meeting's title */
  reason = g_strdup_printf (passed ? _("Motion %" PRId64 " passed at the meeting “%s”.")
                                   : _("Motion %" PRId64 " failed at the meeting “%s”."),
                            motion->id, meeting);
  return _yishi_proposal_write_status (db, proposal_id, status, reason, error);
}

/* The counts are checked and the verdict worked out by the vote engine
 * before anything is written. */
static gboolean
tally_and_insert (YishiDatabase          *db,
                  gint64                  motion_id,
                  const YishiMotionInfo  *motion,
                  const YishiVoteCounts  *counts,
                  YishiVoteResult        *result,
                  gint64                 *out_id,
                  GError                **error)
{
  return yishi_vote_check_counts (counts, error) &&
         yishi_vote_tally (counts, &motion->rule, result, error) &&
         _yishi_meeting_check_not_voted (db, motion_id, error) &&
         check_amendments_voted (db, motion_id, error) &&
         _yishi_meeting_insert_vote (db, motion_id, counts, result->verdict, result->required, NULL, out_id,
                                     error);
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
  YishiMotionInfo motion;
  YishiMeetingInfo meeting;
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
  ok = ok && tally_and_insert (db, motion_id, &motion, &counts, &result, &id, error) &&
       settle_proposal (db, &motion, result.verdict, error);
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
                 const YishiMeetingInfo    *meeting,
                 const YishiRollCallEntry  *entries,
                 guint                      n_entries,
                 YishiVoteCounts           *counts,
                 GError                   **error)
{
  for (guint i = 0; i < n_entries; i++)
    {
      guint present = 0;

      if (!_yishi_meeting_count_present (db, meeting, entries[i].person_id, &present, error))
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
      _yishi_bind_static_text (stmt, 3, yishi_roll_call_choice_to_key (entries[i].choice));
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
  YishiMotionInfo motion;
  YishiMeetingInfo meeting;
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
       insert_choices (db, id, entries, n_entries, error) &&
       settle_proposal (db, &motion, result.verdict, error);
  if (!_yishi_database_finish (db, ok, error))
    return 0;
  if (out_result != NULL)
    *out_result = result;
  return id;
}
