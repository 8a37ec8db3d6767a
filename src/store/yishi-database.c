#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-lock-refusals.h"
#include "yishi-migrations.h"
#include "yishi-uuid.h"

/* How long a connection waits for another to finish writing before it
 * says the file is busy: longer than any single user action takes. */
#define BUSY_TIMEOUT_MS 10000

/* "YISH": marks the file as Yishi's (PRAGMA application_id). */
#define YISHI_APPLICATION_ID 0x59495348

struct _YishiDatabase
{
  GObject             parent_instance;
  char               *path;
  sqlite3            *handle;
  GHashTable         *statements; /* SQL text → prepared statement */
  GRecMutex           mutex;
  YishiUuidGenerator *uuids;      /* for new records */
  gint64              clock;      /* seconds since 1970 set for a past meeting; 0: the real clock */
  gint64              now_second; /* of now_text */
  char                now_text[YISHI_TIMESTAMP_SIZE];
};

struct _YishiDatabaseLocker
{
  YishiDatabase *db;
};

G_DEFINE_FINAL_TYPE (YishiDatabase, yishi_database, G_TYPE_OBJECT)

static void
set_sqlite_error (sqlite3     *handle,
                  int          rc,
                  const char  *path,
                  GError     **error)
{
  int primary = rc & 0xff;
  const char *refusal = primary == SQLITE_CONSTRAINT && handle != NULL
                        ? _yishi_lock_refusal_message (sqlite3_errmsg (handle)) : NULL;

  if (primary == SQLITE_NOTADB)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_YISHI,
                 _("“%s” is not a Yishi database."), path);
  else if (primary == SQLITE_CORRUPT)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be read. Open a backup copy instead."), path);
  /* a file that may not be written, or one in a folder that may not
   * be written, which cannot keep its write-ahead log: say which file */
  else if (primary == SQLITE_READONLY)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                 /* Translators: %s is a file name */
                 _("“%s” cannot be changed: the file or its folder is read-only. Copy it to a "
                   "folder of your own, or ask for permission to write to it."), path);
  else if (primary == SQLITE_CANTOPEN)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is a file name, the second %s the reason */
                 _("Cannot open “%s”: %s"), path,
                 handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  else if (refusal != NULL)
    g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION, refusal);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE,
                 /* Translators: %s is the message from the database engine */
                 _("Database error: %s"),
                 handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
}

static gboolean
query_int (sqlite3     *handle,
           const char  *sql,
           const char  *path,
           gint64      *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else
    set_sqlite_error (handle, rc, path, error);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW;
}

/* A read-only connection that creates nothing beside the file. A plain
 * read-only open of a database in WAL mode creates -wal and -shm files and
 * cannot remove them when it closes; when there is no -wal (nobody has the
 * file open, and no crash left changes behind) the file itself holds the
 * whole database and can be read as immutable, without any side files. */
static int
open_for_probe (const char  *path,
                sqlite3    **out_handle)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
    return sqlite3_open_v2 (path, out_handle, SQLITE_OPEN_READONLY, NULL);

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  return sqlite3_open_v2 (uri, out_handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

static gboolean
check_version (gint64       version,
               const char  *path,
               GError     **error)
{
  if (version > YISHI_SCHEMA_VERSION)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Yishi (schema %d; this version "
                     "reads up to %d). Update Yishi to open it."),
                   path, (int) version, YISHI_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_YISHI,
                   _("“%s” is not a Yishi database."), path);
      return FALSE;
    }

  return TRUE;
}

/* Looks at an existing file without writing to it, so that a file that
 * is not ours, is damaged or is too new is left exactly as it was. */
static gboolean
probe_existing (const char  *path,
                GError     **error)
{
  sqlite3 *handle = NULL;
  gint64 app_id = 0, version = 0, n_tables = 0;
  gboolean ok;
  int rc;

  rc = open_for_probe (path, &handle);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, rc, path, error);
      sqlite3_close (handle);
      return FALSE;
    }
  /* Readers wait too. Even in WAL mode a read can find the file locked
   * for a moment: while a connection that closes tries to fold the log
   * into the file (each one does, in case it is the last), or while the
   * first one to open the file after a crash recovers the log. Without
   * a busy handler SQLite then fails at once with "database is locked",
   * as this probe did when yishictl opened the file just as the window
   * closed or opened it. */
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);

  ok = query_int (handle, "SELECT count(*) FROM sqlite_schema", path, &n_tables, error) &&
       query_int (handle, "PRAGMA application_id", path, &app_id, error) &&
       query_int (handle, "PRAGMA user_version", path, &version, error);
  sqlite3_close (handle);

  if (!ok)
    return FALSE;

  if (app_id != YISHI_APPLICATION_ID && (n_tables > 0 || version != 0))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_YISHI,
                   _("“%s” is a database of another program, not a Yishi database."), path);
      return FALSE;
    }

  return check_version (version, path, error);
}

