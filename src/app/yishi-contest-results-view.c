#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-chart.h"
#include "yishi-contest-notice.h"
#include "yishi-contest-results-view.h"
#include "yishi-contest-labels.h"
#include "yishi-doc-print.h"
#include "yishi-file-choice.h"
#include "yishi-money.h"
#include "yishi-override-dialog.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiContestResultsView
{
  GtkWidget            parent_instance;

  YishiSession        *session;
  gint64               contest_id;
  YishiContestResults *results;
  YishiContestChart   *chart_data;
  GCancellable        *cancellable;

  /* template children */
  GtkWidget *root_child;
  GtkLabel            *summary_label;
  GtkGrid             *table;
  GtkLabel            *notes_label;
  GtkDrawingArea      *chart;
};

G_DEFINE_FINAL_TYPE (YishiContestResultsView, yishi_contest_results_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
cell_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_table (YishiContestResultsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

static void
add_header (YishiContestResultsView *self)
{
  const GPtrArray *criteria = self->results->criteria;
  guint n = criteria->len;

  gtk_grid_attach (self->table, cell_label (C_("results column", "Rank"), 1, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->table, cell_label (C_("results column", "Proposal"), 0, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->table, cell_label (C_("results column", "Final score"), 1, "heading"), 2, 0, 1, 1);
  for (guint c = 0; c < n; c++)
    {
      const YishiContestCriterionRow *criterion = criteria->pdata[c];

      gtk_grid_attach (self->table, cell_label (criterion->name, 1, "heading"), 3 + c, 0, 1, 1);
    }
  gtk_grid_attach (self->table, cell_label (C_("results column", "Cost"), 1, "heading"), 3 + n, 0, 1, 1);
  gtk_grid_attach (self->table, cell_label (C_("results column", "Funded"), 0, "heading"), 4 + n, 0, 1, 1);
  gtk_grid_attach (self->table, cell_label (C_("results column", "Tie broken by"), 0, "heading"), 5 + n, 0, 1, 1);
}

/* The reason of an override is told under the table. */
static const char *
funded_text (const YishiContestGrant *grant)
{
  if (grant->overridden)
    /* Translators: the funding of a proposal an organiser decided against the rule */
    return grant->funded ? _("Funded (override)") : _("Not funded (override)");
  return grant->funded ? _("Funded") : _("Not funded");
}

static void
override_saved_cb (YishiContestResultsView *self)
{
  yishi_contest_results_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
override_clicked_cb (GtkButton               *button,
                     YishiContestResultsView *self)
{
  gint64 proposal_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "yishi-proposal"));
  const YishiContestGrant *grant = yishi_contest_funding_find (self->results->funding, proposal_id);
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (self->results, proposal_id);
  YishiOverrideDialog *dialog;

  if (grant == NULL || entry == NULL)
    return;
  dialog = yishi_override_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->session,
                                      self->contest_id, proposal_id, entry->title, grant->funded,
                                      grant->overridden);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (override_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
override_button (YishiContestResultsView    *self,
                 const YishiContestEntryRow *entry)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  /* Translators: a button's tooltip and accessible name; %s is a proposal's title */
  g_autofree char *name = g_strdup_printf (_("Change the funding of “%s”…"), entry->title);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "yishi-proposal", GSIZE_TO_POINTER (entry->proposal_id));
  g_signal_connect (button, "clicked", G_CALLBACK (override_clicked_cb), self);
  return button;
}

static void
add_place (YishiContestResultsView *self,
           guint                    index,
           int                      row)
{
  const YishiContestResults *results = self->results;
  const YishiContestPlace *place = yishi_contest_ranking_get (results->ranking, index);
  const YishiContestGrant *grant = yishi_contest_funding_find (results->funding, place->proposal_id);
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, place->proposal_id);
  guint n = results->criteria->len;
  g_autofree char *rank = place->rank > 0 ? g_strdup_printf ("%u", place->rank) : g_strdup ("—");
  g_autofree char *score = place->rank > 0 ? yishi_contest_score_format (&place->final_score) : g_strdup ("—");
  g_autofree char *cost = yishi_money_format_yuan (place->cost);
  const char *funded = funded_text (grant);
  GtkWidget *title = cell_label (entry->title, 0, NULL);

  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_widget_set_tooltip_text (title, entry->title);
  gtk_grid_attach (self->table, cell_label (rank, 1, "numeric"), 0, row, 1, 1);
  gtk_grid_attach (self->table, title, 1, row, 1, 1);
  gtk_grid_attach (self->table, cell_label (score, 1, "heading"), 2, row, 1, 1);
  for (guint c = 0; c < n; c++)
    {
      YishiContestScore average;
      g_autofree char *text = NULL;

      yishi_contest_place_criterion_average (results->ranking, place, c, &average);
      text = place->rank > 0 ? yishi_contest_score_format (&average) : g_strdup ("—");
      gtk_grid_attach (self->table, cell_label (text, 1, "numeric"), 3 + c, row, 1, 1);
    }
  gtk_grid_attach (self->table, cell_label (cost, 1, "numeric"), 3 + n, row, 1, 1);
  gtk_grid_attach (self->table, cell_label (funded, 0, grant->funded ? "success" : "dim-label"), 4 + n, row, 1, 1);
  gtk_grid_attach (self->table,
                   cell_label (place->tie_break != YISHI_CONTEST_TIE_BREAK_NONE
                               ? yishi_contest_tie_break_label (place->tie_break) : "", 0, NULL),
                   5 + n, row, 1, 1);
  if (results->contest->state != YISHI_CONTEST_STATE_PUBLISHED)
    gtk_grid_attach (self->table, override_button (self, entry), 6 + n, row, 1, 1);
}

static void
add_funding_line (YishiContestResultsView *self,
                  int                      row)
{
  const YishiContestFunding *funding = self->results->funding;
  g_autofree char *spent = yishi_money_format_yuan (funding->spent);
  g_autofree char *budget = yishi_money_format_yuan (funding->budget);
  /* Translators: the line under the last funded proposal; the money spent, then the budget */
  g_autofree char *text = g_strdup_printf (_("Funding line: %s of the %s budget allocated"), spent, budget);
  GtkWidget *label = cell_label (text, 0.5, "accent");

  gtk_grid_attach (self->table, label, 0, row, 7 + self->results->criteria->len, 1);
}

static void
fill_table (YishiContestResultsView *self)
{
  guint n_places = yishi_contest_ranking_get_n_places (self->results->ranking);
  guint line = yishi_contest_funding_get_line (self->results->funding);
  int row = 1;

  clear_table (self);
  add_header (self);
  for (guint i = 0; i < n_places; i++)
    {
      if (i == line && line > 0)
        add_funding_line (self, row++);
      add_place (self, i, row++);
    }
  if (line == n_places && line > 0)
    add_funding_line (self, row);
}

static char *
describe_summary (const YishiContestResults *results)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, results->contest->lots_seed);

  /* Translators: above a contest's ranking: the number of judges, how their totals are combined, then the
   * seed of the drawing of lots */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u judge · %s. The lots that break the last ties "
                                       "are drawn with seed %s.",
                                       "%u judges · %s. The lots that break the last ties are drawn with "
                                       "seed %s.", results->n_judges),
                          results->n_judges, yishi_contest_aggregation_describe (results->contest->aggregation),
                          seed);
}

