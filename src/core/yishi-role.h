#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Roles a resident may hold; stored as stable keys. */
typedef enum
{
  YISHI_ROLE_COUNCIL_MEMBER,
  YISHI_ROLE_BUILDING_LEADER,
  YISHI_ROLE_TEN_HOUSEHOLD_LEADER,
  YISHI_ROLE_GRID_WORKER,
  YISHI_ROLE_JUDGE,
  YISHI_ROLE_VOLUNTEER,
} YishiRole;

#define YISHI_N_ROLES (YISHI_ROLE_VOLUNTEER + 1)

const char *yishi_role_to_key   (YishiRole   role);
gboolean    yishi_role_from_key (const char *key,
                                 YishiRole  *out_role);
const char *yishi_role_label    (YishiRole   role);
gboolean    yishi_role_parse    (const char *text,
                                 YishiRole  *out_role);

G_END_DECLS
