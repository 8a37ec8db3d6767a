/* Runs a council session through the real Meetings page: opening it,
 * signing members in, the speakers' countdown with the projector, and
 * recording votes through the motion and vote dialogs. */
#include "config.h"

#include "yishi-agenda-view.h"
#include "yishi-council-store.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-view.h"
#include "yishi-meetings-page.h"
#include "yishi-motion-dialog.h"
#include "yishi-person-store.h"
#include "yishi-projector-window.h"
#include "yishi-speech-store.h"
#include "yishi-ui-test-util.h"
#include "yishi-vote-dialog.h"

#define N_MEMBERS 5

typedef struct
{
  YishiUiFixture  ui;
  gint64          meeting_id;
  gint64          item_id;
  char           *names[N_MEMBERS];
  GtkWidget      *view;
} Fixture;

/* A council of five with 3-second turns, and a planned meeting today
 * with one item, stored as yishictl would before the window shows it. */
static void
make_meeting (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = yishi_person_store_list (db, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *starts_at = g_date_time_format (now, "%Y-%m-%d 09:00");
  YishiSpeakingRules rules = { .speech_seconds = 3, .max_turns = 2, .requires_seconder = FALSE };
  gint64 council_id = yishi_council_store_add (db, "测试居民议事会", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (yishi_council_store_set_speaking_rules (db, council_id, &rules, &error));
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      YishiPerson *person = people->pdata[i];

      f->names[i] = g_strdup (yishi_person_get_name (person));
      g_assert_cmpint (yishi_council_store_add_member (db, council_id, yishi_person_get_id (person),
                                                       YISHI_COUNCIL_POSITION_MEMBER, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  f->meeting_id = yishi_meeting_store_add (db, council_id, "第九次居民议事会", starts_at, "社区议事厅",
                                           0, 0, &error);
  g_assert_no_error (error);
  f->item_id = yishi_meeting_store_add_item (db, f->meeting_id, "小区停车管理办法", 0, &error);
  g_assert_no_error (error);
}

static gboolean
view_shows_meeting (gpointer data)
{
  Fixture *f = data;
  GtkWidget *label = yishi_ui_find_named (f->view, GTK_TYPE_BUTTON, "_Open Session");

  return label != NULL && gtk_widget_get_visible (label);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  GtkWidget *page;

  yishi_ui_fixture_set_up (&f->ui, user_data);
  make_meeting (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (yishi_ui_find_child (GTK_WIDGET (f->ui.window),
                                                                               ADW_TYPE_VIEW_STACK)),
                                         "meetings");
  page = yishi_ui_find_child (GTK_WIDGET (f->ui.window), YISHI_TYPE_MEETINGS_PAGE);
  yishi_meetings_page_select_meeting (YISHI_MEETINGS_PAGE (page), f->meeting_id);
  f->view = yishi_ui_find_child (page, YISHI_TYPE_MEETING_VIEW);
  yishi_ui_wait_until (view_shows_meeting, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    g_free (f->names[i]);
  yishi_ui_fixture_tear_down (&f->ui, user_data);
}

static YishiMeetingSnapshot *
stored (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  YishiMeetingSnapshot *snapshot = yishi_meeting_store_show (db, f->meeting_id, &error);

  g_assert_no_error (error);
  return snapshot;
}

static gboolean
is_in_session (gpointer data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (data);

  return snapshot->state == YISHI_MEETING_STATE_IN_SESSION;
}

static void
click (GtkWidget *root,
       GType      type,
       const char *label)
{
  GtkWidget *button = yishi_ui_find_named (root, type, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static gboolean
view_in_session (gpointer data)
{
  Fixture *f = data;
  GtkWidget *button = yishi_ui_find_named (f->view, GTK_TYPE_BUTTON, "_Close Session");

  return button != NULL && gtk_widget_get_visible (button);
}

static void
open_session (Fixture *f)
{
  click (f->view, GTK_TYPE_BUTTON, "_Open Session");
  yishi_ui_wait_until (is_in_session, f);
  /* the page reads the meeting again: wait for it, as a person would */
  yishi_ui_wait_until (view_in_session, f);
}

typedef struct
{
  Fixture    *f;
  guint       present;
  const char *text;
} Expect;

static gboolean
stored_present_is (gpointer data)
{
  Expect *expect = data;
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (expect->f);

  return snapshot->present == expect->present;
}

static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (label_contains (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
view_says (gpointer data)
{
  Expect *expect = data;

  return label_contains (expect->f->view, expect->text);
}

static void
mark (Fixture    *f,
      guint       member,
      const char *button)
{
  GtkWidget *row = yishi_ui_find_named (f->view, ADW_TYPE_ACTION_ROW, f->names[member]);

  g_assert_nonnull (row);
  click (row, GTK_TYPE_TOGGLE_BUTTON, button);
}

static void
sign_in (Fixture *f,
         guint    n)
{
  Expect expect = { f, n, NULL };

  g_autofree char *count = g_strdup_printf ("%u of %u present", n, N_MEMBERS);
  Expect shown = { f, n, count };

  for (guint i = 0; i < n; i++)
    mark (f, i, "_Present");
  yishi_ui_wait_until (stored_present_is, &expect);
  yishi_ui_wait_until (view_says, &shown);
}

static void
test_sign_in (Fixture       *f,
              gconstpointer  user_data)
{
  Expect quorum = { f, 0, "3 of 5 members present: quorum reached" };
  Expect none = { f, 0, "2 of 5 members present: no quorum yet" };
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;

  open_session (f);
  sign_in (f, 2);
  yishi_ui_wait_until (view_says, &none);
  sign_in (f, 3);
  yishi_ui_wait_until (view_says, &quorum);

  /* a member who sent word is excused, not absent, and does not count */
  mark (f, 4, "_Excused");
  yishi_ui_wait_ms (300);
  snapshot = stored (f);
  g_assert_cmpuint (snapshot->present, ==, 3);
  g_assert_cmpuint (snapshot->attendance->len, ==, 4);
  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      YishiSnapshotAttendance *row = snapshot->attendance->pdata[i];

      g_assert_cmpint (row->status, ==, g_str_equal (row->name, f->names[4]) ? YISHI_ATTENDANCE_EXCUSED
                                                                            : YISHI_ATTENDANCE_PRESENT);
      g_assert_true ((row->signed_in_at != NULL) == (row->status == YISHI_ATTENDANCE_PRESENT));
    }
}

static void
show_agenda (Fixture *f)
{
  GtkWidget *switcher = yishi_ui_find_child (f->view, GTK_TYPE_STACK_SWITCHER);

  gtk_stack_set_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)), "agenda");
}

static gboolean
has_button (gpointer data)
{
  Expect *expect = data;
  GtkWidget *button = yishi_ui_find_named (expect->f->view, GTK_TYPE_BUTTON, expect->text);

  return button != NULL && gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The countdown itself, not the same figures elsewhere on the page. */
static gboolean
countdown_shows (gpointer data)
{
  Expect *expect = data;
  GtkWidget *label = find_with_class (expect->f->view, "countdown");

  return label != NULL && gtk_widget_get_mapped (label) &&
         g_str_equal (gtk_label_get_label (GTK_LABEL (label)), expect->text);
}

static gboolean
countdown_over (gpointer data)
{
  Fixture *f = data;
  GtkWidget *label = find_with_class (f->view, "countdown");

  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "−0:0") &&
         gtk_widget_has_css_class (label, "error");
}

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
projector_says (gpointer data)
{
  Expect *expect = data;
  GtkWindow *projector = find_window (YISHI_TYPE_PROJECTOR_WINDOW);
  g_autofree char *text = projector ? yishi_projector_window_get_text (YISHI_PROJECTOR_WINDOW (projector)) : NULL;

  return text != NULL && strstr (text, expect->text) != NULL;
}

static gboolean
speech_done (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GPtrArray) speeches = yishi_speech_store_list (db, f->item_id, NULL);
  YishiSpeechRow *speech = speeches && speeches->len == 1 ? speeches->pdata[0] : NULL;

  return speech != NULL && speech->state == YISHI_SPEECH_DONE &&
         g_strcmp0 (speech->note, "建议按楼栋划分车位") == 0;
}

static void
test_speaker_countdown (Fixture       *f,
                        gconstpointer  user_data)
{
  Expect give = { f, 0, "_Give Floor" };
  Expect full = { f, 0, "0:03" };
  Expect partial = { f, 0, "0:02" };
  Expect on_screen = { f, 0, NULL };
  GtkWidget *note;

  open_session (f);
  sign_in (f, 3);
  show_agenda (f);
  g_assert_true (gtk_widget_activate_action (f->view, "meeting.projector", NULL));

  /* the first member present asks to speak and gets the floor */
  click (f->view, GTK_TYPE_BUTTON, "Add to _Queue");
  yishi_ui_wait_until (has_button, &give);
  click (f->view, GTK_TYPE_BUTTON, "_Give Floor");
  yishi_ui_wait_until (countdown_shows, &full);
  on_screen.text = "Speaking: ";
  yishi_ui_wait_until (projector_says, &on_screen);

  /* the countdown runs, and past the turn's three seconds shows overtime */
  yishi_ui_wait_until (countdown_shows, &partial);
  yishi_ui_wait_until (projector_says, &partial);
  yishi_ui_wait_until (countdown_over, f);

  /* the note goes in the entry beside End Turn */
  note = gtk_widget_get_prev_sibling (yishi_ui_find_named (f->view, GTK_TYPE_BUTTON, "_End Turn"));
  g_assert_true (GTK_IS_ENTRY (note));
  yishi_ui_type_text (GTK_EDITABLE (note), "建议按楼栋划分车位");
  click (f->view, GTK_TYPE_BUTTON, "_End Turn");
  yishi_ui_wait_until (speech_done, f);
}

static gboolean
window_open (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
vote_stored (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (f);
  YishiSnapshotMotion *motion = snapshot->motions->len == 1 ? snapshot->motions->pdata[0] : NULL;

  return motion != NULL && motion->voted;
}

static void
add_motion (Fixture    *f,
            const char *text,
            guint       form)
{
  GtkWindow *dialog;
  GtkWidget *form_row;
  GtkTextView *view;

  g_assert_true (gtk_widget_activate_action (yishi_ui_find_child (f->view, YISHI_TYPE_AGENDA_VIEW),
                                             "agenda.new-motion", NULL));
  yishi_ui_wait_until (window_open, GSIZE_TO_POINTER (YISHI_TYPE_MOTION_DIALOG));
  dialog = find_window (YISHI_TYPE_MOTION_DIALOG);
  view = GTK_TEXT_VIEW (yishi_ui_find_child (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), text, -1);
  form_row = yishi_ui_find_named (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Voting Form");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row), form);
  click (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Add Motion");
}

static void
test_record_hands_vote (Fixture       *f,
                        gconstpointer  user_data)
{
  Expect vote_button = { f, 0, "Record _Vote…" };
  Expect result = { f, 0, "Passed: 2 yes, 1 no, 0 abstain; 2 needed" };
  GtkWindow *dialog;
  GtkWidget *yes, *no;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  YishiSnapshotMotion *motion;

  open_session (f);
  sign_in (f, 3);
  show_agenda (f);
  g_assert_true (gtk_widget_activate_action (f->view, "meeting.projector", NULL));
  add_motion (f, "通过《小区停车管理办法》", 0);
  yishi_ui_wait_until (has_button, &vote_button);

  click (f->view, GTK_TYPE_BUTTON, "Record _Vote…");
  yishi_ui_wait_until (window_open, GSIZE_TO_POINTER (YISHI_TYPE_VOTE_DIALOG));
  dialog = find_window (YISHI_TYPE_VOTE_DIALOG);
  yes = yishi_ui_find_child (yishi_ui_find_named (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Yes"),
                             GTK_TYPE_SPIN_BUTTON);
  no = yishi_ui_find_child (yishi_ui_find_named (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "No"),
                            GTK_TYPE_SPIN_BUTTON);
  /* more votes than members present is refused before anything is stored */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (yes), 4);
  g_assert_false (gtk_widget_is_sensitive (yishi_ui_find_named (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                                "_Record Vote")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (yes), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (no), 1);
  click (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Vote");
  yishi_ui_wait_until (vote_stored, f);
  yishi_ui_wait_until (view_says, &result);
  yishi_ui_wait_until (projector_says, &result);

  snapshot = stored (f);
  motion = snapshot->motions->pdata[0];
  g_assert_cmpint (motion->form, ==, YISHI_VOTE_FORM_HANDS);
  g_assert_cmpuint (motion->counts.yes, ==, 2);
  g_assert_cmpuint (motion->counts.no, ==, 1);
  g_assert_cmpuint (motion->counts.present, ==, 3);
  g_assert_cmpint (motion->verdict, ==, YISHI_VOTE_VERDICT_PASSED);
  /* once voted, the motion offers no second vote */
  {
    GtkWidget *button = yishi_ui_find_named (f->view, GTK_TYPE_BUTTON, "Record _Vote…");

    g_assert_true (button == NULL || !gtk_widget_get_mapped (button));
  }
}

static void
test_record_roll_call (Fixture       *f,
                       gconstpointer  user_data)
{
  Expect vote_button = { f, 0, "Record _Vote…" };
  Expect result = { f, 0, "Failed: 1 yes, 1 no, 0 abstain; 2 needed" };
  GtkWindow *dialog;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  YishiSnapshotMotion *motion;

  open_session (f);
  sign_in (f, 3);
  show_agenda (f);
  add_motion (f, "增设夜间临时停车位", 1);
  yishi_ui_wait_until (has_button, &vote_button);
  click (f->view, GTK_TYPE_BUTTON, "Record _Vote…");
  yishi_ui_wait_until (window_open, GSIZE_TO_POINTER (YISHI_TYPE_VOTE_DIALOG));
  dialog = find_window (YISHI_TYPE_VOTE_DIALOG);

  /* one yes, one no, the third present member does not vote */
  click (yishi_ui_find_named (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, f->names[0]),
         GTK_TYPE_TOGGLE_BUTTON, "Yes");
  click (yishi_ui_find_named (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, f->names[1]),
         GTK_TYPE_TOGGLE_BUTTON, "No");
  click (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record Vote");
  yishi_ui_wait_until (vote_stored, f);
  yishi_ui_wait_until (view_says, &result);

  snapshot = stored (f);
  motion = snapshot->motions->pdata[0];
  g_assert_cmpint (motion->form, ==, YISHI_VOTE_FORM_ROLL_CALL);
  g_assert_cmpuint (motion->roll_call->len, ==, 3);
  for (guint i = 0; i < motion->roll_call->len; i++)
    {
      YishiSnapshotChoice *choice = motion->roll_call->pdata[i];
      YishiRollCallChoice expected = g_str_equal (choice->name, f->names[0]) ? YISHI_ROLL_CALL_YES
                                   : g_str_equal (choice->name, f->names[1]) ? YISHI_ROLL_CALL_NO
                                   : YISHI_ROLL_CALL_NONE;

      g_assert_cmpint (choice->choice, ==, expected);
    }
  g_assert_cmpint (motion->verdict, ==, YISHI_VOTE_VERDICT_FAILED);
}

static gboolean
observers_are (gpointer data)
{
  Expect *expect = data;
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (expect->f);

  if (snapshot->observers->len != expect->present)
    return FALSE;
  return expect->text == NULL ||
         g_str_equal (((YishiSnapshotObserver *) snapshot->observers->pdata[0])->name, expect->text);
}

static void
test_observers (Fixture       *f,
                gconstpointer  user_data)
{
  Expect added = { f, 1, "街道办刘主任" };
  Expect shown = { f, 0, "街道办刘主任" };
  Expect removed = { f, 0, NULL };
  GtkWidget *entry = yishi_ui_find_named (f->view, ADW_TYPE_ENTRY_ROW, "Add an observer by name");
  GtkWidget *row;

  g_assert_nonnull (entry);
  yishi_ui_type_text (GTK_EDITABLE (entry), "街道办刘主任");
  g_signal_emit_by_name (entry, "apply");
  yishi_ui_wait_until (observers_are, &added);
  yishi_ui_wait_until (view_says, &shown);

  row = yishi_ui_find_named (f->view, ADW_TYPE_ACTION_ROW, "街道办刘主任");
  g_assert_nonnull (row);
  gtk_widget_activate (yishi_ui_find_child (row, GTK_TYPE_BUTTON));
  yishi_ui_wait_until (observers_are, &removed);
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/meetings/sign-in", Fixture, NULL, fixture_set_up, test_sign_in, fixture_tear_down);
  g_test_add ("/meetings/speaker-countdown", Fixture, NULL, fixture_set_up, test_speaker_countdown,
              fixture_tear_down);
  g_test_add ("/meetings/record-hands-vote", Fixture, NULL, fixture_set_up, test_record_hands_vote,
              fixture_tear_down);
  g_test_add ("/meetings/observers", Fixture, NULL, fixture_set_up, test_observers, fixture_tear_down);
  g_test_add ("/meetings/record-roll-call", Fixture, NULL, fixture_set_up, test_record_roll_call,
              fixture_tear_down);

  return yishi_ui_test_run ();
}
