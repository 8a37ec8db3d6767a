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

/* "¥200,000.00" */
char       *yishi_contest_yuan_text            (gint64             fen);
/* "Is the proposer", "Same grid", …: the choices of a drop-down. */
const char *yishi_recusal_reason_label         (YishiRecusalReason reason);
/* "is the proposer", "lives in the same grid", …: after a judge's name. */
const char *yishi_recusal_reason_phrase        (YishiRecusalReason reason);

G_END_DECLS
