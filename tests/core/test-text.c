#include <locale.h>

#include <glib.h>

#include "yishi-error.h"
#include "yishi-text.h"

static void
test_is_blank (void)
{
  const char *blank[] = { NULL, "", " ", "\t\r\n", "\u3000", "\u00a0", " \u3000\u2003 " };
  const char *not_blank[] = { "a", " a ", "\u3000道\u3000", ".", "\xff", " \xe4" };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    g_assert_true (yishi_text_is_blank (blank[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_blank); i++)
    g_assert_false (yishi_text_is_blank (not_blank[i]));
}

/* Cut after so many characters, not bytes: Chinese takes three bytes a
 * character. Bytes that are not UTF-8 are stepped over without reading
 * past the end. */
static void
test_shorten (void)
{
  struct { const char *in; guint max; const char *out; } cases[] = {
    { "", 3, "" },
    { "道路", 3, "道路" },
    { "道路硬化", 4, "道路硬化" },
    { "道路硬化工程", 4, "道路硬化…" },
    { "abcdef", 3, "abc…" },
    { "3号楼道路", 2, "3号…" },
    { "\xe4", 3, "\xe4" },
  };
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *cut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *copy = g_strdup (cases[i].in);
      g_autofree char *out = yishi_text_shorten (copy, cases[i].max);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  for (guint i = 0; i < 100; i++)
    g_string_append (long_text, "居民");
  cut = yishi_text_shorten (long_text->str, 40);
  g_assert_cmpint (g_utf8_strlen (cut, -1), ==, 41);
  g_assert_true (g_str_has_suffix (cut, "居民…"));
}

static void
test_strip (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { NULL, "" },
    { "", "" },
    { "   ", "" },
    { "道路", "道路" },
    { "  道路  ", "道路" },
    { "\u3000道路\u3000", "道路" },
    { "\u3000 道 路 \u3000\n", "道 路" },
    { "a", "a" },
    { "\u00a0x\u00a0", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = yishi_text_strip (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Bytes that are not UTF-8 are copied as they are, and never read past
 * their end (heap copies let ASan see an over-read). */
static void
test_strip_invalid (void)
{
  const char *bad[] = { "\x80\x80", " \xe4", "\xf0", "abc\xff  ", "\xe3\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *copy = g_strdup (bad[i]);
      g_autofree char *out = yishi_text_strip (copy);

      g_assert_cmpstr (out, ==, bad[i]);
      g_assert_false (yishi_text_is_blank (copy));
    }
}

static void
test_check_field (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_text_check_field ("道路", -1, "Title", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_text_check_field (NULL, -1, "Summary", FALSE, &error));
  g_assert_true (yishi_text_check_field ("", -1, "Summary", FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (yishi_text_check_field (NULL, -1, "Title", TRUE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Title is required.");
  g_clear_error (&error);

  g_assert_false (yishi_text_check_field ("\u3000", -1, "Title", TRUE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (yishi_text_check_field ("ab\xff", -1, "Title", FALSE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "Title is not valid UTF-8 text (at byte 2).");
}

/* A NUL cannot sit inside a C string, but text read from a file with
 * its length can hold one; it would silently cut the text. */
static void
test_check_field_nul (void)
{
  static const char with_nul[] = "道路\0; DROP TABLE proposal";
  g_autoptr(GError) error = NULL;

  g_assert_false (yishi_text_check_field (with_nul, sizeof with_nul - 1, "Title", TRUE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Title contains a NUL character.");
  g_clear_error (&error);

  /* a trailing NUL counts too */
  g_assert_false (yishi_text_check_field ("ab", 3, "Title", FALSE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* the same bytes before the NUL are fine */
  g_assert_true (yishi_text_check_field (with_nul, strlen (with_nul), "Title", TRUE, &error));
  g_assert_no_error (error);
}

/* With an explicit length the text need not end in a NUL at all. */
static void
test_check_field_length (void)
{
  g_autofree char *buffer = g_malloc (6);
  g_autoptr(GError) error = NULL;

  memcpy (buffer, "  \xe9\x81\x93 ", 6); /* "  道 ", no terminator */
  g_assert_true (yishi_text_check_field (buffer, 6, "Title", TRUE, &error));
  g_assert_no_error (error);

  memcpy (buffer, "  \xe3\x80\x80 ", 6); /* "  　 ": blank */
  g_assert_false (yishi_text_check_field (buffer, 6, "Title", TRUE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* a character cut by the length */
  memcpy (buffer, "ab\xe9\x81\x93x", 6);
  g_assert_false (yishi_text_check_field (buffer, 4, "Title", FALSE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
}

static void
test_strip_span (void)
{
  struct { const char *in; const char *out; gsize skipped; } cases[] = {
    { "", "", 0 },
    { "   ", "", 3 },
    { "道路", "道路", 0 },
    { "  道路  ", "道路", 2 },
    { "\u3000道 路\u3000\n", "道 路", 3 },
  };
  gsize length;

  g_assert_cmpstr (yishi_text_strip_span (NULL, &length), ==, "");
  g_assert_cmpuint (length, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *start = yishi_text_strip_span (cases[i].in, &length);

      /* a span of the text itself, not a copy */
      g_assert_true (start == cases[i].in + cases[i].skipped);
      g_assert_cmpmem (start, length, cases[i].out, strlen (cases[i].out));
    }
}

static void
test_is_blank_len (void)
{
  g_assert_true (yishi_text_is_blank_len ("", 0));
  g_assert_true (yishi_text_is_blank_len (" \u3000\t", 5));
  g_assert_true (yishi_text_is_blank_len ("  x", 2));
  g_assert_false (yishi_text_is_blank_len ("  x", 3));
  g_assert_false (yishi_text_is_blank_len ("\u3000道", 6));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/is-blank", test_is_blank);
  g_test_add_func ("/text/strip", test_strip);
  g_test_add_func ("/text/shorten", test_shorten);
  g_test_add_func ("/text/strip-invalid", test_strip_invalid);
  g_test_add_func ("/text/check-field", test_check_field);
  g_test_add_func ("/text/check-field/nul", test_check_field_nul);
  g_test_add_func ("/text/check-field/length", test_check_field_length);
  g_test_add_func ("/text/strip-span", test_strip_span);
  g_test_add_func ("/text/is-blank-len", test_is_blank_len);

  return g_test_run ();
}
