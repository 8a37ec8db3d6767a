#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-council-dialog.h"
#include "yishi-council-store.h"
#include "yishi-date-text.h"
#include "yishi-error.h"
#include "yishi-field-error.h"
#include "yishi-meeting-text.h"
#include "yishi-person-choice.h"
#include "yishi-store-task.h"
#include "yishi-text.h"
#include "yishi-window.h"

#define N_POSITIONS (YISHI_COUNCIL_POSITION_REPRESENTATIVE + 1)

/* A member on screen: stored (@membership_id > 0), or added since the
 * dialog opened and stored on Save. */
typedef struct
{
  gint64                membership_id;
  gint64                person_id;
  char                 *name;
  YishiCouncilPosition  position;
  char                 *since;
} Member;

struct _YishiCouncilDialog
{
  AdwWindow            parent_instance;

  YishiSession        *session;
  gint64               council_id;
  GCancellable        *cancellable;
  GPtrArray           *members;     /* of Member, as shown */
  GArray              *ended;       /* membership ids to end on Save */
  GPtrArray           *member_rows; /* the rows showing @members */
  GPtrArray           *taken_names; /* the other councils' names */
  gboolean             loaded;
  gboolean             saving;
  gboolean             name_touched;
  gboolean             disposed;    /* the combos notify while they go */

