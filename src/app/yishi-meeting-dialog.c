#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "yishi-council-store.h"
#include "yishi-date-text.h"
#include "yishi-field-error.h"
#include "yishi-meeting-dialog.h"
#include "yishi-meeting-notice.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-person-choice.h"
#include "yishi-store-task.h"
#include "yishi-text.h"
#include "yishi-window.h"

/* A pause in typing this long shows what is wrong with a date or time. */
#define REVEAL_DELAY_MS 1200

/* Fields the user has left once, or paused on: their errors show from
 * then on. */
typedef enum
{
  FIELD_TITLE = 1 << 0,
  FIELD_DATE  = 1 << 1,
  FIELD_TIME  = 1 << 2,
} Field;

struct _YishiMeetingDialog
{
  AdwWindow      parent_instance;

  YishiSession  *session;
  gint64         meeting_id;
  gint64         wanted_council;
  GCancellable  *cancellable;
  GArray        *council_ids;   /* of gint64, in the combo's order */
  GPtrArray     *council_names; /* in the same order */
  char          *fixed_council; /* the council's name, once the meeting exists */
  GStrv          agenda;        /* the items' titles, for the notice */
  guint          touched;       /* of Field */
  guint          reveal_source;
  guint          calendar_month; /* year × 12 + month shown, to tell a click from paging */
  gboolean       syncing_calendar;
  gboolean       loaded;
  gboolean       saving;
  gboolean       disposed;      /* the combo notifies while it goes */

  /* template children */
  GtkButton     *save_button;
  GtkStack      *stack;
  GtkWidget     *form_box;
  AdwComboRow   *council_row;
  AdwActionRow  *council_fixed_row;
  GtkLabel      *council_error;
  AdwEntryRow   *title_row;
  GtkLabel      *title_error;
  AdwEntryRow   *date_row;
  GtkMenuButton *date_button;
  GtkCalendar   *calendar;
  GtkLabel      *date_error;
  AdwEntryRow   *time_row;
  GtkLabel      *time_error;
  AdwEntryRow   *place_row;
  GtkDropDown   *chair_drop;
  GtkDropDown   *secretary_drop;
  GtkButton     *fill_button;
  GtkTextView   *notice_view;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (YishiMeetingDialog, yishi_meeting_dialog, ADW_TYPE_WINDOW)

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

/* When the meeting starts, local time, or NULL. */
static GDateTime *
read_start (YishiMeetingDialog *self)
{
  g_autofree char *date_text = row_text (self->date_row);
  g_autofree char *time_text = row_text (self->time_row);
  guint hour, minute;
  GDate date;

  g_date_clear (&date, 1);
  if (!yishi_date_text_parse_date (date_text, &date) || !yishi_date_text_parse_time (time_text, &hour, &minute))
    return NULL;

  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                hour, minute, 0);
}

/* Validation */

static gint64
chosen_council (YishiMeetingDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->council_row);

  if (self->council_ids == NULL || selected >= self->council_ids->len)
    return 0;
  return g_array_index (self->council_ids, gint64, selected);
}

static const char *
council_name (YishiMeetingDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->council_row);

  if (self->fixed_council != NULL)
    return self->fixed_council;
  return selected < self->council_names->len ? self->council_names->pdata[selected] : "";
}

static gboolean
check_date (YishiMeetingDialog *self)
{
  g_autofree char *text = row_text (self->date_row);
  GDate date;
  gboolean ok;

  g_date_clear (&date, 1);
  ok = yishi_date_text_parse_date (text, &date);
  yishi_field_error_show (self->date_error, GTK_WIDGET (self->date_row),
                          ok || !(self->touched & FIELD_DATE) ? NULL
                          : _("Enter the date as YYYY-MM-DD, such as 2025-06-01."));
  return ok;
}

static gboolean
check_time (YishiMeetingDialog *self)
{
  g_autofree char *text = row_text (self->time_row);
  guint hour, minute;
  gboolean ok = yishi_date_text_parse_time (text, &hour, &minute);

  yishi_field_error_show (self->time_error, GTK_WIDGET (self->time_row),
                          ok || !(self->touched & FIELD_TIME) ? NULL
                          : _("Enter the time as HH:MM on a 24-hour clock, such as 19:30."));
  return ok;
}

