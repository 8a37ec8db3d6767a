/* Imports a GBK spreadsheet through the import dialog, as a secretary would. */
#include "config.h"

#include "yishi-import-dialog.h"
#include "yishi-proposal-store.h"
#include "yishi-ui-test-util.h"

typedef YishiUiFixture Fixture;

/* What Chinese Excel writes: GBK, Chinese headings, CRLF. */
static const char gbk_source[] =
  "标题,提案人,类别,预算,受益户数\r\n"
  "金星苑停车位划线,李建国,道路交通,8000,120\r\n"
  "佳园小区增设健身器材,周美华,文化体育,\"15,000\",300\r\n";

static char *
write_gbk (Fixture    *f,
           const char *utf8)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *gbk = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  char *path = yishi_test_dir_file (f->dir, "提案.csv");

  g_assert_no_error (error);
  yishi_test_write_file (path, gbk, length);
  return path;
}

static gboolean
button_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static gboolean
count_is (gpointer data)
{
  Fixture *f = data;
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  guint expected = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (f->window), "expected"));

  return yishi_proposal_store_count (db, NULL) == expected;
}

static void
test_import_gbk (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *path = write_gbk (f, gbk_source);
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  guint before = yishi_proposal_store_count (db, NULL);
  YishiImportDialog *dialog =
    yishi_import_dialog_new (GTK_WINDOW (f->window), yishi_window_get_session (f->window), path);
  GtkWidget *import_button;

  gtk_window_present (GTK_WINDOW (dialog));
  import_button = yishi_ui_find_named (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");
  g_assert_nonnull (import_button);
  yishi_ui_wait_until (button_sensitive, import_button);

  /* the mapping is on screen before anything is stored */
  g_assert_nonnull (yishi_ui_find_named (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "标题"));
  g_assert_cmpuint (yishi_proposal_store_count (db, NULL), ==, before);

  g_object_set_data (G_OBJECT (f->window), "expected", GUINT_TO_POINTER (before + 2));
  g_signal_emit_by_name (import_button, "clicked");
  yishi_ui_wait_until (count_is, f);
}

/* The rows to correct are shown as labels styled as errors. */
static guint
count_error_labels (GtkWidget *root)
{
  guint n = GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "field-error");

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_error_labels (child);
  return n;
}

static void
test_bad_rows_block_import (Fixture       *f,
                            gconstpointer  user_data)
{
  g_autofree char *path = write_gbk (f, "标题,预算\r\n好提案,100\r\n,200\r\n坏预算,十二元\r\n");
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  guint before = yishi_proposal_store_count (db, NULL);
  YishiImportDialog *dialog =
    yishi_import_dialog_new (GTK_WINDOW (f->window), yishi_window_get_session (f->window), path);
  GtkWidget *import_button = yishi_ui_find_named (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import");

  gtk_window_present (GTK_WINDOW (dialog));
  yishi_ui_wait_ms (1500);

  /* two bad rows are listed, and Import stays off: nothing is stored */
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_cmpuint (count_error_labels (GTK_WIDGET (dialog)), ==, 2);
  g_assert_cmpuint (yishi_proposal_store_count (db, NULL), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/import/gbk", Fixture, NULL,
              yishi_ui_fixture_set_up, test_import_gbk, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/import/bad-rows-block-import", Fixture, NULL,
              yishi_ui_fixture_set_up, test_bad_rows_block_import, yishi_ui_fixture_tear_down);

  return yishi_ui_test_run ();
}
