#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-text.h"

/* g_unichar_isspace () of the character at @p, quicker for ASCII. */
static inline gboolean
is_space_at (const char *p)
{
  guchar c = *p;

  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

  return g_unichar_isspace (g_utf8_get_char (p));
}

/* TRUE for text of @length bytes, which must be valid UTF-8, made only
 * of white space: yishi_text_is_blank () without checking the encoding
 * again, for text that is known to be valid. */
gboolean
yishi_text_is_blank_len (const char *text,
                         gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (!is_space_at (p))
      return FALSE;

  return TRUE;
}

/* TRUE for NULL, "" and text made only of white space (including the
 * full-width space U+3000 that Chinese input methods type). Text that is
 * not valid UTF-8 is not blank. */
gboolean
yishi_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  return yishi_text_is_blank_len (text, strlen (text));
}

/* A copy of @text without leading and trailing white space, full-width
 * spaces included. Text that is not valid UTF-8 is copied unchanged. */
char *
yishi_text_strip (const char *text)
{
  const char *start;
  gsize length;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  start = yishi_text_strip_span (text, &length);
  return g_strndup (start, length);
}

/* Where @text starts and how long it is without the white space around
 * it, as yishi_text_strip () would copy it, but without a copy: @text
 * must be valid UTF-8. NULL gives "". */
const char *
yishi_text_strip_span (const char *text,
                       gsize      *out_length)
{
  const char *start = text;
  const char *end;

  if (text == NULL)
    {
      *out_length = 0;
      return "";
    }

  while (*start && is_space_at (start))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space_at (prev))
        break;
      end = prev;
    }

  *out_length = end - start;
  return start;
}

/* Checks one text field of user input: valid UTF-8, no NUL byte (which
 * would silently cut the text), and present when @required. @length is
 * the byte length, or -1 when @text is NUL-terminated. */
gboolean
yishi_text_check_field (const char  *text,
                        gssize       length,
                        const char  *field,
                        gboolean     required,
                        GError     **error)
{
  const char *end = NULL;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (memchr (text, '\0', length) != NULL)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is a field name such as “Title” */
                   _("%s contains a NUL character."), field);
      return FALSE;
    }

  if (!g_utf8_validate (text, length, &end))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                   /* Translators: %s is a field name, %u a byte offset */
                   _("%s is not valid UTF-8 text (at byte %u)."),
                   field, (guint) (end - text));
      return FALSE;
    }

  if (required && yishi_text_is_blank_len (text, length))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("%s is required."), field);
      return FALSE;
    }

  return TRUE;
}

/* Reads no further than @max_chars characters, so a cell of megabytes,
 * which a hostile file may hold, costs no more than a short one; and
 * steps over bytes that are not UTF-8 without passing the end. */
char *
yishi_text_shorten (const char *text,
                    guint       max_chars)
{
  const char *end = text;
  g_autofree char *start = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; i < max_chars && *end != '\0'; i++)
    end = g_utf8_find_next_char (end, NULL);
  if (*end == '\0')
    return g_strdup (text);

  start = g_strndup (text, end - text);
  return g_strconcat (start, "…", NULL);
}
