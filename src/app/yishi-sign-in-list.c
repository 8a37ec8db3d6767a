#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-sign-in-list.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

#define N_STATUSES 3

struct _YishiSignInList
{
  GtkWidget         parent_instance;

  YishiSession     *session;
  YishiMeetingData *data;  /* a reference */
  gboolean          updating;

  /* template children */
  GtkSearchEntry   *search_entry;
  GtkLabel         *count_label;
  GtkStack         *stack;
  GtkListBox       *list_box;
  AdwPreferencesGroup *observers_group;
  AdwEntryRow      *observer_entry;
  GPtrArray        *observer_rows; /* the rows in observers_group, to take out again */
};

G_DEFINE_FINAL_TYPE (YishiSignInList, yishi_sign_in_list, GTK_TYPE_WIDGET)

enum {
  ATTENDANCE_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a row remembers about its member. */
typedef struct
{
  YishiSignInList       *list;
  AdwActionRow          *row;
  YishiCouncilMemberRow *member; /* borrowed from the data */
  GtkToggleButton       *buttons[N_STATUSES];
  char                  *signed_in; /* "HH:MM", "" while not signed in */
} MemberRow;

static void
member_row_free (MemberRow *row)
{
  g_free (row->signed_in);
  g_free (row);
}

static void
update_subtitle (MemberRow *row)
{
  const char *position = yishi_council_position_label (row->member->position);
  g_autofree char *subtitle = NULL;
  YishiAttendance status;
  gboolean present = yishi_meeting_data_get_status (row->list->data, row->member->person_id, &status) &&
                     status == YISHI_ATTENDANCE_PRESENT;

  /* the time stays stored for one who steps out; it shows while present */
  if (present && *row->signed_in != '\0')
    /* Translators: %s position (主任…), %s the time signed in (14:02) */
    subtitle = g_strdup_printf (_("%s · signed in at %s"), position, row->signed_in);
  adw_action_row_set_subtitle (row->row, subtitle ? subtitle : position);
}

static void
show_status (MemberRow *row)
{
  YishiAttendance status;
  gboolean known = yishi_meeting_data_get_status (row->list->data, row->member->person_id, &status);

  row->list->updating = TRUE;
  for (guint i = 0; i < N_STATUSES; i++)
    gtk_toggle_button_set_active (row->buttons[i], known && status == i);
  row->list->updating = FALSE;
  update_subtitle (row);
}

static void
update_count (YishiSignInList *self)
{
  /* Translators: %u signed in, %u members */
  g_autofree char *text = g_strdup_printf (_("%u of %u present"),
                                           yishi_meeting_data_count_present (self->data),
                                           self->data->members->len);

  gtk_label_set_label (self->count_label, text);
}

typedef struct
{
  gint64          meeting_id;
  gint64          person_id;
  YishiAttendance status;
} AttendRequest;

static gpointer
attend_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  AttendRequest *request = data;

  return GINT_TO_POINTER (yishi_meeting_store_attend (db, request->meeting_id, request->person_id,
                                                      request->status, error));
}

typedef struct
{
  YishiSignInList  *list;
  YishiMeetingData *data;    /* to tell whether the meeting changed meanwhile */
  gint64            person_id;
  YishiAttendance   status;
} AttendReply;

static MemberRow *
find_row (YishiSignInList *self,
          gint64           person_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      MemberRow *row = g_object_get_data (G_OBJECT (child), "yishi-member-row");

      if (row != NULL && row->member->person_id == person_id)
        return row;
    }
  return NULL;
}

static void
attended_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree AttendReply *reply = user_data;
  g_autoptr(YishiSignInList) self = reply->list;
  g_autoptr(GError) error = NULL;
  gboolean ok = GPOINTER_TO_INT (yishi_store_run_finish (YISHI_DATABASE (source), result, &error));
  MemberRow *row;

  if (self->data != reply->data || (row = find_row (self, reply->person_id)) == NULL)
    return;
  if (!ok)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Attendance Could Not Be Recorded"), error);
      show_status (row);
      return;
    }

  yishi_meeting_data_set_status (self->data, reply->person_id, reply->status);
  if (reply->status == YISHI_ATTENDANCE_PRESENT && *row->signed_in == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_free (row->signed_in);
      row->signed_in = g_date_time_format (now, "%H:%M");
    }
  show_status (row);
  update_count (self);
  g_signal_emit (self, signals[ATTENDANCE_CHANGED], 0);
}

