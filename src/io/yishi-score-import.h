#pragma once

#include "yishi-contest-roster.h"
#include "yishi-csv-reader.h"

G_BEGIN_DECLS

/* The most problems one import reports: past them it stops reading, as
 * a file that bad is better fixed and read again. */
#define YISHI_SCORE_IMPORT_MAX_PROBLEMS 20

/**
 * YishiContestLookup:
 * The judges, entries, criteria and recusals of one contest, read once,
 * to find what people type: a judge by person id or exact name, a
 * proposal by id, code or exact title, a criterion by id or exact name.
 * Digits are an id first. Errors are YISHI_ERROR_NOT_FOUND, or
 * YISHI_ERROR_AMBIGUOUS naming the ids to choose from.
 */
typedef struct _YishiContestLookup YishiContestLookup;

YishiContestLookup *yishi_contest_lookup_new        (YishiDatabase       *db,
                                                     gint64               contest_id,
                                                     GError             **error);
void                yishi_contest_lookup_free       (YishiContestLookup  *lookup);
gboolean            yishi_contest_lookup_judge      (YishiContestLookup  *lookup,
                                                     const char          *text,
                                                     gint64              *out_person_id,
                                                     GError             **error);
gboolean            yishi_contest_lookup_entry      (YishiContestLookup  *lookup,
                                                     const char          *text,
                                                     gint64              *out_proposal_id,
                                                     GError             **error);
const YishiContestCriterionRow *
                    yishi_contest_lookup_criterion  (YishiContestLookup  *lookup,
                                                     const char          *text,
                                                     GError             **error);
/* The recusal of @judge_id from @proposal_id, or NULL. */
const YishiContestRecusalRow *
                    yishi_contest_lookup_recusal    (YishiContestLookup  *lookup,
                                                     gint64               judge_id,
                                                     gint64               proposal_id);

/* "27.5" → 2750: digits, then at most two decimals after a point, read
 * without floating point; full-width digits and points are accepted. */
gboolean            yishi_contest_parse_points      (const char          *text,
                                                     gint64              *out_points,
                                                     GError             **error);
/* @points against the criterion's maximum and step. */
gboolean            yishi_contest_check_points      (const YishiContestCriterionRow *criterion,
                                                     gint64               points,
                                                     GError             **error);

/**
 * yishi_score_import_read:
 * Reads a CSV file of scores, typed in from paper score sheets, and
 * checks every row against the contest. The header names the columns,
 * in any order and case: judge (评委), proposal (提案), criterion
 * (评分标准, 指标) and points (得分, 分数); other columns, such as notes,
 * are ignored. A row whose fields are all blank is skipped.
 *
 * Returns the scores (YishiContestScoreInput, each with its line), or
 * NULL with a YISHI_ERROR_IMPORT error whose message names the file,
 * the line and the column of each bad row, one a line, at most
 * YISHI_SCORE_IMPORT_MAX_PROBLEMS of them.
 *
 * Blocks: call it from a worker thread in the application.
 */
GArray *yishi_score_import_read (YishiDatabase  *db,
                                 gint64          contest_id,
                                 const char     *path,
                                 YishiEncoding   encoding,
                                 GError        **error);
/* Reads as yishi_score_import_read () does, then stores every score or
 * none; a score for the same judge, proposal and criterion replaces the
 * one stored. Returns the number of scores stored, and 0 with @error
 * set on failure. */
guint   yishi_score_import_file (YishiDatabase  *db,
                                 gint64          contest_id,
                                 const char     *path,
                                 YishiEncoding   encoding,
                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestLookup, yishi_contest_lookup_free)

G_END_DECLS
