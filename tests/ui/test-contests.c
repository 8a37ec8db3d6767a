/* The Contests page on the sample community: a judge's scores typed
 * into the scoring grid from the keyboard alone, refused at once when
 * out of range or off the step; a recused judge's row; the results with
 * the funding line and the tie; and publishing from the page. */
#include "config.h"

#include <string.h>

#include "yishi-contest-results-view.h"
#include "yishi-contest-results.h"
#include "yishi-contest-view.h"
#include "yishi-contests-page.h"
#include "yishi-proposal-store.h"
#include "yishi-scoring-grid.h"
#include "yishi-ui-test-util.h"

typedef struct
{
  YishiUiFixture    ui;
  gint64            judging_id;   /* the sample's contest in judging */
  gint64            published_id; /* the sample's published contest */
  YishiContestView *view;
  YishiScoringGrid *grid;
} Fixture;

static void
find_contests (Fixture *f)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contests = yishi_contest_store_list (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < contests->len; i++)
    {
      YishiContestRow *row = contests->pdata[i];

      if (row->state == YISHI_CONTEST_STATE_JUDGING)
        f->judging_id = row->id;
      else if (row->state == YISHI_CONTEST_STATE_PUBLISHED)
        f->published_id = row->id;
    }
  g_assert_cmpint (f->judging_id, >, 0);
  g_assert_cmpint (f->published_id, >, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  YishiContestsPage *page;

  yishi_ui_fixture_set_up (&f->ui, data);
  find_contests (f);
  page = YISHI_CONTESTS_PAGE (yishi_ui_find_child (GTK_WIDGET (f->ui.window), YISHI_TYPE_CONTESTS_PAGE));
  g_assert_nonnull (page);
  f->view = YISHI_CONTEST_VIEW (yishi_ui_find_child (GTK_WIDGET (page), YISHI_TYPE_CONTEST_VIEW));
  f->grid = YISHI_SCORING_GRID (yishi_ui_find_child (GTK_WIDGET (page), YISHI_TYPE_SCORING_GRID));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (yishi_ui_find_child (GTK_WIDGET (f->ui.window),
                                                                               ADW_TYPE_VIEW_STACK)),
                                         "contests");
  yishi_contests_page_select_contest (page, f->judging_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  yishi_ui_fixture_tear_down (&f->ui, data);
}

/* The judge of the judging contest with the fewest scores, or the one
 * with a recusal when @recused. */
static gint64
pick_judge (Fixture  *f,
            gboolean  recused)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) judges = yishi_contest_store_list_judges (db, f->judging_id, &error);
  g_autoptr(GPtrArray) recusals = yishi_contest_store_list_recusals (db, f->judging_id, &error);

  g_assert_no_error (error);
  if (recused)
    {
      g_assert_cmpuint (recusals->len, >, 0);
      return ((YishiContestRecusalRow *) recusals->pdata[0])->judge_id;
    }
  for (guint i = 0; i < judges->len; i++)
    {
      YishiContestJudgeRow *judge = judges->pdata[i];

      if (judge->n_scored == 0)
        return judge->person_id;
    }
  g_assert_not_reached ();
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (GTK_IS_ENTRY (widget))
    {
      g_ptr_array_add (cells, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* The grid's score cells, in reading order (the grid's children are in
 * the order they were attached: row by row). */
static GPtrArray *
cells (Fixture *f)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_cells (GTK_WIDGET (f->grid), found);
  return found;
}

static gboolean
has_sensitive_cells (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) found = cells (f);

  return found->len > 0 && gtk_widget_get_sensitive (found->pdata[0]);
}

typedef struct
{
  Fixture *f;
  gint64   judge_id;
} JudgeWait;

static gboolean
shows_judge (gpointer data)
{
  JudgeWait *wait = data;

  return yishi_scoring_grid_get_judge_id (wait->f->grid) == wait->judge_id && has_sensitive_cells (wait->f);
}

static void
show_judge (Fixture *f,
            gint64   judge_id)
{
  JudgeWait wait = { f, judge_id };

  yishi_contest_view_show_page (f->view, "scoring");
  yishi_ui_wait_until (has_sensitive_cells, f);
  g_assert_true (yishi_scoring_grid_select_judge (f->grid, judge_id));
  yishi_ui_wait_until (shows_judge, &wait);
}

