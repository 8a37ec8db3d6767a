#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-community-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-person-store-private.h"
#include "yishi-proposal-private.h"
#include "yishi-proposal-store-private.h"
#include "yishi-text.h"

/* Caches for one batch: name → id look-ups repeat across rows. */
typedef struct
{
  GHashTable *people;
  GHashTable *communities;
} ResolveCache;

#define INSERT_SQL \
  "INSERT INTO proposal (uuid, title, summary, body, proposer_id, community_id, category," \
  " location, cost_fen, households, people, submitted_on, status_reason, status, id," \
  " created_at, updated_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)"

static void
resolve_cache_clear (ResolveCache *cache)
{
  g_clear_pointer (&cache->people, g_hash_table_unref);
  g_clear_pointer (&cache->communities, g_hash_table_unref);
}

static void
resolve_cache_init (ResolveCache *cache)
{
  cache->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cache->communities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
resolve_community (YishiDatabase  *db,
                   const char     *name,
                   ResolveCache   *cache,
                   gint64         *out_id,
                   GError        **error)
{
  gint64 *cached = cache && name ? g_hash_table_lookup (cache->communities, name) : NULL;

  if (cached != NULL)
    return *out_id = *cached, TRUE;
  if (!_yishi_community_resolve (db, name, out_id, error))
    return FALSE;
  if (cache != NULL && name != NULL)
    g_hash_table_insert (cache->communities, g_strdup (name), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

static gboolean
check_person_exists (YishiDatabase  *db,
                     gint64          id,
                     GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "SELECT 1 FROM person WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no person with id %" PRId64 "."), id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

/* The proposer by id if given, else by name (added when new). */
static gboolean
resolve_proposer (YishiDatabase             *db,
                  const YishiProposalDraft  *draft,
                  ResolveCache              *cache,
                  gint64                    *out_id,
                  GError                   **error)
{
  if (draft->proposer_id > 0)
    {
      *out_id = draft->proposer_id;
      return check_person_exists (db, draft->proposer_id, error);
    }

  return _yishi_person_resolve (db, draft->proposer_name, draft->proposer_phone,
                                cache ? cache->people : NULL, out_id, error);
}

/* The title without the spaces around it. Nearly every title has
 * none, and is bound as it is; SQLite needs its NUL for the CHECK. */
static void
bind_title (sqlite3_stmt *stmt,
            int           index,
            const char   *title)
{
  gsize length;
  const char *start = yishi_text_strip_span (title, &length);

  if (start == title && title[length] == '\0')
    _yishi_bind_static_text (stmt, index, title);
  else
    sqlite3_bind_text (stmt, index, start, length, SQLITE_TRANSIENT);
}

/* Binds the columns INSERT and UPDATE share, ?2 … ?12, without copies:
 * @draft, already validated, must outlive the statement's step. */
static void
bind_fields (sqlite3_stmt             *stmt,
             const YishiProposalDraft *draft,
             gint64                    proposer_id,
             gint64                    community_id)
{
  bind_title (stmt, 2, draft->title);
  _yishi_bind_static_text (stmt, 3, draft->summary);
  _yishi_bind_static_text (stmt, 4, draft->body);
  _yishi_bind_optional_int (stmt, 5, proposer_id > 0 ? proposer_id : -1);
  _yishi_bind_optional_int (stmt, 6, community_id > 0 ? community_id : -1);
  _yishi_bind_static_text (stmt, 7, yishi_category_to_key (draft->category));
  _yishi_bind_static_text (stmt, 8, draft->location);
  _yishi_bind_optional_int (stmt, 9, draft->cost_fen);
  _yishi_bind_optional_int (stmt, 10, draft->households);
  _yishi_bind_optional_int (stmt, 11, draft->people);
  if (draft->submitted_on != NULL)
    _yishi_bind_static_text (stmt, 12, draft->submitted_on);
  else
    sqlite3_bind_null (stmt, 12);
}

/* One spelling of a UUID, lower case, so that merging by UUID never
 * doubles a record; a new time-ordered one when the draft has none. */
static void
make_uuid (YishiDatabase            *db,
           const YishiProposalDraft *draft,
           char                      out[YISHI_UUID_LENGTH + 1])
{
  if (draft->uuid == NULL)
    {
      _yishi_database_new_uuid (db, out);
      return;
    }

  /* validated: 36 characters */
  for (guint i = 0; i < YISHI_UUID_LENGTH; i++)
    out[i] = g_ascii_tolower (draft->uuid[i]);
  out[YISHI_UUID_LENGTH] = '\0';
}

/* Inside a write transaction, with @stmt prepared from INSERT_SQL;
 * @explicit_id > 0 re-inserts a deleted row under its old id (Undo).
 * With %YISHI_ADD_MANY_TEXT_CHECKED the caller has made sure that every
 * text is valid UTF-8, and only the other rules are checked. */
static gboolean
insert_draft (YishiDatabase             *db,
              sqlite3_stmt              *stmt,
              const YishiProposalDraft  *draft,
              gint64                     explicit_id,
              ResolveCache              *cache,
              YishiAddManyFlags          flags,
              gint64                    *out_id,
              GError                   **error)
{
  char uuid[YISHI_UUID_LENGTH + 1];
  gint64 proposer_id = 0, community_id = 0;
  gboolean ok;

  if ((flags & YISHI_ADD_MANY_TEXT_CHECKED) != 0 ?
      !yishi_proposal_draft_validate_values (draft, error) :
      !yishi_proposal_draft_validate (draft, error))
    return FALSE;
  if (!resolve_proposer (db, draft, cache, &proposer_id, error) ||
      !resolve_community (db, draft->community, cache, &community_id, error))
    return FALSE;

  make_uuid (db, draft, uuid);
  _yishi_bind_static_text (stmt, 1, uuid);
  bind_fields (stmt, draft, proposer_id, community_id);
  _yishi_bind_static_text (stmt, 13, draft->status_reason);
  _yishi_bind_static_text (stmt, 14, yishi_proposal_status_to_key (draft->status));
  _yishi_bind_optional_int (stmt, 15, explicit_id > 0 ? explicit_id : -1);
  _yishi_bind_static_text (stmt, 16, _yishi_database_get_now (db));
  ok = _yishi_database_step_done (db, stmt, error);
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (_yishi_database_get_handle (db));
  return TRUE;
}

static gboolean
matches_filter (YishiProposal             *proposal,
                const YishiProposalFilter *filter)
{
  return (!filter->has_status || yishi_proposal_get_status (proposal) == filter->status) &&
         (!filter->has_category || yishi_proposal_get_category (proposal) == filter->category);
}

static GPtrArray *
search_rows (GPtrArray  *rows,
             const char *query)
{
  g_autoptr(YishiTextIndex) index = yishi_proposal_store_build_index (rows);
  g_autoptr(GArray) ids = yishi_text_index_search (index, query);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    if (yishi_id_array_contains (ids, yishi_proposal_get_id (rows->pdata[i])))
      g_ptr_array_add (found, g_object_ref (rows->pdata[i]));

  return found;
}

/**
 * yishi_proposal_store_list:
 * The proposals that pass @filter (NULL: all), in id order.
 */
GPtrArray *
yishi_proposal_store_list (YishiDatabase              *db,
                           const YishiProposalFilter  *filter,
                           GError                    **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " YISHI_PROPOSAL_COLUMNS YISHI_PROPOSAL_FROM
                                      " ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      YishiProposal *proposal = _yishi_proposal_new_from_row (stmt);

      if (filter == NULL || matches_filter (proposal, filter))
        g_ptr_array_add (rows, proposal);
      else
        g_object_unref (proposal);
    }
  if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return NULL;
    }

  if (filter != NULL && !yishi_text_query_is_blank (filter->search))
    return search_rows (rows, filter->search);

  return g_steal_pointer (&rows);
}

guint
yishi_proposal_store_count (YishiDatabase  *db,
                            GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT count(*) FROM proposal", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        _yishi_database_set_error (db, error);
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}

YishiProposal *
yishi_proposal_store_get (YishiDatabase  *db,
                          gint64          id,
                          GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " YISHI_PROPOSAL_COLUMNS YISHI_PROPOSAL_FROM
                                      " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _yishi_proposal_new_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no proposal with id %" PRId64 "."), id);
  else
    _yishi_database_set_error (db, error);
  return NULL;
}

