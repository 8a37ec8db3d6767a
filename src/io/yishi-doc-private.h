#pragma once

#include "yishi-doc.h"

G_BEGIN_DECLS

/* The inside of a YishiDoc, for its writers (PDF, ODF) only.
 *
 * A document is its title (metadata), an optional footer and a list of
 * blocks in reading order. A writer walks them with
 *
 *   for (guint i = 0; i < _yishi_doc_get_n_blocks (doc); i++)
 *     {
 *       const YishiDocBlock *block = _yishi_doc_get_block (doc, i);
 *
 *       switch (block->kind) { … }
 *     }
 *
 * Every string is UTF-8, never NULL, and already translated. Nothing here
 * is to be modified by a writer. */

typedef enum
{
  YISHI_DOC_BLOCK_TITLE,      /* text: big, bold, centred */
  YISHI_DOC_BLOCK_SUBTITLE,   /* text: centred, under the title */
  YISHI_DOC_BLOCK_HEADING,    /* text: a bold section heading, start aligned */
  YISHI_DOC_BLOCK_PARAGRAPH,  /* text with "\n" for line breaks; align */
  YISHI_DOC_BLOCK_TABLE,      /* table */
  YISHI_DOC_BLOCK_FIGURE,     /* figure */
  YISHI_DOC_BLOCK_SIGNATURES, /* labels */
  YISHI_DOC_BLOCK_PAGE_BREAK, /* nothing: the next block starts a new page */
} YishiDocBlockKind;

/* One row of a table: n_columns cells, "" for a blank one. A header row
 * is printed bold on a light grey ground. The header rows that come before
 * the first body row are the table's head: they repeat at the top of
 * every page the table continues on (and are an ODF table-header-rows).
 * A header row after a body row is just a bold row. */
typedef struct
{
  gboolean   header;
  char     **cells;    /* NULL-terminated, exactly n_columns strings */
} YishiDocRow;

struct _YishiDocTable
{
  guint          n_columns;  /* at least 1 */
  double        *widths;     /* n_columns shares of the text width, each > 0,
                              * summing to 1.0 */
  YishiDocAlign *aligns;     /* n_columns, of the cells' text; START by default */
  GPtrArray     *rows;       /* of YishiDocRow, top to bottom */
};

typedef struct
{
  double            height_mm;   /* > 0; the width is the text width */
  char             *description; /* alternative text, "" when none */
  YishiDocDrawFunc  draw;        /* never NULL */
  gpointer          user_data;   /* passed to draw; owned by the block,
                                  * freed with destroy */
  GDestroyNotify    destroy;     /* may be NULL */
} YishiDocFigure;

typedef struct
{
  YishiDocBlockKind   kind;
  /* TITLE, SUBTITLE, HEADING, PARAGRAPH; NULL for the others */
  char               *text;
  /* PARAGRAPH: as given; TITLE and SUBTITLE: CENTER; others: START */
  YishiDocAlign       align;
  /* TABLE only, else NULL */
  YishiDocTable      *table;
  /* FIGURE only, else NULL */
  YishiDocFigure     *figure;
  /* SIGNATURES only, else NULL: NULL-terminated, at least one label, to
   * be laid out side by side in equal columns, each with a line to sign
   * on after (or under) it */
  char              **labels;
} YishiDocBlock;

guint                _yishi_doc_get_n_blocks (const YishiDoc *doc);
/* @index < _yishi_doc_get_n_blocks () */
const YishiDocBlock *_yishi_doc_get_block    (const YishiDoc *doc,
                                              guint           index);

/* Rows before the first body row that are headers: the repeated head.
 * At most table->rows->len. */
guint                _yishi_doc_table_get_n_head_rows (const YishiDocTable *table);

G_END_DECLS