/* Shows what is wrong next to each field the user has been through, and
 * says whether the meeting can be stored as it is. */
static gboolean
validate (YishiMeetingDialog *self)
{
  g_autofree char *title = row_text (self->title_row);
  gboolean has_council = self->fixed_council != NULL || chosen_council (self) != 0;
  gboolean date_ok = check_date (self);
  gboolean time_ok = check_time (self);

  yishi_field_error_show (self->council_error, GTK_WIDGET (self->council_row),
                          self->loaded && !has_council
                          ? _("There is no council yet: add one before planning its meetings.") : NULL);
  yishi_field_error_show (self->title_error, GTK_WIDGET (self->title_row),
                          *title == '\0' && (self->touched & FIELD_TITLE) ? _("A meeting needs a title.") : NULL);
  return has_council && *title != '\0' && date_ok && time_ok;
}

static void
update_buttons (YishiMeetingDialog *self)
{
  gboolean valid;

  if (self->disposed)
    return;

  valid = validate (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->loaded && !self->saving && valid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fill_button), self->loaded && valid);
}

static gboolean
reveal_errors_cb (gpointer user_data)
{
  YishiMeetingDialog *self = user_data;

  self->reveal_source = 0;
  if (gtk_editable_get_text (GTK_EDITABLE (self->date_row))[0] != '\0')
    self->touched |= FIELD_DATE;
  if (gtk_editable_get_text (GTK_EDITABLE (self->time_row))[0] != '\0')
    self->touched |= FIELD_TIME;
  update_buttons (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (YishiMeetingDialog *self)
{
  if (self->disposed)
    return;

  update_buttons (self);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->loaded)
    self->reveal_source = g_timeout_add (REVEAL_DELAY_MS, reveal_errors_cb, self);
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               YishiMeetingDialog      *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (field == GTK_WIDGET (self->title_row))
    self->touched |= FIELD_TITLE;
  else if (field == GTK_WIDGET (self->date_row))
    self->touched |= FIELD_DATE;
  else if (field == GTK_WIDGET (self->time_row))
    self->touched |= FIELD_TIME;
  update_buttons (self);
}

/* The calendar */

static guint
month_of (GDateTime *day)
{
  return g_date_time_get_year (day) * 12 + g_date_time_get_month (day);
}

/* The calendar opens on the date typed, or on today. */
static void
calendar_shown_cb (YishiMeetingDialog *self)
{
  g_autofree char *text = row_text (self->date_row);
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (yishi_date_text_parse_date (text, &date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                 0, 0, 0);
  else
    day = g_date_time_new_now_local ();

  /* selecting a day from here emits day-selected too */
  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->syncing_calendar = FALSE;
  self->calendar_month = month_of (day);
}

/* GtkCalendar also says a day was selected when it pages to another
 * month: only a click on a day of the month shown fills in the date. */
static void
day_selected_cb (YishiMeetingDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  guint month = month_of (day);

  if (self->syncing_calendar)
    return;
  if (month != self->calendar_month)
    {
      self->calendar_month = month;
      return;
    }

  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->date_button);
}

/* The notice */

static void
fill_clicked_cb (YishiMeetingDialog *self)
{
  g_autoptr(GDateTime) when = read_start (self);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *title = row_text (self->title_row);
  g_autofree char *place = row_text (self->place_row);
  g_autofree char *notice = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notice_view);
  GtkTextIter start, end;

  if (when == NULL)
    return;

  notice = yishi_meeting_notice_compose (council_name (self), title, when, place,
                                         (const char * const *) self->agenda, today);
  /* one step for Ctrl+Z (set_text could not be undone) */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, notice, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static char *
notice_text (YishiMeetingDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notice_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Loading */

typedef struct
{
  GPtrArray            *councils; /* of YishiCouncilRow */
  YishiMeetingSnapshot *meeting;  /* NULL for a new meeting */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->councils, g_ptr_array_unref);
  g_clear_pointer (&loaded->meeting, yishi_meeting_snapshot_free);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  gint64 meeting_id = *(gint64 *) data;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);

  *out_free = (GDestroyNotify) loaded_free;
  if ((loaded->councils = yishi_council_store_list (db, error)) == NULL)
    return NULL;
  if (meeting_id != 0 && (loaded->meeting = yishi_meeting_store_show (db, meeting_id, error)) == NULL)
    return NULL;

  return g_steal_pointer (&loaded);
}

