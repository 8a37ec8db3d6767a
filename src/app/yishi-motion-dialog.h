#pragma once

#include <adwaita.h>

#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_MOTION_DIALOG (yishi_motion_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiMotionDialog, yishi_motion_dialog, YISHI, MOTION_DIALOG, AdwWindow)

/* Puts a motion (动议) on an agenda item, or an amendment when
 * @parent_id > 0: text, mover and seconder among the members present,
 * voting form and rule (the council's by default). Emits "saved". */
YishiMotionDialog *yishi_motion_dialog_new (GtkWindow              *parent,
                                            YishiSession           *session,
                                            const YishiMeetingData *data,
                                            gint64                  item_id,
                                            gint64                  parent_id);

G_END_DECLS
