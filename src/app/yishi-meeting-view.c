#include "config.h"

#include <glib/gi18n.h>

#include "yishi-agenda-view.h"
#include "yishi-meeting-data.h"
#include "yishi-meeting-dialog.h"
#include "yishi-meeting-text.h"
#include "yishi-meeting-view.h"
#include "yishi-minutes-view.h"
#include "yishi-projector-window.h"
#include "yishi-resolution-list.h"
#include "yishi-sign-in-list.h"
#include "yishi-sign-in-print.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiMeetingView
{
  GtkWidget             parent_instance;

  YishiSession         *session;
  gint64                meeting_id;
  YishiMeetingData     *data;
  GCancellable         *cancellable;
  YishiProjectorWindow *projector;

  /* template children */
  GtkLabel             *title_label;
  GtkLabel             *details_label;
  GtkButton            *state_button;
  GtkToggleButton      *projector_button;
  GtkWidget            *quorum_box;
  GtkImage             *quorum_icon;
  GtkLabel             *quorum_label;
  GtkStack             *stack;
  YishiSignInList      *sign_in_list;
  YishiAgendaView      *agenda_view;
  YishiResolutionList  *resolution_list;
  YishiMinutesView     *minutes_view;
};

G_DEFINE_FINAL_TYPE (YishiMeetingView, yishi_meeting_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (YishiMeetingView *self);

/* “到会 12 人，应到 19 人：达到法定人数（超过半数）” */
static char *
describe_quorum (const YishiMeetingData *data)
{
  guint present = yishi_meeting_data_count_present (data);
  g_autofree char *rule = yishi_vote_quorum_describe (&data->snapshot->council_rule.quorum);

  if (yishi_meeting_data_quorum_holds (data))
    /* Translators: %u present, %u members, %s the quorum rule in words */
    return g_strdup_printf (_("%u of %u members present: quorum reached (%s)"),
                            present, data->members->len, rule);
  /* Translators: %u present, %u members, %s the quorum rule in words */
  return g_strdup_printf (_("%u of %u members present: no quorum yet (%s)"),
                          present, data->members->len, rule);
}

static void
update_projector (YishiMeetingView *self)
{
  YishiLiveState live = { 0 };
  g_autofree char *quorum = NULL;

  if (self->projector == NULL || self->data == NULL)
    return;
  quorum = describe_quorum (self->data);
  yishi_agenda_view_get_live (self->agenda_view, &live);
  live.meeting = self->data->snapshot->title;
  live.quorum = quorum;
  yishi_projector_window_show_state (self->projector, &live);
}

static void
update_quorum (YishiMeetingView *self)
{
  g_autofree char *text = describe_quorum (self->data);
  gboolean holds = yishi_meeting_data_quorum_holds (self->data);

  gtk_label_set_label (self->quorum_label, text);
  gtk_image_set_from_icon_name (self->quorum_icon,
                                holds ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (self->quorum_box, holds ? "warning" : "success");
  gtk_widget_add_css_class (self->quorum_box, holds ? "success" : "warning");
  update_projector (self);
}

static void
update_header (YishiMeetingView *self)
{
  const YishiMeetingSnapshot *meeting = self->data->snapshot;
  g_autofree char *details = NULL;

  gtk_label_set_label (self->title_label, meeting->title);
  /* Translators: %s council, %.16s date and time, %s place, %s state */
  details = g_strdup_printf (_("%s · %.16s · %s · %s"), meeting->council, meeting->starts_at,
                             *meeting->place ? meeting->place : _("no place given"),
                             yishi_meeting_state_label (meeting->state));
  gtk_label_set_label (self->details_label, details);

  gtk_widget_set_visible (GTK_WIDGET (self->state_button), meeting->state != YISHI_MEETING_STATE_CLOSED);
  gtk_button_set_label (self->state_button, meeting->state == YISHI_MEETING_STATE_PLANNED
                                            ? _("_Open Session") : _("_Close Session"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_button),
                               meeting->state == YISHI_MEETING_STATE_PLANNED ? "destructive-action"
                                                                              : "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_button),
                            meeting->state == YISHI_MEETING_STATE_PLANNED ? "suggested-action"
                                                                           : "destructive-action");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.edit",
                                 meeting->state != YISHI_MEETING_STATE_CLOSED);
}

static void
show_data (YishiMeetingView *self,
           YishiMeetingData *data)
{
  YishiMeetingData *old = self->data;

  self->data = data;
  yishi_sign_in_list_set_data (self->sign_in_list, self->session, data);
  yishi_agenda_view_set_data (self->agenda_view, self->session, data);
  yishi_resolution_list_set_data (self->resolution_list, self->session, data);
  yishi_minutes_view_set_meeting (self->minutes_view, self->session, data->snapshot->id,
                                  data->snapshot->state == YISHI_MEETING_STATE_CLOSED);
  yishi_meeting_data_unref (old);
  update_header (self);
  update_quorum (self);
}

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) yishi_meeting_data_unref;
  return yishi_meeting_data_load (db, *(gint64 *) data, error);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiMeetingView) self = user_data;
  g_autoptr(GError) error = NULL;
  YishiMeetingData *data = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Meeting Could Not Be Read"), error);
      return;
    }
  if (data->snapshot->id != self->meeting_id)
    {
      yishi_meeting_data_unref (data);
      return;
    }
  show_data (self, data);
}

static void
load (YishiMeetingView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  yishi_store_run_async (yishi_session_get_database (self->session), load_func,
                         g_memdup2 (&self->meeting_id, sizeof self->meeting_id), g_free,
                         self->cancellable, loaded_cb, g_object_ref (self));
}

