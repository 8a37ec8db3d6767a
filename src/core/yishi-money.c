#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-text.h"

/* Drops what people write around a number in a spreadsheet: currency
 * signs, the unit 元, thousands separators (ASCII and full-width) and
 * spaces. Returns NULL when something else is left. */
static char *
normalise_amount (const char *text,
                  gboolean   *out_wan)
{
  GString *digits = g_string_new (NULL);

  *out_wan = FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19) /* full-width digits */
        g_string_append_c (digits, '0' + (c - 0xFF10));
      else if (c == 0xFF0E) /* full-width full stop */
        g_string_append_c (digits, '.');
      else if ((c >= '0' && c <= '9') || c == '.')
        g_string_append_c (digits, (char) c);
      else if (c == 0x4E07 && *g_utf8_next_char (p) == '\0') /* 万 at the end */
        *out_wan = TRUE;
      else if (c == ',' || c == 0xFF0C || c == 0x00A5 || c == 0xFFE5 ||
               c == 0x5143 || g_unichar_isspace (c))
        continue; /* , ， ¥ ￥ 元 and spaces */
      else
        return g_string_free (digits, TRUE), NULL;
    }

  return g_string_free (digits, FALSE);
}

static gboolean
parse_digits (const char *digits,
              guint       scale_digits,
              gint64     *out_fen)
{
  const char *dot = strchr (digits, '.');
  gint64 whole = 0, frac = 0;
  guint n_frac = 0;

  if (*digits == '\0' || (dot != NULL && strchr (dot + 1, '.') != NULL) ||
      g_str_equal (digits, "."))
    return FALSE;

  for (const char *p = digits; *p && p != dot; p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > YISHI_MONEY_MAX_FEN)
        return FALSE;
    }

  for (const char *p = dot ? dot + 1 : ""; *p; p++, n_frac++)
    {
      if (n_frac >= scale_digits)
        return FALSE; /* finer than a fen */
      frac = frac * 10 + (*p - '0');
    }
  for (; n_frac < scale_digits; n_frac++)
    frac *= 10;

  for (guint i = 0; i < scale_digits; i++)
    {
      if (whole > YISHI_MONEY_MAX_FEN / 10)
        return FALSE;
      whole *= 10;
    }

  *out_fen = whole + frac;
  return *out_fen <= YISHI_MONEY_MAX_FEN;
}

/**
 * yishi_money_parse_yuan:
 * Parses an amount in yuan as people type it — "12000", "12,000.50",
 * "￥3 000", "3000元", "1.5万" — into fen, exactly.
 */
gboolean
yishi_money_parse_yuan (const char  *text,
                        gint64      *out_fen,
                        GError     **error)
{
  g_autofree char *digits = NULL;
  gboolean wan = FALSE;

  g_return_val_if_fail (out_fen != NULL, FALSE);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    digits = normalise_amount (text, &wan);

  /* 万 is ten thousand yuan: four more decimal places of fen */
  if (digits == NULL || !parse_digits (digits, wan ? 6 : 2, out_fen))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not an amount in yuan (for example 12000 or 12,000.50)."),
                   text && g_utf8_validate (text, -1, NULL) ? text : "?");
      return FALSE;
    }

  return TRUE;
}

/* "12,000.50" — grouped for reading, in yuan. */
char *
yishi_money_format_yuan (gint64 fen)
{
  g_autofree char *whole = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (fen) / 100);
  GString *text = g_string_new (fen < 0 ? "-" : "");
  gsize len = strlen (whole);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, whole[i]);
    }
  g_string_append_printf (text, ".%02d", (int) (ABS (fen) % 100));

  return g_string_free (text, FALSE);
}

/* "12000.50" — for files that other programs read back. */
char *
yishi_money_format_plain (gint64 fen)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d",
                          fen < 0 ? "-" : "", ABS (fen) / 100, (int) (ABS (fen) % 100));
}
