#pragma once

#include <adwaita.h>

#include "yishi-live-state.h"
#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_AGENDA_VIEW (yishi_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiAgendaView, yishi_agenda_view, YISHI, AGENDA_VIEW, GtkWidget)

/* The agenda (议程): items, and per item its speakers, motions and
 * votes. @data is borrowed. Emits "changed" when the meeting must be
 * read again, and "live" when what the projector shows changed. */
void yishi_agenda_view_set_data           (YishiAgendaView  *self,
                                           YishiSession     *session,
                                           YishiMeetingData *data);
void yishi_agenda_view_attendance_changed (YishiAgendaView  *self);
/* Fills the item, speaker, remaining and result of @out. */
void yishi_agenda_view_get_live           (YishiAgendaView  *self,
                                           YishiLiveState   *out);

G_END_DECLS
