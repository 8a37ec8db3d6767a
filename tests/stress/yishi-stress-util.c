#include "config.h"

#include <glib/gstdio.h>

#include "yishi-stress-util.h"

guint32
yishi_stress_seed (void)
{
  const char *text = g_getenv ("YISHI_STRESS_SEED");
  guint64 seed = 0;

  if (text == NULL)
    seed = g_random_int ();
  else if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &seed, NULL))
    g_error ("YISHI_STRESS_SEED must be a whole number up to %u, not “%s”", G_MAXUINT32, text);

  g_test_message ("seed %" G_GUINT64_FORMAT " (repeat with YISHI_STRESS_SEED=%" G_GUINT64_FORMAT ")",
                  seed, seed);
  return (guint32) seed;
}

GRand *
yishi_stress_rand_new (guint32 seed,
                       guint   test)
{
  guint32 words[2] = { seed, test };

  return g_rand_new_with_seed_array (words, G_N_ELEMENTS (words));
}

const char *
yishi_stress_yishictl (void)
{
  const char *path = g_getenv ("YISHICTL");

  g_assert_nonnull (path);
  return path;
}

GSubprocess *
yishi_stress_spawn (const char         *stderr_path,
                    const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) yishi_stress_yishictl ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_stderr_file_path (launcher, stderr_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

char *
yishi_stress_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return g_strdup ("");
    }
  return contents;
}

gint64
yishi_stress_file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}
