#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "yishi-contest-chart.h"

/* Measures in points, chosen so that the chart is still legible when a
 * notice is printed and photocopied: no text under 8 pt. */
#define MARGIN         4.0
#define LEGEND_HEIGHT  16.0
#define AXIS_HEIGHT    16.0
#define ROW_HEIGHT     18.0  /* preferred, per bar */
#define LINE_GAP       14.0  /* the funding line and its label, between two bars */
#define BAR_SHARE      0.62  /* of a row */
#define MAX_BAR        14.0
#define LABEL_SHARE    0.32  /* of the width, for “1. title” */
#define LABEL_GAP      6.0
#define VALUE_GAP      3.0
#define VALUE_ROOM     34.0  /* right of the axis, for “100.00” */
#define SWATCH         8.0

#define FONT_FAMILIES  "Noto Sans CJK SC, Noto Sans, sans-serif"
#define LABEL_SIZE     9.0
#define SMALL_SIZE     8.0

#define TEXT_RGB       0x241f31
#define GRID_RGB       0xc0bfbc
#define OUTLINE_RGB    0x241f31
#define LINE_RGB       0xa51d2d

typedef struct
{
  char     *label;   /* “1. title” */
  char     *value;   /* “87.25” */
  double    points;
  gboolean  funded;
} Bar;

struct _YishiContestChart
{
  GArray *bars;      /* of Bar, in rank order */
  double  scale;     /* the axis runs from 0 to this many points */
  guint   n_above;   /* bars above the funding line; 0 when none is drawn */
};

/* Where the parts of the chart go in a box of a given size. */
typedef struct
{
  double width;
  double label_width;
  double plot_left;
  double plot_width;
  double plot_top;
  double plot_bottom;
  double row;
  double gap;        /* LINE_GAP, or less when the box is short */
} Geometry;

static void
clear_bar (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* The scale of the contest: the sum of its criteria's maxima. */
static double
compute_scale (const YishiContestResults *results)
{
  gint64 sum = 0;

  for (guint i = 0; i < results->criteria->len; i++)
    sum += ((YishiContestCriterionRow *) g_ptr_array_index (results->criteria, i))->max_points;

  return sum > 0 ? sum / 100.0 : 100.0;
}

/* Where the funding line goes, among the ranked places: none when the
 * rule funds all of them or none. */
static guint
count_above_line (const YishiContestResults *results,
                  guint                      n_ranked)
{
  guint n = MIN (yishi_contest_funding_get_line (results->funding), n_ranked);

  return n < n_ranked ? n : 0;
}

static void
add_bar (YishiContestChart         *chart,
         const YishiContestResults *results,
         guint                      index)
{
  const YishiContestPlace *place = yishi_contest_ranking_get (results->ranking, index);
  const YishiContestGrant *grant = &g_array_index (results->funding->grants, YishiContestGrant, index);
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, place->proposal_id);
  Bar bar;

  /* Translators: a bar's label in the results chart: the proposal's
   * place, then its title; zh_CN “%u. %s” */
  bar.label = g_strdup_printf (_("%u. %s"), place->rank, entry != NULL ? entry->title : "");
  bar.value = yishi_contest_score_format (&place->final_score);
  bar.points = place->final_score.value / 100.0;
  bar.funded = grant->funded;
  g_array_append_val (chart->bars, bar);
}

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* one unit one point, and text that measures the same on every target */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_cairo_update_context (cr, context);

  return context;
}

static PangoLayout *
create_layout (PangoContext *context,
               const char   *text,
               double        size_pt,
               double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILIES);

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* @text with its left edge at @x (or its right edge, when @align_end),
 * centred on @y. */
