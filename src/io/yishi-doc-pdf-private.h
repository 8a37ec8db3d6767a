#pragma once

#include <pango/pangocairo.h>

#include "yishi-doc-pdf.h"
#include "yishi-doc-private.h"

G_BEGIN_DECLS

/* Shared by the files that lay a YishiDoc out on pages: the page's
 * measures, the pieces placed on a page, and the paginator that places
 * them top to bottom. */

#define _YISHI_DOC_MM          (72.0 / 25.4)
#define _YISHI_DOC_CELL_PAD    (1.5 * _YISHI_DOC_MM)
#define _YISHI_DOC_THIN_RULE   0.5

/* Songti for the text, as on printed notices; heiti for headings and
 * tables; whatever there is when they are missing. */
#define _YISHI_DOC_SERIF       "Noto Serif CJK SC, Noto Serif, serif"
#define _YISHI_DOC_SANS        "Noto Sans CJK SC, Noto Sans, sans-serif"
#define _YISHI_DOC_TABLE_SIZE  10.5 /* 五号 */

typedef enum
{
  _YISHI_DOC_PIECE_LINES,      /* some lines of a text block */
  _YISHI_DOC_PIECE_ROW,        /* a table row */
  _YISHI_DOC_PIECE_FIGURE,
  _YISHI_DOC_PIECE_SIGNATURES,
} YishiDocPieceKind;

/* Something drawn on a page, from @y (its top, in points from the top of
 * the paper) down @height. Pieces hold references to their layouts, so a
 * header row repeated on several pages shares them. */
typedef struct
{
  YishiDocPieceKind      kind;
  double                 y;
  double                 height;
  GPtrArray             *layouts;    /* of PangoLayout: LINES one, ROW one a cell,
                                      * SIGNATURES one a label */
  int                    first_line; /* LINES: the lines [first_line, end_line) */
  int                    end_line;
  double                 skip;       /* LINES: the top of first_line in the layout */
  const YishiDocTable   *table;      /* ROW */
  gboolean               header;     /* ROW: bold on grey */
  const YishiDocFigure  *figure;     /* FIGURE */
} YishiDocPiece;

/* Places pieces down the pages. */
typedef struct
{
  PangoContext *context;   /* of the layout's own font map, unhinted, 72 dpi */
  double        left;      /* the text's box on every page */
  double        width;
  double        top;
  double        bottom;
  GPtrArray    *pages;     /* of GPtrArray of YishiDocPiece */
  double        y;         /* where the next piece goes on the last page */
  GHashTable   *cells;     /* the layouts of table cells, by text and style: minutes
                            * repeat the same labels in every vote table */
} YishiDocPaginator;

/* yishi-doc-pdf-blocks.c: text, pieces and the paginator */
PangoLayout   *_yishi_doc_text_layout      (PangoContext      *context,
                                            const char        *text,
                                            const char        *family,
                                            double             size_pt,
                                            gboolean           bold,
                                            double             width,
                                            PangoAlignment     alignment);
double         _yishi_doc_layout_height    (PangoLayout       *layout);
PangoAlignment _yishi_doc_pango_alignment  (YishiDocAlign      align);

YishiDocPiece *_yishi_doc_piece_new        (YishiDocPieceKind  kind,
                                            double             height);
void           _yishi_doc_piece_free       (YishiDocPiece     *piece);

/* TRUE when nothing is on the last page yet */
gboolean       _yishi_doc_paginator_at_top (YishiDocPaginator *paginator);
double         _yishi_doc_paginator_room   (YishiDocPaginator *paginator);
void           _yishi_doc_paginator_break  (YishiDocPaginator *paginator);
/* Puts @piece (transfer full) at the paginator's y and moves below it. */
void           _yishi_doc_paginator_place  (YishiDocPaginator *paginator,
                                            YishiDocPiece     *piece);

/* yishi-doc-pdf-blocks.c: the text blocks, broken between lines */
void           _yishi_doc_paginate_text       (YishiDocPaginator       *paginator,
                                               const YishiDocBlock     *block);
void           _yishi_doc_paginate_figure     (YishiDocPaginator       *paginator,
                                               const YishiDocFigure    *figure);
void           _yishi_doc_paginate_signatures (YishiDocPaginator       *paginator,
                                               const YishiDocBlock     *block);
void           _yishi_doc_show_lines          (cairo_t                 *cr,
                                               PangoLayout             *layout,
                                               double                   x,
                                               double                   y,
                                               int                      first_line,
                                               int                      end_line);
/* All of @layout, its top left corner at (@x, @y) */
void           _yishi_doc_show_layout         (cairo_t                 *cr,
                                               PangoLayout             *layout,
                                               double                   x,
                                               double                   y);
void           _yishi_doc_draw_lines          (cairo_t                 *cr,
                                               const YishiDocPaginator *paginator,
                                               const YishiDocPiece     *piece);
void           _yishi_doc_draw_figure         (cairo_t                 *cr,
                                               const YishiDocPaginator *paginator,
                                               const YishiDocPiece     *piece);
void           _yishi_doc_draw_signatures     (cairo_t                 *cr,
                                               const YishiDocPaginator *paginator,
                                               const YishiDocPiece     *piece);

/* yishi-doc-pdf-table.c */
void           _yishi_doc_paginate_table      (YishiDocPaginator       *paginator,
                                               const YishiDocTable     *table);
/* A page's rows are drawn in three passes, each one PDF operation for
 * the page rather than one a row: shading, cells, rules. */
void           _yishi_doc_add_row_shading     (cairo_t                 *cr,
                                               const YishiDocPaginator *paginator,
                                               const YishiDocPiece     *piece);
void           _yishi_doc_draw_row_cells      (cairo_t                 *cr,
                                               const YishiDocPaginator *paginator,
                                               const YishiDocPiece     *piece);
void           _yishi_doc_add_row_rules       (cairo_t                 *cr,
                                               const YishiDocPaginator *paginator,
                                               const YishiDocPiece     *piece);

G_END_DECLS