/* @path names the file in errors. */
static gboolean
exec_sql (sqlite3     *handle,
          const char  *sql,
          const char  *path,
          GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    set_sqlite_error (handle, rc, path, error);

  return rc == SQLITE_OK;
}

/* Brings the schema up to date in one transaction: all steps or none. */
static gboolean
migrate (sqlite3     *handle,
         const char  *path,
         GError     **error)
{
  const char * const *migrations = _yishi_migrations_get (NULL);
  gint64 version = 0;
  g_autofree char *set_version = NULL;

  if (!exec_sql (handle, "BEGIN IMMEDIATE", path, error))
    return FALSE;

  /* read again inside the lock: another process may have migrated, or
   * a newer Yishi may have written the file since it was probed */
  if (!query_int (handle, "PRAGMA user_version", path, &version, error) ||
      !check_version (version, path, error))
    goto fail;

  for (gint64 v = version; v < YISHI_SCHEMA_VERSION; v++)
    if (!exec_sql (handle, migrations[v], path, error))
      goto fail;

  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                                 YISHI_SCHEMA_VERSION, YISHI_APPLICATION_ID);
  if (version < YISHI_SCHEMA_VERSION && !exec_sql (handle, set_version, path, error))
    goto fail;

  return exec_sql (handle, "COMMIT", path, error);

fail:
  sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Turning a file into WAL mode needs it to itself. When two connections
 * try at once (the window and yishictl opening an old file, or a new
 * one, together), SQLite refuses one of them at once with SQLITE_BUSY,
 * to avoid a deadlock, without calling the busy handler: that one waits
 * a little and tries again, for as long as the busy timeout. */
static gboolean
enter_wal_mode (sqlite3     *handle,
                const char  *path,
                GError     **error)
{
  gint64 give_up = g_get_monotonic_time () + BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int rc;

  while ((rc = sqlite3_exec (handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) == SQLITE_BUSY &&
         g_get_monotonic_time () < give_up)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  if (rc != SQLITE_OK)
    set_sqlite_error (handle, rc, path, error);
  return rc == SQLITE_OK;
}

static gboolean
configure (sqlite3     *handle,
           const char  *path,
           GError     **error)
{
  /* WAL and a busy timeout let the window and yishictl write the same
   * file at once: one waits for the other instead of failing. WAL writes
   * every page twice (to the log, then back into the file), so it is
   * also what the import benchmark's baseline, the sqlite3 shell's
   * .import into a bare table, is measured with: a database that allows
   * concurrent writers, as Yishi's must. */
  sqlite3_busy_timeout (handle, BUSY_TIMEOUT_MS);

  /* Pages of 16 KiB for a new file (an existing one keeps its size): a
   * proposal with its full text takes much of a 4 KiB page, so larger
   * pages mean fewer B-tree pages, splits and WAL frames, and importing
   * 100,000 proposals spends a third less time in the kernel. It must
   * come before WAL mode, which writes the file's first page. */
  if (!exec_sql (handle, "PRAGMA page_size = 16384;", path, error))
    return FALSE;

  /* A page cache of up to 8 MiB (used only as it fills). New records get
   * time-ordered UUIDs, so a large import appends to its indexes, and
   * even 100,000 random UUIDs from a file fit; a larger cache spends more
   * time faulting in its memory than it saves, and with SQLite's default
   * of 2 MiB an import of random UUIDs spills and reads back its pages. */
  return enter_wal_mode (handle, path, error) &&
         exec_sql (handle,
                   "PRAGMA synchronous = NORMAL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA cache_size = -8192;",
                   path, error);
}

/* Before SQLite's first use in the process. It counts every allocation
 * under a global mutex unless told not to; Yishi never asks for those
 * counts, and a large import makes millions of allocations. When
 * something else in the process has started SQLite already, this fails
 * and changes nothing. */
static void
configure_sqlite_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
ensure_parent_dir (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
               _("Cannot create the folder “%s”: %s"), dir, g_strerror (errno));
  return FALSE;
}

