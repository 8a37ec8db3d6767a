#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-roster.h"
#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"

/* Reading a contest's judges, entries and recusals with the progress
 * of the scoring, and taking back what was added by mistake. */

void
yishi_contest_judge_row_free (YishiContestJudgeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->grid);
  g_free (row);
}

void
yishi_contest_entry_row_free (YishiContestEntryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->title);
  g_free (row->proposer);
  g_free (row);
}

void
yishi_contest_recusal_row_free (YishiContestRecusalRow *row)
{
  if (row == NULL)
    return;
  g_free (row->judge);
  g_free (row->title);
  g_free (row->note);
  g_free (row);
}

void
yishi_contest_roster_free (YishiContestRoster *roster)
{
  if (roster == NULL)
    return;
  g_clear_pointer (&roster->contest, yishi_contest_row_free);
  g_clear_pointer (&roster->criteria, g_ptr_array_unref);
  g_clear_pointer (&roster->judges, g_ptr_array_unref);
  g_clear_pointer (&roster->entries, g_ptr_array_unref);
  g_clear_pointer (&roster->recusals, g_ptr_array_unref);
  g_free (roster);
}

YishiContestRoster *
yishi_contest_store_roster (YishiDatabase  *db,
                            gint64          contest_id,
                            GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiContestRoster) roster = g_new0 (YishiContestRoster, 1);
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  /* one transaction: the progress of judges and entries agree */
  if (!_yishi_database_begin (db, error))
    return NULL;
  ok = (roster->contest = yishi_contest_store_get (db, contest_id, error)) != NULL &&
       (roster->criteria = yishi_contest_store_list_criteria (db, contest_id, error)) != NULL &&
       (roster->judges = yishi_contest_store_list_judges (db, contest_id, error)) != NULL &&
       (roster->entries = yishi_contest_store_list_entries (db, contest_id, error)) != NULL &&
       (roster->recusals = yishi_contest_store_list_recusals (db, contest_id, error)) != NULL;
  if (!_yishi_database_finish (db, ok, error))
    return NULL;
  return g_steal_pointer (&roster);
}

typedef gpointer (*ReadRowFunc) (sqlite3_stmt *stmt);

/* The rows @sql selects for the contest ?1, each made by @read_row;
 * NULL with @error when the contest does not exist or a row is corrupt. */
static GPtrArray *
list_rows (YishiDatabase   *db,
           gint64           contest_id,
           const char      *sql,
           ReadRowFunc      read_row,
           GDestroyNotify   free_row,
           GError         **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(YishiStmt) stmt = NULL;
  YishiContestInfo contest;
  int rc;

  locker = _yishi_database_locker_new (db);
  if (!_yishi_contest_load (db, contest_id, &contest, error) ||
      (stmt = _yishi_database_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = read_row (stmt);

      if (row == NULL)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                       _("Contest %" PRId64 " has a setting this Yishi does not know."), contest_id);
          return NULL;
        }
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&rows);
}

static gpointer
read_judge (sqlite3_stmt *stmt)
{
  YishiContestJudgeRow *row = g_new0 (YishiContestJudgeRow, 1);

  row->person_id = sqlite3_column_int64 (stmt, 0);
  row->name = g_strdup (_yishi_column_text (stmt, 1));
  row->grid = g_strdup (_yishi_column_text (stmt, 2));
  row->n_scored = (guint) sqlite3_column_int64 (stmt, 3);
  row->n_expected = (guint) MAX (sqlite3_column_int64 (stmt, 4), 0);
  return row;
}

GPtrArray *
yishi_contest_store_list_judges (YishiDatabase  *db,
                                 gint64          contest_id,
                                 GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return list_rows (db, contest_id,
      "SELECT j.person_id, p.name, coalesce(g.name, ''),"
      " (SELECT count(*) FROM contest_score s WHERE s.contest_id = j.contest_id AND s.person_id = j.person_id),"
      " ((SELECT count(*) FROM contest_entry e WHERE e.contest_id = j.contest_id)"
      "  - (SELECT count(*) FROM contest_recusal r WHERE r.contest_id = j.contest_id"
      "     AND r.person_id = j.person_id))"
      " * (SELECT count(*) FROM contest_criterion c WHERE c.contest_id = j.contest_id)"
      " FROM contest_judge j JOIN person p ON p.id = j.person_id LEFT JOIN grid g ON g.id = p.grid_id"
      " WHERE j.contest_id = ?1 ORDER BY p.name, p.id",
      read_judge, (GDestroyNotify) yishi_contest_judge_row_free, error);
}

