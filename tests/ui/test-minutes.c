/* Writes, approves and prints the minutes of a closed meeting through
 * the real Minutes page of the Meetings page. */
#include "config.h"

#include "yishi-council-store.h"
#include "yishi-meeting-view.h"
#include "yishi-meetings-page.h"
#include "yishi-minutes-store.h"
#include "yishi-minutes-view.h"
#include "yishi-person-store.h"
#include "yishi-speech-store.h"
#include "yishi-ui-test-util.h"

#define N_MEMBERS  3
#define TITLE      "第九次居民议事会"
#define NOTE       "建议按楼栋划分车位"
#define TYPED      "会议同意试行一个月后再议。"
#define OBSERVER   "街道办李明"

typedef struct
{
  YishiUiFixture  ui;
  gint64          meeting_id;
  gint64          council_id;
  gint64          person_ids[N_MEMBERS];
  char           *names[N_MEMBERS];
  GtkWidget      *minutes;  /* the Minutes page */
  GtkStack       *pages;    /* the meeting's Sign-in … Minutes */
} Fixture;

static gint64
add_members (Fixture       *f,
             YishiDatabase *db,
             gint64        *person_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = yishi_person_store_list (db, &error);
  gint64 council_id = yishi_council_store_add (db, "测试居民议事会", NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      YishiPerson *person = people->pdata[i];

      person_ids[i] = yishi_person_get_id (person);
      f->names[i] = g_strdup (yishi_person_get_name (person));
      g_assert_cmpint (yishi_council_store_add_member (db, council_id, person_ids[i],
                                                       YISHI_COUNCIL_POSITION_MEMBER, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  return council_id;
}

/* Two present and one excused; the first speaks with a note and moves
 * a motion that passes 2–0, carried out by a resolution. */
static void
hold_session (YishiDatabase *db,
              gint64         meeting_id,
              gint64         item_id,
              const gint64  *person_ids)
{
  g_autoptr(GError) error = NULL;
  gint64 speech_id, motion_id;

  g_assert_true (yishi_meeting_store_set_state (db, meeting_id, YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_true (yishi_meeting_store_attend (db, meeting_id, person_ids[0], YISHI_ATTENDANCE_PRESENT, &error));
  g_assert_true (yishi_meeting_store_attend (db, meeting_id, person_ids[1], YISHI_ATTENDANCE_PRESENT, &error));
  g_assert_true (yishi_meeting_store_attend (db, meeting_id, person_ids[2], YISHI_ATTENDANCE_EXCUSED, &error));
  speech_id = yishi_speech_store_enqueue (db, item_id, 0, person_ids[0], &error);
  g_assert_no_error (error);
  g_assert_true (yishi_speech_store_give_floor (db, speech_id, &error));
  g_assert_true (yishi_speech_store_end (db, speech_id, NOTE, &error));
  motion_id = yishi_meeting_store_add_motion (db, item_id, 0, "同意试行小区停车管理办法", person_ids[0], NULL,
                                              YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_vote (db, motion_id, 2, 0, 0, 0, NULL, &error), >, 0);
  g_assert_cmpint (yishi_meeting_store_add_resolution (db, item_id, motion_id, "物业公司制定停车方案",
                                                       person_ids[1], "2026-12-31", &error), >, 0);
  g_assert_no_error (error);
}

/* A fresh council of three with a meeting of two items, closed when
 * @closed, stored as yishictl would: the sample's own meetings may
 * have approved minutes already. */
static void
make_meeting (Fixture  *f,
              gboolean  closed)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  gint64 *person_ids = f->person_ids;
  gint64 council_id = add_members (f, db, person_ids);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* today: the members joined today */
  g_autofree char *starts_at = g_date_time_format (now, "%Y-%m-%d 09:00");
  gint64 item_id;

  f->meeting_id = yishi_meeting_store_add (db, council_id, TITLE, starts_at, "社区议事厅",
                                           person_ids[0], person_ids[1], &error);
  g_assert_no_error (error);
  item_id = yishi_meeting_store_add_item (db, f->meeting_id, "小区停车管理办法", 0, &error);
  g_assert_cmpint (yishi_meeting_store_add_item (db, f->meeting_id, "楼道堆物清理", 0, &error), >, 0);
  g_assert_cmpint (yishi_meeting_store_add_observer (db, f->meeting_id, 0, OBSERVER, &error), >, 0);
  g_assert_no_error (error);
  f->council_id = council_id;
  if (!closed)
    return;
  hold_session (db, f->meeting_id, item_id, person_ids);
  g_assert_true (yishi_meeting_store_set_state (db, f->meeting_id, YISHI_MEETING_STATE_CLOSED, &error));
}

/* The view's own stack: the first under it, as no menu comes before. */
static GtkStack *
minutes_pages (Fixture *f)
{
  return GTK_STACK (gtk_widget_get_first_child (f->minutes));
}

static gboolean
has_page (gpointer data)
{
  Fixture *f = data;
  const char *name = gtk_stack_get_visible_child_name (minutes_pages (f));

  return g_strcmp0 (name, "minutes") == 0;
}

static gboolean
shows_waiting (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (f->minutes) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (minutes_pages (f)), "waiting") == 0;
}

/* Opens the meeting and its Minutes page, as a person clicks them. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  GtkWidget *page, *view, *switcher;

  yishi_ui_fixture_set_up (&f->ui, user_data);
  make_meeting (f, GPOINTER_TO_INT (user_data));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (yishi_ui_find_child (GTK_WIDGET (f->ui.window),
                                                                               ADW_TYPE_VIEW_STACK)),
                                         "meetings");
  page = yishi_ui_find_child (GTK_WIDGET (f->ui.window), YISHI_TYPE_MEETINGS_PAGE);
  yishi_meetings_page_select_meeting (YISHI_MEETINGS_PAGE (page), f->meeting_id);
  view = yishi_ui_find_child (page, YISHI_TYPE_MEETING_VIEW);
  f->minutes = yishi_ui_find_child (view, YISHI_TYPE_MINUTES_VIEW);
  g_assert_nonnull (f->minutes);
  switcher = yishi_ui_find_child (view, GTK_TYPE_STACK_SWITCHER);
  f->pages = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
  gtk_stack_set_visible_child_name (f->pages, "minutes");
  yishi_ui_wait_until (GPOINTER_TO_INT (user_data) ? has_page : shows_waiting, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  for (guint i = 0; i < N_MEMBERS; i++)
    g_free (f->names[i]);
  yishi_ui_fixture_tear_down (&f->ui, user_data);
}

static YishiMinutes *
stored (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  YishiMinutes *minutes = yishi_minutes_store_get (db, f->meeting_id, &error);

  g_assert_no_error (error);
  return minutes;
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

static void
collect_text_views (GtkWidget *root,
                    GPtrArray *views)
{
  if (GTK_IS_TEXT_VIEW (root))
    g_ptr_array_add (views, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_text_views (child, views);
}

/* The first agenda item's discussion comes first on the page. */
static GtkTextView *
first_discussion (Fixture *f)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_text_views (f->minutes, views);
  /* two items and the other matters */
  g_assert_cmpuint (views->len, ==, 3);
  return views->pdata[0];
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types at the end of the text, one character at a time. */
static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
      yishi_ui_wait_ms (10);
    }
}

static void
click (Fixture    *f,
       const char *label)
{
  GtkWidget *button = yishi_ui_find_named (f->minutes, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static gboolean
button_ready (Fixture    *f,
              const char *label)
{
  GtkWidget *button = yishi_ui_find_named (f->minutes, GTK_TYPE_BUTTON, label);

  return button != NULL && gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button);
}

static gboolean
discussion_stored (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiMinutes) minutes = stored (f);
  const YishiMinutesItem *item = minutes->items->pdata[0];

  return strstr (item->discussion, TYPED) != NULL && strstr (item->discussion, NOTE) != NULL;
}

static gboolean
saved_and_shown (gpointer data)
{
  Fixture *f = data;

  return discussion_stored (f) && !yishi_minutes_view_has_changes (YISHI_MINUTES_VIEW (f->minutes));
}

static void
test_waiting (Fixture       *f,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  g_assert_true (label_contains (f->minutes, "once the session is closed"));
  collect_text_views (f->minutes, views);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_false (gtk_widget_get_mapped (views->pdata[0]));
}

/* The facts come from the record; the discussion is prefilled from the
 * speech notes, and what is typed is stored by Save. */
static void
test_edit_and_save (Fixture       *f,
                    gconstpointer  user_data)
{
  GtkTextView *discussion = first_discussion (f);
  g_autofree char *prefilled = text_of (discussion);
  g_autofree char *excused = g_strdup_printf ("%s (excused)", f->names[2]);
  g_autoptr(YishiMinutes) minutes = NULL;

  g_assert_nonnull (strstr (prefilled, NOTE));
  g_assert_true (gtk_text_view_get_editable (discussion));
  g_assert_true (label_contains (f->minutes, "1. 小区停车管理办法"));
  g_assert_true (label_contains (f->minutes, "2. 楼道堆物清理"));
  g_assert_true (label_contains (f->minutes, OBSERVER));
  g_assert_true (label_contains (f->minutes, excused));
  g_assert_true (label_contains (f->minutes, "2 yes, 0 no, 0 abstain"));
  g_assert_true (label_contains (f->minutes, "物业公司制定停车方案"));
  g_assert_true (label_contains (f->minutes, "Draft"));

  type_into (discussion, TYPED);
  g_assert_true (yishi_minutes_view_has_changes (YISHI_MINUTES_VIEW (f->minutes)));
  click (f, "Sa_ve");
  yishi_ui_wait_until (saved_and_shown, f);
  minutes = stored (f);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_DRAFT);
}

