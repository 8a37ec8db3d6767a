/* Sets up a proposal contest (提案大赛) and edits it through
 * YishiContestDialog, as an organiser would. */
#include "config.h"

#include <string.h>

#include "yishi-contest-dialog.h"
#include "yishi-contest-results.h"
#include "yishi-proposal-store.h"
#include "yishi-ui-dialog-util.h"
#include "yishi-ui-test-util.h"

#define CONTEST_NAME "金星苑社区微更新提案大赛（测试）"

typedef YishiUiFixture Fixture;

static YishiSession *
session_of (Fixture *f)
{
  return yishi_window_get_session (f->window);
}

static YishiPerson *
person_at (Fixture *f,
           guint    position)
{
  GListModel *people = yishi_session_get_people (session_of (f));

  g_assert_cmpuint (g_list_model_get_n_items (people), >, position);
  return g_list_model_get_item (people, position);
}

/* The contest dialog */

static void
test_create_contest (Fixture       *f,
                     gconstpointer  user_data)
{
  GtkWidget *dialog = GTK_WIDGET (yishi_contest_dialog_new (GTK_WINDOW (f->window), session_of (f), 0));
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiContestRow) contest = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *save, *closes, *aggregation, *funding, *top_n_row, *grid, *days;
  YishiUiOutcome outcome = { 0 };

  yishi_ui_watch (dialog, &outcome);
  save = yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Save");
  yishi_ui_wait_until (yishi_ui_is_sensitive, yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Name"));
  g_assert_false (gtk_widget_get_sensitive (save));

  yishi_ui_type_into (dialog, "Name", CONTEST_NAME);
  yishi_ui_type_into (dialog, "Organiser", "金星苑社区居委会");
  adw_combo_row_set_selected (yishi_ui_combo (dialog, "Scope"), YISHI_CONTEST_SCOPE_DISTRICT);
  yishi_ui_type_into (dialog, "Budget (yuan)", "200000");
  yishi_ui_type_into (dialog, "Submissions Open (YYYY-MM-DD)", "2025-03-01");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* a date that does not exist keeps Save off, and says why once left */
  closes = yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Submissions Close (YYYY-MM-DD)");
  yishi_ui_type_text (GTK_EDITABLE (closes), "2025-04-31");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_widget_grab_focus (closes);
  gtk_widget_grab_focus (yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Name"));
  g_assert_nonnull (yishi_ui_label_text (dialog, "Enter the date as YYYY-MM-DD"));
  g_assert_true (gtk_widget_has_css_class (closes, "error"));
  /* closing before opening is refused too */
  yishi_ui_retype (closes, "2025-02-28");
  g_assert_nonnull (yishi_ui_label_text (dialog, "Submissions cannot close before they open."));
  g_assert_false (gtk_widget_get_sensitive (save));
  yishi_ui_retype (closes, "2025-04-30");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (closes, "error"));

  /* each rule says what it does under its name */
  aggregation = yishi_ui_row (dialog, ADW_TYPE_COMBO_ROW, "Combining the Judges’ Totals");
  adw_combo_row_set_selected (ADW_COMBO_ROW (aggregation), YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (aggregation)), ==,
                   yishi_contest_aggregation_describe (YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN));

  /* top N asks for N */
  top_n_row = yishi_ui_row (dialog, ADW_TYPE_ACTION_ROW, "Proposals Funded");
  g_assert_false (gtk_widget_get_visible (top_n_row));
  funding = yishi_ui_row (dialog, ADW_TYPE_COMBO_ROW, "Funding");
  adw_combo_row_set_selected (ADW_COMBO_ROW (funding), YISHI_CONTEST_FUNDING_TOP_N);
  g_assert_true (gtk_widget_get_visible (top_n_row));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (yishi_ui_in_row (dialog, "Proposals Funded", GTK_TYPE_SPIN_BUTTON)), 5);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (funding)), "5"));

  grid = yishi_ui_in_row (dialog, "Recuse Judges From Their Own Grid", GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (grid), TRUE);
  days = yishi_ui_in_row (dialog, "Objection Period (days)", GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (days), 10);

  /* Ctrl+Enter saves */
  g_assert_true (gtk_widget_activate_action (dialog, "contest.save", NULL));
  yishi_ui_wait_until (yishi_ui_outcome_done, &outcome);

  db = yishi_ui_open_db (f);
  contest = yishi_contest_store_get (db, outcome.saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contest->name, ==, CONTEST_NAME);
  g_assert_cmpstr (contest->organiser, ==, "金星苑社区居委会");
  g_assert_cmpint (contest->scope, ==, YISHI_CONTEST_SCOPE_DISTRICT);
  g_assert_cmpint (contest->budget_fen, ==, 20000000);
  g_assert_cmpstr (contest->opens_on, ==, "2025-03-01");
  g_assert_cmpstr (contest->closes_on, ==, "2025-04-30");
  g_assert_cmpint (contest->aggregation, ==, YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN);
  g_assert_cmpint (contest->funding, ==, YISHI_CONTEST_FUNDING_TOP_N);
  g_assert_cmpuint (contest->top_n, ==, 5);
  g_assert_true (contest->recuse_same_grid);
  g_assert_cmpuint (contest->objection_days, ==, 10);
  g_assert_cmpint (contest->state, ==, YISHI_CONTEST_STATE_SETUP);
}

