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

/* A run of ASCII, 8 bytes at a time: where it ends. */
static const guchar *
skip_ascii (const guchar *p,
            const guchar *end)
{
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
        break;
      p += 8;
    }
  while (p < end && *p < 0x80)
    p++;

  return p;
}

/* A run of pairs of three-byte characters — most of Chinese text —
 * checked two at a time, 8 bytes read, 6 used: where it ends. Leads E0
 * and ED, which need a closer look at the next byte, end it. */
static const guchar *
skip_three_byte_pairs (const guchar *p,
                       const guchar *end)
{
  const guint64 mask = G_GUINT64_CONSTANT (0x0000C0C0F0C0C0F0);
  const guint64 pattern = G_GUINT64_CONSTANT (0x00008080E08080E0);

  while (end - p >= 8)
    {
      guint64 word;
      guint first, second;

      memcpy (&word, p, sizeof word);
      word = GUINT64_FROM_LE (word);
      first = word & 0x0F;
      second = (word >> 24) & 0x0F;
      if ((word & mask) != pattern || first == 0x0 || first == 0xD ||
          second == 0x0 || second == 0xD)
        break;
      p += 6;
    }

  return p;
}

static gboolean
is_continuation (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/* The length of the well-formed sequence at @p, or 0: the same rules as
 * g_utf8_validate () (no overlong forms, no surrogates, nothing past
 * U+10FFFF), written for speed on Chinese text, where nearly every
 * character takes three bytes. */
static guint
sequence_length (const guchar *p,
                 const guchar *end)
{
  guchar c = p[0];

  if (c >= 0xE0 && c <= 0xEF)
    {
      if (end - p < 3 || !is_continuation (p[2]))
        return 0;
      if (c == 0xE0)
        return p[1] >= 0xA0 && p[1] <= 0xBF ? 3 : 0;
      if (c == 0xED)
        return p[1] >= 0x80 && p[1] <= 0x9F ? 3 : 0;
      return is_continuation (p[1]) ? 3 : 0;
    }
  if (c >= 0xC2 && c <= 0xDF)
    return end - p >= 2 && is_continuation (p[1]) ? 2 : 0;
  if (c >= 0xF0 && c <= 0xF4)
    {
      if (end - p < 4 || !is_continuation (p[2]) || !is_continuation (p[3]))
        return 0;
      if (c == 0xF0)
        return p[1] >= 0x90 && p[1] <= 0xBF ? 4 : 0;
      if (c == 0xF4)
        return p[1] >= 0x80 && p[1] <= 0x8F ? 4 : 0;
      return is_continuation (p[1]) ? 4 : 0;
    }

  return 0;
}

/**
 * yishi_text_validate_utf8:
 * Whether the @length bytes at @text are UTF-8, by the rules of
 * g_utf8_validate (), and faster; unlike it, NUL bytes count as valid
 * characters, for callers that look for them separately to say where
 * they are. When the text is not valid, @out_bad (if not NULL) gets the
 * offset of the first byte that is not.
 */
gboolean
yishi_text_validate_utf8 (const char *text,
                          gsize       length,
                          gsize      *out_bad)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  while (p < end)
    {
      guint n;

      if (*p < 0x80)
        {
          p = skip_ascii (p, end);
          continue;
        }

      p = skip_three_byte_pairs (p, end);
      if (p == end || *p < 0x80)
        continue;

      n = sequence_length (p, end);
      if (n == 0)
        {
          if (out_bad != NULL)
            *out_bad = p - (const guchar *) text;
          return FALSE;
        }
      p += n;
    }

  return TRUE;
}
