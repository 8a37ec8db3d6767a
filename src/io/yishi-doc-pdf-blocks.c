#include "config.h"

#include "yishi-doc-pdf-private.h"

/* The blocks other than tables: text broken between lines, figures and
 * signatures kept whole. */

#define MM            _YISHI_DOC_MM
#define COLUMN_GAP    (8 * MM)   /* between signatures */
#define MIN_SIGN_LINE (25 * MM)  /* shorter, the line goes under its label */

#define TITLE_SIZE    22.0 /* 二号 */
#define SUBTITLE_SIZE 14.0 /* 四号 */
#define HEADING_SIZE  14.0
#define TEXT_SIZE     12.0 /* 小四 */
#define LINE_SPACING  1.3  /* of the body text */

/* A heading needs this much room below it, so it is not left alone at
 * the foot of a page. */
#define KEEP_WITH_NEXT (3 * TEXT_SIZE)

PangoAlignment
_yishi_doc_pango_alignment (YishiDocAlign align)
{
  switch (align)
    {
    case YISHI_DOC_ALIGN_CENTER: return PANGO_ALIGN_CENTER;
    case YISHI_DOC_ALIGN_END:    return PANGO_ALIGN_RIGHT;
    case YISHI_DOC_ALIGN_START:
    default:                     return PANGO_ALIGN_LEFT;
    }
}

/* @text wrapped in @width; Pango flips the alignment of right-to-left
 * text, so LEFT is the start. */
