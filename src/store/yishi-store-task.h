#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

/* Work on the database for a worker thread: returns a result (NULL
 * with @error set on failure) and how to free it. */
typedef gpointer (*YishiStoreFunc) (YishiDatabase   *db,
                                    gpointer         data,
                                    GCancellable    *cancellable,
                                    GDestroyNotify  *out_free,
                                    GError         **error);

void     yishi_store_run_async  (YishiDatabase       *db,
                                 YishiStoreFunc       func,
                                 gpointer             data,
                                 GDestroyNotify       data_free,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gpointer yishi_store_run_finish (YishiDatabase       *db,
                                 GAsyncResult        *result,
                                 GError             **error);

G_END_DECLS
