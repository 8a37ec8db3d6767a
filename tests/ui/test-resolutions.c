/* Resolutions (决议) and their follow-up: the meeting's resolution list,
 * the dialog that records one, and the list of open follow-ups across
 * meetings, each in a window of its own beside the real main window, fed
 * the way the Meetings page feeds them. */
#include "config.h"

#include "yishi-council-store.h"
#include "yishi-follow-ups-view.h"
#include "yishi-meeting-data.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-person-choice.h"
#include "yishi-person-store.h"
#include "yishi-resolution-dialog.h"
#include "yishi-resolution-list.h"
#include "yishi-resolution-row.h"
#include "yishi-ui-test-util.h"

#define N_MEMBERS 3
#define LATE_TEXT "硬化三号楼门前道路，雨季前完工"
/* longer than the 40 characters that name its drop-down */
#define OPEN_TEXT "在小区东门加装车辆识别道闸，由物业公司负责采购安装，业主委员会监督验收，费用从小区公共收益中列支"

typedef struct
{
  YishiUiFixture    ui;
  gint64            meeting_id;
  gint64            item_id;
  gint64            motion_id; /* passed */
  gint64            late_id;   /* due 2000-01-31, open: overdue */
  gint64            open_id;   /* no date, open */
  gint64            other_id;  /* in another meeting, in progress */
  gint64            person_ids[N_MEMBERS];
  char             *names[N_MEMBERS];
  GtkWidget        *host;      /* the window of the widget under test */
  YishiMeetingData *data;      /* what the resolution list borrows */
} Fixture;

