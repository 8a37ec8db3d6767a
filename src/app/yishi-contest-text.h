#pragma once

#include "yishi-contest-store.h"

G_BEGIN_DECLS

/* How the contest widgets word points and recusals. */

/* "30", "0.5", "0.25": hundredths of a point without trailing zeros. */
char       *yishi_contest_points_text          (gint64             hundredths);
/* "¥200,000.00" */
char       *yishi_contest_yuan_text            (gint64             fen);
/* "Is the proposer", "Same grid", …: the choices of a drop-down. */
const char *yishi_recusal_reason_label         (YishiRecusalReason reason);
/* "is the proposer", "lives in the same grid", …: after a judge's name. */
const char *yishi_recusal_reason_phrase        (YishiRecusalReason reason);

G_END_DECLS
