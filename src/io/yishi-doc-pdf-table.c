#include "config.h"

#include "yishi-doc-pdf-private.h"

/* Tables: measured row by row, broken between rows, with the head
 * repeated on every page they continue on. */

/* The left edge of @column, or the right edge of the table for
 * n_columns. */
static double
column_x (const YishiDocTable *table,
          double               left,
          double               width,
          guint                column)
{
  double before = 0;

  for (guint i = 0; i < column && i < table->n_columns; i++)
    before += table->widths[i];

  return left + width * MIN (before, 1.0);
}

/* A row with its cells' text laid out in their columns; its height is
 * the tallest cell's. */
/* A cell's layout, shared with every cell of the same text, weight,
 * width and alignment: a layout is only drawn once made, never changed. */
static PangoLayout *
cell_layout (YishiDocPaginator *paginator,
             const char        *text,
             gboolean           bold,
             double             width,
             PangoAlignment     alignment)
{
  g_autofree char *key = g_strdup_printf ("%d|%.3f|%d|%s", bold, width, (int) alignment, text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (paginator->cells, key);

  if (layout == NULL)
    {
      layout = _yishi_doc_text_layout (paginator->context, text, _YISHI_DOC_SANS, _YISHI_DOC_TABLE_SIZE, bold,
                                       width, alignment);
      g_hash_table_insert (paginator->cells, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static YishiDocPiece *
row_piece_new (YishiDocPaginator   *paginator,
               const YishiDocTable *table,
               const YishiDocRow   *row)
{
  YishiDocPiece *piece = _yishi_doc_piece_new (_YISHI_DOC_PIECE_ROW, 0);
  double tallest = 0;

  piece->table = table;
  piece->header = row->header;
  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = column_x (table, 0, paginator->width, i + 1)
                     - column_x (table, 0, paginator->width, i) - 2 * _YISHI_DOC_CELL_PAD;
      PangoLayout *layout = cell_layout (paginator, row->cells[i], row->header, width,
                                         _yishi_doc_pango_alignment (table->aligns[i]));

      tallest = MAX (tallest, _yishi_doc_layout_height (layout));
      g_ptr_array_add (piece->layouts, layout);
    }
  piece->height = tallest + 2 * _YISHI_DOC_CELL_PAD;

  return piece;
}

/* Another placement of a measured row, sharing its layouts. */
static YishiDocPiece *
piece_copy (const YishiDocPiece *piece)
{
  YishiDocPiece *copy = g_new (YishiDocPiece, 1);

  *copy = *piece;
  copy->layouts = g_ptr_array_ref (piece->layouts);

  return copy;
}

static void
place_rows (YishiDocPaginator *paginator,
            GPtrArray         *rows,
            guint              start,
            guint              end)
{
  for (guint i = start; i < end; i++)
    _yishi_doc_paginator_place (paginator, piece_copy (g_ptr_array_index (rows, i)));
}

static double
rows_height (GPtrArray *rows,
             guint      start,
             guint      end)
{
  double height = 0;

  for (guint i = start; i < end && i < rows->len; i++)
    height += ((const YishiDocPiece *) g_ptr_array_index (rows, i))->height;

  return height;
}

/* Rows are never split: one that does not fit goes to the next page under
 * the repeated head. A row taller than a whole page is clipped at the
 * bottom margin. The head stays with the first body row. */
void
_yishi_doc_paginate_table (YishiDocPaginator   *paginator,
                           const YishiDocTable *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _yishi_doc_piece_free);
  guint n_head = _yishi_doc_table_get_n_head_rows (table);
  gboolean fresh = TRUE; /* only the head is on the page: place the row whatever its height */

  for (guint i = 0; i < table->rows->len; i++)
    g_ptr_array_add (rows, row_piece_new (paginator, table, g_ptr_array_index (table->rows, i)));

  if (rows_height (rows, 0, n_head + 1) > _yishi_doc_paginator_room (paginator) &&
      !_yishi_doc_paginator_at_top (paginator))
    _yishi_doc_paginator_break (paginator);
  place_rows (paginator, rows, 0, n_head);

  for (guint i = n_head; i < rows->len; i++)
    {
      if (rows_height (rows, i, i + 1) > _yishi_doc_paginator_room (paginator) && !fresh)
        {
          _yishi_doc_paginator_break (paginator);
          place_rows (paginator, rows, 0, n_head);
        }
      place_rows (paginator, rows, i, i + 1);
      fresh = FALSE;
    }
}

static gboolean
is_cut (const YishiDocPaginator *paginator,
        const YishiDocPiece     *piece)
{
  return piece->y + piece->height > paginator->bottom;
}

/* The grey behind a head row, added to the path for one fill a page. */
void
_yishi_doc_add_row_shading (cairo_t                 *cr,
                            const YishiDocPaginator *paginator,
                            const YishiDocPiece     *piece)
{
  if (piece->header)
    cairo_rectangle (cr, paginator->left, piece->y, paginator->width,
                     MIN (piece->height, paginator->bottom - piece->y));
}

void
_yishi_doc_draw_row_cells (cairo_t                 *cr,
                           const YishiDocPaginator *paginator,
                           const YishiDocPiece     *piece)
{
  const YishiDocTable *table = piece->table;
  gboolean cut = is_cut (paginator, piece);

  /* Only a row taller than a page is clipped at the bottom margin: a
   * clip for every row costs the PDF writer more than the row. */
  if (cut)
    {
      cairo_save (cr);
      cairo_rectangle (cr, paginator->left, piece->y, paginator->width, paginator->bottom - piece->y);
      cairo_clip (cr);
    }
  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayout *layout = g_ptr_array_index (piece->layouts, i);
      double x = column_x (table, paginator->left, paginator->width, i);

      /* centred down the row, beside a taller cell */
      _yishi_doc_show_layout (cr, layout, x + _YISHI_DOC_CELL_PAD,
                              piece->y + (piece->height - _yishi_doc_layout_height (layout)) / 2);
    }
  if (cut)
    cairo_restore (cr);
}

/* A row's borders, added to the path for one stroke a page. Each row
 * adds its own; the borders rows share are drawn twice, on the same
 * line. A row cut at the bottom margin stays open there. */
void
_yishi_doc_add_row_rules (cairo_t                 *cr,
                          const YishiDocPaginator *paginator,
                          const YishiDocPiece     *piece)
{
  const YishiDocTable *table = piece->table;
  double left = paginator->left;
  double right = left + paginator->width;
  double top = piece->y;
  double bottom = MIN (piece->y + piece->height, paginator->bottom);

  if (is_cut (paginator, piece))
    {
      cairo_move_to (cr, left, bottom);
      cairo_line_to (cr, left, top);
      cairo_line_to (cr, right, top);
      cairo_line_to (cr, right, bottom);
    }
  else
    cairo_rectangle (cr, left, top, paginator->width, bottom - top);

  for (guint i = 1; i < table->n_columns; i++)
    {
      double x = column_x (table, paginator->left, paginator->width, i);

      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
    }
}
