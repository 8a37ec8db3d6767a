#pragma once

#include <adwaita.h>

#include "yishi-meeting-data.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_VOTE_DIALOG (yishi_vote_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiVoteDialog, yishi_vote_dialog, YISHI, VOTE_DIALOG, AdwWindow)

/* Records the vote on a motion: counts for a show of hands or a secret
 * ballot, each present member's choice for a roll call. The result the
 * vote engine will give is shown as the counts are typed. Emits
 * "recorded" (motion id, const YishiVoteCounts *, const YishiVoteResult *). */
YishiVoteDialog *yishi_vote_dialog_new (GtkWindow                 *parent,
                                        YishiSession              *session,
                                        const YishiMeetingData    *data,
                                        const YishiSnapshotMotion *motion);

G_END_DECLS