typedef struct
{
  Fixture *f;
  gint64   judge_id;
  guint    n;
} ScoreWait;

static guint
stored_scores (Fixture *f,
               gint64   judge_id)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) scores = yishi_contest_store_read_judge_scores (db, f->judging_id, judge_id, &error);

  g_assert_no_error (error);
  return scores->len;
}

static gboolean
has_scores (gpointer data)
{
  ScoreWait *wait = data;

  return stored_scores (wait->f, wait->judge_id) == wait->n;
}

static gint64
stored_points (Fixture *f,
               gint64   judge_id,
               guint    index)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) scores = yishi_contest_store_read_judge_scores (db, f->judging_id, judge_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, scores->len);
  return g_array_index (scores, YishiContestScoreRow, index).points;
}

static void
clear_and_type (GtkWidget  *cell,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (cell), "");
  yishi_ui_type_text (GTK_EDITABLE (cell), text);
}

/* Enter, as the key does: the key binding of the entry's text emits
 * its "activate", which the entry passes on. */
static void
press_enter (GtkWidget *cell)
{
  GtkWidget *text = yishi_ui_find_child (cell, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  yishi_ui_wait_ms (50);
}

/* Tab, as the key does: the focus moves to the next widget. */
static void
press_tab (Fixture *f)
{
  gtk_widget_child_focus (GTK_WIDGET (f->ui.window), GTK_DIR_TAB_FORWARD);
  yishi_ui_wait_ms (50);
}

static gboolean
has_focus (GtkWidget *cell)
{
  return gtk_widget_has_focus (cell) || gtk_widget_is_focus (cell) ||
         gtk_widget_get_focus_child (cell) != NULL;
}

static void
test_keyboard_scoring (Fixture       *f,
                       gconstpointer  data)
{
  gint64 judge = pick_judge (f, FALSE);
  g_autoptr(GPtrArray) grid_cells = NULL;
  ScoreWait wait = { f, judge, 1 };
  GtkWidget *first, *second, *third;

  show_judge (f, judge);
  grid_cells = cells (f);
  first = grid_cells->pdata[0];
  second = grid_cells->pdata[1];
  third = grid_cells->pdata[2];

  /* 紧迫性 (40): Enter stores it and moves to 受益面 */
  gtk_widget_grab_focus (first);
  yishi_ui_type_text (GTK_EDITABLE (first), "35.5");
  press_enter (first);
  yishi_ui_wait_until (has_scores, &wait);
  g_assert_cmpint (stored_points (f, judge, 0), ==, 3550);
  g_assert_true (has_focus (second));

  /* 受益面 (30): 31 is refused as it is typed, and Enter neither stores nor moves */
  yishi_ui_type_text (GTK_EDITABLE (second), "31");
  g_assert_true (gtk_widget_has_css_class (second, "error"));
  press_enter (second);
  yishi_ui_wait_ms (200);
  g_assert_true (has_focus (second));
  g_assert_cmpuint (stored_scores (f, judge), ==, 1);

  /* off the half-point step, then too many decimals */
  clear_and_type (second, "27.3");
  g_assert_true (gtk_widget_has_css_class (second, "error"));
  clear_and_type (second, "27.255");
  g_assert_true (gtk_widget_has_css_class (second, "error"));
  press_enter (second);
  yishi_ui_wait_ms (200);
  g_assert_cmpuint (stored_scores (f, judge), ==, 1);

  /* 27.5 is fine; Tab moves on and stores it */
  clear_and_type (second, "27.5");
  g_assert_false (gtk_widget_has_css_class (second, "error"));
  press_tab (f);
  g_assert_true (has_focus (third));
  wait.n = 2;
  yishi_ui_wait_until (has_scores, &wait);

  /* full-width digits, as a Chinese input method types them; Enter goes
   * on to the next proposal's first cell */
  yishi_ui_type_text (GTK_EDITABLE (third), "２８");
  press_enter (third);
  wait.n = 3;
  yishi_ui_wait_until (has_scores, &wait);
  g_assert_true (has_focus (grid_cells->pdata[3]));

  /* taking a score back: an empty cell */
  gtk_widget_grab_focus (first);
  gtk_editable_set_text (GTK_EDITABLE (first), "");
  press_enter (first);
  wait.n = 2;
  yishi_ui_wait_until (has_scores, &wait);
}

static gboolean
contains_label (GtkWidget  *root,
                const char *fragment)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), fragment) != NULL &&
      gtk_widget_get_visible (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (contains_label (child, fragment))
      return TRUE;
  return FALSE;
}

