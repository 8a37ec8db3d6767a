#pragma once

#include <gtk/gtk.h>

#include "yishi-live-state.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PROJECTOR_WINDOW (yishi_projector_window_get_type ())

G_DECLARE_FINAL_TYPE (YishiProjectorWindow, yishi_projector_window, YISHI, PROJECTOR_WINDOW, GtkWindow)

/* The room's view of the session in large type. Full screen on a
 * monitor other than @parent's when there is one; F11 toggles full
 * screen, Escape leaves it or closes the window. */
YishiProjectorWindow *yishi_projector_window_new        (GtkWindow            *parent);
void                  yishi_projector_window_show_state (YishiProjectorWindow *self,
                                                         const YishiLiveState *state);
/* What the projector shows now, one line per label, for tests. */
char                 *yishi_projector_window_get_text   (YishiProjectorWindow *self);

G_END_DECLS
