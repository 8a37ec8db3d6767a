#pragma once

#include <adwaita.h>

#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_RESOLUTION_LIST (yishi_resolution_list_get_type ())

G_DECLARE_FINAL_TYPE (YishiResolutionList, yishi_resolution_list, YISHI, RESOLUTION_LIST, GtkWidget)

/* The meeting's resolutions (决议) under their agenda items, each with
 * its follow-up, and “New Resolution…”. @data is borrowed; a follow-up
 * changed here is stored at once and written into it. Emits "changed"
 * after a new resolution is stored: the meeting needs reading again. */
void yishi_resolution_list_set_data (YishiResolutionList *self,
                                     YishiSession        *session,
                                     YishiMeetingData    *data);

G_END_DECLS
