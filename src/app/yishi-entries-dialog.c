#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yishi-contest-roster.h"
#include "yishi-contest-labels.h"
#include "yishi-entries-dialog.h"
#include "yishi-proposal-store.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* A proposal that may be entered. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *proposer;  /* "" when none */
  gint64  cost_fen;
  char   *key;       /* title and proposer, casefolded, for the search */
} Candidate;

struct _YishiEntriesDialog
{
  AdwWindow       parent_instance;

  YishiSession   *session;
  gint64          contest_id;
  GCancellable   *cancellable;
  GPtrArray      *candidates;  /* of Candidate, as listed */
  GPtrArray      *checks;      /* the rows' check buttons, in the same order */
  char           *search;      /* casefolded */
  gboolean        saving;

  /* template children */
  GtkButton      *save_button;
  GtkStack       *stack;
  GtkSearchEntry *search_entry;
  GtkListBox     *list_box;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (YishiEntriesDialog, yishi_entries_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->title);
  g_free (candidate->proposer);
  g_free (candidate->key);
  g_free (candidate);
}

static GArray *
checked_ids (YishiEntriesDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      g_array_append_val (ids, ((Candidate *) self->candidates->pdata[i])->id);
  return ids;
}

static void
update_button (YishiEntriesDialog *self)
{
  g_autoptr(GArray) ids = checked_ids (self);
  g_autofree char *label = NULL;

  if (ids->len == 0)
    label = g_strdup (_("_Enter Proposals"));
  else
    /* Translators: a button; %u is the number of proposals ticked */
    label = g_strdup_printf (ngettext ("_Enter %u Proposal", "_Enter %u Proposals", ids->len), ids->len);
  gtk_button_set_label (self->save_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ids->len > 0 && !self->saving);
}

/* The search */

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  YishiEntriesDialog *self = user_data;
  int index = gtk_list_box_row_get_index (row);

  if (self->search == NULL || *self->search == '\0' || index < 0 || (guint) index >= self->candidates->len)
    return TRUE;
  return strstr (((Candidate *) self->candidates->pdata[index])->key, self->search) != NULL;
}

static void
search_changed_cb (YishiEntriesDialog *self)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_list_box_invalidate_filter (self->list_box);
}

/* Loading: the screened-in and shortlisted proposals not entered yet. */

static gboolean
is_entered (GPtrArray *entries,
            gint64     proposal_id)
{
  for (guint i = 0; i < entries->len; i++)
    if (((YishiContestEntryRow *) entries->pdata[i])->proposal_id == proposal_id)
      return TRUE;
  return FALSE;
}

static Candidate *
candidate_new (YishiProposal *proposal)
{
  Candidate *candidate = g_new0 (Candidate, 1);
  const char *proposer = yishi_proposal_get_proposer_name (proposal);
  g_autofree char *both = NULL;

  candidate->id = yishi_proposal_get_id (proposal);
  candidate->title = g_strdup (yishi_proposal_get_title (proposal));
  candidate->proposer = g_strdup (proposer != NULL ? proposer : "");
  candidate->cost_fen = yishi_proposal_get_cost_fen (proposal);
  both = g_strconcat (candidate->title, "\n", candidate->proposer, NULL);
  candidate->key = g_utf8_casefold (both, -1);
  return candidate;
}

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  g_autoptr(GPtrArray) entries = yishi_contest_store_list_entries (db, *(gint64 *) data, error);
  g_autoptr(GPtrArray) proposals = NULL;
  GPtrArray *candidates;

  if (entries == NULL || (proposals = yishi_proposal_store_list (db, NULL, error)) == NULL)
    return NULL;

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  for (guint i = 0; i < proposals->len; i++)
    {
      YishiProposal *proposal = proposals->pdata[i];
      YishiProposalStatus status = yishi_proposal_get_status (proposal);

      if ((status == YISHI_PROPOSAL_STATUS_SCREENED_IN || status == YISHI_PROPOSAL_STATUS_SHORTLISTED) &&
          !is_entered (entries, yishi_proposal_get_id (proposal)))
        g_ptr_array_add (candidates, candidate_new (proposal));
    }
  *out_free = (GDestroyNotify) g_ptr_array_unref;
  return candidates;
}

