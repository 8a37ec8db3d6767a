#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_SCORING_GRID (yishi_scoring_grid_get_type ())

G_DECLARE_FINAL_TYPE (YishiScoringGrid, yishi_scoring_grid, YISHI, SCORING_GRID, GtkWidget)

/* The scores of one judge at a time: a proposal a row, a criterion a
 * column, typed from the keyboard alone. Enter stores a score and moves
 * on, Tab moves on and stores it too; points outside 0…maximum or off
 * the criterion's step are refused as they are typed and never stored.
 * A judge recused from a proposal has no cells on its row. The menu
 * saves blank score sheets and imports typed-in ones; "changed" is
 * emitted after an import. */
void yishi_scoring_grid_set_contest (YishiScoringGrid *self,
                                     YishiSession     *session,
                                     gint64            contest_id);
void yishi_scoring_grid_reload      (YishiScoringGrid *self);
/* The judge whose scores are on screen; 0 before any is. */
gint64   yishi_scoring_grid_get_judge_id (YishiScoringGrid *self);
/* Chooses the judge whose scores are shown; FALSE if not a judge. */
gboolean yishi_scoring_grid_select_judge (YishiScoringGrid *self,
                                          gint64            person_id);

G_END_DECLS
