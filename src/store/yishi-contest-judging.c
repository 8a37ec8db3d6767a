#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"
#include "yishi-proposal-status.h"

/* Judges, entries and recusals (回避) of a contest. A recusal is
 * automatic where a judge proposed an entry (or, when the contest says
 * so, shares the proposer's grid), whichever of the two came first. */

/* A judge and a proposal to recuse them from, found automatically. */
typedef struct
{
  gint64             judge_id;
  gint64             proposal_id;
  YishiRecusalReason reason;
} AutoRecusal;

/* Steps @sql, which selects one text column of the record @id, to its
 * row; no row is “There is no @what with id @id”. */
static gboolean
load_text (YishiDatabase  *db,
           const char     *sql,
           gint64          id,
           const char     *what,
           char          **out_text,
           GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_yishi_meeting_step_row (db, stmt, what, id, error))
    return FALSE;
  *out_text = g_strdup (_yishi_column_text (stmt, 0));
  return TRUE;
}

static gboolean
load_person_name (YishiDatabase  *db,
                  gint64          person_id,
                  char          **out_name,
                  GError        **error)
{
  /* Translators: the thing in “There is no %s with id %d.” */
  return load_text (db, "SELECT name FROM person WHERE id = ?1", person_id, _("person"), out_name, error);
}

