#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define YISHI_TYPE_APPLICATION (yishi_application_get_type ())

G_DECLARE_FINAL_TYPE (YishiApplication, yishi_application, YISHI, APPLICATION, AdwApplication)

YishiApplication *yishi_application_new          (void);
GSettings        *yishi_application_get_settings (YishiApplication *self);

G_END_DECLS
