#pragma once

#include <adwaita.h>

#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_SIGN_IN_LIST (yishi_sign_in_list_get_type ())

G_DECLARE_FINAL_TYPE (YishiSignInList, yishi_sign_in_list, YISHI, SIGN_IN_LIST, GtkWidget)

/* Sign-in (签到): every member of the day with present, excused or
 * absent. @data is borrowed and updated as members sign in; emits
 * "attendance-changed" after each stored change. */
void yishi_sign_in_list_set_data (YishiSignInList  *self,
                                  YishiSession     *session,
                                  YishiMeetingData *data);

G_END_DECLS
