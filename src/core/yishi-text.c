#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-text.h"

static gboolean
is_blank_len (const char *text,
              gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
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

  return is_blank_len (text, strlen (text));
}

/* A copy of @text without leading and trailing white space, full-width
 * spaces included. Text that is not valid UTF-8 is copied unchanged. */
char *
yishi_text_strip (const char *text)
{
  const char *start = text;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
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

  if (required && is_blank_len (text, length))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("%s is required."), field);
      return FALSE;
    }

  return TRUE;
}
