#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-store-private.h"
#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-store-keys.h"
#include "yishi-meeting-store-private.h"

/* Proposal contests (提案大赛) and their states. Criteria are in
 * yishi-contest-criteria.c, judges, entries and recusals in
 * yishi-contest-judging.c, scores in yishi-contest-scoring.c. */

static const char * const scope_keys[] = { "community", "district" };
static const char * const state_keys[] = { "setup", "judging", "published" };
static const char * const reason_keys[] = { "proposer", "same-grid", "relative", "other" };

#define CONTEST_COLUMNS \
  "id, uuid, name, organiser, scope, budget_fen, opens_on, closes_on, state, aggregation, funding," \
  " coalesce(top_n, 0), recuse_same_grid, lots_seed, objection_days, published_on"

YISHI_STORE_KEY_FUNCS (yishi_contest_scope, YishiContestScope, scope_keys)
YISHI_STORE_KEY_FUNCS (yishi_contest_state, YishiContestState, state_keys)
YISHI_STORE_KEY_FUNCS (yishi_recusal_reason, YishiRecusalReason, reason_keys)

YishiContestDraft *
yishi_contest_draft_new (void)
{
  YishiContestDraft *draft = g_new0 (YishiContestDraft, 1);

  draft->lots_seed = -1;
  draft->objection_days = YISHI_CONTEST_DEFAULT_OBJECTION_DAYS;
  return draft;
}

void
yishi_contest_draft_free (YishiContestDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->name);
  g_free (draft->organiser);
  g_free (draft->opens_on);
  g_free (draft->closes_on);
  g_free (draft);
}

void
yishi_contest_row_free (YishiContestRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->name);
  g_free (row->organiser);
  g_free (row->opens_on);
  g_free (row->closes_on);
  g_free (row->published_on);
  g_free (row);
}

void
yishi_contest_criterion_row_free (YishiContestCriterionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->description);
  g_free (row);
}

static char *
dup_optional (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL
                                                          : g_strdup (_yishi_column_text (stmt, column));
}

/* FALSE for a key this Yishi does not know. */
static gboolean
read_contest_row (sqlite3_stmt     *stmt,
                  YishiContestRow  *row)
{
  guint scope = 0, state = 0;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = g_strdup (_yishi_column_text (stmt, 1));
  row->name = g_strdup (_yishi_column_text (stmt, 2));
  row->organiser = g_strdup (_yishi_column_text (stmt, 3));
  row->budget_fen = sqlite3_column_int64 (stmt, 5);
  row->opens_on = dup_optional (stmt, 6);
  row->closes_on = dup_optional (stmt, 7);
  row->top_n = (guint) sqlite3_column_int64 (stmt, 11);
  row->recuse_same_grid = sqlite3_column_int64 (stmt, 12) != 0;
  row->lots_seed = (guint64) sqlite3_column_int64 (stmt, 13);
  row->objection_days = (guint) sqlite3_column_int64 (stmt, 14);
  row->published_on = dup_optional (stmt, 15);
  if (!_yishi_store_key_lookup (scope_keys, G_N_ELEMENTS (scope_keys), _yishi_column_text (stmt, 4), &scope) ||
      !_yishi_store_key_lookup (state_keys, G_N_ELEMENTS (state_keys), _yishi_column_text (stmt, 8), &state) ||
      !yishi_contest_aggregation_from_key (_yishi_column_text (stmt, 9), &row->aggregation) ||
      !yishi_contest_funding_rule_from_key (_yishi_column_text (stmt, 10), &row->funding))
    return FALSE;
  row->scope = (YishiContestScope) scope;
  row->state = (YishiContestState) state;
  return TRUE;
}

static gboolean
set_corrupt (gint64    contest_id,
             GError  **error)
{
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               _("Contest %" PRId64 " has a setting this Yishi does not know."), contest_id);
  return FALSE;
}

gboolean
_yishi_contest_load (YishiDatabase     *db,
                     gint64             contest_id,
                     YishiContestInfo  *info,
                     GError           **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT state FROM contest WHERE id = ?1", error);
  guint state = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  /* Translators: the thing in “There is no %s with id %d.”: a proposal contest (提案大赛) */
  if (!_yishi_meeting_step_row (db, stmt, _("contest"), contest_id, error))
    return FALSE;
  if (!_yishi_store_key_lookup (state_keys, G_N_ELEMENTS (state_keys), _yishi_column_text (stmt, 0), &state))
    return set_corrupt (contest_id, error);
  info->id = contest_id;
  info->state = (YishiContestState) state;
  return TRUE;
}

gboolean
_yishi_contest_check_not_published (const YishiContestInfo  *info,
                                    GError                 **error)
{
  if (info->state != YISHI_CONTEST_STATE_PUBLISHED)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Contest %" PRId64 " has published its results: its judges, recusals and scores can no"
                 " longer change."),
               info->id);
  return FALSE;
}

