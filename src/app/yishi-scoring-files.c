#include "config.h"

#include <glib/gi18n.h>

#include "yishi-file-choice.h"
#include "yishi-score-import.h"
#include "yishi-score-sheets.h"
#include "yishi-scoring-grid-private.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* Paper: blank score sheets for judges who score by hand, and the
 * import of what a clerk typed in from them. Both read and write the
 * file on a worker, as everything else does. */

typedef struct
{
  gint64  contest_id;
  char   *path;
} FileJob;

static void
file_job_free (gpointer data)
{
  FileJob *job = data;

  g_free (job->path);
  g_free (job);
}

static void
show_toast (GtkWidget  *widget,
            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (YISHI_IS_WINDOW (root))
    yishi_window_show_toast (YISHI_WINDOW (root), adw_toast_new (message));
}

static gpointer
sheets_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  const FileJob *job = data;
  g_autoptr(YishiScoringData) scoring = yishi_scoring_data_read (db, job->contest_id, 0, error);

  if (scoring == NULL ||
      !yishi_score_sheets_write_pdf (scoring->contest, scoring->criteria, scoring->judges, scoring->entries,
                                     scoring->recusals, job->path, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
sheets_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(YishiScoringGrid) self = user_data;
  g_autoptr(GError) error = NULL;

  if (yishi_store_run_finish (YISHI_DATABASE (source), result, &error) == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Score Sheets Could Not Be Saved"), error);
      return;
    }
  /* Translators: a toast after saving blank score sheets as PDF */
  show_toast (GTK_WIDGET (self), _("Score sheets saved"));
}

static void
sheets_chosen (GtkWidget  *widget,
               const char *path,
               gpointer    user_data)
{
  YishiScoringGrid *self = YISHI_SCORING_GRID (widget);
  FileJob *job = g_new0 (FileJob, 1);

  job->contest_id = self->contest_id;
  job->path = g_strdup (path);
  yishi_store_run_async (yishi_session_get_database (self->session), sheets_func, job, file_job_free,
                         NULL, sheets_saved_cb, g_object_ref (self));
}

static void
save_sheets_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiScoringGrid *self = YISHI_SCORING_GRID (widget);
  static const char * const patterns[] = { "*.pdf", NULL };
  g_autofree char *name = NULL;

  if (self->data == NULL)
    return;
  /* Translators: the suggested file name; %s is the contest's name */
  name = g_strdup_printf (_("%s score sheets.pdf"), self->data->contest->name);
  yishi_file_choice_run (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Blank Score Sheets"), name,
                         _("PDF documents"), patterns, sheets_chosen, NULL, NULL);
}

static gpointer
import_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  const FileJob *job = data;
  guint n = yishi_score_import_file (db, job->contest_id, job->path, YISHI_ENCODING_AUTO, error);

  return n > 0 ? GUINT_TO_POINTER (n) : NULL;
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(YishiScoringGrid) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = GPOINTER_TO_UINT (yishi_store_run_finish (YISHI_DATABASE (source), result, &error));

  if (n == 0)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file holds no scores."));
      yishi_window_show_error (GTK_WIDGET (self), _("No Scores Were Imported"), error);
      return;
    }
  /* Translators: a toast after importing typed-in score sheets */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u score imported", "%u scores imported", n), n);
  show_toast (GTK_WIDGET (self), message);
  _yishi_scoring_grid_changed (self);
}

static void
import_chosen (GtkWidget  *widget,
               const char *path,
               gpointer    user_data)
{
  YishiScoringGrid *self = YISHI_SCORING_GRID (widget);
  FileJob *job = g_new0 (FileJob, 1);

  job->contest_id = self->contest_id;
  job->path = g_strdup (path);
  yishi_store_run_async (yishi_session_get_database (self->session), import_func, job, file_job_free,
                         NULL, imported_cb, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char * const patterns[] = { "*.csv", "*.CSV", "*.txt", NULL };

  yishi_file_choice_run (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Typed-In Score Sheets"), NULL,
                         _("CSV files (judge, proposal, criterion, points)"), patterns, import_chosen, NULL, NULL);
}

void
_yishi_scoring_grid_install_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "scoring.save-sheets", NULL, save_sheets_action);
  gtk_widget_class_install_action (widget_class, "scoring.import", NULL, import_action);
}