static void
add_members (Fixture       *f,
             YishiDatabase *db,
             gint64         council_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = yishi_person_store_list (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      YishiPerson *person = people->pdata[i];

      f->person_ids[i] = yishi_person_get_id (person);
      f->names[i] = g_strdup (yishi_person_get_name (person));
      g_assert_cmpint (yishi_council_store_add_member (db, council_id, f->person_ids[i],
                                                       YISHI_COUNCIL_POSITION_MEMBER, NULL, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* Three members all present pass the item's motion 3–0. */
static void
pass_motion (Fixture       *f,
             YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_set_state (db, f->meeting_id, YISHI_MEETING_STATE_IN_SESSION, &error));
  for (guint i = 0; i < N_MEMBERS; i++)
    g_assert_true (yishi_meeting_store_attend (db, f->meeting_id, f->person_ids[i],
                                               YISHI_ATTENDANCE_PRESENT, &error));
  f->motion_id = yishi_meeting_store_add_motion (db, f->item_id, 0, "通过《小区停车管理办法》", f->person_ids[0],
                                                 NULL, YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_vote (db, f->motion_id, 3, 0, 0, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* A council, today's meeting with two items (the first with a passed
 * motion and two resolutions, one overdue), and an older meeting with a
 * resolution in progress: stored as yishictl would. */
static void
make_meetings (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *starts_at = g_date_time_format (now, "%Y-%m-%d 09:00");
  gint64 council_id = yishi_council_store_add (db, "测试居民议事会", NULL, &error);
  gint64 older_id, older_item_id;

  g_assert_no_error (error);
  add_members (f, db, council_id);
  f->meeting_id = yishi_meeting_store_add (db, council_id, "第九次居民议事会", starts_at, "社区议事厅",
                                           0, 0, &error);
  f->item_id = yishi_meeting_store_add_item (db, f->meeting_id, "停车 & 充电桩管理办法", 0, &error);
  g_assert_cmpint (yishi_meeting_store_add_item (db, f->meeting_id, "加装电梯意见征集", 0, &error), >, 0);
  g_assert_no_error (error);
  pass_motion (f, db);
  f->late_id = yishi_meeting_store_add_resolution (db, f->item_id, f->motion_id, LATE_TEXT, f->person_ids[0],
                                                   "2000-01-31", &error);
  f->open_id = yishi_meeting_store_add_resolution (db, f->item_id, 0, OPEN_TEXT, 0, NULL, &error);
  g_assert_no_error (error);

  older_id = yishi_meeting_store_add (db, council_id, "第八次居民议事会", "2020-03-01 09:00", "", 0, 0, &error);
  older_item_id = yishi_meeting_store_add_item (db, older_id, "楼道照明改造", 0, &error);
  f->other_id = yishi_meeting_store_add_resolution (db, older_item_id, 0, "更换楼道声控灯", f->person_ids[1],
                                                    "2999-12-31", &error);
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_follow_up (db, f->other_id, YISHI_FOLLOW_UP_IN_PROGRESS, &error));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  yishi_ui_fixture_set_up (&f->ui, user_data);
  make_meetings (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  if (f->host != NULL)
    gtk_window_destroy (GTK_WINDOW (f->host));
  g_clear_pointer (&f->data, yishi_meeting_data_unref);
  for (guint i = 0; i < N_MEMBERS; i++)
    g_free (f->names[i]);
  yishi_ui_fixture_tear_down (&f->ui, user_data);
}

static YishiSnapshotResolution *
find_resolution (GPtrArray *resolutions,
                 gint64     id)
{
  for (guint i = 0; i < resolutions->len; i++)
    if (((YishiSnapshotResolution *) resolutions->pdata[i])->id == id)
      return resolutions->pdata[i];
  return NULL;
}

static YishiMeetingSnapshot *
stored (Fixture *f,
        gint64   meeting_id)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  YishiMeetingSnapshot *snapshot = yishi_meeting_store_show (db, meeting_id, &error);

  g_assert_no_error (error);
  return snapshot;
}

typedef struct
{
  Fixture    *f;
  gint64      meeting_id;
  gint64      id;
  const char *follow_up;
} Expect;

static gboolean
follow_up_stored (gpointer data)
{
  Expect *expect = data;
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (expect->f, expect->meeting_id);
  YishiSnapshotResolution *resolution = find_resolution (snapshot->resolutions, expect->id);

  return resolution != NULL && g_str_equal (resolution->follow_up, expect->follow_up);
}

/* Widgets */

static GtkWidget *
find_row (GtkWidget *root,
          gint64     id)
{
  if (YISHI_IS_RESOLUTION_ROW (root) && yishi_resolution_row_get_id (YISHI_RESOLUTION_ROW (root)) == id)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = YISHI_IS_RESOLUTION_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  /* the text on screen, markup or not */
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelExpect;

static gboolean
label_shown (gpointer data)
{
  LabelExpect *expect = data;
  GtkWidget *label = find_label (expect->root, expect->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelExpect expect = { root, text };

  yishi_ui_wait_until (label_shown, &expect);
}

/* The “Overdue” tag of a row, as a person sees it: shown, in red. */
static gboolean
shows_overdue (GtkWidget *row)
{
  GtkWidget *tag = find_label (row, "Overdue");

  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_has_css_class (tag, "error"));
  return gtk_widget_get_visible (tag);
}

static GtkDropDown *
follow_up_drop_down (GtkWidget *row)
{
  GtkWidget *drop_down = yishi_ui_find_child (row, GTK_TYPE_DROP_DOWN);

  g_assert_nonnull (drop_down);
  return GTK_DROP_DOWN (drop_down);
}

typedef struct
{
  GtkWidget  *root;
  gint64      id;
  gboolean    present;
} RowExpect;

static gboolean
row_is (gpointer data)
{
  RowExpect *expect = data;
  GtkWidget *row = find_row (expect->root, expect->id);

  return expect->present ? row != NULL && gtk_widget_get_mapped (row) : row == NULL;
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
window_open (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
window_closed (gpointer data)
{
  return find_window (GPOINTER_TO_SIZE (data)) == NULL;
}

static YishiSession *
session (Fixture *f)
{
  return yishi_window_get_session (f->ui.window);
}

static void
show_in_window (Fixture   *f,
                GtkWidget *child)
{
  f->host = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (f->host), GTK_WINDOW (f->ui.window));
  gtk_window_set_default_size (GTK_WINDOW (f->host), 720, 560);
  adw_window_set_content (ADW_WINDOW (f->host), child);
  gtk_window_present (GTK_WINDOW (f->host));
}

/* As the meeting view does: read the meeting, hand it over, free the old. */
static void
load_meeting (Fixture   *f,
              GtkWidget *list)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  YishiMeetingData *old = f->data;

  f->data = yishi_meeting_data_load (db, f->meeting_id, &error);
  g_assert_no_error (error);
  yishi_resolution_list_set_data (YISHI_RESOLUTION_LIST (list), session (f), f->data);
  yishi_meeting_data_unref (old);
}

static void
list_changed_cb (GtkWidget *list,
                 Fixture   *f)
{
  load_meeting (f, list);
}

static GtkWidget *
show_resolutions (Fixture *f)
{
  GtkWidget *list = g_object_new (YISHI_TYPE_RESOLUTION_LIST, NULL);
  RowExpect shown = { list, f->late_id, TRUE };

  show_in_window (f, list);
  g_signal_connect (list, "changed", G_CALLBACK (list_changed_cb), f);
  load_meeting (f, list);
  yishi_ui_wait_until (row_is, &shown);
  return list;
}

static void
assert_accessible_name (GtkWidget  *widget,
                        const char *name)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
}

static void
test_list_follow_up (Fixture       *f,
                     gconstpointer  user_data)
{
  GtkWidget *list = show_resolutions (f);
  GtkWidget *late = find_row (list, f->late_id);
  GtkWidget *open = find_row (list, f->open_id);
  Expect done = { f, f->meeting_id, f->late_id, "done" };
  Expect open_again = { f, f->meeting_id, f->late_id, "open" };
  g_autofree char *subtitle = g_strdup_printf ("Responsible: %s · Due: 2000-01-31", f->names[0]);

  /* under their agenda item, numbered; an item without resolutions has no heading */
  g_assert_nonnull (find_label (list, "1. 停车 & 充电桩管理办法"));
  g_assert_null (find_label (list, "2. 加装电梯意见征集"));
  g_assert_nonnull (find_label (list, "2 resolutions, 1 overdue"));
  g_assert_cmpuint (count_rows (list), ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (late)), ==, LATE_TEXT);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (late)), ==, subtitle);

  g_assert_true (shows_overdue (late));
  g_assert_false (shows_overdue (open));
  assert_accessible_name (GTK_WIDGET (follow_up_drop_down (late)), "Follow-up: " LATE_TEXT);

  /* done: stored at once, and no longer overdue */
  gtk_drop_down_set_selected (follow_up_drop_down (late), YISHI_FOLLOW_UP_DONE);
  yishi_ui_wait_until (follow_up_stored, &done);
  g_assert_false (shows_overdue (late));
  wait_for_label (list, "2 resolutions");

  gtk_drop_down_set_selected (follow_up_drop_down (late), YISHI_FOLLOW_UP_OPEN);
  yishi_ui_wait_until (follow_up_stored, &open_again);
  g_assert_true (shows_overdue (late));
}

/* The dialog */

static gboolean
can_save (GtkWidget *dialog)
{
  GtkWidget *button = yishi_ui_find_named (dialog, GTK_TYPE_BUTTON, "_Save Resolution");

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static guint
n_choices (GtkWidget *combo_row)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo_row)));
}

