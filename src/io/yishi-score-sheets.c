#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-doc-pdf.h"
#include "yishi-score-sheets.h"

/* The columns before and after the criteria: 编号, 提案 … 合计. */
#define N_LEADING_COLUMNS  2
#define N_TRAILING_COLUMNS 1

static gboolean
is_recused (GPtrArray *recusals,
            gint64     judge_id,
            gint64     proposal_id)
{
  for (guint i = 0; recusals != NULL && i < recusals->len; i++)
    {
      const YishiContestRecusalRow *recusal = g_ptr_array_index (recusals, i);

      if (recusal->judge_id == judge_id && recusal->proposal_id == proposal_id)
        return TRUE;
    }

  return FALSE;
}

/* The step of every criterion, when they share one; 0 when they differ. */
static gint64
common_step (GPtrArray *criteria)
{
  gint64 step = 0;

  for (guint i = 0; i < criteria->len; i++)
    {
      const YishiContestCriterionRow *criterion = g_ptr_array_index (criteria, i);

      if (step != 0 && criterion->step != step)
        return 0;
      step = criterion->step;
    }

  return step;
}

/* “必要性 0.5, 可行性 1”, for criteria whose steps differ. */
static char *
list_steps (GPtrArray *criteria)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < criteria->len; i++)
    {
      const YishiContestCriterionRow *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *step = yishi_contest_points_format_short (criterion->step);

      if (i > 0)
        /* Translators: separates the items of a list on a score sheet; zh_CN “，” */
        g_string_append (list, C_("score sheet", ", "));
      /* Translators: a criterion and its step on a score sheet; zh_CN “%1$s %2$s 分” */
      g_string_append_printf (list, C_("score sheet", "%1$s %2$s"), criterion->name, step);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char *
compose_instructions (GPtrArray *criteria)
{
  gint64 step = common_step (criteria);
  g_autofree char *steps = NULL;

  if (step != 0)
    {
      steps = yishi_contest_points_format_short (step);
      /* Translators: the instructions on a judge's score sheet; %s is a
       * number of points such as 0.5; zh_CN “请按各评分标准逐项评分，每项分值为 0 分至该项
       * 满分，以 %s 分为单位；在“合计”栏填写各项之和，并在表格下方签名、注明日期。标有
       * “回避”的提案无需评分。” */
      return g_strdup_printf (_("Score each proposal on each criterion from 0 up to the criterion’s "
                                "maximum, in steps of %s points, and write the sum in “Total”. "
                                "Proposals marked “Recused” are not scored. Sign and date the sheet "
                                "at the bottom."), steps);
    }

  steps = list_steps (criteria);
  /* Translators: the instructions on a judge's score sheet; %s lists the
   * criteria with their steps; zh_CN “请按各评分标准逐项评分，每项分值为 0 分至该项满分，
   * 评分单位为：%s；在“合计”栏填写各项之和，并在表格下方签名、注明日期。标有“回避”的提案无需评分。” */
  return g_strdup_printf (_("Score each proposal on each criterion from 0 up to the criterion’s "
                            "maximum, in these steps of points: %s; write the sum in “Total”. "
                            "Proposals marked “Recused” are not scored. Sign and date the sheet "
                            "at the bottom."), steps);
}

/* The columns' shares of the width: the criteria and the total wide
 * enough to write in by hand. */
static double *
column_widths (guint n_criteria)
{
  guint n_columns = N_LEADING_COLUMNS + n_criteria + N_TRAILING_COLUMNS;
  double *widths = g_new (double, n_columns);

  widths[0] = 0.8;
  widths[1] = 3.2;
  for (guint c = N_LEADING_COLUMNS; c < n_columns; c++)
    widths[c] = 1.2;

  return widths;
}

static YishiDocTable *
add_table_head (YishiDoc  *doc,
                GPtrArray *criteria)
{
  guint n_columns = N_LEADING_COLUMNS + criteria->len + N_TRAILING_COLUMNS;
  g_autofree double *widths = column_widths (criteria->len);
  g_auto(GStrv) head = g_new0 (char *, n_columns + 1);
  YishiDocTable *table;
  guint c = 0;

  /* Translators: a column of a judge's score sheet: the proposal's id,
   * as the score import reads it; zh_CN “编号” */
  head[c++] = g_strdup (C_("score sheet", "No."));
  /* Translators: a column of a judge's score sheet; zh_CN “提案” */
  head[c++] = g_strdup (C_("score sheet", "Proposal"));
  for (guint i = 0; i < criteria->len; i++)
    {
      const YishiContestCriterionRow *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *maximum = yishi_contest_points_format_short (criterion->max_points);

      /* Translators: a column of a judge's score sheet: a criterion and
       * its maximum; zh_CN “%1$s（%2$s分）” */
      head[c++] = g_strdup_printf (C_("score sheet", "%1$s (%2$s points)"), criterion->name, maximum);
    }
  /* Translators: a column of a judge's score sheet; zh_CN “合计” */
  head[c++] = g_strdup (C_("score sheet", "Total"));

  table = yishi_doc_add_table (doc, n_columns, widths);
  for (guint i = 0; i < n_columns; i++)
    yishi_doc_table_set_align (table, i, i == 1 ? YISHI_DOC_ALIGN_START : YISHI_DOC_ALIGN_CENTER);
  yishi_doc_table_add_row (table, TRUE, (const char * const *) head);

  return table;
}

/* Blank cells to fill in, or “Recused” in each of them. */
static void
add_entry_row (YishiDocTable              *table,
               guint                       n_criteria,
               const YishiContestEntryRow *entry,
               gboolean                    recused)
{
  guint n_columns = N_LEADING_COLUMNS + n_criteria + N_TRAILING_COLUMNS;
  g_auto(GStrv) cells = g_new0 (char *, n_columns + 1);
  /* Translators: in each score cell of a proposal the judge is recused
   * from, on a score sheet; zh_CN “回避” */
  const char *mark = recused ? C_("score sheet", "Recused") : "";

  cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, entry->proposal_id);
  cells[1] = g_strdup (entry->title);
  for (guint c = N_LEADING_COLUMNS; c < n_columns; c++)
    cells[c] = g_strdup (mark);
  yishi_doc_table_add_row (table, FALSE, (const char * const *) cells);
}

