#pragma once

#include "yishi-scoring-data.h"
#include "yishi-scoring-grid.h"

G_BEGIN_DECLS

/* One cell of the grid: a judge's points for a proposal on a criterion. */
typedef struct
{
  YishiScoringGrid *grid;
  GtkEditable      *entry;
  guint             row;       /* index into data->entries */
  guint             column;    /* index into data->criteria */
  gint64            stored;    /* the points stored, or -1 */
} YishiScoringCell;

struct _YishiScoringGrid
{
  GtkWidget          parent_instance;

  YishiSession      *session;
  gint64             contest_id;
  gint64             judge_id;
  YishiScoringData  *data;
  GPtrArray         *cells;          /* YishiScoringCell, row by row; NULL where recused */
  GPtrArray         *total_labels;   /* GtkLabel, a row each */
  GPtrArray         *progress_labels;
  guint             *others_scored;  /* a row each: scores of the other judges */
  GCancellable      *cancellable;
  gboolean           filling;        /* the judge list is being refilled */

  /* template children */
  GtkWidget         *root_child;
  GtkDropDown       *judge_choice;
  GtkLabel          *judge_progress;
  GtkLabel          *state_label;
  GtkLabel          *error_label;
  GtkGrid           *grid;
};

/* yishi-scoring-grid.c: read everything again after an import */
void _yishi_scoring_grid_changed        (YishiScoringGrid *self);
/* yishi-scoring-cells.c */
void _yishi_scoring_grid_build          (YishiScoringGrid *self);
void _yishi_scoring_grid_show_progress  (YishiScoringGrid *self);
void _yishi_scoring_grid_show_error     (YishiScoringGrid *self,
                                         const char       *message);
/* yishi-scoring-files.c */
void _yishi_scoring_grid_install_file_actions (GtkWidgetClass *widget_class);

G_END_DECLS
