#pragma once

#include <glib.h>

#include "yishi-contest-results.h"
#include "yishi-doc.h"

G_BEGIN_DECLS

/* The public notice (公示) of a contest's results, in the user's
 * language, as a residents' committee posts it on its board: who judged
 * what and how, the ranked table with per-criterion averages, the chart,
 * each tie and the rule that broke it, the funding line and each
 * organiser's override with its reason, the objection period, then the
 * organiser and the date. A contest not yet published gives a draft,
 * marked as such, dated today. */
YishiDoc *yishi_contest_notice_build (const YishiContestResults  *results);
/* Builds the notice and writes it as PDF or ODF text, by the extension
 * of @path (.pdf or .odt, in any case). */
gboolean  yishi_contest_notice_write (const YishiContestResults  *results,
                                      const char                 *path,
                                      GError                    **error);

G_END_DECLS
