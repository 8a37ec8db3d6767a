#pragma once

#include <adwaita.h>

#include "yishi-application.h"
#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_WINDOW (yishi_window_get_type ())

G_DECLARE_FINAL_TYPE (YishiWindow, yishi_window, YISHI, WINDOW, AdwApplicationWindow)

YishiWindow  *yishi_window_new           (YishiApplication *application);
void          yishi_window_open_database (YishiWindow      *self,
                                          const char       *path,
                                          gboolean          load_sample);
YishiSession *yishi_window_get_session   (YishiWindow      *self);
void          yishi_window_show_toast    (YishiWindow      *self,
                                          AdwToast         *toast);
void          yishi_window_show_error    (GtkWidget        *widget,
                                          const char       *heading,
                                          const GError     *error);

G_END_DECLS
