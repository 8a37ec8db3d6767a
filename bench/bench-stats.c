#include "config.h"

#include "bench-stats.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bench_summarise (GArray *times,
                 double *out_median,
                 double *out_p95)
{
  guint n = times->len;
  guint rank = (95 * n + 99) / 100;

  g_assert (n > 0);
  g_array_sort (times, compare_double);
  *out_median = n % 2 ? g_array_index (times, double, n / 2)
                      : (g_array_index (times, double, n / 2 - 1) +
                         g_array_index (times, double, n / 2)) / 2;
  *out_p95 = g_array_index (times, double, rank - 1);
}

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}
