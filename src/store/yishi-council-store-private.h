#pragma once

#include <sqlite3.h>

#include "yishi-council-store.h"

G_BEGIN_DECLS

/* With the lock held. */
gboolean _yishi_council_count_members (YishiDatabase  *db,
                                       gint64          council_id,
                                       const char     *date,
                                       guint          *out_count,
                                       GError        **error);
gboolean _yishi_store_check_date      (const char     *date,
                                       GError        **error);
gboolean _yishi_council_check_exists  (YishiDatabase  *db,
                                       gint64          council_id,
                                       GError        **error);
gboolean _yishi_council_load_speaking_rules (YishiDatabase      *db,
                                       gint64              council_id,
                                       YishiSpeakingRules *out_rules,
                                       GError            **error);

G_END_DECLS
