#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-date-text.h"

/* Digits only, at most @max_digits of them, between @min and @max. */
static gboolean
parse_number (const char *text,
              gsize       max_digits,
              guint       min,
              guint       max,
              guint      *out_value)
{
  gsize length = strlen (text);
  guint64 value;

  if (length == 0 || length > max_digits ||
      !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return FALSE;

  *out_value = value;
  return TRUE;
}

/* @text cut at its colons, ASCII or full-width. */
static GStrv
split_at_colons (const char *text)
{
  g_autoptr(GString) ascii = g_string_new (text);

  g_string_replace (ascii, "：", ":", 0);
  return g_strsplit (ascii->str, ":", 3);
}

gboolean
yishi_date_text_parse_date (const char *text,
                            GDate      *out_date)
{
  g_auto(GStrv) parts = NULL;
  guint year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  parts = g_strsplit (text, "-", 4);
  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4 ||
      !parse_number (parts[0], 4, 1, 9999, &year) ||
      !parse_number (parts[1], 2, 1, 12, &month) ||
      !parse_number (parts[2], 2, 1, 31, &day) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

gboolean
yishi_date_text_parse_time (const char *text,
                            guint      *out_hour,
                            guint      *out_minute)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (out_hour != NULL && out_minute != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  parts = split_at_colons (text);
  return g_strv_length (parts) == 2 && strlen (parts[1]) == 2 &&
         parse_number (parts[0], 2, 0, 23, out_hour) &&
         parse_number (parts[1], 2, 0, 59, out_minute);
}

gboolean
yishi_date_text_parse_duration (const char *text,
                                guint      *out_seconds)
{
  g_auto(GStrv) parts = NULL;
  guint minutes, seconds;

  g_return_val_if_fail (out_seconds != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  parts = split_at_colons (text);
  if (g_strv_length (parts) == 1)
    return parse_number (g_strstrip (parts[0]), 5, 1, 86400, out_seconds);
  if (g_strv_length (parts) == 2 &&
      parse_number (g_strstrip (parts[0]), 4, 0, 1440, &minutes) &&
      strlen (g_strstrip (parts[1])) == 2 && parse_number (parts[1], 2, 0, 59, &seconds) &&
      minutes * 60 + seconds > 0)
    return *out_seconds = minutes * 60 + seconds, TRUE;

  return FALSE;
}

char *
yishi_date_text_describe_duration (guint seconds)
{
  g_autofree char *minutes = NULL;
  g_autofree char *rest = NULL;

  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", seconds), seconds);

  minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", seconds / 60),
                             seconds / 60);
  if (seconds % 60 == 0)
    return g_steal_pointer (&minutes);

  rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", seconds % 60),
                          seconds % 60);
  /* Translators: a length of time: minutes, then seconds, as in
   * “1 minute 30 seconds”; zh_CN: “%s%s” */
  return g_strdup_printf (C_("duration", "%s %s"), minutes, rest);
}
