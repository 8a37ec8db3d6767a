#include "config.h"

#include "yishi-scoring-data.h"

void
yishi_scoring_data_free (YishiScoringData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->contest, yishi_contest_row_free);
  g_clear_pointer (&data->criteria, g_ptr_array_unref);
  g_clear_pointer (&data->judges, g_ptr_array_unref);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->recusals, g_ptr_array_unref);
  g_clear_pointer (&data->scores, g_array_unref);
  g_free (data);
}

static gint64
choose_judge (GPtrArray *judges,
              gint64     wanted)
{
  for (guint i = 0; i < judges->len; i++)
    if (((YishiContestJudgeRow *) judges->pdata[i])->person_id == wanted)
      return wanted;
  return judges->len > 0 ? ((YishiContestJudgeRow *) judges->pdata[0])->person_id : 0;
}

YishiScoringData *
yishi_scoring_data_read (YishiDatabase  *db,
                         gint64          contest_id,
                         gint64          judge_id,
                         GError        **error)
{
  g_autoptr(YishiContestRoster) roster = yishi_contest_store_roster (db, contest_id, error);
  g_autoptr(YishiScoringData) data = NULL;

  if (roster == NULL)
    return NULL;
  data = g_new0 (YishiScoringData, 1);
  data->contest = g_steal_pointer (&roster->contest);
  data->criteria = g_steal_pointer (&roster->criteria);
  data->judges = g_steal_pointer (&roster->judges);
  data->entries = g_steal_pointer (&roster->entries);
  data->recusals = g_steal_pointer (&roster->recusals);
  data->judge_id = choose_judge (data->judges, judge_id);
  data->scores = data->judge_id == 0
    ? g_array_new (FALSE, FALSE, sizeof (YishiContestScoreRow))
    : yishi_contest_store_read_judge_scores (db, contest_id, data->judge_id, error);
  if (data->scores == NULL)
    return NULL;
  return g_steal_pointer (&data);
}

const YishiContestRecusalRow *
yishi_scoring_data_find_recusal (const YishiScoringData *data,
                                 gint64                  proposal_id)
{
  for (guint i = 0; i < data->recusals->len; i++)
    {
      const YishiContestRecusalRow *row = data->recusals->pdata[i];

      if (row->judge_id == data->judge_id && row->proposal_id == proposal_id)
        return row;
    }
  return NULL;
}

gint64
yishi_scoring_data_find_points (const YishiScoringData *data,
                                gint64                  proposal_id,
                                gint64                  criterion_id)
{
  for (guint i = 0; i < data->scores->len; i++)
    {
      const YishiContestScoreRow *score = &g_array_index (data->scores, YishiContestScoreRow, i);

      if (score->proposal_id == proposal_id && score->criterion_id == criterion_id)
        return score->points;
    }
  return -1;
}
