#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-labels.h"
#include "yishi-score-import.h"
#include "yishi-scoring-grid-private.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* The cells of the scoring grid. Each is checked as it is typed, so a
 * judge's 31 on a criterion of 30 is refused before it is ever stored;
 * Enter, or leaving the cell, stores what is valid in a worker, and the
 * totals and progress follow what is stored. */

enum { FIRST_CELL_COLUMN = 2 };

static void
clear_grid (YishiScoringGrid *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->total_labels, g_ptr_array_unref);
  g_clear_pointer (&self->progress_labels, g_ptr_array_unref);
  g_clear_pointer (&self->others_scored, g_free);
}

void
_yishi_scoring_grid_show_error (YishiScoringGrid *self,
                                const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const YishiContestCriterionRow *
cell_criterion (const YishiScoringCell *cell)
{
  return cell->grid->data->criteria->pdata[cell->column];
}

static const YishiContestEntryRow *
cell_entry (const YishiScoringCell *cell)
{
  return cell->grid->data->entries->pdata[cell->row];
}

static YishiScoringCell *
get_cell (YishiScoringGrid *self,
          guint             row,
          guint             column)
{
  return self->cells->pdata[row * self->data->criteria->len + column];
}

/* The points typed, checked against the criterion; -1 for an empty
 * cell; FALSE with @error when refused. */
static gboolean
read_cell (const YishiScoringCell  *cell,
           gint64                  *out_points,
           GError                 **error)
{
  const char *text = gtk_editable_get_text (cell->entry);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped == '\0')
    {
      *out_points = -1;
      return TRUE;
    }
  return yishi_contest_parse_points (stripped, out_points, error) &&
         yishi_contest_check_points (cell_criterion (cell), *out_points, error);
}

static void
row_totals (YishiScoringGrid *self,
            guint             row,
            gint64           *out_total,
            guint            *out_scored)
{
  *out_total = 0;
  *out_scored = 0;
  for (guint c = 0; c < self->data->criteria->len; c++)
    {
      YishiScoringCell *cell = get_cell (self, row, c);

      if (cell != NULL && cell->stored >= 0)
        {
          *out_total += cell->stored;
          (*out_scored)++;
        }
    }
}

void
_yishi_scoring_grid_show_progress (YishiScoringGrid *self)
{
  guint judge_scored = 0, judge_expected = 0;

  for (guint r = 0; self->cells != NULL && r < self->data->entries->len; r++)
    {
      const YishiContestEntryRow *entry = self->data->entries->pdata[r];
      g_autofree char *total_text = NULL;
      g_autofree char *progress = NULL;
      gint64 total;
      guint scored;

      row_totals (self, r, &total, &scored);
      judge_scored += scored;
      if (get_cell (self, r, 0) != NULL)
        judge_expected += self->data->criteria->len;
      total_text = scored > 0 ? yishi_contest_points_format (total) : g_strdup ("—");
      gtk_label_set_label (self->total_labels->pdata[r], total_text);
      progress = yishi_contest_text_progress (self->others_scored[r] + scored, entry->n_expected);
      gtk_label_set_label (self->progress_labels->pdata[r], progress);
    }
  if (self->data->judge_id != 0)
    {
      g_autofree char *text = yishi_contest_text_progress (judge_scored, judge_expected);

      gtk_label_set_label (self->judge_progress, text);
    }
  else
    gtk_label_set_label (self->judge_progress, "");
}

typedef struct
{
  gint64 contest_id;
  gint64 judge_id;
  gint64 proposal_id;
  gint64 criterion_id;
  gint64 points; /* -1: take the score back */
} ScoreWrite;