/* A contest in setup with two judges, made through the store. */
static gint64
add_contest (Fixture *f,
             gint64  *out_judges)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
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

/* A screened-in proposal of the sample, entered into the contest. */
static void
enter_one (YishiDatabase *db,
           gint64         contest_id)
{
  YishiProposalFilter filter = { .has_status = TRUE, .status = YISHI_PROPOSAL_STATUS_SCREENED_IN };
  g_autoptr(GPtrArray) proposals = yishi_proposal_store_list (db, &filter, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (proposals);
  g_assert_cmpuint (proposals->len, >, 0);
  yishi_contest_store_enter (db, contest_id, yishi_proposal_get_id (proposals->pdata[0]), &error);
  g_assert_no_error (error);
}

static gboolean
shows_published (gpointer dialog)
{
  return yishi_ui_label_text (dialog, "The results of this contest are published") != NULL;
}

/* Editing keeps what is not changed; a published contest is read-only. */
static void
test_edit_contest (Fixture       *f,
                   gconstpointer  user_data)
{
  gint64 judges[2];
  gint64 id = add_contest (f, judges);
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  g_autoptr(YishiContestRow) before = yishi_contest_store_get (db, id, NULL);
  g_autoptr(YishiContestRow) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = GTK_WIDGET (yishi_contest_dialog_new (GTK_WINDOW (f->window), session_of (f), id));
  GtkWidget *name;
  YishiUiOutcome outcome = { 0 };

  yishi_ui_watch (dialog, &outcome);
  name = yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Name");
  yishi_ui_wait_until (yishi_ui_is_sensitive, name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, CONTEST_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Budget (yuan)"))),
                   ==, "100000.00");
  yishi_ui_retype (name, "佳园提案大赛");
  yishi_ui_click (yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Save"));
  yishi_ui_wait_until (yishi_ui_outcome_done, &outcome);
  g_assert_cmpint (outcome.saved_id, ==, id);
  after = yishi_contest_store_get (db, id, NULL);
  g_assert_cmpstr (after->name, ==, "佳园提案大赛");
  g_assert_cmpint (after->budget_fen, ==, before->budget_fen);
  g_assert_cmpuint (after->lots_seed, ==, before->lots_seed);

  yishi_contest_store_add_criterion (db, id, "必要性", NULL, 10000, 0, &error);
  g_assert_no_error (error);
  enter_one (db, id);
  g_assert_true (yishi_contest_store_set_state (db, id, YISHI_CONTEST_STATE_JUDGING, &error));
  g_assert_true (yishi_contest_store_publish (db, id, &error));
  g_assert_no_error (error);

  memset (&outcome, 0, sizeof outcome);
  dialog = GTK_WIDGET (yishi_contest_dialog_new (GTK_WINDOW (f->window), session_of (f), id));
  yishi_ui_watch (dialog, &outcome);
  yishi_ui_wait_until (shows_published, dialog);
  g_assert_false (gtk_widget_get_visible (yishi_ui_row (dialog, GTK_TYPE_BUTTON, "_Save")));
  g_assert_false (gtk_widget_is_sensitive (yishi_ui_row (dialog, ADW_TYPE_ENTRY_ROW, "Name")));
  /* Ctrl+Enter stores nothing */
  gtk_widget_activate_action (dialog, "contest.save", NULL);
  yishi_ui_wait_ms (200);
  g_assert_cmpint (outcome.saved_id, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/contest-dialog/create", Fixture, NULL,
              yishi_ui_fixture_set_up, test_create_contest, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/contest-dialog/edit", Fixture, NULL,
              yishi_ui_fixture_set_up, test_edit_contest, yishi_ui_fixture_tear_down);

  return yishi_ui_test_run ();
}
