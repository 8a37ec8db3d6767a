#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-rank.h"
#include "yishi-error.h"
#include "yishi-key-table.h"
#include "yishi-money.h"

typedef struct
{
  gint64 id;
  gint64 cost;
} SheetProposal;

typedef struct
{
  guint  proposal;
  gint64 judge;
  gint64 total;
} SheetTotal;

struct _YishiContestSheet
{
  GArray *maxima;    /* gint64 per criterion, hundredths */
  GArray *proposals; /* SheetProposal */
  GArray *totals;    /* SheetTotal, in the order added */
  GArray *sums;      /* gint64, n_proposals × n_criteria */
};

/* One judge's totals over the proposals that judge scored. */
typedef struct
{
  guint  n;
  gint64 sum;
  gint64 min;
  gint64 max;
  double mean;
  double sd;
} JudgeSpread;

static const YishiKeyEntry tie_breaks[YISHI_N_CONTEST_TIE_BREAKS] = {
  /* Translators: no tie to break; this label is not normally shown */
  { "", N_("None"), "无" },
  /* Translators: the rule that broke a tie between proposals: the mean of all judges' totals */
  { "untrimmed-mean", N_("Untrimmed mean"), "未去分平均分" },
  /* Translators: the rule that broke a tie between proposals: the average on the criterion worth most points */
  { "top-criterion", N_("Top criterion"), "最高分值标准平均分" },
  /* Translators: the rule that broke a tie between proposals: a drawing of lots */
  { "lots", N_("Lots"), "抽签" },
};

/* The SplitMix64 finaliser, one-to-one on 64 bits. */
static guint64
splitmix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/* The number @proposal_id draws with @seed; the lower ranks higher. */
guint64
yishi_contest_lots (guint64 seed,
                    gint64  proposal_id)
{
  return splitmix64 (seed ^ splitmix64 ((guint64) proposal_id));
}

/* @criterion_maxima: each criterion's maximum in hundredths, 0 …
 * YISHI_CONTEST_MAX_TOTAL, in the contest's order. */
YishiContestSheet *
yishi_contest_sheet_new (const gint64 *criterion_maxima,
                         guint         n_criteria)
{
  YishiContestSheet *sheet;

  g_return_val_if_fail (criterion_maxima != NULL || n_criteria == 0, NULL);
  for (guint c = 0; c < n_criteria; c++)
    g_return_val_if_fail (criterion_maxima[c] >= 0 && criterion_maxima[c] <= YISHI_CONTEST_MAX_TOTAL, NULL);

  sheet = g_new0 (YishiContestSheet, 1);
  sheet->maxima = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (sheet->maxima, criterion_maxima, n_criteria);
  sheet->proposals = g_array_new (FALSE, FALSE, sizeof (SheetProposal));
  sheet->totals = g_array_new (FALSE, FALSE, sizeof (SheetTotal));
  sheet->sums = g_array_new (FALSE, TRUE, sizeof (gint64));

  return sheet;
}

void
yishi_contest_sheet_free (YishiContestSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_array_unref (sheet->maxima);
  g_array_unref (sheet->proposals);
  g_array_unref (sheet->totals);
  g_array_unref (sheet->sums);
  g_free (sheet);
}

/* Returns the proposal's index for the calls below; its criterion sums
 * start at 0. */
guint
yishi_contest_sheet_add_proposal (YishiContestSheet *sheet,
                                  gint64             proposal_id,
                                  gint64             cost)
{
  SheetProposal proposal = { proposal_id, cost };

  g_return_val_if_fail (sheet != NULL, 0);

  g_array_append_val (sheet->proposals, proposal);
  g_array_set_size (sheet->sums, sheet->proposals->len * sheet->maxima->len);

  return sheet->proposals->len - 1;
}

/* One judge's total for one proposal: the sum of that judge's criterion
 * points for it, in hundredths. A recused judge has none. */
void
yishi_contest_sheet_add_total (YishiContestSheet *sheet,
                               guint              proposal,
                               gint64             judge_id,
                               gint64             total)
{
  SheetTotal row = { proposal, judge_id, total };

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (proposal < sheet->proposals->len);

  g_array_append_val (sheet->totals, row);
}

