#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-resolution-dialog.h"
#include "yishi-resolution-list.h"
#include "yishi-resolution-row.h"

struct _YishiResolutionList
{
  GtkWidget         parent_instance;

  YishiSession     *session;
  YishiMeetingData *data;  /* a reference */

  /* template children */
  GtkWidget        *content; /* the root: bound so that dispose_template unparents it */
  GtkLabel         *count_label;
  GtkStack         *stack;
  GtkBox           *groups_box;
  AdwStatusPage    *empty_page;
};

G_DEFINE_FINAL_TYPE (YishiResolutionList, yishi_resolution_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Due before today, local time, as the store's follow-up list counts it. */
static gboolean
due_before_today (const char *due_on)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return due_on != NULL && strcmp (due_on, today) < 0;
}

static gboolean
is_overdue (const YishiSnapshotResolution *resolution)
{
  return due_before_today (resolution->due_on) &&
         !g_str_equal (resolution->follow_up, yishi_follow_up_to_key (YISHI_FOLLOW_UP_DONE));
}

/* A resolution names its item, or only the motion it carries out. */
static gint64
resolution_item (const YishiMeetingSnapshot    *meeting,
                 const YishiSnapshotResolution *resolution)
{
  if (resolution->item_id > 0)
    return resolution->item_id;
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      YishiSnapshotMotion *motion = meeting->motions->pdata[i];

      if (motion->id == resolution->motion_id)
        return motion->item_id;
    }
  return 0;
}

/* “3 resolutions, 1 overdue” */
static char *
describe_counts (GPtrArray *resolutions)
{
  guint overdue = 0;
  g_autofree char *count = NULL;
  g_autofree char *late = NULL;

  for (guint i = 0; i < resolutions->len; i++)
    overdue += is_overdue (resolutions->pdata[i]);
  /* Translators: how many resolutions a meeting has: 3 项决议 */
  count = g_strdup_printf (ngettext ("%u resolution", "%u resolutions", resolutions->len), resolutions->len);
  if (overdue == 0)
    return g_steal_pointer (&count);
  /* Translators: the second part of “3 resolutions, 1 overdue”: 1 项已逾期 */
  late = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue), overdue);
  /* Translators: two counts: “3 resolutions, 1 overdue” or “5 open, 2 overdue” */
  return g_strdup_printf (C_("counts", "%s, %s"), count, late);
}

static void
update_count (YishiResolutionList *self)
{
  GPtrArray *resolutions = self->data->snapshot->resolutions;
  g_autofree char *counts = describe_counts (resolutions);

  /* the empty state says it better than “0 resolutions” */
  gtk_label_set_label (self->count_label, resolutions->len > 0 ? counts : "");
}

/* The row stored a follow-up: the meeting's record shows it too. */
static void
follow_up_stored_cb (YishiResolutionList *self,
                     YishiResolutionRow  *row)
{
  GPtrArray *resolutions;
  gint64 id = yishi_resolution_row_get_id (row);

  if (self->data == NULL)
    return;
  resolutions = self->data->snapshot->resolutions;
  for (guint i = 0; i < resolutions->len; i++)
    {
      YishiSnapshotResolution *resolution = resolutions->pdata[i];

      if (resolution->id == id)
        {
          g_free (resolution->follow_up);
          resolution->follow_up = g_strdup (yishi_follow_up_to_key (yishi_resolution_row_get_follow_up (row)));
        }
    }
  update_count (self);
}

static GtkWidget *
make_group (YishiResolutionList     *self,
            const YishiSnapshotItem *item)
{
  const YishiMeetingSnapshot *meeting = self->data->snapshot;
  GtkWidget *group = NULL;

  for (guint i = 0; i < meeting->resolutions->len; i++)
    {
      YishiSnapshotResolution *resolution = meeting->resolutions->pdata[i];
      GtkWidget *row;

      if (resolution_item (meeting, resolution) != item->id)
        continue;
      if (group == NULL)
        {
          g_autofree char *number = yishi_agenda_number (item->position);
          g_autofree char *title = g_strdup_printf ("%s%s", number, item->title);
          g_autofree char *markup = g_markup_escape_text (title, -1);

          group = adw_preferences_group_new ();
          /* the group's title is markup */
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), markup);
        }
      row = yishi_resolution_row_new (self->session, resolution, NULL, due_before_today (resolution->due_on));
      g_signal_connect_object (row, "follow-up-stored", G_CALLBACK (follow_up_stored_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
show_empty (YishiResolutionList *self)
{
  gboolean has_items = self->data->snapshot->items->len > 0;

  adw_status_page_set_description (self->empty_page, has_items
    ? _("Record what the council decided on an agenda item, who follows it up and by when.")
    : _("Add an agenda item first: every resolution belongs to one."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
yishi_resolution_list_set_data (YishiResolutionList *self,
                                YishiSession        *session,
                                YishiMeetingData    *data)
{
  GPtrArray *items;
  GtkWidget *child;

  g_return_if_fail (YISHI_IS_RESOLUTION_LIST (self));
  g_return_if_fail (YISHI_IS_SESSION (session));
  g_return_if_fail (data != NULL);

  g_set_object (&self->session, session);
  yishi_meeting_data_ref (data);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  self->data = data;
  items = data->snapshot->items;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *group = make_group (self, items->pdata[i]);

      if (group != NULL)
        gtk_box_append (self->groups_box, group);
    }

  /* the store takes a resolution on any item, even once the meeting is closed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.add", items->len > 0);
  update_count (self);
  if (data->snapshot->resolutions->len > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    show_empty (self);
}

static void
saved_cb (YishiResolutionList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  YishiResolutionList *self = YISHI_RESOLUTION_LIST (widget);
  YishiResolutionDialog *dialog;

  if (self->data == NULL || self->data->snapshot->items->len == 0)
    return;
  dialog = yishi_resolution_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->data);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
yishi_resolution_list_dispose (GObject *object)
{
  YishiResolutionList *self = YISHI_RESOLUTION_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_RESOLUTION_LIST);
  g_clear_object (&self->session);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);

  G_OBJECT_CLASS (yishi_resolution_list_parent_class)->dispose (object);
}

static void
yishi_resolution_list_class_init (YishiResolutionListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_resolution_list_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-resolution-list.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionList, content);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionList, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionList, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionList, groups_box);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionList, empty_page);

  gtk_widget_class_install_action (widget_class, "resolutions.add", NULL, add_action);
}

static void
yishi_resolution_list_init (YishiResolutionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolutions.add", FALSE);
}
