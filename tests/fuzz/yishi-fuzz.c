#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "yishi-fuzz.h"
#include "yishi-test-util.h"

static YishiTestDir *fuzz_dir;
static GBytes *empty_db;

static void
remove_fuzz_dir (void)
{
  g_clear_pointer (&empty_db, g_bytes_unref);
  g_clear_pointer (&fuzz_dir, yishi_test_dir_free);
}

/* Warnings and criticals are fatal, as under G_DEBUG=fatal-warnings in
 * the tests: a g_return_if_fail () that outside data can reach is a bug.
 * They abort () rather than stop at GLib's breakpoint trap, which
 * libFuzzer does not catch: it saves the input only on a signal it
 * handles. */
static GLogWriterOutput
log_written_cb (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (log_written_cb, NULL, NULL);
  return 0;
}

char *
yishi_fuzz_path (const char *name)
{
  if (fuzz_dir == NULL)
    {
      fuzz_dir = yishi_test_dir_new ();
      atexit (remove_fuzz_dir);
    }

  return yishi_test_dir_file (fuzz_dir, name);
}

/* Plain stdio rather than g_file_set_contents (), whose fsync () would
 * cost more than most inputs take to parse. */
void
yishi_fuzz_write (const char    *path,
                  const uint8_t *data,
                  size_t         size)
{
  FILE *file = fopen (path, "wb");

  if (file == NULL || (size > 0 && fwrite (data, 1, size, file) != size) || fclose (file) != 0)
    g_error ("Cannot write %s: %s", path, g_strerror (errno));
}

static GBytes *
make_empty_db (void)
{
  g_autofree char *path = yishi_fuzz_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);
  char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  /* closing it checkpoints the log into the file, which removes the log */
  g_clear_object (&db);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return g_bytes_new_take (contents, length);
}

YishiDatabase *
yishi_fuzz_empty_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  YishiDatabase *db;

  if (empty_db == NULL)
    empty_db = make_empty_db ();
  yishi_fuzz_write (path, g_bytes_get_data (empty_db, NULL), g_bytes_get_size (empty_db));
  db = yishi_database_open (path, &error);
  g_assert_no_error (error);

  return db;
}

void
yishi_fuzz_drop_db (YishiDatabase *db,
                    const char    *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_object_unref (db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      g_unlink (side);
    }
}
