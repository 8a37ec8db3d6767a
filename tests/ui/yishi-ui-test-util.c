#include "config.h"

#include "yishi-proposals-page.h"
#include "yishi-sample.h"
#include "yishi-ui-test-util.h"

/* One application for the whole program: GApplication registers once. */
static YishiApplication *app;

void
yishi_ui_test_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename ((*argv)[0]);
  g_autofree char *data_home = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                                 ? g_getenv ("G_TEST_BUILDDIR") : g_get_tmp_dir (),
                                                 "data-home", name, NULL);

  /* The windows add their databases to the recent files list: the
   * program's own, in the build tree, not the list of whoever runs the
   * tests. Before GLib first reads the variable. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* GTK 4.8's recent files list leaks a GDateTime each time it is written
   * and pruned by age (the "now" it compares with is never unreffed; fixed
   * in later GTK), and every window adds its database to that list: 32
   * bytes per test that the leak check cannot trace past g_malloc (), so
   * cannot suppress by name (see tests/lsan.supp). With no age limit GTK
   * skips that pruning; the list is still written and read as usual. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);
  app = yishi_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}

int
yishi_ui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE, failing after 90 s (sanitizer builds are slow). */
void
yishi_ui_wait_until (gboolean (*done) (gpointer),
                     gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (90, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

void
yishi_ui_wait_ms (guint ms)
{
  gboolean fired = FALSE;

  g_timeout_add (ms, timeout_cb, &fired);
  while (!fired)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
yishi_ui_find_child (GtkWidget *root,
                     GType      type)
{
  return yishi_ui_find_named (root, type, NULL);
}

/* The first widget of @type under @root — with @title, if given, as its
 * row title or label, which is how a person finds it on screen too. */
GtkWidget *
yishi_ui_find_named (GtkWidget  *root,
                     GType       type,
                     const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *name = NULL;

      if (ADW_IS_PREFERENCES_ROW (root))
        name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (GTK_IS_BUTTON (root))
        name = gtk_button_get_label (GTK_BUTTON (root));
      if (title == NULL || g_strcmp0 (name, title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = yishi_ui_find_named (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Types @text into @entry one character at a time, as a person would. */
void
yishi_ui_type_text (GtkEditable *entry,
                    const char  *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (entry);

      gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (entry, position);
      yishi_ui_wait_ms (30);
    }
}

GListModel *
yishi_ui_visible_proposals (YishiUiFixture *f)
{
  GtkWidget *page = yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);

  return yishi_proposals_page_get_visible (YISHI_PROPOSALS_PAGE (page));
}

/* Both lists are read in the background: wait for proposals and people. */
static gboolean
has_rows (gpointer data)
{
  YishiUiFixture *f = data;
  YishiSession *session = yishi_window_get_session (f->window);

  /* the pages are built once the window has shown its first frame */
  if (yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE) == NULL)
    return FALSE;

  return g_list_model_get_n_items (yishi_ui_visible_proposals (f)) > 0 &&
         session != NULL && g_list_model_get_n_items (yishi_session_get_people (session)) > 0;
}

void
yishi_ui_fixture_set_up (YishiUiFixture *f,
                         gconstpointer   user_data)
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
  yishi_ui_wait_until (has_rows, f);
}

void
yishi_ui_fixture_tear_down (YishiUiFixture *f,
                            gconstpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_free (f->db_path);
  yishi_test_dir_free (f->dir);
}

/* A second connection to the window's database, to check what it stored. */
YishiDatabase *
yishi_ui_open_db (YishiUiFixture *f)
{
  g_autoptr(GError) error = NULL;
  YishiDatabase *db = yishi_database_open (f->db_path, &error);

  g_assert_no_error (error);
  return db;
}
