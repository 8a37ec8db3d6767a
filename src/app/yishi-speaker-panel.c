#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-speaker-panel.h"
#include "yishi-speech-store.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

#define TICK_MS 200

struct _YishiSpeakerPanel
{
  GtkWidget         parent_instance;

  YishiSession     *session;
  YishiMeetingData *data;      /* a reference */
  gint64            item_id;
  GPtrArray        *speeches;  /* of YishiSpeechRow */
  YishiSpeechRow   *speaking;  /* in speeches, or NULL */
  GArray           *person_ids;
  GArray           *motion_ids;
  GCancellable     *cancellable;
  guint             tick_source;
  gint64            shown_remaining;
  gint64            started_us; /* real time, in µs, when the speaker got the floor; 0: none */

  /* template children */
  GtkLabel         *rules_label;
  GtkWidget        *floor_box;
  GtkLabel         *speaker_label;
  GtkLabel         *turn_label;
  GtkLabel         *countdown_label;
  GtkEntry         *note_entry;
  GtkListBox       *queue_list;
  GtkWidget        *add_box;
  GtkDropDown      *person_dropdown;
  GtkDropDown      *motion_dropdown;
};

G_DEFINE_FINAL_TYPE (YishiSpeakerPanel, yishi_speaker_panel, GTK_TYPE_WIDGET)

enum {
  LIVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (YishiSpeakerPanel *self);

static gboolean
in_session (YishiSpeakerPanel *self)
{
  return self->data && self->data->snapshot->state == YISHI_MEETING_STATE_IN_SESSION;
}

static gint64
remaining_seconds (YishiSpeakerPanel *self)
{
  if (self->speaking == NULL || self->started_us == 0)
    return 0;
  return (gint64) self->data->snapshot->speaking.speech_seconds -
         (g_get_real_time () - self->started_us) / G_USEC_PER_SEC;
}

/* The turn's start, read once from the stored text: each tick only
 * reads the clock. */
static gint64
turn_start (YishiSpeakerPanel *self)
{
  g_autoptr(GDateTime) started = self->speaking ? yishi_parse_timestamp (self->speaking->started_at) : NULL;

  return started ? g_date_time_to_unix (started) * G_USEC_PER_SEC : 0;
}

static gboolean
tick_cb (gpointer user_data)
{
  YishiSpeakerPanel *self = user_data;
  gint64 remaining = remaining_seconds (self);
  g_autofree char *text = NULL;

  if (remaining == self->shown_remaining)
    return G_SOURCE_CONTINUE;
  self->shown_remaining = remaining;
  text = yishi_format_countdown (remaining);
  gtk_label_set_label (self->countdown_label, text);
  if (remaining <= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "error");
  g_signal_emit (self, signals[LIVE], 0);
  return G_SOURCE_CONTINUE;
}

static void
show_floor (YishiSpeakerPanel *self)
{
  g_autofree char *turn = NULL;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_widget_set_visible (self->floor_box, self->speaking != NULL);
  if (self->speaking == NULL)
    {
      g_signal_emit (self, signals[LIVE], 0);
      return;
    }

  gtk_label_set_label (self->speaker_label, self->speaking->name);
  /* Translators: %u is how many times this member has spoken on it: 第 %u 次发言 */
  turn = g_strdup_printf (_("Turn %u"), self->speaking->turn);
  gtk_label_set_label (self->turn_label, turn);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), self->speaking->note);
  self->started_us = turn_start (self);
  self->shown_remaining = G_MININT64;
  tick_cb (self);
  self->tick_source = g_timeout_add (TICK_MS, tick_cb, self);
}

static const char *
speech_state_text (const YishiSpeechRow *speech)
{
  switch (speech->state)
    {
    case YISHI_SPEECH_QUEUED:
      /* Translators: a speaker waiting for the floor: 等候发言 */
      return _("Waiting");
    case YISHI_SPEECH_SPEAKING:
      /* Translators: 正在发言 */
      return _("Speaking now");
    default:
      /* Translators: 已发言 */
      return _("Spoke");
    }
}

static char *
speech_subtitle (const YishiSpeechRow *speech)
{
  g_autofree char *from = yishi_format_clock_time (speech->started_at);
  g_autofree char *to = yishi_format_clock_time (speech->ended_at);

  if (speech->state == YISHI_SPEECH_DONE && *speech->note != '\0')
    /* Translators: a past speech: “已发言 · 14:02–14:04 · 第 1 次 · note” */
    return g_strdup_printf (_("%s · %s–%s · turn %u · %s"), speech_state_text (speech), from, to,
                            speech->turn, speech->note);
  if (speech->state == YISHI_SPEECH_DONE)
    return g_strdup_printf (_("%s · %s–%s · turn %u"), speech_state_text (speech), from, to, speech->turn);
  /* Translators: a speech in the queue: “等候发言 · 第 2 次” */
  return g_strdup_printf (_("%s · turn %u"), speech_state_text (speech), speech->turn);
}

