#pragma once

#include "yishi-database.h"
#include "yishi-person.h"
#include "yishi-proposal-store.h"

G_BEGIN_DECLS

GPtrArray   *yishi_person_store_list     (YishiDatabase          *db,
                                          GError                **error);
YishiPerson *yishi_person_store_get      (YishiDatabase          *db,
                                          gint64                  id,
                                          GError                **error);
YishiPerson *yishi_person_store_add      (YishiDatabase          *db,
                                          const YishiPersonDraft *draft,
                                          GError                **error);
YishiPerson *yishi_person_store_update   (YishiDatabase          *db,
                                          gint64                  id,
                                          const YishiPersonDraft *draft,
                                          GError                **error);
gboolean     yishi_person_store_delete   (YishiDatabase          *db,
                                          gint64                  id,
                                          GError                **error);
gboolean     yishi_person_store_add_many (YishiDatabase          *db,
                                          GPtrArray              *people,
                                          GPtrArray              *proposals,
                                          YishiAddManyFlags       flags,
                                          YishiProgressFunc       progress,
                                          gpointer                progress_data,
                                          GError                **error);

G_END_DECLS