static void
show_councils (YishiMeetingDialog *self,
               GPtrArray          *councils)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint wanted = 0;

  for (guint i = 0; i < councils->len; i++)
    {
      YishiCouncilRow *row = councils->pdata[i];

      g_array_append_val (self->council_ids, row->id);
      g_ptr_array_add (self->council_names, g_strdup (row->name));
      gtk_string_list_append (names, row->name);
      if (row->id == self->wanted_council)
        wanted = i;
    }
  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->council_row, councils->len > 0 ? wanted : GTK_INVALID_LIST_POSITION);
}

static void
fix_council (YishiMeetingDialog *self,
             const char         *name)
{
  g_free (self->fixed_council);
  self->fixed_council = g_strdup (name);
  adw_action_row_set_subtitle (self->council_fixed_row, name);
  gtk_widget_set_visible (GTK_WIDGET (self->council_fixed_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->council_row), FALSE);
}

static void
show_meeting (YishiMeetingDialog   *self,
              YishiMeetingSnapshot *meeting)
{
  g_autoptr(GStrvBuilder) agenda = g_strv_builder_new ();
  g_autofree char *date = g_strndup (meeting->starts_at, 10);
  g_autofree char *time = strlen (meeting->starts_at) >= 16 ? g_strndup (meeting->starts_at + 11, 5) : NULL;

  fix_council (self, meeting->council);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), meeting->title);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time ? time : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), meeting->place ? meeting->place : "");
  yishi_person_choice_set_id (self->chair_drop, meeting->chair_id);
  yishi_person_choice_set_id (self->secretary_drop, meeting->secretary_id);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notice_view),
                            meeting->notice ? meeting->notice : "", -1);

  for (guint i = 0; i < meeting->items->len; i++)
    g_strv_builder_add (agenda, ((YishiSnapshotItem *) meeting->items->pdata[i])->title);
  g_strfreev (self->agenda);
  self->agenda = g_strv_builder_end (agenda);
  /* everything shown was stored: say at once if any of it is wrong */
  self->touched = FIELD_TITLE | FIELD_DATE | FIELD_TIME;
}

static void
show_failure (YishiMeetingDialog *self,
              const char         *title,
              const char         *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiMeetingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) loaded = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, _("The Meeting Could Not Be Read"), error->message);
      return;
    }
  if (loaded->meeting != NULL && loaded->meeting->state == YISHI_MEETING_STATE_CLOSED)
    {
      show_failure (self, _("The Meeting Cannot Be Edited"),
                    _("The meeting is closed: its details and its notice stay as they were."));
      return;
    }

  show_councils (self, loaded->councils);
  if (loaded->meeting != NULL)
    show_meeting (self, loaded->meeting);
  self->loaded = TRUE;
  gtk_widget_set_sensitive (self->form_box, TRUE);
  update_buttons (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* Saving */

typedef struct
{
  gint64  meeting_id;  /* 0 adds a meeting; out: its id */
  gint64  council_id;
  char   *title;
  char   *starts_at;
  char   *place;
  gint64  chair_id;
  gint64  secretary_id;
  char   *notice;
  GError *error;       /* out: why a step failed */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_free (request->title);
  g_free (request->starts_at);
  g_free (request->place);
  g_free (request->notice);
  g_clear_error (&request->error);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveRequest, save_request_free)

static gboolean
save_steps (YishiDatabase  *db,
            SaveRequest    *request,
            GError        **error)
{
  if (request->meeting_id == 0)
    {
      request->meeting_id = yishi_meeting_store_add (db, request->council_id, request->title, request->starts_at,
                                                     request->place, request->chair_id, request->secretary_id,
                                                     error);
      if (request->meeting_id == 0)
        return FALSE;
    }
  else if (!yishi_meeting_store_set_details (db, request->meeting_id, request->title, request->starts_at,
                                             request->place, request->chair_id, request->secretary_id, error))
    return FALSE;

  return yishi_meeting_store_set_notice (db, request->meeting_id, request->notice, error);
}

/* Two transactions: the request comes back whatever happens, with the
 * new meeting's id even when the notice then failed, so that saving
 * again edits that meeting instead of adding another. */
static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  SaveRequest *request = data;

  save_steps (db, request, &request->error);
  *out_free = (GDestroyNotify) save_request_free;
  return request;
}

