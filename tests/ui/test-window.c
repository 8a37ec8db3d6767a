/* Opens the real window on a sample database and searches as a person would. */
#include "config.h"

#include "yishi-proposal-store.h"
#include "yishi-proposals-page.h"
#include "yishi-ui-test-util.h"

typedef YishiUiFixture Fixture;

static gboolean
proposal_mentions (YishiProposal *proposal,
                   const char    *text)
{
  g_autofree char *haystack = yishi_proposal_dup_search_text (proposal);

  return strstr (haystack, text) != NULL;
}

typedef struct
{
  Fixture    *f;
  const char *text;
} Mention;

/* TRUE once the table shows rows and every one of them contains the text */
static gboolean
all_rows_mention (gpointer data)
{
  Mention *mention = data;
  GListModel *visible = yishi_ui_visible_proposals (mention->f);
  guint n = g_list_model_get_n_items (visible);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YishiProposal) proposal = g_list_model_get_item (visible, i);

      if (!proposal_mentions (proposal, mention->text))
        return FALSE;
    }

  return n > 0;
}

typedef struct
{
  Fixture *f;
  guint    before;
} CountChange;

static gboolean
count_changed (gpointer data)
{
  CountChange *change = data;

  return g_list_model_get_n_items (yishi_ui_visible_proposals (change->f)) != change->before;
}

static GtkEditable *
search_entry (Fixture *f)
{
  GtkWidget *page = yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);

  return GTK_EDITABLE (yishi_ui_find_child (page, GTK_TYPE_SEARCH_ENTRY));
}

static void
test_search_two_characters (Fixture       *f,
                            gconstpointer  user_data)
{
  GListModel *visible = yishi_ui_visible_proposals (f);
  CountChange change = { f, g_list_model_get_n_items (visible) };
  Mention mention = { f, "道路" };
  guint n;

  g_assert_cmpuint (change.before, >=, 15);
  yishi_ui_type_text (search_entry (f), "道路");
  yishi_ui_wait_until (all_rows_mention, &mention);

  /* the sample has proposals about roads, and many about other things */
  n = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, change.before);

  /* clearing the search shows everything again */
  change.before = n;
  gtk_editable_set_text (search_entry (f), "");
  yishi_ui_wait_until (count_changed, &change);
  g_assert_cmpuint (g_list_model_get_n_items (visible), >=, 15);
}

static void
test_search_proposer_name (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(YishiProposal) first = g_list_model_get_item (yishi_ui_visible_proposals (f), 0);
  g_autofree char *name = g_strdup (yishi_proposal_get_proposer_name (first));
  Mention mention = { f, name };

  g_assert_cmpstr (name, !=, "");
  yishi_ui_type_text (search_entry (f), name);
  yishi_ui_wait_until (all_rows_mention, &mention);
}

static void
test_search_no_match (Fixture       *f,
                      gconstpointer  user_data)
{
  CountChange change = { f, g_list_model_get_n_items (yishi_ui_visible_proposals (f)) };

  yishi_ui_type_text (search_entry (f), "zzzz");
  yishi_ui_wait_until (count_changed, &change);
  g_assert_cmpuint (g_list_model_get_n_items (yishi_ui_visible_proposals (f)), ==, 0);
}

static void
test_filter_by_status (Fixture       *f,
                       gconstpointer  user_data)
{
  GtkWidget *page = yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);
  GtkDropDown *status = GTK_DROP_DOWN (yishi_ui_find_child (page, GTK_TYPE_DROP_DOWN));
  GListModel *visible = yishi_ui_visible_proposals (f);
  guint n;

  /* position 0 is "all"; then the statuses in lifecycle order */
  gtk_drop_down_set_selected (status, 1 + YISHI_PROPOSAL_STATUS_ACCEPTED);
  n = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YishiProposal) proposal = g_list_model_get_item (visible, i);

      g_assert_cmpint (yishi_proposal_get_status (proposal), ==, YISHI_PROPOSAL_STATUS_ACCEPTED);
    }
}

static void
test_add_proposal (Fixture       *f,
                   gconstpointer  user_data)
{
  GtkWidget *page = yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);
  CountChange change = { f, g_list_model_get_n_items (yishi_ui_visible_proposals (f)) };
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  g_assert_true (gtk_widget_activate_action (page, "proposals.add", NULL));
  yishi_ui_wait_until (count_changed, &change);
  g_assert_cmpuint (g_list_model_get_n_items (yishi_ui_visible_proposals (f)), ==, change.before + 1);

  db = yishi_ui_open_db (f);
  g_assert_cmpuint (yishi_proposal_store_count (db, &error), ==, change.before + 1);
  g_assert_no_error (error);
}

typedef struct
{
  Fixture    *f;
  const char *path;
} Opened;

static gboolean
sample_shown_from (gpointer data)
{
  Opened *opened = data;
  YishiSession *session = yishi_window_get_session (opened->f->window);

  return session != NULL &&
         g_strcmp0 (yishi_database_get_path (yishi_session_get_database (session)), opened->path) == 0 &&
         g_list_model_get_n_items (yishi_ui_visible_proposals (opened->f)) >= 15;
}

/* A newcomer's first start: a new default database gets the sample. */
static void
test_first_run_loads_sample (Fixture       *f,
                             gconstpointer  user_data)
{
  g_autofree char *fresh = yishi_test_dir_file (f->dir, "first-run.db");
  Opened opened = { f, fresh };

  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  yishi_window_open_database (f->window, fresh, TRUE);
  yishi_ui_wait_until (sample_shown_from, &opened);
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/window/search-two-characters", Fixture, NULL,
              yishi_ui_fixture_set_up, test_search_two_characters, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/window/search-proposer-name", Fixture, NULL,
              yishi_ui_fixture_set_up, test_search_proposer_name, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/window/search-no-match", Fixture, NULL,
              yishi_ui_fixture_set_up, test_search_no_match, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/window/filter-by-status", Fixture, NULL,
              yishi_ui_fixture_set_up, test_filter_by_status, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/window/add-proposal", Fixture, NULL,
              yishi_ui_fixture_set_up, test_add_proposal, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/window/first-run-loads-sample", Fixture, NULL,
              yishi_ui_fixture_set_up, test_first_run_loads_sample, yishi_ui_fixture_tear_down);

  return yishi_ui_test_run ();
}
