#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_MEETING_DIALOG (yishi_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiMeetingDialog, yishi_meeting_dialog, YISHI, MEETING_DIALOG, AdwWindow)

/* Plans a meeting (@meeting_id 0) or edits a planned one: council (fixed
 * once stored), title, date and time, place, chair, secretary and the
 * notice (会议通知). Save stays off until every field is valid; "saved"
 * (gint64 meeting_id) is emitted whenever Save stored something, and the
 * dialog closes once everything was stored. */
YishiMeetingDialog *yishi_meeting_dialog_new         (GtkWindow          *parent,
                                                      YishiSession       *session,
                                                      gint64              meeting_id);
/* For a new meeting: the council chosen at first. */
void                yishi_meeting_dialog_set_council (YishiMeetingDialog *self,
                                                      gint64              council_id);

G_END_DECLS
