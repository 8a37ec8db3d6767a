#include "config.h"

#include "yishi-contest-json.h"
#include "yishi-money.h"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

/* "" (none) becomes null too. */
static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  add_string (builder, member, text != NULL && *text != '\0' ? text : NULL);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* "budget": "200000.00" and "budget_fen": 20000000. */
static void
add_money (JsonBuilder *builder,
           const char  *member,
           gint64       fen)
{
  g_autofree char *yuan = yishi_money_format_plain (fen);
  g_autofree char *fen_member = g_strconcat (member, "_fen", NULL);

  add_string (builder, member, yuan);
  add_int (builder, fen_member, fen);
}

/* Hundredths of a point as "30.00". */
static void
add_points (JsonBuilder *builder,
            const char  *member,
            gint64       points)
{
  YishiContestScore score;
  g_autofree char *text = NULL;

  yishi_contest_score_init_exact (&score, points, 1);
  text = yishi_contest_score_format (&score);
  add_string (builder, member, text);
}

/* A score as "87.25", or null for a place no judge scored. */
static void
add_score (JsonBuilder             *builder,
           const char              *member,
           const YishiContestScore *score,
           gboolean                 known)
{
  g_autofree char *text = known ? yishi_contest_score_format (score) : NULL;

  add_string (builder, member, text);
}

static void
add_contest_members (JsonBuilder               *builder,
                     const YishiContestSummary *summary)
{
  const YishiContestRow *row = summary->contest;

  add_int (builder, "id", row->id);
  add_string (builder, "uuid", row->uuid);
  add_string (builder, "name", row->name);
  add_text (builder, "organiser", row->organiser);
  add_string (builder, "scope", yishi_contest_scope_to_key (row->scope));
  add_money (builder, "budget", row->budget_fen);
  add_string (builder, "opens_on", row->opens_on);
  add_string (builder, "closes_on", row->closes_on);
  add_string (builder, "state", yishi_contest_state_to_key (row->state));
  add_string (builder, "aggregation", yishi_contest_aggregation_to_key (row->aggregation));
  add_string (builder, "funding", yishi_contest_funding_rule_to_key (row->funding));
  json_builder_set_member_name (builder, "top_n");
  if (row->funding == YISHI_CONTEST_FUNDING_TOP_N)
    json_builder_add_int_value (builder, row->top_n);
  else
    json_builder_add_null_value (builder);
  add_bool (builder, "recuse_same_grid", row->recuse_same_grid);
  /* the seed is below 2^63: drawn as a non-negative gint64 */
  add_int (builder, "seed", (gint64) row->lots_seed);
  add_int (builder, "objection_days", row->objection_days);
  add_string (builder, "published_on", row->published_on);
  add_int (builder, "n_criteria", summary->n_criteria);
  add_int (builder, "n_judges", summary->n_judges);
  add_int (builder, "n_entries", summary->n_entries);
}

static void
add_contest (JsonBuilder               *builder,
             const YishiContestSummary *summary)
{
  json_builder_begin_object (builder);
  add_contest_members (builder, summary);
  json_builder_end_object (builder);
}

JsonNode *
yishi_json_contest (const YishiContestSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (summary != NULL && summary->contest != NULL, NULL);

  add_contest (builder, summary);
  return json_builder_get_root (builder);
}

