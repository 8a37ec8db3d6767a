#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_CRITERION_DIALOG (yishi_criterion_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiCriterionDialog, yishi_criterion_dialog, YISHI, CRITERION_DIALOG, AdwWindow)

/* Adds a criterion (评分标准) to a contest in setup: name, description,
 * maximum points and the step judges may use; the maximum must be a
 * multiple of the step. "saved" (gint64 criterion_id) is emitted once
 * it is stored, and the dialog closes. */
YishiCriterionDialog *yishi_criterion_dialog_new (GtkWindow    *parent,
                                                  YishiSession *session,
                                                  gint64        contest_id);

G_END_DECLS
