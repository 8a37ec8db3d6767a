#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-key-table.h"
#include "yishi-role.h"

static const YishiKeyEntry roles[YISHI_N_ROLES] = {
  { "council-member", N_("Council Member"), "议事会成员" },
  { "building-leader", N_("Building Leader"), "楼栋长" },
  { "ten-household-leader", N_("Ten-Household Leader"), "十户长" },
  { "grid-worker", N_("Grid Worker"), "网格员" },
  { "judge", N_("Judge"), "评委" },
  { "volunteer", N_("Volunteer"), "志愿者" },
};

const char *
yishi_role_to_key (YishiRole role)
{
  g_return_val_if_fail (role < YISHI_N_ROLES, NULL);

  return roles[role].key;
}

gboolean
yishi_role_from_key (const char *key,
                     YishiRole  *out_role)
{
  guint found;

  g_return_val_if_fail (out_role != NULL, FALSE);

  if (!yishi_key_table_find (roles, YISHI_N_ROLES, key, &found))
    return FALSE;

  *out_role = found;
  return TRUE;
}

const char *
yishi_role_label (YishiRole role)
{
  g_return_val_if_fail (role < YISHI_N_ROLES, NULL);

  return _(roles[role].label);
}

gboolean
yishi_role_parse (const char *text,
                  YishiRole  *out_role)
{
  guint found;

  g_return_val_if_fail (out_role != NULL, FALSE);

  if (!yishi_key_table_parse (roles, YISHI_N_ROLES, text, &found))
    return FALSE;

  *out_role = found;
  return TRUE;
}
