#include "config.h"

#include <glib/gi18n.h>

#include "yishi-agenda-view.h"
#include "yishi-meeting-text.h"
#include "yishi-motion-dialog.h"
#include "yishi-motion-row.h"
#include "yishi-speaker-panel.h"
#include "yishi-store-task.h"
#include "yishi-vote-dialog.h"
#include "yishi-window.h"

struct _YishiAgendaView
{
  GtkWidget          parent_instance;

  YishiSession      *session;
  YishiMeetingData  *data;       /* a reference */
  gint64             item_id;    /* the item shown */
  char              *result;     /* the last vote's result, for the projector */

  /* template children */
  GtkListBox        *item_list;
  GtkWidget         *item_tools;
  GtkEntry          *item_entry;
  GtkStack          *detail_stack;
  GtkLabel          *item_title;
  GtkLabel          *item_proposal;
  GtkWidget         *session_hint;
  YishiSpeakerPanel *speaker_panel;
  GtkWidget         *new_motion_button;
  GtkListBox        *motion_list;
};

G_DEFINE_FINAL_TYPE (YishiAgendaView, yishi_agenda_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  LIVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const YishiSnapshotItem *
find_item (YishiAgendaView *self,
           gint64           item_id)
{
  for (guint i = 0; self->data != NULL && i < self->data->snapshot->items->len; i++)
    {
      const YishiSnapshotItem *item = self->data->snapshot->items->pdata[i];

      if (item->id == item_id)
        return item;
    }
  return NULL;
}

static YishiSnapshotMotion *
find_motion (YishiAgendaView *self,
             gint64           motion_id)
{
  for (guint i = 0; self->data != NULL && i < self->data->snapshot->motions->len; i++)
    {
      YishiSnapshotMotion *motion = self->data->snapshot->motions->pdata[i];

      if (motion->id == motion_id)
        return motion;
    }
  return NULL;
}

static gboolean
in_session (YishiAgendaView *self)
{
  return self->data != NULL && self->data->snapshot->state == YISHI_MEETING_STATE_IN_SESSION;
}

static void
append_motion_rows (YishiAgendaView *self,
                    gint64           parent_id)
{
  GPtrArray *motions = self->data->snapshot->motions;

  for (guint i = 0; i < motions->len; i++)
    {
      const YishiSnapshotMotion *motion = motions->pdata[i];

      if (motion->item_id != self->item_id || motion->parent_id != parent_id)
        continue;
      GtkWidget *row = yishi_motion_row_new (motion, in_session (self));

      g_object_set_data_full (G_OBJECT (row), "yishi-motion", g_memdup2 (&motion->id, sizeof motion->id), g_free);
      gtk_list_box_append (self->motion_list, row);
      if (parent_id == 0)
        append_motion_rows (self, motion->id);
    }
}

/* The motions of the item shown, when the item or the meeting changes. */
static void
show_motions (YishiAgendaView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->motion_list))) != NULL)
    gtk_list_box_remove (self->motion_list, child);
  append_motion_rows (self, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->motion_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->motion_list)) != NULL);
}

static void
show_item (YishiAgendaView *self)
{
  const YishiSnapshotItem *item = find_item (self, self->item_id);
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *proposal = NULL;

  gtk_stack_set_visible_child_name (self->detail_stack, item ? "item" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.new-motion", item && in_session (self));
  gtk_widget_set_visible (self->session_hint,
                          self->data && self->data->snapshot->state == YISHI_MEETING_STATE_PLANNED);
  gtk_widget_set_visible (self->new_motion_button,
                          self->data && self->data->snapshot->state != YISHI_MEETING_STATE_CLOSED);
  if (item == NULL)
    return;

  number = yishi_agenda_number (item->position);
  title = g_strconcat (number, item->title, NULL);
  gtk_label_set_label (self->item_title, title);
  if (item->proposal_id > 0)
    {
      g_autofree char *proposal_number = g_strdup_printf ("%" G_GINT64_FORMAT, item->proposal_id);

      /* Translators: %s is a proposal's number */
      proposal = g_strdup_printf (_("Discusses proposal No. %s; its status follows the decision."),
                                  proposal_number);
    }
  gtk_label_set_label (self->item_proposal, proposal ? proposal : "");
  gtk_widget_set_visible (GTK_WIDGET (self->item_proposal), proposal != NULL);
  yishi_speaker_panel_set_item (self->speaker_panel, self->session, self->data, item->id);
  show_motions (self);
}

static GtkWidget *
make_item_row (const YishiSnapshotItem *item)
{
  g_autofree char *number = yishi_agenda_number (item->position);
  g_autofree char *text = g_strconcat (number, item->title, NULL);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (row), "yishi-id", g_memdup2 (&item->id, sizeof item->id), g_free);
  return row;
}

