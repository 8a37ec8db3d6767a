#pragma once

#include <gtk/gtk.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PROPOSALS_PAGE (yishi_proposals_page_get_type ())

G_DECLARE_FINAL_TYPE (YishiProposalsPage, yishi_proposals_page, YISHI, PROPOSALS_PAGE, GtkWidget)

void        yishi_proposals_page_set_session (YishiProposalsPage *self,
                                              YishiSession       *session);
GListModel *yishi_proposals_page_get_visible (YishiProposalsPage *self);

G_END_DECLS
