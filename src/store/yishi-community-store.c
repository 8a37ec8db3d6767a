#include "config.h"

#include "yishi-community-store-private.h"
#include "yishi-database-private.h"
#include "yishi-text.h"

static gboolean
find_id (YishiDatabase  *db,
         sqlite3_stmt   *stmt,
         gint64         *out_id,
         GError        **error)
{
  int rc = sqlite3_step (stmt);

  *out_id = 0;
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_row (YishiDatabase  *db,
            sqlite3_stmt   *stmt,
            gint64         *out_id,
            GError        **error)
{
  char uuid[YISHI_UUID_LENGTH + 1];

  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_static_text (stmt, 1, uuid);
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (_yishi_database_get_handle (db));
  return TRUE;
}

gboolean
_yishi_community_resolve (YishiDatabase  *db,
                          const char     *name,
                          gint64         *out_id,
                          GError        **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(YishiStmt) find = NULL;
  g_autoptr(YishiStmt) insert = NULL;

  *out_id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  stripped = yishi_text_strip (name);
  if (*stripped == '\0')
    return TRUE;

  find = _yishi_database_prepare (db, "SELECT id FROM community WHERE name = ?1", error);
  if (find == NULL)
    return FALSE;
  _yishi_bind_text (find, 1, stripped);
  if (!find_id (db, find, out_id, error) || *out_id != 0)
    return *out_id != 0;

  insert = _yishi_database_prepare (db,
                                    "INSERT INTO community (uuid, name, created_at, updated_at)"
                                    " VALUES (?1, ?2, ?3, ?3)",
                                    error);
  if (insert == NULL)
    return FALSE;
  _yishi_bind_text (insert, 2, stripped);
  _yishi_bind_static_text (insert, 3, _yishi_database_get_now (db));
  return insert_row (db, insert, out_id, error);
}

gboolean
_yishi_grid_resolve (YishiDatabase  *db,
                     gint64          community_id,
                     const char     *name,
                     gint64         *out_id,
                     GError        **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(YishiStmt) find = NULL;
  g_autoptr(YishiStmt) insert = NULL;

  *out_id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;
  stripped = yishi_text_strip (name);
  if (*stripped == '\0')
    return TRUE;

  find = _yishi_database_prepare (db,
                                  "SELECT id FROM grid WHERE name = ?1 AND community_id IS ?2",
                                  error);
  if (find == NULL)
    return FALSE;
  _yishi_bind_text (find, 1, stripped);
  _yishi_bind_optional_int (find, 2, community_id > 0 ? community_id : -1);
  if (!find_id (db, find, out_id, error) || *out_id != 0)
    return *out_id != 0;

  insert = _yishi_database_prepare (db,
                                    "INSERT INTO grid (uuid, name, community_id, created_at, updated_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?4)",
                                    error);
  if (insert == NULL)
    return FALSE;
  _yishi_bind_text (insert, 2, stripped);
  _yishi_bind_optional_int (insert, 3, community_id > 0 ? community_id : -1);
  _yishi_bind_static_text (insert, 4, _yishi_database_get_now (db));
  return insert_row (db, insert, out_id, error);
}

static GStrv
list_strings (YishiDatabase  *db,
              const char     *sql,
              GError        **error)
{
  /* held for the whole function: it is never read, only released */
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = _yishi_database_locker_new (db);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _yishi_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

GStrv
yishi_community_store_list_names (YishiDatabase  *db,
                                  GError        **error)
{
  return list_strings (db, "SELECT name FROM community ORDER BY id", error);
}

GStrv
yishi_community_store_list_grids (YishiDatabase  *db,
                                  GError        **error)
{
  return list_strings (db, "SELECT DISTINCT name FROM grid ORDER BY id", error);
}
