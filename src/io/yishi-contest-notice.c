#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "yishi-contest-chart.h"
#include "yishi-contest-notice.h"
#include "yishi-doc-odt.h"
#include "yishi-doc-pdf.h"
#include "yishi-money.h"

/* The width of the text on A4 with the writers' margins, to size the
 * chart: 160 mm. */
#define TEXT_WIDTH_PT (160.0 / 25.4 * 72.0)
#define PT_TO_MM      (25.4 / 72.0)

/* The notice's fixed columns, before and after the criteria. */
#define N_LEADING_COLUMNS  4
#define N_TRAILING_COLUMNS 2

/* The day the notice is issued: the day of publishing, or today for a
 * draft. */
static GDateTime *
issued_on (const YishiContestRow *contest)
{
  int year, month, day;

  if (contest->published_on != NULL &&
      sscanf (contest->published_on, "%d-%d-%d", &year, &month, &day) == 3)
    {
      GDateTime *date = g_date_time_new_local (year, month, day, 0, 0, 0);

      if (date != NULL)
        return date;
    }

  return g_date_time_new_now_local ();
}

static gboolean
is_draft (const YishiContestResults *results)
{
  return results->contest->state != YISHI_CONTEST_STATE_PUBLISHED ||
         results->contest->published_on == NULL;
}

static char *
format_date (GDateTime *date)
{
  /* Translators: a date at the foot of a notice, a format for
   * g_date_time_format(); zh_CN: “%Y年%-m月%-d日”.
   * xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* Whom objections go to. */
static const char *
organiser_or_default (const YishiContestRow *contest)
{
  if (contest->organiser != NULL && *contest->organiser != '\0')
    return contest->organiser;

  /* Translators: whom to object to, in a contest's public notice, when
   * the contest names no organiser; zh_CN “组织方” */
  return C_("notice", "the organiser");
}

static const char *
entry_title (const YishiContestResults *results,
             gint64                     proposal_id)
{
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, proposal_id);

  return entry != NULL ? entry->title : "";
}

static void
add_heading (YishiDoc                  *doc,
             const YishiContestResults *results)
{
  /* Translators: the title of a contest's public notice; %s is the
   * contest's name; zh_CN “关于“%s”评审结果的公示” */
  g_autofree char *title = g_strdup_printf (_("Public notice of the results of “%s”"),
                                            results->contest->name);

  yishi_doc_add_title (doc, title);
  if (is_draft (results))
    {
      /* Translators: under the title of a public notice printed before
       * the results are published; zh_CN “（草稿，尚未公布）” */
      yishi_doc_add_subtitle (doc, _("Draft: the results are not yet published"));
      /* Translators: at the foot of every page of a draft notice; zh_CN “草稿” */
      yishi_doc_set_footer (doc, _("Draft"));
    }
}

/* Who organised it, how many took part, and how the ranking can be
 * recomputed. */
static void
add_introduction (YishiDoc                  *doc,
                  const YishiContestResults *results)
{
  const YishiContestRow *contest = results->contest;
  guint n_entries = results->entries->len;
  g_autofree char *organised = NULL;
  g_autofree char *entered = NULL;
  g_autofree char *judged = NULL;
  g_autofree char *aggregation = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, results->ranking->seed);
  g_autofree char *text = NULL;

  if (contest->organiser != NULL && *contest->organiser != '\0')
    /* Translators: opens a contest's public notice; %1$s is the
     * organiser, %2$s the contest; zh_CN “%1$s组织开展了“%2$s”。” */
    organised = g_strdup_printf (_("%1$s organised “%2$s”."), contest->organiser, contest->name);
  else
    /* Translators: opens a contest's public notice; %s is the contest;
     * zh_CN ““%s”评审工作已经完成。” */
    organised = g_strdup_printf (_("“%s” has been judged."), contest->name);
  entered = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: in a contest's public notice; zh_CN “共有 %u 项提案参赛，” */
                                          "%u proposal was entered,",
                                          "%u proposals were entered,", n_entries), n_entries);
  judged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: in a contest's public notice, after
                                          * “N proposals were entered,”; zh_CN “由 %u 名评委评分。” */
                                         "and %u judge scored them.",
                                         "and %u judges scored them.", results->n_judges),
                            results->n_judges);
  /* Translators: in a contest's public notice; %s describes how the
   * judges' totals are combined, e.g. “the mean of the judges' totals”;
   * zh_CN “每项提案的最终得分为%s。” */
  aggregation = g_strdup_printf (_("Each proposal’s final score is %s."),
                                 yishi_contest_aggregation_describe (contest->aggregation));
  /* Translators: in a contest's public notice; %s is the number that
   * seeds the drawing of lots; zh_CN “最终得分相同的，依次按未去除最高分和最低分的平均分、
   * 分值最高的评分标准的平均得分排序，仍相同的以随机种子 %s 抽签决定；任何人均可据此复核排名。” */
  ties = g_strdup_printf (_("Equal final scores are ordered by the mean of all the judges’ totals, "
                            "then by the average points on the criterion with the largest maximum, "
                            "then by lots drawn with the seed %s, so anyone holding the scores can "
                            "recompute the ranking."), seed);
  /* Translators: joins the sentences of the first paragraph of a
   * contest's public notice; zh_CN, without spaces, “%1$s%2$s%3$s%4$s%5$s” */
  text = g_strdup_printf (_("%1$s %2$s %3$s %4$s %5$s"), organised, entered, judged, aggregation, ties);
  yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
}

