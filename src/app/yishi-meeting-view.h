#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_MEETING_VIEW (yishi_meeting_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiMeetingView, yishi_meeting_view, YISHI, MEETING_VIEW, GtkWidget)

/* Shows one meeting: header, quorum, sign-in, agenda and resolutions.
 * Emits "changed" when something the meeting list shows changed. */
void    yishi_meeting_view_set_meeting    (YishiMeetingView *self,
                                           YishiSession     *session,
                                           gint64            meeting_id);
gint64  yishi_meeting_view_get_council_id (YishiMeetingView *self);
/* The projector window, or NULL when it is not open. */
GtkWindow *yishi_meeting_view_get_projector (YishiMeetingView *self);

G_END_DECLS