  /* template children */
  GtkButton           *save_button;
  GtkStack            *stack;
  GtkWidget           *form_box;
  AdwEntryRow         *name_row;
  AdwActionRow        *name_fixed_row;
  GtkLabel            *name_error;
  AdwComboRow         *quorum_row;
  AdwActionRow        *quorum_count_row;
  GtkSpinButton       *quorum_count_spin;
  AdwComboRow         *majority_row;
  AdwComboRow         *base_row;
  GtkLabel            *rule_label;
  AdwActionRow        *speech_row;
  GtkSpinButton       *speech_spin;
  GtkSpinButton       *turns_spin;
  GtkSwitch           *seconder_switch;
  AdwPreferencesGroup *members_group;
  GtkWidget           *no_members_row;
  GtkDropDown         *person_drop;
  AdwComboRow         *position_row;
  GtkLabel            *add_error;
  GtkButton           *add_button;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (YishiCouncilDialog, yishi_council_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The quorum rules in the order offered: the usual one first. */
static const YishiVoteQuorumKind quorum_order[] = {
  YISHI_VOTE_QUORUM_MORE_THAN_HALF,
  YISHI_VOTE_QUORUM_TWO_THIRDS,
  YISHI_VOTE_QUORUM_NONE,
  YISHI_VOTE_QUORUM_COUNT,
};

static void
member_free (Member *member)
{
  g_free (member->name);
  g_free (member->since);
  g_free (member);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The name: asked for only when creating (there is no renaming). */

static gboolean
name_is_taken (YishiCouncilDialog *self,
               const char         *name)
{
  for (guint i = 0; self->taken_names != NULL && i < self->taken_names->len; i++)
    if (g_str_equal (self->taken_names->pdata[i], name))
      return TRUE;

  return FALSE;
}

/* Says under the name what is wrong with it; an empty name the user has
 * not touched yet only keeps Save off. */
static gboolean
validate_name (YishiCouncilDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;

  if (self->council_id != 0)
    return TRUE;

  name = yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if (*name == '\0' && self->name_touched)
    problem = g_strdup (_("A council needs a name."));
  else if (name_is_taken (self, name))
    /* Translators: %s is a council's name */
    problem = g_strdup_printf (_("There is already a council called “%s”."), name);
  yishi_field_error_show (self->name_error, GTK_WIDGET (self->name_row), problem);
  return *name != '\0' && problem == NULL;
}

static void
update_save_button (YishiCouncilDialog *self)
{
  gboolean valid = validate_name (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->loaded && !self->saving && valid);
}

static void
name_changed_cb (YishiCouncilDialog *self)
{
  self->name_touched = TRUE;
  update_save_button (self);
}

static void
show_fixed_name (YishiCouncilDialog *self,
                 const char         *name)
{
  adw_action_row_set_subtitle (self->name_fixed_row, name);
  gtk_widget_set_visible (GTK_WIDGET (self->name_fixed_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

/* The vote rule */

static gboolean
read_rule (YishiCouncilDialog *self,
           YishiVoteRule      *rule)
{
  guint quorum = adw_combo_row_get_selected (self->quorum_row);
  guint majority = adw_combo_row_get_selected (self->majority_row);
  guint base = adw_combo_row_get_selected (self->base_row);

  /* the combos get their models one after the other */
  if (quorum >= G_N_ELEMENTS (quorum_order) || majority >= YISHI_N_VOTE_MAJORITIES ||
      base >= YISHI_N_VOTE_BASES)
    return FALSE;

  rule->quorum.kind = quorum_order[quorum];
  rule->quorum.count = rule->quorum.kind == YISHI_VOTE_QUORUM_COUNT
                       ? (guint) gtk_spin_button_get_value_as_int (self->quorum_count_spin) : 0;
  rule->majority = majority;
  rule->base = base;
  return TRUE;
}

static void
rule_changed_cb (YishiCouncilDialog *self)
{
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  YishiVoteRule rule;

  if (self->disposed || !read_rule (self, &rule))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->quorum_count_row), rule.quorum.kind == YISHI_VOTE_QUORUM_COUNT);
  words = yishi_vote_rule_describe (&rule);
  /* Translators: %s is a vote rule in words, such as “yes votes exceed
   * half of the members present; quorum: more than half of the members
   * present” */
  text = g_strdup_printf (_("In words: %s"), words);
  gtk_label_set_label (self->rule_label, text);
}

static void
show_rule (YishiCouncilDialog  *self,
           const YishiVoteRule *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (quorum_order); i++)
    if (quorum_order[i] == rule->quorum.kind)
      adw_combo_row_set_selected (self->quorum_row, i);
  if (rule->quorum.kind == YISHI_VOTE_QUORUM_COUNT)
    gtk_spin_button_set_value (self->quorum_count_spin, rule->quorum.count);
  adw_combo_row_set_selected (self->majority_row, rule->majority);
  adw_combo_row_set_selected (self->base_row, rule->base);
}

static void
set_combo_labels (AdwComboRow  *row,
                  guint         n,
                  const char *(*label) (guint))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, label (i));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static const char *
quorum_label (guint i)
{
  return yishi_vote_quorum_kind_label (quorum_order[i]);
}

static const char *
majority_label (guint i)
{
  return yishi_vote_majority_label (i);
}

static const char *
base_label (guint i)
{
  return yishi_vote_base_label (i);
}

/* Speaking time: shown as minutes:seconds, typed either way. */

static int
speech_input_cb (GtkSpinButton *spin,
                 double        *new_value,
                 gpointer       user_data)
{
  guint seconds;

  if (!yishi_date_text_parse_duration (gtk_editable_get_text (GTK_EDITABLE (spin)), &seconds))
    return GTK_INPUT_ERROR;

  *new_value = seconds;
  return TRUE;
}

static gboolean
speech_output_cb (GtkSpinButton *spin,
                  gpointer       user_data)
{
  g_autofree char *text = yishi_format_countdown (gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
speech_changed_cb (YishiCouncilDialog *self)
{
  g_autofree char *words = yishi_date_text_describe_duration (gtk_spin_button_get_value_as_int (self->speech_spin));

  adw_action_row_set_subtitle (self->speech_row, words);
}

/* Members */

static void remove_clicked_cb (GtkButton          *button,
                               YishiCouncilDialog *self);

static GtkWidget *
member_row_new (YishiCouncilDialog *self,
                Member             *member)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  const char *position = yishi_council_position_label (member->position);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (member->membership_id != 0)
    {
      /* Translators: a council member's position, then the date they joined */
      subtitle = g_strdup_printf (_("%s · since %s"), position, member->since);
      /* Translators: %s is a person's name */
      label = g_strdup_printf (_("End the membership of %s"), member->name);
    }
  else
    {
      /* Translators: a council member's position; they join when the dialog is saved */
      subtitle = g_strdup_printf (_("%s · joins when you save"), position);
      /* Translators: %s is a person's name, just added to the council's members */
      label = g_strdup_printf (_("Do not add %s"), member->name);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, member->membership_id != 0 ? _("End the membership today")
                                                                  : _("Do not add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "yishi-member", member);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_members (YishiCouncilDialog *self)
{
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, self->member_rows->pdata[i]);
  g_ptr_array_set_size (self->member_rows, 0);

  for (guint i = 0; i < self->members->len; i++)
    {
      GtkWidget *row = member_row_new (self, self->members->pdata[i]);

      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  gtk_widget_set_visible (self->no_members_row, self->members->len == 0);
}

/* Ending a stored membership waits for Save; an unsaved one just goes. */
static void
remove_clicked_cb (GtkButton          *button,
                   YishiCouncilDialog *self)
{
  Member *member = g_object_get_data (G_OBJECT (button), "yishi-member");
  guint index;

  if (!g_ptr_array_find (self->members, member, &index))
    return;

  if (member->membership_id != 0)
    g_array_append_val (self->ended, member->membership_id);
  g_ptr_array_remove_index (self->members, index);
  show_members (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_drop));
}

static Member *
find_member (YishiCouncilDialog *self,
             gint64              person_id)
{
  for (guint i = 0; i < self->members->len; i++)
    if (((Member *) self->members->pdata[i])->person_id == person_id)
      return self->members->pdata[i];

  return NULL;
}

static void
person_changed_cb (YishiCouncilDialog *self)
{
  if (self->disposed)
    return;

  yishi_field_error_show (self->add_error, GTK_WIDGET (self->person_drop), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), yishi_person_choice_get_id (self->person_drop) != 0);
}

static void
add_clicked_cb (YishiCouncilDialog *self)
{
  YishiPerson *person = gtk_drop_down_get_selected_item (self->person_drop);
  Member *member;

  if (!YISHI_IS_PERSON (person))
    return;

  if (find_member (self, yishi_person_get_id (person)) != NULL)
    {
      /* Translators: %s is a person's name */
      g_autofree char *message = g_strdup_printf (_("%s is already a member."), yishi_person_get_name (person));

      yishi_field_error_show (self->add_error, GTK_WIDGET (self->person_drop), message);
      return;
    }

  member = g_new0 (Member, 1);
  member->person_id = yishi_person_get_id (person);
  member->name = g_strdup (yishi_person_get_name (person));
  member->position = MIN (adw_combo_row_get_selected (self->position_row), N_POSITIONS - 1);
  g_ptr_array_add (self->members, member);
  show_members (self);
  gtk_drop_down_set_selected (self->person_drop, GTK_INVALID_LIST_POSITION);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_drop));
}

/* Loading the council */

typedef struct
{
  GPtrArray          *councils; /* of YishiCouncilRow: all of them */
  YishiSpeakingRules  speaking;
  GPtrArray          *members;  /* of YishiCouncilMemberRow; NULL for a new council */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->councils, g_ptr_array_unref);
  g_clear_pointer (&loaded->members, g_ptr_array_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  gint64 council_id = *(gint64 *) data;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  *out_free = (GDestroyNotify) loaded_free;
  if ((loaded->councils = yishi_council_store_list (db, error)) == NULL)
    return NULL;
  if (council_id != 0 &&
      (!yishi_council_store_get_speaking_rules (db, council_id, &loaded->speaking, error) ||
       (loaded->members = yishi_council_store_list_members (db, council_id, NULL, error)) == NULL))
    return NULL;

  return g_steal_pointer (&loaded);
}

static void
show_loaded_members (YishiCouncilDialog *self,
                     GPtrArray          *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      YishiCouncilMemberRow *row = rows->pdata[i];
      Member *member = g_new0 (Member, 1);

      member->membership_id = row->id;
      member->person_id = row->person_id;
      member->name = g_strdup (row->name);
      member->position = row->position;
      member->since = g_strdup (row->joined_on);
      g_ptr_array_add (self->members, member);
    }
  show_members (self);
}

static gboolean
show_loaded (YishiCouncilDialog  *self,
             Loaded              *loaded,
             GError             **error)
{
  YishiCouncilRow *council = NULL;

  for (guint i = 0; i < loaded->councils->len; i++)
    {
      YishiCouncilRow *row = loaded->councils->pdata[i];

      if (row->id == self->council_id)
        council = row;
      else
        g_ptr_array_add (self->taken_names, g_strdup (row->name));
    }

  if (self->council_id == 0)
    return TRUE;
  if (council == NULL)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   _("There is no council with id %" PRId64 "."), self->council_id);
      return FALSE;
    }

  show_fixed_name (self, council->name);
  show_rule (self, &council->rule);
  gtk_spin_button_set_value (self->speech_spin, loaded->speaking.speech_seconds);
  gtk_spin_button_set_value (self->turns_spin, loaded->speaking.max_turns);
  gtk_switch_set_active (self->seconder_switch, loaded->speaking.requires_seconder);
  show_loaded_members (self, loaded->members);
  return TRUE;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiCouncilDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) loaded = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (loaded == NULL || !show_loaded (self, loaded, &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->loaded = TRUE;
  gtk_widget_set_sensitive (self->form_box, TRUE);
  update_save_button (self);
  gtk_widget_grab_focus (self->council_id == 0 ? GTK_WIDGET (self->name_row) : GTK_WIDGET (self->quorum_row));
}

/* Saving */

typedef struct
{
  gint64                person_id;
  YishiCouncilPosition  position;
  gint64                membership_id; /* out: 0 until stored */
} NewMember;

typedef struct
{
  gint64              council_id; /* 0 adds a council; out: its id */
  char               *name;
  YishiVoteRule       rule;
  YishiSpeakingRules  speaking;
  GArray             *ended;      /* of gint64 membership ids */
  guint               n_ended;    /* out: how many were ended */
  GArray             *added;      /* of NewMember */
  GError             *error;      /* out: why a step failed */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_free (request->name);
  g_array_unref (request->ended);
  g_array_unref (request->added);
  g_clear_error (&request->error);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static gboolean
save_steps (YishiDatabase  *db,
            SaveRequest    *request,
            GError        **error)
{
  const YishiVoteRule *rule = &request->rule;

  if (request->council_id == 0)
    {
      if ((request->council_id = yishi_council_store_add (db, request->name, rule, error)) == 0)
        return FALSE;
      rule = NULL; /* stored with the council */
    }
  if (!yishi_council_store_set_rules (db, request->council_id, rule, &request->speaking, error))
    return FALSE;

  for (; request->n_ended < request->ended->len; request->n_ended++)
    if (!yishi_council_store_end_member (db, g_array_index (request->ended, gint64, request->n_ended),
                                         NULL, error))
      return FALSE;
  for (guint i = 0; i < request->added->len; i++)
    {
      NewMember *added = &g_array_index (request->added, NewMember, i);

      added->membership_id = yishi_council_store_add_member (db, request->council_id, added->person_id,
                                                             added->position, NULL, error);
      if (added->membership_id == 0)
        return FALSE;
    }

  return TRUE;
}

/* One transaction per step, one step after the other: the request comes
 * back whatever happens, saying what was stored before a step failed, so
 * that saving again does only what is left. */
static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  SaveRequest *request = data;

  save_steps (db, request, &request->error);
  *out_free = (GDestroyNotify) save_request_free;
  return request;
}

static SaveRequest *
read_request (YishiCouncilDialog *self)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->council_id = self->council_id;
  request->name = yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  read_rule (self, &request->rule);
  request->speaking.speech_seconds = gtk_spin_button_get_value_as_int (self->speech_spin);
  request->speaking.max_turns = gtk_spin_button_get_value_as_int (self->turns_spin);
  request->speaking.requires_seconder = gtk_switch_get_active (self->seconder_switch);
  request->ended = g_array_copy (self->ended);
  request->added = g_array_new (FALSE, FALSE, sizeof (NewMember));
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = self->members->pdata[i];
      NewMember added = { member->person_id, member->position, 0 };

      if (member->membership_id == 0)
        g_array_append_val (request->added, added);
    }

  return request;
}

