#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-key-table.h"
#include "yishi-text.h"

gboolean
yishi_key_table_find (const YishiKeyEntry *table,
                      guint                n_entries,
                      const char          *key,
                      guint               *out_index)
{
  for (guint i = 0; key != NULL && i < n_entries; i++)
    {
      if (g_str_equal (key, table[i].key))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Matches what a person types: the key, the Chinese name, the English
 * name or the name in the current language, ignoring case and the spaces
 * around it (full-width ones too, as Chinese input methods type them). */
gboolean
yishi_key_table_parse (const YishiKeyEntry *table,
                       guint                n_entries,
                       const char          *text,
                       guint               *out_index)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  stripped = yishi_text_strip (text);
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *english = g_utf8_casefold (table[i].label, -1);
      g_autofree char *local = g_utf8_casefold (_(table[i].label), -1);

      if (g_str_equal (folded, table[i].key) ||
          g_str_equal (stripped, table[i].zh_label) ||
          g_str_equal (folded, english) ||
          g_str_equal (folded, local))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}