static char *
format_funded (const YishiContestGrant *grant)
{
  if (grant == NULL || !grant->funded)
    /* Translators: in the “Funded” column of a contest's public notice; zh_CN “否” */
    return g_strdup (C_("funded", "No"));
  if (grant->overridden)
    /* Translators: in the “Funded” column of a contest's public notice,
     * for a proposal the organiser decided to fund; zh_CN “是（组织方决定）” */
    return g_strdup (C_("funded", "Yes (by decision)"));

  /* Translators: in the “Funded” column of a contest's public notice; zh_CN “是” */
  return g_strdup (C_("funded", "Yes"));
}

/* The columns' widths in points on the text width of A4; the title
 * takes what is left, so that with five criteria the numbers still fit
 * on one line each. */
#define RANK_WIDTH      38.0
#define PROPOSER_WIDTH  48.0
#define SCORE_WIDTH     44.0
#define CRITERION_WIDTH 38.0  /* “56.25”; wider when there are few: */
#define FEW_CRITERIA    3
#define WIDE_CRITERION  46.0  /* “必要性” on one line */
#define COST_WIDTH      52.0
#define FUNDED_WIDTH    44.0
#define MIN_TITLE_WIDTH 80.0

static double *
column_widths (guint n_criteria)
{
  guint n_columns = N_LEADING_COLUMNS + n_criteria + N_TRAILING_COLUMNS;
  double *widths = g_new (double, n_columns);
  double criterion = n_criteria > FEW_CRITERIA ? CRITERION_WIDTH : WIDE_CRITERION;
  double fixed = RANK_WIDTH + PROPOSER_WIDTH + SCORE_WIDTH + n_criteria * criterion
                 + COST_WIDTH + FUNDED_WIDTH;
  guint c = 0;

  widths[c++] = RANK_WIDTH;
  widths[c++] = MAX (TEXT_WIDTH_PT - fixed, MIN_TITLE_WIDTH);
  widths[c++] = PROPOSER_WIDTH;
  widths[c++] = SCORE_WIDTH;
  for (guint i = 0; i < n_criteria; i++)
    widths[c++] = criterion;
  widths[c++] = COST_WIDTH;
  widths[c++] = FUNDED_WIDTH;

  return widths;
}