/* Types @text into the text view one character at a time, as a person would. */
static void
type_decision (GtkWidget  *dialog,
               const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (yishi_ui_find_child (dialog,
                                                                                       GTK_TYPE_TEXT_VIEW)));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_insert_at_cursor (buffer, p, g_utf8_next_char (p) - p);
      yishi_ui_wait_ms (10);
    }
}

static GtkWidget *
open_dialog (GtkWidget *list)
{
  GtkWidget *button = yishi_ui_find_named (list, GTK_TYPE_BUTTON, "_New Resolution…");

  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  yishi_ui_wait_until (window_open, GSIZE_TO_POINTER (YISHI_TYPE_RESOLUTION_DIALOG));
  return GTK_WIDGET (find_window (YISHI_TYPE_RESOLUTION_DIALOG));
}

static gboolean
has_three_resolutions (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (f, f->meeting_id);

  return snapshot->resolutions->len == 3;
}

static void
test_dialog_adds (Fixture       *f,
                  gconstpointer  user_data)
{
  const char *text = "由物业公司在六月底前完成车位划线";
  GtkWidget *list = show_resolutions (f);
  GtkWidget *dialog = open_dialog (list);
  GtkWidget *item_row = yishi_ui_find_named (dialog, ADW_TYPE_COMBO_ROW, "Agenda Item");
  GtkWidget *motion_row = yishi_ui_find_named (dialog, ADW_TYPE_COMBO_ROW, "Carries Out Motion");
  GtkWidget *due = yishi_ui_find_named (dialog, ADW_TYPE_ENTRY_ROW, "Due Date (YYYY-MM-DD)");
  GtkWidget *person = yishi_ui_find_child (yishi_ui_find_named (dialog, ADW_TYPE_ACTION_ROW, "Person Responsible"),
                                           GTK_TYPE_DROP_DOWN);
  RowExpect listed = { list, 0, TRUE };
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  YishiSnapshotResolution *added;

  g_assert_false (can_save (dialog)); /* nothing decided yet */

  /* both items; on the second nothing passed, on the first its motion did */
  g_assert_cmpuint (n_choices (item_row), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (item_row), 1);
  g_assert_cmpuint (n_choices (motion_row), ==, 1);
  g_assert_false (gtk_widget_is_sensitive (motion_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (item_row), 0);
  g_assert_cmpuint (n_choices (motion_row), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (motion_row), 1);

  type_decision (dialog, text);
  g_assert_true (can_save (dialog));
  g_assert_true (yishi_person_choice_set_id (GTK_DROP_DOWN (person), f->person_ids[2]));

  /* a day that does not exist is refused before anything is stored,
   * and after a pause in typing the field says why */
  yishi_ui_type_text (GTK_EDITABLE (due), "2024-02-30");
  g_assert_false (can_save (dialog));
  wait_for_label (dialog, "Enter the due date as YYYY-MM-DD, such as 2025-06-30.");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (due), "");
  yishi_ui_type_text (GTK_EDITABLE (due), "2099-6-30");
  g_assert_true (can_save (dialog));
  g_assert_false (gtk_widget_has_css_class (due, "error"));

  /* the dialog closes with the keyboard still in the date */
  gtk_widget_grab_focus (due);
  gtk_widget_activate (yishi_ui_find_named (dialog, GTK_TYPE_BUTTON, "_Save Resolution"));
  yishi_ui_wait_until (has_three_resolutions, f);
  yishi_ui_wait_until (window_closed, GSIZE_TO_POINTER (YISHI_TYPE_RESOLUTION_DIALOG));

  snapshot = stored (f, f->meeting_id);
  added = snapshot->resolutions->pdata[2];
  g_assert_cmpstr (added->text, ==, text);
  g_assert_cmpint (added->item_id, ==, f->item_id);
  g_assert_cmpint (added->motion_id, ==, f->motion_id);
  g_assert_cmpstr (added->responsible, ==, f->names[2]);
  g_assert_cmpstr (added->due_on, ==, "2099-06-30");
  g_assert_cmpstr (added->follow_up, ==, "open");

  /* "changed": the meeting is read again, and the list shows it */
  listed.id = added->id;
  yishi_ui_wait_until (row_is, &listed);
}

