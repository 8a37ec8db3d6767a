#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_CONTESTS_PAGE (yishi_contests_page_get_type ())

G_DECLARE_FINAL_TYPE (YishiContestsPage, yishi_contests_page, YISHI, CONTESTS_PAGE, GtkWidget)

/* The Contests page (提案大赛): the contests on the left, the chosen
 * one's setup, scoring and results on the right. */
void yishi_contests_page_set_session    (YishiContestsPage *self,
                                         YishiSession      *session);
/* Shows a contest, as if chosen in the list. */
void yishi_contests_page_select_contest (YishiContestsPage *self,
                                         gint64             contest_id);

G_END_DECLS
