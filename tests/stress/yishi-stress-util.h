#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The seed of a stress test's random choices: $YISHI_STRESS_SEED when
 * set, to repeat a run that failed, or else a new one. It is printed
 * either way. */
guint32      yishi_stress_seed         (void);
/* A generator for one test, from the run's seed and the test's own
 * number, so that one test repeats alone (with -p) as it ran with the
 * others. */
GRand       *yishi_stress_rand_new     (guint32             seed,
                                        guint               test);
/* The yishictl under test: $YISHICTL, set by meson. */
const char  *yishi_stress_yishictl     (void);
/* A launcher for yishictl that keeps its error output in @stderr_path
 * and drops its normal output. */
GSubprocess *yishi_stress_spawn        (const char         *stderr_path,
                                        const char * const *args);
/* The whole of a text file; "" when it does not exist. */
char        *yishi_stress_read_text    (const char         *path);
/* The size of a file in bytes; -1 when it does not exist. */
gint64       yishi_stress_file_size    (const char         *path);

G_END_DECLS