PangoLayout *
_yishi_doc_text_layout (PangoContext   *context,
                        const char     *text,
                        const char     *family,
                        double          size_pt,
                        gboolean        bold,
                        double          width,
                        PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

double
_yishi_doc_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

YishiDocPiece *
_yishi_doc_piece_new (YishiDocPieceKind kind,
                      double            height)
{
  YishiDocPiece *piece = g_new0 (YishiDocPiece, 1);

  piece->kind = kind;
  piece->height = height;
  piece->layouts = g_ptr_array_new_with_free_func (g_object_unref);

  return piece;
}

void
_yishi_doc_piece_free (YishiDocPiece *piece)
{
  g_ptr_array_unref (piece->layouts);
  g_free (piece);
}

static GPtrArray *
last_page (YishiDocPaginator *paginator)
{
  return g_ptr_array_index (paginator->pages, paginator->pages->len - 1);
}

gboolean
_yishi_doc_paginator_at_top (YishiDocPaginator *paginator)
{
  return last_page (paginator)->len == 0;
}

double
_yishi_doc_paginator_room (YishiDocPaginator *paginator)
{
  return paginator->bottom - paginator->y;
}

void
_yishi_doc_paginator_break (YishiDocPaginator *paginator)
{
  g_ptr_array_add (paginator->pages,
                   g_ptr_array_new_with_free_func ((GDestroyNotify) _yishi_doc_piece_free));
  paginator->y = paginator->top;
}

void
_yishi_doc_paginator_place (YishiDocPaginator *paginator,
                            YishiDocPiece     *piece)
{
  piece->y = paginator->y;
  paginator->y += piece->height;
  g_ptr_array_add (last_page (paginator), piece);
}

/* The top and bottom of each line of @layout, line spacing included. */
static double *
line_ranges (PangoLayout *layout)
{
  double *ranges = g_new (double, 2 * pango_layout_get_line_count (layout));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      ranges[2 * i] = pango_units_to_double (top);
      ranges[2 * i + 1] = pango_units_to_double (bottom);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return ranges;
}

/* As many lines of @layout as fit on each page, down the pages. */
static void
place_lines (YishiDocPaginator *paginator,
             PangoLayout       *layout)
{
  int n_lines = pango_layout_get_line_count (layout);
  g_autofree double *ranges = line_ranges (layout);
  int first = 0;

  while (first < n_lines)
    {
      double room = _yishi_doc_paginator_room (paginator);
      int end = first;
      YishiDocPiece *piece;

      while (end < n_lines && ranges[2 * end + 1] - ranges[2 * first] <= room)
        end++;
      if (end == first && !_yishi_doc_paginator_at_top (paginator))
        {
          _yishi_doc_paginator_break (paginator);
          continue;
        }
      end = MAX (end, first + 1); /* a line taller than a page */

      piece = _yishi_doc_piece_new (_YISHI_DOC_PIECE_LINES,
                                    ranges[2 * end - 1] - ranges[2 * first]);
      g_ptr_array_add (piece->layouts, g_object_ref (layout));
      piece->first_line = first;
      piece->end_line = end;
      piece->skip = ranges[2 * first];
      _yishi_doc_paginator_place (paginator, piece);
      first = end;
    }
}

static PangoLayout *
block_text_layout (YishiDocPaginator   *paginator,
                   const YishiDocBlock *block)
{
  PangoAlignment alignment = _yishi_doc_pango_alignment (block->align);
  PangoLayout *layout;

  switch (block->kind)
    {
    case YISHI_DOC_BLOCK_TITLE:
      return _yishi_doc_text_layout (paginator->context, block->text, _YISHI_DOC_SERIF,
                                     TITLE_SIZE, TRUE, paginator->width, PANGO_ALIGN_CENTER);
    case YISHI_DOC_BLOCK_SUBTITLE:
      return _yishi_doc_text_layout (paginator->context, block->text, _YISHI_DOC_SERIF,
                                     SUBTITLE_SIZE, FALSE, paginator->width, PANGO_ALIGN_CENTER);
    case YISHI_DOC_BLOCK_HEADING:
      return _yishi_doc_text_layout (paginator->context, block->text, _YISHI_DOC_SANS,
                                     HEADING_SIZE, TRUE, paginator->width, PANGO_ALIGN_LEFT);
    default:
      layout = _yishi_doc_text_layout (paginator->context, block->text, _YISHI_DOC_SERIF,
                                       TEXT_SIZE, FALSE, paginator->width, alignment);
      /* body text set solid to both margins, as a word processor does */
      pango_layout_set_justify (layout, block->align == YISHI_DOC_ALIGN_START);
      pango_layout_set_line_spacing (layout, LINE_SPACING);
      return layout;
    }
}

void
_yishi_doc_paginate_text (YishiDocPaginator   *paginator,
                          const YishiDocBlock *block)
{
  g_autoptr(PangoLayout) layout = block_text_layout (paginator, block);

  if (block->kind == YISHI_DOC_BLOCK_HEADING &&
      _yishi_doc_layout_height (layout) + KEEP_WITH_NEXT > _yishi_doc_paginator_room (paginator) &&
      !_yishi_doc_paginator_at_top (paginator))
    _yishi_doc_paginator_break (paginator);

  place_lines (paginator, layout);
}

/* A figure taller than a page is cut to one. */
void
_yishi_doc_paginate_figure (YishiDocPaginator    *paginator,
                            const YishiDocFigure *figure)
{
  double height = MIN (figure->height_mm * MM, paginator->bottom - paginator->top);
  YishiDocPiece *piece = _yishi_doc_piece_new (_YISHI_DOC_PIECE_FIGURE, height);

  piece->figure = figure;
  if (height > _yishi_doc_paginator_room (paginator) && !_yishi_doc_paginator_at_top (paginator))
    _yishi_doc_paginator_break (paginator);
  _yishi_doc_paginator_place (paginator, piece);
}

static double
signature_column_width (const YishiDocPaginator *paginator,
                        guint                    n_columns)
{
  return (paginator->width - COLUMN_GAP * (n_columns - 1)) / n_columns;
}

/* The line to sign on: after the end of @label's last line if there is
 * room, else under it across the column. */
static void
signature_line (PangoLayout *label,
                double       column_width,
                double      *x0,
                double      *x1,
                double      *y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (label);
  PangoRectangle logical;
  double baseline;

  while (!pango_layout_iter_at_last_line (iter))
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
  pango_layout_iter_free (iter);

  *x0 = pango_units_to_double (logical.x + logical.width) + 2;
  *x1 = column_width;
  *y = baseline + 3;
  if (*x1 - *x0 < MIN_SIGN_LINE)
    {
      *x0 = 0;
      *y = baseline + 3 + 2 * TEXT_SIZE;
    }
}

void
_yishi_doc_paginate_signatures (YishiDocPaginator   *paginator,
                                const YishiDocBlock *block)
{
  guint n = g_strv_length (block->labels);
  double column_width = signature_column_width (paginator, n);
  YishiDocPiece *piece = _yishi_doc_piece_new (_YISHI_DOC_PIECE_SIGNATURES, 0);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *label = _yishi_doc_text_layout (paginator->context, block->labels[i],
                                                   _YISHI_DOC_SERIF, TEXT_SIZE, FALSE,
                                                   column_width, PANGO_ALIGN_LEFT);
      double x0, x1, y;

      signature_line (label, column_width, &x0, &x1, &y);
      piece->height = MAX (piece->height, MAX (y, _yishi_doc_layout_height (label)));
      g_ptr_array_add (piece->layouts, label);
    }

  if (piece->height > _yishi_doc_paginator_room (paginator) && !_yishi_doc_paginator_at_top (paginator))
    _yishi_doc_paginator_break (paginator);
  _yishi_doc_paginator_place (paginator, piece);
}

