#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Amounts are integer fen (1 yuan = 100 fen): never floating point. */

/* The largest amount accepted: 100 billion yuan, far above any
 * community budget, and far below where gint64 could overflow. */
#define YISHI_MONEY_MAX_FEN G_GINT64_CONSTANT (10000000000000)

gboolean  yishi_money_parse_yuan  (const char  *text,
                                   gint64      *out_fen,
                                   GError     **error);
char     *yishi_money_format_yuan (gint64       fen);
char     *yishi_money_format_plain (gint64      fen);

G_END_DECLS
