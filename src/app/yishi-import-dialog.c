#include "config.h"

#include <glib/gi18n.h>

#include "yishi-import-dialog.h"
#include "yishi-proposal-import.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* Beyond this many, the list says how many more there are. */
#define MAX_PROBLEMS_SHOWN 200

struct _YishiImportDialog
{
  AdwWindow            parent_instance;

  YishiSession        *session;
  YishiProposalImport *import;
  GCancellable        *cancellable;
  GtkWindow           *parent; /* weak: the window may close first */

  /* template children */
  GtkStack            *stack;
  GtkButton           *import_button;
  AdwActionRow        *file_row;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *mapping_group;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (YishiImportDialog, yishi_import_dialog, ADW_TYPE_WINDOW)

static void
show_failure (YishiImportDialog *self,
              const GError      *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

/* Review */

static void
add_mapping_rows (YishiImportDialog *self)
{
  guint n = yishi_proposal_import_get_n_columns (self->import);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      YishiProposalField field = yishi_proposal_import_get_mapping (self->import, i);
      const char *column = yishi_proposal_import_get_column (self->import, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *column ? column : _("(no heading)"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   field == YISHI_PROPOSAL_FIELD_IGNORED
                                   ? _("Not imported") : yishi_proposal_field_label (field));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (field == YISHI_PROPOSAL_FIELD_IGNORED
                                                               ? "action-unavailable-symbolic"
                                                               : "object-select-symbolic"));
      adw_preferences_group_add (self->mapping_group, row);
    }
}

static void
add_problem_rows (YishiImportDialog *self)
{
  GPtrArray *problems = yishi_proposal_import_get_problems (self->import);
  g_autofree char *basename = g_path_get_basename (yishi_proposal_import_get_filename (self->import));

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
  for (guint i = 0; i < MIN (problems->len, MAX_PROBLEMS_SHOWN); i++)
    {
      g_autofree char *text = yishi_import_problem_to_string (problems->pdata[i], basename);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "field-error");
      g_object_set (label, "margin-start", 12, "margin-end", 12, "margin-top", 8, "margin-bottom", 8, NULL);
      gtk_list_box_append (self->problems_list, label);
    }

  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      guint more = problems->len - MAX_PROBLEMS_SHOWN;
      g_autofree char *text = g_strdup_printf (ngettext ("…and %u more row", "…and %u more rows", more), more);

      gtk_list_box_append (self->problems_list, gtk_label_new (text));
    }
}

static void
show_review (YishiImportDialog *self)
{
  guint n_rows = yishi_proposal_import_get_n_rows (self->import);
  guint n_problems = yishi_proposal_import_get_problems (self->import)->len;
  g_autofree char *basename = g_path_get_basename (yishi_proposal_import_get_filename (self->import));
  g_autofree char *rows = g_strdup_printf (ngettext ("%u proposal", "%u proposals", n_rows), n_rows);
  /* Translators: “proposals.csv: 120 proposals · GB18030” */
  g_autofree char *subtitle = g_strdup_printf (_("%s · encoding %s"), rows,
                                               yishi_proposal_import_get_encoding (self->import));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), basename);
  adw_action_row_set_subtitle (self->file_row, subtitle);
  add_mapping_rows (self);
  add_problem_rows (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_problems == 0 && n_rows > 0);
  gtk_stack_set_visible_child_name (self->stack, "review");
  if (n_problems == 0 && n_rows > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static gpointer
prepare_func (YishiDatabase   *db,
              gpointer         data,
              GCancellable    *cancellable,
              GDestroyNotify  *out_free,
              GError         **error)
{
  *out_free = (GDestroyNotify) yishi_proposal_import_free;
  return yishi_proposal_import_prepare (data, YISHI_ENCODING_AUTO, error);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(YishiImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  YishiProposalImport *import = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (import == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      return;
    }

  self->import = import;
  show_review (self);
}

/* Import */

typedef struct
{
  YishiImportDialog *self;
  guint              done;
  guint              total;
} Progress;

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  g_autofree char *text = g_strdup_printf (_("%u of %u"), progress->done, progress->total);

  gtk_progress_bar_set_fraction (progress->self->progress_bar,
                                 (double) progress->done / MAX (progress->total, 1));
  gtk_progress_bar_set_text (progress->self->progress_bar, text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_free (progress);
}

/* Called on the worker: hands the figures to the main loop. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = g_new (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_idle_cb, progress, progress_free);
}

static gpointer
run_func (YishiDatabase   *db,
          gpointer         data,
          GCancellable    *cancellable,
          GDestroyNotify  *out_free,
          GError         **error)
{
  YishiImportDialog *self = data;

  if (!yishi_proposal_import_run (self->import, db, progress_cb, self, cancellable, error))
    return NULL;

  return GUINT_TO_POINTER (yishi_proposal_import_get_n_rows (self->import) + 1);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(YishiImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (yishi_store_run_finish (YISHI_DATABASE (source), result, &error));
  g_autofree char *message = NULL;

  if (n == 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      return;
    }

  yishi_session_reload_people (self->session);
  yishi_session_proposals_changed (self->session);
  message = g_strdup_printf (ngettext ("Imported %u proposal", "Imported %u proposals", n - 1), n - 1);
  if (self->parent != NULL)
    yishi_window_show_toast (YISHI_WINDOW (self->parent), adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (YishiImportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "importing");
  yishi_store_run_async (yishi_session_get_database (self->session), run_func,
                         g_object_ref (self), g_object_unref, self->cancellable,
                         imported_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (YishiImportDialog *self)
{
  /* an import cancelled midway rolls back: nothing is half-stored */
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
yishi_import_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (YISHI_IMPORT_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (yishi_import_dialog_parent_class)->close_request (window);
}

static void
yishi_import_dialog_dispose (GObject *object)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (yishi_import_dialog_parent_class)->dispose (object);
}

static void
yishi_import_dialog_finalize (GObject *object)
{
  YishiImportDialog *self = YISHI_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, yishi_proposal_import_free);

  G_OBJECT_CLASS (yishi_import_dialog_parent_class)->finalize (object);
}

static void
yishi_import_dialog_class_init (YishiImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_import_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = yishi_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, YishiImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_import_dialog_init (YishiImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

YishiImportDialog *
yishi_import_dialog_new (GtkWindow    *parent,
                         YishiSession *session,
                         const char   *path)
{
  YishiImportDialog *self = g_object_new (YISHI_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);
  g_set_weak_pointer (&self->parent, parent);
  yishi_store_run_async (yishi_session_get_database (session), prepare_func, g_strdup (path),
                         g_free, self->cancellable, prepared_cb, g_object_ref (self));
  return self;
}
