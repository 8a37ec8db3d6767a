#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_MEETINGS_PAGE (yishi_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (YishiMeetingsPage, yishi_meetings_page, YISHI, MEETINGS_PAGE, GtkWidget)

void yishi_meetings_page_set_session    (YishiMeetingsPage *self,
                                         YishiSession      *session);
/* Shows a meeting, as if chosen in the list. */
void yishi_meetings_page_select_meeting (YishiMeetingsPage *self,
                                         gint64             meeting_id);

G_END_DECLS
