#pragma once

#include <gtk/gtk.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PEOPLE_PAGE (yishi_people_page_get_type ())

G_DECLARE_FINAL_TYPE (YishiPeoplePage, yishi_people_page, YISHI, PEOPLE_PAGE, GtkWidget)

void yishi_people_page_set_session (YishiPeoplePage *self,
                                    YishiSession    *session);

G_END_DECLS
