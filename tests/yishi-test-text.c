#include "config.h"

#include <string.h>

#include "yishi-test-text.h"

char *
yishi_test_run_in (const char *const *argv,
                   char             **envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

char *
yishi_test_run (const char *const *argv)
{
  return yishi_test_run_in (argv, NULL);
}

char *
yishi_test_pdf_text (const char *path,
                     guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };

  return yishi_test_run (page == 0 ? all : one);
}

char *
yishi_test_pdf_info (const char *path,
                     const char *key)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = yishi_test_run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));

  g_error ("pdfinfo shows no %s:\n%s", key, out);
}

char *
yishi_test_squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  return g_string_free (squeezed, FALSE);
}

gboolean
yishi_test_says (const char *text,
                 const char *expected)
{
  g_autofree char *haystack = yishi_test_squeeze (text);
  g_autofree char *needle = yishi_test_squeeze (expected);

  return strstr (haystack, needle) != NULL;
}

void
yishi_test_assert_says (const char *text,
                        const char *expected)
{
  if (!yishi_test_says (text, expected))
    g_error ("“%s” is not in:\n%s", expected, text);
}
