#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A printable document: a list of blocks, written as PDF (and drawn for
 * File → Print) by yishi-doc-pdf.h and as ODF text by yishi-doc-odt.h, so
 * a notice or minutes read the same in every format. The blocks hold the
 * text as it is to be printed, already translated. */

typedef struct _YishiDoc      YishiDoc;
typedef struct _YishiDocTable YishiDocTable;

typedef enum
{
  YISHI_DOC_ALIGN_START,
  YISHI_DOC_ALIGN_CENTER,
  YISHI_DOC_ALIGN_END,
} YishiDocAlign;

/* Draws a figure (a chart) into the box (0, 0, @width_pt, @height_pt)
 * of @cr, in points. Called once per PDF page it falls on, and once on a
 * high-resolution image surface for ODF. */
typedef void (*YishiDocDrawFunc) (cairo_t  *cr,
                                  double    width_pt,
                                  double    height_pt,
                                  gpointer  user_data);

/* @title is the document's title in its metadata. */
YishiDoc      *yishi_doc_new                (const char       *title);
void           yishi_doc_free               (YishiDoc         *doc);
const char    *yishi_doc_get_title          (const YishiDoc   *doc);
/* Printed at the foot of every page, beside “第 N 页 共 M 页”, e.g. a
 * short digest. NULL for none. */
void           yishi_doc_set_footer         (YishiDoc         *doc,
                                             const char       *footer);
const char    *yishi_doc_get_footer         (const YishiDoc   *doc);

/* The big centred heading (e.g. 关于……的公示). */
void           yishi_doc_add_title          (YishiDoc         *doc,
                                             const char       *text);
/* A centred line under the title (e.g. a date or a reference). */
void           yishi_doc_add_subtitle       (YishiDoc         *doc,
                                             const char       *text);
/* A section heading, e.g. “一、评审结果”. */
void           yishi_doc_add_heading        (YishiDoc         *doc,
                                             const char       *text);
/* Body text; a "\n" inside starts a new line of the same paragraph. */
void           yishi_doc_add_paragraph      (YishiDoc         *doc,
                                             const char       *text,
                                             YishiDocAlign     align);
/* A table of @n_columns whose widths are in the proportions of
 * @widths (NULL: equal). Header rows repeat at the top of every page. */
YishiDocTable *yishi_doc_add_table          (YishiDoc         *doc,
                                             guint             n_columns,
                                             const double     *widths);
void           yishi_doc_table_set_align    (YishiDocTable    *table,
                                             guint             column,
                                             YishiDocAlign     align);
/* @cells has n_columns strings ("" for a blank cell to fill in by hand). */
void           yishi_doc_table_add_row      (YishiDocTable    *table,
                                             gboolean          header,
                                             const char * const *cells);
/* A figure @height_mm tall across the text width. */
void           yishi_doc_add_figure         (YishiDoc         *doc,
                                             double            height_mm,
                                             const char       *description,
                                             YishiDocDrawFunc  draw,
                                             gpointer          user_data,
                                             GDestroyNotify    destroy);
/* Lines to sign on, side by side, e.g. “主持人（签字）：”. */
void           yishi_doc_add_signatures     (YishiDoc         *doc,
                                             const char * const *labels);
void           yishi_doc_add_page_break     (YishiDoc         *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiDoc, yishi_doc_free)

G_END_DECLS
