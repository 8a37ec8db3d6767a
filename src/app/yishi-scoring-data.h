#pragma once

#include "yishi-contest-roster.h"

G_BEGIN_DECLS

/* What the scoring grid shows, read in one worker job: the contest, its
 * criteria, judges, entries and recusals, and one judge's scores. */
typedef struct
{
  YishiContestRow *contest;
  GPtrArray       *criteria;  /* YishiContestCriterionRow, by position */
  GPtrArray       *judges;    /* YishiContestJudgeRow, by name */
  GPtrArray       *entries;   /* YishiContestEntryRow, by proposal id */
  GPtrArray       *recusals;  /* YishiContestRecusalRow */
  gint64           judge_id;  /* whose scores these are; 0 when there are no judges */
  GArray          *scores;    /* YishiContestScoreRow of that judge */
} YishiScoringData;

/* Reads everything for @judge_id, or the first judge when @judge_id is
 * 0 or no longer a judge. Blocks: call it from a worker. */
YishiScoringData *yishi_scoring_data_read  (YishiDatabase          *db,
                                            gint64                  contest_id,
                                            gint64                  judge_id,
                                            GError                **error);
void              yishi_scoring_data_free  (YishiScoringData       *data);
/* Why the judge is recused from the proposal, or NULL when not. */
const YishiContestRecusalRow *
                  yishi_scoring_data_find_recusal (const YishiScoringData *data,
                                                   gint64                  proposal_id);
/* The judge's points for the proposal on the criterion, or -1. */
gint64            yishi_scoring_data_find_points  (const YishiScoringData *data,
                                                   gint64                  proposal_id,
                                                   gint64                  criterion_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiScoringData, yishi_scoring_data_free)

G_END_DECLS
