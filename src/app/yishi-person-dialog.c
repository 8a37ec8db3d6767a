#include "config.h"

#include <glib/gi18n.h>

#include "yishi-person-dialog.h"
#include "yishi-person-form.h"
#include "yishi-person-store.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiPersonDialog
{
  AdwMessageDialog  parent_instance;
  YishiSession     *session;
  YishiPersonForm  *form;
};

G_DEFINE_FINAL_TYPE (YishiPersonDialog, yishi_person_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PERSON_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
form_changed_cb (YishiPersonDialog *self)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_form_read (self->form, NULL);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", draft != NULL);
}

static gpointer
add_func (YishiDatabase   *db,
          gpointer         data,
          GCancellable    *cancellable,
          GDestroyNotify  *out_free,
          GError         **error)
{
  *out_free = g_object_unref;
  return yishi_person_store_add (db, data, error);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiPersonDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiPerson) person = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (person == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Person Could Not Be Added"), error);
      return;
    }

  yishi_session_add_person (self->session, person);
  g_signal_emit (self, signals[PERSON_ADDED], 0, person);
}

static void
yishi_person_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (dialog);
  YishiPersonDraft *draft;

  if (g_str_equal (response, "add") &&
      (draft = yishi_person_form_read (self->form, NULL)) != NULL)
    yishi_store_run_async (yishi_session_get_database (self->session), add_func, draft,
                           (GDestroyNotify) yishi_person_draft_free, NULL,
                           added_cb, g_object_ref (self));
}

static void
yishi_person_dialog_dispose (GObject *object)
{
  YishiPersonDialog *self = YISHI_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_PERSON_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_person_dialog_parent_class)->dispose (object);
}

static void
yishi_person_dialog_class_init (YishiPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_person_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = yishi_person_dialog_response;

  signals[PERSON_ADDED] = g_signal_new ("person-added", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, YISHI_TYPE_PERSON);

  g_type_ensure (YISHI_TYPE_PERSON_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiPersonDialog, form);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
}

static void
yishi_person_dialog_init (YishiPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

YishiPersonDialog *
yishi_person_dialog_new (GtkWindow    *parent,
                         YishiSession *session)
{
  YishiPersonDialog *self = g_object_new (YISHI_TYPE_PERSON_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->session = g_object_ref (session);
  yishi_person_form_focus_name (self->form);
  return self;
}