gboolean
_yishi_contest_check_state (const YishiContestInfo  *info,
                            YishiContestState        state,
                            GError                 **error)
{
  if (info->state == state)
    return TRUE;
  if (!_yishi_contest_check_not_published (info, error))
    return FALSE;

  if (state == YISHI_CONTEST_STATE_SETUP)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 _("Contest %" PRId64 " is being judged: its criteria and entries can no longer change."),
                 info->id);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 _("Contest %" PRId64 " is still being set up: judges score once judging has started."),
                 info->id);
  return FALSE;
}

gboolean
_yishi_contest_is_blank (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *trimmed == '\0';
}

static gboolean
check_draft (const YishiContestDraft  *draft,
             GError                  **error)
{
  if (_yishi_contest_is_blank (draft->name))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE, _("A contest needs a name."));
      return FALSE;
    }
  if (draft->budget_fen < 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is the contest's name */
                   _("The budget of contest “%s” cannot be below zero."), draft->name);
      return FALSE;
    }
  if ((draft->opens_on != NULL && !_yishi_store_check_date (draft->opens_on, error)) ||
      (draft->closes_on != NULL && !_yishi_store_check_date (draft->closes_on, error)))
    return FALSE;
  if (draft->opens_on != NULL && draft->closes_on != NULL && strcmp (draft->closes_on, draft->opens_on) < 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: the dates a contest takes proposals, last and first */
                   _("A contest cannot close for submissions on %s, before it opens on %s."),
                   draft->closes_on, draft->opens_on);
      return FALSE;
    }
  if ((draft->funding == YISHI_CONTEST_FUNDING_TOP_N) != (draft->top_n > 0))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("A contest that funds its top N proposals needs N, and only such a contest has one."));
      return FALSE;
    }
  if (draft->objection_days < 1 || draft->objection_days > YISHI_CONTEST_MAX_OBJECTION_DAYS)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: the public notice's objection period (公示期), in days */
                   _("The objection period of contest “%s” must be from 1 to %d days, not %u."),
                   draft->name, YISHI_CONTEST_MAX_OBJECTION_DAYS, draft->objection_days);
      return FALSE;
    }
  return TRUE;
}

/* @contest_id is the contest being renamed, 0 for a new one. */
static gboolean
check_name_free (YishiDatabase  *db,
                 const char     *name,
                 gint64          contest_id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT 1 FROM contest WHERE name = trim(?1) AND id <> ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _yishi_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, contest_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 _("There is already a contest called “%s”."), name);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

/* The seed of the lots that break the last ties, drawn once so that
 * the same scores always give the same ranking. */
static gint64
draw_seed (void)
{
  return (gint64) ((((guint64) g_random_int () << 32) | g_random_int ()) & G_MAXINT64);
}

/* Binds the draft's settings to ?2…?12 of an INSERT or UPDATE. */
static void
bind_draft (sqlite3_stmt             *stmt,
            const YishiContestDraft  *draft)
{
  _yishi_bind_text (stmt, 2, draft->name);
  _yishi_bind_text (stmt, 3, draft->organiser != NULL ? draft->organiser : "");
  _yishi_bind_static_text (stmt, 4, scope_keys[draft->scope]);
  sqlite3_bind_int64 (stmt, 5, draft->budget_fen);
  if (draft->opens_on != NULL)
    _yishi_bind_text (stmt, 6, draft->opens_on);
  if (draft->closes_on != NULL)
    _yishi_bind_text (stmt, 7, draft->closes_on);
  _yishi_bind_static_text (stmt, 8, yishi_contest_aggregation_to_key (draft->aggregation));
  _yishi_bind_static_text (stmt, 9, yishi_contest_funding_rule_to_key (draft->funding));
  _yishi_bind_optional_int (stmt, 10, draft->top_n > 0 ? (gint64) draft->top_n : -1);
  sqlite3_bind_int (stmt, 11, draft->recuse_same_grid ? 1 : 0);
  sqlite3_bind_int64 (stmt, 12, draft->objection_days);
}

static gboolean
insert_contest (YishiDatabase            *db,
                const YishiContestDraft  *draft,
                gint64                   *out_id,
                GError                  **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "INSERT INTO contest (uuid, name, organiser, scope, budget_fen, opens_on, closes_on, aggregation,"
      " funding, top_n, recuse_same_grid, objection_days, lots_seed)"
      " VALUES (?1, trim(?2), trim(?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  char uuid[YISHI_UUID_LENGTH + 1];

  if (stmt == NULL)
    return FALSE;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  bind_draft (stmt, draft);
  sqlite3_bind_int64 (stmt, 13, draft->lots_seed >= 0 ? draft->lots_seed : draw_seed ());
  return _yishi_database_step_insert (db, stmt, out_id, error);
}

