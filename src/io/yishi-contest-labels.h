#pragma once

#include "yishi-contest-roster.h"

G_BEGIN_DECLS

/* Translated names of the contest record's keys, and the short texts
 * windows show about a contest. */
const char *yishi_contest_state_label    (YishiContestState   state);
const char *yishi_contest_scope_label    (YishiContestScope   scope);
/* “Judging · trimmed mean · budget ¥300,000.00”, for lists. */
char       *yishi_contest_text_summary   (const YishiContestRow *contest);
/* “12 of 30 scored”; “all 30 scored” once complete. */
char       *yishi_contest_text_progress  (guint               n_scored,
                                          guint               n_expected);
/* Hundredths of a point as shown: “27.50”. */
char       *yishi_contest_text_points    (gint64              hundredths);

G_END_DECLS