static YishiDocTable *
add_table_head (YishiDoc                  *doc,
                const YishiContestResults *results)
{
  guint n_criteria = results->criteria->len;
  guint n_columns = N_LEADING_COLUMNS + n_criteria + N_TRAILING_COLUMNS;
  g_autofree double *widths = column_widths (n_criteria);
  g_autofree const char **head = g_new0 (const char *, n_columns + 1);
  YishiDocTable *table;
  guint c = 0;

  /* Translators: a column of the ranked table of a contest's public notice; zh_CN “名次” */
  head[c++] = C_("notice column", "Rank");
  /* Translators: a column of the ranked table of a contest's public notice; zh_CN “提案” */
  head[c++] = C_("notice column", "Proposal");
  /* Translators: a column of the ranked table of a contest's public notice; zh_CN “提案人” */
  head[c++] = C_("notice column", "Proposer");
  /* Translators: a column of the ranked table of a contest's public notice; zh_CN “最终得分” */
  head[c++] = C_("notice column", "Final score");
  for (guint i = 0; i < n_criteria; i++)
    head[c++] = ((YishiContestCriterionRow *) g_ptr_array_index (results->criteria, i))->name;
  /* Translators: a column of the ranked table of a contest's public notice; zh_CN “申请金额（元）” */
  head[c++] = C_("notice column", "Cost (yuan)");
  /* Translators: a column of the ranked table of a contest's public notice; zh_CN “是否资助” */
  head[c++] = C_("notice column", "Funded");

  table = yishi_doc_add_table (doc, n_columns, widths);
  for (guint i = 0; i < n_columns; i++)
    yishi_doc_table_set_align (table, i, i == 1 || i == 2 ? YISHI_DOC_ALIGN_START : YISHI_DOC_ALIGN_CENTER);
  yishi_doc_table_set_align (table, n_columns - 2, YISHI_DOC_ALIGN_END);
  yishi_doc_table_add_row (table, TRUE, head);

  return table;
}

/* “150,000” — whole yuan without “.00”, to keep the column narrow. */
static char *
format_cost (gint64 fen)
{
  char *text = yishi_money_format_yuan (fen);

  if (fen % 100 == 0 && g_str_has_suffix (text, ".00"))
    text[strlen (text) - 3] = '\0';
  return text;
}

/* One place of the ranking: “—” for the scores of a proposal no judge
 * scored. */
static void
add_place_row (YishiDocTable             *table,
               const YishiContestResults *results,
               const YishiContestPlace   *place)
{
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, place->proposal_id);
  guint n_criteria = results->criteria->len;
  guint n_columns = N_LEADING_COLUMNS + n_criteria + N_TRAILING_COLUMNS;
  g_auto(GStrv) cells = g_new0 (char *, n_columns + 1);
  gboolean ranked = place->rank > 0;
  guint c = 0;

  cells[c++] = ranked ? g_strdup_printf ("%u", place->rank) : g_strdup ("—");
  cells[c++] = g_strdup (entry != NULL ? entry->title : "");
  cells[c++] = g_strdup (entry != NULL ? entry->proposer : "");
  cells[c++] = ranked ? yishi_contest_score_format (&place->final_score) : g_strdup ("—");
  for (guint i = 0; i < n_criteria; i++)
    {
      YishiContestScore average;

      if (!ranked)
        {
          cells[c++] = g_strdup ("—");
          continue;
        }
      yishi_contest_place_criterion_average (results->ranking, place, i, &average);
      cells[c++] = yishi_contest_score_format (&average);
    }
  cells[c++] = format_cost (place->cost);
  cells[c++] = format_funded (yishi_contest_funding_find (results->funding, place->proposal_id));
  yishi_doc_table_add_row (table, FALSE, (const char * const *) cells);
}

static void
add_ranking_table (YishiDoc                  *doc,
                   const YishiContestResults *results)
{
  YishiDocTable *table = add_table_head (doc, results);
  guint n_places = yishi_contest_ranking_get_n_places (results->ranking);

  for (guint i = 0; i < n_places; i++)
    add_place_row (table, results, yishi_contest_ranking_get (results->ranking, i));

  yishi_doc_add_paragraph (doc,
                           /* Translators: under the ranked table of a contest's public
                            * notice; zh_CN “注：各评分标准一栏为该提案在该标准上的平均得分。” */
                           _("The column of each criterion gives the average points the proposal received on it."),
                           YISHI_DOC_ALIGN_START);
}

/* “Places 4 and 5 have the same final score; …”: which rule of the
 * chain put @first before the next place. */
