#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "yishi-doc-pdf-private.h"
#include "yishi-document-save.h"

/* The page, in points, as a committee lays a notice out in a word
 * processor. */
#define MM            _YISHI_DOC_MM
#define MARGIN_SIDE   (25 * MM)
#define MARGIN_TOP    (25 * MM)
#define MARGIN_BOTTOM (25 * MM)
#define FOOTER_OFFSET (8 * MM)   /* from the bottom margin's top, inside it */
#define FOOTER_GAP    (4 * MM)   /* between the page number and the footer text */

#define SMALL_SIZE    9.0  /* 小五 */
#define HEADER_GREY   0.88 /* behind a table's head rows */

struct _YishiDocLayout
{
  YishiDocPaginator  paginator;
  PangoFontMap      *font_map;
  double             width;
  double             height;
  char              *footer;
  PangoLayout       *footer_layout; /* made on the first page drawn */
};

/* The space above each kind of block, left out at the top of a page. */
static double
space_before (YishiDocBlockKind kind)
{
  switch (kind)
    {
    case YISHI_DOC_BLOCK_TITLE:      return 6 * MM;
    case YISHI_DOC_BLOCK_SUBTITLE:   return 3 * MM;
    case YISHI_DOC_BLOCK_HEADING:    return 5 * MM;
    case YISHI_DOC_BLOCK_PARAGRAPH:  return 2.5 * MM;
    case YISHI_DOC_BLOCK_TABLE:      return 3 * MM;
    case YISHI_DOC_BLOCK_FIGURE:     return 3 * MM;
    case YISHI_DOC_BLOCK_SIGNATURES: return 15 * MM; /* room to sign */
    case YISHI_DOC_BLOCK_PAGE_BREAK:
    default:                         return 0;
    }
}

static void
skip_space (YishiDocPaginator *paginator,
            double             space)
{
  if (!_yishi_doc_paginator_at_top (paginator))
    paginator->y += space;
}

static void
paginate_block (YishiDocPaginator   *paginator,
                const YishiDocBlock *block)
{
  skip_space (paginator, space_before (block->kind));

  switch (block->kind)
    {
    case YISHI_DOC_BLOCK_TABLE:
      _yishi_doc_paginate_table (paginator, block->table);
      break;
    case YISHI_DOC_BLOCK_FIGURE:
      _yishi_doc_paginate_figure (paginator, block->figure);
      break;
    case YISHI_DOC_BLOCK_SIGNATURES:
      _yishi_doc_paginate_signatures (paginator, block);
      break;
    case YISHI_DOC_BLOCK_PAGE_BREAK:
      if (!_yishi_doc_paginator_at_top (paginator))
        _yishi_doc_paginator_break (paginator);
      break;
    case YISHI_DOC_BLOCK_TITLE:
    case YISHI_DOC_BLOCK_SUBTITLE:
    case YISHI_DOC_BLOCK_HEADING:
    case YISHI_DOC_BLOCK_PARAGRAPH:
    default:
      _yishi_doc_paginate_text (paginator, block);
      break;
    }
}

/* A context whose measurements do not depend on the target: one unit is
 * one point and metrics are unhinted, so the text on paper, in a print
 * preview and in the PDF breaks where the layout measured it. */
static PangoContext *
create_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static void
draw_piece (cairo_t                 *cr,
            const YishiDocPaginator *paginator,
            const YishiDocPiece     *piece)
{
  switch (piece->kind)
    {
    case _YISHI_DOC_PIECE_LINES:
      _yishi_doc_draw_lines (cr, paginator, piece);
      break;
    case _YISHI_DOC_PIECE_ROW:
      _yishi_doc_draw_row_cells (cr, paginator, piece);
      break;
    case _YISHI_DOC_PIECE_FIGURE:
      _yishi_doc_draw_figure (cr, paginator, piece);
      break;
    case _YISHI_DOC_PIECE_SIGNATURES:
    default:
      _yishi_doc_draw_signatures (cr, paginator, piece);
      break;
    }
}

