#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-person-dialog.h"
#include "yishi-proposal-editor.h"
#include "yishi-proposal-store.h"
#include "yishi-store-task.h"
#include "yishi-text.h"
#include "yishi-window.h"

/* Edits are saved on their own, this long after the last keystroke. */
#define SAVE_DELAY_MS 600

struct _YishiProposalEditor
{
  GtkWidget      parent_instance;

  YishiSession  *session;
  YishiProposal *proposal;
  GCancellable  *cancellable;
  guint          save_source;
  gboolean       populating;

  /* template children */
  GtkStack      *stack;
  AdwEntryRow   *title_row;
  AdwEntryRow   *summary_row;
  AdwActionRow  *status_row;
  GtkMenuButton *status_button;
  GtkTextView   *body_view;
  AdwComboRow   *proposer_row;
  AdwEntryRow   *community_row;
  AdwEntryRow   *location_row;
  AdwComboRow   *category_row;
  AdwEntryRow   *cost_row;
  AdwEntryRow   *households_row;
  AdwEntryRow   *people_row;
  AdwEntryRow   *submitted_row;
  GtkLabel      *message_label;
};

G_DEFINE_FINAL_TYPE (YishiProposalEditor, yishi_proposal_editor, GTK_TYPE_WIDGET)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64               id;
  YishiProposalDraft  *draft;      /* for an update, or NULL */
  YishiProposalStatus  status;     /* for a status change */
  char                *reason;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_pointer (&request->draft, yishi_proposal_draft_free);
  g_free (request->reason);
  g_free (request);
}

static void
show_message (YishiProposalEditor *self,
              const char          *message,
              gboolean             is_error)
{
  gtk_label_set_label (self->message_label, message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "field-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "field-error");
}

/* Reading the form */

static char *
row_text (AdwEntryRow *row)
{
  return yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static gboolean
read_count (AdwEntryRow  *row,
            gint64       *out_value,
            GError      **error)
{
  g_autofree char *text = row_text (row);
  guint64 value;

  *out_value = YISHI_UNKNOWN;
  if (*text == '\0')
    return TRUE;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &value, NULL))
    return *out_value = (gint64) value, TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is a field name such as “People Benefiting” */
               _("%s must be a whole number of zero or more."),
               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return FALSE;
}

static char *
body_text (YishiProposalEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
selected_proposer (YishiProposalEditor *self)
{
  YishiPerson *person = adw_combo_row_get_selected_item (self->proposer_row);

  return person != NULL ? yishi_person_get_id (person) : 0;
}

static YishiProposalDraft *
read_form (YishiProposalEditor  *self,
           GError              **error)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_to_draft (self->proposal);
  g_autofree char *cost = row_text (self->cost_row);
  g_autofree char *submitted = row_text (self->submitted_row);
  g_autofree char *community = row_text (self->community_row);

  g_free (draft->title);
  draft->title = row_text (self->title_row);
  g_free (draft->summary);
  draft->summary = row_text (self->summary_row);
  g_free (draft->body);
  draft->body = body_text (self);
  g_free (draft->location);
  draft->location = row_text (self->location_row);
  g_free (draft->community);
  draft->community = *community ? g_steal_pointer (&community) : NULL;
  g_free (draft->submitted_on);
  draft->submitted_on = *submitted ? g_steal_pointer (&submitted) : NULL;
  draft->proposer_id = selected_proposer (self);
  draft->category = adw_combo_row_get_selected (self->category_row);
  draft->cost_fen = YISHI_UNKNOWN;

  if ((*cost && !yishi_money_parse_yuan (cost, &draft->cost_fen, error)) ||
      !read_count (self->households_row, &draft->households, error) ||
      !read_count (self->people_row, &draft->people, error) ||
      !yishi_proposal_draft_validate (draft, error))
    return NULL;

  return g_steal_pointer (&draft);
}

/* Saving */

static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  SaveRequest *request = data;

  *out_free = g_object_unref;
  if (request->draft != NULL)
    return yishi_proposal_store_update (db, request->id, request->draft, error);

  return yishi_proposal_store_set_status (db, request->id, request->status, request->reason, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiProposalEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) row = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());

  if (row == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      return;
    }

  show_message (self, _("All changes saved"), FALSE);
  g_signal_emit (self, signals[SAVED], 0, row);
}

