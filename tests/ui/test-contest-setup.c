/* Sets up a proposal contest (提案大赛) through the criterion, entries
 * and recusal dialogs, as an organiser would, and checks what the setup
 * view then lists and changes. */
#include "config.h"

#include "yishi-contest-labels.h"
#include "yishi-contest-roster.h"
#include "yishi-contest-setup-view.h"
#include "yishi-criterion-dialog.h"
#include "yishi-entries-dialog.h"
#include "yishi-person-choice.h"
#include "yishi-recusal-dialog.h"
#include "yishi-ui-dialog-util.h"
#include "yishi-ui-test-util.h"

#define CONTEST_NAME "金星苑社区微更新提案大赛（测试）"

typedef struct
{
  YishiUiFixture ui;
  GtkWidget     *host;       /* the setup view's window */
  guint          n_changed;  /* "changed" from the setup view */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  yishi_ui_fixture_set_up (&f->ui, user_data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  if (f->host != NULL)
    gtk_window_destroy (GTK_WINDOW (f->host));
  yishi_ui_fixture_tear_down (&f->ui, user_data);
}

static YishiSession *
session_of (Fixture *f)
{
  return yishi_window_get_session (f->ui.window);
}

static YishiPerson *
person_at (Fixture *f,
           guint    position)
{
  GListModel *people = yishi_session_get_people (session_of (f));

  g_assert_cmpuint (g_list_model_get_n_items (people), >, position);
  return g_list_model_get_item (people, position);
}

/* A contest in setup with two judges, made through the store. */
static gint64
add_contest (Fixture *f,
             gint64  *out_judges)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->name = g_strdup (CONTEST_NAME);
  draft->budget_fen = 10000000;
  id = yishi_contest_store_add (db, draft, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(YishiPerson) judge = person_at (f, i);

      out_judges[i] = yishi_person_get_id (judge);
      g_assert_cmpint (yishi_contest_store_add_judge (db, id, out_judges[i], &error), >, 0);
      g_assert_no_error (error);
    }
  return id;
}

static void
add_criterion (Fixture *f,
               gint64   contest_id)
{
  GtkWidget *dialog = GTK_WIDGET (yishi_criterion_dialog_new (GTK_WINDOW (f->ui.window), session_of (f), contest_id));
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  YishiContestCriterionRow *criterion;
  GtkWidget *save, *max;
  YishiUiOutcome outcome = { 0 };

  yishi_ui_watch (dialog, &outcome);
  save = yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Save");
  max = yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Maximum Points");
  yishi_ui_type_into (dialog, "Name", "必要性");
  yishi_ui_type_into (dialog, "Description", "是否回应居民的迫切需求");
  g_assert_cmpuint (adw_combo_row_get_selected (yishi_ui_combo (dialog, "Step")), ==, 2);

  /* 30.3 is off the half-point step: refused where the user looks */
  yishi_ui_type_text (GTK_EDITABLE (max), "30.3");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (yishi_ui_label_text (dialog, "30.3 is not a multiple of the step 0.5"));
  g_assert_true (gtk_widget_has_css_class (max, "error"));
  gtk_widget_activate_action (dialog, "criterion.save", NULL);
  yishi_ui_wait_ms (200);
  g_assert_false (outcome.destroyed);

  yishi_ui_retype (max, "35");
  g_assert_true (gtk_widget_get_sensitive (save));
  yishi_ui_click (save);
  yishi_ui_wait_until (yishi_ui_outcome_done, &outcome);

  db = yishi_ui_open_db (&f->ui);
  criteria = yishi_contest_store_list_criteria (db, contest_id, NULL);
  g_assert_cmpuint (criteria->len, ==, 1);
  criterion = criteria->pdata[0];
  g_assert_cmpint (criterion->id, ==, outcome.saved_id);
  g_assert_cmpstr (criterion->name, ==, "必要性");
  g_assert_cmpstr (criterion->description, ==, "是否回应居民的迫切需求");
  g_assert_cmpint (criterion->max_points, ==, 3500);
  g_assert_cmpint (criterion->step, ==, 50);
}

static gboolean
has_check_buttons (gpointer data)
{
  return yishi_ui_find_child (data, GTK_TYPE_CHECK_BUTTON) != NULL;
}

static gboolean
first_hidden (gpointer list_box)
{
  return !gtk_widget_get_child_visible (GTK_WIDGET (gtk_list_box_get_row_at_index (list_box, 0)));
}

