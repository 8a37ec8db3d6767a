#include "config.h"

#include <glib/gi18n.h>

#include "yishi-follow-ups-view.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-resolution-row.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiFollowUpsView
{
  GtkWidget     parent_instance;

  YishiSession *session;
  GCancellable *cancellable;
  /* the row whose drop-down had the focus when a follow-up was stored,
   * so the keyboard stays there (or on the next row) after the reload */
  gint64        focus_id;
  int           focus_index;

  /* template children */
  GtkStack     *stack;
  GtkLabel     *count_label;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (YishiFollowUpsView, yishi_follow_ups_view, GTK_TYPE_WIDGET)

static void load (YishiFollowUpsView *self);

/* “5 open, 2 overdue” */
static char *
describe_counts (GPtrArray *rows)
{
  guint overdue = 0;
  g_autofree char *open = NULL;
  g_autofree char *late = NULL;

  for (guint i = 0; i < rows->len; i++)
    overdue += ((YishiFollowUpRow *) rows->pdata[i])->overdue;
  /* Translators: resolutions not done yet (open or in progress): 5 项待跟进 */
  open = g_strdup_printf (ngettext ("%u open", "%u open", rows->len), rows->len);
  if (overdue == 0)
    return g_steal_pointer (&open);
  /* Translators: the second part of “5 open, 2 overdue”: 2 项已逾期 */
  late = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);
  /* Translators: two counts: “3 resolutions, 1 overdue” or “5 open, 2 overdue” */
  return g_strdup_printf (C_("counts", "%s, %s"), open, late);
}

static void
follow_up_stored_cb (YishiFollowUpsView *self,
                     YishiResolutionRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* disposed, and only waiting for the last reference to go */
  if (self->session == NULL)
    return;
  self->focus_id = 0;
  if (focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row))))
    {
      self->focus_id = yishi_resolution_row_get_id (row);
      self->focus_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
    }
  load (self);
}

/* The same resolution, or the one that took its place once it was done. */
static void
restore_focus (YishiFollowUpsView *self)
{
  GtkListBoxRow *fallback = gtk_list_box_get_row_at_index (self->list_box, self->focus_index);
  GtkWidget *child;

  if (fallback == NULL && self->focus_index > 0)
    fallback = gtk_list_box_get_row_at_index (self->list_box, self->focus_index - 1);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (yishi_resolution_row_get_id (YISHI_RESOLUTION_ROW (child)) == self->focus_id)
      fallback = GTK_LIST_BOX_ROW (child);
  if (fallback != NULL)
    yishi_resolution_row_focus_follow_up (YISHI_RESOLUTION_ROW (fallback));
  self->focus_id = 0;
}

static void
show_rows (YishiFollowUpsView *self,
           GPtrArray          *rows)
{
  g_autofree char *counts = describe_counts (rows);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < rows->len; i++)
    {
      YishiFollowUpRow *follow_up = rows->pdata[i];
      GtkWidget *row = yishi_resolution_row_new (self->session, &follow_up->resolution,
                                                 follow_up->meeting, follow_up->overdue);

      g_signal_connect_object (row, "follow-up-stored", G_CALLBACK (follow_up_stored_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->list_box, row);
    }
  gtk_label_set_label (self->count_label, counts);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "list" : "empty");
  if (self->focus_id != 0)
    restore_focus (self);
}

static gpointer
list_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) g_ptr_array_unref;
  return yishi_meeting_store_list_follow_ups (db, error);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiFollowUpsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Follow-ups Could Not Be Read"), error);
      return;
    }
  show_rows (self, rows);
}

/* The list on screen stays until the new one is in: no flicker. */
static void
load (YishiFollowUpsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  yishi_store_run_async (yishi_session_get_database (self->session), list_func, NULL, NULL,
                         self->cancellable, listed_cb, g_object_ref (self));
}

void
yishi_follow_ups_view_set_session (YishiFollowUpsView *self,
                                   YishiSession       *session)
{
  g_return_if_fail (YISHI_IS_FOLLOW_UPS_VIEW (self));
  g_return_if_fail (YISHI_IS_SESSION (session));

  if (self->session != session)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  g_set_object (&self->session, session);
  load (self);
}

static void
yishi_follow_ups_view_dispose (GObject *object)
{
  YishiFollowUpsView *self = YISHI_FOLLOW_UPS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_FOLLOW_UPS_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_follow_ups_view_parent_class)->dispose (object);
}

static void
yishi_follow_ups_view_class_init (YishiFollowUpsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_follow_ups_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-follow-ups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiFollowUpsView, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiFollowUpsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiFollowUpsView, list_box);
}

static void
yishi_follow_ups_view_init (YishiFollowUpsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
