/* Sets up a council and plans its meetings through the two dialogs, as a
 * community secretary would. */
#include "config.h"

#include <string.h>

#include "yishi-council-dialog.h"
#include "yishi-council-store.h"
#include "yishi-meeting-dialog.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-person-choice.h"
#include "yishi-ui-test-util.h"

typedef YishiUiFixture Fixture;

/* What a dialog did: the id it reported, and whether it went away. */
typedef struct
{
  gint64   saved_id;
  gboolean destroyed;
} Outcome;

static void
saved_cb (GtkWidget *dialog,
          gint64     id,
          Outcome   *outcome)
{
  outcome->saved_id = id;
}

static void
destroyed_cb (GtkWidget *dialog,
              Outcome   *outcome)
{
  outcome->destroyed = TRUE;
}

static void
watch (GtkWidget *dialog,
       Outcome   *outcome)
{
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), outcome);
  g_signal_connect (dialog, "destroy", G_CALLBACK (destroyed_cb), outcome);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_done (gpointer data)
{
  Outcome *outcome = data;

  return outcome->saved_id != 0 && outcome->destroyed;
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static GtkWidget *
row (GtkWidget  *dialog,
     GType       type,
     const char *title)
{
  GtkWidget *found = yishi_ui_find_named (dialog, type, title);

  g_assert_nonnull (found);
  return found;
}

/* The widget of @type inside the row titled @title. */
static GtkWidget *
in_row (GtkWidget  *dialog,
        const char *title,
        GType       type)
{
  GtkWidget *found = yishi_ui_find_child (row (dialog, ADW_TYPE_ACTION_ROW, title), type);

  g_assert_nonnull (found);
  return found;
}

/* A click, as a person makes it: only on a button that takes one. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static YishiPerson *
person_at (Fixture *f,
           guint    position)
{
  GListModel *people = yishi_session_get_people (yishi_window_get_session (f->window));

  g_assert_cmpuint (g_list_model_get_n_items (people), >, position);
  return g_list_model_get_item (people, position);
}

/* The text of the first label under @root that starts with @prefix. */
static const char *
label_text (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return gtk_label_get_label (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = label_text (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static YishiCouncilRow *
stored_council (Fixture    *f,
                const char *name)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  g_autoptr(GPtrArray) councils = yishi_council_store_list (db, NULL);

  for (guint i = 0; councils != NULL && i < councils->len; i++)
    if (g_str_equal (((YishiCouncilRow *) councils->pdata[i])->name, name))
      return g_ptr_array_steal_index (councils, i);

  return NULL;
}

static void
add_member (GtkWidget            *dialog,
            YishiPerson          *person,
            YishiCouncilPosition  position)
{
  GtkWidget *person_drop = in_row (dialog, "Person", GTK_TYPE_DROP_DOWN);

  g_assert_true (yishi_person_choice_set_id (GTK_DROP_DOWN (person_drop), yishi_person_get_id (person)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (dialog, ADW_TYPE_COMBO_ROW, "Position")), position);
  click (row (dialog, GTK_TYPE_BUTTON, "_Add Member"));
}

static void
test_create_council (Fixture       *f,
                     gconstpointer  user_data)
{
  YishiSession *session = yishi_window_get_session (f->window);
  GtkWidget *dialog = GTK_WIDGET (yishi_council_dialog_new (GTK_WINDOW (f->window), session, 0));
  g_autoptr(YishiPerson) director = person_at (f, 0);
  g_autoptr(YishiPerson) member = person_at (f, 1);
  g_autoptr(YishiDatabase) db = NULL;
  YishiCouncilRow *council;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *already = NULL;
  YishiSpeakingRules speaking;
  GtkWidget *name_row, *speech_spin, *save;
  Outcome outcome = { 0 };

  watch (dialog, &outcome);
  name_row = row (dialog, ADW_TYPE_ENTRY_ROW, "Name");
  save = row (dialog, GTK_TYPE_BUTTON, "_Save");
  yishi_ui_wait_until (is_sensitive, name_row);
  g_assert_false (gtk_widget_get_sensitive (save));
  yishi_ui_type_text (GTK_EDITABLE (name_row), "金星苑居民议事会");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* two thirds must be present, and two thirds of all members say yes */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (dialog, ADW_TYPE_COMBO_ROW, "Quorum")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (dialog, ADW_TYPE_COMBO_ROW, "Majority")),
                              YISHI_VOTE_MAJORITY_TWO_THIRDS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (dialog, ADW_TYPE_COMBO_ROW, "Majority Of")),
                              YISHI_VOTE_BASE_MEMBERS);
  g_assert_cmpstr (label_text (dialog, "In words: "), ==,
                   "In words: yes votes are at least two thirds of all members;"
                   " quorum: at least two thirds of the members present");

  /* 1½ minutes a turn, typed as minutes:seconds; 3 turns; a seconder */
  speech_spin = in_row (dialog, "Time per Turn", GTK_TYPE_SPIN_BUTTON);
  gtk_editable_set_text (GTK_EDITABLE (speech_spin), "1:30");
  gtk_spin_button_update (GTK_SPIN_BUTTON (speech_spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (speech_spin)), ==, 90);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (dialog, ADW_TYPE_ACTION_ROW, "Time per Turn"))),
                   ==, "1 minute 30 seconds");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (in_row (dialog, "Turns per Person on One Motion",
                                                      GTK_TYPE_SPIN_BUTTON)), 3);
  gtk_switch_set_active (GTK_SWITCH (in_row (dialog, "Motions Need a Seconder", GTK_TYPE_SWITCH)), TRUE);

  add_member (dialog, director, YISHI_COUNCIL_POSITION_DIRECTOR);
  add_member (dialog, member, YISHI_COUNCIL_POSITION_MEMBER);
  /* the same person twice is refused where the user looks */
  add_member (dialog, member, YISHI_COUNCIL_POSITION_REPRESENTATIVE);
  already = g_strdup_printf ("%s is already a member.", yishi_person_get_name (member));
  g_assert_nonnull (label_text (dialog, already));

  click (save);
  yishi_ui_wait_until (is_done, &outcome);

  council = stored_council (f, "金星苑居民议事会");
  g_assert_nonnull (council);
  g_assert_cmpint (outcome.saved_id, ==, council->id);
  g_assert_cmpint (council->rule.quorum.kind, ==, YISHI_VOTE_QUORUM_TWO_THIRDS);
  g_assert_cmpint (council->rule.majority, ==, YISHI_VOTE_MAJORITY_TWO_THIRDS);
  g_assert_cmpint (council->rule.base, ==, YISHI_VOTE_BASE_MEMBERS);

  db = yishi_ui_open_db (f);
  g_assert_true (yishi_council_store_get_speaking_rules (db, council->id, &speaking, NULL));
  g_assert_cmpuint (speaking.speech_seconds, ==, 90);
  g_assert_cmpuint (speaking.max_turns, ==, 3);
  g_assert_true (speaking.requires_seconder);

  /* directors first */
  members = yishi_council_store_list_members (db, council->id, NULL, NULL);
  g_assert_nonnull (members);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpint (((YishiCouncilMemberRow *) members->pdata[0])->person_id, ==, yishi_person_get_id (director));
  g_assert_cmpint (((YishiCouncilMemberRow *) members->pdata[0])->position, ==, YISHI_COUNCIL_POSITION_DIRECTOR);
  g_assert_cmpint (((YishiCouncilMemberRow *) members->pdata[1])->person_id, ==, yishi_person_get_id (member));
  g_assert_cmpint (((YishiCouncilMemberRow *) members->pdata[1])->position, ==, YISHI_COUNCIL_POSITION_MEMBER);
  yishi_council_row_free (council);
}