static gpointer
write_func (YishiDatabase   *db,
            gpointer         data,
            GCancellable    *cancellable,
            GDestroyNotify  *out_free,
            GError         **error)
{
  const ScoreWrite *write = data;
  gboolean ok = write->points < 0
    ? yishi_contest_store_clear_score (db, write->contest_id, write->judge_id, write->proposal_id,
                                       write->criterion_id, error)
    : yishi_contest_store_set_score (db, write->contest_id, write->judge_id, write->proposal_id,
                                     write->criterion_id, write->points, error);

  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

typedef struct
{
  YishiScoringGrid *grid;   /* owned */
  YishiScoringData *data;   /* the data the cell belongs to, to tell a stale reply */
  guint             index;
  gint64            points;
} WriteReply;

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree WriteReply *reply = user_data;
  g_autoptr(YishiScoringGrid) self = reply->grid;
  g_autoptr(GError) error = NULL;
  YishiScoringCell *cell;

  if (yishi_store_run_finish (YISHI_DATABASE (source), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _yishi_scoring_grid_show_error (self, error->message);
      return;
    }
  /* the grid was rebuilt since: what it read already has this score */
  if (self->data != reply->data)
    return;
  cell = self->cells->pdata[reply->index];
  cell->stored = reply->points;
  _yishi_scoring_grid_show_progress (self);
}

static void
store_cell (YishiScoringCell *cell,
            gint64            points)
{
  YishiScoringGrid *self = cell->grid;
  ScoreWrite *write = g_new0 (ScoreWrite, 1);
  WriteReply *reply = g_new0 (WriteReply, 1);

  write->contest_id = self->contest_id;
  write->judge_id = self->data->judge_id;
  write->proposal_id = cell_entry (cell)->proposal_id;
  write->criterion_id = cell_criterion (cell)->id;
  write->points = points;
  reply->grid = g_object_ref (self);
  reply->data = self->data;
  reply->index = cell->row * self->data->criteria->len + cell->column;
  reply->points = points;
  yishi_store_run_async (yishi_session_get_database (self->session), write_func, write, g_free,
                         self->cancellable, written_cb, reply);
}

/* Stores the cell if it changed; FALSE when what is typed is refused. */
static gboolean
commit_cell (YishiScoringCell *cell)
{
  g_autoptr(GError) error = NULL;
  gint64 points = -1;

  if (!read_cell (cell, &points, &error))
    {
      _yishi_scoring_grid_show_error (cell->grid, error->message);
      return FALSE;
    }
  if (points != cell->stored)
    store_cell (cell, points);
  return TRUE;
}

static void
cell_changed_cb (GtkEditable      *entry,
                 YishiScoringCell *cell)
{
  g_autoptr(GError) error = NULL;
  gint64 points = -1;

  if (read_cell (cell, &points, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
      _yishi_scoring_grid_show_error (cell->grid, NULL);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  _yishi_scoring_grid_show_error (cell->grid, error->message);
}

/* The next cell in reading order, wrapping to the next proposal. */
static YishiScoringCell *
next_cell (YishiScoringCell *cell)
{
  YishiScoringGrid *self = cell->grid;
  guint index = cell->row * self->data->criteria->len + cell->column;

  for (guint i = index + 1; i < self->cells->len; i++)
    if (self->cells->pdata[i] != NULL)
      return self->cells->pdata[i];
  return NULL;
}

static void
cell_activate_cb (GtkEditable      *entry,
                  YishiScoringCell *cell)
{
  YishiScoringCell *next;

  if (!commit_cell (cell))
    return;
  next = next_cell (cell);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next->entry));
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               YishiScoringCell        *cell)
{
  commit_cell (cell);
}

static GtkWidget *
make_label (const char *text,
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
add_header (YishiScoringGrid *self)
{
  guint n = self->data->criteria->len;

  /* Translators: a column of the scoring grid: the proposal's id */
  gtk_grid_attach (self->grid, make_label (C_("scoring column", "No."), 1, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->grid, make_label (C_("scoring column", "Proposal"), 0, "heading"), 1, 0, 1, 1);
  for (guint c = 0; c < n; c++)
    {
      const YishiContestCriterionRow *criterion = self->data->criteria->pdata[c];
      g_autofree char *max = yishi_contest_points_format_short (criterion->max_points);
      /* Translators: a criterion's column in the scoring grid: its name, then its maximum points */
      g_autofree char *text = g_strdup_printf (_("%s\n(0–%s)"), criterion->name, max);
      GtkWidget *label = make_label (text, 0.5, "heading");

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_tooltip_text (label, criterion->description);
      gtk_grid_attach (self->grid, label, FIRST_CELL_COLUMN + c, 0, 1, 1);
    }
  gtk_grid_attach (self->grid, make_label (C_("scoring column", "Total"), 1, "heading"),
                   FIRST_CELL_COLUMN + n, 0, 1, 1);
  gtk_grid_attach (self->grid, make_label (C_("scoring column", "All judges"), 0, "heading"),
                   FIRST_CELL_COLUMN + n + 1, 0, 1, 1);
}

static YishiScoringCell *
add_cell (YishiScoringGrid *self,
          guint             row,
          guint             column,
          gboolean          editable)
{
  const YishiContestEntryRow *entry = self->data->entries->pdata[row];
  const YishiContestCriterionRow *criterion = self->data->criteria->pdata[column];
  YishiScoringCell *cell = g_new0 (YishiScoringCell, 1);
  GtkWidget *widget = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  /* Translators: the accessible name of a score cell: a criterion's name, then a proposal's title */
  g_autofree char *name = g_strdup_printf (_("%s of “%s”"), criterion->name, entry->title);

  cell->grid = self;
  cell->entry = GTK_EDITABLE (widget);
  cell->row = row;
  cell->column = column;
  cell->stored = yishi_scoring_data_find_points (self->data, entry->proposal_id, criterion->id);
  if (cell->stored >= 0)
    {
      g_autofree char *text = yishi_contest_points_format (cell->stored);

      gtk_editable_set_text (cell->entry, text);
    }
  gtk_editable_set_width_chars (cell->entry, 6);
  gtk_editable_set_alignment (cell->entry, 1);
  gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_sensitive (widget, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (widget, name);
  g_signal_connect (widget, "changed", G_CALLBACK (cell_changed_cb), cell);
  g_signal_connect (widget, "activate", G_CALLBACK (cell_activate_cb), cell);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), cell);
  gtk_widget_add_controller (widget, focus);
  gtk_grid_attach (self->grid, widget, FIRST_CELL_COLUMN + column, row + 1, 1, 1);
  return cell;
}

static void
add_row (YishiScoringGrid *self,
         guint             row,
         gboolean          editable)
{
  const YishiContestEntryRow *entry = self->data->entries->pdata[row];
  const YishiContestRecusalRow *recusal = yishi_scoring_data_find_recusal (self->data, entry->proposal_id);
  guint n = self->data->criteria->len;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->proposal_id);
  GtkWidget *title = make_label (entry->title, 0, NULL);
  GtkWidget *total = make_label ("", 1, "numeric");
  GtkWidget *progress = make_label ("", 0, "dim-label");

  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, entry->title);
  gtk_grid_attach (self->grid, make_label (id, 1, "dim-label"), 0, row + 1, 1, 1);
  gtk_grid_attach (self->grid, title, 1, row + 1, 1, 1);
  if (recusal != NULL)
    {
      /* Translators: shown across a judge's score cells for a proposal they may not score; %s says why */
      g_autofree char *text = g_strdup_printf (_("Recused: %s"), yishi_recusal_reason_label (recusal->reason));

      gtk_grid_attach (self->grid, make_label (text, 0.5, "dim-label"), FIRST_CELL_COLUMN, row + 1, n, 1);
      for (guint c = 0; c < n; c++)
        g_ptr_array_add (self->cells, NULL);
    }
  else
    for (guint c = 0; c < n; c++)
      g_ptr_array_add (self->cells, add_cell (self, row, c, editable));
  gtk_grid_attach (self->grid, total, FIRST_CELL_COLUMN + n, row + 1, 1, 1);
  gtk_grid_attach (self->grid, progress, FIRST_CELL_COLUMN + n + 1, row + 1, 1, 1);
  g_ptr_array_add (self->total_labels, total);
  g_ptr_array_add (self->progress_labels, progress);
}

