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
  g_autoptr(YishiScoringData) data = g_new0 (YishiScoringData, 1);

  if ((data->contest = yishi_contest_store_get (db, contest_id, error)) == NULL ||
      (data->criteria = yishi_contest_store_list_criteria (db, contest_id, error)) == NULL ||
      (data->judges = yishi_contest_store_list_judges (db, contest_id, error)) == NULL ||
      (data->entries = yishi_contest_store_list_entries (db, contest_id, error)) == NULL)
    return NULL;
  data->judge_id = choose_judge (data->judges, judge_id);
  if (data->judge_id == 0)
    {
      data->recusals = g_ptr_array_new ();
      data->scores = g_array_new (FALSE, FALSE, sizeof (YishiContestScoreRow));
      return g_steal_pointer (&data);
    }
  if ((data->recusals = yishi_contest_store_list_recusals (db, contest_id, error)) == NULL ||
      (data->scores = yishi_contest_store_read_judge_scores (db, contest_id, data->judge_id, error)) == NULL)
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
