#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-roster.h"
#include "yishi-contest-labels.h"
#include "yishi-field-error.h"
#include "yishi-recusal-dialog.h"
#include "yishi-store-task.h"
#include "yishi-text.h"
#include "yishi-window.h"

#define N_REASONS (YISHI_RECUSAL_OTHER + 1)

struct _YishiRecusalDialog
{
  AdwWindow      parent_instance;

  YishiSession  *session;
  gint64         contest_id;
  GCancellable  *cancellable;
  GArray        *judge_ids;    /* of gint64, in the judge drop-down's order */
  GArray        *entry_ids;    /* of gint64, in the proposal drop-down's order */
  gboolean       loaded;
  gboolean       saving;
  gboolean       disposed;     /* the drop-downs notify while they go */

  /* template children */
  GtkButton     *save_button;
  GtkStack      *stack;
  GtkWidget     *form_box;
  GtkDropDown   *judge_drop;
  GtkDropDown   *entry_drop;
  GtkLabel      *choice_error;
  AdwComboRow   *reason_row;
  AdwEntryRow   *note_row;
  GtkLabel      *note_error;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (YishiRecusalDialog, yishi_recusal_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
chosen (GtkDropDown *drop,
        GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (drop);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static char *
note_text (YishiRecusalDialog *self)
{
  return yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
}

static gboolean
validate (YishiRecusalDialog *self)
{
  g_autofree char *note = note_text (self);
  gboolean needs_note = adw_combo_row_get_selected (self->reason_row) == YISHI_RECUSAL_OTHER;
  gboolean chosen_both = chosen (self->judge_drop, self->judge_ids) != 0 &&
                         chosen (self->entry_drop, self->entry_ids) != 0;

  yishi_field_error_show (self->choice_error, GTK_WIDGET (self->judge_drop),
                          self->loaded && !chosen_both
                          ? _("The contest needs judges and proposals before a judge can be recused.") : NULL);
  yishi_field_error_show (self->note_error, GTK_WIDGET (self->note_row),
                          needs_note && *note == '\0' ? _("Say why the judge is recused.") : NULL);
  return chosen_both && (!needs_note || *note != '\0');
}

static void
field_changed_cb (YishiRecusalDialog *self)
{
  if (self->disposed)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->loaded && !self->saving && validate (self));
}

static void
fill_reasons (YishiRecusalDialog *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_REASONS; i++)
    gtk_string_list_append (reasons, yishi_recusal_reason_label (i));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
  adw_combo_row_set_selected (self->reason_row, YISHI_RECUSAL_RELATIVE);
}

/* Loading */

typedef struct
{
  GPtrArray *judges;  /* of YishiContestJudgeRow */
  GPtrArray *entries; /* of YishiContestEntryRow */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->judges, g_ptr_array_unref);
  g_clear_pointer (&loaded->entries, g_ptr_array_unref);
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
  gint64 contest_id = *(gint64 *) data;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  *out_free = (GDestroyNotify) loaded_free;
  if ((loaded->judges = yishi_contest_store_list_judges (db, contest_id, error)) == NULL ||
      (loaded->entries = yishi_contest_store_list_entries (db, contest_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&loaded);
}

static void
show_choices (YishiRecusalDialog *self,
              Loaded             *loaded)
{
  g_autoptr(GtkStringList) judges = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) entries = gtk_string_list_new (NULL);

  for (guint i = 0; i < loaded->judges->len; i++)
    {
      YishiContestJudgeRow *judge = loaded->judges->pdata[i];

      g_array_append_val (self->judge_ids, judge->person_id);
      gtk_string_list_append (judges, judge->name);
    }
  for (guint i = 0; i < loaded->entries->len; i++)
    {
      YishiContestEntryRow *entry = loaded->entries->pdata[i];

      g_array_append_val (self->entry_ids, entry->proposal_id);
      gtk_string_list_append (entries, entry->title);
    }
  gtk_drop_down_set_model (self->judge_drop, G_LIST_MODEL (judges));
  gtk_drop_down_set_model (self->entry_drop, G_LIST_MODEL (entries));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiRecusalDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) loaded = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (loaded == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_choices (self, loaded);
  self->loaded = TRUE;
  gtk_widget_set_sensitive (self->form_box, TRUE);
  field_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->judge_drop));
}

/* Saving */

typedef struct
{
  gint64              contest_id;
  gint64              judge_id;
  gint64              proposal_id;
  YishiRecusalReason  reason;
  char               *note;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_free (request->note);
  g_free (request);
}

static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  SaveRequest *request = data;
  gint64 id = yishi_contest_store_recuse (db, request->contest_id, request->judge_id, request->proposal_id,
                                          request->reason, request->note, error);

  if (id == 0)
    return NULL;
  *out_free = g_free;
  return g_memdup2 (&id, sizeof id);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiRecusalDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  if (id == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Recusal Could Not Be Saved"), error);
      field_changed_cb (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, *id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (YishiRecusalDialog *self)
{
  SaveRequest *request;

  if (!self->loaded || self->saving || !validate (self))
    return;

  request = g_new0 (SaveRequest, 1);
  request->contest_id = self->contest_id;
  request->judge_id = chosen (self->judge_drop, self->judge_ids);
  request->proposal_id = chosen (self->entry_drop, self->entry_ids);
  request->reason = adw_combo_row_get_selected (self->reason_row);
  request->note = note_text (self);
  if (*request->note == '\0')
    g_clear_pointer (&request->note, g_free);
  self->saving = TRUE;
  field_changed_cb (self);
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, request,
                         (GDestroyNotify) save_request_free, NULL, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_clicked_cb (YISHI_RECUSAL_DIALOG (widget));
}

static gboolean
yishi_recusal_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (YISHI_RECUSAL_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (yishi_recusal_dialog_parent_class)->close_request (window);
}

static void
yishi_recusal_dialog_dispose (GObject *object)
{
  YishiRecusalDialog *self = YISHI_RECUSAL_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_RECUSAL_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->judge_ids, g_array_unref);
  g_clear_pointer (&self->entry_ids, g_array_unref);

  G_OBJECT_CLASS (yishi_recusal_dialog_parent_class)->dispose (object);
}

static void
yishi_recusal_dialog_class_init (YishiRecusalDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_recusal_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_recusal_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-recusal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, judge_drop);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, entry_drop);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, choice_error);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, note_error);
  gtk_widget_class_bind_template_child (widget_class, YishiRecusalDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "recusal.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "recusal.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "recusal.save", NULL);
}

static void
yishi_recusal_dialog_init (YishiRecusalDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->judge_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_reasons (self);
}

YishiRecusalDialog *
yishi_recusal_dialog_new (GtkWindow    *parent,
                          YishiSession *session,
                          gint64        contest_id)
{
  YishiRecusalDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (contest_id > 0, NULL);

  self = g_object_new (YISHI_TYPE_RECUSAL_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->contest_id = contest_id;
  yishi_store_run_async (yishi_session_get_database (session), load_func,
                         g_memdup2 (&contest_id, sizeof contest_id), g_free, self->cancellable,
                         loaded_cb, g_object_ref (self));
  return self;
}
