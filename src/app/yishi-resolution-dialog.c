#include "config.h"

#include <glib/gi18n.h>

#include "yishi-date-text.h"
#include "yishi-field-error.h"
#include "yishi-meeting-text.h"
#include "yishi-person-choice.h"
#include "yishi-resolution-dialog.h"
#include "yishi-store-task.h"
#include "yishi-text.h"

/* How much of a motion's text its choice shows. */
#define MOTION_LABEL_CHARS 48
/* A pause in typing this long, or leaving the field, shows what is
 * wrong with the date (as in the meeting dialog). */
#define REVEAL_DELAY_MS 1200

/* A passed motion, copied: the meeting's data may go while the dialog is open. */
typedef struct
{
  gint64  id;
  gint64  item_id;
  char   *text;
} MotionChoice;

struct _YishiResolutionDialog
{
  AdwWindow      parent_instance;

  YishiSession  *session;
  GArray        *item_ids;   /* of gint64, as item_row lists them */
  GPtrArray     *motions;    /* of MotionChoice: the meeting's passed main motions */
  GArray        *motion_ids; /* of gint64, as motion_row lists them; 0 first: none */
  gboolean       saving;
  gboolean       disposed;   /* the fields still say they changed or lost the focus as they go */
  gboolean       updating;   /* the calendar changes from code, not from a person */
  gboolean       due_touched; /* say what is wrong with the date */
  guint          reveal_source;

  /* template children */
  AdwComboRow   *item_row;
  AdwComboRow   *motion_row;
  GtkTextView   *text_view;
  GtkDropDown   *person_drop_down;
  AdwEntryRow   *due_row;
  GtkMenuButton *calendar_button;
  GtkCalendar   *calendar;
  GtkLabel      *due_error;
  GtkLabel      *error_label; /* the store's refusal, until the next edit */
};

G_DEFINE_FINAL_TYPE (YishiResolutionDialog, yishi_resolution_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
motion_choice_free (MotionChoice *motion)
{
  g_free (motion->text);
  g_free (motion);
}

/* The due date typed (“2024-6-30” will do), as the store keeps it:
 * "2024-06-30", or NULL when none is typed. FALSE when it is no date. */
static gboolean
read_due (YishiResolutionDialog  *self,
          GDate                  *out_date,
          char                  **out_due)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->due_row))));

  *out_due = NULL;
  g_date_clear (out_date, 1);
  if (*text == '\0')
    return TRUE;
  if (!yishi_date_text_parse_date (text, out_date))
    return FALSE;
  *out_due = g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (out_date),
                              (guint) g_date_get_month (out_date), (guint) g_date_get_day (out_date));
  return TRUE;
}

