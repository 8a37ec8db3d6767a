#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-store.h"
#include "yishi-meeting-text.h"
#include "yishi-motion-dialog.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiMotionDialog
{
  AdwWindow             parent_instance;

  YishiSession         *session;
  gint64                item_id;
  gint64                parent_id;
  gboolean              requires_seconder;
  GArray               *person_ids; /* present members, as in the mover list */

  /* template children */
  AdwPreferencesGroup  *text_group;
  GtkTextView          *text_view;
  AdwComboRow          *mover_row;
  AdwComboRow          *seconder_row;
  AdwComboRow          *form_row;
  AdwComboRow          *majority_row;
  AdwComboRow          *base_row;
  AdwComboRow          *quorum_row;
  GtkWidget            *count_row;
  GtkSpinButton        *count_spin;
  GtkLabel             *rule_label;
  GtkLabel             *error_label;
  GtkWidget            *save_button;
};

G_DEFINE_FINAL_TYPE (YishiMotionDialog, yishi_motion_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
motion_text (YishiMotionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
read_rule (YishiMotionDialog *self,
           YishiVoteRule     *rule)
{
  rule->quorum.kind = adw_combo_row_get_selected (self->quorum_row);
  rule->quorum.count = rule->quorum.kind == YISHI_VOTE_QUORUM_COUNT
                       ? (guint) gtk_spin_button_get_value_as_int (self->count_spin) : 0;
  rule->majority = adw_combo_row_get_selected (self->majority_row);
  rule->base = adw_combo_row_get_selected (self->base_row);
}

/* The rule in words follows every change, and Add waits for a text
 * and, where the council wants one, a seconder. */
static void
update (YishiMotionDialog *self)
{
  YishiVoteRule rule;
  g_autofree char *text = motion_text (self);
  g_autofree char *words = NULL;
  gboolean seconded = adw_combo_row_get_selected (self->seconder_row) > 0;
  const char *problem = NULL;

  read_rule (self, &rule);
  gtk_widget_set_visible (self->count_row, rule.quorum.kind == YISHI_VOTE_QUORUM_COUNT);
  words = yishi_vote_rule_describe (&rule);
  gtk_label_set_label (self->rule_label, words);

  if (self->person_ids->len == 0)
    problem = _("Nobody is signed in as present: sign members in first.");
  else if (self->requires_seconder && !seconded)
    problem = _("This council needs a seconder for every motion.");
  else if (seconded && adw_combo_row_get_selected (self->seconder_row) - 1 ==
                       adw_combo_row_get_selected (self->mover_row))
    problem = _("The seconder must be someone other than the mover.");
  gtk_label_set_label (self->error_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
  gtk_widget_set_sensitive (self->save_button, problem == NULL && *text != '\0');
}

typedef struct
{
  gint64        item_id;
  gint64        parent_id;
  char         *text;
  gint64        mover_id;
  gint64        seconder_id;
  YishiVoteRule rule;
  YishiVoteForm form;
} MotionRequest;

static void
motion_request_free (MotionRequest *request)
{
  g_free (request->text);
  g_free (request);
}

static gpointer
add_func (YishiDatabase   *db,
          gpointer         data,
          GCancellable    *cancellable,
          GDestroyNotify  *out_free,
          GError         **error)
{
  MotionRequest *r = data;
  gint64 id = yishi_meeting_store_add_motion (db, r->item_id, r->parent_id, r->text, r->mover_id,
                                              &r->rule, r->form, error);

  if (id > 0 && r->seconder_id > 0 && !yishi_meeting_store_set_seconder (db, id, r->seconder_id, error))
    return NULL;
  return GINT_TO_POINTER (id > 0);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiMotionDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_sensitive (self->save_button, TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (YishiMotionDialog *self)
{
  MotionRequest *request = g_new0 (MotionRequest, 1);
  guint seconder = adw_combo_row_get_selected (self->seconder_row);

  request->item_id = self->item_id;
  request->parent_id = self->parent_id;
  request->text = motion_text (self);
  request->mover_id = g_array_index (self->person_ids, gint64, adw_combo_row_get_selected (self->mover_row));
  request->seconder_id = seconder > 0 ? g_array_index (self->person_ids, gint64, seconder - 1) : 0;
  read_rule (self, &request->rule);
  request->form = adw_combo_row_get_selected (self->form_row);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  yishi_store_run_async (yishi_session_get_database (self->session), add_func, request,
                         (GDestroyNotify) motion_request_free, NULL, added_cb, g_object_ref (self));
}

/* One macro rather than casting each label function to a common type. */
#define FILL_LABELS(row, n, label, selected)                     \
  G_STMT_START {                                                  \
    g_autoptr(GtkStringList) labels_ = gtk_string_list_new (NULL); \
    for (guint i_ = 0; i_ < (n); i_++)                            \
      gtk_string_list_append (labels_, label (i_));               \
    adw_combo_row_set_model ((row), G_LIST_MODEL (labels_));      \
    adw_combo_row_set_selected ((row), (selected));               \
  } G_STMT_END

static void
fill_people (YishiMotionDialog      *self,
             const YishiMeetingData *data)
{
  g_autoptr(GtkStringList) movers = gtk_string_list_new (NULL);
  /* Translators: no seconder: 无 */
  const char * const none[] = { C_("seconder", "None"), NULL };
  g_autoptr(GtkStringList) seconders = gtk_string_list_new (none);

  for (guint i = 0; i < data->members->len; i++)
    {
      YishiCouncilMemberRow *member = data->members->pdata[i];
      YishiAttendance status;

      if (!yishi_meeting_data_get_status (data, member->person_id, &status) ||
          status != YISHI_ATTENDANCE_PRESENT)
        continue;
      gtk_string_list_append (movers, member->name);
      gtk_string_list_append (seconders, member->name);
      g_array_append_val (self->person_ids, member->person_id);
    }
  adw_combo_row_set_model (self->mover_row, G_LIST_MODEL (movers));
  adw_combo_row_set_model (self->seconder_row, G_LIST_MODEL (seconders));
}

static void
show_parent (YishiMotionDialog      *self,
             const YishiMeetingData *data)
{
  for (guint i = 0; i < data->snapshot->motions->len; i++)
    {
      YishiSnapshotMotion *motion = data->snapshot->motions->pdata[i];

      if (motion->id == self->parent_id)
        {
          /* Translators: %s is the motion being amended */
          g_autofree char *text = g_strdup_printf (_("An amendment to “%s”. It is voted before the motion."),
                                                   motion->text);

          adw_preferences_group_set_description (self->text_group, text);
          /* Translators: 修正案 */
          gtk_window_set_title (GTK_WINDOW (self), _("New Amendment"));
        }
    }
}

YishiMotionDialog *
yishi_motion_dialog_new (GtkWindow              *parent,
                         YishiSession           *session,
                         const YishiMeetingData *data,
                         gint64                  item_id,
                         gint64                  parent_id)
{
  YishiMotionDialog *self = g_object_new (YISHI_TYPE_MOTION_DIALOG, "transient-for", parent, NULL);
  const YishiVoteRule *rule = &data->snapshot->council_rule;

  self->session = g_object_ref (session);
  self->item_id = item_id;
  self->parent_id = parent_id;
  self->requires_seconder = data->snapshot->speaking.requires_seconder;
  fill_people (self, data);
  FILL_LABELS (self->form_row, 3, yishi_vote_form_label, YISHI_VOTE_FORM_HANDS);
  FILL_LABELS (self->majority_row, YISHI_N_VOTE_MAJORITIES, yishi_vote_majority_label, rule->majority);
  FILL_LABELS (self->base_row, YISHI_N_VOTE_BASES, yishi_vote_base_label, rule->base);
  FILL_LABELS (self->quorum_row, YISHI_N_VOTE_QUORUM_KINDS, yishi_vote_quorum_kind_label, rule->quorum.kind);
  if (rule->quorum.kind == YISHI_VOTE_QUORUM_COUNT)
    gtk_spin_button_set_value (self->count_spin, rule->quorum.count);
  show_parent (self, data);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->mover_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->seconder_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->majority_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->base_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->quorum_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->count_spin, "value-changed", G_CALLBACK (update), self);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

static void
yishi_motion_dialog_dispose (GObject *object)
{
  YishiMotionDialog *self = YISHI_MOTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_MOTION_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->person_ids, g_array_unref);

  G_OBJECT_CLASS (yishi_motion_dialog_parent_class)->dispose (object);
}

static void
yishi_motion_dialog_class_init (YishiMotionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_motion_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-motion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, text_group);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, mover_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, seconder_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, form_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, majority_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, base_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMotionDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_motion_dialog_init (YishiMotionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