static void
update_item_actions (YishiAgendaView *self)
{
  const YishiSnapshotItem *item = find_item (self, self->item_id);
  gboolean open = self->data && self->data->snapshot->state != YISHI_MEETING_STATE_CLOSED;
  guint n_items = self->data ? self->data->snapshot->items->len : 0;

  gtk_widget_set_visible (self->item_tools, open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-up", open && item && item->position > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-down",
                                 open && item && item->position < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.remove-item", open && item != NULL);
}

static void
item_selected_cb (YishiAgendaView *self,
                  GtkListBoxRow   *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "yishi-id") : NULL;

  if (id == NULL)
    return;
  self->item_id = *id;
  g_clear_pointer (&self->result, g_free);
  show_item (self);
  update_item_actions (self);
  g_signal_emit (self, signals[LIVE], 0);
}

void
yishi_agenda_view_set_data (YishiAgendaView  *self,
                            YishiSession     *session,
                            YishiMeetingData *data)
{
  GtkWidget *child;
  GtkListBoxRow *keep = NULL;

  g_return_if_fail (YISHI_IS_AGENDA_VIEW (self));

  g_set_object (&self->session, session);
  yishi_meeting_data_ref (data);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  self->data = data;
  if (find_item (self, self->item_id) == NULL)
    self->item_id = data->snapshot->items->len > 0
                    ? ((YishiSnapshotItem *) data->snapshot->items->pdata[0])->id : 0;

  g_signal_handlers_block_matched (self->item_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  for (guint i = 0; i < data->snapshot->items->len; i++)
    {
      const YishiSnapshotItem *item = data->snapshot->items->pdata[i];
      GtkWidget *row = make_item_row (item);

      gtk_list_box_append (self->item_list, row);
      if (item->id == self->item_id)
        keep = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (self->item_list, keep);
  g_signal_handlers_unblock_matched (self->item_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  show_item (self);
  update_item_actions (self);
}

void
yishi_agenda_view_attendance_changed (YishiAgendaView *self)
{
  g_return_if_fail (YISHI_IS_AGENDA_VIEW (self));

  yishi_speaker_panel_attendance_changed (self->speaker_panel);
}

void
yishi_agenda_view_get_live (YishiAgendaView *self,
                            YishiLiveState  *out)
{
  const YishiSnapshotItem *item = find_item (self, self->item_id);

  g_return_if_fail (YISHI_IS_AGENDA_VIEW (self));

  out->item = item ? item->title : "";
  out->speaker = yishi_speaker_panel_get_speaker (self->speaker_panel, &out->remaining);
  out->result = self->result ? self->result : "";
}

static void
speaker_live_cb (YishiAgendaView *self)
{
  g_signal_emit (self, signals[LIVE], 0);
}

/* Changing the agenda: one store call each, then the meeting is read again. */

typedef struct
{
  gint64  meeting_id;
  gint64  item_id;
  guint   position; /* 0: remove */
  char   *title;    /* non-NULL: add */
} ItemRequest;

static void
item_request_free (ItemRequest *request)
{
  g_free (request->title);
  g_free (request);
}

static gpointer
item_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  ItemRequest *request = data;

  if (request->title != NULL)
    return GINT_TO_POINTER (yishi_meeting_store_add_item (db, request->meeting_id, request->title, 0,
                                                          error) > 0);
  if (request->position == 0)
    return GINT_TO_POINTER (yishi_meeting_store_remove_item (db, request->item_id, error));
  return GINT_TO_POINTER (yishi_meeting_store_move_item (db, request->item_id, request->position, error));
}

static void
item_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(YishiAgendaView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Agenda Could Not Change"), error);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
run_item_request (YishiAgendaView *self,
                  ItemRequest     *request)
{
  request->meeting_id = self->data->snapshot->id;
  yishi_store_run_async (yishi_session_get_database (self->session), item_func, request,
                         (GDestroyNotify) item_request_free, NULL, item_done_cb, g_object_ref (self));
}

static void
add_item_cb (YishiAgendaView *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->item_entry))));
  ItemRequest *request;

  if (*title == '\0' || self->data == NULL)
    return;
  request = g_new0 (ItemRequest, 1);
  request->title = g_steal_pointer (&title);
  run_item_request (self, request);
  gtk_editable_set_text (GTK_EDITABLE (self->item_entry), "");
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiAgendaView *self = YISHI_AGENDA_VIEW (widget);
  const YishiSnapshotItem *item = find_item (self, self->item_id);
  ItemRequest *request;

  if (item == NULL)
    return;
  request = g_new0 (ItemRequest, 1);
  request->item_id = item->id;
  request->position = g_str_equal (action_name, "agenda.move-up") ? item->position - 1 : item->position + 1;
  run_item_request (self, request);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiAgendaView *self = YISHI_AGENDA_VIEW (widget);
  ItemRequest *request;

  if (find_item (self, self->item_id) == NULL)
    return;
  request = g_new0 (ItemRequest, 1);
  request->item_id = self->item_id;
  self->item_id = 0;
  run_item_request (self, request);
}

