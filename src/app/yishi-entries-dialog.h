#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_ENTRIES_DIALOG (yishi_entries_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiEntriesDialog, yishi_entries_dialog, YISHI, ENTRIES_DIALOG, AdwWindow)

/* Enters proposals into a contest in setup: lists the screened-in and
 * shortlisted proposals not entered yet, to tick and enter together.
 * "saved" (gint64 contest_id) is emitted when at least one was entered;
 * the dialog closes once all of them were. */
YishiEntriesDialog *yishi_entries_dialog_new (GtkWindow    *parent,
                                              YishiSession *session,
                                              gint64        contest_id);

G_END_DECLS
