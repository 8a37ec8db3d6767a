#pragma once

#include <adwaita.h>

#include "yishi-meeting-snapshot.h"

G_BEGIN_DECLS

/* A motion in the agenda: its text, mover, rule in words and form, and
 * once voted the counts and the verdict. Its buttons activate
 * "agenda.vote" and "agenda.amend" with the motion's id. */
GtkWidget *yishi_motion_row_new         (const YishiSnapshotMotion *motion,
                                         gboolean                   can_vote);
/* After the vote: the verdict in place of “not voted yet”, and no
 * more buttons. */
void       yishi_motion_row_show_vote   (GtkWidget                 *row,
                                         const YishiSnapshotMotion *motion);
/* “Passed: 12 yes, 3 no, 1 abstention; 10 needed” */
char      *yishi_motion_describe_result (const YishiSnapshotMotion *motion);

G_END_DECLS
