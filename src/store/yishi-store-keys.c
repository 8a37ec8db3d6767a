#include "config.h"

#include "yishi-store-keys.h"

gboolean
_yishi_store_key_lookup (const char * const *keys,
                         guint               n_keys,
                         const char         *key,
                         guint              *out_index)
{
  for (guint i = 0; key != NULL && i < n_keys; i++)
    if (g_str_equal (key, keys[i]))
      return *out_index = i, TRUE;

  return FALSE;
}
