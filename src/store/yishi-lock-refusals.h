#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translated message for a change refused by one of the schema's
 * triggers, from SQLite's message for it; NULL for any other error. */
const char *_yishi_lock_refusal_message (const char *reason);

G_END_DECLS
