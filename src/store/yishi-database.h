#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema version this Yishi writes (PRAGMA user_version). */
#define YISHI_SCHEMA_VERSION 7

#define YISHI_TYPE_DATABASE (yishi_database_get_type ())

G_DECLARE_FINAL_TYPE (YishiDatabase, yishi_database, YISHI, DATABASE, GObject)

YishiDatabase *yishi_database_open               (const char     *path,
                                                  GError        **error);
void           yishi_database_open_async         (const char     *path,
                                                  GCancellable   *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer        user_data);
YishiDatabase *yishi_database_open_finish        (GAsyncResult   *result,
                                                  GError        **error);
const char    *yishi_database_get_path           (YishiDatabase  *db);
int            yishi_database_get_schema_version (YishiDatabase  *db);
gint64         yishi_database_get_data_version   (YishiDatabase  *db);
gboolean       yishi_database_is_empty           (YishiDatabase  *db);
gboolean       yishi_database_backup_to          (YishiDatabase  *db,
                                                  const char     *dest_path,
                                                  GError        **error);
void           yishi_database_backup_to_async    (YishiDatabase  *db,
                                                  const char     *dest_path,
                                                  GCancellable   *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer        user_data);
gboolean       yishi_database_backup_to_finish   (YishiDatabase  *db,
                                                  GAsyncResult   *result,
                                                  GError        **error);
char          *yishi_database_check              (YishiDatabase  *db,
                                                  gboolean       *out_ok,
                                                  GError        **error);
char          *yishi_database_default_path       (void);

/* For loading records of past meetings — the sample community, and
 * later imports: while a clock is set, the times @db stamps on records
 * (sign-ins, votes, speeches) are @unix_seconds rather than now, so
 * that a meeting of 26 March shows its members signed in that
 * afternoon. 0 goes back to the real clock. Takes the database's lock,
 * as the stores do, so it is safe beside workers. */
void           yishi_database_set_clock          (YishiDatabase  *db,
                                                  gint64          unix_seconds);

G_END_DECLS
