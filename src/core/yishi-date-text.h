#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates, times of day and lengths of time as people type and read them.
 * A Chinese input method's full-width colon (：) counts as a colon. */

/* "YYYY-MM-DD"; the month and the day may have one digit. */
gboolean  yishi_date_text_parse_date        (const char *text,
                                             GDate      *out_date);
/* "HH:MM" on a 24-hour clock; the hour may have one digit. */
gboolean  yishi_date_text_parse_time        (const char *text,
                                             guint      *out_hour,
                                             guint      *out_minute);
/* "M:SS", or a number of seconds; at least one second. */
gboolean  yishi_date_text_parse_duration    (const char *text,
                                             guint      *out_seconds);
/* “2 minutes”, “1 minute 30 seconds”, “45 seconds”. */
char     *yishi_date_text_describe_duration (guint       seconds);

G_END_DECLS