static void
status_toggled_cb (GtkToggleButton *button,
                   MemberRow       *row)
{
  YishiSignInList *self = row->list;
  AttendRequest *request;
  AttendReply *reply;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  request = g_new0 (AttendRequest, 1);
  request->meeting_id = self->data->snapshot->id;
  request->person_id = row->member->person_id;
  request->status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "yishi-status"));
  reply = g_new0 (AttendReply, 1);
  reply->list = g_object_ref (self);
  reply->data = self->data;
  reply->person_id = request->person_id;
  reply->status = request->status;
  yishi_store_run_async (yishi_session_get_database (self->session), attend_func, request, g_free,
                         NULL, attended_cb, reply);
}

static const char *
status_button_label (YishiAttendance status)
{
  switch (status)
    {
    case YISHI_ATTENDANCE_PRESENT:
      /* Translators: a button that signs a member in: 签到 */
      return _("_Present");
    case YISHI_ATTENDANCE_EXCUSED:
      /* Translators: a button: the member is excused: 请假 */
      return _("_Excused");
    default:
      /* Translators: a button: the member is absent: 缺席 */
      return _("A_bsent");
    }
}

static GtkWidget *
make_status_buttons (MemberRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; i < N_STATUSES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (status_button_label (i));
      /* Translators: the accessible name of a sign-in button: “Present: 王桂兰” */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), yishi_attendance_label (i), row->member->name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "yishi-status", GUINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), row->buttons[0]);
      row->buttons[i] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (status_toggled_cb), row);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

static const char *
signed_in_at (const YishiMeetingData *data,
              gint64                  person_id)
{
  for (guint i = 0; i < data->snapshot->attendance->len; i++)
    {
      YishiSnapshotAttendance *row = data->snapshot->attendance->pdata[i];

      if (row->person_id == person_id)
        return row->signed_in_at;
    }
  return NULL;
}

static GtkWidget *
make_row (YishiSignInList       *self,
          YishiCouncilMemberRow *member)
{
  MemberRow *row = g_new0 (MemberRow, 1);
  GtkWidget *widget = adw_action_row_new ();

  row->list = self;
  row->row = ADW_ACTION_ROW (widget);
  row->member = member;
  row->signed_in = yishi_format_clock_time (signed_in_at (self->data, member->person_id));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), member->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_action_row_add_suffix (row->row, make_status_buttons (row));
  g_object_set_data_full (G_OBJECT (widget), "yishi-member-row", row, (GDestroyNotify) member_row_free);
  show_status (row);
  gtk_widget_set_sensitive (widget, self->data->snapshot->state != YISHI_MEETING_STATE_CLOSED);
  return widget;
}

static gboolean
filter_func (GtkListBoxRow *widget,
             gpointer       user_data)
{
  YishiSignInList *self = user_data;
  MemberRow *row = g_object_get_data (G_OBJECT (widget), "yishi-member-row");
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return *query == '\0' || (row != NULL && strstr (row->member->name, query) != NULL);
}

