#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-labels.h"
#include "yishi-contest-setup-private.h"

/* The usual scale of a contest: 100 points. */
#define USUAL_TOTAL 10000

static GtkWidget *
row_new (const char  *title,
         const char  *subtitle,
         const char  *remove_label,
         const char  *remove_tooltip,
         GtkWidget  **out_button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  *out_button = NULL;
  if (remove_label == NULL)
    return row;

  *out_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (*out_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (*out_button, "flat");
  gtk_widget_set_tooltip_text (*out_button, remove_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*out_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *out_button);
  return row;
}

GtkWidget *
_yishi_contest_setup_criterion_row (const YishiContestCriterionRow *criterion,
                                    gboolean                        removable,
                                    GtkWidget                     **out_button)
{
  g_autofree char *max = yishi_contest_points_format_short (criterion->max_points);
  g_autofree char *step = yishi_contest_points_format_short (criterion->step);
  /* the plural follows whole points: 1 point, 30 points, 0.5 points */
  gulong plural = criterion->max_points == 100 ? 1 : 2;
  g_autofree char *limits = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  /* Translators: a criterion's maximum and step, as in “max 30 points, step 0.5” */
  limits = g_strdup_printf (ngettext ("max %s point, step %s", "max %s points, step %s", plural), max, step);
  subtitle = criterion->description != NULL && *criterion->description != '\0'
             ? g_strconcat (limits, "\n", criterion->description, NULL) : g_strdup (limits);
  /* Translators: a button's accessible name; %s is a criterion's name */
  label = removable ? g_strdup_printf (_("Remove the criterion “%s”"), criterion->name) : NULL;
  return row_new (criterion->name, subtitle, label, _("Remove this criterion"), out_button);
}

GtkWidget *
_yishi_contest_setup_judge_row (const YishiContestJudgeRow *judge,
                                gboolean                    removable,
                                GtkWidget                 **out_button)
{
  g_autofree char *progress = yishi_contest_text_progress (judge->n_scored, judge->n_expected);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (*judge->grid != '\0')
    /* Translators: a judge's grid (网格), then their scoring progress */
    subtitle = g_strdup_printf (_("%s · %s"), judge->grid, progress);
  /* Translators: a button's accessible name; %s is a person's name */
  label = removable ? g_strdup_printf (_("Remove the judge %s"), judge->name) : NULL;
  return row_new (judge->name, subtitle != NULL ? subtitle : progress, label,
                  _("Remove this judge from the contest"), out_button);
}

GtkWidget *
_yishi_contest_setup_entry_row (const YishiContestEntryRow *entry,
                                gboolean                    removable,
                                GtkWidget                 **out_button)
{
  g_autofree char *progress = yishi_contest_text_progress (entry->n_scored, entry->n_expected);
  g_autofree char *cost = yishi_contest_yuan_text (entry->cost_fen);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  if (*entry->proposer != '\0')
    /* Translators: a proposal's proposer, its cost and its scoring progress */
    subtitle = g_strdup_printf (_("%s · %s · %s"), entry->proposer, cost, progress);
  else
    /* Translators: a proposal's cost and its scoring progress */
    subtitle = g_strdup_printf (_("%s · %s"), cost, progress);
  /* Translators: a button's accessible name; %s is a proposal's title */
  label = removable ? g_strdup_printf (_("Take “%s” out of the contest"), entry->title) : NULL;
  return row_new (entry->title, subtitle, label, _("Take this proposal out of the contest"), out_button);
}

GtkWidget *
_yishi_contest_setup_recusal_row (const YishiContestRecusalRow *recusal,
                                  gboolean                      removable,
                                  GtkWidget                   **out_button)
{
  const char *phrase = yishi_recusal_reason_phrase (recusal->reason);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;

  /* Translators: a recusal (回避): a judge's name, a proposal's title and why, as in
   * “王芳 — 加装电梯: is the proposer” */
  title = g_strdup_printf (_("%s — %s: %s"), recusal->judge, recusal->title, phrase);
  /* Translators: a button's accessible name; a judge's name, then a proposal's title */
  label = removable ? g_strdup_printf (_("Remove the recusal of %s from “%s”"), recusal->judge, recusal->title)
                    : NULL;
  return row_new (title, *recusal->note != '\0' ? recusal->note : NULL, label,
                  _("Let this judge score the proposal"), out_button);
}

GtkWidget *
_yishi_contest_setup_empty_row (const char *text)
{
  GtkWidget *button;
  GtkWidget *row = row_new (text, NULL, NULL, NULL, &button);

  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

char *
_yishi_contest_setup_total_text (GPtrArray *criteria,
                                 gboolean  *out_usual)
{
  gint64 total = 0;
  g_autofree char *points = NULL;

  for (guint i = 0; i < criteria->len; i++)
    total += ((YishiContestCriterionRow *) criteria->pdata[i])->max_points;

  *out_usual = total == USUAL_TOTAL;
  if (*out_usual)
    return g_strdup (_("The maxima add up to 100 points."));

  points = yishi_contest_points_format_short (total);
  /* Translators: %s is a number of points other than 100, such as 95 */
  return g_strdup_printf (_("The maxima add up to %s points; most contests use 100."), points);
}

static char *
window_text (const YishiContestRow *contest)
{
  if (contest->opens_on != NULL && contest->closes_on != NULL)
    /* Translators: the days submissions open and close, as in “2025-03-01 to 2025-04-30” */
    return g_strdup_printf (_("%s to %s"), contest->opens_on, contest->closes_on);
  if (contest->opens_on != NULL)
    /* Translators: %s is the day submissions open */
    return g_strdup_printf (_("From %s"), contest->opens_on);
  if (contest->closes_on != NULL)
    /* Translators: %s is the day submissions close */
    return g_strdup_printf (_("Until %s"), contest->closes_on);
  /* Translators: the submission window of a contest has no dates */
  return g_strdup (_("Not set"));
}

static char *
funding_text (const YishiContestRow *contest)
{
  g_autofree char *words = NULL;

  if (contest->funding != YISHI_CONTEST_FUNDING_TOP_N)
    return g_strdup (yishi_contest_funding_rule_label (contest->funding));

  words = yishi_contest_funding_rule_describe (contest->funding, contest->top_n);
  /* Translators: a funding rule's name, then how many proposals it funds */
  return g_strdup_printf (_("%s: %s"), yishi_contest_funding_rule_label (contest->funding), words);
}

static char *
days_text (const YishiContestRow *contest)
{
  /* Translators: the objection period of a contest's public notice */
  return g_strdup_printf (ngettext ("%u day", "%u days", contest->objection_days), contest->objection_days);
}

static void
add_setting (GPtrArray  *rows,
             const char *title,
             const char *value)
{
  GtkWidget *button;

  g_ptr_array_add (rows, row_new (title, value, NULL, NULL, &button));
}

GPtrArray *
_yishi_contest_setup_settings_rows (const YishiContestRow *contest)
{
  GPtrArray *rows = g_ptr_array_new ();
  g_autofree char *budget = yishi_contest_yuan_text (contest->budget_fen);
  g_autofree char *window = window_text (contest);
  g_autofree char *funding = funding_text (contest);
  g_autofree char *days = days_text (contest);

  /* Translators: a contest has no organiser */
  add_setting (rows, _("Organiser"), *contest->organiser != '\0' ? contest->organiser : _("None"));
  add_setting (rows, _("Scope"), yishi_contest_scope_label (contest->scope));
  add_setting (rows, _("Budget"), budget);
  add_setting (rows, _("Submission Window"), window);
  add_setting (rows, _("Combining the Judges’ Totals"), yishi_contest_aggregation_label (contest->aggregation));
  gtk_widget_set_tooltip_text (rows->pdata[rows->len - 1], yishi_contest_aggregation_describe (contest->aggregation));
  add_setting (rows, _("Funding"), funding);
  add_setting (rows, _("Objection Period"), days);
  /* Translators: whether a setting is on */
  add_setting (rows, _("Judges Recused From Their Own Grid"),
               contest->recuse_same_grid ? C_("setting", "Yes") : C_("setting", "No"));
  return rows;
}