gboolean
_yishi_contest_load_judge (YishiDatabase  *db,
                           gint64          contest_id,
                           gint64          person_id,
                           char          **out_name,
                           GError        **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  if (!load_person_name (db, person_id, out_name, error))
    return FALSE;
  stmt = _yishi_database_prepare (db,
      "SELECT 1 FROM contest_judge WHERE contest_id = ?1 AND person_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: a person's name, then a contest's id */
                 _("%s is not a judge of contest %" PRId64 "."), *out_name, contest_id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

gboolean
_yishi_contest_load_entry (YishiDatabase  *db,
                           gint64          contest_id,
                           gint64          proposal_id,
                           char          **out_title,
                           GError        **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  /* Translators: the thing in “There is no %s with id %d.” */
  if (!load_text (db, "SELECT title FROM proposal WHERE id = ?1", proposal_id, _("proposal"),
                  out_title, error))
    return FALSE;
  stmt = _yishi_database_prepare (db,
      "SELECT 1 FROM contest_entry WHERE contest_id = ?1 AND proposal_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, proposal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: a proposal's title, then a contest's id */
                 _("“%s” is not entered in contest %" PRId64 "."), *out_title, contest_id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

/* Whether a row matches (contest ?1, ?2[, ?3]); @out_exists tells. */
static gboolean
row_exists (YishiDatabase  *db,
            const char     *sql,
            gint64          contest_id,
            gint64          a,
            gint64          b,
            gboolean       *out_exists,
            GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, a);
  if (b > 0)
    sqlite3_bind_int64 (stmt, 3, b);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), FALSE;
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
insert_recusal (YishiDatabase       *db,
                gint64               contest_id,
                gint64               judge_id,
                gint64               proposal_id,
                YishiRecusalReason   reason,
                const char          *note,
                gint64              *out_id,
                GError             **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO contest_recusal (uuid, contest_id, person_id, proposal_id, reason, note)"
      " VALUES (?1, ?2, ?3, ?4, ?5, trim(?6))", error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, contest_id);
  sqlite3_bind_int64 (stmt, 3, judge_id);
  sqlite3_bind_int64 (stmt, 4, proposal_id);
  _yishi_bind_static_text (stmt, 5, yishi_recusal_reason_to_key (reason));
  _yishi_bind_text (stmt, 6, note != NULL ? note : "");
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

/* The judges and entries of a contest, of which @judge_id is the judge
 * or @proposal_id the proposal (both 0: all of them), where the judge proposed it or, when
 * the contest says so, shares the proposer's grid — and is not recused
 * yet. Being the proposer is the reason given when both hold. */
static gboolean
find_auto_recusals (YishiDatabase  *db,
                    gint64          contest_id,
                    gint64          judge_id,
                    gint64          proposal_id,
                    GArray         *found,
                    GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT j.person_id, e.proposal_id, j.person_id IS p.proposer_id FROM contest c"
      " JOIN contest_judge j ON j.contest_id = c.id JOIN contest_entry e ON e.contest_id = c.id"
      " JOIN proposal p ON p.id = e.proposal_id JOIN person jp ON jp.id = j.person_id"
      " LEFT JOIN person pp ON pp.id = p.proposer_id"
      " WHERE c.id = ?1 AND ((?2 = 0 AND ?3 = 0) OR j.person_id = ?2 OR e.proposal_id = ?3)"
      " AND (j.person_id IS p.proposer_id OR (c.recuse_same_grid = 1 AND jp.grid_id = pp.grid_id))"
      " AND NOT EXISTS (SELECT 1 FROM contest_recusal r WHERE r.contest_id = c.id"
      " AND r.person_id = j.person_id AND r.proposal_id = e.proposal_id)"
      " ORDER BY e.proposal_id, j.person_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, judge_id);
  sqlite3_bind_int64 (stmt, 3, proposal_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AutoRecusal recusal = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2) ? YISHI_RECUSAL_PROPOSER : YISHI_RECUSAL_SAME_GRID,
      };

      g_array_append_val (found, recusal);
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

/* Pass 0 for the side that did not change, 0 for both after the
 * contest's rule changed. Found first and inserted after, so the search
 * does not read the table it writes. */
gboolean
_yishi_contest_apply_auto_recusals (YishiDatabase  *db,
                     gint64          contest_id,
                     gint64          judge_id,
                     gint64          proposal_id,
                     GError        **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (AutoRecusal));
  gint64 id = 0;

  if (!find_auto_recusals (db, contest_id, judge_id, proposal_id, found, error))
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      const AutoRecusal *recusal = &g_array_index (found, AutoRecusal, i);

      if (!insert_recusal (db, contest_id, recusal->judge_id, recusal->proposal_id, recusal->reason, NULL,
                           &id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_member (YishiDatabase  *db,
               const char     *sql,
               gint64          contest_id,
               gint64          member_id,
               gint64         *out_id,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, contest_id);
  sqlite3_bind_int64 (stmt, 3, member_id);
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

static gboolean
check_not_judge (YishiDatabase  *db,
                 gint64          contest_id,
                 gint64          person_id,
                 const char     *name,
                 GError        **error)
{
  gboolean exists = FALSE;

  if (!row_exists (db, "SELECT 1 FROM contest_judge WHERE contest_id = ?1 AND person_id = ?2",
                   contest_id, person_id, 0, &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a person's name, then a contest's id */
               _("%s is already a judge of contest %" PRId64 "."), name, contest_id);
  return FALSE;
}

gint64
yishi_contest_store_add_judge (YishiDatabase  *db,
                               gint64          contest_id,
                               gint64          person_id,
                               GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *name = NULL;
  YishiContestInfo contest;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_not_published (&contest, error) &&
       load_person_name (db, person_id, &name, error) &&
       check_not_judge (db, contest_id, person_id, name, error) &&
       insert_member (db, "INSERT INTO contest_judge (uuid, contest_id, person_id) VALUES (?1, ?2, ?3)",
                      contest_id, person_id, &id, error) &&
       _yishi_contest_apply_auto_recusals (db, contest_id, person_id, 0, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

/* Only what screening let through is judged. */
static gboolean
check_enterable (YishiDatabase  *db,
                 gint64          contest_id,
                 gint64          proposal_id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT title, status, EXISTS (SELECT 1 FROM contest_entry WHERE contest_id = ?2 AND proposal_id = ?1)"
      " FROM proposal WHERE id = ?1", error);
  YishiProposalStatus status;
  const char *title;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, proposal_id);
  sqlite3_bind_int64 (stmt, 2, contest_id);
  /* Translators: the thing in “There is no %s with id %d.” */
  if (!_yishi_meeting_step_row (db, stmt, _("proposal"), proposal_id, error))
    return FALSE;
  title = _yishi_column_text (stmt, 0);
  if (sqlite3_column_int64 (stmt, 2))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: a proposal's title, then a contest's id */
                   _("“%s” is already entered in contest %" PRId64 "."), title, contest_id);
      return FALSE;
    }
  if (!yishi_proposal_status_from_key (_yishi_column_text (stmt, 1), &status))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                   _("Proposal %" PRId64 " has a status this Yishi does not know."), proposal_id);
      return FALSE;
    }
  if (status == YISHI_PROPOSAL_STATUS_SCREENED_IN || status == YISHI_PROPOSAL_STATUS_SHORTLISTED)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               /* Translators: a proposal's title, then its status as shown to users */
               _("“%s” is %s: only a screened-in or shortlisted proposal can be entered in a contest."),
               title, yishi_proposal_status_label (status));
  return FALSE;
}

gint64
yishi_contest_store_enter (YishiDatabase  *db,
                           gint64          contest_id,
                           gint64          proposal_id,
                           GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_SETUP, error) &&
       check_enterable (db, contest_id, proposal_id, error) &&
       insert_member (db, "INSERT INTO contest_entry (uuid, contest_id, proposal_id) VALUES (?1, ?2, ?3)",
                      contest_id, proposal_id, &id, error) &&
       _yishi_contest_apply_auto_recusals (db, contest_id, 0, proposal_id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

gboolean
_yishi_contest_is_recused (YishiDatabase  *db,
                           gint64          contest_id,
                           gint64          judge_id,
                           gint64          proposal_id,
                           gboolean       *out_recused,
                           GError        **error)
{
  return row_exists (db, "SELECT 1 FROM contest_recusal WHERE contest_id = ?1 AND person_id = ?2"
                         " AND proposal_id = ?3", contest_id, judge_id, proposal_id, out_recused, error);
}

static gboolean
check_not_recused (YishiDatabase  *db,
                   gint64          contest_id,
                   gint64          judge_id,
                   gint64          proposal_id,
                   const char     *name,
                   const char     *title,
                   GError        **error)
{
  gboolean exists = FALSE;

  if (!_yishi_contest_is_recused (db, contest_id, judge_id, proposal_id, &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: a judge's name, then a proposal's title */
               _("%s is recused from “%s” already."), name, title);
  return FALSE;
}

/* A recused judge's scores of the proposal must not count. */
static gboolean
delete_scores (YishiDatabase  *db,
               gint64          contest_id,
               gint64          judge_id,
               gint64          proposal_id,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "DELETE FROM contest_score WHERE contest_id = ?1 AND proposal_id = ?3 AND person_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, judge_id);
  sqlite3_bind_int64 (stmt, 3, proposal_id);
  return _yishi_database_step_done (db, stmt, error);
}

gint64
yishi_contest_store_recuse (YishiDatabase       *db,
                            gint64               contest_id,
                            gint64               judge_id,
                            gint64               proposal_id,
                            YishiRecusalReason   reason,
                            const char          *note,
                            GError             **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  YishiContestInfo contest;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail ((guint) reason <= YISHI_RECUSAL_OTHER, 0);

  if (reason == YISHI_RECUSAL_OTHER && _yishi_contest_is_blank (note))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("A recusal for another reason needs a note that says what it is."));
      return 0;
    }
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_not_published (&contest, error) &&
       _yishi_contest_load_judge (db, contest_id, judge_id, &name, error) &&
       _yishi_contest_load_entry (db, contest_id, proposal_id, &title, error) &&
       check_not_recused (db, contest_id, judge_id, proposal_id, name, title, error) &&
       delete_scores (db, contest_id, judge_id, proposal_id, error) &&
       insert_recusal (db, contest_id, judge_id, proposal_id, reason, note, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}
