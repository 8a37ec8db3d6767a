#include <locale.h>

#include <glib.h>

#include "yishi-error.h"
#include "yishi-money.h"

static gint64
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -42;

  if (!yishi_money_parse_yuan (text, &fen, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_no_error (error);
  return fen;
}

static void
assert_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -42;

  if (yishi_money_parse_yuan (text, &fen, &error))
    g_error ("“%s” was accepted as %" G_GINT64_FORMAT " fen", text, fen);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpint (fen, ==, -42); /* untouched on failure */
}

static void
test_parse_plain (void)
{
  g_assert_cmpint (parse_ok ("12000"), ==, 1200000);
  g_assert_cmpint (parse_ok ("0"), ==, 0);
  g_assert_cmpint (parse_ok ("0.00"), ==, 0);
  g_assert_cmpint (parse_ok ("7"), ==, 700);
  g_assert_cmpint (parse_ok ("007"), ==, 700);
  g_assert_cmpint (parse_ok ("12.5"), ==, 1250);
  g_assert_cmpint (parse_ok ("12.05"), ==, 1205);
  g_assert_cmpint (parse_ok ("0.01"), ==, 1);
  g_assert_cmpint (parse_ok (".5"), ==, 50);
  g_assert_cmpint (parse_ok ("5."), ==, 500);
  g_assert_cmpint (parse_ok ("  12000  "), ==, 1200000);
}

static void
test_parse_grouped (void)
{
  g_assert_cmpint (parse_ok ("12,000.50"), ==, 1200050);
  g_assert_cmpint (parse_ok ("1,234,567"), ==, 123456700);
  g_assert_cmpint (parse_ok ("1，234"), ==, 123400);          /* full-width comma */
  g_assert_cmpint (parse_ok ("3 000"), ==, 300000);
  g_assert_cmpint (parse_ok ("3\u3000000"), ==, 300000);      /* full-width space */
  g_assert_cmpint (parse_ok ("3\u00a0000"), ==, 300000);      /* no-break space */
  g_assert_cmpint (parse_ok ("999,999.99"), ==, 99999999);
}

static void
test_parse_currency (void)
{
  g_assert_cmpint (parse_ok ("￥3 000"), ==, 300000);
  g_assert_cmpint (parse_ok ("¥3,000"), ==, 300000);
  g_assert_cmpint (parse_ok ("￥ 12.50"), ==, 1250);
  g_assert_cmpint (parse_ok ("3000元"), ==, 300000);
  g_assert_cmpint (parse_ok ("3000 元"), ==, 300000);
  g_assert_cmpint (parse_ok ("￥3000元"), ==, 300000);
}

static void
test_parse_wan (void)
{
  g_assert_cmpint (parse_ok ("1.5万"), ==, 1500000);
  g_assert_cmpint (parse_ok ("1万"), ==, 1000000);
  g_assert_cmpint (parse_ok ("12万"), ==, 12000000);
  g_assert_cmpint (parse_ok ("0.0001万"), ==, 100);           /* one yuan */
  g_assert_cmpint (parse_ok ("0.000001万"), ==, 1);           /* one fen */
  g_assert_cmpint (parse_ok ("1.5 万"), ==, 1500000);
  g_assert_cmpint (parse_ok ("1.5万元"), ==, 1500000);
  g_assert_cmpint (parse_ok ("￥2.35万元"), ==, 2350000);

  assert_refused ("0.0000001万");  /* finer than a fen */
  assert_refused ("万");
  assert_refused ("1万5");
  assert_refused ("1万万");
  assert_refused ("万1");
  assert_refused ("1元万");
}

static void
test_parse_full_width (void)
{
  g_assert_cmpint (parse_ok ("１２０００"), ==, 1200000);
  g_assert_cmpint (parse_ok ("１２，０００．５０"), ==, 1200050);
  g_assert_cmpint (parse_ok ("１．５万"), ==, 1500000);
  g_assert_cmpint (parse_ok ("￥１２３元"), ==, 12300);
}

