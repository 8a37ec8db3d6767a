#pragma once

#include <gtk/gtk.h>

#include "yishi-proposal.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PROPOSAL_EDITOR (yishi_proposal_editor_get_type ())

G_DECLARE_FINAL_TYPE (YishiProposalEditor, yishi_proposal_editor, YISHI, PROPOSAL_EDITOR, GtkWidget)

void yishi_proposal_editor_set_session  (YishiProposalEditor *self,
                                         YishiSession        *session);
void yishi_proposal_editor_set_proposal (YishiProposalEditor *self,
                                         YishiProposal       *proposal);
void yishi_proposal_editor_focus_title  (YishiProposalEditor *self);
void yishi_proposal_editor_save_now     (YishiProposalEditor *self);

G_END_DECLS