/* The sum over the scoring judges of one criterion's points, in hundredths. */
void
yishi_contest_sheet_set_criterion_sum (YishiContestSheet *sheet,
                                       guint              proposal,
                                       guint              criterion,
                                       gint64             sum)
{
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (proposal < sheet->proposals->len);
  g_return_if_fail (criterion < sheet->maxima->len);

  g_array_index (sheet->sums, gint64, proposal * sheet->maxima->len + criterion) = sum;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const SheetTotal *x = a;
  const SheetTotal *y = b;

  if (x->proposal != y->proposal)
    return (x->proposal > y->proposal) - (x->proposal < y->proposal);
  return (x->judge > y->judge) - (x->judge < y->judge);
}

static int
compare_fen (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The scale: what the criteria's maxima add up to. */
static gint64
sheet_scale (const YishiContestSheet *sheet)
{
  gint64 scale = 0;

  if (sheet->maxima->len == 0)
    return YISHI_CONTEST_MAX_TOTAL;

  /* each maximum is at most YISHI_CONTEST_MAX_TOTAL (see _new), so the sum cannot overflow */
  for (guint c = 0; c < sheet->maxima->len; c++)
    scale += g_array_index (sheet->maxima, gint64, c);
  return MIN (scale, YISHI_CONTEST_MAX_TOTAL);
}

static gboolean
check_proposals (const YishiContestSheet  *sheet,
                 GError                  **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint p = 0; p < sheet->proposals->len; p++)
    {
      SheetProposal *proposal = &g_array_index (sheet->proposals, SheetProposal, p);

      if (!g_hash_table_add (seen, &proposal->id))
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: the number is the id of a proposal in a contest */
                       _("proposal %" PRId64 " is entered twice"), (int64_t) proposal->id);
          return FALSE;
        }
      if (proposal->cost < 0 || proposal->cost > YISHI_MONEY_MAX_FEN)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: the number is the id of a proposal in a contest */
                       _("proposal %" PRId64 " has a cost out of range"), (int64_t) proposal->id);
          return FALSE;
        }
    }

  return TRUE;
}

/* Each total within 0 … the scale, no judge twice on a proposal, and
 * not more judges than the bounds allow. @totals is sorted. */
static gboolean
check_totals (const YishiContestSheet  *sheet,
              GArray                   *totals,
              GError                  **error)
{
  gint64 scale = sheet_scale (sheet);
  guint run = 0;

  for (guint i = 0; i < totals->len; i++)
    {
      SheetTotal *row = &g_array_index (totals, SheetTotal, i);
      gint64 id = g_array_index (sheet->proposals, SheetProposal, row->proposal).id;
      SheetTotal *previous = i > 0 ? row - 1 : NULL;

      run = previous != NULL && previous->proposal == row->proposal ? run + 1 : 1;

      if (row->total < 0 || row->total > scale)
        {
          g_autofree char *points = yishi_contest_points_format (row->total);
          g_autofree char *most = yishi_contest_points_format (scale);

          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: the ids of a judge and a proposal, then two numbers of points such as “101.50” and “100.00” */
                       _("judge %" PRId64 " gave proposal %" PRId64 " %s points, outside 0 to %s"),
                       (int64_t) row->judge, (int64_t) id, points, most);
          return FALSE;
        }
      if (previous != NULL && previous->proposal == row->proposal && previous->judge == row->judge)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: the ids of a judge and a proposal */
                       _("judge %" PRId64 " has two totals for proposal %" PRId64),
                       (int64_t) row->judge, (int64_t) id);
          return FALSE;
        }
      if (run > YISHI_CONTEST_MAX_JUDGES)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: the first number is the id of a proposal, %u a number of judges */
                       _("proposal %" PRId64 " has more than %u judges"),
                       (int64_t) id, (guint) YISHI_CONTEST_MAX_JUDGES);
          return FALSE;
        }
    }

  return TRUE;
}

/* Each criterion's sum within 0 … its maximum × the judges, and the sums
 * adding up to the judges' totals: otherwise the store passed scores of
 * two different sheets. */
static gboolean
check_sums (const YishiContestSheet  *sheet,
            guint                     proposal,
            guint                     n_judges,
            gint64                    total_sum,
            GError                  **error)
{
  guint n_criteria = sheet->maxima->len;
  const gint64 *sums;
  gint64 id = g_array_index (sheet->proposals, SheetProposal, proposal).id;
  gint64 added = 0;

  /* without criteria there are no sums, and no array to point into */
  if (n_criteria == 0)
    return TRUE;
  sums = &g_array_index (sheet->sums, gint64, 0) + (gsize) proposal * n_criteria;

  for (guint c = 0; c < n_criteria; c++)
    {
      gint64 most = g_array_index (sheet->maxima, gint64, c) * n_judges;

      if (sums[c] < 0 || sums[c] > most)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: %u is the number of a criterion (1 for the first), the second number the id of a proposal */
                       _("the points on criterion %u of proposal %" PRId64 " are out of range"),
                       c + 1, (int64_t) id);
          return FALSE;
        }
      added += sums[c];
    }

  if (added != total_sum)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: the number is the id of a proposal */
                   _("the criterion points of proposal %" PRId64 " do not add up to its judges' totals"),
                   (int64_t) id);
      return FALSE;
    }

  return TRUE;
}

