#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_CONTEST_RESULTS_VIEW (yishi_contest_results_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiContestResultsView, yishi_contest_results_view, YISHI, CONTEST_RESULTS_VIEW,
                      GtkWidget)

/* A contest's results as they stand: the ranked table with each
 * criterion's average, the funding line, the ties and how they were
 * broken, the organiser's overrides (changed here until publication) and
 * the bar chart; the public notice printed or saved from the same
 * snapshot. Read again each time it is shown. "changed" is emitted after
 * an override was stored. */
void yishi_contest_results_view_set_contest (YishiContestResultsView *self,
                                             YishiSession            *session,
                                             gint64                   contest_id);
void yishi_contest_results_view_reload      (YishiContestResultsView *self);

G_END_DECLS
