#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_COUNCIL_DIALOG (yishi_council_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiCouncilDialog, yishi_council_dialog, YISHI, COUNCIL_DIALOG, AdwWindow)

/* Creates a council (@council_id 0) or edits one: its default vote rule,
 * its speaking rules and its members. Nothing is stored before Save;
 * "saved" (gint64 council_id) is emitted whenever Save stored something,
 * and the dialog closes once everything was stored. */
YishiCouncilDialog *yishi_council_dialog_new (GtkWindow    *parent,
                                              YishiSession *session,
                                              gint64        council_id);

G_END_DECLS
