#include "config.h"

#include <glib/gi18n.h>

#include "yishi-council-dialog.h"
#include "yishi-follow-ups-view.h"
#include "yishi-meeting-dialog.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-text.h"
#include "yishi-meeting-view.h"
#include "yishi-meetings-page.h"
#include "yishi-sidebar-row.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

#define FOLLOW_UPS_ID (-1)

struct _YishiMeetingsPage
{
  GtkWidget           parent_instance;

  YishiSession       *session;
  GCancellable       *cancellable;
  gint64              selected_id; /* a meeting, FOLLOW_UPS_ID or 0 */

  /* template children */
  GtkWidget          *paned;
  GtkListBox         *sidebar;
  GtkStack           *stack;
  YishiMeetingView   *meeting_view;
  YishiFollowUpsView *follow_ups_view;
};

G_DEFINE_FINAL_TYPE (YishiMeetingsPage, yishi_meetings_page, GTK_TYPE_WIDGET)

static void reload (YishiMeetingsPage *self);

static void
fill_sidebar (YishiMeetingsPage *self,
              GPtrArray         *meetings)
{
  GtkWidget *child;

  /* removing the selected row selects none: keep what is on screen */
  g_signal_handlers_block_matched (self->sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  gtk_list_box_append (self->sidebar, yishi_sidebar_row_new (FOLLOW_UPS_ID, _("Open Follow-ups"),
                                                             _("Resolutions still to carry out"),
                                                             "task-due-symbolic"));
  for (guint i = 0; i < meetings->len; i++)
    {
      YishiMeetingRow *meeting = meetings->pdata[i];
      g_autofree char *subtitle = g_strdup_printf ("%.16s · %s", meeting->starts_at,
                                                  yishi_meeting_state_label (meeting->state));

      gtk_list_box_append (self->sidebar, yishi_sidebar_row_new (meeting->id, meeting->title, subtitle,
                                                                 "x-office-calendar-symbolic"));
    }

  g_signal_handlers_unblock_matched (self->sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  yishi_sidebar_select_id (self->sidebar, self->selected_id, self);
}

static gpointer
list_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) g_ptr_array_unref;
  return yishi_meeting_store_list (db, error);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiMeetingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (meetings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Meetings Could Not Be Read"), error);
      return;
    }
  fill_sidebar (self, meetings);
}

static void
reload (YishiMeetingsPage *self)
{
  if (self->session == NULL)
    return;

  yishi_store_run_async (yishi_session_get_database (self->session), list_func, NULL, NULL,
                         self->cancellable, listed_cb, g_object_ref (self));
}

static void
show_id (YishiMeetingsPage *self,
         gint64             id)
{
  self->selected_id = id;
  if (id == FOLLOW_UPS_ID)
    {
      yishi_follow_ups_view_set_session (self->follow_ups_view, self->session);
      gtk_stack_set_visible_child_name (self->stack, "follow-ups");
    }
  else if (id > 0)
    {
      yishi_meeting_view_set_meeting (self->meeting_view, self->session, id);
      gtk_stack_set_visible_child_name (self->stack, "meeting");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
row_selected_cb (YishiMeetingsPage *self,
                 GtkListBoxRow     *row)
{
  show_id (self, yishi_sidebar_row_get_id (row));
}

static void
meeting_changed_cb (YishiMeetingsPage *self)
{
  reload (self);
}

void
yishi_meetings_page_select_meeting (YishiMeetingsPage *self,
                                    gint64             meeting_id)
{
  g_return_if_fail (YISHI_IS_MEETINGS_PAGE (self));

  show_id (self, meeting_id);
  reload (self);
}

static void
meeting_saved_cb (YishiMeetingsPage *self,
                  gint64             meeting_id)
{
  yishi_meetings_page_select_meeting (self, meeting_id);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiMeetingsPage *self = YISHI_MEETINGS_PAGE (widget);
  YishiMeetingDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = yishi_meeting_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (meeting_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
council_saved_cb (YishiMeetingsPage *self)
{
  if (self->selected_id > 0)
    show_id (self, self->selected_id);
}

static void
open_council (YishiMeetingsPage *self,
              gint64             council_id)
{
  YishiCouncilDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = yishi_council_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->session, council_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (council_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_council_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_council (YISHI_MEETINGS_PAGE (widget), 0);
}

static void
edit_council_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  YishiMeetingsPage *self = YISHI_MEETINGS_PAGE (widget);
  gint64 council_id = self->selected_id > 0 ? yishi_meeting_view_get_council_id (self->meeting_view) : 0;

  if (council_id > 0)
    open_council (self, council_id);
}

static void
yishi_meetings_page_dispose (GObject *object)
{
  YishiMeetingsPage *self = YISHI_MEETINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  /* rows removed while disposing would select none and show a page */
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_MEETINGS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_meetings_page_parent_class)->dispose (object);
}

static void
yishi_meetings_page_class_init (YishiMeetingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_meetings_page_dispose;

  g_type_ensure (YISHI_TYPE_MEETING_VIEW);
  g_type_ensure (YISHI_TYPE_FOLLOW_UPS_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingsPage, meeting_view);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingsPage, follow_ups_view);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, meeting_changed_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.new-council", NULL, new_council_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit-council", NULL, edit_council_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "meetings.new", NULL);
}

static void
yishi_meetings_page_init (YishiMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Another program wrote the file: read the list and the meeting again. */
static void
session_meetings_changed_cb (YishiMeetingsPage *self)
{
  show_id (self, self->selected_id);
  reload (self);
}

void
yishi_meetings_page_set_session (YishiMeetingsPage *self,
                                 YishiSession      *session)
{
  g_return_if_fail (YISHI_IS_MEETINGS_PAGE (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "meetings-changed", G_CALLBACK (session_meetings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->selected_id = 0;
  show_id (self, 0);
  reload (self);
}
