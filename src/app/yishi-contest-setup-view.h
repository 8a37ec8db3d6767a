#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_CONTEST_SETUP_VIEW (yishi_contest_setup_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiContestSetupView, yishi_contest_setup_view, YISHI, CONTEST_SETUP_VIEW, GtkWidget)

/* How one contest is set up: its settings, criteria, judges, entries
 * and recusals, with the buttons that change them while the contest's
 * state allows. "changed" is emitted after every change it made. */
void yishi_contest_setup_view_set_contest (YishiContestSetupView *self,
                                           YishiSession          *session,
                                           gint64                 contest_id);
/* Reads the contest again. */
void yishi_contest_setup_view_reload      (YishiContestSetupView *self);

G_END_DECLS
