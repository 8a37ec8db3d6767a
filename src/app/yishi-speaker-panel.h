#pragma once

#include <adwaita.h>

#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_SPEAKER_PANEL (yishi_speaker_panel_get_type ())

G_DECLARE_FINAL_TYPE (YishiSpeakerPanel, yishi_speaker_panel, YISHI, SPEAKER_PANEL, GtkWidget)

/* The speakers of one agenda item (发言): the queue, who has the floor
 * with a countdown of the council's turn length, and a note per speech.
 * Emits "live" whenever the speaker or the seconds left change. */
void        yishi_speaker_panel_set_item            (YishiSpeakerPanel *self,
                                                     YishiSession      *session,
                                                     YishiMeetingData  *data,
                                                     gint64             item_id);
void        yishi_speaker_panel_attendance_changed  (YishiSpeakerPanel *self);
/* The speaker's name ("" when nobody has the floor) and the seconds
 * left of the turn. */
const char *yishi_speaker_panel_get_speaker         (YishiSpeakerPanel *self,
                                                     gint64            *out_remaining);

G_END_DECLS
