#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_RECUSAL_DIALOG (yishi_recusal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiRecusalDialog, yishi_recusal_dialog, YISHI, RECUSAL_DIALOG, AdwWindow)

/* Declares that a judge of a contest is recused (回避) from one of its
 * proposals, and why; the reason "other" needs a note. "saved" (gint64
 * recusal_id) is emitted once it is stored, and the dialog closes. */
YishiRecusalDialog *yishi_recusal_dialog_new (GtkWindow    *parent,
                                              YishiSession *session,
                                              gint64        contest_id);

G_END_DECLS
