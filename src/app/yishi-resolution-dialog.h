#pragma once

#include <adwaita.h>

#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_RESOLUTION_DIALOG (yishi_resolution_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiResolutionDialog, yishi_resolution_dialog, YISHI, RESOLUTION_DIALOG, AdwWindow)

/* Records a resolution (决议) on one of the meeting's agenda items: the
 * motion it carries out, what was decided, who follows it up and by
 * when. Copies what it needs from @data. Emits "saved" with the new
 * resolution's id once it is stored, then closes. */
YishiResolutionDialog *yishi_resolution_dialog_new (GtkWindow              *parent,
                                                    YishiSession           *session,
                                                    const YishiMeetingData *data);

G_END_DECLS
