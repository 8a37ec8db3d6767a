#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_OVERRIDE_DIALOG (yishi_override_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiOverrideDialog, yishi_override_dialog, YISHI, OVERRIDE_DIALOG, AdwWindow)

/* An organiser's funding decision against the contest's rule, for one
 * proposal: funded or not, with the written reason the results show;
 * or, for one already overridden, back to the rule. "saved" is emitted
 * once stored, and the dialog closes. */
YishiOverrideDialog *yishi_override_dialog_new (GtkWindow    *parent,
                                                YishiSession *session,
                                                gint64        contest_id,
                                                gint64        proposal_id,
                                                const char   *title,
                                                gboolean      funded,
                                                gboolean      overridden);

G_END_DECLS