static gint64
add_council (Fixture    *f,
             const char *name,
             gint64      first_member_id,
             gint64      second_member_id)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_council_store_add (db, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (yishi_council_store_add_member (db, id, first_member_id, YISHI_COUNCIL_POSITION_DIRECTOR,
                                                 "2025-01-08", &error) > 0);
  g_assert_true (yishi_council_store_add_member (db, id, second_member_id, YISHI_COUNCIL_POSITION_MEMBER,
                                                 "2025-01-08", &error) > 0);
  g_assert_no_error (error);
  return id;
}

/* Editing: the name stays; ending a membership happens on Save. */
static void
test_edit_council (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(YishiPerson) first = person_at (f, 2);
  g_autoptr(YishiPerson) second = person_at (f, 3);
  gint64 id = add_council (f, "东骧社区议事会", yishi_person_get_id (first), yishi_person_get_id (second));
  GtkWidget *dialog = GTK_WIDGET (yishi_council_dialog_new (GTK_WINDOW (f->window),
                                                            yishi_window_get_session (f->window), id));
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) members = NULL;
  GtkWidget *member_row;
  Outcome outcome = { 0 };

  watch (dialog, &outcome);
  yishi_ui_wait_until (is_sensitive, row (dialog, ADW_TYPE_COMBO_ROW, "Quorum"));
  g_assert_false (gtk_widget_get_visible (row (dialog, ADW_TYPE_ENTRY_ROW, "Name")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "东骧社区议事会");

  member_row = row (dialog, ADW_TYPE_ACTION_ROW, yishi_person_get_name (second));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (member_row)), "since 2025-01-08"));
  click (yishi_ui_find_child (member_row, GTK_TYPE_BUTTON));
  g_assert_null (yishi_ui_find_named (dialog, ADW_TYPE_ACTION_ROW, yishi_person_get_name (second)));

  db = yishi_ui_open_db (f);
  members = yishi_council_store_list_members (db, id, NULL, NULL);
  g_assert_cmpuint (members->len, ==, 2);
  g_clear_pointer (&members, g_ptr_array_unref);

  click (row (dialog, GTK_TYPE_BUTTON, "_Save"));
  yishi_ui_wait_until (is_done, &outcome);
  g_assert_cmpint (outcome.saved_id, ==, id);
  members = yishi_council_store_list_members (db, id, NULL, NULL);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (((YishiCouncilMemberRow *) members->pdata[0])->person_id, ==, yishi_person_get_id (first));
}

