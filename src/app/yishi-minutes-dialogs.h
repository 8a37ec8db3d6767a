#pragma once

#include <adwaita.h>

#include "yishi-meeting-snapshot.h"
#include "yishi-session.h"

G_BEGIN_DECLS

/* The small questions the Minutes page asks. Each calls back on the
 * main loop with @widget (kept alive meanwhile), and only when the user
 * went ahead. */

typedef void (*YishiMotionChosenFunc) (GtkWidget  *widget,
                                       gint64      motion_id);
typedef void (*YishiTextGivenFunc)    (GtkWidget  *widget,
                                       const char *text);

/* Which passed motion of a later meeting of @meeting's council approved
 * its minutes: the motions are listed from the meeting store. */
void yishi_minutes_choose_approval   (GtkWidget                  *widget,
                                      YishiSession               *session,
                                      const YishiMeetingSnapshot *meeting,
                                      YishiMotionChosenFunc       func);
/* The text of a corrigendum (更正); never blank. */
void yishi_minutes_ask_corrigendum   (GtkWidget                  *widget,
                                      YishiTextGivenFunc          func);

G_END_DECLS