/* What was typed is stored when the page is left, without Save. */
static void
test_autosave (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *shown = NULL;

  type_into (first_discussion (f), TYPED);
  gtk_stack_set_visible_child_name (f->pages, "agenda");
  yishi_ui_wait_until (discussion_stored, f);

  /* coming back shows the stored text, with nothing left to save */
  gtk_stack_set_visible_child_name (f->pages, "minutes");
  yishi_ui_wait_until (saved_and_shown, f);
  shown = text_of (first_discussion (f));
  g_assert_nonnull (strstr (shown, TYPED));
}

static gboolean
is_submitted (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiMinutes) minutes = stored (f);

  return minutes->state == YISHI_MINUTES_SUBMITTED && button_ready (f, "A_pprove");
}

/* Goes from draft to submitted through the page. */
static void
submit (Fixture *f)
{
  click (f, "Su_bmit to the Chair");
  yishi_ui_wait_until (is_submitted, f);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* As a click on the response's button: the response, then the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

typedef struct
{
  Fixture *f;
  char    *digest_line;
} Approved;

static gboolean
approved_and_shown (gpointer data)
{
  Approved *approved = data;
  g_autoptr(YishiMinutes) minutes = stored (approved->f);

  if (minutes->state != YISHI_MINUTES_APPROVED || minutes->digest == NULL)
    return FALSE;
  g_free (approved->digest_line);
  approved->digest_line = g_strdup_printf ("Digest: %.12s", minutes->digest);
  return label_contains (approved->f->minutes, approved->digest_line);
}

/* Submitting stores the text typed since; the chair's sign-off shows
 * the digest and leaves no text to edit. */
static void
test_submit_and_approve (Fixture       *f,
                         gconstpointer  user_data)
{
  Approved approved = { f, NULL };
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  AdwMessageDialog *dialog;

  type_into (first_discussion (f), TYPED);
  submit (f);
  g_assert_true (discussion_stored (f));
  g_assert_true (label_contains (f->minutes, "Submitted to the chair"));
  g_assert_false (button_ready (f, "Sa_ve"));

  click (f, "A_pprove");
  yishi_ui_wait_until (dialog_shown, NULL);
  dialog = find_message_dialog ();
  respond (dialog, "approve");
  yishi_ui_wait_until (approved_and_shown, &approved);
  g_assert_true (label_contains (f->minutes, "by the chair"));
  g_assert_true (label_contains (f->minutes, f->names[0]));

  collect_text_views (f->minutes, views);
  g_assert_cmpuint (views->len, ==, 3);
  for (guint i = 0; i < views->len; i++)
    g_assert_false (gtk_text_view_get_editable (views->pdata[i]));
  g_assert_true (button_ready (f, "Add _Corrigendum…"));
  g_assert_true (button_ready (f, "_Freeze"));
  g_assert_false (button_ready (f, "Su_bmit to the Chair"));
  g_free (approved.digest_line);
}

/* The council's next meeting, this afternoon, passes a motion 2–0. */
static gint64
pass_approving_motion (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *starts_at = g_date_time_format (now, "%Y-%m-%d 15:00");
  gint64 meeting_id = yishi_meeting_store_add (db, f->council_id, "第十次居民议事会", starts_at, "社区议事厅",
                                               f->person_ids[0], f->person_ids[1], &error);
  gint64 item_id = yishi_meeting_store_add_item (db, meeting_id, "审议上次会议记录", 0, &error);
  gint64 motion_id;

  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_state (db, meeting_id, YISHI_MEETING_STATE_IN_SESSION, &error));
  for (guint i = 0; i < 2; i++)
    g_assert_true (yishi_meeting_store_attend (db, meeting_id, f->person_ids[i], YISHI_ATTENDANCE_PRESENT,
                                               &error));
  motion_id = yishi_meeting_store_add_motion (db, item_id, 0, "通过第九次会议记录", f->person_ids[0], NULL,
                                              YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_vote (db, motion_id, 2, 0, 0, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  return motion_id;
}

typedef struct
{
  Fixture *f;
  gint64   motion_id;
} ByVote;

static gboolean
approved_by_vote (gpointer data)
{
  ByVote *by_vote = data;
  g_autoptr(YishiMinutes) minutes = stored (by_vote->f);

  return minutes->state == YISHI_MINUTES_APPROVED && minutes->approval == YISHI_APPROVAL_VOTE &&
         minutes->approval_motion_id == by_vote->motion_id &&
         label_contains (by_vote->f->minutes, "by a vote at 第十次居民议事会");
}

/* The dialog lists the passed motion of the later meeting; choosing it
 * approves the minutes by that vote. */
static void
test_approve_by_vote (Fixture       *f,
                      gconstpointer  user_data)
{
  ByVote by_vote = { f, pass_approving_motion (f) };
  AdwMessageDialog *dialog;
  GtkDropDown *motions;
  GtkStringObject *shown;

  submit (f);
  click (f, "Approve by a _Vote…");
  yishi_ui_wait_until (dialog_shown, NULL);
  dialog = find_message_dialog ();
  motions = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (motions)), ==, 1);
  shown = gtk_drop_down_get_selected_item (motions);
  g_assert_nonnull (strstr (gtk_string_object_get_string (shown), "通过第九次会议记录"));
  respond (dialog, "approve");
  yishi_ui_wait_until (approved_by_vote, &by_vote);
}