static SaveRequest *
read_request (YishiMeetingDialog *self)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);
  g_autoptr(GDateTime) start = read_start (self);

  request->meeting_id = self->meeting_id;
  request->council_id = chosen_council (self);
  request->title = row_text (self->title_row);
  request->starts_at = g_date_time_format (start, "%Y-%m-%d %H:%M");
  request->place = row_text (self->place_row);
  request->chair_id = yishi_person_choice_get_id (self->chair_drop);
  request->secretary_id = yishi_person_choice_get_id (self->secretary_drop);
  request->notice = notice_text (self);
  return request;
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiMeetingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaveRequest) request = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  self->saving = FALSE;
  if (request != NULL && request->meeting_id != 0)
    {
      if (self->meeting_id == 0)
        fix_council (self, council_name (self));
      self->meeting_id = request->meeting_id;
      g_signal_emit (self, signals[SAVED], 0, request->meeting_id);
      if (request->error == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
    }

  yishi_window_show_error (GTK_WIDGET (self), _("The Meeting Could Not Be Saved"),
                           request != NULL ? request->error : error);
  update_buttons (self);
}

static void
save_clicked_cb (YishiMeetingDialog *self)
{
  if (!validate (self) || self->saving)
    return;

  self->saving = TRUE;
  update_buttons (self);
  /* the request moves into the result, which the callback frees */
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, read_request (self),
                         NULL, NULL, saved_cb, g_object_ref (self));
}

static gboolean
yishi_meeting_dialog_close_request (GtkWindow *window)
{
  g_cancellable_cancel (YISHI_MEETING_DIALOG (window)->cancellable);

  return GTK_WINDOW_CLASS (yishi_meeting_dialog_parent_class)->close_request (window);
}

static void
yishi_meeting_dialog_dispose (GObject *object)
{
  YishiMeetingDialog *self = YISHI_MEETING_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_MEETING_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_meeting_dialog_parent_class)->dispose (object);
}

static void
yishi_meeting_dialog_finalize (GObject *object)
{
  YishiMeetingDialog *self = YISHI_MEETING_DIALOG (object);

  g_array_unref (self->council_ids);
  g_ptr_array_unref (self->council_names);
  g_free (self->fixed_council);
  g_strfreev (self->agenda);

  G_OBJECT_CLASS (yishi_meeting_dialog_parent_class)->finalize (object);
}

static void
yishi_meeting_dialog_class_init (YishiMeetingDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_meeting_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = yishi_meeting_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_meeting_dialog_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, council_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, council_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, council_error);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, time_error);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, chair_drop);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, secretary_drop);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, fill_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, notice_view);
  gtk_widget_class_bind_template_child (widget_class, YishiMeetingDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, fill_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
yishi_meeting_dialog_init (YishiMeetingDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->council_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->council_names = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

YishiMeetingDialog *
yishi_meeting_dialog_new (GtkWindow    *parent,
                          YishiSession *session,
                          gint64        meeting_id)
{
  YishiMeetingDialog *self;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (meeting_id >= 0, NULL);

  self = g_object_new (YISHI_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->meeting_id = meeting_id;
  if (meeting_id != 0)
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Meeting"));
  yishi_person_choice_setup (self->chair_drop, yishi_session_get_people (session), TRUE);
  yishi_person_choice_setup (self->secretary_drop, yishi_session_get_people (session), TRUE);
  yishi_store_run_async (yishi_session_get_database (session), load_func,
                         g_memdup2 (&meeting_id, sizeof meeting_id), g_free, self->cancellable,
                         loaded_cb, g_object_ref (self));
  return self;
}

void
yishi_meeting_dialog_set_council (YishiMeetingDialog *self,
                                  gint64              council_id)
{
  g_return_if_fail (YISHI_IS_MEETING_DIALOG (self));

  self->wanted_council = council_id;
  for (guint i = 0; self->loaded && i < self->council_ids->len; i++)
    if (g_array_index (self->council_ids, gint64, i) == council_id)
      adw_combo_row_set_selected (self->council_row, i);
}
