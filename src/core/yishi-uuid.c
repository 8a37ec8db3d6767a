#include "config.h"

#include "yishi-uuid.h"

/* The counter takes the 12 bits after the version ("rand_a" in RFC 9562,
 * method 1 of section 6.2). A new millisecond starts it at a random value
 * below half its range, so that it rarely runs out within one. */
#define COUNTER_MAX     0xFFF
#define COUNTER_START_N 0x800

struct _YishiUuidGenerator
{
  GRand  *rand;     /* seeded once, from the system's entropy */
  gint64  last_ms;  /* the time in the last UUID */
  guint   counter;  /* the counter in the last UUID */
};

YishiUuidGenerator *
yishi_uuid_generator_new (void)
{
  YishiUuidGenerator *generator = g_new0 (YishiUuidGenerator, 1);

  generator->rand = g_rand_new ();
  generator->last_ms = -1;
  return generator;
}

void
yishi_uuid_generator_free (YishiUuidGenerator *generator)
{
  if (generator == NULL)
    return;

  g_rand_free (generator->rand);
  g_free (generator);
}

static void
format_hex (const guint8  bytes[16],
            char          out[YISHI_UUID_LENGTH + 1])
{
  static const char digits[] = "0123456789abcdef";
  char *p = out;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = digits[bytes[i] >> 4];
      *p++ = digits[bytes[i] & 0xF];
    }
  *p = '\0';
}

/* The time and counter of the next UUID: never less than the last. */
static void
advance (YishiUuidGenerator *generator,
         gint64              unix_ms)
{
  if (unix_ms > generator->last_ms)
    {
      generator->last_ms = unix_ms;
      generator->counter = g_rand_int_range (generator->rand, 0, COUNTER_START_N);
    }
  else if (generator->counter < COUNTER_MAX)
    generator->counter++;
  else
    {
      /* the counter ran out, or the clock went back that far: borrow
       * the next millisecond, as RFC 9562 allows */
      generator->last_ms++;
      generator->counter = g_rand_int_range (generator->rand, 0, COUNTER_START_N);
    }
}

/**
 * yishi_uuid_generator_next_at:
 * Writes the next UUID for the time @unix_ms (milliseconds since 1970,
 * UTC) into @out, with its NUL.
 */
void
yishi_uuid_generator_next_at (YishiUuidGenerator *generator,
                              gint64              unix_ms,
                              char                out[YISHI_UUID_LENGTH + 1])
{
  guint8 bytes[16];
  guint32 random_1, random_2;
  guint64 ms;

  g_return_if_fail (generator != NULL);
  g_return_if_fail (out != NULL);

  advance (generator, MAX (unix_ms, 0));
  ms = (guint64) generator->last_ms;
  random_1 = g_rand_int (generator->rand);
  random_2 = g_rand_int (generator->rand);

  for (guint i = 0; i < 6; i++)
    bytes[i] = (ms >> (40 - 8 * i)) & 0xFF;
  bytes[6] = 0x70 | (generator->counter >> 8);       /* version 7 */
  bytes[7] = generator->counter & 0xFF;
  bytes[8] = 0x80 | ((random_1 >> 24) & 0x3F);       /* variant 10 */
  bytes[9] = (random_1 >> 16) & 0xFF;
  bytes[10] = (random_1 >> 8) & 0xFF;
  bytes[11] = random_1 & 0xFF;
  bytes[12] = (random_2 >> 24) & 0xFF;
  bytes[13] = (random_2 >> 16) & 0xFF;
  bytes[14] = (random_2 >> 8) & 0xFF;
  bytes[15] = random_2 & 0xFF;

  format_hex (bytes, out);
}

/* The next UUID for now. */
void
yishi_uuid_generator_next (YishiUuidGenerator *generator,
                           char                out[YISHI_UUID_LENGTH + 1])
{
  yishi_uuid_generator_next_at (generator, g_get_real_time () / 1000, out);
}