/* The judge recused from their own proposal has one row fewer of cells:
 * its row says why instead. */
static void
test_recused_row (Fixture       *f,
                  gconstpointer  data)
{
  gint64 judge = pick_judge (f, TRUE);
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = yishi_contest_store_list_entries (db, f->judging_id, &error);
  g_autoptr(GPtrArray) criteria = yishi_contest_store_list_criteria (db, f->judging_id, &error);
  g_autoptr(GPtrArray) grid_cells = NULL;

  show_judge (f, judge);
  grid_cells = cells (f);
  g_assert_cmpuint (grid_cells->len, ==, (entries->len - 1) * criteria->len);
  g_assert_true (contains_label (GTK_WIDGET (f->grid), "Recused"));
}

static guint
count_tooltips (GtkWidget  *root,
                const char *fragment)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);
  guint n = tooltip != NULL && strstr (tooltip, fragment) != NULL ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_tooltips (child, fragment);
  return n;
}

static gboolean
results_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *results = yishi_ui_find_child (GTK_WIDGET (f->view), YISHI_TYPE_CONTEST_RESULTS_VIEW);

  return contains_label (results, "Funding line");
}

static void
test_results (Fixture       *f,
              gconstpointer  data)
{
  YishiContestsPage *page = YISHI_CONTESTS_PAGE (yishi_ui_find_child (GTK_WIDGET (f->ui.window),
                                                                      YISHI_TYPE_CONTESTS_PAGE));
  GtkWidget *results;

  yishi_contests_page_select_contest (page, f->published_id);
  yishi_contest_view_show_page (f->view, "results");
  yishi_ui_wait_until (results_shown, f);
  results = yishi_ui_find_child (GTK_WIDGET (f->view), YISHI_TYPE_CONTEST_RESULTS_VIEW);
  g_assert_true (contains_label (results, "Tie broken by: Untrimmed mean"));
  g_assert_true (contains_label (results, "organiser’s decision"));
  /* published: no funding left to change */
  g_assert_cmpuint (count_tooltips (results, "Change the funding"), ==, 0);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
is_published (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (&f->ui);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestRow) row = yishi_contest_store_get (db, f->judging_id, &error);

  return row->state == YISHI_CONTEST_STATE_PUBLISHED;
}

static gboolean
cells_locked (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) found = cells (f);

  return found->len > 0 && !gtk_widget_get_sensitive (found->pdata[0]);
}

static void
test_publish (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  show_judge (f, pick_judge (f, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "contest.publish", NULL));
  yishi_ui_wait_until (has_message_dialog, NULL);
  dialog = find_message_dialog ();
  /* the sample's contest in judging has judges half-way: the question
   * says so, and publishing is marked as the risky answer */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "scores are still missing, from "));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "publish"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "publish");
  yishi_ui_wait_until (is_published, f);
  yishi_ui_wait_until (cells_locked, f);

  /* every entry settled by its funding */
  db = yishi_ui_open_db (&f->ui);
  results = yishi_contest_store_results (db, f->judging_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->funding->grants->len; i++)
    {
      const YishiContestGrant *grant = &g_array_index (results->funding->grants, YishiContestGrant, i);
      g_autoptr(YishiProposal) proposal = yishi_proposal_store_get (db, grant->proposal_id, &error);

      g_assert_cmpint (yishi_proposal_get_status (proposal), ==,
                       grant->funded ? YISHI_PROPOSAL_STATUS_ACCEPTED : YISHI_PROPOSAL_STATUS_REJECTED);
    }
}

#define ADD(path, func) \
  g_test_add ("/contests/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  ADD ("keyboard-scoring", test_keyboard_scoring);
  ADD ("recused-row", test_recused_row);
  ADD ("results", test_results);
  ADD ("publish", test_publish);

  return yishi_ui_test_run ();
}
