#pragma once

#include <adwaita.h>

#include "yishi-meeting-snapshot.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_RESOLUTION_ROW (yishi_resolution_row_get_type ())

G_DECLARE_FINAL_TYPE (YishiResolutionRow, yishi_resolution_row, YISHI, RESOLUTION_ROW, AdwActionRow)

/* One resolution (决议): its text; who follows it up, by when and, with
 * @meeting, the meeting that decided it; an “Overdue” tag while it is
 * @late (due before today) and not done; and a drop-down that stores a
 * new follow-up state at once, then emits "follow-up-stored". */
GtkWidget     *yishi_resolution_row_new            (YishiSession                  *session,
                                                    const YishiSnapshotResolution *resolution,
                                                    const char                    *meeting,
                                                    gboolean                       late);
gint64         yishi_resolution_row_get_id         (YishiResolutionRow            *self);
/* What the database has. */
YishiFollowUp  yishi_resolution_row_get_follow_up  (YishiResolutionRow            *self);
void           yishi_resolution_row_focus_follow_up (YishiResolutionRow           *self);

G_END_DECLS