/**
 * yishi_database_open:
 * Opens the Yishi database at @path, creating it if it does not exist and
 * migrating it if it is older. A file that is not a Yishi database, is
 * damaged, or was written by a newer Yishi is refused and not modified.
 */
YishiDatabase *
yishi_database_open (const char  *path,
                     GError     **error)
{
  g_autoptr(YishiDatabase) db = NULL;
  GStatBuf st;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  configure_sqlite_once ();
  exists = g_stat (path, &st) == 0;
  /* SQLite would only say "disk I/O error" */
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: %s is a file name */
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (exists && st.st_size > 0 && !probe_existing (path, error))
    return NULL;
  if (!ensure_parent_dir (path, error))
    return NULL;

  db = g_object_new (YISHI_TYPE_DATABASE, NULL);
  db->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  /* SQLite falls back to reading a file it may not write, which would
   * fail only at the first change: say so now, before it is read */
  if (rc == SQLITE_OK && sqlite3_db_readonly (db->handle, "main") == 1)
    rc = SQLITE_READONLY;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db->handle, rc, path, error);
      return NULL;
    }

  if (!configure (db->handle, path, error) || !migrate (db->handle, path, error))
    return NULL;

  return g_steal_pointer (&db);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  YishiDatabase *db = yishi_database_open (task_data, &error);

  if (db == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, db, g_object_unref);
}

void
yishi_database_open_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, yishi_database_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

YishiDatabase *
yishi_database_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
yishi_database_get_path (YishiDatabase *db)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  return db->path;
}

static gint64
pragma_value (YishiDatabase *db,
              const char    *sql)
{
  G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = _yishi_database_locker_new (db);
  gint64 value = -1;

  if (!query_int (db->handle, sql, db->path, &value, NULL))
    return -1;

  return value;
}

int
yishi_database_get_schema_version (YishiDatabase *db)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), -1);

  return (int) pragma_value (db, "PRAGMA user_version");
}

/* Changes whenever another connection — yishictl, say — commits.
 *
 * The window asks this on the main thread, so it must never wait for the
 * store's lock, which a worker holds while it reads 100,000 rows. It needs
 * none: it prepares no cached statement, and SQLite serialises calls on
 * the connection (SQLITE_OPEN_FULLMUTEX) one step at a time. */
gint64
yishi_database_get_data_version (YishiDatabase *db)
{
  gint64 value = -1;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), -1);

  if (!query_int (db->handle, "PRAGMA data_version", db->path, &value, NULL))
    return -1;

  return value;
}

/* TRUE when the database holds no people and no proposals yet. */
gboolean
yishi_database_is_empty (YishiDatabase *db)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  return pragma_value (db, "SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM proposal)") == 0;
}

static gboolean
backup_into (YishiDatabase  *db,
             const char     *dest_path,
             GError        **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      G_GNUC_UNUSED g_autoptr(YishiDatabaseLocker) locker = _yishi_database_locker_new (db);

      backup = sqlite3_backup_init (dest, "main", db->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup);
        }
    }
  /* a copy is a single file: no -wal beside it on the USB stick */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    set_sqlite_error (dest, rc, dest_path, error);
  sqlite3_close (dest);

  return rc == SQLITE_OK;
}

/* TRUE when both paths name one file, however they are spelt: "./a.db",
 * "dir/../a.db" or a symbolic link to it. */
static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf st_a, st_b;

  if (g_strcmp0 (a, b) == 0)
    return TRUE;
  if (g_stat (a, &st_a) != 0 || g_stat (b, &st_b) != 0)
    return FALSE;

  return st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}

/**
 * yishi_database_backup_to:
 * Writes a consistent copy of the whole database to @dest_path with
 * SQLite's backup API, replacing the file only once the copy is complete.
 */
