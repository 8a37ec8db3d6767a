#pragma once

#include <sqlite3.h>

#include "yishi-database.h"
#include "yishi-uuid.h"

G_BEGIN_DECLS

/* "2024-03-15T08:30:00Z" and its NUL. */
#define YISHI_TIMESTAMP_SIZE 21

/* Internals shared by the store's files. Every public store function
 * takes the lock for its whole duration, and writes run inside
 * _yishi_database_begin () … _yishi_database_commit (). */

void          _yishi_database_lock     (YishiDatabase  *db);
void          _yishi_database_unlock   (YishiDatabase  *db);
gboolean      _yishi_database_begin    (YishiDatabase  *db,
                                        GError        **error);
gboolean      _yishi_database_commit   (YishiDatabase  *db,
                                        GError        **error);
void          _yishi_database_rollback (YishiDatabase  *db);
gboolean      _yishi_database_finish   (YishiDatabase  *db,
                                        gboolean        ok,
                                        GError        **error);
sqlite3_stmt *_yishi_database_prepare  (YishiDatabase  *db,
                                        const char     *sql,
                                        GError        **error);
gboolean      _yishi_database_exec     (YishiDatabase  *db,
                                        const char     *sql,
                                        GError        **error);
gboolean      _yishi_database_step_insert (YishiDatabase *db,
                                        sqlite3_stmt   *stmt,
                                        gint64         *out_id,
                                        GError        **error);
gboolean      _yishi_database_step_done (YishiDatabase *db,
                                        sqlite3_stmt   *stmt,
                                        GError        **error);
void          _yishi_database_set_error (YishiDatabase *db,
                                        GError        **error);
sqlite3      *_yishi_database_get_handle (YishiDatabase *db);
const char   *_yishi_column_text       (sqlite3_stmt   *stmt,
                                        int             column);
void          _yishi_bind_text         (sqlite3_stmt   *stmt,
                                        int             index,
                                        const char     *text);
void          _yishi_bind_static_text  (sqlite3_stmt   *stmt,
                                        int             index,
                                        const char     *text);
void          _yishi_database_new_uuid (YishiDatabase  *db,
                                        char            out[YISHI_UUID_LENGTH + 1]);
gint64        _yishi_database_get_time (YishiDatabase  *db);
const char   *_yishi_database_get_now  (YishiDatabase  *db);
void          _yishi_bind_optional_int (sqlite3_stmt   *stmt,
                                        int             index,
                                        gint64          value);
gint64        _yishi_column_optional_int (sqlite3_stmt *stmt,
                                        int             column);

typedef struct _YishiDatabaseLocker YishiDatabaseLocker;
YishiDatabaseLocker *_yishi_database_locker_new  (YishiDatabase       *db);
void                 _yishi_database_locker_free (YishiDatabaseLocker *locker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiDatabaseLocker, _yishi_database_locker_free)

/* Resets the statement when it goes out of scope. */
static inline void
_yishi_stmt_reset (sqlite3_stmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
typedef sqlite3_stmt YishiStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiStmt, _yishi_stmt_reset)

G_END_DECLS
