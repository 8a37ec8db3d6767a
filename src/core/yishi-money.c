#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-text.h"

static inline gunichar
peek (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (c >= 0xFF10 && c <= 0xFF19) /* full-width digits */
    return '0' + (c - 0xFF10);
  if (c == 0xFF0E) /* full-width full stop */
    return '.';
  if (c == 0xFF0C) /* full-width comma */
    return ',';
  return c;
}

static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static const char *
skip_spaces (const char *p)
{
  while (*p && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Reads an amount as people write it in a spreadsheet — an optional
 * currency sign (¥ ￥), digits grouped by thousands with commas or
 * spaces (ASCII or full-width), an optional fraction, then an optional
 * 万 and an optional unit 元 — into plain "123.45". Returns NULL for
 * anything else: a grouping like "1,50" is refused rather than guessed. */
static char *
normalise_amount (const char *text,
                  gboolean   *out_wan)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = skip_spaces (text);
  guint group = 0, n_digits = 0;
  gboolean grouped = FALSE;

  *out_wan = FALSE;
  if (peek (p) == 0x00A5 || peek (p) == 0xFFE5) /* ¥ ￥ */
    p = skip_spaces (g_utf8_next_char (p));

  for (;;)
    {
      gunichar c = peek (p);
      const char *next;

      if (is_digit (c))
        {
          g_string_append_c (digits, (char) c);
          group++, n_digits++;
          p = g_utf8_next_char (p);
          continue;
        }
      if (c != ',' && !g_unichar_isspace (c))
        break;
      next = skip_spaces (g_utf8_next_char (p));
      if (n_digits == 0 || !is_digit (peek (next)))
        break;
      /* a thousands separator: 1–3 digits before the first, 3 after each */
      if (grouped ? group != 3 : group > 3)
        return NULL;
      grouped = TRUE;
      group = 0;
      p = next;
    }
  if (grouped && group != 3)
    return NULL;

  if (peek (p) == '.')
    {
      g_string_append_c (digits, '.');
      for (p = g_utf8_next_char (p); is_digit (peek (p)); p = g_utf8_next_char (p), n_digits++)
        g_string_append_c (digits, (char) peek (p));
    }
  if (n_digits == 0)
    return NULL;

  p = skip_spaces (p);
  if (peek (p) == 0x4E07) /* 万: ten thousand yuan */
    {
      *out_wan = TRUE;
      p = skip_spaces (g_utf8_next_char (p));
    }
  if (peek (p) == 0x5143) /* 元 */
    p = skip_spaces (g_utf8_next_char (p));

  return *p == '\0' ? g_string_free (g_steal_pointer (&digits), FALSE) : NULL;
}

static gboolean
parse_digits (const char *digits,
              guint       scale_digits,
              gint64     *out_fen)
{
  const char *dot = strchr (digits, '.');
  gint64 whole = 0, frac = 0;
  guint n_frac = 0;

  if (*digits == '\0' || g_str_equal (digits, "."))
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

  /* @out_fen is left alone on failure */
  if (whole + frac > YISHI_MONEY_MAX_FEN)
    return FALSE;

  *out_fen = whole + frac;
  return TRUE;
}

/* Only ASCII digits, with at most one decimal point: what spreadsheets
 * and exports write nearly always, and what normalise_amount () would
 * give back unchanged. */
static gboolean
is_plain_amount (const char *text)
{
  guint n_digits = 0, n_points = 0;

  for (const char *p = text; *p; p++)
    {
      if (is_digit (*p))
        n_digits++;
      else if (*p == '.')
        n_points++;
      else
        return FALSE;
    }

  return n_digits > 0 && n_points <= 1;
}

/**
 * yishi_money_parse_yuan:
 * Parses an amount in yuan as people type it — "12000", "12,000.50",
 * "￥3 000", "3000元", "1.5万", "1.5万元" — into fen, exactly.
 */
gboolean
yishi_money_parse_yuan (const char  *text,
                        gint64      *out_fen,
                        GError     **error)
{
  g_autofree char *digits = NULL;
  gboolean wan = FALSE;

  g_return_val_if_fail (out_fen != NULL, FALSE);

  if (text != NULL && is_plain_amount (text))
    {
      if (parse_digits (text, 2, out_fen))
        return TRUE;
    }
  else if (text != NULL && g_utf8_validate (text, -1, NULL))
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
