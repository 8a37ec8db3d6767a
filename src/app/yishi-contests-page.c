#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-dialog.h"
#include "yishi-contest-labels.h"
#include "yishi-contest-view.h"
#include "yishi-contests-page.h"
#include "yishi-sidebar-row.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiContestsPage
{
  GtkWidget         parent_instance;

  YishiSession     *session;
  GCancellable     *cancellable;
  gint64            selected_id;

  /* template children */
  GtkWidget *root_child;
  GtkListBox       *sidebar;
  GtkStack         *stack;
  YishiContestView *contest_view;
};

G_DEFINE_FINAL_TYPE (YishiContestsPage, yishi_contests_page, GTK_TYPE_WIDGET)

static void
fill_sidebar (YishiContestsPage *self,
              GPtrArray         *contests)
{
  GtkWidget *child;

  g_signal_handlers_block_matched (self->sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  g_signal_handlers_unblock_matched (self->sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  for (guint i = 0; i < contests->len; i++)
    {
      YishiContestRow *contest = contests->pdata[i];
      g_autofree char *subtitle = yishi_contest_text_summary (contest);

      gtk_list_box_append (self->sidebar, yishi_sidebar_row_new (contest->id, contest->name, subtitle,
                                                                 "starred-symbolic"));
    }
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
  return yishi_contest_store_list (db, error);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiContestsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contests = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (contests == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Contests Could Not Be Read"), error);
      return;
    }
  fill_sidebar (self, contests);
}

static void
reload (YishiContestsPage *self)
{
  if (self->session == NULL)
    return;
  yishi_store_run_async (yishi_session_get_database (self->session), list_func, NULL, NULL,
                         self->cancellable, listed_cb, g_object_ref (self));
}

static void
show_id (YishiContestsPage *self,
         gint64             id)
{
  self->selected_id = id;
  if (id > 0)
    {
      yishi_contest_view_set_contest (self->contest_view, self->session, id);
      gtk_stack_set_visible_child_name (self->stack, "contest");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
row_selected_cb (YishiContestsPage *self,
                 GtkListBoxRow     *row)
{
  show_id (self, yishi_sidebar_row_get_id (row));
}

/* A change in the view (a new state, a new name) shows in the list. */
static void
contest_changed_cb (YishiContestsPage *self)
{
  reload (self);
}

void
yishi_contests_page_select_contest (YishiContestsPage *self,
                                    gint64             contest_id)
{
  g_return_if_fail (YISHI_IS_CONTESTS_PAGE (self));

  show_id (self, contest_id);
  reload (self);
}

static void
contest_saved_cb (YishiContestsPage *self,
                  gint64             contest_id)
{
  yishi_contests_page_select_contest (self, contest_id);
}

static void
new_contest_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiContestsPage *self = YISHI_CONTESTS_PAGE (widget);
  YishiContestDialog *dialog;

  if (self->session == NULL)
    return;
  dialog = yishi_contest_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (contest_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
yishi_contests_page_dispose (GObject *object)
{
  YishiContestsPage *self = YISHI_CONTESTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_CONTESTS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_contests_page_parent_class)->dispose (object);
}

static void
yishi_contests_page_class_init (YishiContestsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_contests_page_dispose;

  g_type_ensure (YISHI_TYPE_CONTEST_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-contests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiContestsPage, root_child);
  gtk_widget_class_bind_template_child (widget_class, YishiContestsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, YishiContestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiContestsPage, contest_view);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, contest_changed_cb);

  gtk_widget_class_install_action (widget_class, "contests.new", NULL, new_contest_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "contests.new", NULL);
}

static void
yishi_contests_page_init (YishiContestsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Another program wrote the file: read the list and the contest again. */
static void
session_contests_changed_cb (YishiContestsPage *self)
{
  show_id (self, self->selected_id);
  reload (self);
}

void
yishi_contests_page_set_session (YishiContestsPage *self,
                                 YishiSession      *session)
{
  g_return_if_fail (YISHI_IS_CONTESTS_PAGE (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_object (session, "contests-changed", G_CALLBACK (session_contests_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->selected_id = 0;
  show_id (self, 0);
  reload (self);
}