/* Ticks the first two proposals offered and enters them. */
static void
enter_proposals (Fixture *f,
                 gint64   contest_id)
{
  GtkWidget *dialog = GTK_WIDGET (yishi_entries_dialog_new (GTK_WINDOW (f->ui.window), session_of (f), contest_id));
  GtkWidget *list_box, *first, *second, *second_row;
  const char *title;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  YishiUiOutcome outcome = { 0 };

  yishi_ui_watch (dialog, &outcome);
  list_box = yishi_ui_find_child (dialog, GTK_TYPE_LIST_BOX);
  yishi_ui_wait_until (has_check_buttons, list_box);
  first = yishi_ui_find_child (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0)),
                               GTK_TYPE_CHECK_BUTTON);
  second_row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 1));
  second = yishi_ui_find_child (second_row, GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_widget_get_sensitive (yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Enter Proposals")));

  /* the search keeps the proposal whose title is typed */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second_row));
  yishi_ui_type_text (GTK_EDITABLE (yishi_ui_find_child (dialog, GTK_TYPE_SEARCH_ENTRY)), title);
  yishi_ui_wait_until (first_hidden, list_box);
  gtk_editable_set_text (GTK_EDITABLE (yishi_ui_find_child (dialog, GTK_TYPE_SEARCH_ENTRY)), "");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (second), TRUE);
  yishi_ui_click (yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Enter 2 Proposals"));
  yishi_ui_wait_until (yishi_ui_outcome_done, &outcome);
  g_assert_cmpint (outcome.saved_id, ==, contest_id);

  db = yishi_ui_open_db (&f->ui);
  entries = yishi_contest_store_list_entries (db, contest_id, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
}

static gboolean
is_recused (GPtrArray *recusals,
            gint64     judge_id,
            gint64     proposal_id)
{
  for (guint i = 0; i < recusals->len; i++)
    {
      YishiContestRecusalRow *recusal = recusals->pdata[i];

      if (recusal->judge_id == judge_id && recusal->proposal_id == proposal_id)
        return TRUE;
    }
  return FALSE;
}

/* Recuses a judge, for another reason, from an entry they may still
 * score: the first such pair in the drop-downs, which list judges and
 * entries in the store's order. */
static void
add_recusal (Fixture                 *f,
             gint64                   contest_id,
             YishiContestRecusalRow **out_recusal)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GPtrArray) judges = yishi_contest_store_list_judges (db, contest_id, NULL);
  g_autoptr(GPtrArray) entries = yishi_contest_store_list_entries (db, contest_id, NULL);
  g_autoptr(GPtrArray) before = yishi_contest_store_list_recusals (db, contest_id, NULL);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *dialog = GTK_WIDGET (yishi_recusal_dialog_new (GTK_WINDOW (f->ui.window), session_of (f), contest_id));
  GtkWidget *save, *note;
  guint judge = 0, entry = 0;
  YishiUiOutcome outcome = { 0 };

  while (is_recused (before, ((YishiContestJudgeRow *) judges->pdata[judge])->person_id,
                     ((YishiContestEntryRow *) entries->pdata[entry])->proposal_id))
    if (++entry == entries->len)
      entry = 0, judge++;

  yishi_ui_watch (dialog, &outcome);
  save = yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Save");
  yishi_ui_wait_until (yishi_ui_is_sensitive, yishi_ui_row (dialog, ADW_TYPE_COMBO_ROW, "Reason"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (yishi_ui_in_row (dialog, "Judge", GTK_TYPE_DROP_DOWN)), judge);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (yishi_ui_in_row (dialog, "Proposal", GTK_TYPE_DROP_DOWN)), entry);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* "other" needs a note */
  adw_combo_row_set_selected (yishi_ui_combo (dialog, "Reason"), YISHI_RECUSAL_OTHER);
  note = yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Note");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (yishi_ui_label_text (dialog, "Say why the judge is recused."));
  g_assert_true (gtk_widget_has_css_class (note, "error"));
  yishi_ui_type_text (GTK_EDITABLE (note), "与提案人是同事");
  g_assert_true (gtk_widget_get_sensitive (save));
  yishi_ui_click (save);
  yishi_ui_wait_until (yishi_ui_outcome_done, &outcome);

  after = yishi_contest_store_list_recusals (db, contest_id, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    {
      YishiContestRecusalRow *recusal = after->pdata[i];

      if (recusal->reason == YISHI_RECUSAL_OTHER)
        *out_recusal = g_ptr_array_steal_index (after, i);
    }
  g_assert_nonnull (*out_recusal);
  g_assert_cmpint ((*out_recusal)->judge_id, ==, ((YishiContestJudgeRow *) judges->pdata[judge])->person_id);
  g_assert_cmpint ((*out_recusal)->proposal_id, ==, ((YishiContestEntryRow *) entries->pdata[entry])->proposal_id);
  g_assert_cmpstr ((*out_recusal)->note, ==, "与提案人是同事");
}

/* The setup view */

typedef struct
{
  GtkWidget  *root;
  const char *title;
  gboolean    present;
} RowExpect;

static gboolean
row_is (gpointer data)
{
  RowExpect *expect = data;

  return (yishi_ui_find_named (expect->root, ADW_TYPE_ACTION_ROW, expect->title) != NULL) == expect->present;
}

static void
view_changed_cb (GtkWidget *view,
                 Fixture   *f)
{
  f->n_changed++;
}