static char *
describe_tie (const YishiContestResults *results,
              const YishiContestPlace   *first)
{
  const YishiContestCriterionRow *top;
  g_autofree char *seed = NULL;

  switch (first->tie_break)
    {
    case YISHI_CONTEST_TIE_BREAK_UNTRIMMED_MEAN:
      /* Translators: in a contest's public notice; zh_CN
       * “第 %1$u、%2$u 名最终得分相同，按未去除最高分和最低分的平均分排序。” */
      return g_strdup_printf (_("Places %1$u and %2$u have the same final score; they are ordered by "
                                "the mean of all the judges’ totals."), first->rank, first->rank + 1);
    case YISHI_CONTEST_TIE_BREAK_TOP_CRITERION:
      top = g_ptr_array_index (results->criteria, results->ranking->top_criterion);
      /* Translators: in a contest's public notice; %3$s is the criterion
       * with the largest maximum; zh_CN
       * “第 %1$u、%2$u 名最终得分和平均分均相同，按“%3$s”的平均得分排序。” */
      return g_strdup_printf (_("Places %1$u and %2$u have the same final score and the same mean; "
                                "they are ordered by the average points on “%3$s”."),
                              first->rank, first->rank + 1, top->name);
    case YISHI_CONTEST_TIE_BREAK_LOTS:
      seed = g_strdup_printf ("%" G_GUINT64_FORMAT, results->ranking->seed);
      /* Translators: in a contest's public notice; %3$s is the number
       * that seeds the lots; zh_CN
       * “第 %1$u、%2$u 名各项排序依据均相同，以随机种子 %3$s 抽签决定名次。” */
      return g_strdup_printf (_("Places %1$u and %2$u are equal on every score; their order was drawn "
                                "by lots with the seed %3$s."), first->rank, first->rank + 1, seed);
    case YISHI_CONTEST_TIE_BREAK_NONE:
    default:
      return NULL;
    }
}

/* Each tie and the rule that broke it, and each score that fell back
 * to the mean. */
static void
add_tie_breaks (YishiDoc                  *doc,
                const YishiContestResults *results)
{
  guint n_places = yishi_contest_ranking_get_n_places (results->ranking);

  for (guint i = 0; i < n_places; i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (results->ranking, i);
      g_autofree char *tie = describe_tie (results, place);

      if (tie != NULL)
        yishi_doc_add_paragraph (doc, tie, YISHI_DOC_ALIGN_START);
      if (place->rank > 0 && place->fell_back)
        {
          /* Translators: in a contest's public notice; %s is a proposal;
           * zh_CN ““%s”的评分评委不足三人，最终得分取全部评委总分的平均分。” */
          g_autofree char *text = g_strdup_printf (_("Fewer than three judges scored “%s”, so its final "
                                                     "score is the mean of all their totals."),
                                                   entry_title (results, place->proposal_id));

          yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
        }
    }
}

static void
draw_chart_cb (cairo_t  *cr,
               double    width_pt,
               double    height_pt,
               gpointer  user_data)
{
  yishi_contest_chart_render (user_data, cr, width_pt, height_pt);
}

/* The chart keeps its own copy of the results: the document may be
 * written after they are freed. */
static void
add_chart (YishiDoc                  *doc,
           const YishiContestResults *results)
{
  YishiContestChart *chart = yishi_contest_chart_new (results);
  double height_mm = yishi_contest_chart_get_preferred_height (chart, TEXT_WIDTH_PT) * PT_TO_MM;

  yishi_doc_add_figure (doc, height_mm,
                        /* Translators: the alternative text of the chart in a contest's
                         * public notice; zh_CN “各提案最终得分条形图，按名次排列，标有资金线” */
                        _("Bar chart of the proposals’ final scores in rank order, with the funding line"),
                        draw_chart_cb, chart, (GDestroyNotify) yishi_contest_chart_free);
  yishi_doc_add_paragraph (doc,
                           /* Translators: the caption under the chart of a contest's public
                            * notice; zh_CN “图：各提案最终得分及资金线” */
                           _("Figure: the final scores and the funding line"),
                           YISHI_DOC_ALIGN_CENTER);
}

static gboolean
funds_the_top (const YishiContestResults *results,
               guint                      n_funded)
{
  for (guint i = 0; i < n_funded; i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (results->ranking, i);
      const YishiContestGrant *grant = yishi_contest_funding_find (results->funding, place->proposal_id);

      if (place->rank == 0 || grant == NULL || !grant->funded)
        return FALSE;
    }

  return TRUE;
}

