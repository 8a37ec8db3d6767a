#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row of a table of stable keys: the key stored in the database and
 * files, the English label (marked N_(), translated when shown), and the
 * Chinese name spreadsheets use, so imports accept either language. */
typedef struct
{
  const char *key;
  const char *label;
  const char *zh_label;
} YishiKeyEntry;

gboolean yishi_key_table_find  (const YishiKeyEntry *table,
                                guint                n_entries,
                                const char          *key,
                                guint               *out_index);
gboolean yishi_key_table_parse (const YishiKeyEntry *table,
                                guint                n_entries,
                                const char          *text,
                                guint               *out_index);

G_END_DECLS