static PangoLayout *
page_number_layout (YishiDocLayout *self,
                    guint           page)
{
  YishiDocPaginator *paginator = &self->paginator;
  /* Translators: the foot of each page of a printed document: this page's
   * number, then how many there are; zh_CN “第 %1$u 页 共 %2$u 页” */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1,
                                             paginator->pages->len);

  return _yishi_doc_text_layout (paginator->context, number, _YISHI_DOC_SERIF, SMALL_SIZE, FALSE,
                                 paginator->width, PANGO_ALIGN_CENTER);
}

/* The document's footer, the same on every page: laid out once, beside
 * the widest page number, the last page's. */
static PangoLayout *
footer_layout (YishiDocLayout *self)
{
  YishiDocPaginator *paginator = &self->paginator;
  g_autoptr(PangoLayout) widest = NULL;
  PangoRectangle extents;

  if (self->footer_layout != NULL || self->footer == NULL)
    return self->footer_layout;

  widest = page_number_layout (self, paginator->pages->len - 1);
  pango_layout_line_get_extents (pango_layout_get_line_readonly (widest, 0), NULL, &extents);
  /* beside the page number, in at most three lines */
  self->footer_layout = _yishi_doc_text_layout (paginator->context, self->footer, _YISHI_DOC_SANS,
                                                SMALL_SIZE, FALSE,
                                                (paginator->width - pango_units_to_double (extents.width)) / 2
                                                - FOOTER_GAP,
                                                PANGO_ALIGN_LEFT);
  pango_layout_set_height (self->footer_layout, -3);
  pango_layout_set_ellipsize (self->footer_layout, PANGO_ELLIPSIZE_END);

  return self->footer_layout;
}

/* “第 N 页 共 M 页” centred, and the document's footer at the start. */
static void
draw_footer (cairo_t        *cr,
             YishiDocLayout *self,
             guint           page)
{
  g_autoptr(PangoLayout) number = page_number_layout (self, page);
  PangoLayout *footer = footer_layout (self);
  double y = self->height - MARGIN_BOTTOM + FOOTER_OFFSET;

  _yishi_doc_show_layout (cr, number, self->paginator.left, y);
  if (footer != NULL)
    _yishi_doc_show_layout (cr, footer, self->paginator.left, y);
}

/**
 * yishi_doc_layout_new:
 * @doc: outlives the layout, which refers to its blocks
 *
 * Breaks @doc into pages of @width_pt × @height_pt points with margins of
 * 25 mm. The text is measured with fonts of the layout's own, without a
 * display, and drawn at the same size on any target.
 */
YishiDocLayout *
yishi_doc_layout_new (const YishiDoc *doc,
                      double          width_pt,
                      double          height_pt)
{
  YishiDocLayout *self;
  YishiDocPaginator *paginator;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (width_pt > 2 * MARGIN_SIDE && height_pt > MARGIN_TOP + MARGIN_BOTTOM, NULL);

  self = g_new0 (YishiDocLayout, 1);
  self->width = width_pt;
  self->height = height_pt;
  self->footer = g_strdup (yishi_doc_get_footer (doc));
  /* The thread's own font map, kept from one document to the next: a
   * new one loads and shapes the CJK fonts again, which costs more than
   * laying out a hundred pages. */
  self->font_map = g_object_ref (pango_cairo_font_map_get_default ());

  paginator = &self->paginator;
  paginator->context = create_context (self->font_map);
  paginator->left = MARGIN_SIDE;
  paginator->width = width_pt - 2 * MARGIN_SIDE;
  paginator->top = MARGIN_TOP;
  paginator->bottom = height_pt - MARGIN_BOTTOM;
  paginator->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  paginator->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  _yishi_doc_paginator_break (paginator);

  for (guint i = 0; i < _yishi_doc_get_n_blocks (doc); i++)
    paginate_block (paginator, _yishi_doc_get_block (doc, i));
  /* after a page break at the end */
  if (paginator->pages->len > 1 && _yishi_doc_paginator_at_top (paginator))
    g_ptr_array_set_size (paginator->pages, paginator->pages->len - 1);

  return self;
}