/* “在 300,000.00 元预算内资助前 N 项，共 285,000.00 元。” */
static char *
describe_funding_line (const YishiContestResults *results)
{
  const YishiContestFunding *funding = results->funding;
  g_autofree char *budget = yishi_money_format_yuan (funding->budget);
  g_autofree char *spent = yishi_money_format_yuan (funding->spent);
  guint n = 0;

  for (guint i = 0; i < funding->grants->len; i++)
    n += g_array_index (funding->grants, YishiContestGrant, i).funded ? 1 : 0;

  if (n == 0)
    /* Translators: in a contest's public notice; zh_CN “本次没有提案获得资助。” */
    return g_strdup (_("No proposal is funded."));
  if (funding->spent > funding->budget)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: in a contest's public notice; amounts in
                                          * yuan; zh_CN “共资助 %2$u 项，共 %3$s 元，超出 %1$s 元预算。” */
                                         "%2$u proposal is funded, %3$s yuan in all, more than the budget of %1$s yuan.",
                                         "%2$u proposals are funded, %3$s yuan in all, more than the budget of %1$s yuan.",
                                         n), budget, n, spent);
  if (funds_the_top (results, n))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: in a contest's public notice; amounts in
                                          * yuan; zh_CN “在 %1$s 元预算内资助前 %2$u 项，共 %3$s 元。” */
                                         "Within the budget of %1$s yuan, the top %2$u proposal is funded, %3$s yuan in all.",
                                         "Within the budget of %1$s yuan, the top %2$u proposals are funded, %3$s yuan in all.",
                                         n), budget, n, spent);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: in a contest's public notice, when the funded
                                        * proposals are not simply the top ones; amounts in yuan;
                                        * zh_CN “在 %1$s 元预算内资助 %2$u 项，共 %3$s 元。” */
                                       "Within the budget of %1$s yuan, %2$u proposal is funded, %3$s yuan in all.",
                                       "Within the budget of %1$s yuan, %2$u proposals are funded, %3$s yuan in all.",
                                       n), budget, n, spent);
}

static void
add_overrides (YishiDoc                  *doc,
               const YishiContestResults *results)
{
  for (guint i = 0; i < results->funding->grants->len; i++)
    {
      const YishiContestGrant *grant = &g_array_index (results->funding->grants, YishiContestGrant, i);
      const char *title = entry_title (results, grant->proposal_id);
      g_autofree char *text = NULL;

      if (!grant->overridden)
        continue;
      if (grant->funded)
        /* Translators: in a contest's public notice; %1$s is a proposal,
         * %2$s the organiser's reason; zh_CN “经组织方决定，资助“%1$s”。理由：%2$s” */
        text = g_strdup_printf (_("The organiser decided to fund “%1$s”. Reason: %2$s"), title,
                                grant->reason != NULL ? grant->reason : "");
      else
        /* Translators: in a contest's public notice; %1$s is a proposal,
         * %2$s the organiser's reason; zh_CN “经组织方决定，不资助“%1$s”。理由：%2$s” */
        text = g_strdup_printf (_("The organiser decided not to fund “%1$s”. Reason: %2$s"), title,
                                grant->reason != NULL ? grant->reason : "");
      yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
    }
}

static void
add_funding (YishiDoc                  *doc,
             const YishiContestResults *results)
{
  g_autofree char *rule = yishi_contest_funding_rule_describe (results->funding->rule,
                                                               results->funding->top_n);
  g_autofree char *line = describe_funding_line (results);
  /* Translators: in a contest's public notice; %1$s describes the funding
   * rule, %2$s says what was funded; zh_CN “资助规则：%1$s。%2$s” */
  g_autofree char *text = g_strdup_printf (_("Funding rule: %1$s. %2$s"), rule, line);

  /* Translators: a heading of a contest's public notice; zh_CN “二、资助结果” */
  yishi_doc_add_heading (doc, _("2. Funding"));
  yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
  add_overrides (doc, results);
}