/* Each judge's totals become z-scores over the proposals that judge
 * scored (0 for a judge whose totals are all equal, one proposal
 * included), each proposal's z-scores are averaged in judge order, and
 * mapped back with the mean and population standard deviation of all
 * totals. The one place doubles are used; see the header. */
static void
normalise (GArray  *totals,
           GArray  *places,
           guint   *starts)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) judges = g_array_new (FALSE, TRUE, sizeof (JudgeSpread));
  g_autofree guint *judge_of = g_new (guint, MAX (totals->len, 1));
  g_autofree double *judge_ss = NULL;
  gint64 all_sum = 0;
  double all_mean;
  double all_deviation = 0;
  double all_sd;

  if (totals->len == 0)
    return;

  for (guint i = 0; i < totals->len; i++)
    {
      SheetTotal *row = &g_array_index (totals, SheetTotal, i);
      gpointer found = g_hash_table_lookup (index, &row->judge);
      JudgeSpread *judge;

      if (found == NULL)
        {
          g_array_set_size (judges, judges->len + 1);
          found = GUINT_TO_POINTER (judges->len);
          g_hash_table_insert (index, &row->judge, found);
        }
      judge_of[i] = GPOINTER_TO_UINT (found) - 1;
      judge = &g_array_index (judges, JudgeSpread, judge_of[i]);
      judge->min = judge->n == 0 ? row->total : MIN (judge->min, row->total);
      judge->max = judge->n == 0 ? row->total : MAX (judge->max, row->total);
      judge->n++;
      judge->sum += row->total;
      all_sum += row->total;
    }

  judge_ss = g_new0 (double, judges->len);
  for (guint j = 0; j < judges->len; j++)
    {
      JudgeSpread *judge = &g_array_index (judges, JudgeSpread, j);

      judge->mean = (double) judge->sum / judge->n;
    }

  all_mean = (double) all_sum / totals->len;
  for (guint i = 0; i < totals->len; i++)
    {
      gint64 total = g_array_index (totals, SheetTotal, i).total;
      JudgeSpread *judge = &g_array_index (judges, JudgeSpread, judge_of[i]);

      judge_ss[judge_of[i]] += (total - judge->mean) * (total - judge->mean);
      all_deviation += (total - all_mean) * (total - all_mean);
    }

  for (guint j = 0; j < judges->len; j++)
    {
      JudgeSpread *judge = &g_array_index (judges, JudgeSpread, j);

      judge->sd = sqrt (judge_ss[j] / judge->n);
    }
  all_sd = sqrt (all_deviation / totals->len);

  for (guint p = 0; p < places->len; p++)
    {
      YishiContestPlace *place = &g_array_index (places, YishiContestPlace, p);
      double z_sum = 0;

      if (place->n_judges == 0)
        continue;

      for (guint i = starts[p]; i < starts[p + 1]; i++)
        {
          gint64 total = g_array_index (totals, SheetTotal, i).total;
          JudgeSpread *judge = &g_array_index (judges, JudgeSpread, judge_of[i]);

          /* min = max exactly, so a spread that rounds to 0 but is not is still used */
          if (judge->min != judge->max)
            z_sum += (total - judge->mean) / judge->sd;
        }

      yishi_contest_score_init_double (&place->final_score,
                                       all_mean + z_sum / place->n_judges * all_sd);
    }
}

/* The chain, step by step: > 0 when @x ranks above @y. @out_rule is the
 * step that decided, NONE when the final scores differ. */
static int
chain_compare (const YishiContestPlace *x,
               const YishiContestPlace *y,
               YishiContestTieBreak    *out_rule)
{
  int order;

  *out_rule = YISHI_CONTEST_TIE_BREAK_NONE;
  if ((order = yishi_contest_score_compare (&x->final_score, &y->final_score)) != 0)
    return order;

  *out_rule = YISHI_CONTEST_TIE_BREAK_UNTRIMMED_MEAN;
  if ((order = yishi_contest_score_compare (&x->mean, &y->mean)) != 0)
    return order;

  *out_rule = YISHI_CONTEST_TIE_BREAK_TOP_CRITERION;
  if ((order = yishi_contest_score_compare (&x->top_criterion, &y->top_criterion)) != 0)
    return order;

  *out_rule = YISHI_CONTEST_TIE_BREAK_LOTS;
  return (x->lots < y->lots) - (x->lots > y->lots);
}

