#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-results.h"
#include "yishi-override-dialog.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiOverrideDialog
{
  AdwWindow     parent_instance;

  YishiSession *session;
  gint64        contest_id;
  gint64        proposal_id;
  GtkWidget    *save_button;
  GtkSwitch    *fund_switch;
  GtkEditable  *reason_entry;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (YishiOverrideDialog, yishi_override_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64    contest_id;
  gint64    proposal_id;
  gboolean  clear;
  gboolean  funded;
  char     *reason;
} OverrideJob;

static void
override_job_free (gpointer data)
{
  OverrideJob *job = data;

  g_free (job->reason);
  g_free (job);
}

static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  const OverrideJob *job = data;
  gboolean ok = job->clear
    ? yishi_contest_store_clear_override (db, job->contest_id, job->proposal_id, error)
    : yishi_contest_store_set_override (db, job->contest_id, job->proposal_id, job->funded, job->reason, error);

  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiOverrideDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (yishi_store_run_finish (YISHI_DATABASE (source), result, &error) == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run (YishiOverrideDialog *self,
     gboolean             clear)
{
  OverrideJob *job = g_new0 (OverrideJob, 1);

  job->contest_id = self->contest_id;
  job->proposal_id = self->proposal_id;
  job->clear = clear;
  job->funded = gtk_switch_get_active (self->fund_switch);
  job->reason = g_strdup (gtk_editable_get_text (self->reason_entry));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, job, override_job_free, NULL,
                         saved_cb, g_object_ref (self));
}

static void
save_clicked_cb (YishiOverrideDialog *self)
{
  if (gtk_widget_get_sensitive (self->save_button))
    run (self, FALSE);
}

static void
clear_clicked_cb (YishiOverrideDialog *self)
{
  run (self, TRUE);
}

static void
reason_changed_cb (YishiOverrideDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (self->reason_entry)));

  gtk_widget_set_sensitive (self->save_button, *reason != '\0');
}

static GtkWidget *
make_header (YishiOverrideDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  return header;
}

static GtkWidget *
make_form (YishiOverrideDialog *self,
           const char          *title,
           gboolean             funded,
           gboolean             overridden)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *fund_row = adw_action_row_new ();
  GtkWidget *reason_row = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
      _("A decision against the contest's rule is shown in the results and the public notice, with its "
        "reason."));
  self->fund_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->fund_switch, overridden ? funded : !funded);
  gtk_widget_set_valign (GTK_WIDGET (self->fund_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fund_row), _("_Fund this proposal"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (fund_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (fund_row), GTK_WIDGET (self->fund_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (fund_row), GTK_WIDGET (self->fund_switch));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason_row), _("_Reason"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (reason_row), TRUE);
  self->reason_entry = GTK_EDITABLE (reason_row);
  g_signal_connect_swapped (reason_row, "changed", G_CALLBACK (reason_changed_cb), self);
  g_signal_connect_swapped (reason_row, "entry-activated", G_CALLBACK (save_clicked_cb), self);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (reason_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), fund_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reason_row);
  return group;
}

YishiOverrideDialog *
yishi_override_dialog_new (GtkWindow    *parent,
                           YishiSession *session,
                           gint64        contest_id,
                           gint64        proposal_id,
                           const char   *title,
                           gboolean      funded,
                           gboolean      overridden)
{
  YishiOverrideDialog *self = g_object_new (YISHI_TYPE_OVERRIDE_DIALOG, "transient-for", parent, "modal", TRUE,
                                            "default-width", 460, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->session = g_object_ref (session);
  self->contest_id = contest_id;
  self->proposal_id = proposal_id;
  gtk_window_set_title (GTK_WINDOW (self), _("Change Funding"));
  gtk_box_append (GTK_BOX (content), make_header (self));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), make_form (self, title, funded, overridden));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  if (overridden)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("Follow the Contest's _Rule Again"));

      gtk_widget_set_halign (clear, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), clear);
    }
  gtk_box_append (GTK_BOX (content), box);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  return self;
}

static void
yishi_override_dialog_dispose (GObject *object)
{
  YishiOverrideDialog *self = YISHI_OVERRIDE_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_override_dialog_parent_class)->dispose (object);
}

static void
yishi_override_dialog_class_init (YishiOverrideDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_override_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_override_dialog_init (YishiOverrideDialog *self)
{
}
