#include "config.h"

#include <glib/gi18n.h>

#include "yishi-file-choice.h"

typedef struct
{
  GtkWidget           *widget;
  YishiFileChosenFunc  func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_object_unref (choice->widget);
  g_free (choice);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             gpointer         data)
{
  Choice *choice = data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    choice->func (choice->widget, path, choice->user_data);
  choice_free (choice);
  g_object_unref (chooser);
}

void
yishi_file_choice_run (GtkWidget             *widget,
                       GtkFileChooserAction   action,
                       const char            *title,
                       const char            *suggested_name,
                       const char            *filter_name,
                       const char * const    *patterns,
                       YishiFileChosenFunc    func,
                       gpointer               user_data,
                       GDestroyNotify         destroy)
{
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  choice->widget = g_object_ref (widget);
  choice->func = func;
  choice->user_data = user_data;
  choice->destroy = destroy;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (widget)), action,
                                         saving ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (saving && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
