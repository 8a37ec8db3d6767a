#pragma once

#include <cairo.h>
#include <glib.h>

#include "yishi-doc.h"

G_BEGIN_DECLS

/* ISO A4 in PostScript points (1/72 inch): the paper of the PDF. */
#define YISHI_DOC_A4_WIDTH  (210.0 / 25.4 * 72.0)
#define YISHI_DOC_A4_HEIGHT (297.0 / 25.4 * 72.0)

/* A YishiDoc broken into pages of one size, to draw on a PDF surface or,
 * page by page, in GtkPrintOperation::draw-page. It refers to the
 * document's blocks: the document must outlive it.
 *
 * Text breaks between lines; a heading is kept with what follows; table
 * rows, figures and signatures are never split, and move to the next
 * page when they do not fit, a table under its repeated header rows. A
 * table row taller than a whole page is clipped at the bottom margin, and
 * a figure taller than one is given the height of the text box. A page
 * break at the top of a page adds no blank page. */
typedef struct _YishiDocLayout YishiDocLayout;

YishiDocLayout *yishi_doc_layout_new         (const YishiDoc  *doc,
                                              double           width_pt,
                                              double           height_pt);
void            yishi_doc_layout_free        (YishiDocLayout  *layout);
guint           yishi_doc_layout_get_n_pages (const YishiDocLayout *layout);
void            yishi_doc_layout_draw_page   (YishiDocLayout  *layout,
                                              cairo_t         *cr,
                                              guint            page);

gboolean        yishi_doc_write_pdf          (const YishiDoc  *doc,
                                              const char      *path,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiDocLayout, yishi_doc_layout_free)

G_END_DECLS
