/* Opens the real window on a sample database and drives its widgets. */
#include "config.h"

#include <adwaita.h>

#include "yishi-application.h"
#include "yishi-people-page.h"
#include "yishi-proposal-store.h"
#include "yishi-proposals-page.h"
#include "yishi-sample.h"
#include "yishi-test-util.h"
#include "yishi-window.h"

typedef struct
{
  YishiTestDir     *dir;
  char             *db_path;
  YishiWindow      *window;
} Fixture;

/* One application for the whole program: GApplication registers once. */
static YishiApplication *app;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE, failing after 20 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
wait_ms (guint ms)
{
  gboolean fired = FALSE;

  g_timeout_add (ms, timeout_cb, &fired);
  while (!fired)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GListModel *
visible_proposals (Fixture *f)
{
  GtkWidget *page = find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);

  return yishi_proposals_page_get_visible (YISHI_PROPOSALS_PAGE (page));
}

static gboolean
has_rows (gpointer data)
{
  return g_list_model_get_n_items (visible_proposals (data)) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  f->dir = yishi_test_dir_new ();
  f->db_path = yishi_test_dir_file (f->dir, "sample.db");
  db = yishi_database_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_sample_load_community (db, &error));
  g_assert_no_error (error);

  f->window = yishi_window_new (app);
  yishi_window_open_database (f->window, f->db_path, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until (has_rows, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_free (f->db_path);
  yishi_test_dir_free (f->dir);
}

/* Types @text into @entry one character at a time, as a person would. */
static void
type_text (GtkEditable *entry,
           const char  *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, -1);
      wait_ms (30);
    }
}

static gboolean
proposal_mentions (YishiProposal *proposal,
                   const char    *text)
{
  g_autofree char *haystack = yishi_proposal_dup_search_text (proposal);

  return strstr (haystack, text) != NULL;
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

  return g_list_model_get_n_items (visible_proposals (change->f)) != change->before;
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
  GListModel *visible = visible_proposals (mention->f);
  guint n = g_list_model_get_n_items (visible);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YishiProposal) proposal = g_list_model_get_item (visible, i);

      if (!proposal_mentions (proposal, mention->text))
        return FALSE;
    }

  return n > 0;
}

static void
test_search_two_characters (Fixture       *f,
                            gconstpointer  user_data)
{
  GtkWidget *page = find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);
  GtkEditable *entry = GTK_EDITABLE (find_child (page, GTK_TYPE_SEARCH_ENTRY));
  GListModel *visible = visible_proposals (f);
  CountChange change = { f, g_list_model_get_n_items (visible) };
  Mention mention = { f, "道路" };
  guint n;

  g_assert_cmpuint (change.before, >=, 15);
  type_text (entry, "道路");
  wait_until (all_rows_mention, &mention);

  /* the sample has proposals about roads, and many about other things */
  n = g_list_model_get_n_items (visible);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, change.before);

  /* clearing the search shows everything again */
  change.before = n;
  gtk_editable_set_text (entry, "");
  wait_until (count_changed, &change);
  g_assert_cmpuint (g_list_model_get_n_items (visible), >=, 15);
}

static void
test_search_no_match (Fixture       *f,
                      gconstpointer  user_data)
{
  GtkWidget *page = find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);
  GtkEditable *entry = GTK_EDITABLE (find_child (page, GTK_TYPE_SEARCH_ENTRY));
  CountChange change = { f, g_list_model_get_n_items (visible_proposals (f)) };

  type_text (entry, "zzzz");
  wait_until (count_changed, &change);
  g_assert_cmpuint (g_list_model_get_n_items (visible_proposals (f)), ==, 0);
}

static void
test_add_proposal (Fixture       *f,
                   gconstpointer  user_data)
{
  GtkWidget *page = find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);
  CountChange change = { f, g_list_model_get_n_items (visible_proposals (f)) };
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  g_assert_true (gtk_widget_activate_action (page, "proposals.add", NULL));
  wait_until (count_changed, &change);
  g_assert_cmpuint (g_list_model_get_n_items (visible_proposals (f)), ==, change.before + 1);

  db = yishi_database_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_proposal_store_count (db, &error), ==, change.before + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = yishi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/window/search-two-characters", Fixture, NULL,
              fixture_set_up, test_search_two_characters, fixture_tear_down);
  g_test_add ("/ui/window/search-no-match", Fixture, NULL,
              fixture_set_up, test_search_no_match, fixture_tear_down);
  g_test_add ("/ui/window/add-proposal", Fixture, NULL,
              fixture_set_up, test_add_proposal, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
