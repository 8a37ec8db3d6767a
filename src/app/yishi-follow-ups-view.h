#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_FOLLOW_UPS_VIEW (yishi_follow_ups_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiFollowUpsView, yishi_follow_ups_view, YISHI, FOLLOW_UPS_VIEW, GtkWidget)

/* Every resolution not done yet, across meetings, the soonest due first,
 * with how many are open and overdue. Reads them (again) from @session's
 * database; a follow-up changed here is stored at once, and a resolution
 * set to done leaves the list. */
void yishi_follow_ups_view_set_session (YishiFollowUpsView *self,
                                        YishiSession       *session);

G_END_DECLS