/* Rank order for g_array_sort (): ranked places by the chain, then the
 * proposals no one scored, by id. */
static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const YishiContestPlace *x = a;
  const YishiContestPlace *y = b;
  YishiContestTieBreak rule;

  if ((x->n_judges == 0) != (y->n_judges == 0))
    return x->n_judges == 0 ? 1 : -1;
  if (x->n_judges == 0)
    return (x->proposal_id > y->proposal_id) - (x->proposal_id < y->proposal_id);

  return -chain_compare (x, y, &rule);
}

static guint
top_criterion (const YishiContestSheet *sheet)
{
  guint top = 0;

  for (guint c = 1; c < sheet->maxima->len; c++)
    {
      if (g_array_index (sheet->maxima, gint64, c) > g_array_index (sheet->maxima, gint64, top))
        top = c;
    }

  return top;
}

/* Everything but the normalised score, from the proposal's totals
 * (@values, sorted) and criterion sums. */
static void
score_place (YishiContestPlace       *place,
             const gint64            *values,
             YishiContestAggregation  aggregation,
             guint                    top)
{
  guint n = place->n_judges;

  yishi_contest_score_mean (values, n, &place->mean);
  if (place->criterion_sums != NULL && n > 0)
    yishi_contest_score_init_exact (&place->top_criterion, place->criterion_sums[top], n);
  else
    yishi_contest_score_init_exact (&place->top_criterion, 0, 1);

  switch (aggregation)
    {
    case YISHI_CONTEST_AGGREGATION_MEAN:
    case YISHI_CONTEST_AGGREGATION_NORMALISED: /* replaced by normalise () */
      place->final_score = place->mean;
      break;
    case YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN:
      /* no judges at all is not a fall-back: there is nothing to rank */
      place->fell_back = !yishi_contest_score_trimmed_mean (values, n, &place->final_score) && n > 0;
      break;
    case YISHI_CONTEST_AGGREGATION_MEDIAN:
      yishi_contest_score_median (values, n, &place->final_score);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
number_places (GArray *places)
{
  for (guint i = 0; i < places->len; i++)
    {
      YishiContestPlace *place = &g_array_index (places, YishiContestPlace, i);
      YishiContestPlace *next = i + 1 < places->len ? place + 1 : NULL;

      place->tie_break = YISHI_CONTEST_TIE_BREAK_NONE;
      if (place->n_judges == 0)
        continue;

      place->rank = i + 1;
      if (next != NULL && next->n_judges > 0)
        chain_compare (place, next, &place->tie_break);
    }
}

/* The ranking by @aggregation with lots drawn from @seed. The sheet is
 * checked first: a proposal entered twice, a judge with two totals for a
 * proposal, a total outside 0 … the scale, or criterion sums that do not
 * add up are refused, naming the proposal. */
YishiContestRanking *
yishi_contest_rank (const YishiContestSheet  *sheet,
                    YishiContestAggregation   aggregation,
                    guint64                   seed,
                    GError                  **error)
{
  g_autoptr(YishiContestRanking) ranking = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autofree gint64 *values = NULL;
  g_autofree guint *starts = NULL;
  guint n_proposals;
  guint n_criteria;

  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (aggregation < YISHI_N_CONTEST_AGGREGATIONS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_proposals = sheet->proposals->len;
  n_criteria = sheet->maxima->len;

  totals = g_array_sized_new (FALSE, FALSE, sizeof (SheetTotal), sheet->totals->len);
  g_array_append_vals (totals, sheet->totals->data, sheet->totals->len);
  g_array_sort (totals, compare_totals);

  if (!check_proposals (sheet, error) || !check_totals (sheet, totals, error))
    return NULL;

  starts = g_new0 (guint, n_proposals + 1);
  values = g_new (gint64, MAX (totals->len, 1));
  for (guint i = 0; i < totals->len; i++)
    {
      SheetTotal *row = &g_array_index (totals, SheetTotal, i);

      starts[row->proposal + 1]++;
      values[i] = row->total;
    }
  for (guint p = 0; p < n_proposals; p++)
    starts[p + 1] += starts[p];

  ranking = g_new0 (YishiContestRanking, 1);
  ranking->aggregation = aggregation;
  ranking->seed = seed;
  ranking->n_criteria = n_criteria;
  ranking->top_criterion = top_criterion (sheet);
  ranking->sums = g_memdup2 (sheet->sums->data, sizeof (gint64) * sheet->sums->len);
  ranking->places = g_array_sized_new (FALSE, TRUE, sizeof (YishiContestPlace), n_proposals);
  g_array_set_size (ranking->places, n_proposals);

  for (guint p = 0; p < n_proposals; p++)
    {
      YishiContestPlace *place = &g_array_index (ranking->places, YishiContestPlace, p);
      SheetProposal *proposal = &g_array_index (sheet->proposals, SheetProposal, p);
      gint64 *mine = values + starts[p];
      gint64 sum = 0;

      place->proposal_id = proposal->id;
      place->cost = proposal->cost;
      place->n_judges = starts[p + 1] - starts[p];
      place->lots = yishi_contest_lots (seed, proposal->id);
      place->criterion_sums = n_criteria > 0 ? ranking->sums + (gsize) p * n_criteria : NULL;

      for (guint i = 0; i < place->n_judges; i++)
        sum += mine[i];
      if (!check_sums (sheet, p, place->n_judges, sum, error))
        return NULL;

      /* @values is a copy: the rows stay in judge order for normalise () */
      qsort (mine, place->n_judges, sizeof (gint64), compare_fen);
      score_place (place, mine, aggregation, ranking->top_criterion);
    }

  if (aggregation == YISHI_CONTEST_AGGREGATION_NORMALISED)
    normalise (totals, ranking->places, starts);

  g_array_sort (ranking->places, compare_places);
  number_places (ranking->places);

  return g_steal_pointer (&ranking);
}

void
yishi_contest_ranking_free (YishiContestRanking *ranking)
{
  if (ranking == NULL)
    return;

  g_clear_pointer (&ranking->places, g_array_unref);
  g_free (ranking->sums);
  g_free (ranking);
}

guint
yishi_contest_ranking_get_n_places (const YishiContestRanking *ranking)
{
  g_return_val_if_fail (ranking != NULL, 0);

  return ranking->places->len;
}

/* The place at @index in rank order (index 0 holds rank 1). */
const YishiContestPlace *
yishi_contest_ranking_get (const YishiContestRanking *ranking,
                           guint                      index)
{
  g_return_val_if_fail (ranking != NULL, NULL);
  g_return_val_if_fail (index < ranking->places->len, NULL);

  return &g_array_index (ranking->places, YishiContestPlace, index);
}

/* The average points on one criterion over the judges who scored the
 * proposal; 0 when no one did. */
void
yishi_contest_place_criterion_average (const YishiContestRanking *ranking,
                                       const YishiContestPlace   *place,
                                       guint                      criterion,
                                       YishiContestScore         *out_average)
{
  g_return_if_fail (ranking != NULL && place != NULL && out_average != NULL);
  g_return_if_fail (criterion < ranking->n_criteria);

  if (place->n_judges == 0)
    yishi_contest_score_init_exact (out_average, 0, 1);
  else
    yishi_contest_score_init_exact (out_average, place->criterion_sums[criterion], place->n_judges);
}

/* The key for JSON and the database; NULL for NONE, which JSON writes
 * as null. */
const char *
yishi_contest_tie_break_to_key (YishiContestTieBreak tie_break)
{
  g_return_val_if_fail (tie_break < YISHI_N_CONTEST_TIE_BREAKS, NULL);

  if (tie_break == YISHI_CONTEST_TIE_BREAK_NONE)
    return NULL;
  return tie_breaks[tie_break].key;
}

/* NULL stands for NONE. */
gboolean
yishi_contest_tie_break_from_key (const char           *key,
                                  YishiContestTieBreak *out_tie_break)
{
  guint found;

  g_return_val_if_fail (out_tie_break != NULL, FALSE);

  if (key == NULL)
    {
      *out_tie_break = YISHI_CONTEST_TIE_BREAK_NONE;
      return TRUE;
    }
  if (!yishi_key_table_find (tie_breaks + 1, YISHI_N_CONTEST_TIE_BREAKS - 1, key, &found))
    return FALSE;

  *out_tie_break = found + 1;
  return TRUE;
}

const char *
yishi_contest_tie_break_label (YishiContestTieBreak tie_break)
{
  g_return_val_if_fail (tie_break < YISHI_N_CONTEST_TIE_BREAKS, NULL);

  return _(tie_breaks[tie_break].label);
}