/* Some message in red is on screen. */
static gboolean
shows_error (gpointer data)
{
  GtkWidget *root = data;

  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "field-error") && gtk_widget_get_mapped (root) &&
      *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_error (child))
      return TRUE;
  return FALSE;
}

/* The item goes (from yishictl, say) while the dialog is open: the
 * store refuses, the dialog says so and stays open to try again. */
static void
test_dialog_error (Fixture       *f,
                   gconstpointer  user_data)
{
  GtkWidget *list = show_resolutions (f);
  GtkWidget *dialog = open_dialog (list);
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(YishiMeetingSnapshot) before = stored (f, f->meeting_id);
  g_autoptr(YishiMeetingSnapshot) after = NULL;
  YishiSnapshotItem *second = before->items->pdata[1];
  g_autoptr(GError) error = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (yishi_ui_find_named (dialog, ADW_TYPE_COMBO_ROW, "Agenda Item")), 1);
  type_decision (dialog, "征集全体住户意见");
  g_assert_true (yishi_meeting_store_remove_item (db, second->id, &error));
  g_assert_no_error (error);
  g_assert_false (shows_error (dialog));

  gtk_widget_activate (yishi_ui_find_named (dialog, GTK_TYPE_BUTTON, "_Save Resolution"));
  yishi_ui_wait_until (shows_error, dialog);
  g_assert_true (find_window (YISHI_TYPE_RESOLUTION_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (can_save (dialog));
  after = stored (f, f->meeting_id);
  g_assert_cmpuint (after->resolutions->len, ==, 2);

  /* an edit clears the message; Cancel closes */
  type_decision (dialog, "。");
  g_assert_false (shows_error (dialog));
  gtk_widget_activate (yishi_ui_find_named (dialog, GTK_TYPE_BUTTON, "_Cancel"));
  yishi_ui_wait_until (window_closed, GSIZE_TO_POINTER (YISHI_TYPE_RESOLUTION_DIALOG));
}

/* The follow-ups across meetings */

typedef struct
{
  GtkWidget *root;
  guint      n;
} CountExpect;

static gboolean
lists_n_rows (gpointer data)
{
  CountExpect *expect = data;

  return count_rows (expect->root) == expect->n;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* What the store has to follow up, whatever the sample brings along. */
static GPtrArray *
stored_follow_ups (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = yishi_meeting_store_list_follow_ups (db, &error);

  g_assert_no_error (error);
  return rows;
}

static char *
expected_counts (GPtrArray *rows,
                 int        less)
{
  guint overdue = 0;

  for (guint i = 0; i < rows->len; i++)
    overdue += ((YishiFollowUpRow *) rows->pdata[i])->overdue;
  overdue -= less;
  if (overdue == 0)
    return g_strdup_printf ("%u open", rows->len - less);
  return g_strdup_printf ("%u open, %u overdue", rows->len - less, overdue);
}

static int
index_of (GtkWidget *view,
          gint64     id)
{
  GtkWidget *row = find_row (view, id);

  g_assert_nonnull (row);
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
test_follow_ups_view (Fixture       *f,
                      gconstpointer  user_data)
{
  GtkWidget *view = g_object_new (YISHI_TYPE_FOLLOW_UPS_VIEW, NULL);
  g_autoptr(GPtrArray) rows = stored_follow_ups (f);
  g_autofree char *counts = expected_counts (rows, 0);
  g_autofree char *counts_after = expected_counts (rows, 1);
  CountExpect all = { view, rows->len };
  CountExpect fewer = { view, rows->len - 1 };
  Expect in_progress = { f, f->meeting_id, f->open_id, "in-progress" };
  Expect done = { f, f->meeting_id, f->late_id, "done" };
  g_autofree char *other_subtitle = g_strdup_printf ("第八次居民议事会\nResponsible: %s · Due: 2999-12-31",
                                                     f->names[1]);
  g_autofree char *open_start = NULL;
  g_autofree char *open_name = NULL;
  GtkWidget *open, *focus;
  GtkListBox *list_box;
  gpointer old_open;
  int late_index;

  show_in_window (f, view);
  yishi_follow_ups_view_set_session (YISHI_FOLLOW_UPS_VIEW (view), session (f));
  yishi_ui_wait_until (lists_n_rows, &all);

  /* across meetings, the soonest due first, the overdue one tagged */
  wait_for_label (view, counts);
  late_index = index_of (view, f->late_id);
  g_assert_cmpint (late_index, <, index_of (view, f->other_id));
  g_assert_cmpint (index_of (view, f->other_id), <, index_of (view, f->open_id));
  g_assert_true (shows_overdue (find_row (view, f->late_id)));
  g_assert_false (shows_overdue (find_row (view, f->other_id)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (view, f->other_id))), ==,
                   other_subtitle);
  g_assert_cmpuint (gtk_drop_down_get_selected (follow_up_drop_down (find_row (view, f->other_id))), ==,
                    YISHI_FOLLOW_UP_IN_PROGRESS);
  open = find_row (view, f->open_id);
  open_start = g_utf8_substring (OPEN_TEXT, 0, 40);
  open_name = g_strconcat ("Follow-up: ", open_start, "…", NULL);
  assert_accessible_name (GTK_WIDGET (follow_up_drop_down (open)), open_name);

  /* in progress: stored, and still listed once the list is read again */
  old_open = open;
  g_object_add_weak_pointer (G_OBJECT (open), &old_open);
  gtk_drop_down_set_selected (follow_up_drop_down (open), YISHI_FOLLOW_UP_IN_PROGRESS);
  yishi_ui_wait_until (follow_up_stored, &in_progress);
  yishi_ui_wait_until (pointer_cleared, &old_open);
  open = find_row (view, f->open_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (follow_up_drop_down (open)), ==, YISHI_FOLLOW_UP_IN_PROGRESS);

  /* done: it leaves the list, and the keyboard stays on the row that took its place */
  yishi_resolution_row_focus_follow_up (YISHI_RESOLUTION_ROW (find_row (view, f->late_id)));
  gtk_drop_down_set_selected (follow_up_drop_down (find_row (view, f->late_id)), YISHI_FOLLOW_UP_DONE);
  yishi_ui_wait_until (follow_up_stored, &done);
  yishi_ui_wait_until (lists_n_rows, &fewer);
  g_assert_null (find_row (view, f->late_id));
  wait_for_label (view, counts_after);
  focus = gtk_root_get_focus (GTK_ROOT (f->host));
  list_box = GTK_LIST_BOX (yishi_ui_find_child (view, GTK_TYPE_LIST_BOX));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, late_index))));
}

