#pragma once

#include <glib.h>

#include "yishi-contest-roster.h"
#include "yishi-doc.h"

G_BEGIN_DECLS

/* Blank score sheets (评分表) of a contest, for judges who score on
 * paper: for each judge, a sheet with the proposals down and the
 * criteria across, to fill in by hand, sign and date; a page break
 * between judges. A proposal the judge is recused from is still listed,
 * marked as such across its score cells, so the typed-in CSV lines up.
 * The numbers printed are those the score import reads: the judge's
 * person id, the proposals' ids and the criteria's names.
 *
 * @criteria: YishiContestCriterionRow, by position; @judges:
 * YishiContestJudgeRow; @entries: YishiContestEntryRow; @recusals:
 * YishiContestRecusalRow (NULL for none). */
YishiDoc *yishi_score_sheets_build     (const YishiContestRow  *contest,
                                        GPtrArray              *criteria,
                                        GPtrArray              *judges,
                                        GPtrArray              *entries,
                                        GPtrArray              *recusals);
/* The same, written to @path as an A4 PDF. */
gboolean  yishi_score_sheets_write_pdf (const YishiContestRow  *contest,
                                        GPtrArray              *criteria,
                                        GPtrArray              *judges,
                                        GPtrArray              *entries,
                                        GPtrArray              *recusals,
                                        const char             *path,
                                        GError                **error);

G_END_DECLS
