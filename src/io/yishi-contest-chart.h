#pragma once

#include <cairo.h>
#include <glib.h>

#include "yishi-contest-results.h"

G_BEGIN_DECLS

/* The bar chart of a contest's results: one horizontal bar a ranked
 * proposal, in rank order, as long as its final score on the contest's
 * points scale, with the funding line drawn under the last proposal the
 * rule funds. It is drawn in points (one user unit of @cr is one point)
 * on any cairo surface: a GtkDrawingArea, a PDF page, an image.
 *
 * Funded bars are filled dark, the others light grey with a dark
 * outline, so the two still differ when printed in black and white. */

/* The fills, as 0xRRGGBB. */
#define YISHI_CONTEST_CHART_FUNDED_RGB   0x1c71d8
#define YISHI_CONTEST_CHART_UNFUNDED_RGB 0xdeddda

/* What a chart draws, copied out of the results, so that it can be
 * drawn after they are freed (a figure of a printed document). */
typedef struct _YishiContestChart YishiContestChart;

YishiContestChart *yishi_contest_chart_new                  (const YishiContestResults *results);
void               yishi_contest_chart_free                 (YishiContestChart         *chart);
void               yishi_contest_chart_render               (const YishiContestChart   *chart,
                                                             cairo_t                   *cr,
                                                             double                     width_pt,
                                                             double                     height_pt);
double             yishi_contest_chart_get_preferred_height (const YishiContestChart   *chart,
                                                             double                     width_pt);

/* The same, straight from the results. */
void               yishi_contest_chart_draw                 (cairo_t                   *cr,
                                                             double                     width_pt,
                                                             double                     height_pt,
                                                             const YishiContestResults *results);
double             yishi_contest_chart_preferred_height     (const YishiContestResults *results,
                                                             double                     width_pt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestChart, yishi_contest_chart_free)

G_END_DECLS
