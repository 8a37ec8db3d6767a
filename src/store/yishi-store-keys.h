#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The store keeps each enum of the record as a table of stable keys,
 * the enum's values in order: "planned", "in-session", "closed"… */
gboolean _yishi_store_key_lookup (const char * const *keys,
                                  guint               n_keys,
                                  const char         *key,
                                  guint              *out_index);

/* Defines PREFIX_to_key () and PREFIX_from_key () for an enum and its
 * table of keys. */
#define YISHI_STORE_KEY_FUNCS(prefix, Type, keys)                        \
  const char *                                                           \
  prefix##_to_key (Type value)                                           \
  {                                                                      \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (keys), NULL);   \
    return keys[value];                                                  \
  }                                                                      \
  gboolean                                                               \
  prefix##_from_key (const char *key,                                    \
                     Type       *out_value)                              \
  {                                                                      \
    guint index;                                                         \
    if (!_yishi_store_key_lookup (keys, G_N_ELEMENTS (keys), key, &index)) \
      return FALSE;                                                      \
    *out_value = (Type) index;                                           \
    return TRUE;                                                         \
  }

G_END_DECLS
