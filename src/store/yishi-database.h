#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema version this Yishi writes (PRAGMA user_version). */
#define YISHI_SCHEMA_VERSION 4

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

G_END_DECLS