static gpointer
read_entry (sqlite3_stmt *stmt)
{
  YishiContestEntryRow *row = g_new0 (YishiContestEntryRow, 1);

  row->proposal_id = sqlite3_column_int64 (stmt, 0);
  row->code = g_strdup (_yishi_column_text (stmt, 1));
  row->title = g_strdup (_yishi_column_text (stmt, 2));
  row->proposer = g_strdup (_yishi_column_text (stmt, 3));
  row->cost_fen = sqlite3_column_int64 (stmt, 4);
  row->n_scored = (guint) sqlite3_column_int64 (stmt, 5);
  row->n_expected = (guint) MAX (sqlite3_column_int64 (stmt, 6), 0);
  return row;
}

GPtrArray *
yishi_contest_store_list_entries (YishiDatabase  *db,
                                  gint64          contest_id,
                                  GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return list_rows (db, contest_id,
      "SELECT e.proposal_id, substr(p.uuid, -8), p.title, coalesce(pp.name, ''), coalesce(p.cost_fen, 0),"
      " (SELECT count(*) FROM contest_score s WHERE s.contest_id = e.contest_id"
      "  AND s.proposal_id = e.proposal_id),"
      " ((SELECT count(*) FROM contest_judge j WHERE j.contest_id = e.contest_id)"
      "  - (SELECT count(*) FROM contest_recusal r WHERE r.contest_id = e.contest_id"
      "     AND r.proposal_id = e.proposal_id))"
      " * (SELECT count(*) FROM contest_criterion c WHERE c.contest_id = e.contest_id)"
      " FROM contest_entry e JOIN proposal p ON p.id = e.proposal_id"
      " LEFT JOIN person pp ON pp.id = p.proposer_id"
      " WHERE e.contest_id = ?1 ORDER BY e.proposal_id",
      read_entry, (GDestroyNotify) yishi_contest_entry_row_free, error);
}

static gpointer
read_recusal (sqlite3_stmt *stmt)
{
  g_autoptr(YishiContestRecusalRow) row = g_new0 (YishiContestRecusalRow, 1);

  row->judge_id = sqlite3_column_int64 (stmt, 0);
  row->judge = g_strdup (_yishi_column_text (stmt, 1));
  row->proposal_id = sqlite3_column_int64 (stmt, 2);
  row->title = g_strdup (_yishi_column_text (stmt, 3));
  row->note = g_strdup (_yishi_column_text (stmt, 5));
  if (!yishi_recusal_reason_from_key (_yishi_column_text (stmt, 4), &row->reason))
    return NULL;
  return g_steal_pointer (&row);
}

GPtrArray *
yishi_contest_store_list_recusals (YishiDatabase  *db,
                                   gint64          contest_id,
                                   GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return list_rows (db, contest_id,
      "SELECT r.person_id, jp.name, r.proposal_id, p.title, r.reason, r.note FROM contest_recusal r"
      " JOIN person jp ON jp.id = r.person_id JOIN proposal p ON p.id = r.proposal_id"
      " WHERE r.contest_id = ?1 ORDER BY jp.name, r.person_id, r.proposal_id",
      read_recusal, (GDestroyNotify) yishi_contest_recusal_row_free, error);
}

GArray *
yishi_contest_store_read_judge_scores (YishiDatabase  *db,
                                       gint64          contest_id,
                                       gint64          judge_id,
                                       GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (YishiContestScoreRow));
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *name = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_contest_load_judge (db, contest_id, judge_id, &name, error) ||
      (stmt = _yishi_database_prepare (db,
          "SELECT s.proposal_id, s.criterion_id, s.points FROM contest_score s"
          " JOIN contest_criterion c ON c.id = s.criterion_id"
          " WHERE s.contest_id = ?1 AND s.person_id = ?2 ORDER BY s.proposal_id, c.position", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, judge_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiContestScoreRow score = {
        sqlite3_column_int64 (stmt, 0), judge_id, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (scores, score);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&scores);
}

/* Runs @sql with the contest as ?1 and, where it has them, @a as ?2
 * and @b as ?3. */
static gboolean
exec_change (YishiDatabase  *db,
             const char     *sql,
             gint64          contest_id,
             gint64          a,
             gint64          b,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  const gint64 values[] = { contest_id, a, b };
  int n;

  if (stmt == NULL)
    return FALSE;
  n = MIN (sqlite3_bind_parameter_count (stmt), (int) G_N_ELEMENTS (values));
  for (int i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, i + 1, values[i]);
  return _yishi_database_step_done (db, stmt, error);
}

/* Finds a judge or an entry of the contest, naming it in @out_name. */
typedef gboolean (*LoadMemberFunc) (YishiDatabase  *db,
                                    gint64          contest_id,
                                    gint64          id,
                                    char          **out_name,
                                    GError        **error);

/* Takes a judge or an entry away in setup, found by @load and deleted
 * by @sql (?1 the contest, ?2 @id); their recusals go with them. */
static gboolean
remove_member (YishiDatabase   *db,
               gint64           contest_id,
               gint64           id,
               LoadMemberFunc   load,
               const char      *sql,
               GError         **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autofree char *name = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_SETUP, error) &&
       load (db, contest_id, id, &name, error) &&
       exec_change (db, sql, contest_id, id, 0, error);
  return _yishi_database_finish (db, ok, error);
}