/* The other judges' scores of each proposal, so that the progress of a
 * proposal follows this judge's typing without reading the file again. */
static void
count_others (YishiScoringGrid *self)
{
  for (guint r = 0; r < self->data->entries->len; r++)
    {
      const YishiContestEntryRow *entry = self->data->entries->pdata[r];
      gint64 total;
      guint scored;

      row_totals (self, r, &total, &scored);
      self->others_scored[r] = entry->n_scored - MIN (scored, entry->n_scored);
    }
}

void
_yishi_scoring_grid_build (YishiScoringGrid *self)
{
  gboolean editable = self->data->contest->state == YISHI_CONTEST_STATE_JUDGING;

  clear_grid (self);
  self->cells = g_ptr_array_new_with_free_func (g_free);
  self->total_labels = g_ptr_array_new ();
  self->progress_labels = g_ptr_array_new ();
  self->others_scored = g_new0 (guint, self->data->entries->len + 1);
  if (self->data->judge_id == 0 || self->data->criteria->len == 0)
    {
      _yishi_scoring_grid_show_progress (self);
      return;
    }
  add_header (self);
  for (guint r = 0; r < self->data->entries->len; r++)
    add_row (self, r, editable);
  count_others (self);
  _yishi_scoring_grid_show_progress (self);
}
