#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_CONTEST_DIALOG (yishi_contest_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiContestDialog, yishi_contest_dialog, YISHI, CONTEST_DIALOG, AdwWindow)

/* Sets up a proposal contest (@contest_id 0) or edits one until it is
 * published: name, organiser, scope, budget, submission window, how the
 * judges' totals are combined, how the money is given out, recusal of
 * judges from their own grid and the objection period. A published
 * contest is shown read-only. Save stays off until every field is
 * valid; "saved" (gint64 contest_id) is emitted once it is stored, and
 * the dialog closes. */
YishiContestDialog *yishi_contest_dialog_new (GtkWindow    *parent,
                                              YishiSession *session,
                                              gint64        contest_id);

G_END_DECLS
