#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A UUID as text: 8-4-4-4-12 lower-case hex digits. */
#define YISHI_UUID_LENGTH 36

/**
 * YishiUuidGenerator:
 * Makes time-ordered UUIDs (version 7 of RFC 9562): a 48-bit Unix time in
 * milliseconds, then a 12-bit counter, then 62 random bits. Each UUID is
 * greater, as text too, than the one before it from the same generator,
 * even when several come in one millisecond or the clock goes back; so a
 * table's UUID index grows at its end instead of taking each new key at a
 * random place. They are ordinary UUIDs to everyone else
 * (g_uuid_string_is_valid () accepts them).
 *
 * Not thread-safe: each owner serialises its calls.
 */
typedef struct _YishiUuidGenerator YishiUuidGenerator;

YishiUuidGenerator *yishi_uuid_generator_new     (void);
void                yishi_uuid_generator_free    (YishiUuidGenerator *generator);
void                yishi_uuid_generator_next    (YishiUuidGenerator *generator,
                                                  char                out[YISHI_UUID_LENGTH + 1]);
void                yishi_uuid_generator_next_at (YishiUuidGenerator *generator,
                                                  gint64              unix_ms,
                                                  char                out[YISHI_UUID_LENGTH + 1]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiUuidGenerator, yishi_uuid_generator_free)

G_END_DECLS
