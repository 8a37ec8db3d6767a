#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-projector-window.h"

struct _YishiProjectorWindow
{
  GtkWindow  parent_instance;


  /* template children */
  GtkLabel  *meeting_label;
  GtkLabel  *item_label;
  GtkLabel  *speaker_label;
  GtkLabel  *countdown_label;
  GtkLabel  *result_label;
  GtkLabel  *quorum_label;
};

G_DEFINE_FINAL_TYPE (YishiProjectorWindow, yishi_projector_window, GTK_TYPE_WINDOW)

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
yishi_projector_window_show_state (YishiProjectorWindow *self,
                                   const YishiLiveState *state)
{
  gboolean speaking = state->speaker != NULL && *state->speaker != '\0';
  g_autofree char *speaker = NULL;
  g_autofree char *countdown = NULL;

  g_return_if_fail (YISHI_IS_PROJECTOR_WINDOW (self));

  if (speaking)
    {
      /* Translators: on the projector: 发言人：王桂兰 */
      speaker = g_strdup_printf (_("Speaking: %s"), state->speaker);
      countdown = yishi_format_countdown (state->remaining);
    }
  set_text (self->meeting_label, state->meeting);
  set_text (self->item_label, state->item);
  set_text (self->speaker_label, speaker);
  set_text (self->countdown_label, countdown);
  if (speaking && state->remaining <= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "over");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "over");
  /* the result makes room for the speaker again once the floor is given */
  set_text (self->result_label, speaking ? NULL : state->result);
  set_text (self->quorum_label, state->quorum);
}

char *
yishi_projector_window_get_text (YishiProjectorWindow *self)
{
  GtkLabel *labels[] = { self->meeting_label, self->item_label, self->speaker_label,
                         self->countdown_label, self->result_label, self->quorum_label };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
      g_string_append_printf (text, "%s\n", gtk_label_get_label (labels[i]));
  return g_string_free (text, FALSE);
}

/* Another monitor than the chair's, when there is one. */
static GdkMonitor *
find_projector_monitor (GtkWindow *chair)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (chair));
  GListModel *monitors = gdk_display_get_monitors (display);
  GtkNative *native = GTK_NATIVE (chair);
  GdkSurface *surface = gtk_native_get_surface (native);
  GdkMonitor *chair_monitor = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != chair_monitor)
        return monitor; /* still referenced by the list */
    }
  return NULL;
}

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_destroy (window);
}

YishiProjectorWindow *
yishi_projector_window_new (GtkWindow *parent)
{
  YishiProjectorWindow *self = g_object_new (YISHI_TYPE_PROJECTOR_WINDOW, NULL);
  GdkMonitor *monitor = parent ? find_projector_monitor (parent) : NULL;

  /* not transient for the chair’s window: it lives on a screen of its own */
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  return self;
}

static void
yishi_projector_window_class_init (YishiProjectorWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-projector-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiProjectorWindow, meeting_label);
  gtk_widget_class_bind_template_child (widget_class, YishiProjectorWindow, item_label);
  gtk_widget_class_bind_template_child (widget_class, YishiProjectorWindow, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, YishiProjectorWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, YishiProjectorWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, YishiProjectorWindow, quorum_label);

  gtk_widget_class_install_action (widget_class, "projector.fullscreen", NULL, toggle_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "projector.leave", NULL, leave_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "projector.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "projector.leave", NULL);
}

static void
yishi_projector_window_init (YishiProjectorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