static YishiProposal *
insert_one (YishiDatabase             *db,
            const YishiProposalDraft  *draft,
            gint64                     explicit_id,
            GError                   **error)
{
  /* declared first, released last: the cached statement is reset while
   * this thread still holds the lock, not after another one bound it */
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = _yishi_database_locker_new (db);
  g_autoptr(YishiStmt) stmt = NULL;
  gint64 id = 0;

  if (!_yishi_database_begin (db, error))
    return NULL;
  stmt = _yishi_database_prepare (db, INSERT_SQL, error);
  if (stmt == NULL ||
      !insert_draft (db, stmt, draft, explicit_id, NULL, YISHI_ADD_MANY_DEFAULT, &id, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_proposal_store_get (db, id, error);
}

YishiProposal *
yishi_proposal_store_add (YishiDatabase             *db,
                          const YishiProposalDraft  *draft,
                          GError                   **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  return insert_one (db, draft, 0, error);
}

/* Puts a deleted proposal back as it was, under its old id and UUID. */
YishiProposal *
yishi_proposal_store_restore (YishiDatabase  *db,
                              YishiProposal  *snapshot,
                              GError        **error)
{
  g_autoptr(YishiProposalDraft) draft = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (YISHI_IS_PROPOSAL (snapshot), NULL);

  draft = yishi_proposal_to_draft (snapshot);
  return insert_one (db, draft, yishi_proposal_get_id (snapshot), error);
}

/* Inside a write transaction: inserts every draft, stopping at the
 * first failure, whose index goes to @out_failed. */
gboolean
_yishi_proposal_insert_batch (YishiDatabase      *db,
                              GPtrArray          *drafts,
                              YishiAddManyFlags   flags,
                              YishiProgressFunc   progress,
                              gpointer            progress_data,
                              GCancellable       *cancellable,
                              guint              *out_failed,
                              GError            **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  ResolveCache cache;
  gboolean ok = TRUE;

  *out_failed = 0;
  stmt = _yishi_database_prepare (db, INSERT_SQL, error);
  if (stmt == NULL)
    return FALSE;

  resolve_cache_init (&cache);
  for (guint i = 0; ok && i < drafts->len; i++)
    {
      gint64 id;

      *out_failed = i;
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           insert_draft (db, stmt, drafts->pdata[i], 0, &cache, flags, &id, error);
      if (ok && progress != NULL && (i % 1000 == 999 || i + 1 == drafts->len))
        progress (i + 1, drafts->len, progress_data);
    }
  resolve_cache_clear (&cache);

  return ok;
}

/**
 * yishi_proposal_store_add_many:
 * Adds every draft in one transaction: all of them, or none. On failure
 * @out_failed holds the index of the draft that failed.
 */
gboolean
yishi_proposal_store_add_many (YishiDatabase      *db,
                               GPtrArray          *drafts,
                               YishiProgressFunc   progress,
                               gpointer            progress_data,
                               GCancellable       *cancellable,
                               guint              *out_failed,
                               GError            **error)
{
  return yishi_proposal_store_add_many_full (db, drafts, YISHI_ADD_MANY_DEFAULT, progress,
                                             progress_data, cancellable, out_failed, error);
}

/**
 * yishi_proposal_store_add_many_full:
 * yishi_proposal_store_add_many () with @flags: %YISHI_ADD_MANY_TEXT_CHECKED
 * when the caller has checked that all the drafts' text is valid UTF-8,
 * as an import does for its whole file, so that it is not read again.
 * %YISHI_ADD_MANY_INTO_EMPTY does not apply.
 */
gboolean
yishi_proposal_store_add_many_full (YishiDatabase      *db,
                                    GPtrArray          *drafts,
                                    YishiAddManyFlags   flags,
                                    YishiProgressFunc   progress,
                                    gpointer            progress_data,
                                    GCancellable       *cancellable,
                                    guint              *out_failed,
                                    GError            **error)
{
  guint failed = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (drafts != NULL, FALSE);

  if (!_yishi_database_begin (db, error))
    return FALSE;
  if (!_yishi_proposal_insert_batch (db, drafts, flags, progress, progress_data, cancellable,
                                     &failed, error))
    {
      _yishi_database_rollback (db);
      if (out_failed != NULL)
        *out_failed = failed;
      return FALSE;
    }

  return _yishi_database_commit (db, error);
}

static gboolean
update_row (YishiDatabase             *db,
            gint64                     id,
            const YishiProposalDraft  *draft,
            GError                   **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  gint64 proposer_id = 0, community_id = 0;

  if (!yishi_proposal_draft_validate (draft, error) ||
      !resolve_proposer (db, draft, NULL, &proposer_id, error) ||
      !resolve_community (db, draft->community, NULL, &community_id, error))
    return FALSE;

  /* the status and its reason change only through set_status */
  stmt = _yishi_database_prepare (db,
      "UPDATE proposal SET title = ?2, summary = ?3, body = ?4, proposer_id = ?5,"
      " community_id = ?6, category = ?7, location = ?8, cost_fen = ?9, households = ?10,"
      " people = ?11, submitted_on = ?12,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_fields (stmt, draft, proposer_id, community_id);
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (_yishi_database_get_handle (db)) == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   _("There is no proposal with id %" PRId64 "."), id);
      return FALSE;
    }

  return TRUE;
}

/**
 * yishi_proposal_store_update:
 * Saves the fields of @draft to proposal @id; the status is left as it
 * is (see yishi_proposal_store_set_status ()).
 */
YishiProposal *
yishi_proposal_store_update (YishiDatabase             *db,
                             gint64                     id,
                             const YishiProposalDraft  *draft,
                             GError                   **error)
{
  g_autoptr(YishiProposalDraft) checked = NULL;
  g_autoptr(YishiProposal) current = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!_yishi_database_begin (db, error))
    return NULL;

  /* validate with the stored status, which this does not change */
  current = yishi_proposal_store_get (db, id, error);
  if (current != NULL)
    {
      checked = yishi_proposal_draft_copy (draft);
      checked->status = yishi_proposal_get_status (current);
      g_free (checked->status_reason);
      checked->status_reason = g_strdup (yishi_proposal_get_status_reason (current));
    }

  if (current == NULL || !update_row (db, id, checked, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_proposal_store_get (db, id, error);
}

/* Inside a write transaction: the move, checked against the lifecycle.
 * Also how a vote on an agenda item settles the item's proposal. */
gboolean
_yishi_proposal_write_status (YishiDatabase        *db,
                              gint64                id,
                              YishiProposalStatus   status,
                              const char           *reason,
                              GError              **error)
{
  g_autoptr(YishiProposal) current = yishi_proposal_store_get (db, id, error);
  g_autoptr(YishiStmt) stmt = NULL;

  if (current == NULL ||
      !yishi_proposal_status_check_move (yishi_proposal_get_status (current), status, reason, error))
    return FALSE;

  stmt = _yishi_database_prepare (db,
      "UPDATE proposal SET status = ?2, status_reason = ?3,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  _yishi_bind_text (stmt, 2, yishi_proposal_status_to_key (status));
  _yishi_bind_text (stmt, 3, reason);
  return _yishi_database_step_done (db, stmt, error);
}

/**
 * yishi_proposal_store_set_status:
 * Moves proposal @id to @status if the lifecycle allows it; the error
 * says which moves are allowed when it does not.
 */
YishiProposal *
yishi_proposal_store_set_status (YishiDatabase        *db,
                                 gint64                id,
                                 YishiProposalStatus   status,
                                 const char           *reason,
                                 GError              **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  if (!_yishi_database_begin (db, error))
    return NULL;
  if (!_yishi_proposal_write_status (db, id, status, reason, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_proposal_store_get (db, id, error);
}

gboolean
yishi_proposal_store_delete (YishiDatabase  *db,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "DELETE FROM proposal WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (_yishi_database_get_handle (db)) == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   _("There is no proposal with id %" PRId64 "."), id);
      return FALSE;
    }

  return TRUE;
}

/* An index over what search as you type looks at, keyed by proposal id. */
YishiTextIndex *
yishi_proposal_store_build_index (GPtrArray *proposals)
{
  YishiTextIndex *index = yishi_text_index_new ();

  for (guint i = 0; i < proposals->len; i++)
    {
      g_autofree char *text = yishi_proposal_dup_search_text (proposals->pdata[i]);

      yishi_text_index_set (index, yishi_proposal_get_id (proposals->pdata[i]), text);
    }

  return index;
}