/* “Places 5 and 6 have the same final score, 73.13. Tie broken by:
 * Untrimmed mean.” for each tie. */
static void
append_ties (GString                   *notes,
             const YishiContestResults *results)
{
  for (guint i = 0; i < yishi_contest_ranking_get_n_places (results->ranking); i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (results->ranking, i);
      g_autofree char *score = NULL;

      if (place->tie_break == YISHI_CONTEST_TIE_BREAK_NONE)
        continue;
      score = yishi_contest_score_format (&place->final_score);
      /* Translators: under a contest's ranking: two places, their common final score, then the rule that
       * ordered them, e.g. “Untrimmed mean” */
      g_string_append_printf (notes, _("Places %u and %u have the same final score, %s. Tie broken by: %s."),
                              place->rank, place->rank + 1, score, yishi_contest_tie_break_label (place->tie_break));
      g_string_append_c (notes, '\n');
    }
}

static void
append_overrides (GString                   *notes,
                  const YishiContestResults *results)
{
  for (guint i = 0; i < results->funding->grants->len; i++)
    {
      const YishiContestGrant *grant = &g_array_index (results->funding->grants, YishiContestGrant, i);
      const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, grant->proposal_id);

      if (!grant->overridden || entry == NULL)
        continue;
      g_string_append_printf (notes, grant->funded
                              /* Translators: an organiser's decision against the funding rule: a proposal's
                               * title, then the reason given */
                              ? _("“%s” is funded by the organiser’s decision: %s")
                              : _("“%s” is not funded by the organiser’s decision: %s"),
                              entry->title, grant->reason);
      g_string_append_c (notes, '\n');
    }
}

/* Ties and how they were broken, overrides with their reasons, and
 * trimmed means that fell back to the mean. */
static char *
describe_notes (const YishiContestResults *results)
{
  GString *notes = g_string_new (NULL);
  guint fell_back = 0;

  append_ties (notes, results);
  append_overrides (notes, results);
  for (guint i = 0; i < yishi_contest_ranking_get_n_places (results->ranking); i++)
    if (yishi_contest_ranking_get (results->ranking, i)->fell_back)
      fell_back++;
  if (fell_back > 0)
    /* Translators: under the ranking of a contest using the trimmed mean */
    g_string_append_printf (notes, g_dngettext (GETTEXT_PACKAGE,
                                                "%u proposal was scored by fewer than 3 judges: its final score "
                                                "is the plain mean.",
                                                "%u proposals were scored by fewer than 3 judges: their final "
                                                "scores are the plain mean.", fell_back), fell_back);
  while (notes->len > 0 && notes->str[notes->len - 1] == '\n')
    g_string_truncate (notes, notes->len - 1);
  return g_string_free (notes, FALSE);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  YishiContestResultsView *self = user_data;

  if (self->chart_data != NULL)
    yishi_contest_chart_render (self->chart_data, cr, width, height);
}