gboolean
yishi_database_backup_to (YishiDatabase  *db,
                          const char     *dest_path,
                          GError        **error)
{
  static const char * const side_suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *tmp_path = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (is_same_file (dest_path, db->path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A copy cannot replace the database it is made from."));
      return FALSE;
    }

  tmp_path = g_strconcat (dest_path, ".part", NULL);
  g_unlink (tmp_path);
  if (!backup_into (db, tmp_path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* side files of a database that was at @dest_path would be applied to
   * the copy when it is opened, mixing two databases into a damaged one */
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (dest_path, side_suffixes[i], NULL);

      g_unlink (side);
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), dest_path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (yishi_database_backup_to (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
yishi_database_backup_to_async (YishiDatabase       *db,
                                const char          *dest_path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (db, cancellable, callback, user_data);

  g_task_set_source_tag (task, yishi_database_backup_to_async);
  g_task_set_task_data (task, g_strdup (dest_path), g_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
yishi_database_backup_to_finish (YishiDatabase  *db,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
append_rows (YishiDatabase *db,
             const char    *sql,
             GString       *out,
             guint         *out_rows)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, sql, NULL);

  *out_rows = 0;
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i ? " " : "  ", _yishi_column_text (stmt, i));
      g_string_append_c (out, '\n');
      (*out_rows)++;
    }
}

/**
 * yishi_database_check:
 * Runs SQLite's integrity check and foreign-key check and reads the
 * schema version. Returns a report for people to read; @out_ok tells
 * whether everything was in order.
 */
char *
yishi_database_check (YishiDatabase  *db,
                      gboolean       *out_ok,
                      GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GString) integrity = g_string_new (NULL);
  g_autoptr(GString) foreign = g_string_new (NULL);
  GString *report = g_string_new (NULL);
  guint n_integrity = 0, n_foreign = 0;
  gboolean integrity_ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  append_rows (db, "PRAGMA integrity_check", integrity, &n_integrity);
  append_rows (db, "PRAGMA foreign_key_check", foreign, &n_foreign);
  integrity_ok = n_integrity == 1 && g_str_equal (integrity->str, "  ok\n");

  g_string_append_printf (report, _("Schema version: %d (this Yishi writes %d)\n"),
                          yishi_database_get_schema_version (db), YISHI_SCHEMA_VERSION);
  if (integrity_ok)
    g_string_append (report, _("Integrity check: ok\n"));
  else
    g_string_append_printf (report, _("Integrity check: problems found\n%s"), integrity->str);
  if (n_foreign == 0)
    g_string_append (report, _("Foreign key check: ok\n"));
  else
    g_string_append_printf (report, _("Foreign key check: %u broken references (table, row, parent)\n%s"),
                            n_foreign, foreign->str);

  *out_ok = integrity_ok && n_foreign == 0;
  return g_string_free (report, FALSE);
}

char *
yishi_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "yishi", "yishi.db", NULL);
}

/**
 * yishi_database_set_clock:
 * Makes @unix_seconds the time @db stamps on what it writes from now on
 * — sign-ins, votes, speeches, the times records were changed — until
 * it is set again; 0 goes back to the real clock. It takes the lock, so
 * a worker's transaction keeps one clock from its start to its end.
 */
void
yishi_database_set_clock (YishiDatabase *db,
                          gint64         unix_seconds)
{
  g_return_if_fail (YISHI_IS_DATABASE (db));
  g_return_if_fail (unix_seconds >= 0);

  _yishi_database_lock (db);
  db->clock = unix_seconds;
  _yishi_database_unlock (db);
}

/* Internals */

void
_yishi_database_lock (YishiDatabase *db)
{
  g_rec_mutex_lock (&db->mutex);
}

void
_yishi_database_unlock (YishiDatabase *db)
{
  g_rec_mutex_unlock (&db->mutex);
}

YishiDatabaseLocker *
_yishi_database_locker_new (YishiDatabase *db)
{
  YishiDatabaseLocker *locker = g_new (YishiDatabaseLocker, 1);

  _yishi_database_lock (db);
  locker->db = db;
  return locker;
}

void
_yishi_database_locker_free (YishiDatabaseLocker *locker)
{
  _yishi_database_unlock (locker->db);
  g_free (locker);
}

void
_yishi_database_set_error (YishiDatabase  *db,
                           GError        **error)
{
  set_sqlite_error (db->handle, sqlite3_extended_errcode (db->handle), db->path, error);
}

sqlite3 *
_yishi_database_get_handle (YishiDatabase *db)
{
  return db->handle;
}

gboolean
_yishi_database_exec (YishiDatabase  *db,
                      const char     *sql,
                      GError        **error)
{
  return exec_sql (db->handle, sql, db->path, error);
}

/* Takes the lock and starts a write transaction; the lock is held until
 * _yishi_database_commit () or _yishi_database_rollback (). */
gboolean
_yishi_database_begin (YishiDatabase  *db,
                       GError        **error)
{
  _yishi_database_lock (db);
  if (exec_sql (db->handle, "BEGIN IMMEDIATE", db->path, error))
    return TRUE;

  _yishi_database_unlock (db);
  return FALSE;
}

gboolean
_yishi_database_commit (YishiDatabase  *db,
                        GError        **error)
{
  gboolean ok = exec_sql (db->handle, "COMMIT", db->path, error);

  if (!ok)
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  _yishi_database_unlock (db);

  return ok;
}

/* Ends the transaction _yishi_database_begin () started: commits when
 * every step went well (@ok), rolls back otherwise. */
gboolean
_yishi_database_finish (YishiDatabase  *db,
                        gboolean        ok,
                        GError        **error)
{
  if (ok && _yishi_database_commit (db, error))
    return TRUE;
  if (ok)
    return FALSE; /* a failed commit has already rolled back and unlocked */
  _yishi_database_rollback (db);
  return FALSE;
}

void
_yishi_database_rollback (YishiDatabase *db)
{
  sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  _yishi_database_unlock (db);
}

/* A cached prepared statement for @sql, which must be a literal: user
 * text only ever reaches SQLite through sqlite3_bind_*(). */
sqlite3_stmt *
_yishi_database_prepare (YishiDatabase  *db,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db->handle, rc, db->path, error);
      return NULL;
    }

  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_yishi_database_step_done (YishiDatabase  *db,
                           sqlite3_stmt   *stmt,
                           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  set_sqlite_error (db->handle, rc, db->path, error);
  return FALSE;
}