/* The application stays alive until the save is stored, even if the
 * window closes right after the last keystroke. */
static void
run_save (YishiProposalEditor *self,
          SaveRequest         *request)
{
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());

  yishi_store_run_async (yishi_session_get_database (self->session), save_func, request,
                         (GDestroyNotify) save_request_free, self->cancellable,
                         saved_cb, g_object_ref (self));
}

/**
 * yishi_proposal_editor_save_now:
 * Saves pending edits at once; a form the rules refuse is not saved, and
 * the message under it says why.
 */
void
yishi_proposal_editor_save_now (YishiProposalEditor *self)
{
  g_autoptr(GError) error = NULL;
  YishiProposalDraft *draft;
  SaveRequest *request;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->proposal == NULL || self->session == NULL)
    return;

  draft = read_form (self, &error);
  if (draft == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  request = g_new0 (SaveRequest, 1);
  request->id = yishi_proposal_get_id (self->proposal);
  request->draft = draft;
  run_save (self, request);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  YishiProposalEditor *self = user_data;

  self->save_source = 0;
  yishi_proposal_editor_save_now (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (YishiProposalEditor *self)
{
  if (self->populating || self->proposal == NULL)
    return;

  show_message (self, _("Saving…"), FALSE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
body_changed_cb (GtkTextBuffer       *buffer,
                 YishiProposalEditor *self)
{
  field_changed_cb (self);
}

/* Status changes */

static void
change_status (YishiProposalEditor *self,
               YishiProposalStatus  status,
               const char          *reason)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->id = yishi_proposal_get_id (self->proposal);
  request->status = status;
  request->reason = g_strdup (reason);
  run_save (self, request);
}

static void
reason_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    YishiProposalEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "screen-out") && self->proposal != NULL)
    change_status (self, YISHI_PROPOSAL_STATUS_SCREENED_OUT, gtk_editable_get_text (entry));
}

static void
reason_text_changed_cb (GtkEditable      *entry,
                        AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "screen-out",
                                           !yishi_text_is_blank (gtk_editable_get_text (entry)));
}