/* Nothing left to do: the view says so. */
static void
test_follow_ups_empty (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = stored_follow_ups (f);
  GtkWidget *view = g_object_new (YISHI_TYPE_FOLLOW_UPS_VIEW, NULL);

  for (guint i = 0; i < rows->len; i++)
    g_assert_true (yishi_meeting_store_set_follow_up (db, ((YishiFollowUpRow *) rows->pdata[i])->resolution.id,
                                                      YISHI_FOLLOW_UP_DONE, &error));
  show_in_window (f, view);
  yishi_follow_ups_view_set_session (YISHI_FOLLOW_UPS_VIEW (view), session (f));
  wait_for_label (view, "Nothing to Follow Up");
  g_assert_cmpuint (count_rows (view), ==, 0);
}

/* A meeting without resolutions shows the empty state; New Resolution
 * needs an agenda item, and (as the store allows) still works once the
 * meeting is closed. */
static void
test_list_empty (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = stored (f, f->meeting_id);
  GtkWidget *list = g_object_new (YISHI_TYPE_RESOLUTION_LIST, NULL);
  GtkWidget *button;

  f->meeting_id = yishi_meeting_store_add (db, snapshot->council_id, "第十次居民议事会", "2030-01-05 09:00", "",
                                           0, 0, &error);
  g_assert_no_error (error);
  show_in_window (f, list);
  load_meeting (f, list);
  button = yishi_ui_find_named (list, GTK_TYPE_BUTTON, "_New Resolution…");
  wait_for_label (list, "No Resolutions Yet");
  wait_for_label (list, "Add an agenda item first: every resolution belongs to one.");
  g_assert_false (gtk_widget_is_sensitive (button));

  g_assert_cmpint (yishi_meeting_store_add_item (db, f->meeting_id, "其他事项", 0, &error), >, 0);
  g_assert_true (yishi_meeting_store_set_state (db, f->meeting_id, YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_true (yishi_meeting_store_set_state (db, f->meeting_id, YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);
  load_meeting (f, list);
  wait_for_label (list, "Record what the council decided on an agenda item, who follows it up and by when.");
  g_assert_true (gtk_widget_is_sensitive (button));
}

int
main (int   argc,
      char *argv[])
{
  /* the accessible names are checked: GTK keeps them only with an AT context */
  g_setenv ("GTK_A11Y", "test", TRUE);
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/resolutions/list-follow-up", Fixture, NULL,
              fixture_set_up, test_list_follow_up, fixture_tear_down);
  g_test_add ("/ui/resolutions/dialog-adds", Fixture, NULL,
              fixture_set_up, test_dialog_adds, fixture_tear_down);
  g_test_add ("/ui/resolutions/dialog-error", Fixture, NULL,
              fixture_set_up, test_dialog_error, fixture_tear_down);
  g_test_add ("/ui/resolutions/list-empty", Fixture, NULL,
              fixture_set_up, test_list_empty, fixture_tear_down);
  g_test_add ("/ui/resolutions/follow-ups", Fixture, NULL,
              fixture_set_up, test_follow_ups_view, fixture_tear_down);
  g_test_add ("/ui/resolutions/follow-ups-empty", Fixture, NULL,
              fixture_set_up, test_follow_ups_empty, fixture_tear_down);

  return yishi_ui_test_run ();
}
