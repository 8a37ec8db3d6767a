#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-key-table.h"
#include "yishi-category.h"

static const YishiKeyEntry categories[YISHI_N_CATEGORIES] = {
  { "environment", N_("Environment"), "环境整治" },
  { "elderly-disabled", N_("Elderly and Disabled Care"), "养老助残" },
  { "roads-traffic", N_("Roads and Traffic"), "道路交通" },
  { "culture-sports", N_("Culture and Sports"), "文化体育" },
  { "safety", N_("Public Safety"), "平安建设" },
  { "other", N_("Other"), "其他" },
};

const char *
yishi_category_to_key (YishiCategory category)
{
  g_return_val_if_fail (category < YISHI_N_CATEGORIES, NULL);

  return categories[category].key;
}

gboolean
yishi_category_from_key (const char    *key,
                         YishiCategory *out_category)
{
  guint found;

  g_return_val_if_fail (out_category != NULL, FALSE);

  if (!yishi_key_table_find (categories, YISHI_N_CATEGORIES, key, &found))
    return FALSE;

  *out_category = found;
  return TRUE;
}

const char *
yishi_category_label (YishiCategory category)
{
  g_return_val_if_fail (category < YISHI_N_CATEGORIES, NULL);

  return _(categories[category].label);
}

gboolean
yishi_category_parse (const char    *text,
                      YishiCategory *out_category)
{
  guint found;

  g_return_val_if_fail (out_category != NULL, FALSE);

  if (!yishi_key_table_parse (categories, YISHI_N_CATEGORIES, text, &found))
    return FALSE;

  *out_category = found;
  return TRUE;
}