/* Runs an INSERT; @out_id receives the new row's id. */
gboolean
_yishi_database_step_insert (YishiDatabase  *db,
                             sqlite3_stmt   *stmt,
                             gint64         *out_id,
                             GError        **error)
{
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (db->handle);
  return TRUE;
}

const char *
_yishi_column_text (sqlite3_stmt *stmt,
                    int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

void
_yishi_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

/* Binds @text without copying it: it must stay as it is until the
 * statement is reset. */
void
_yishi_bind_static_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_STATIC);
}

/* Inside a write transaction: a time-ordered UUID for a new record. */
void
_yishi_database_new_uuid (YishiDatabase *db,
                          char           out[YISHI_UUID_LENGTH + 1])
{
  yishi_uuid_generator_next (db->uuids, out);
}

/* The time now in seconds since 1970: the clock
 * yishi_database_set_clock () set, or else the real one. */
gint64
_yishi_database_get_time (YishiDatabase *db)
{
  gint64 time;

  _yishi_database_lock (db);
  time = db->clock != 0 ? db->clock : g_get_real_time () / G_USEC_PER_SEC;
  _yishi_database_unlock (db);

  return time;
}

/* Inside a write transaction: the time now, for created_at and
 * updated_at, as strftime('%Y-%m-%dT%H:%M:%SZ', 'now') gives it. Made
 * once a second, not once a row: SQLite's strftime () for a column's
 * default costs more than the rest of a small insert. The text is kept
 * for the second it spells, whichever clock gave it, so setting the
 * clock or going back to the real one never finds the other's text. */
const char *
_yishi_database_get_now (YishiDatabase *db)
{
  gint64 second = _yishi_database_get_time (db);

  if (second != db->now_second)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (db->now_text, text, sizeof db->now_text);
      db->now_second = second;
    }

  return db->now_text;
}

/* Binds NULL for YISHI_UNKNOWN (-1): an amount or count not given. */
void
_yishi_bind_optional_int (sqlite3_stmt *stmt,
                          int           index,
                          gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

gint64
_yishi_column_optional_int (sqlite3_stmt *stmt,
                            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_int64 (stmt, column);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
yishi_database_finalize (GObject *object)
{
  YishiDatabase *db = YISHI_DATABASE (object);

  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->uuids, yishi_uuid_generator_free);
  g_rec_mutex_clear (&db->mutex);

  G_OBJECT_CLASS (yishi_database_parent_class)->finalize (object);
}

static void
yishi_database_class_init (YishiDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = yishi_database_finalize;
}

static void
yishi_database_init (YishiDatabase *db)
{
  g_rec_mutex_init (&db->mutex);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
  db->uuids = yishi_uuid_generator_new ();
  db->now_second = G_MININT64;
}