static void
add_sheet (YishiDoc                   *doc,
           const YishiContestRow      *contest,
           GPtrArray                  *criteria,
           const YishiContestJudgeRow *judge,
           GPtrArray                  *entries,
           GPtrArray                  *recusals)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, judge->person_id);
  /* Translators: the title of a judge's score sheet; %s is the contest;
   * zh_CN “%s评分表” */
  g_autofree char *title = g_strdup_printf (_("Score sheet: %s"), contest->name);
  /* Translators: under the title of a score sheet; %1$s is the judge's
   * name, %2$s their person id, which the score import reads; zh_CN
   * “评委：%1$s（编号 %2$s）” */
  g_autofree char *subtitle = g_strdup_printf (_("Judge: %1$s (No. %2$s)"), judge->name, id);
  g_autofree char *instructions = compose_instructions (criteria);
  const char *labels[] = {
    /* Translators: where a judge signs a score sheet; zh_CN “评委签名：” */
    C_("score sheet", "Judge’s signature:"),
    /* Translators: where a judge dates a score sheet; zh_CN “日期：” */
    C_("score sheet", "Date:"),
    NULL
  };
  YishiDocTable *table;

  yishi_doc_add_title (doc, title);
  yishi_doc_add_subtitle (doc, subtitle);
  yishi_doc_add_paragraph (doc, instructions, YISHI_DOC_ALIGN_START);
  table = add_table_head (doc, criteria);
  for (guint i = 0; i < entries->len; i++)
    {
      const YishiContestEntryRow *entry = g_ptr_array_index (entries, i);

      add_entry_row (table, criteria->len, entry,
                     is_recused (recusals, judge->person_id, entry->proposal_id));
    }
  yishi_doc_add_signatures (doc, labels);
}

/**
 * yishi_score_sheets_build:
 *
 * Returns: (transfer full): a document of one sheet per judge of
 * @judges, in that order; it does not refer to the arguments.
 */
YishiDoc *
yishi_score_sheets_build (const YishiContestRow *contest,
                          GPtrArray             *criteria,
                          GPtrArray             *judges,
                          GPtrArray             *entries,
                          GPtrArray             *recusals)
{
  g_autofree char *doc_title = NULL;
  YishiDoc *doc;

  g_return_val_if_fail (contest != NULL, NULL);
  g_return_val_if_fail (criteria != NULL && judges != NULL && entries != NULL, NULL);

  /* Translators: the title in the metadata of a contest's score
   * sheets; zh_CN “%s评分表” */
  doc_title = g_strdup_printf (_("Score sheets: %s"), contest->name);
  doc = yishi_doc_new (doc_title);
  for (guint i = 0; i < judges->len; i++)
    {
      if (i > 0)
        yishi_doc_add_page_break (doc);
      add_sheet (doc, contest, criteria, g_ptr_array_index (judges, i), entries, recusals);
    }

  return doc;
}

gboolean
yishi_score_sheets_write_pdf (const YishiContestRow  *contest,
                              GPtrArray              *criteria,
                              GPtrArray              *judges,
                              GPtrArray              *entries,
                              GPtrArray              *recusals,
                              const char             *path,
                              GError                **error)
{
  g_autoptr(YishiDoc) doc = NULL;

  g_return_val_if_fail (contest != NULL, FALSE);
  g_return_val_if_fail (criteria != NULL && judges != NULL && entries != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  doc = yishi_score_sheets_build (contest, criteria, judges, entries, recusals);
  return yishi_doc_write_pdf (doc, path, error);
}