/* Takes in what was stored, so the form shows the council as it is now. */
static void
take_stored (YishiCouncilDialog *self,
             SaveRequest        *request)
{
  g_autofree char *today = dup_today ();

  if (self->council_id == 0 && request->council_id != 0)
    {
      self->council_id = request->council_id;
      show_fixed_name (self, request->name);
    }
  g_array_remove_range (self->ended, 0, request->n_ended);
  for (guint i = 0; i < request->added->len; i++)
    {
      NewMember *added = &g_array_index (request->added, NewMember, i);
      Member *member = find_member (self, added->person_id);

      if (added->membership_id != 0 && member != NULL && member->membership_id == 0)
        {
          member->membership_id = added->membership_id;
          g_free (member->since);
          member->since = g_strdup (today);
        }
    }
  show_members (self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiCouncilDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaveRequest) request = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  if (request != NULL)
    {
      take_stored (self, request);
      if (request->council_id != 0)
        g_signal_emit (self, signals[SAVED], 0, request->council_id);
      if (request->error == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
    }

  yishi_window_show_error (GTK_WIDGET (self), _("The Council Could Not Be Saved"),
                           request != NULL ? request->error : error);
  update_save_button (self);
}

static void
save_clicked_cb (YishiCouncilDialog *self)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  self->saving = TRUE;
  update_save_button (self);
  /* the request moves into the result, which the callback frees */
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, read_request (self),
                         NULL, NULL, saved_cb, g_object_ref (self));
}

