#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-sign-in-print.h"
#include "yishi-window.h"

YishiSignInSheet *
yishi_sign_in_print_make_sheet (const YishiMeetingData *data)
{
  const YishiMeetingSnapshot *meeting = data->snapshot;
  g_autofree char *starts_at = g_strndup (meeting->starts_at, 16);
  YishiSignInSheet *sheet = yishi_sign_in_sheet_new (meeting->council, meeting->title, starts_at,
                                                     meeting->place);

  for (guint i = 0; i < data->members->len; i++)
    {
      YishiCouncilMemberRow *member = data->members->pdata[i];
      YishiAttendance status;
      gboolean excused = yishi_meeting_data_get_status (data, member->person_id, &status) &&
                         status == YISHI_ATTENDANCE_EXCUSED;

      yishi_sign_in_sheet_add_line (sheet, member->name, yishi_council_position_label (member->position),
                                    excused ? yishi_attendance_label (status) : "");
    }
  return sheet;
}

/* Saving as PDF */

typedef struct
{
  GtkWidget        *widget;
  YishiSignInSheet *sheet;
  char             *path;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_object_unref (job->widget);
  yishi_sign_in_sheet_free (job->sheet);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (yishi_sign_in_sheet_write_pdf (job->sheet, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (job->widget);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      yishi_window_show_error (job->widget, _("The Sign-in Sheet Could Not Be Saved"), error);
      return;
    }
  if (YISHI_IS_WINDOW (root))
    /* Translators: a toast after saving the PDF */
    yishi_window_show_toast (YISHI_WINDOW (root), adw_toast_new (_("Sign-in sheet saved")));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  SaveJob *job = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    {
      save_job_free (job);
      g_object_unref (chooser);
      return;
    }
  job->path = g_file_get_path (file);
  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, write_thread);
  g_object_unref (chooser);
}

void
yishi_sign_in_print_save_pdf (GtkWidget              *widget,
                              const YishiMeetingData *data)
{
  GtkFileChooserNative *chooser;
  SaveJob *job = g_new0 (SaveJob, 1);
  /* Translators: the suggested file name; %s is the meeting's title */
  g_autofree char *name = g_strdup_printf (_("%s sign-in sheet.pdf"), data->snapshot->title);

  job->widget = g_object_ref (widget);
  job->sheet = yishi_sign_in_print_make_sheet (data);
  chooser = gtk_file_chooser_native_new (_("Save Sign-in Sheet"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                YishiSignInSheet  *sheet)
{
  gtk_print_operation_set_n_pages (operation,
                                   (int) yishi_sign_in_sheet_count_pages (sheet,
                                                                         gtk_print_context_get_width (context),
                                                                         gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              YishiSignInSheet  *sheet)
{
  yishi_sign_in_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context),
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context), (guint) page);
}

void
yishi_sign_in_print_run (GtkWidget              *widget,
                         const YishiMeetingData *data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  YishiSignInSheet *sheet = yishi_sign_in_print_make_sheet (data);
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* the layout draws its own margins on the whole sheet */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, data->snapshot->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet);
  g_object_set_data_full (G_OBJECT (operation), "yishi-sheet", sheet, (GDestroyNotify) yishi_sign_in_sheet_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    yishi_window_show_error (widget, _("The Sign-in Sheet Could Not Be Printed"), error);
}
