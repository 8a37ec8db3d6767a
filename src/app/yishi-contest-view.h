#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_CONTEST_VIEW (yishi_contest_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiContestView, yishi_contest_view, YISHI, CONTEST_VIEW, GtkWidget)

/* One contest: its name and state with the step to take next (start
 * judging, publish), and its Setup, Scoring and Results pages. "changed"
 * is emitted after anything about the contest was stored. */
void yishi_contest_view_set_contest (YishiContestView *self,
                                     YishiSession     *session,
                                     gint64            contest_id);
/* "setup", "scoring" or "results". */
void yishi_contest_view_show_page   (YishiContestView *self,
                                     const char       *name);

G_END_DECLS