/* Screening out needs a reason, asked for before anything is stored. */
static void
ask_reason (YishiProposalEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Screen Out This Proposal?"),
                                              _("Residents will read the reason, for example: a duplicate, outside the community’s remit, or over budget."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for screening out"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "screen-out", _("_Screen Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "screen-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "screen-out");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "screen-out", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_text_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  YishiProposalEditor *self = YISHI_PROPOSAL_EDITOR (widget);
  YishiProposalStatus status;

  if (self->proposal == NULL ||
      !yishi_proposal_status_from_key (g_variant_get_string (parameter, NULL), &status))
    return;

  yishi_proposal_editor_save_now (self);
  if (yishi_proposal_status_needs_reason (status))
    ask_reason (self);
  else
    change_status (self, status, NULL);
}

static void
update_status_menu (YishiProposalEditor *self)
{
  YishiProposalStatus next[YISHI_N_PROPOSAL_STATUSES];
  YishiProposalStatus current = yishi_proposal_get_status (self->proposal);
  guint n = yishi_proposal_status_next (current, next);
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *reason = yishi_proposal_get_status_reason (self->proposal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (yishi_proposal_status_label (next[i]), NULL);

      g_menu_item_set_action_and_target (item, "editor.set-status", "s",
                                         yishi_proposal_status_to_key (next[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_button), n > 0);
  if (*reason != '\0')
    {
      /* Translators: a proposal's status, then the reason given for it */
      g_autofree char *text = g_strdup_printf (_("%s — %s"), yishi_proposal_status_label (current), reason);

      adw_action_row_set_subtitle (self->status_row, text);
    }
  else
    adw_action_row_set_subtitle (self->status_row, yishi_proposal_status_label (current));
}

/* New people on the fly */

static void
person_added_cb (YishiPersonDialog   *dialog,
                 YishiPerson         *person,
                 YishiProposalEditor *self)
{
  guint position;

  if (yishi_session_find_person (self->session, yishi_person_get_id (person), &position) != NULL)
    adw_combo_row_set_selected (self->proposer_row, position);
}

static void
new_person_clicked_cb (YishiProposalEditor *self)
{
  YishiPersonDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = yishi_person_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    self->session);
  g_signal_connect_object (dialog, "person-added", G_CALLBACK (person_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Filling the form */

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
set_count_text (AdwEntryRow *row,
                gint64       value)
{
  g_autofree char *text = value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  set_row_text (row, text);
}

static void
populate (YishiProposalEditor *self)
{
  YishiProposal *p = self->proposal;
  g_autofree char *cost = yishi_proposal_get_cost_fen (p) >= 0
                          ? yishi_money_format_plain (yishi_proposal_get_cost_fen (p)) : NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  self->populating = TRUE;
  set_row_text (self->title_row, yishi_proposal_get_title (p));
  set_row_text (self->summary_row, yishi_proposal_get_summary (p));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), yishi_proposal_get_body (p), -1);
  set_row_text (self->community_row, yishi_proposal_get_community (p));
  set_row_text (self->location_row, yishi_proposal_get_location (p));
  adw_combo_row_set_selected (self->category_row, yishi_proposal_get_category (p));
  set_row_text (self->cost_row, cost);
  set_count_text (self->households_row, yishi_proposal_get_households (p));
  set_count_text (self->people_row, yishi_proposal_get_people (p));
  set_row_text (self->submitted_row, yishi_proposal_get_submitted_on (p));
  if (self->session != NULL)
    yishi_session_find_person (self->session, yishi_proposal_get_proposer_id (p), &position);
  adw_combo_row_set_selected (self->proposer_row, position);
  self->populating = FALSE;
}

void
yishi_proposal_editor_set_proposal (YishiProposalEditor *self,
                                    YishiProposal       *proposal)
{
  gboolean same = proposal != NULL && self->proposal != NULL &&
                  yishi_proposal_get_id (proposal) == yishi_proposal_get_id (self->proposal);

  g_return_if_fail (YISHI_IS_PROPOSAL_EDITOR (self));

  /* a new row for the proposal being edited comes back after each save:
   * keep what is typed, only take the stored status */
  if (!same && self->save_source != 0)
    yishi_proposal_editor_save_now (self);

  g_set_object (&self->proposal, proposal);
  gtk_stack_set_visible_child_name (self->stack, proposal ? "edit" : "none");
  if (proposal == NULL)
    return;

  update_status_menu (self);
  if (!same)
    {
      populate (self);
      show_message (self, "", FALSE);
    }
}

void
yishi_proposal_editor_focus_title (YishiProposalEditor *self)
{
  g_return_if_fail (YISHI_IS_PROPOSAL_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
yishi_proposal_editor_set_session (YishiProposalEditor *self,
                                   YishiSession        *session)
{
  g_return_if_fail (YISHI_IS_PROPOSAL_EDITOR (self));

  g_set_object (&self->session, session);
  adw_combo_row_set_model (self->proposer_row, session ? yishi_session_get_people (session) : NULL);
  yishi_proposal_editor_set_proposal (self, NULL);
}

static void
yishi_proposal_editor_dispose (GObject *object)
{
  YishiProposalEditor *self = YISHI_PROPOSAL_EDITOR (object);

  /* what was typed last is stored; only the reply is no longer wanted */
  if (self->save_source != 0)
    yishi_proposal_editor_save_now (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_PROPOSAL_EDITOR);
  g_clear_object (&self->proposal);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_proposal_editor_parent_class)->dispose (object);
}

static void
yishi_proposal_editor_class_init (YishiProposalEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_proposal_editor_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, YISHI_TYPE_PROPOSAL);

  g_type_ensure (YISHI_TYPE_PERSON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-proposal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, status_button);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, proposer_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, community_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, cost_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, households_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, people_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, submitted_row);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_person_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.set-status", "s", set_status_action);
}

static void
yishi_proposal_editor_init (YishiProposalEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < YISHI_N_CATEGORIES; i++)
    gtk_string_list_append (categories, yishi_category_label (i));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  g_signal_connect (gtk_text_view_get_buffer (self->body_view), "changed",
                    G_CALLBACK (body_changed_cb), self);
}