void
yishi_doc_layout_free (YishiDocLayout *layout)
{
  if (layout == NULL)
    return;

  g_ptr_array_unref (layout->paginator.pages);
  g_hash_table_unref (layout->paginator.cells);
  g_clear_object (&layout->footer_layout);
  g_object_unref (layout->paginator.context);
  g_object_unref (layout->font_map);
  g_free (layout->footer);
  g_free (layout);
}

/**
 * yishi_doc_layout_get_n_pages:
 *
 * Returns: how many pages the document takes, at least one
 */
guint
yishi_doc_layout_get_n_pages (const YishiDocLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->paginator.pages->len;
}

typedef void (*AddRowPath) (cairo_t                 *cr,
                            const YishiDocPaginator *paginator,
                            const YishiDocPiece     *piece);

static void
add_row_paths (cairo_t                 *cr,
               const YishiDocPaginator *paginator,
               GPtrArray               *pieces,
               AddRowPath               add)
{
  for (guint i = 0; i < pieces->len; i++)
    {
      const YishiDocPiece *piece = g_ptr_array_index (pieces, i);

      if (piece->kind == _YISHI_DOC_PIECE_ROW)
        add (cr, paginator, piece);
    }
}

/**
 * yishi_doc_layout_draw_page:
 * @cr: a context whose user unit is one point, with (0, 0) at the top left
 *   corner of the paper, such as a PDF surface's or a GtkPrintContext's
 *   with GTK_UNIT_POINTS and the full page
 * @page: 0-based, less than yishi_doc_layout_get_n_pages ()
 *
 * Draws one page and its footer. Figures are drawn by their draw
 * functions now. @cr is left as it was.
 */
void
yishi_doc_layout_draw_page (YishiDocLayout *layout,
                            cairo_t        *cr,
                            guint           page)
{
  GPtrArray *pieces;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < layout->paginator.pages->len);

  pieces = g_ptr_array_index (layout->paginator.pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_new_path (cr);

  add_row_paths (cr, &layout->paginator, pieces, _yishi_doc_add_row_shading);
  cairo_set_source_rgb (cr, HEADER_GREY, HEADER_GREY, HEADER_GREY);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < pieces->len; i++)
    draw_piece (cr, &layout->paginator, g_ptr_array_index (pieces, i));
  draw_footer (cr, layout, page);

  cairo_new_path (cr);
  add_row_paths (cr, &layout->paginator, pieces, _yishi_doc_add_row_rules);
  cairo_set_line_width (cr, _YISHI_DOC_THIN_RULE);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The whole PDF in memory, so the file is only touched once it is
 * complete. */
static cairo_status_t
render_pdf (const YishiDoc *doc,
            GByteArray     *out)
{
  g_autoptr(YishiDocLayout) layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH,
                                                           YISHI_DOC_A4_HEIGHT);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes_cb, out,
                                                                  YISHI_DOC_A4_WIDTH,
                                                                  YISHI_DOC_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (*yishi_doc_get_title (doc) != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, yishi_doc_get_title (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Yishi " PACKAGE_VERSION);
  for (guint page = 0; page < yishi_doc_layout_get_n_pages (layout); page++)
    {
      yishi_doc_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * yishi_doc_write_pdf:
 *
 * Writes @doc to @path as an A4 PDF. The file is written under a
 * temporary name in the same folder and renamed into place when complete,
 * so a failure leaves an existing file as it was and no partial file
 * behind. Errors are in the G_IO_ERROR domain.
 */
gboolean
yishi_doc_write_pdf (const YishiDoc  *doc,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *display_name = NULL;
  cairo_status_t status;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);
  status = render_pdf (doc, pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, then cairo's reason (in English) */
                   _("Could not make the document “%s”: %s"),
                   display_name, cairo_status_to_string (status));
      return FALSE;
    }

  return yishi_document_save (path, (const char *) pdf->data, pdf->len, error);
}