/* Draws the lines [@first_line, @end_line) of @layout, whose top is at
 * @y, each with pango_cairo_show_layout_line (): on a PDF surface that
 * costs far less than pango_cairo_show_layout (), which saves and
 * restores the cairo state around every layout and so breaks the text
 * object the PDF writer keeps open from one line to the next. */
void
_yishi_doc_show_lines (cairo_t     *cr,
                       PangoLayout *layout,
                       double       x,
                       double       y,
                       int          first_line,
                       int          end_line)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  do
    {
      PangoRectangle logical;
      double baseline;

      if (i >= end_line)
        break;
      if (i++ < first_line)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      cairo_move_to (cr, x + pango_units_to_double (logical.x), y + baseline);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
_yishi_doc_show_layout (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y)
{
  _yishi_doc_show_lines (cr, layout, x, y, 0, G_MAXINT);
}

void
_yishi_doc_draw_lines (cairo_t                 *cr,
                       const YishiDocPaginator *paginator,
                       const YishiDocPiece     *piece)
{
  _yishi_doc_show_lines (cr, g_ptr_array_index (piece->layouts, 0), paginator->left,
                         piece->y - piece->skip, piece->first_line, piece->end_line);
}

void
_yishi_doc_draw_figure (cairo_t                 *cr,
                        const YishiDocPaginator *paginator,
                        const YishiDocPiece     *piece)
{
  cairo_save (cr);
  cairo_translate (cr, paginator->left, piece->y);
  cairo_rectangle (cr, 0, 0, paginator->width, piece->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  piece->figure->draw (cr, paginator->width, piece->height, piece->figure->user_data);
  cairo_restore (cr);
}

void
_yishi_doc_draw_signatures (cairo_t                 *cr,
                            const YishiDocPaginator *paginator,
                            const YishiDocPiece     *piece)
{
  double column_width = signature_column_width (paginator, piece->layouts->len);

  cairo_set_line_width (cr, _YISHI_DOC_THIN_RULE);
  for (guint i = 0; i < piece->layouts->len; i++)
    {
      PangoLayout *label = g_ptr_array_index (piece->layouts, i);
      double x = paginator->left + i * (column_width + COLUMN_GAP);
      double x0, x1, y;

      _yishi_doc_show_layout (cr, label, x, piece->y);
      signature_line (label, column_width, &x0, &x1, &y);
      cairo_move_to (cr, x + x0, piece->y + y);
      cairo_line_to (cr, x + x1, piece->y + y);
      cairo_stroke (cr);
    }
}
