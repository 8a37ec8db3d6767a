#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-proposal-store.h"
#include "yishi-proposal-store-private.h"

/* A contest's states: setup → judging → published. Publishing settles
 * the entries: the funded ones are accepted and the others rejected, in
 * the transaction that locks the scores. */

static gboolean
count_rows (YishiDatabase  *db,
            const char     *sql,
            gint64          contest_id,
            gint64         *out_count,
            GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _yishi_database_set_error (db, error), FALSE;
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Judging starts with something to judge, someone to judge it and a
 * criterion to judge it by. */
static gboolean
check_ready (YishiDatabase  *db,
             gint64          contest_id,
             GError        **error)
{
  gint64 criteria = 0, judges = 0, entries = 0;

  if (!count_rows (db, "SELECT count(*) FROM contest_criterion WHERE contest_id = ?1", contest_id,
                   &criteria, error) ||
      !count_rows (db, "SELECT count(*) FROM contest_judge WHERE contest_id = ?1", contest_id,
                   &judges, error) ||
      !count_rows (db, "SELECT count(*) FROM contest_entry WHERE contest_id = ?1", contest_id,
                   &entries, error))
    return FALSE;
  if (criteria > 0 && judges > 0 && entries > 0)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Contest %" PRId64 " cannot be judged yet: it needs at least one criterion, one judge and"
                 " one proposal entered."),
               contest_id);
  return FALSE;
}

static gboolean
check_transition (const YishiContestInfo  *contest,
                  YishiContestState        state,
                  GError                 **error)
{
  if ((guint) state == (guint) contest->state + 1)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               /* Translators: the states are keys: setup, judging, published */
               _("Contest %" PRId64 " cannot go from “%s” to “%s”: a contest goes from setup to judging to"
                 " published, and never back."),
               contest->id, yishi_contest_state_to_key (contest->state), yishi_contest_state_to_key (state));
  return FALSE;
}

static gboolean
update_state (YishiDatabase      *db,
              gint64              contest_id,
              YishiContestState   state,
              GError            **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE contest SET state = ?2, updated_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  _yishi_bind_static_text (stmt, 2, yishi_contest_state_to_key (state));
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_contest_store_set_state (YishiDatabase      *db,
                               gint64              contest_id,
                               YishiContestState   state,
                               GError            **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (state <= YISHI_CONTEST_STATE_PUBLISHED, FALSE);

  if (state == YISHI_CONTEST_STATE_PUBLISHED)
    return yishi_contest_store_publish (db, contest_id, error);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       check_transition (&contest, state, error) &&
       (state != YISHI_CONTEST_STATE_JUDGING || check_ready (db, contest_id, error)) &&
       update_state (db, contest_id, state, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
record_published (YishiDatabase  *db,
                  gint64          contest_id,
                  GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE contest SET state = 'published', published_on = substr(?2, 1, 10), updated_at = ?2"
      " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  _yishi_bind_static_text (stmt, 2, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* @status, through shortlisted when the lifecycle needs the step; a
 * proposal already decided elsewhere (say, by a council) stays as it is. */
static gboolean
settle_entry (YishiDatabase        *db,
              gint64                proposal_id,
              YishiProposalStatus   status,
              const char           *reason,
              GError              **error)
{
  g_autoptr(YishiProposal) proposal = yishi_proposal_store_get (db, proposal_id, error);
  YishiProposalStatus now;

  if (proposal == NULL)
    return FALSE;
  now = yishi_proposal_get_status (proposal);
  if (!yishi_proposal_status_can_move (now, status) &&
      yishi_proposal_status_can_move (now, YISHI_PROPOSAL_STATUS_SHORTLISTED) &&
      yishi_proposal_status_can_move (YISHI_PROPOSAL_STATUS_SHORTLISTED, status))
    {
      if (!_yishi_proposal_write_status (db, proposal_id, YISHI_PROPOSAL_STATUS_SHORTLISTED, reason, error))
        return FALSE;
      now = YISHI_PROPOSAL_STATUS_SHORTLISTED;
    }
  if (!yishi_proposal_status_can_move (now, status))
    return TRUE;
  return _yishi_proposal_write_status (db, proposal_id, status, reason, error);
}

static gboolean
settle_entries (YishiDatabase              *db,
                const YishiContestResults  *results,
                GError                    **error)
{
  const YishiContestFunding *funding = results->funding;

  for (guint i = 0; i < funding->grants->len; i++)
    {
      const YishiContestGrant *grant = &g_array_index (funding->grants, YishiContestGrant, i);
      g_autofree char *reason = NULL;

      reason = grant->funded
        /* Translators: the reason kept with a proposal's new status; %s is a contest's name */
        ? g_strdup_printf (_("Funded in the published results of “%s”."), results->contest->name)
        /* Translators: the reason kept with a proposal's new status; %s is a contest's name */
        : g_strdup_printf (_("Not funded in the published results of “%s”."), results->contest->name);
      if (!settle_entry (db, grant->proposal_id,
                         grant->funded ? YISHI_PROPOSAL_STATUS_ACCEPTED : YISHI_PROPOSAL_STATUS_REJECTED,
                         reason, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
yishi_contest_store_publish (YishiDatabase  *db,
                             gint64          contest_id,
                             GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiContestResults) results = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       check_transition (&contest, YISHI_CONTEST_STATE_PUBLISHED, error) &&
       (results = _yishi_contest_read_results (db, contest_id, error)) != NULL &&
       settle_entries (db, results, error) &&
       record_published (db, contest_id, error);
  return _yishi_database_finish (db, ok, error);
}