/* A new meeting dialog for a council of our own, once it has read the
 * councils. */
static GtkWidget *
open_meeting_dialog (Fixture *f,
                     gint64   meeting_id,
                     Outcome *outcome)
{
  GtkWidget *dialog = GTK_WIDGET (yishi_meeting_dialog_new (GTK_WINDOW (f->window),
                                                            yishi_window_get_session (f->window), meeting_id));

  watch (dialog, outcome);
  yishi_ui_wait_until (is_sensitive, row (dialog, ADW_TYPE_ENTRY_ROW, "Title"));
  return dialog;
}

static void
fill_details (GtkWidget  *dialog,
              const char *time)
{
  yishi_ui_type_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Title")), "六月居民议事会");
  yishi_ui_type_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)")), "2025-06-06");
  yishi_ui_type_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)")), time);
  yishi_ui_type_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Place")), "社区活动室");
}

static char *
notice_in (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (yishi_ui_find_child (dialog, GTK_TYPE_TEXT_VIEW)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_plan_meeting (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(YishiPerson) chair = person_at (f, 0);
  g_autoptr(YishiPerson) secretary = person_at (f, 1);
  gint64 council_id = add_council (f, "金马街道议事会", yishi_person_get_id (chair), yishi_person_get_id (secretary));
  Outcome outcome = { 0 };
  GtkWidget *dialog = open_meeting_dialog (f, 0, &outcome);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMeetingSnapshot) meeting = NULL;
  g_autofree char *notice = NULL;

  yishi_meeting_dialog_set_council (YISHI_MEETING_DIALOG (dialog), council_id);
  fill_details (dialog, "19:30");
  g_assert_true (yishi_person_choice_set_id (GTK_DROP_DOWN (in_row (dialog, "Chair", GTK_TYPE_DROP_DOWN)),
                                             yishi_person_get_id (chair)));
  g_assert_true (yishi_person_choice_set_id (GTK_DROP_DOWN (in_row (dialog, "Secretary", GTK_TYPE_DROP_DOWN)),
                                             yishi_person_get_id (secretary)));

  click (row (dialog, GTK_TYPE_BUTTON, "_Fill In a Notice"));
  notice = notice_in (dialog);
  g_assert_nonnull (strstr (notice, "The meeting “六月居民议事会” will be held on Friday 6 June 2025 at 19:30"
                                    " in 社区活动室."));
  g_assert_nonnull (strstr (notice, "\n\n金马街道议事会\n"));

  /* Enter saves */
  g_assert_true (gtk_widget_activate_action (dialog, "default.activate", NULL));
  yishi_ui_wait_until (is_done, &outcome);

  db = yishi_ui_open_db (f);
  meeting = yishi_meeting_store_show (db, outcome.saved_id, NULL);
  g_assert_nonnull (meeting);
  g_assert_cmpint (meeting->council_id, ==, council_id);
  g_assert_cmpstr (meeting->title, ==, "六月居民议事会");
  g_assert_true (g_str_has_prefix (meeting->starts_at, "2025-06-06 19:30"));
  g_assert_cmpstr (meeting->place, ==, "社区活动室");
  g_assert_cmpstr (meeting->chair, ==, yishi_person_get_name (chair));
  g_assert_cmpstr (meeting->secretary, ==, yishi_person_get_name (secretary));
  g_assert_cmpstr (meeting->notice, ==, notice);
}

static guint
count_meetings (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  g_autoptr(GPtrArray) meetings = yishi_meeting_store_list (db, NULL);

  g_assert_nonnull (meetings);
  return meetings->len;
}

static void
test_invalid_time (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(YishiPerson) first = person_at (f, 0);
  g_autoptr(YishiPerson) second = person_at (f, 1);
  gint64 council_id = add_council (f, "金马街道议事会", yishi_person_get_id (first), yishi_person_get_id (second));
  guint before = count_meetings (f);
  Outcome outcome = { 0 };
  GtkWidget *dialog = open_meeting_dialog (f, 0, &outcome);
  GtkWidget *save = row (dialog, GTK_TYPE_BUTTON, "_Save");
  GtkWidget *time_row = row (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)");

  yishi_meeting_dialog_set_council (YISHI_MEETING_DIALOG (dialog), council_id);
  fill_details (dialog, "25:61");
  g_assert_false (gtk_widget_get_sensitive (save));

  /* leaving the field says what is wrong, next to it */
  gtk_widget_grab_focus (time_row);
  gtk_widget_grab_focus (row (dialog, ADW_TYPE_ENTRY_ROW, "Place"));
  g_assert_nonnull (label_text (dialog, "Enter the time as HH:MM"));
  g_assert_true (gtk_widget_has_css_class (time_row, "error"));

  /* Enter does nothing, and nothing is stored */
  gtk_widget_activate_action (dialog, "default.activate", NULL);
  yishi_ui_wait_ms (300);
  g_assert_cmpint (outcome.saved_id, ==, 0);
  g_assert_false (outcome.destroyed);
  g_assert_cmpuint (count_meetings (f), ==, before);

  /* corrected, it may be saved */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "");
  yishi_ui_type_text (GTK_EDITABLE (time_row), "9:05");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (time_row, "error"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A pause in typing is enough to say what is wrong with a date. */
static void
test_invalid_date (Fixture       *f,
                   gconstpointer  user_data)
{
  Outcome outcome = { 0 };
  GtkWidget *dialog = open_meeting_dialog (f, 0, &outcome);
  GtkWidget *date_row = row (dialog, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)");

  yishi_ui_type_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Title")), "二月议事会");
  yishi_ui_type_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)")), "19:30");
  yishi_ui_type_text (GTK_EDITABLE (date_row), "2025-02-30");
  g_assert_null (label_text (dialog, "Enter the date as"));
  yishi_ui_wait_ms (1600);
  g_assert_nonnull (label_text (dialog, "Enter the date as YYYY-MM-DD"));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (row (dialog, GTK_TYPE_BUTTON, "_Save")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The calendar opens on the date typed; a click on a day fills it in. */
static void
test_calendar (Fixture       *f,
               gconstpointer  user_data)
{
  Outcome outcome = { 0 };
  GtkWidget *dialog = open_meeting_dialog (f, 0, &outcome);
  GtkWidget *date_row = row (dialog, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)");
  GtkWidget *button = yishi_ui_find_child (date_row, GTK_TYPE_MENU_BUTTON);
  GtkCalendar *calendar = GTK_CALENDAR (yishi_ui_find_child (button, GTK_TYPE_CALENDAR));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) clicked = g_date_time_new_local (2025, 6, 20, 0, 0, 0);
  g_autoptr(GDateTime) next_month = g_date_time_new_local (2025, 7, 20, 0, 0, 0);

  yishi_ui_type_text (GTK_EDITABLE (date_row), "2025-6-6");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  yishi_ui_wait_ms (100);
  g_assert_true (gtk_widget_get_visible (popover));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 6);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2025-6-6");

  /* paging to July is not a choice */
  gtk_calendar_select_day (calendar, next_month);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2025-6-6");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  yishi_ui_wait_ms (100);
  gtk_calendar_select_day (calendar, clicked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2025-06-20");
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Editing keeps the chair and takes the new place and notice. */
static void
test_edit_meeting (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(YishiPerson) chair = person_at (f, 0);
  g_autoptr(YishiPerson) secretary = person_at (f, 1);
  gint64 council_id = add_council (f, "金马街道议事会", yishi_person_get_id (chair), yishi_person_get_id (secretary));
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add (db, council_id, "七月议事会", "2025-07-04 09:00", "居委会二楼",
                                       yishi_person_get_id (chair), 0, &error);
  g_autoptr(YishiMeetingSnapshot) meeting = NULL;
  Outcome outcome = { 0 };
  GtkWidget *dialog, *place_row;
  g_autofree char *notice = NULL;

  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_add_item (db, id, "楼道堆物清理", 0, &error) > 0);
  g_assert_no_error (error);
  dialog = open_meeting_dialog (f, id, &outcome);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)"))),
                   ==, "2025-07-04");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (dialog, ADW_TYPE_ENTRY_ROW, "Time (HH:MM)"))),
                   ==, "09:00");
  g_assert_cmpint (yishi_person_choice_get_id (GTK_DROP_DOWN (in_row (dialog, "Chair", GTK_TYPE_DROP_DOWN))),
                   ==, yishi_person_get_id (chair));
  g_assert_cmpint (yishi_person_choice_get_id (GTK_DROP_DOWN (in_row (dialog, "Secretary", GTK_TYPE_DROP_DOWN))),
                   ==, 0);

  place_row = row (dialog, ADW_TYPE_ENTRY_ROW, "Place");
  gtk_editable_set_text (GTK_EDITABLE (place_row), "");
  yishi_ui_type_text (GTK_EDITABLE (place_row), "社区活动室");
  click (row (dialog, GTK_TYPE_BUTTON, "_Fill In a Notice"));
  notice = notice_in (dialog);
  g_assert_nonnull (strstr (notice, ", to consider the following items:\n1. 楼道堆物清理\n"));
  click (row (dialog, GTK_TYPE_BUTTON, "_Save"));
  yishi_ui_wait_until (is_done, &outcome);
  g_assert_cmpint (outcome.saved_id, ==, id);

  meeting = yishi_meeting_store_show (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (meeting->place, ==, "社区活动室");
  g_assert_cmpstr (meeting->chair, ==, yishi_person_get_name (chair));
  g_assert_cmpstr (meeting->starts_at, ==, "2025-07-04 09:00");
  g_assert_cmpstr (meeting->notice, ==, notice);
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/council-dialog/create", Fixture, NULL,
              yishi_ui_fixture_set_up, test_create_council, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/council-dialog/edit", Fixture, NULL,
              yishi_ui_fixture_set_up, test_edit_council, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/meeting-dialog/plan", Fixture, NULL,
              yishi_ui_fixture_set_up, test_plan_meeting, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/meeting-dialog/invalid-time", Fixture, NULL,
              yishi_ui_fixture_set_up, test_invalid_time, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/meeting-dialog/invalid-date", Fixture, NULL,
              yishi_ui_fixture_set_up, test_invalid_date, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/meeting-dialog/calendar", Fixture, NULL,
              yishi_ui_fixture_set_up, test_calendar, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/meeting-dialog/edit", Fixture, NULL,
              yishi_ui_fixture_set_up, test_edit_meeting, yishi_ui_fixture_tear_down);

  return yishi_ui_test_run ();
}