static char *
dup_text (YishiResolutionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static gint64
chosen_id (GArray *ids,
           guint   selected)
{
  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static void
show_error (YishiResolutionDialog *self,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
check_due (YishiResolutionDialog *self)
{
  g_autofree char *due = NULL;
  GDate date;
  gboolean ok = read_due (self, &date, &due);

  yishi_field_error_show (self->due_error, GTK_WIDGET (self->due_row),
                          ok || !self->due_touched ? NULL
                          /* Translators: 完成时限 */
                          : _("Enter the due date as YYYY-MM-DD, such as 2025-06-30."));
  return ok;
}

static void
update_save (YishiResolutionDialog *self)
{
  g_autofree char *text = dup_text (self);
  gboolean due_ok = check_due (self);
  guint item = adw_combo_row_get_selected (self->item_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolution.save",
                                 !self->saving && *text != '\0' && due_ok && chosen_id (self->item_ids, item) > 0);
}

/* Any edit: the store's last refusal no longer applies. */
static void
text_changed_cb (YishiResolutionDialog *self)
{
  if (self->disposed)
    return;
  show_error (self, NULL);
  update_save (self);
}

static gboolean
reveal_due_cb (gpointer user_data)
{
  YishiResolutionDialog *self = user_data;

  self->reveal_source = 0;
  self->due_touched = TRUE;
  update_save (self);
  return G_SOURCE_REMOVE;
}

static void
due_changed_cb (YishiResolutionDialog *self)
{
  if (self->disposed)
    return;
  show_error (self, NULL);
  update_save (self);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  self->reveal_source = g_timeout_add (REVEAL_DELAY_MS, reveal_due_cb, self);
}

static void
due_left_cb (YishiResolutionDialog *self)
{
  if (self->disposed)
    return;
  self->due_touched = TRUE;
  update_save (self);
}

static void
item_selected_cb (YishiResolutionDialog *self)
{
  gint64 item_id = chosen_id (self->item_ids, adw_combo_row_get_selected (self->item_row));
  /* Translators: the resolution carries out no particular motion */
  const char * const none[] = { C_("motion", "None"), NULL };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (none);
  gint64 no_motion = 0;

  if (self->disposed || self->motions == NULL)
    return;
  g_array_set_size (self->motion_ids, 0);
  g_array_append_val (self->motion_ids, no_motion);
  for (guint i = 0; i < self->motions->len; i++)
    {
      MotionChoice *motion = self->motions->pdata[i];
      g_autofree char *label = NULL;

      if (motion->item_id != item_id)
        continue;
      label = yishi_text_shorten (motion->text, MOTION_LABEL_CHARS);
      gtk_string_list_append (labels, label);
      g_array_append_val (self->motion_ids, motion->id);
    }
  adw_combo_row_set_model (self->motion_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->motion_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->motion_row), self->motion_ids->len > 1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->motion_row), self->motion_ids->len > 1 ? NULL
                               : _("No motion on this item has passed."));
  show_error (self, NULL);
  update_save (self);
}

/* The calendar */

static void
calendar_shown_cb (YishiResolutionDialog *self)
{
  g_autofree char *due = NULL;
  g_autoptr(GDateTime) date = NULL;
  GDate typed;

  /* it opens on the date typed, or on today */
  if (read_due (self, &typed, &due) && due != NULL)
    date = g_date_time_new_local (g_date_get_year (&typed), g_date_get_month (&typed), g_date_get_day (&typed),
                                  0, 0, 0);
  else
    date = g_date_time_new_now_local ();
  /* selecting a day from here says a day was selected too */
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating = FALSE;
}

static void
day_selected_cb (YishiResolutionDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (!self->updating)
    gtk_editable_set_text (GTK_EDITABLE (self->due_row), text);
}

/* A click on a day chooses it and closes the calendar; the arrow keys
 * move the day chosen, and Escape closes the calendar. (Paging to
 * another month says no day was selected.) */
static void
calendar_clicked_cb (YishiResolutionDialog *self,
                     int                    n_press,
                     double                 x,
                     double                 y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    gtk_menu_button_popdown (self->calendar_button);
}

/* Saving */

typedef struct
{
  gint64  item_id;
  gint64  motion_id;
  gint64  responsible_id;
  char   *text;
  char   *due_on; /* NULL: no date */
} ResolutionRequest;

static void
request_free (ResolutionRequest *request)
{
  g_free (request->text);
  g_free (request->due_on);
  g_free (request);
}

static gpointer
add_func (YishiDatabase   *db,
          gpointer         data,
          GCancellable    *cancellable,
          GDestroyNotify  *out_free,
          GError         **error)
{
  ResolutionRequest *request = data;
  gint64 id = yishi_meeting_store_add_resolution (db, request->item_id, request->motion_id, request->text,
                                                  request->responsible_id, request->due_on, error);

  if (id == 0)
    return NULL;
  *out_free = g_free;
  return g_memdup2 (&id, sizeof id);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiResolutionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  /* destroyed meanwhile, with its parent */
  if (self->session == NULL)
    return;
  if (id == NULL)
    {
      update_save (self);
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, *id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiResolutionDialog *self = YISHI_RESOLUTION_DIALOG (widget);
  ResolutionRequest *request;
  GDate date;

  request = g_new0 (ResolutionRequest, 1);
  request->item_id = chosen_id (self->item_ids, adw_combo_row_get_selected (self->item_row));
  request->motion_id = chosen_id (self->motion_ids, adw_combo_row_get_selected (self->motion_row));
  request->responsible_id = yishi_person_choice_get_id (self->person_drop_down);
  request->text = dup_text (self);
  /* the action is enabled only with a date, or none */
  read_due (self, &date, &request->due_on);

  self->saving = TRUE;
  update_save (self);
  show_error (self, NULL);
  yishi_store_run_async (yishi_session_get_database (self->session), add_func, request,
                         (GDestroyNotify) request_free, NULL, added_cb, g_object_ref (self));
}

/* What is being written stays until the store answers. */
static gboolean
yishi_resolution_dialog_close_request (GtkWindow *window)
{
  if (YISHI_RESOLUTION_DIALOG (window)->saving)
    return TRUE;
  return GTK_WINDOW_CLASS (yishi_resolution_dialog_parent_class)->close_request (window);
}

static void
yishi_resolution_dialog_dispose (GObject *object)
{
  YishiResolutionDialog *self = YISHI_RESOLUTION_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_RESOLUTION_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->item_ids, g_array_unref);
  g_clear_pointer (&self->motions, g_ptr_array_unref);
  g_clear_pointer (&self->motion_ids, g_array_unref);

  G_OBJECT_CLASS (yishi_resolution_dialog_parent_class)->dispose (object);
}

static void
yishi_resolution_dialog_class_init (YishiResolutionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_resolution_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_resolution_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-resolution-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, motion_row);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, person_drop_down);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, due_error);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_clicked_cb);

  gtk_widget_class_install_action (widget_class, "resolution.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_resolution_dialog_init (YishiResolutionDialog *self)
{
  self->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->motion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The meeting's items, “1. Title”, and the main motions that passed: a
 * resolution carries out a main motion (as amended), never an amendment
 * on its own. */
static void
copy_meeting (YishiResolutionDialog  *self,
              const YishiMeetingData *data)
{
  const YishiMeetingSnapshot *meeting = data->snapshot;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->motions = g_ptr_array_new_with_free_func ((GDestroyNotify) motion_choice_free);
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      YishiSnapshotMotion *motion = meeting->motions->pdata[i];
      MotionChoice *choice;

      if (motion->parent_id > 0 || !motion->voted || motion->verdict != YISHI_VOTE_VERDICT_PASSED)
        continue;
      choice = g_new0 (MotionChoice, 1);
      choice->id = motion->id;
      choice->item_id = motion->item_id;
      choice->text = g_strdup (motion->text);
      g_ptr_array_add (self->motions, choice);
    }

  for (guint i = 0; i < meeting->items->len; i++)
    {
      YishiSnapshotItem *item = meeting->items->pdata[i];
      g_autofree char *number = yishi_agenda_number (item->position);
      g_autofree char *label = g_strdup_printf ("%s%s", number, item->title);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->item_ids, item->id);
    }
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (labels));
  item_selected_cb (self);
}

YishiResolutionDialog *
yishi_resolution_dialog_new (GtkWindow              *parent,
                             YishiSession           *session,
                             const YishiMeetingData *data)
{
  YishiResolutionDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (YISHI_TYPE_RESOLUTION_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  yishi_person_choice_setup (self->person_drop_down, yishi_session_get_people (session), TRUE);
  copy_meeting (self, data);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));
  return self;
}