static gboolean
yishi_council_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (YISHI_COUNCIL_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (yishi_council_dialog_parent_class)->close_request (window);
}

static void
yishi_council_dialog_dispose (GObject *object)
{
  YishiCouncilDialog *self = YISHI_COUNCIL_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_COUNCIL_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_council_dialog_parent_class)->dispose (object);
}

static void
yishi_council_dialog_finalize (GObject *object)
{
  YishiCouncilDialog *self = YISHI_COUNCIL_DIALOG (object);

  g_ptr_array_unref (self->members);
  g_array_unref (self->ended);
  g_ptr_array_unref (self->taken_names);

  G_OBJECT_CLASS (yishi_council_dialog_parent_class)->finalize (object);
}

static void
yishi_council_dialog_class_init (YishiCouncilDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_council_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = yishi_council_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_council_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-council-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, name_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, quorum_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, quorum_count_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, quorum_count_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, majority_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, base_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, speech_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, speech_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, turns_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, seconder_switch);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, no_members_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, person_drop);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, add_error);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, YishiCouncilDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, speech_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, speech_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, speech_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static const char *
position_label (guint i)
{
  return yishi_council_position_label (i);
}

static void
yishi_council_dialog_init (YishiCouncilDialog *self)
{
  YishiVoteRule rule;

  self->cancellable = g_cancellable_new ();
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  self->ended = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_rows = g_ptr_array_new ();
  self->taken_names = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  set_combo_labels (self->quorum_row, G_N_ELEMENTS (quorum_order), quorum_label);
  set_combo_labels (self->majority_row, YISHI_N_VOTE_MAJORITIES, majority_label);
  set_combo_labels (self->base_row, YISHI_N_VOTE_BASES, base_label);
  set_combo_labels (self->position_row, N_POSITIONS, position_label);
  adw_combo_row_set_selected (self->position_row, YISHI_COUNCIL_POSITION_MEMBER);
  yishi_vote_rule_init_default (&rule);
  show_rule (self, &rule);
  rule_changed_cb (self);
  speech_changed_cb (self);
}

YishiCouncilDialog *
yishi_council_dialog_new (GtkWindow    *parent,
                          YishiSession *session,
                          gint64        council_id)
{
  YishiCouncilDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (council_id >= 0, NULL);

  self = g_object_new (YISHI_TYPE_COUNCIL_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->council_id = council_id;
  if (council_id != 0)
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Council"));
  yishi_person_choice_setup (self->person_drop, yishi_session_get_people (session), FALSE);
  yishi_store_run_async (yishi_session_get_database (session), load_func,
                         g_memdup2 (&council_id, sizeof council_id), g_free, self->cancellable,
                         loaded_cb, g_object_ref (self));
  return self;
}
