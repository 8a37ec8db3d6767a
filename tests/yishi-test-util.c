#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"

YishiTestDir *
yishi_test_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  YishiTestDir *dir = g_new0 (YishiTestDir, 1);

  dir->path = g_dir_make_tmp ("yishi-test-XXXXXX", &error);
  g_assert_no_error (error);

  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

void
yishi_test_dir_free (YishiTestDir *dir)
{
  remove_tree (dir->path);
  g_free (dir->path);
  g_free (dir);
}

char *
yishi_test_dir_file (YishiTestDir *dir,
                     const char   *name)
{
  return g_build_filename (dir->path, name, NULL);
}

/* A new, empty Yishi database in @dir. */
YishiDatabase *
yishi_test_open_db (YishiTestDir *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "test.db");
  YishiDatabase *db = yishi_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

void
yishi_test_write_file (const char *path,
                       const void *contents,
                       gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

gint64
yishi_test_add_person (YishiDatabase *db,
                       const char    *name)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (name);
  person = yishi_person_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_person_get_id (person);
}

char *
yishi_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_strdup ("a folder");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

GPtrArray *
yishi_test_list_proposals (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals = yishi_proposal_store_list (db, NULL, &error);

  g_assert_no_error (error);
  return proposals;
}
