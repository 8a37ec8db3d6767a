#include <string.h>

#include <glib.h>

#include "yishi-uuid.h"

/* 2026-11-28T05:25:14.123Z */
#define SOME_MS G_GINT64_CONSTANT (1795843514123)

static void
assert_format (const char *uuid)
{
  g_assert_cmpuint (strlen (uuid), ==, YISHI_UUID_LENGTH);
  g_assert_true (g_uuid_string_is_valid (uuid));
  for (guint i = 0; i < YISHI_UUID_LENGTH; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        g_assert_cmpint (uuid[i], ==, '-');
      else
        g_assert_true (g_ascii_isdigit (uuid[i]) || (uuid[i] >= 'a' && uuid[i] <= 'f'));
    }

  /* version 7, variant 10xx */
  g_assert_cmpint (uuid[14], ==, '7');
  g_assert_nonnull (strchr ("89ab", uuid[19]));
}

/* The first 48 bits are the time in milliseconds. */
static gint64
uuid_ms (const char *uuid)
{
  char hex[13];

  memcpy (hex, uuid, 8);
  memcpy (hex + 8, uuid + 9, 4);
  hex[12] = '\0';
  return g_ascii_strtoll (hex, NULL, 16);
}

static void
test_format (void)
{
  g_autoptr(YishiUuidGenerator) generator = yishi_uuid_generator_new ();
  char uuid[YISHI_UUID_LENGTH + 1];
  gint64 before = g_get_real_time () / 1000;

  yishi_uuid_generator_next (generator, uuid);
  assert_format (uuid);
  g_assert_cmpint (uuid_ms (uuid), >=, before);
  g_assert_cmpint (uuid_ms (uuid), <=, g_get_real_time () / 1000);

  g_clear_pointer (&generator, yishi_uuid_generator_free);
  generator = yishi_uuid_generator_new ();
  yishi_uuid_generator_next_at (generator, SOME_MS + 60000, uuid);
  assert_format (uuid);
  g_assert_true (g_str_has_prefix (uuid, "01a2209e-496b-7"));
  g_assert_cmpint (uuid_ms (uuid), ==, SOME_MS + 60000);
}

static void
test_order_within_ms (void)
{
  g_autoptr(YishiUuidGenerator) generator = yishi_uuid_generator_new ();
  char first[YISHI_UUID_LENGTH + 1], second[YISHI_UUID_LENGTH + 1];

  yishi_uuid_generator_next_at (generator, SOME_MS, first);
  yishi_uuid_generator_next_at (generator, SOME_MS, second);
  assert_format (second);
  g_assert_cmpstr (first, <, second);
  g_assert_cmpint (uuid_ms (first), ==, SOME_MS);
  g_assert_cmpint (uuid_ms (second), ==, SOME_MS);
}

static void
test_order_across_ms (void)
{
  g_autoptr(YishiUuidGenerator) generator = yishi_uuid_generator_new ();
  char first[YISHI_UUID_LENGTH + 1], second[YISHI_UUID_LENGTH + 1];

  yishi_uuid_generator_next_at (generator, SOME_MS, first);
  yishi_uuid_generator_next_at (generator, SOME_MS + 1, second);
  g_assert_cmpstr (first, <, second);
  g_assert_cmpint (uuid_ms (second), ==, SOME_MS + 1);
}

/* A clock set back never makes a smaller UUID. */
static void
test_order_clock_back (void)
{
  g_autoptr(YishiUuidGenerator) generator = yishi_uuid_generator_new ();
  char first[YISHI_UUID_LENGTH + 1], second[YISHI_UUID_LENGTH + 1];

  yishi_uuid_generator_next_at (generator, SOME_MS, first);
  yishi_uuid_generator_next_at (generator, SOME_MS - 5000, second);
  g_assert_cmpstr (first, <, second);
  g_assert_cmpint (uuid_ms (second), ==, SOME_MS);
}

/* More UUIDs in one millisecond than the counter holds stay in order,
 * and all differ. */
static void
test_order_many (void)
{
  g_autoptr(YishiUuidGenerator) generator = yishi_uuid_generator_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char last[YISHI_UUID_LENGTH + 1] = "";

  for (guint i = 0; i < 10000; i++)
    {
      char uuid[YISHI_UUID_LENGTH + 1];

      yishi_uuid_generator_next_at (generator, SOME_MS, uuid);
      assert_format (uuid);
      g_assert_cmpstr (last, <, uuid);
      g_assert_true (g_hash_table_add (seen, g_strdup (uuid)));
      memcpy (last, uuid, sizeof uuid);
    }
  g_assert_cmpint (uuid_ms (last), >, SOME_MS);
  g_assert_cmpint (uuid_ms (last), <, SOME_MS + 10);
}

/* Two generators, as two programs writing one database, do not repeat
 * each other. */
static void
test_random_bits (void)
{
  g_autoptr(YishiUuidGenerator) a = yishi_uuid_generator_new ();
  g_autoptr(YishiUuidGenerator) b = yishi_uuid_generator_new ();
  char uuid_a[YISHI_UUID_LENGTH + 1], uuid_b[YISHI_UUID_LENGTH + 1];

  yishi_uuid_generator_next_at (a, SOME_MS, uuid_a);
  yishi_uuid_generator_next_at (b, SOME_MS, uuid_b);
  g_assert_cmpstr (uuid_a, !=, uuid_b);
  g_assert_cmpstr (uuid_a + 19, !=, uuid_b + 19);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uuid/format", test_format);
  g_test_add_func ("/uuid/order/within-ms", test_order_within_ms);
  g_test_add_func ("/uuid/order/across-ms", test_order_across_ms);
  g_test_add_func ("/uuid/order/clock-back", test_order_clock_back);
  g_test_add_func ("/uuid/order/many", test_order_many);
  g_test_add_func ("/uuid/random-bits", test_random_bits);

  return g_test_run ();
}