static void
search_changed_cb (YishiSignInList *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

/* Observers (列席人员): a name each, added and taken off in one step. */

typedef struct
{
  gint64  meeting_id;
  gint64  observer_id; /* > 0: remove it */
  char   *name;        /* else: add this one */
} ObserverRequest;

static void
observer_request_free (ObserverRequest *request)
{
  g_free (request->name);
  g_free (request);
}

static gpointer
observer_func (YishiDatabase   *db,
               gpointer         data,
               GCancellable    *cancellable,
               GDestroyNotify  *out_free,
               GError         **error)
{
  ObserverRequest *r = data;

  if (r->observer_id > 0)
    return GINT_TO_POINTER (yishi_meeting_store_remove_observer (db, r->observer_id, error));
  return GINT_TO_POINTER (yishi_meeting_store_add_observer (db, r->meeting_id, 0, r->name, error) > 0);
}

static void
observer_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(YishiSignInList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Observers Could Not Change"), error);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
run_observer_request (YishiSignInList *self,
                      ObserverRequest *request)
{
  request->meeting_id = self->data->snapshot->id;
  yishi_store_run_async (yishi_session_get_database (self->session), observer_func, request,
                         (GDestroyNotify) observer_request_free, NULL, observer_done_cb, g_object_ref (self));
}

static void
add_observer_cb (YishiSignInList *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->observer_entry))));
  ObserverRequest *request;

  if (*name == '\0' || self->data == NULL)
    return;
  request = g_new0 (ObserverRequest, 1);
  request->name = g_steal_pointer (&name);
  run_observer_request (self, request);
  gtk_editable_set_text (GTK_EDITABLE (self->observer_entry), "");
}

static void
remove_observer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ObserverRequest *request = g_new0 (ObserverRequest, 1);

  request->observer_id = g_variant_get_int64 (parameter);
  run_observer_request (YISHI_SIGN_IN_LIST (widget), request);
}

static void
show_observers (YishiSignInList *self)
{
  gboolean open = self->data->snapshot->state != YISHI_MEETING_STATE_CLOSED;

  for (guint i = 0; i < self->observer_rows->len; i++)
    adw_preferences_group_remove (self->observers_group, self->observer_rows->pdata[i]);
  g_ptr_array_set_size (self->observer_rows, 0);
  for (guint i = 0; i < self->data->snapshot->observers->len; i++)
    {
      YishiSnapshotObserver *observer = self->data->snapshot->observers->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), observer->name);
      if (open)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
          /* Translators: the accessible name of a button; %s is a name */
          g_autofree char *label = g_strdup_printf (_("Remove observer %s"), observer->name);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Remove"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sign-in.remove-observer");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", observer->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->observers_group, row);
      g_ptr_array_add (self->observer_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->observer_entry), open);
  gtk_widget_set_visible (GTK_WIDGET (self->observers_group), open || self->observer_rows->len > 0);
}

void
yishi_sign_in_list_set_data (YishiSignInList  *self,
                             YishiSession     *session,
                             YishiMeetingData *data)
{
  GtkWidget *child;

  g_return_if_fail (YISHI_IS_SIGN_IN_LIST (self));

  g_set_object (&self->session, session);
  yishi_meeting_data_ref (data);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);
  self->data = data;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < data->members->len; i++)
    gtk_list_box_append (self->list_box, make_row (self, data->members->pdata[i]));
  gtk_stack_set_visible_child_name (self->stack, data->members->len > 0 ? "list" : "empty");
  update_count (self);
  show_observers (self);
}

static void
yishi_sign_in_list_dispose (GObject *object)
{
  YishiSignInList *self = YISHI_SIGN_IN_LIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_SIGN_IN_LIST);
  /* the template's root box is not a bound child: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->observer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->data, yishi_meeting_data_unref);

  G_OBJECT_CLASS (yishi_sign_in_list_parent_class)->dispose (object);
}

static void
yishi_sign_in_list_class_init (YishiSignInListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_sign_in_list_dispose;

  signals[ATTENDANCE_CHANGED] = g_signal_new ("attendance-changed", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-sign-in-list.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiSignInList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiSignInList, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiSignInList, stack);
  gtk_widget_class_bind_template_child (widget_class, YishiSignInList, list_box);
  gtk_widget_class_bind_template_child (widget_class, YishiSignInList, observers_group);
  gtk_widget_class_bind_template_child (widget_class, YishiSignInList, observer_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_observer_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.remove-observer", "x", remove_observer_action);
}

static void
yishi_sign_in_list_init (YishiSignInList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->observer_rows = g_ptr_array_new ();
  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
}