static GtkWidget *
show_setup_view (Fixture *f,
                 gint64   contest_id)
{
  GtkWidget *view = g_object_new (YISHI_TYPE_CONTEST_SETUP_VIEW, NULL);
  RowExpect criterion = { view, "必要性", TRUE };

  f->host = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (f->host), GTK_WINDOW (f->ui.window));
  gtk_window_set_default_size (GTK_WINDOW (f->host), 720, 640);
  adw_window_set_content (ADW_WINDOW (f->host), view);
  gtk_window_present (GTK_WINDOW (f->host));
  g_signal_connect (view, "changed", G_CALLBACK (view_changed_cb), f);
  yishi_contest_setup_view_set_contest (YISHI_CONTEST_SETUP_VIEW (view), session_of (f), contest_id);
  yishi_ui_wait_until (row_is, &criterion);
  return view;
}

static GtkWidget *
remove_button (GtkWidget *view,
               const char *title)
{
  GtkWidget *button = yishi_ui_find_child (yishi_ui_row (view, ADW_TYPE_ACTION_ROW, title), GTK_TYPE_BUTTON);

  g_assert_nonnull (button);
  return button;
}

static void
check_lists (Fixture                      *f,
             GtkWidget                    *view,
             gint64                        contest_id,
             const YishiContestRecusalRow *recusal)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GPtrArray) judges = yishi_contest_store_list_judges (db, contest_id, NULL);
  g_autoptr(GPtrArray) entries = yishi_contest_store_list_entries (db, contest_id, NULL);
  g_autofree char *recusal_title = g_strdup_printf ("%s — %s: other reason", recusal->judge, recusal->title);
  g_autofree char *recusal_label = g_strdup_printf ("Remove the recusal of %s from “%s”",
                                                    recusal->judge, recusal->title);

  g_assert_cmpstr (yishi_ui_subtitle (view, "必要性"), ==,
                   "max 35 points, step 0.5\n是否回应居民的迫切需求");
  yishi_ui_assert_accessible_name (remove_button (view, "必要性"), "Remove the criterion “必要性”");
  g_assert_nonnull (yishi_ui_label_text (view, "The maxima add up to 35 points; most contests use 100."));

  for (guint i = 0; i < judges->len; i++)
    {
      YishiContestJudgeRow *judge = judges->pdata[i];
      g_autofree char *label = g_strdup_printf ("Remove the judge %s", judge->name);

      yishi_ui_assert_accessible_name (remove_button (view, judge->name), label);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      YishiContestEntryRow *entry = entries->pdata[i];
      g_autofree char *label = g_strdup_printf ("Take “%s” out of the contest", entry->title);
      g_autofree char *progress = yishi_contest_text_progress (0, entry->n_expected);

      yishi_ui_assert_accessible_name (remove_button (view, entry->title), label);
      g_assert_true (g_str_has_suffix (yishi_ui_subtitle (view, entry->title), progress));
    }
  yishi_ui_assert_accessible_name (remove_button (view, recusal_title), recusal_label);
  g_assert_cmpstr (yishi_ui_subtitle (view, recusal_title), ==, recusal->note);
}

static void
test_setup_view (Fixture       *f,
                 gconstpointer  user_data)
{
  gint64 judges[2];
  gint64 contest_id = add_contest (f, judges);
  g_autoptr(YishiContestRecusalRow) recusal = NULL;
  g_autoptr(YishiPerson) third = person_at (f, 2);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) criteria = NULL;
  g_autoptr(GPtrArray) judge_rows = NULL;
  RowExpect gone = { NULL, "必要性", FALSE };
  RowExpect new_judge = { NULL, yishi_person_get_name (third), TRUE };
  GtkWidget *view;

  add_criterion (f, contest_id);
  enter_proposals (f, contest_id);
  add_recusal (f, contest_id, &recusal);

  view = show_setup_view (f, contest_id);
  check_lists (f, view, contest_id, recusal);
  g_assert_cmpstr (yishi_ui_subtitle (view, "Budget"), ==, "¥100,000.00");

  /* a judge added from the view */
  g_assert_false (gtk_widget_get_sensitive (yishi_ui_row (view, GTK_TYPE_BUTTON, "A_dd")));
  g_assert_true (yishi_person_choice_set_id (GTK_DROP_DOWN (yishi_ui_in_row (view, "Add Judge", GTK_TYPE_DROP_DOWN)),
                                             yishi_person_get_id (third)));
  yishi_ui_click (yishi_ui_row (view, GTK_TYPE_BUTTON, "A_dd"));
  new_judge.root = view;
  yishi_ui_wait_until (row_is, &new_judge);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* the criterion taken away from the view */
  yishi_ui_click (remove_button (view, "必要性"));
  gone.root = view;
  yishi_ui_wait_until (row_is, &gone);
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_nonnull (yishi_ui_find_named (view, ADW_TYPE_ACTION_ROW, "No criteria yet"));

  db = yishi_ui_open_db (&f->ui);
  criteria = yishi_contest_store_list_criteria (db, contest_id, NULL);
  g_assert_cmpuint (criteria->len, ==, 0);
  judge_rows = yishi_contest_store_list_judges (db, contest_id, NULL);
  g_assert_cmpuint (judge_rows->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  /* the accessible names are checked: GTK keeps them only with an AT context */
  g_setenv ("GTK_A11Y", "test", TRUE);
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/contest-setup/setup-view", Fixture, NULL,
              fixture_set_up, test_setup_view, fixture_tear_down);

  return yishi_ui_test_run ();
}
