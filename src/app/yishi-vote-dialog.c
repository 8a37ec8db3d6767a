#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-store.h"
#include "yishi-meeting-text.h"
#include "yishi-store-task.h"
#include "yishi-vote-dialog.h"
#include "yishi-window.h"

#define N_CHOICES 4

struct _YishiVoteDialog
{
  AdwWindow            parent_instance;

  YishiSession        *session;
  gint64               motion_id;
  YishiVoteForm        form;
  YishiVoteRule        rule;
  guint                members;
  guint                present;
  GArray              *voters;  /* of Voter, for a roll call */
  gboolean             recording;

  /* template children */
  AdwPreferencesGroup *motion_group;
  GtkLabel            *preview_label;
  GtkWidget           *counts_group;
  GtkWidget           *invalid_row;
  GtkSpinButton       *yes_spin;
  GtkSpinButton       *no_spin;
  GtkSpinButton       *abstain_spin;
  GtkSpinButton       *invalid_spin;
  AdwPreferencesGroup *roll_group;
  GtkWidget           *record_button;
};

G_DEFINE_FINAL_TYPE (YishiVoteDialog, yishi_vote_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64           person_id;
  GtkToggleButton *buttons[N_CHOICES];
} Voter;

static YishiRollCallChoice
voter_choice (const Voter *voter)
{
  for (guint i = 0; i < N_CHOICES; i++)
    if (gtk_toggle_button_get_active (voter->buttons[i]))
      return i;
  return YISHI_ROLL_CALL_NONE;
}

static void
read_counts (YishiVoteDialog *self,
             YishiVoteCounts *counts)
{
  *counts = (YishiVoteCounts) { .members = self->members, .present = self->present };
  if (self->form != YISHI_VOTE_FORM_ROLL_CALL)
    {
      counts->yes = gtk_spin_button_get_value_as_int (self->yes_spin);
      counts->no = gtk_spin_button_get_value_as_int (self->no_spin);
      counts->abstain = gtk_spin_button_get_value_as_int (self->abstain_spin);
      counts->invalid = self->form == YISHI_VOTE_FORM_SECRET
                        ? (guint) gtk_spin_button_get_value_as_int (self->invalid_spin) : 0;
      return;
    }
  for (guint i = 0; i < self->voters->len; i++)
    switch (voter_choice (&g_array_index (self->voters, Voter, i)))
      {
      case YISHI_ROLL_CALL_YES: counts->yes++; break;
      case YISHI_ROLL_CALL_NO: counts->no++; break;
      case YISHI_ROLL_CALL_ABSTAIN: counts->abstain++; break;
      default: break;
      }
}

/* What the vote engine says about the counts as typed so far: the
 * verdict and the votes required, or which relation is broken. */
static void
update_cb (YishiVoteDialog *self)
{
  YishiVoteCounts counts;
  YishiVoteResult result;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  read_counts (self, &counts);
  if (!yishi_vote_tally (&counts, &self->rule, &result, &error))
    text = g_strdup (error->message);
  else if (result.verdict == YISHI_VOTE_VERDICT_PASSED || result.verdict == YISHI_VOTE_VERDICT_FAILED)
    /* Translators: the result so far: 通过（需 10 票赞成，现有 12 票） */
    text = g_strdup_printf (_("%s (%u yes needed, %u so far)"), yishi_vote_verdict_label (result.verdict),
                            result.required, counts.yes);
  else
    text = g_strdup (yishi_vote_verdict_label (result.verdict));
  gtk_label_set_label (self->preview_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_label),
                            error == NULL && result.verdict == YISHI_VOTE_VERDICT_PASSED ? "success" : "error");
  gtk_widget_set_sensitive (self->record_button, error == NULL && !self->recording);
}

typedef struct
{
  gint64              motion_id;
  YishiVoteForm       form;
  YishiVoteCounts     counts;
  GArray             *entries; /* of YishiRollCallEntry */
  YishiVoteResult     result;
} VoteRequest;

static void
vote_request_free (VoteRequest *request)
{
  g_clear_pointer (&request->entries, g_array_unref);
  g_free (request);
}

static gpointer
record_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  VoteRequest *r = data;
  gint64 id;

  if (r->form == YISHI_VOTE_FORM_ROLL_CALL)
    id = yishi_meeting_store_record_roll_call (db, r->motion_id, (YishiRollCallEntry *) r->entries->data,
                                               r->entries->len, &r->result, error);
  else
    id = yishi_meeting_store_record_vote (db, r->motion_id, r->counts.yes, r->counts.no, r->counts.abstain,
                                          r->counts.invalid, &r->result, error);
  return GINT_TO_POINTER (id > 0);
}

typedef struct
{
  YishiVoteDialog *dialog;
  VoteRequest     *request; /* owned by the task; alive until the callback returns */
} VoteReply;

static void
recorded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree VoteReply *reply = user_data;
  g_autoptr(YishiVoteDialog) self = reply->dialog;
  g_autoptr(GError) error = NULL;

  self->recording = FALSE;
  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    {
      gtk_label_set_label (self->preview_label, error->message);
      gtk_widget_set_sensitive (self->record_button, TRUE);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0, self->motion_id, &reply->request->counts, &reply->request->result);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