static void
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        size_pt,
           double        x,
           double        y,
           double        max_width,
           gboolean      align_end)
{
  g_autoptr(PangoLayout) layout = create_layout (context, text, size_pt, max_width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (align_end)
    x -= pango_units_to_double (logical.x + logical.width);
  cairo_move_to (cr, x, y - pango_units_to_double (logical.height) / 2);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (PangoContext *context,
            const char   *text,
            double        size_pt)
{
  g_autoptr(PangoLayout) layout = create_layout (context, text, size_pt, -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

static void
compute_geometry (const YishiContestChart *chart,
                  double                   width,
                  double                   height,
                  Geometry                *geometry)
{
  guint n = chart->bars->len;
  double room;

  geometry->width = width;
  geometry->label_width = MAX (width * LABEL_SHARE, 1.0);
  geometry->plot_left = MARGIN + geometry->label_width + LABEL_GAP;
  geometry->plot_width = MAX (width - MARGIN - VALUE_ROOM - geometry->plot_left, 1.0);
  geometry->plot_top = MARGIN + LEGEND_HEIGHT;
  geometry->plot_bottom = MAX (height - MARGIN - AXIS_HEIGHT, geometry->plot_top + 1.0);
  room = geometry->plot_bottom - geometry->plot_top;
  geometry->gap = chart->n_above > 0 ? MIN (LINE_GAP, room / 4) : 0;
  geometry->row = n > 0 ? (room - geometry->gap) / n : room;
}

/* The top of the row of bar @index. */
static double
row_top (const YishiContestChart *chart,
         const Geometry          *geometry,
         guint                    index)
{
  double top = geometry->plot_top + index * geometry->row;

  return index >= chart->n_above && chart->n_above > 0 ? top + geometry->gap : top;
}

/* Ticks every 1, 2 or 5 × 10^k points: at most ten of them. */
static double
tick_step (double scale)
{
  double magnitude = 1.0;

  while (magnitude * 10 < scale / 10)
    magnitude *= 10;
  while (magnitude > scale / 10 && magnitude > 0.01)
    magnitude /= 10;
  if (scale / magnitude <= 10)
    return magnitude;
  if (scale / (2 * magnitude) <= 10)
    return 2 * magnitude;
  if (scale / (5 * magnitude) <= 10)
    return 5 * magnitude;
  return 10 * magnitude;
}

static double
x_of (const YishiContestChart *chart,
      const Geometry          *geometry,
      double                   points)
{
  return geometry->plot_left + geometry->plot_width * CLAMP (points / chart->scale, 0.0, 1.0);
}

static void
draw_grid (cairo_t                 *cr,
           PangoContext            *context,
           const YishiContestChart *chart,
           const Geometry          *geometry)
{
  double step = tick_step (chart->scale);
  guint n_ticks = (guint) (chart->scale / step + 1e-9);

  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i <= n_ticks; i++)
    {
      double x = x_of (chart, geometry, i * step);
      g_autofree char *label = g_strdup_printf ("%g", i * step);

      set_rgb (cr, GRID_RGB);
      cairo_move_to (cr, x, geometry->plot_top);
      cairo_line_to (cr, x, geometry->plot_bottom);
      cairo_stroke (cr);
      set_rgb (cr, TEXT_RGB);
      show_text (cr, context, label, SMALL_SIZE, x - text_width (context, label, SMALL_SIZE) / 2,
                 geometry->plot_bottom + AXIS_HEIGHT / 2, -1, FALSE);
    }

  /* the axis the bars start from */
  set_rgb (cr, TEXT_RGB);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, geometry->plot_left, geometry->plot_top);
  cairo_line_to (cr, geometry->plot_left, geometry->plot_bottom);
  cairo_stroke (cr);
}

static void
draw_bar (cairo_t                 *cr,
          PangoContext            *context,
          const YishiContestChart *chart,
          const Geometry          *geometry,
          guint                    index)
{
  const Bar *bar = &g_array_index (chart->bars, Bar, index);
  double thickness = MIN (geometry->row * BAR_SHARE, MAX_BAR);
  double middle = row_top (chart, geometry, index) + geometry->row / 2;
  double end = x_of (chart, geometry, bar->points);

  cairo_rectangle (cr, geometry->plot_left, middle - thickness / 2, end - geometry->plot_left, thickness);
  set_rgb (cr, bar->funded ? YISHI_CONTEST_CHART_FUNDED_RGB : YISHI_CONTEST_CHART_UNFUNDED_RGB);
  cairo_fill_preserve (cr);
  set_rgb (cr, OUTLINE_RGB);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);

  show_text (cr, context, bar->label, LABEL_SIZE, MARGIN, middle, geometry->label_width, FALSE);
  show_text (cr, context, bar->value, SMALL_SIZE, end + VALUE_GAP, middle, -1, FALSE);
}

static void
draw_funding_line (cairo_t                 *cr,
                   PangoContext            *context,
                   const YishiContestChart *chart,
                   const Geometry          *geometry)
{
  static const double dashes[] = { 4.0, 2.5 };
  double y = row_top (chart, geometry, chart->n_above) - geometry->gap / 2;
  /* Translators: the label of the dashed line in the results chart
   * between the proposals the rule funds and the others; zh_CN “资金线” */
  const char *label = _("Funding line");
  double right = geometry->width - MARGIN;
  double label_left = right - text_width (context, label, SMALL_SIZE);

  set_rgb (cr, LINE_RGB);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MAX (label_left - VALUE_GAP, MARGIN), y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  show_text (cr, context, label, SMALL_SIZE, right, y, -1, TRUE);
}

static double
draw_swatch (cairo_t      *cr,
             PangoContext *context,
             double        x,
             guint32       rgb,
             const char   *label)
{
  double middle = MARGIN + LEGEND_HEIGHT / 2;

  cairo_rectangle (cr, x, middle - SWATCH / 2, SWATCH, SWATCH);
  set_rgb (cr, rgb);
  cairo_fill_preserve (cr);
  set_rgb (cr, OUTLINE_RGB);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
  set_rgb (cr, TEXT_RGB);
  show_text (cr, context, label, SMALL_SIZE, x + SWATCH + VALUE_GAP, middle, -1, FALSE);

  return x + SWATCH + VALUE_GAP + text_width (context, label, SMALL_SIZE) + 3 * SWATCH;
}

static void
draw_legend (cairo_t           *cr,
             PangoContext      *context,
             const Geometry    *geometry)
{
  double x = geometry->plot_left;

  /* Translators: in the legend of the results chart; zh_CN “资助” */
  x = draw_swatch (cr, context, x, YISHI_CONTEST_CHART_FUNDED_RGB, _("Funded"));
  /* Translators: in the legend of the results chart; zh_CN “未资助” */
  draw_swatch (cr, context, x, YISHI_CONTEST_CHART_UNFUNDED_RGB, _("Not funded"));
}

static void
draw_empty (cairo_t      *cr,
            PangoContext *context,
            double        width,
            double        height)
{
  /* Translators: in place of the results chart of a contest no judge
   * has scored yet; zh_CN “尚无评分” */
  const char *text = _("No proposal has been scored yet.");

  set_rgb (cr, TEXT_RGB);
  show_text (cr, context, text, LABEL_SIZE, width / 2 - text_width (context, text, LABEL_SIZE) / 2,
             height / 2, -1, FALSE);
}

/**
 * yishi_contest_chart_new:
 *
 * Copies what the chart of @results shows: the ranked places (those no
 * judge scored are left out), their final scores and funding, and where
 * the funding line goes.
 */
YishiContestChart *
yishi_contest_chart_new (const YishiContestResults *results)
{
  YishiContestChart *chart;
  guint n_places;
  guint n_ranked = 0;

  g_return_val_if_fail (results != NULL && results->ranking != NULL, NULL);
  g_return_val_if_fail (results->funding != NULL && results->criteria != NULL, NULL);

  chart = g_new0 (YishiContestChart, 1);
  chart->bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  g_array_set_clear_func (chart->bars, clear_bar);
  chart->scale = compute_scale (results);

  n_places = yishi_contest_ranking_get_n_places (results->ranking);
  for (guint i = 0; i < n_places && yishi_contest_ranking_get (results->ranking, i)->rank > 0; i++)
    {
      add_bar (chart, results, i);
      n_ranked++;
    }
  chart->n_above = count_above_line (results, n_ranked);

  return chart;
}

void
yishi_contest_chart_free (YishiContestChart *chart)
{
  if (chart == NULL)
    return;

  g_array_unref (chart->bars);
  g_free (chart);
}

/**
 * yishi_contest_chart_get_preferred_height:
 *
 * The height in points that gives each bar about 18 points, with room
 * for the legend, the funding line and the axis.
 */
double
yishi_contest_chart_get_preferred_height (const YishiContestChart *chart,
                                          double                   width_pt)
{
  g_return_val_if_fail (chart != NULL, 0);

  return 2 * MARGIN + LEGEND_HEIGHT + AXIS_HEIGHT + MAX (chart->bars->len, 2) * ROW_HEIGHT
         + (chart->n_above > 0 ? LINE_GAP : 0);
}

/**
 * yishi_contest_chart_render:
 * @cr: a context whose user unit is one point, with the chart's box at
 *   (0, 0); left as it was
 *
 * Draws @chart, dark on a light ground, into @width_pt × @height_pt: the
 * bars share the height whatever it is. The ground is not painted.
 */
void
yishi_contest_chart_render (const YishiContestChart *chart,
                            cairo_t                 *cr,
                            double                   width_pt,
                            double                   height_pt)
{
  PangoContext *context;
  Geometry geometry;

  g_return_if_fail (chart != NULL && cr != NULL);
  g_return_if_fail (width_pt > 0 && height_pt > 0);

  cairo_save (cr);
  cairo_new_path (cr);
  context = create_context (cr);
  if (chart->bars->len == 0)
    {
      draw_empty (cr, context, width_pt, height_pt);
      g_object_unref (context);
      cairo_restore (cr);
      return;
    }

  compute_geometry (chart, width_pt, height_pt, &geometry);
  draw_legend (cr, context, &geometry);
  draw_grid (cr, context, chart, &geometry);
  for (guint i = 0; i < chart->bars->len; i++)
    draw_bar (cr, context, chart, &geometry, i);
  if (chart->n_above > 0)
    draw_funding_line (cr, context, chart, &geometry);
  g_object_unref (context);
  cairo_restore (cr);
}

/**
 * yishi_contest_chart_draw:
 *
 * Draws the chart of @results, as yishi_contest_chart_render () does.
 */
void
yishi_contest_chart_draw (cairo_t                   *cr,
                          double                     width_pt,
                          double                     height_pt,
                          const YishiContestResults *results)
{
  g_autoptr(YishiContestChart) chart = NULL;

  g_return_if_fail (cr != NULL && results != NULL);

  chart = yishi_contest_chart_new (results);
  yishi_contest_chart_render (chart, cr, width_pt, height_pt);
}

double
yishi_contest_chart_preferred_height (const YishiContestResults *results,
                                      double                     width_pt)
{
  g_autoptr(YishiContestChart) chart = NULL;

  g_return_val_if_fail (results != NULL, 0);

  chart = yishi_contest_chart_new (results);
  return yishi_contest_chart_get_preferred_height (chart, width_pt);
}