JsonNode *
yishi_json_contest_list (const YishiContestSummary *summaries,
                         guint                      n_summaries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (summaries != NULL || n_summaries == 0, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_summaries; i++)
    add_contest (builder, &summaries[i]);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
add_criteria (JsonBuilder *builder,
              GPtrArray   *criteria)
{
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < criteria->len; i++)
    {
      const YishiContestCriterionRow *row = criteria->pdata[i];

      json_builder_begin_object (builder);
      add_int (builder, "id", row->id);
      add_string (builder, "name", row->name);
      add_points (builder, "max_points", row->max_points);
      add_points (builder, "step", row->step);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The fraction behind a score, so a script can compare exactly; null
 * for the normalised score, a double, and for a place without one. */
static void
add_exact (JsonBuilder             *builder,
           const YishiContestScore *score,
           gboolean                 known)
{
  json_builder_set_member_name (builder, "final_score_exact");
  if (!known || !yishi_contest_score_is_exact (score))
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_int (builder, "numerator", score->numerator);
  add_int (builder, "denominator", score->denominator);
  json_builder_end_object (builder);
}

static void
add_criterion_averages (JsonBuilder               *builder,
                        const YishiContestResults *results,
                        const YishiContestPlace   *place)
{
  json_builder_set_member_name (builder, "criterion_averages");
  json_builder_begin_array (builder);
  for (guint c = 0; c < results->criteria->len && c < results->ranking->n_criteria; c++)
    {
      const YishiContestCriterionRow *criterion = results->criteria->pdata[c];
      YishiContestScore average = { 0, 1, 0.0 };

      if (place->n_judges > 0)
        yishi_contest_place_criterion_average (results->ranking, place, c, &average);
      json_builder_begin_object (builder);
      add_int (builder, "criterion_id", criterion->id);
      add_string (builder, "name", criterion->name);
      add_score (builder, "average", &average, place->n_judges > 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_funding (JsonBuilder             *builder,
             const YishiContestGrant *grant,
             gint64                   cost)
{
  add_money (builder, "cost", cost);
  add_bool (builder, "funded", grant != NULL && grant->funded);
  add_bool (builder, "overridden", grant != NULL && grant->overridden);
  add_string (builder, "override_reason", grant != NULL ? grant->reason : NULL);
}

static void
add_place (JsonBuilder               *builder,
           const YishiContestResults *results,
           const YishiContestPlace   *place)
{
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, place->proposal_id);
  const YishiContestGrant *grant = yishi_contest_funding_find (results->funding, place->proposal_id);
  gboolean ranked = place->rank > 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rank");
  if (ranked)
    json_builder_add_int_value (builder, place->rank);
  else
    json_builder_add_null_value (builder);
  add_int (builder, "proposal_id", place->proposal_id);
  add_string (builder, "code", entry != NULL ? entry->code : NULL);
  add_string (builder, "title", entry != NULL ? entry->title : NULL);
  add_score (builder, "final_score", &place->final_score, ranked);
  add_exact (builder, &place->final_score, ranked);
  add_bool (builder, "fell_back", place->fell_back);
  add_int (builder, "n_judges", place->n_judges);
  add_score (builder, "mean", &place->mean, ranked);
  add_criterion_averages (builder, results, place);
  add_funding (builder, grant, place->cost);
  add_string (builder, "tie_break", yishi_contest_tie_break_to_key (place->tie_break));
  json_builder_end_object (builder);
}

JsonNode *
yishi_json_contest_results (const YishiContestResults *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  YishiContestSummary summary = { 0 };
  const YishiContestRanking *ranking;

  g_return_val_if_fail (results != NULL && results->ranking != NULL && results->funding != NULL, NULL);

  ranking = results->ranking;
  summary.contest = results->contest;
  summary.n_criteria = results->criteria->len;
  summary.n_judges = results->n_judges;
  summary.n_entries = results->entries->len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "contest");
  add_contest (builder, &summary);
  add_string (builder, "aggregation", yishi_contest_aggregation_to_key (ranking->aggregation));
  add_int (builder, "seed", (gint64) ranking->seed);
  add_criteria (builder, results->criteria);
  json_builder_set_member_name (builder, "ranking");
  json_builder_begin_array (builder);
  for (guint i = 0; i < yishi_contest_ranking_get_n_places (ranking); i++)
    add_place (builder, results, yishi_contest_ranking_get (ranking, i));
  json_builder_end_array (builder);
  add_string (builder, "funding", yishi_contest_funding_rule_to_key (results->funding->rule));
  add_money (builder, "budget", results->funding->budget);
  add_money (builder, "spent", results->funding->spent);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
