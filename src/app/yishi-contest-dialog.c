#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-dialog-private.h"
#include "yishi-contest-store.h"
#include "yishi-money.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

G_DEFINE_FINAL_TYPE (YishiContestDialog, yishi_contest_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Loading */

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) yishi_contest_row_free;
  return yishi_contest_store_get (db, *(gint64 *) data, error);
}

static void
show_contest (YishiContestDialog *self,
              YishiContestRow    *contest)
{
  g_autofree char *budget = yishi_money_format_plain (contest->budget_fen);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), contest->name);
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row), contest->organiser);
  adw_combo_row_set_selected (self->scope_row, contest->scope);
  gtk_editable_set_text (GTK_EDITABLE (self->budget_row), budget);
  gtk_editable_set_text (GTK_EDITABLE (self->opens_row), contest->opens_on ? contest->opens_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->closes_row), contest->closes_on ? contest->closes_on : "");
  adw_combo_row_set_selected (self->aggregation_row, contest->aggregation);
  if (contest->top_n > 0)
    gtk_spin_button_set_value (self->top_n_spin, contest->top_n);
  adw_combo_row_set_selected (self->funding_row, contest->funding);
  gtk_switch_set_active (self->grid_switch, contest->recuse_same_grid);
  gtk_spin_button_set_value (self->objection_spin, contest->objection_days);
  /* everything shown was stored: say at once if any of it is wrong */
  self->touched = YISHI_CONTEST_FIELD_NAME | YISHI_CONTEST_FIELD_BUDGET |
                  YISHI_CONTEST_FIELD_OPENS | YISHI_CONTEST_FIELD_CLOSES;
}

/* A published contest is shown as it was published, and nothing more. */
static void
show_published (YishiContestDialog *self)
{
  self->published = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->published_label), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Contest Details"));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiContestDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestRow) contest = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (contest == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_contest (self, contest);
  if (contest->state == YISHI_CONTEST_STATE_PUBLISHED)
    show_published (self);
  self->loaded = TRUE;
  gtk_widget_set_sensitive (self->form_box, !self->published);
  _yishi_contest_dialog_update_buttons (self);
  if (!self->published)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Saving */

typedef struct
{
  gint64             contest_id; /* 0 adds a contest */
  YishiContestDraft *draft;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  yishi_contest_draft_free (request->draft);
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
  gint64 id = request->contest_id;

  if (id == 0)
    id = yishi_contest_store_add (db, request->draft, error);
  else if (!yishi_contest_store_update (db, id, request->draft, error))
    id = 0;
  if (id == 0)
    return NULL;

  *out_free = g_free;
  return g_memdup2 (&id, sizeof id);
}

static SaveRequest *
read_request (YishiContestDialog *self)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  YishiContestDraft *draft = yishi_contest_draft_new ();
  g_autofree char *budget = _yishi_contest_dialog_row_text (self->budget_row);
  GDate date;

  request->contest_id = self->contest_id;
  request->draft = draft;
  draft->name = _yishi_contest_dialog_row_text (self->name_row);
  draft->organiser = _yishi_contest_dialog_row_text (self->organiser_row);
  if (*draft->organiser == '\0')
    g_clear_pointer (&draft->organiser, g_free);
  draft->scope = adw_combo_row_get_selected (self->scope_row);
  /* checked by _yishi_contest_dialog_validate () */
  yishi_money_parse_yuan (budget, &draft->budget_fen, NULL);
  _yishi_contest_dialog_read_date (self->opens_row, &date, &draft->opens_on);
  _yishi_contest_dialog_read_date (self->closes_row, &date, &draft->closes_on);
  draft->aggregation = adw_combo_row_get_selected (self->aggregation_row);
  draft->funding = adw_combo_row_get_selected (self->funding_row);
  draft->top_n = draft->funding == YISHI_CONTEST_FUNDING_TOP_N ? gtk_spin_button_get_value_as_int (self->top_n_spin)
                                                               : 0;
  draft->recuse_same_grid = gtk_switch_get_active (self->grid_switch);
  draft->objection_days = gtk_spin_button_get_value_as_int (self->objection_spin);
  return request;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiContestDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  if (id == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Contest Could Not Be Saved"), error);
      _yishi_contest_dialog_update_buttons (self);
      return;
    }

  self->contest_id = *id;
  g_signal_emit (self, signals[SAVED], 0, *id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (YishiContestDialog *self)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)) || !_yishi_contest_dialog_validate (self))
    return;

  self->saving = TRUE;
  _yishi_contest_dialog_update_buttons (self);
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, read_request (self),
                         (GDestroyNotify) save_request_free, NULL, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_clicked_cb (YISHI_CONTEST_DIALOG (widget));
}

static gboolean
yishi_contest_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (YISHI_CONTEST_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (yishi_contest_dialog_parent_class)->close_request (window);
}

static void
yishi_contest_dialog_dispose (GObject *object)
{
  YishiContestDialog *self = YISHI_CONTEST_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_CONTEST_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_contest_dialog_parent_class)->dispose (object);
}

static void
yishi_contest_dialog_class_init (YishiContestDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_contest_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_contest_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-contest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, published_label);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, budget_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, budget_error);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, opens_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, opens_error);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, closes_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, closes_error);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, aggregation_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, funding_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, top_n_row);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, top_n_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, grid_switch);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, objection_spin);
  gtk_widget_class_bind_template_child (widget_class, YishiContestDialog, error_page);
  gtk_widget_class_bind_template_callback_full (widget_class, "field_changed_cb",
                                                G_CALLBACK (_yishi_contest_dialog_field_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "field_left_cb",
                                                G_CALLBACK (_yishi_contest_dialog_field_left_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "aggregation_changed_cb",
                                                G_CALLBACK (_yishi_contest_dialog_aggregation_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "funding_changed_cb",
                                                G_CALLBACK (_yishi_contest_dialog_funding_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "contest.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "contest.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "contest.save", NULL);
}

static void
yishi_contest_dialog_init (YishiContestDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _yishi_contest_dialog_fill_rules (self);
}

YishiContestDialog *
yishi_contest_dialog_new (GtkWindow    *parent,
                          YishiSession *session,
                          gint64        contest_id)
{
  YishiContestDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (contest_id >= 0, NULL);

  self = g_object_new (YISHI_TYPE_CONTEST_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->contest_id = contest_id;
  if (contest_id == 0)
    {
      self->loaded = TRUE;
      gtk_widget_set_sensitive (self->form_box, TRUE);
      _yishi_contest_dialog_update_buttons (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return self;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Contest"));
  yishi_store_run_async (yishi_session_get_database (session), load_func,
                         g_memdup2 (&contest_id, sizeof contest_id), g_free, self->cancellable,
                         loaded_cb, g_object_ref (self));
  return self;
}