/* “公示期为 7 天（自 2026年5月20日 至 2026年5月26日）。如有异议，……” */
static void
add_objections (YishiDoc                  *doc,
                const YishiContestResults *results,
                GDateTime                 *issued)
{
  guint days = MAX (results->contest->objection_days, 1);
  g_autoptr(GDateTime) last = g_date_time_add_days (issued, (int) days - 1);
  g_autofree char *from = format_date (issued);
  g_autofree char *to = format_date (last);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: in a contest's public notice; %2$s and %3$s
                                        * are dates, %4$s the organiser; zh_CN
                                        * “公示期为 %1$u 天（自 %2$s 至 %3$s）。如有异议，请在公示期内以书面形式向%4$s反映。” */
                                       "The objection period is %1$u day, from %2$s to %3$s. Anyone who objects should write to %4$s within that period.",
                                       "The objection period is %1$u days, from %2$s to %3$s. Anyone who objects should write to %4$s within that period.",
                                       days),
                          days, from, to, organiser_or_default (results->contest));
  /* Translators: a heading of a contest's public notice; zh_CN “三、公示期” */
  yishi_doc_add_heading (doc, _("3. Objections"));
  yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
  /* Translators: the closing line of a public notice; zh_CN “特此公示。” */
  yishi_doc_add_paragraph (doc, _("This notice is hereby made public."), YISHI_DOC_ALIGN_START);
}

static void
add_closing (YishiDoc              *doc,
             const YishiContestRow *contest,
             GDateTime             *issued)
{
  g_autofree char *date = format_date (issued);
  g_autofree char *text = NULL;

  if (contest->organiser != NULL && *contest->organiser != '\0')
    text = g_strdup_printf ("%s\n%s", contest->organiser, date);
  else
    text = g_strdup (date);
  yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_END);
}

static char *
format_doc_title (const YishiContestResults *results)
{
  if (is_draft (results))
    /* Translators: the title in the metadata of a draft of a contest's
     * public notice; zh_CN ““%s”评审结果公示（草稿）” */
    return g_strdup_printf (_("Results of “%s” (draft)"), results->contest->name);

  /* Translators: the title in the metadata of a contest's public
   * notice; zh_CN ““%s”评审结果公示” */
  return g_strdup_printf (_("Results of “%s”"), results->contest->name);
}

/**
 * yishi_contest_notice_build:
 *
 * Returns: (transfer full): the public notice of @results; it does not
 * refer to @results, which may be freed before it is written.
 */
YishiDoc *
yishi_contest_notice_build (const YishiContestResults *results)
{
  g_autoptr(GDateTime) issued = NULL;
  g_autofree char *doc_title = NULL;
  YishiDoc *doc;

  g_return_val_if_fail (results != NULL && results->contest != NULL, NULL);
  g_return_val_if_fail (results->ranking != NULL && results->funding != NULL, NULL);

  issued = issued_on (results->contest);
  doc_title = format_doc_title (results);
  doc = yishi_doc_new (doc_title);
  add_heading (doc, results);
  add_introduction (doc, results);
  /* Translators: a heading of a contest's public notice; zh_CN “一、评审排名” */
  yishi_doc_add_heading (doc, _("1. Ranking"));
  add_ranking_table (doc, results);
  add_tie_breaks (doc, results);
  add_chart (doc, results);
  add_funding (doc, results);
  add_objections (doc, results, issued);
  add_closing (doc, results->contest, issued);

  return doc;
}

/**
 * yishi_contest_notice_write:
 *
 * Writes the public notice of @results to @path: PDF when it ends in
 * “.pdf”, ODF text when in “.odt”; any other name is refused with
 * G_IO_ERROR_INVALID_FILENAME and nothing is written.
 */
gboolean
yishi_contest_notice_write (const YishiContestResults  *results,
                            const char                 *path,
                            GError                    **error)
{
  g_autoptr(YishiDoc) doc = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (results != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folded = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (folded, ".pdf") && !g_str_has_suffix (folded, ".odt"))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   /* Translators: %s is a file name */
                   _("Cannot save the public notice as “%s”: the name must end in .pdf or .odt."),
                   display_name);
      return FALSE;
    }

  doc = yishi_contest_notice_build (results);
  if (g_str_has_suffix (folded, ".pdf"))
    return yishi_doc_write_pdf (doc, path, error);

  return yishi_doc_write_odt (doc, path, error);
}
