#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-community-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-person-private.h"
#include "yishi-person-store-private.h"
#include "yishi-text.h"

GPtrArray *
yishi_person_store_list (YishiDatabase  *db,
                         GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " YISHI_PERSON_COLUMNS YISHI_PERSON_FROM
                                      " ORDER BY pe.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, _yishi_person_new_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&people);
}

YishiPerson *
yishi_person_store_get (YishiDatabase  *db,
                        gint64          id,
                        GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " YISHI_PERSON_COLUMNS YISHI_PERSON_FROM
                                      " WHERE pe.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _yishi_person_new_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no person with id %" G_GINT64_FORMAT "."), id);
  else
    _yishi_database_set_error (db, error);
  return NULL;
}

static gboolean
write_roles (YishiDatabase  *db,
             gint64          person_id,
             guint           roles,
             GError        **error)
{
  g_autoptr(YishiStmt) clear = _yishi_database_prepare (db,
      "DELETE FROM person_role WHERE person_id = ?1", error);
  g_autoptr(YishiStmt) add = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, person_id);
  if (!_yishi_database_step_done (db, clear, error))
    return FALSE;

  add = _yishi_database_prepare (db, "INSERT INTO person_role (person_id, role) VALUES (?1, ?2)", error);
  for (guint i = 0; add != NULL && i < YISHI_N_ROLES; i++)
    {
      if ((roles & (1u << i)) == 0)
        continue;
      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, person_id);
      _yishi_bind_text (add, 2, yishi_role_to_key (i));
      if (!_yishi_database_step_done (db, add, error))
        return FALSE;
    }

  return add != NULL;
}

static gboolean
resolve_grid (YishiDatabase          *db,
              const YishiPersonDraft *draft,
              gint64                 *out_grid_id,
              GError                **error)
{
  gint64 community_id = 0;

  return _yishi_community_resolve (db, draft->community, &community_id, error) &&
         _yishi_grid_resolve (db, community_id, draft->grid, out_grid_id, error);
}

/* Binds the columns both INSERT and UPDATE write: ?2 … ?6. */
static void
bind_person (sqlite3_stmt           *stmt,
             const YishiPersonDraft *draft,
             const char             *name,
             gint64                  grid_id)
{
  _yishi_bind_text (stmt, 2, name);
  _yishi_bind_optional_int (stmt, 3, grid_id > 0 ? grid_id : -1);
  _yishi_bind_text (stmt, 4, draft->building);
  _yishi_bind_text (stmt, 5, draft->phone);
}

gboolean
_yishi_person_insert (YishiDatabase          *db,
                      const YishiPersonDraft *draft,
                      gint64                 *out_id,
                      GError                **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *uuid = draft->uuid ? g_strdup (draft->uuid) : g_uuid_string_random ();
  g_autofree char *name = yishi_text_strip (draft->name);
  gint64 grid_id = 0;

  if (!yishi_person_draft_validate (draft, error) || !resolve_grid (db, draft, &grid_id, error))
    return FALSE;

  stmt = _yishi_database_prepare (db,
      "INSERT INTO person (uuid, name, grid_id, building, phone) VALUES (?1, ?2, ?3, ?4, ?5)",
      error);
  if (stmt == NULL)
    return FALSE;

  _yishi_bind_text (stmt, 1, uuid);
  bind_person (stmt, draft, name, grid_id);
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (_yishi_database_get_handle (db));
  return write_roles (db, *out_id, draft->roles, error);
}

YishiPerson *
yishi_person_store_add (YishiDatabase          *db,
                        const YishiPersonDraft *draft,
                        GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!_yishi_database_begin (db, error))
    return NULL;
  if (!_yishi_person_insert (db, draft, &id, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_person_store_get (db, id, error);
}

static gboolean
update_row (YishiDatabase          *db,
            gint64                  id,
            const YishiPersonDraft *draft,
            GError                **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *name = yishi_text_strip (draft->name);
  gint64 grid_id = 0;

  if (!yishi_person_draft_validate (draft, error) || !resolve_grid (db, draft, &grid_id, error))
    return FALSE;

  stmt = _yishi_database_prepare (db,
      "UPDATE person SET name = ?2, grid_id = ?3, building = ?4, phone = ?5,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_person (stmt, draft, name, grid_id);
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (_yishi_database_get_handle (db)) == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   _("There is no person with id %" G_GINT64_FORMAT "."), id);
      return FALSE;
    }

  return write_roles (db, id, draft->roles, error);
}

YishiPerson *
yishi_person_store_update (YishiDatabase          *db,
                           gint64                  id,
                           const YishiPersonDraft *draft,
                           GError                **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!_yishi_database_begin (db, error))
    return NULL;
  if (!update_row (db, id, draft, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_person_store_get (db, id, error);
}

/* Refuses to delete a proposer: their proposals would lose their author. */
gboolean
yishi_person_store_delete (YishiDatabase  *db,
                           gint64          id,
                           GError        **error)
{
  g_autoptr(YishiPerson) person = yishi_person_store_get (db, id, error);
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;

  if (person == NULL)
    return FALSE;

  if (yishi_person_get_n_proposals (person) > 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s cannot be removed: they proposed %u proposal.",
                                "%s cannot be removed: they proposed %u proposals.",
                                yishi_person_get_n_proposals (person)),
                   yishi_person_get_name (person), yishi_person_get_n_proposals (person));
      return FALSE;
    }

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "DELETE FROM person WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
match_people (YishiDatabase  *db,
              const char     *name,
              const char     *phone,
              GArray         *ids,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT id FROM person WHERE name = ?1 AND (?2 = '' OR phone = ?2) ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _yishi_bind_text (stmt, 1, name);
  _yishi_bind_text (stmt, 2, phone);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * _yishi_person_resolve:
 * The id of the person called @name — with @phone, if given, to tell
 * namesakes apart — adding them to the directory when there is none.
 * Two or more matches are an error, since guessing would credit a
 * proposal to the wrong resident. @cache (name → id), if not NULL, saves
 * look-ups during a large import.
 */
gboolean
_yishi_person_resolve (YishiDatabase  *db,
                       const char     *name,
                       const char     *phone,
                       GHashTable     *cache,
                       gint64         *out_id,
                       GError        **error)
{
  g_autofree char *stripped = yishi_text_strip (name);
  g_autofree char *stripped_phone = yishi_text_strip (phone);
  g_autofree char *key = g_strconcat (stripped, "\n", stripped_phone, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gpointer cached;

  *out_id = 0;
  if (*stripped == '\0')
    return TRUE;
  if (cache != NULL && (cached = g_hash_table_lookup (cache, key)) != NULL)
    return *out_id = *(gint64 *) cached, TRUE;

  if (!match_people (db, stripped, stripped_phone, ids, error))
    return FALSE;

  if (ids->len > 1)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS,
                   _("%u people are named “%s”: give the proposer’s phone number to tell them apart."),
                   ids->len, stripped);
      return FALSE;
    }

  if (ids->len == 1)
    *out_id = g_array_index (ids, gint64, 0);
  else
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();

      draft->name = g_strdup (stripped);
      draft->phone = g_strdup (stripped_phone);
      if (!_yishi_person_insert (db, draft, out_id, error))
        return FALSE;
    }

  if (cache != NULL)
    g_hash_table_insert (cache, g_steal_pointer (&key), g_memdup2 (out_id, sizeof (gint64)));
  return TRUE;
}