typedef struct
{
  Fixture    *f;
  const char *text;
} Corrected;

static gboolean
corrigendum_stored (gpointer data)
{
  Corrected *corrected = data;
  g_autoptr(YishiMinutes) minutes = stored (corrected->f);

  return minutes->corrigenda->len == 1 &&
         g_str_equal (((YishiCorrigendum *) minutes->corrigenda->pdata[0])->text, corrected->text) &&
         label_contains (corrected->f->minutes, corrected->text);
}

static gboolean
is_approved (gpointer data)
{
  Fixture *f = data;

  return button_ready (f, "Add _Corrigendum…");
}

/* After approval a correction is added as a corrigendum, and the
 * minutes' own text stays as it was. */
static void
test_corrigendum (Fixture       *f,
                  gconstpointer  user_data)
{
  Corrected corrected = { f, "第一项决议的完成时限应为2027年1月31日。" };
  g_autoptr(YishiMinutes) before = NULL;
  g_autoptr(YishiMinutes) after = NULL;
  AdwMessageDialog *dialog;
  GtkTextView *text;

  submit (f);
  click (f, "A_pprove");
  yishi_ui_wait_until (dialog_shown, NULL);
  respond (find_message_dialog (), "approve");
  yishi_ui_wait_until (is_approved, f);
  before = stored (f);

  click (f, "Add _Corrigendum…");
  yishi_ui_wait_until (dialog_shown, NULL);
  dialog = find_message_dialog ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  text = GTK_TEXT_VIEW (yishi_ui_find_child (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_TEXT_VIEW));
  type_into (text, corrected.text);
  respond (dialog, "add");
  yishi_ui_wait_until (corrigendum_stored, &corrected);

  after = stored (f);
  g_assert_cmpstr (after->digest, ==, before->digest);
  g_assert_cmpstr (((YishiMinutesItem *) after->items->pdata[0])->discussion, ==,
                   ((YishiMinutesItem *) before->items->pdata[0])->discussion);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* File → Print, exported to a PDF instead of the printer. */
static void
test_print_to_pdf (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *path = yishi_test_dir_file (f->ui.dir, "printed.pdf");
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  type_into (first_discussion (f), TYPED);
  yishi_minutes_view_print_to_file (YISHI_MINUTES_VIEW (f->minutes), path);
  yishi_ui_wait_until (file_written, path);
  /* the text typed was stored before printing */
  g_assert_true (discussion_stored (f));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &errors,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, TITLE));
  g_assert_nonnull (strstr (text, TYPED));
  g_assert_nonnull (strstr (text, NOTE));
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/minutes/waiting", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_waiting,
              fixture_tear_down);
  g_test_add ("/minutes/edit-and-save", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_edit_and_save,
              fixture_tear_down);
  g_test_add ("/minutes/autosave", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_autosave,
              fixture_tear_down);
  g_test_add ("/minutes/submit-and-approve", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_submit_and_approve, fixture_tear_down);
  g_test_add ("/minutes/approve-by-vote", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_approve_by_vote,
              fixture_tear_down);
  g_test_add ("/minutes/corrigendum", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_corrigendum,
              fixture_tear_down);
  g_test_add ("/minutes/print-to-pdf", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_print_to_pdf,
              fixture_tear_down);

  return yishi_ui_test_run ();
}
