#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-store.h"
#include "yishi-contest-labels.h"
#include "yishi-criterion-dialog.h"
#include "yishi-field-error.h"
#include "yishi-score-import.h"
#include "yishi-store-task.h"
#include "yishi-text.h"
#include "yishi-window.h"

/* The steps offered, in hundredths, in the order of the step row. */
static const gint64 steps[] = { 10, 25, 50, 100 };

struct _YishiCriterionDialog
{
  AdwWindow      parent_instance;

  YishiSession  *session;
  gint64         contest_id;
  gboolean       name_touched;
  gboolean       max_touched;
  gboolean       saving;
  gboolean       disposed;   /* the combo notifies while it goes */

  /* template children */
  GtkButton     *save_button;
  GtkWidget     *form_box;
  AdwEntryRow   *name_row;
  GtkLabel      *name_error;
  AdwEntryRow   *description_row;
  AdwEntryRow   *max_row;
  AdwComboRow   *step_row;
  GtkLabel      *max_error;
};

G_DEFINE_FINAL_TYPE (YishiCriterionDialog, yishi_criterion_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  return yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static gint64
chosen_step (YishiCriterionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->step_row);

  return selected < G_N_ELEMENTS (steps) ? steps[selected] : YISHI_CONTEST_DEFAULT_STEP;
}

/* The maximum, or what is wrong with it. */
static char *
check_max (YishiCriterionDialog *self,
           gint64               *out_max)
{
  g_autofree char *text = row_text (self->max_row);
  g_autoptr(GError) error = NULL;
  gint64 step = chosen_step (self);
  g_autofree char *max_text = NULL;
  g_autofree char *step_text = NULL;

  if (*text == '\0')
    return g_strdup (_("Enter the most points a judge can give, such as 30."));
  if (!yishi_contest_parse_points (text, out_max, &error))
    return g_strdup (error->message);
  if (*out_max <= 0)
    return g_strdup (_("The maximum must be more than 0 points."));
  if (*out_max % step == 0)
    return NULL;

  max_text = yishi_contest_points_format_short (*out_max);
  step_text = yishi_contest_points_format_short (step);
  /* Translators: the first %s is a maximum of points, such as 30.3, the second the step, such as 0.5 */
  return g_strdup_printf (_("%s is not a multiple of the step %s: judges could not give the maximum."),
                          max_text, step_text);
}

static gboolean
validate (YishiCriterionDialog *self)
{
  g_autofree char *name = row_text (self->name_row);
  gint64 max;
  g_autofree char *problem = check_max (self, &max);
  g_autofree char *text = row_text (self->max_row);

  yishi_field_error_show (self->name_error, GTK_WIDGET (self->name_row),
                          *name == '\0' && self->name_touched ? _("A criterion needs a name.") : NULL);
  /* a maximum off the step is said at once: the step may be what is wrong */
  yishi_field_error_show (self->max_error, GTK_WIDGET (self->max_row),
                          problem != NULL && (self->max_touched || *text != '\0') ? problem : NULL);
  return *name != '\0' && problem == NULL;
}

static void
update_buttons (YishiCriterionDialog *self)
{
  if (self->disposed)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !self->saving && validate (self));
}

static void
field_changed_cb (YishiCriterionDialog *self)
{
  update_buttons (self);
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               YishiCriterionDialog    *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (field == GTK_WIDGET (self->name_row))
    self->name_touched = TRUE;
  else if (field == GTK_WIDGET (self->max_row))
    self->max_touched = TRUE;
  update_buttons (self);
}

/* Saving */

typedef struct
{
  gint64  contest_id;
  char   *name;
  char   *description;
  gint64  max_points;
  gint64  step;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_free (request->name);
  g_free (request->description);
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
  gint64 id = yishi_contest_store_add_criterion (db, request->contest_id, request->name, request->description,
                                                 request->max_points, request->step, error);

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
  g_autoptr(YishiCriterionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  if (id == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Criterion Could Not Be Added"), error);
      update_buttons (self);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, *id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (YishiCriterionDialog *self)
{
  SaveRequest *request;
  g_autofree char *problem = NULL;

  if (self->saving || !validate (self))
    return;

  request = g_new0 (SaveRequest, 1);
  request->contest_id = self->contest_id;
  request->name = row_text (self->name_row);
  request->description = row_text (self->description_row);
  request->step = chosen_step (self);
  problem = check_max (self, &request->max_points);
  self->saving = TRUE;
  update_buttons (self);
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, request,
                         (GDestroyNotify) save_request_free, NULL, saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_clicked_cb (YISHI_CRITERION_DIALOG (widget));
}

static void
yishi_criterion_dialog_dispose (GObject *object)
{
  YishiCriterionDialog *self = YISHI_CRITERION_DIALOG (object);

  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_CRITERION_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_criterion_dialog_parent_class)->dispose (object);
}

static void
yishi_criterion_dialog_class_init (YishiCriterionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_criterion_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-criterion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, max_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, step_row);
  gtk_widget_class_bind_template_child (widget_class, YishiCriterionDialog, max_error);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "criterion.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "criterion.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "criterion.save", NULL);
}

static void
yishi_criterion_dialog_init (YishiCriterionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the usual step, half a point */
  adw_combo_row_set_selected (self->step_row, 2);
  gtk_widget_set_sensitive (self->form_box, TRUE);
}

YishiCriterionDialog *
yishi_criterion_dialog_new (GtkWindow    *parent,
                            YishiSession *session,
                            gint64        contest_id)
{
  YishiCriterionDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (contest_id > 0, NULL);

  self = g_object_new (YISHI_TYPE_CRITERION_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->contest_id = contest_id;
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
