#include "config.h"

#include "yishi-doc-pdf.h"
#include "yishi-doc-print.h"
#include "yishi-window.h"

typedef struct
{
  YishiDoc       *doc;
  YishiDocLayout *layout;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->layout, yishi_doc_layout_free);
  g_clear_pointer (&job->doc, yishi_doc_free);
  g_free (job);
}

/* The layout is made for the printer's paper, once it is known. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_clear_pointer (&job->layout, yishi_doc_layout_free);
  job->layout = yishi_doc_layout_new (job->doc, gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) yishi_doc_layout_get_n_pages (job->layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  yishi_doc_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* One operation for the dialog and for export: the same paper, units
 * and drawing, so a file written by export is what the printer gets. */
static GtkPrintOperation *
make_operation (YishiDoc *doc)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->doc = doc;
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* the layout draws its own margins on the whole sheet */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, yishi_doc_get_title (doc));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "yishi-print-job", job, (GDestroyNotify) print_job_free);
  return operation;
}

void
yishi_doc_print_run (GtkWidget  *widget,
                     YishiDoc   *doc,
                     const char *error_title)
{
  g_autoptr(GtkPrintOperation) operation = make_operation (doc);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    yishi_window_show_error (widget, error_title, error);
}

gboolean
yishi_doc_print_export (YishiDoc    *doc,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = make_operation (doc);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
