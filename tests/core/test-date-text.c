#include <locale.h>

#include <glib.h>

#include "yishi-date-text.h"

static void
test_parse_date (void)
{
  struct { const char *text; guint year, month, day; } good[] = {
    { "2025-06-06", 2025, 6, 6 },
    { "2025-6-6", 2025, 6, 6 },
    { "2024-02-29", 2024, 2, 29 },
    { "0001-01-01", 1, 1, 1 },
  };
  const char *bad[] = {
    NULL, "", "2025", "2025-06", "2025-06-06-01", "25-06-06", "2025-13-01", "2025-00-10",
    "2025-02-29", "2025-04-31", "2025-06-6a", "2025-006-06", "2025/06/06", " 2025-06-06", "+2025-06-06",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate date;

      g_assert_true (yishi_date_text_parse_date (good[i].text, &date));
      g_assert_cmpuint (g_date_get_year (&date), ==, good[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, good[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, good[i].day);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;

      g_assert_false (yishi_date_text_parse_date (bad[i], &date));
    }
}

static void
test_parse_time (void)
{
  struct { const char *text; guint hour, minute; } good[] = {
    { "19:30", 19, 30 },
    { "9:05", 9, 5 },
    { "09:05", 9, 5 },
    { "00:00", 0, 0 },
    { "23:59", 23, 59 },
    { "19：30", 19, 30 }, /* a full-width colon */
  };
  const char *bad[] = {
    NULL, "", "19", "1930", "24:00", "25:61", "19:60", "19:5", "19:300", "019:30", "19:30:00", ":30", "19:",
    "a9:30", "19.30",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint hour, minute;

      g_assert_true (yishi_date_text_parse_time (good[i].text, &hour, &minute));
      g_assert_cmpuint (hour, ==, good[i].hour);
      g_assert_cmpuint (minute, ==, good[i].minute);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint hour, minute;

      g_assert_false (yishi_date_text_parse_time (bad[i], &hour, &minute));
    }
}

static void
test_parse_duration (void)
{
  struct { const char *text; guint seconds; } good[] = {
    { "120", 120 },
    { "2:00", 120 },
    { "1:30", 90 },
    { "0:45", 45 },
    { " 3:05 ", 185 },
    { "1：30", 90 },
    { "90", 90 },
  };
  const char *bad[] = { NULL, "", "0", "0:00", "1:5", "1:60", "-5", "2:00:00", "two", ":30", "2:" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint seconds;

      g_assert_true (yishi_date_text_parse_duration (good[i].text, &seconds));
      g_assert_cmpuint (seconds, ==, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint seconds;

      g_assert_false (yishi_date_text_parse_duration (bad[i], &seconds));
    }
}

static void
test_describe_duration (void)
{
  struct { guint seconds; const char *text; } cases[] = {
    { 1, "1 second" },
    { 45, "45 seconds" },
    { 60, "1 minute" },
    { 61, "1 minute 1 second" },
    { 90, "1 minute 30 seconds" },
    { 120, "2 minutes" },
    { 150, "2 minutes 30 seconds" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = yishi_date_text_describe_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-text/parse-date", test_parse_date);
  g_test_add_func ("/date-text/parse-time", test_parse_time);
  g_test_add_func ("/date-text/parse-duration", test_parse_duration);
  g_test_add_func ("/date-text/describe-duration", test_describe_duration);

  return g_test_run ();
}
