#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Median and 95th percentile (nearest rank) of @times, in ms; sorts
 * @times. */
void   bench_summarise (GArray *times,
                        double *out_median,
                        double *out_p95);
/* Milliseconds since @start, a g_get_monotonic_time () reading. */
double bench_ms_since  (gint64  start);

G_END_DECLS