gboolean
yishi_contest_store_remove_judge (YishiDatabase  *db,
                                  gint64          contest_id,
                                  gint64          person_id,
                                  GError        **error)
{
  return remove_member (db, contest_id, person_id, _yishi_contest_load_judge,
                        "DELETE FROM contest_judge WHERE contest_id = ?1 AND person_id = ?2", error);
}

gboolean
yishi_contest_store_remove_entry (YishiDatabase  *db,
                                  gint64          contest_id,
                                  gint64          proposal_id,
                                  GError        **error)
{
  return remove_member (db, contest_id, proposal_id, _yishi_contest_load_entry,
                        "DELETE FROM contest_entry WHERE contest_id = ?1 AND proposal_id = ?2", error);
}

/* The criteria after the one taken away move up a place. Positions are
 * unique, so they pass through numbers no criterion has on the way. */
gboolean
yishi_contest_store_remove_criterion (YishiDatabase  *db,
                                      gint64          contest_id,
                                      gint64          criterion_id,
                                      GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gint64 position = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_state (&contest, YISHI_CONTEST_STATE_SETUP, error) &&
       _yishi_contest_load_criterion_position (db, contest_id, criterion_id, &position, error) &&
       exec_change (db, "DELETE FROM contest_criterion WHERE contest_id = ?1 AND id = ?2",
                    contest_id, criterion_id, 0, error) &&
       exec_change (db, "UPDATE contest_criterion SET position = position + 1000000"
                        " WHERE contest_id = ?1 AND position > ?2",
                    contest_id, position, 0, error) &&
       exec_change (db, "UPDATE contest_criterion SET position = position - 1000001"
                        " WHERE contest_id = ?1 AND position > 1000000",
                    contest_id, 0, 0, error);
  return _yishi_database_finish (db, ok, error);
}

static gboolean
check_removable_recusal (YishiDatabase  *db,
                         gint64          contest_id,
                         gint64          judge_id,
                         gint64          proposal_id,
                         GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT r.reason, p.name, e.title FROM contest_recusal r JOIN person p ON p.id = r.person_id"
      " JOIN proposal e ON e.id = r.proposal_id"
      " WHERE r.contest_id = ?1 AND r.person_id = ?2 AND r.proposal_id = ?3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  sqlite3_bind_int64 (stmt, 2, judge_id);
  sqlite3_bind_int64 (stmt, 3, proposal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 /* Translators: a judge's person id, a proposal's id */
                 _("Judge %" PRId64 " is not recused from proposal %" PRId64 "."), judge_id, proposal_id);
  else if (rc != SQLITE_ROW)
    _yishi_database_set_error (db, error);
  else if (g_strcmp0 (_yishi_column_text (stmt, 0), "proposer") == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: a judge's name, then a proposal's title */
                 _("%s proposed “%s” and can never score it."),
                 _yishi_column_text (stmt, 1), _yishi_column_text (stmt, 2));
  else
    return TRUE;
  return FALSE;
}

gboolean
yishi_contest_store_remove_recusal (YishiDatabase  *db,
                                    gint64          contest_id,
                                    gint64          judge_id,
                                    gint64          proposal_id,
                                    GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_not_published (&contest, error) &&
       check_removable_recusal (db, contest_id, judge_id, proposal_id, error) &&
       exec_change (db, "DELETE FROM contest_recusal WHERE contest_id = ?1 AND person_id = ?2"
                        " AND proposal_id = ?3", contest_id, judge_id, proposal_id, error);
  return _yishi_database_finish (db, ok, error);
}