static gboolean
update_contest (YishiDatabase            *db,
                gint64                    contest_id,
                const YishiContestDraft  *draft,
                GError                  **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE contest SET name = trim(?2), organiser = trim(?3), scope = ?4, budget_fen = ?5,"
      " opens_on = ?6, closes_on = ?7, aggregation = ?8, funding = ?9, top_n = ?10,"
      " recuse_same_grid = ?11, objection_days = ?12, updated_at = ?13 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  bind_draft (stmt, draft);
  _yishi_bind_static_text (stmt, 13, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

gint64
yishi_contest_store_add (YishiDatabase            *db,
                         const YishiContestDraft  *draft,
                         GError                  **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (draft != NULL, 0);
  g_return_val_if_fail ((guint) draft->scope < G_N_ELEMENTS (scope_keys), 0);
  g_return_val_if_fail ((guint) draft->aggregation < YISHI_N_CONTEST_AGGREGATIONS, 0);
  g_return_val_if_fail ((guint) draft->funding < YISHI_N_CONTEST_FUNDING_RULES, 0);

  if (!check_draft (draft, error))
    return 0;
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return 0;
  ok = check_name_free (db, draft->name, 0, error) &&
       insert_contest (db, draft, &id, error);
  return _yishi_database_finish (db, ok, error) ? id : 0;
}

/* Whether judges are recused from their own grid's proposals decides
 * who may score what: it changes in setup only, before any score. */
static gboolean
check_grid_rule (YishiDatabase            *db,
                 const YishiContestInfo   *contest,
                 const YishiContestDraft  *draft,
                 GError                  **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT recuse_same_grid FROM contest WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _yishi_database_set_error (db, error), FALSE;
  if ((sqlite3_column_int (stmt, 0) != 0) == (draft->recuse_same_grid != FALSE) ||
      contest->state == YISHI_CONTEST_STATE_SETUP)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               _("Contest %" PRId64 " is being judged: whether judges are recused from proposals of their"
                 " own grid can no longer change."),
               contest->id);
  return FALSE;
}

/* Turning the rule off takes back the recusals it made. */
static gboolean
apply_grid_rule (YishiDatabase            *db,
                 gint64                    contest_id,
                 const YishiContestDraft  *draft,
                 GError                  **error)
{
  g_autoptr(YishiStmt) stmt = NULL;

  if (draft->recuse_same_grid)
    return _yishi_contest_apply_auto_recusals (db, contest_id, 0, 0, error);
  stmt = _yishi_database_prepare (db,
      "DELETE FROM contest_recusal WHERE contest_id = ?1 AND reason = 'same-grid'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  return _yishi_database_step_done (db, stmt, error);
}

gboolean
yishi_contest_store_update (YishiDatabase            *db,
                            gint64                    contest_id,
                            const YishiContestDraft  *draft,
                            GError                  **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  YishiContestInfo contest;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);
  g_return_val_if_fail ((guint) draft->scope < G_N_ELEMENTS (scope_keys), FALSE);
  g_return_val_if_fail ((guint) draft->aggregation < YISHI_N_CONTEST_AGGREGATIONS, FALSE);
  g_return_val_if_fail ((guint) draft->funding < YISHI_N_CONTEST_FUNDING_RULES, FALSE);

  if (!check_draft (draft, error))
    return FALSE;
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_contest_load (db, contest_id, &contest, error) &&
       _yishi_contest_check_not_published (&contest, error) &&
       check_grid_rule (db, &contest, draft, error) &&
       check_name_free (db, draft->name, contest_id, error) &&
       update_contest (db, contest_id, draft, error) &&
       apply_grid_rule (db, contest_id, draft, error);
  return _yishi_database_finish (db, ok, error);
}

YishiContestRow *
yishi_contest_store_get (YishiDatabase  *db,
                         gint64          contest_id,
                         GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autoptr(YishiContestRow) row = g_new0 (YishiContestRow, 1);

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " CONTEST_COLUMNS " FROM contest WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  /* Translators: the thing in “There is no %s with id %d.”: a proposal contest (提案大赛) */
  if (!_yishi_meeting_step_row (db, stmt, _("contest"), contest_id, error))
    return NULL;
  if (!read_contest_row (stmt, row))
    return set_corrupt (contest_id, error), NULL;
  return g_steal_pointer (&row);
}

GPtrArray *
yishi_contest_store_list (YishiDatabase  *db,
                          GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_contest_row_free);
  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " CONTEST_COLUMNS " FROM contest ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiContestRow *row = g_new0 (YishiContestRow, 1);

      g_ptr_array_add (rows, row);
      if (!read_contest_row (stmt, row))
        return set_corrupt (row->id, error), NULL;
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&rows);
}