void
yishi_meeting_view_set_meeting (YishiMeetingView *self,
                                YishiSession     *session,
                                gint64            meeting_id)
{
  g_return_if_fail (YISHI_IS_MEETING_VIEW (self));

  g_set_object (&self->session, session);
  if (self->meeting_id != meeting_id)
    gtk_stack_set_visible_child_name (self->stack, "sign-in");
  self->meeting_id = meeting_id;
  load (self);
}

gint64
yishi_meeting_view_get_council_id (YishiMeetingView *self)
{
  g_return_val_if_fail (YISHI_IS_MEETING_VIEW (self), 0);

  return self->data ? self->data->snapshot->council_id : 0;
}

GtkWindow *
yishi_meeting_view_get_projector (YishiMeetingView *self)
{
  g_return_val_if_fail (YISHI_IS_MEETING_VIEW (self), NULL);

  return GTK_WINDOW (self->projector);
}

/* Opening and closing the session */

typedef struct
{
  gint64            meeting_id;
  YishiMeetingState state;
} StateRequest;

static gpointer
set_state_func (YishiDatabase   *db,
                gpointer         data,
                GCancellable    *cancellable,
                GDestroyNotify  *out_free,
                GError         **error)
{
  StateRequest *request = data;

  return GINT_TO_POINTER (yishi_meeting_store_set_state (db, request->meeting_id, request->state, error));
}

static void
state_set_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(YishiMeetingView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Meeting’s State Could Not Change"), error);
      return;
    }
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_state (YishiMeetingView  *self,
           YishiMeetingState  state)
{
  StateRequest *request = g_new0 (StateRequest, 1);

  request->meeting_id = self->meeting_id;
  request->state = state;
  yishi_store_run_async (yishi_session_get_database (self->session), set_state_func, request, g_free,
                         NULL, state_set_cb, g_object_ref (self));
}

static void
close_response_cb (YishiMeetingView *self,
                   const char       *response)
{
  if (g_str_equal (response, "close"))
    set_state (self, YISHI_MEETING_STATE_CLOSED);
}

static void
state_clicked_cb (YishiMeetingView *self)
{
  AdwMessageDialog *dialog;

  if (self->data == NULL)
    return;
  if (self->data->snapshot->state == YISHI_MEETING_STATE_PLANNED)
    {
      set_state (self, YISHI_MEETING_STATE_IN_SESSION);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Close the Meeting?"),
                                                       _("Once closed, its attendance, agenda and votes can no longer change.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close", _("C_lose Meeting"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Children */

static void
attendance_changed_cb (YishiMeetingView *self)
{
  update_quorum (self);
  yishi_agenda_view_attendance_changed (self->agenda_view);
}

static void
part_changed_cb (YishiMeetingView *self)
{
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
live_cb (YishiMeetingView *self)
{
  update_projector (self);
}

/* The projector */

static void
projector_closed_cb (YishiMeetingView *self)
{
  self->projector = NULL;
  gtk_toggle_button_set_active (self->projector_button, FALSE);
}

static void
projector_toggled_cb (YishiMeetingView *self)
{
  gboolean wanted = gtk_toggle_button_get_active (self->projector_button);

  if (wanted && self->projector == NULL)
    {
      self->projector = yishi_projector_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
      g_signal_connect_object (self->projector, "destroy", G_CALLBACK (projector_closed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (self->projector));
      update_projector (self);
    }
  else if (!wanted && self->projector != NULL)
    gtk_window_destroy (GTK_WINDOW (self->projector));
}

static void
projector_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YishiMeetingView *self = YISHI_MEETING_VIEW (widget);

  gtk_toggle_button_set_active (self->projector_button,
                                !gtk_toggle_button_get_active (self->projector_button));
}

/* Menu actions */

static void
meeting_saved_cb (YishiMeetingView *self)
{
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiMeetingView *self = YISHI_MEETING_VIEW (widget);
  YishiMeetingDialog *dialog;

  if (self->data == NULL)
    return;
  dialog = yishi_meeting_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session,
                                     self->meeting_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (meeting_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_sheet_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  YishiMeetingView *self = YISHI_MEETING_VIEW (widget);

  if (self->data != NULL)
    yishi_sign_in_print_save_pdf (widget, self->data);
}

static void
print_sign_in_sheet_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  YishiMeetingView *self = YISHI_MEETING_VIEW (widget);

  if (self->data != NULL)
    yishi_sign_in_print_run (widget, self->data);
}

static void
yishi_meeting_view_dispose (GObject *object)
{
  YishiMeetingView *self = YISHI_MEETING_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->projector != NULL)
    gtk_window_destroy (GTK_WINDOW (self->projector));
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_MEETING_VIEW);
  /* the template's root box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_meeting_view_parent_class)->dispose (object);
}

static void
yishi_meeting_view_class_init (YishiMeetingViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_meeting_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (YISHI_TYPE_SIGN_IN_LIST);
  g_type_ensure (YISHI_TYPE_AGENDA_VIEW);
  g_type_ensure (YISHI_TYPE_RESOLUTION_LIST);
  g_type_ensure (YISHI_TYPE_MINUTES_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, details_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, state_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, projector_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, quorum_box);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, quorum_icon);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, quorum_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, sign_in_list);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, resolution_list);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingView, minutes_view);
  gtk_widget_class_bind_template_callback (widget_class, state_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, projector_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendance_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, live_cb);

  gtk_widget_class_install_action (widget_class, "meeting.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "meeting.projector", NULL, projector_action);
  gtk_widget_class_install_action (widget_class, "meeting.sign-in-sheet", NULL, sign_in_sheet_action);
  gtk_widget_class_install_action (widget_class, "meeting.print-sign-in-sheet", NULL,
                                   print_sign_in_sheet_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "meeting.projector", NULL);
}

static void
yishi_meeting_view_init (YishiMeetingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