static GtkWidget *
make_button (const char *label,
             const char *accessible,
             const char *action,
             gint64      speech_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", speech_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static GtkWidget *
make_speech_row (YishiSpeakerPanel    *self,
                 const YishiSpeechRow *speech)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = speech_subtitle (speech);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), speech->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (speech->state == YISHI_SPEECH_QUEUED)
    {
      /* Translators: accessible names; %s is the member's name */
      g_autofree char *floor_name = g_strdup_printf (_("Give the floor to %s"), speech->name);
      g_autofree char *withdraw_name = g_strdup_printf (_("Take %s off the queue"), speech->name);
      GtkWidget *floor = make_button (_("_Give Floor"), floor_name, "speakers.floor", speech->id);

      gtk_widget_set_sensitive (floor, in_session (self) && self->speaking == NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (_("_Withdraw"), withdraw_name, "speakers.withdraw", speech->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), floor);
    }
  return row;
}

static void
show_queue (YishiSpeakerPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list))) != NULL)
    gtk_list_box_remove (self->queue_list, child);
  self->speaking = NULL;
  for (guint i = 0; self->speeches != NULL && i < self->speeches->len; i++)
    if (((YishiSpeechRow *) self->speeches->pdata[i])->state == YISHI_SPEECH_SPEAKING)
      self->speaking = self->speeches->pdata[i];
  for (guint i = 0; self->speeches != NULL && i < self->speeches->len; i++)
    if (self->speeches->pdata[i] != self->speaking)
      gtk_list_box_append (self->queue_list, make_speech_row (self, self->speeches->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->queue_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->queue_list)) != NULL);
  show_floor (self);
}

static void
fill_people (YishiSpeakerPanel *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->person_ids, 0);
  for (guint i = 0; i < self->data->members->len; i++)
    {
      YishiCouncilMemberRow *member = self->data->members->pdata[i];
      YishiAttendance status;

      /* only members in the room ask to speak */
      if (!yishi_meeting_data_get_status (self->data, member->person_id, &status) ||
          status != YISHI_ATTENDANCE_PRESENT)
        continue;
      gtk_string_list_append (names, member->name);
      g_array_append_val (self->person_ids, member->person_id);
    }
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));
  /* a closed meeting's speeches are history: nothing to queue */
  gtk_widget_set_visible (self->add_box, self->data->snapshot->state != YISHI_MEETING_STATE_CLOSED);
  gtk_widget_set_sensitive (self->add_box, self->person_ids->len > 0);
}

static void
fill_motions (YishiSpeakerPanel *self)
{
  g_autoptr(GtkStringList) texts = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->motion_ids, 0);
  /* Translators: a speech on the agenda item, not on one motion: 就议题发言 */
  gtk_string_list_append (texts, _("On the item in general"));
  g_array_append_val (self->motion_ids, none);
  for (guint i = 0; i < self->data->snapshot->motions->len; i++)
    {
      YishiSnapshotMotion *motion = self->data->snapshot->motions->pdata[i];

      if (motion->item_id != self->item_id || motion->voted)
        continue;
      gtk_string_list_append (texts, motion->text);
      g_array_append_val (self->motion_ids, motion->id);
    }
  gtk_drop_down_set_model (self->motion_dropdown, G_LIST_MODEL (texts));
}

static void
show_rules (YishiSpeakerPanel *self)
{
  const YishiSpeakingRules *rules = &self->data->snapshot->speaking;
  g_autofree char *length = yishi_format_countdown (rules->speech_seconds);
  /* Translators: %s a length like 2:00, %u turns: 每次发言 2:00，每人每项动议最多 2 次 */
  g_autofree char *text = g_strdup_printf (ngettext ("%s a turn, at most %u turn per member per motion",
                                                     "%s a turn, at most %u turns per member per motion",
                                                     rules->max_turns),
                                           length, rules->max_turns);

  gtk_label_set_label (self->rules_label, text);
}

static gpointer
list_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) g_ptr_array_unref;
  return yishi_speech_store_list (db, *(gint64 *) data, error);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiSpeakerPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *speeches = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (speeches == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Speakers Could Not Be Read"), error);
      return;
    }
  g_clear_pointer (&self->speeches, g_ptr_array_unref);
  self->speeches = speeches;
  show_queue (self);
}

static void
reload (YishiSpeakerPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  yishi_store_run_async (yishi_session_get_database (self->session), list_func,
                         g_memdup2 (&self->item_id, sizeof self->item_id), g_free,
                         self->cancellable, listed_cb, g_object_ref (self));
}