record_cb (YishiVoteDialog *self)
{
  VoteRequest *request = g_new0 (VoteRequest, 1);
  VoteReply *reply = g_new0 (VoteReply, 1);

  request->motion_id = self->motion_id;
  request->form = self->form;
  read_counts (self, &request->counts);
  request->entries = g_array_new (FALSE, FALSE, sizeof (YishiRollCallEntry));
  for (guint i = 0; self->form == YISHI_VOTE_FORM_ROLL_CALL && i < self->voters->len; i++)
    {
      Voter *voter = &g_array_index (self->voters, Voter, i);
      YishiRollCallEntry entry = { voter->person_id, voter_choice (voter) };

      g_array_append_val (request->entries, entry);
    }
  reply->dialog = g_object_ref (self);
  reply->request = request;
  self->recording = TRUE;
  gtk_widget_set_sensitive (self->record_button, FALSE);
  /* the request is freed with the task, after recorded_cb has run */
  yishi_store_run_async (yishi_session_get_database (self->session), record_func, request,
                         (GDestroyNotify) vote_request_free, NULL, recorded_cb, reply);
}

static GtkWidget *
make_voter_row (YishiVoteDialog *self,
                Voter           *voter,
                const char      *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (yishi_roll_call_choice_label (i));
      /* Translators: accessible name of a roll-call button: “Yes: 王桂兰” */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), yishi_roll_call_choice_label (i), name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), voter->buttons[0]);
      voter->buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_toggle_button_set_active (voter->buttons[YISHI_ROLL_CALL_NONE], TRUE);
  /* connected last: the other voters' buttons may not exist yet */
  for (guint i = 0; i < N_CHOICES; i++)
    g_signal_connect_swapped (voter->buttons[i], "toggled", G_CALLBACK (update_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
fill_roll_call (YishiVoteDialog        *self,
                const YishiMeetingData *data)
{
  for (guint i = 0; i < data->members->len; i++)
    {
      YishiCouncilMemberRow *member = data->members->pdata[i];
      YishiAttendance status;
      Voter voter = { .person_id = member->person_id };

      if (yishi_meeting_data_get_status (data, member->person_id, &status) &&
          status == YISHI_ATTENDANCE_PRESENT)
        g_array_append_val (self->voters, voter);
    }
  /* rows point into the array: build them once it no longer grows */
  for (guint i = 0, j = 0; i < data->members->len && j < self->voters->len; i++)
    {
      YishiCouncilMemberRow *member = data->members->pdata[i];
      Voter *voter = &g_array_index (self->voters, Voter, j);

      if (member->person_id != voter->person_id)
        continue;
      adw_preferences_group_add (self->roll_group, make_voter_row (self, voter, member->name));
      j++;
    }
}

YishiVoteDialog *
yishi_vote_dialog_new (GtkWindow                 *parent,
                       YishiSession              *session,
                       const YishiMeetingData    *data,
                       const YishiSnapshotMotion *motion)
{
  YishiVoteDialog *self = g_object_new (YISHI_TYPE_VOTE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *rule = yishi_vote_rule_describe (&motion->rule);
  /* Translators: %s voting form, %u members, %u present, %s the rule in words */
  g_autofree char *description = g_strdup_printf (_("%s · %u members, %u present · %s"),
                                                  yishi_vote_form_label (motion->form),
                                                  data->members->len,
                                                  yishi_meeting_data_count_present (data), rule);

  self->session = g_object_ref (session);
  self->motion_id = motion->id;
  self->form = motion->form;
  self->rule = motion->rule;
  self->members = data->members->len;
  self->present = yishi_meeting_data_count_present (data);
  adw_preferences_group_set_title (self->motion_group, motion->text);
  adw_preferences_group_set_description (self->motion_group, description);
  gtk_widget_set_visible (self->counts_group, self->form != YISHI_VOTE_FORM_ROLL_CALL);
  gtk_widget_set_visible (self->invalid_row, self->form == YISHI_VOTE_FORM_SECRET);
  gtk_widget_set_visible (GTK_WIDGET (self->roll_group), self->form == YISHI_VOTE_FORM_ROLL_CALL);
  if (self->form == YISHI_VOTE_FORM_ROLL_CALL)
    fill_roll_call (self, data);
  update_cb (self);
  return self;
}

static void
yishi_vote_dialog_dispose (GObject *object)
{
  YishiVoteDialog *self = YISHI_VOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_VOTE_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->voters, g_array_unref);

  G_OBJECT_CLASS (yishi_vote_dialog_parent_class)->dispose (object);
}

static void
yishi_vote_dialog_class_init (YishiVoteDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_vote_dialog_dispose;

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                    G_TYPE_INT64, G_TYPE_POINTER, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-vote-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, motion_group);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, invalid_row);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, yes_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, no_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, abstain_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, invalid_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, roll_group);
  gtk_widget_class_bind_template_child (widget_class, YishiVoteDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_vote_dialog_init (YishiVoteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->voters = g_array_new (FALSE, FALSE, sizeof (Voter));
}