/* Motions and votes */

static void
motion_added_cb (YishiAgendaView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_motion_dialog (YishiAgendaView *self,
                    gint64           parent_id)
{
  YishiMotionDialog *dialog;

  if (find_item (self, self->item_id) == NULL)
    return;
  dialog = yishi_motion_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->session,
                                    self->data, self->item_id, parent_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (motion_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_motion_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_motion_dialog (YISHI_AGENDA_VIEW (widget), 0);
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_motion_dialog (YISHI_AGENDA_VIEW (widget), g_variant_get_int64 (parameter));
}

/* Only the voted motion's row changes, and only its result line's text:
 * no row changes height, so GTK keeps what it measured of the other
 * rows and a 100-motion agenda shows the result in the next frame. */
static void
update_motion_row (YishiAgendaView           *self,
                   const YishiSnapshotMotion *motion)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->motion_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *id = g_object_get_data (G_OBJECT (child), "yishi-motion");

      if (id != NULL && *id == motion->id)
        {
          yishi_motion_row_show_vote (child, motion);
          return;
        }
    }
  show_motions (self);
}

/* The result goes into the record already on screen and the motion
 * list is redrawn: no need to read the whole meeting again. */
static void
vote_recorded_cb (YishiAgendaView       *self,
                  gint64                 motion_id,
                  const YishiVoteCounts *counts,
                  const YishiVoteResult *result)
{
  YishiSnapshotMotion *motion = find_motion (self, motion_id);

  if (motion == NULL)
    return;
  motion->voted = TRUE;
  motion->counts = *counts;
  motion->verdict = result->verdict;
  motion->required = result->required;
  g_free (self->result);
  self->result = yishi_motion_describe_result (motion);
  update_motion_row (self, motion);
  g_signal_emit (self, signals[LIVE], 0);
  if (find_item (self, motion->item_id)->proposal_id > 0)
    yishi_session_proposals_changed (self->session);
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiAgendaView *self = YISHI_AGENDA_VIEW (widget);
  const YishiSnapshotMotion *motion = find_motion (self, g_variant_get_int64 (parameter));
  YishiVoteDialog *dialog;

  if (motion == NULL)
    return;
  dialog = yishi_vote_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session, self->data,
                                  motion);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (vote_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
yishi_agenda_view_dispose (GObject *object)
{
  YishiAgendaView *self = YISHI_AGENDA_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_AGENDA_VIEW);
  /* the template's root box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  g_clear_pointer (&self->result, g_free);

  G_OBJECT_CLASS (yishi_agenda_view_parent_class)->dispose (object);
}

static void
yishi_agenda_view_class_init (YishiAgendaViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_agenda_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LIVE] = g_signal_new ("live", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (YISHI_TYPE_SPEAKER_PANEL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, item_list);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, item_tools);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, item_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, item_title);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, item_proposal);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, session_hint);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, speaker_panel);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, new_motion_button);
  gtk_widget_class_bind_template_child (widget_class, YishiAgendaView, motion_list);
  gtk_widget_class_bind_template_callback (widget_class, item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, speaker_live_cb);

  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.remove-item", NULL, remove_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.new-motion", NULL, new_motion_action);
  gtk_widget_class_install_action (widget_class, "agenda.amend", "x", amend_action);
  gtk_widget_class_install_action (widget_class, "agenda.vote", "x", vote_action);
}

static void
yishi_agenda_view_init (YishiAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