static GtkWidget *
candidate_row_new (YishiEntriesDialog *self,
                   Candidate          *candidate)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *cost = yishi_contest_yuan_text (candidate->cost_fen);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (*candidate->proposer != '\0')
    /* Translators: a proposal's proposer, then its cost */
    subtitle = g_strdup_printf (_("%s · %s"), candidate->proposer, cost);
  /* Translators: a check button; %s is a proposal's title */
  label = g_strdup_printf (_("Enter “%s”"), candidate->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : cost);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Enter this proposal into the contest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_button), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
show_candidates (YishiEntriesDialog *self,
                 GPtrArray          *candidates)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->checks, 0);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  self->candidates = g_ptr_array_ref (candidates);

  for (guint i = 0; i < candidates->len; i++)
    gtk_list_box_append (self->list_box, candidate_row_new (self, candidates->pdata[i]));
  gtk_stack_set_visible_child_name (self->stack, candidates->len > 0 ? "list" : "empty");
  update_button (self);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiEntriesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (candidates == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_title (self->empty_page, _("The Proposals Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_candidates (self, candidates);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
load (YishiEntriesDialog *self)
{
  yishi_store_run_async (yishi_session_get_database (self->session), load_func,
                         g_memdup2 (&self->contest_id, sizeof self->contest_id), g_free, self->cancellable,
                         loaded_cb, g_object_ref (self));
}

/* Entering: one job, one store call a proposal, up to the first refusal. */

typedef struct
{
  gint64  contest_id;
  GArray *ids;
  guint   n_entered;  /* out */
  GError *error;      /* out: the first refusal */
} EnterRequest;

static void
enter_request_free (EnterRequest *request)
{
  g_array_unref (request->ids);
  g_clear_error (&request->error);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnterRequest, enter_request_free)

static gpointer
enter_func (YishiDatabase   *db,
            gpointer         data,
            GCancellable    *cancellable,
            GDestroyNotify  *out_free,
            GError         **error)
{
  EnterRequest *request = data;

  for (guint i = 0; i < request->ids->len && request->error == NULL; i++)
    if (yishi_contest_store_enter (db, request->contest_id, g_array_index (request->ids, gint64, i),
                                   &request->error) != 0)
      request->n_entered++;
  *out_free = (GDestroyNotify) enter_request_free;
  return request;
}

static void
entered_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(YishiEntriesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EnterRequest) request = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  if (request != NULL && request->n_entered > 0)
    g_signal_emit (self, signals[SAVED], 0, self->contest_id);
  if (request != NULL && request->error == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  yishi_window_show_error (GTK_WIDGET (self), _("The Proposals Could Not Be Entered"),
                           request != NULL ? request->error : error);
  /* those entered are no longer offered */
  load (self);
}

static void
save_clicked_cb (YishiEntriesDialog *self)
{
  EnterRequest *request;

  if (self->saving || !gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  request = g_new0 (EnterRequest, 1);
  request->contest_id = self->contest_id;
  request->ids = checked_ids (self);
  self->saving = TRUE;
  update_button (self);
  /* the request moves into the result, which the callback frees */
  yishi_store_run_async (yishi_session_get_database (self->session), enter_func, request,
                         NULL, NULL, entered_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_clicked_cb (YISHI_ENTRIES_DIALOG (widget));
}

static gboolean
yishi_entries_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (YISHI_ENTRIES_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (yishi_entries_dialog_parent_class)->close_request (window);
}

static void
yishi_entries_dialog_dispose (GObject *object)
{
  YishiEntriesDialog *self = YISHI_ENTRIES_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_ENTRIES_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (yishi_entries_dialog_parent_class)->dispose (object);
}

static void
yishi_entries_dialog_class_init (YishiEntriesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_entries_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_entries_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-entries-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiEntriesDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiEntriesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiEntriesDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiEntriesDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, YishiEntriesDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "entries.enter", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "entries.enter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "entries.enter", NULL);
}

static void
yishi_entries_dialog_init (YishiEntriesDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
}

YishiEntriesDialog *
yishi_entries_dialog_new (GtkWindow    *parent,
                          YishiSession *session,
                          gint64        contest_id)
{
  YishiEntriesDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (contest_id > 0, NULL);

  self = g_object_new (YISHI_TYPE_ENTRIES_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->contest_id = contest_id;
  load (self);
  return self;
}
