#pragma once

#include "yishi-person-store.h"

G_BEGIN_DECLS

/* Inside a write transaction. */
gboolean _yishi_person_insert  (YishiDatabase          *db,
                                const YishiPersonDraft *draft,
                                gint64                 *out_id,
                                GError                **error);
gboolean _yishi_person_resolve (YishiDatabase          *db,
                                const char             *name,
                                const char             *phone,
                                GHashTable             *cache,
                                gint64                 *out_id,
                                GError                **error);

G_END_DECLS