static void
show_results (YishiContestResultsView *self)
{
  g_autofree char *summary = describe_summary (self->results);
  g_autofree char *notes = describe_notes (self->results);

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *notes != '\0');
  fill_table (self);
  g_clear_pointer (&self->chart_data, yishi_contest_chart_free);
  self->chart_data = yishi_contest_chart_new (self->results);
  gtk_drawing_area_set_content_height (self->chart,
                                       (int) yishi_contest_chart_get_preferred_height (self->chart_data, 600));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) yishi_contest_results_free;
  return yishi_contest_store_results (db, *(gint64 *) data, error);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiContestResultsView) self = user_data;
  g_autoptr(GError) error = NULL;
  YishiContestResults *results = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Results Could Not Be Read"), error);
      return;
    }
  g_clear_pointer (&self->results, yishi_contest_results_free);
  self->results = results;
  show_results (self);
}

void
yishi_contest_results_view_reload (YishiContestResultsView *self)
{
  g_return_if_fail (YISHI_IS_CONTEST_RESULTS_VIEW (self));

  /* read when shown (see map_cb): ranking a large contest for a page no
   * one looks at is wasted work */
  if (self->session == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  yishi_store_run_async (yishi_session_get_database (self->session), load_func,
                         g_memdup2 (&self->contest_id, sizeof self->contest_id), g_free,
                         self->cancellable, loaded_cb, g_object_ref (self));
}

void
yishi_contest_results_view_set_contest (YishiContestResultsView *self,
                                        YishiSession            *session,
                                        gint64                   contest_id)
{
  g_return_if_fail (YISHI_IS_CONTEST_RESULTS_VIEW (self));

  g_set_object (&self->session, session);
  self->contest_id = contest_id;
  g_clear_pointer (&self->results, yishi_contest_results_free);
  yishi_contest_results_view_reload (self);
}

/* Scores typed on the Scoring page show when the results are looked at. */
static void
map_cb (YishiContestResultsView *self)
{
  yishi_contest_results_view_reload (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  YishiContestResultsView *self = YISHI_CONTEST_RESULTS_VIEW (widget);

  if (self->results != NULL)
    yishi_doc_print_run (widget, yishi_contest_notice_build (self->results),
                         _("The Notice Could Not Be Printed"));
}

typedef struct
{
  gint64  contest_id;
  char   *path;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->path);
  g_free (job);
}

/* The notice is written from results read afresh, in the worker. */
static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  const SaveJob *job = data;
  g_autoptr(YishiContestResults) results = yishi_contest_store_results (db, job->contest_id, error);

  if (results == NULL || !yishi_contest_notice_write (results, job->path, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiContestResultsView) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (yishi_store_run_finish (YISHI_DATABASE (source), result, &error) == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Notice Could Not Be Saved"), error);
      return;
    }
  if (YISHI_IS_WINDOW (root))
    /* Translators: a toast after saving the public notice */
    yishi_window_show_toast (YISHI_WINDOW (root), adw_toast_new (_("Public notice saved")));
}

static void
save_chosen (GtkWidget  *widget,
             const char *path,
             gpointer    user_data)
{
  YishiContestResultsView *self = YISHI_CONTEST_RESULTS_VIEW (widget);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->contest_id = self->contest_id;
  job->path = g_strdup (path);
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, job, save_job_free, NULL,
                         saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  YishiContestResultsView *self = YISHI_CONTEST_RESULTS_VIEW (widget);
  static const char * const patterns[] = { "*.pdf", "*.odt", NULL };
  g_autofree char *name = NULL;

  if (self->results == NULL)
    return;
  /* Translators: the suggested file name of the public notice (公示); %s is the contest's name */
  name = g_strdup_printf (_("%s notice.pdf"), self->results->contest->name);
  yishi_file_choice_run (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Public Notice"), name,
                         _("PDF or ODF text (.pdf, .odt)"), patterns, save_chosen, NULL, NULL);
}

static void
yishi_contest_results_view_dispose (GObject *object)
{
  YishiContestResultsView *self = YISHI_CONTEST_RESULTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_CONTEST_RESULTS_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->results, yishi_contest_results_free);
  g_clear_pointer (&self->chart_data, yishi_contest_chart_free);

  G_OBJECT_CLASS (yishi_contest_results_view_parent_class)->dispose (object);
}

static void
yishi_contest_results_view_class_init (YishiContestResultsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_contest_results_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-contest-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiContestResultsView, root_child);
  gtk_widget_class_bind_template_child (widget_class, YishiContestResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, YishiContestResultsView, table);
  gtk_widget_class_bind_template_child (widget_class, YishiContestResultsView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, YishiContestResultsView, chart);

  gtk_widget_class_install_action (widget_class, "results.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "results.save", NULL, save_action);
}

static void
yishi_contest_results_view_init (YishiContestResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
}