void
yishi_speaker_panel_set_item (YishiSpeakerPanel *self,
                              YishiSession      *session,
                              YishiMeetingData  *data,
                              gint64             item_id)
{
  g_return_if_fail (YISHI_IS_SPEAKER_PANEL (self));

  g_set_object (&self->session, session);
  yishi_meeting_data_ref (data);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  self->data = data;
  if (self->item_id != item_id)
    {
      g_clear_pointer (&self->speeches, g_ptr_array_unref);
      show_queue (self);
    }
  self->item_id = item_id;
  show_rules (self);
  fill_people (self);
  fill_motions (self);
  reload (self);
}

void
yishi_speaker_panel_attendance_changed (YishiSpeakerPanel *self)
{
  g_return_if_fail (YISHI_IS_SPEAKER_PANEL (self));

  if (self->data != NULL)
    fill_people (self);
}

const char *
yishi_speaker_panel_get_speaker (YishiSpeakerPanel *self,
                                 gint64            *out_remaining)
{
  g_return_val_if_fail (YISHI_IS_SPEAKER_PANEL (self), "");

  *out_remaining = self->speaking ? remaining_seconds (self) : 0;
  return self->speaking ? self->speaking->name : "";
}

/* Writing: each action is one store call, then the queue is read again. */

typedef enum { ENQUEUE, FLOOR, END, WITHDRAW } SpeechOp;

typedef struct
{
  SpeechOp  op;
  gint64    id;        /* the speech, or for ENQUEUE the item */
  gint64    motion_id;
  gint64    person_id;
  char     *note;
} SpeechRequest;

static void
speech_request_free (SpeechRequest *request)
{
  g_free (request->note);
  g_free (request);
}

static gpointer
speech_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  SpeechRequest *r = data;

  switch (r->op)
    {
    case ENQUEUE:
      return GINT_TO_POINTER (yishi_speech_store_enqueue (db, r->id, r->motion_id, r->person_id, error) > 0);
    case FLOOR:
      return GINT_TO_POINTER (yishi_speech_store_give_floor (db, r->id, error));
    case END:
      return GINT_TO_POINTER (yishi_speech_store_end (db, r->id, r->note, error));
    default:
      return GINT_TO_POINTER (yishi_speech_store_withdraw (db, r->id, error));
    }
}

static void
speech_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(YishiSpeakerPanel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    yishi_window_show_error (GTK_WIDGET (self), _("The Speakers’ Queue Could Not Change"), error);
  reload (self);
}

static void
run_request (YishiSpeakerPanel *self,
             SpeechRequest     *request)
{
  yishi_store_run_async (yishi_session_get_database (self->session), speech_func, request,
                         (GDestroyNotify) speech_request_free, NULL, speech_done_cb, g_object_ref (self));
}

static void
enqueue_cb (YishiSpeakerPanel *self)
{
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
  guint motion = gtk_drop_down_get_selected (self->motion_dropdown);
  SpeechRequest *request;

  if (person >= self->person_ids->len)
    return;
  request = g_new0 (SpeechRequest, 1);
  request->op = ENQUEUE;
  request->id = self->item_id;
  request->person_id = g_array_index (self->person_ids, gint64, person);
  request->motion_id = motion < self->motion_ids->len ? g_array_index (self->motion_ids, gint64, motion) : 0;
  run_request (self, request);
}

static void
end_turn_cb (YishiSpeakerPanel *self)
{
  SpeechRequest *request;

  if (self->speaking == NULL)
    return;
  request = g_new0 (SpeechRequest, 1);
  request->op = END;
  request->id = self->speaking->id;
  request->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  run_request (self, request);
}

static void
speech_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpeechRequest *request = g_new0 (SpeechRequest, 1);

  request->op = g_str_equal (action_name, "speakers.floor") ? FLOOR : WITHDRAW;
  request->id = g_variant_get_int64 (parameter);
  run_request (YISHI_SPEAKER_PANEL (widget), request);
}

static void
yishi_speaker_panel_dispose (GObject *object)
{
  YishiSpeakerPanel *self = YISHI_SPEAKER_PANEL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_SPEAKER_PANEL);
  /* the template's root box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  g_clear_pointer (&self->speeches, g_ptr_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->motion_ids, g_array_unref);

  G_OBJECT_CLASS (yishi_speaker_panel_parent_class)->dispose (object);
}

static void
yishi_speaker_panel_class_init (YishiSpeakerPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_speaker_panel_dispose;

  signals[LIVE] = g_signal_new ("live", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-speaker-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, rules_label);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, floor_box);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, turn_label);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, note_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, queue_list);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, add_box);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiSpeakerPanel, motion_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, enqueue_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_turn_cb);

  gtk_widget_class_install_action (widget_class, "speakers.floor", "x", speech_action);
  gtk_widget_class_install_action (widget_class, "speakers.withdraw", "x", speech_action);
}

static void
yishi_speaker_panel_init (YishiSpeakerPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->motion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