static void
test_parse_refused (void)
{
  const char *refused[] = {
    "", " ", "\u3000", ".", "abc", "12a", "a12", "1.234", "12.345", "-5", "+5", "1e5",
    "1E5", "0x10", "1.2.3", "12..5", "1,50", "1,2345", "12,34", "1234,567", ",123",
    "123,", "1,,000", "1, 000 ,000", "3元000", "3000￥", "￥", "元", "5 元 元", "NaN",
    "inf", "١٢", /* Arabic-Indic digits are not read as numbers */
    "１２a", "12\t34",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (refused[i]);
}

static void
test_parse_invalid_input (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen = -42;

  assert_refused (NULL);
  assert_refused ("12\xff");
  assert_refused ("\xe4\xb8"); /* a cut-off character */

  g_assert_false (yishi_money_parse_yuan ("\xc0\x80", &fen, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_parse_error_message (void)
{
  g_autoptr(GError) error = NULL;
  gint64 fen;

  g_assert_false (yishi_money_parse_yuan ("十二万", &fen, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "十二万"));
}

static void
test_parse_limits (void)
{
  /* the limit itself: 100 billion yuan */
  g_assert_cmpint (parse_ok ("100000000000"), ==, YISHI_MONEY_MAX_FEN);
  g_assert_cmpint (parse_ok ("100,000,000,000.00"), ==, YISHI_MONEY_MAX_FEN);
  g_assert_cmpint (parse_ok ("10000000万"), ==, YISHI_MONEY_MAX_FEN);
  g_assert_cmpint (parse_ok ("99999999999.99"), ==, YISHI_MONEY_MAX_FEN - 1);
  g_assert_cmpint (parse_ok ("9999999.999999万"), ==, YISHI_MONEY_MAX_FEN - 1);

  /* one fen above it */
  assert_refused ("100000000000.01");
  assert_refused ("10000000.000001万");
  assert_refused ("100000000001");
  assert_refused ("10000001万");

  /* far above it: no overflow on the way */
  assert_refused ("92233720368547758.07");   /* G_MAXINT64 fen */
  assert_refused ("92233720368547758.08");
  assert_refused ("9223372036854775807");
  assert_refused ("18446744073709551616");
  assert_refused ("922337203685477万");
  assert_refused ("99999999999999999999999999999999999999999999999999");
  assert_refused ("1,000,000,000,000,000,000,000");
}

static void
test_format_yuan (void)
{
  struct { gint64 fen; const char *text; } cases[] = {
    { 0, "0.00" },
    { 1, "0.01" },
    { 50, "0.50" },
    { 100, "1.00" },
    { 99999, "999.99" },
    { 100000, "1,000.00" },
    { 1200050, "12,000.50" },
    { 12345678, "123,456.78" },
    { 123456789, "1,234,567.89" },
    { YISHI_MONEY_MAX_FEN, "100,000,000,000.00" },
    { -5, "-0.05" },
    { -123456, "-1,234.56" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = yishi_money_format_yuan (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_plain (void)
{
  struct { gint64 fen; const char *text; } cases[] = {
    { 0, "0.00" },
    { 7, "0.07" },
    { 1200050, "12000.50" },
    { 123456789, "1234567.89" },
    { YISHI_MONEY_MAX_FEN, "100000000000.00" },
    { -1205, "-12.05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = yishi_money_format_plain (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* What is written is read back as the same amount, in both formats. */
static void
test_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (20240315);

  for (guint i = 0; i < 5000; i++)
    {
      gint64 fen = i < 100 ? (gint64) i : (gint64) (g_rand_double (rand) * YISHI_MONEY_MAX_FEN);
      g_autofree char *grouped = yishi_money_format_yuan (fen);
      g_autofree char *plain = yishi_money_format_plain (fen);

      g_assert_cmpint (parse_ok (grouped), ==, fen);
      g_assert_cmpint (parse_ok (plain), ==, fen);
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/plain", test_parse_plain);
  g_test_add_func ("/money/parse/grouped", test_parse_grouped);
  g_test_add_func ("/money/parse/currency", test_parse_currency);
  g_test_add_func ("/money/parse/wan", test_parse_wan);
  g_test_add_func ("/money/parse/full-width", test_parse_full_width);
  g_test_add_func ("/money/parse/refused", test_parse_refused);
  g_test_add_func ("/money/parse/invalid-input", test_parse_invalid_input);
  g_test_add_func ("/money/parse/error-message", test_parse_error_message);
  g_test_add_func ("/money/parse/limits", test_parse_limits);
  g_test_add_func ("/money/format/yuan", test_format_yuan);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/round-trip", test_round_trip);

  return g_test_run ();
}
