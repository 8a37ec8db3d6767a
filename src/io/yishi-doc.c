#include "config.h"

#include "yishi-doc-private.h"

struct _YishiDoc
{
  char      *title;
  char      *footer;   /* NULL for none */
  GPtrArray *blocks;   /* of YishiDocBlock */
};

static void
row_free (YishiDocRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (YishiDocTable *table)
{
  g_free (table->widths);
  g_free (table->aligns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
figure_free (YishiDocFigure *figure)
{
  if (figure->destroy != NULL)
    figure->destroy (figure->user_data);
  g_free (figure->description);
  g_free (figure);
}

static void
block_free (YishiDocBlock *block)
{
  g_free (block->text);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->figure, figure_free);
  g_strfreev (block->labels);
  g_free (block);
}

static YishiDocBlock *
add_block (YishiDoc          *doc,
           YishiDocBlockKind  kind)
{
  YishiDocBlock *block = g_new0 (YishiDocBlock, 1);

  block->kind = kind;
  block->align = YISHI_DOC_ALIGN_START;
  g_ptr_array_add (doc->blocks, block);

  return block;
}

static void
add_text_block (YishiDoc          *doc,
                YishiDocBlockKind  kind,
                const char        *text,
                YishiDocAlign      align)
{
  YishiDocBlock *block = add_block (doc, kind);

  block->text = g_strdup (text != NULL ? text : "");
  block->align = align;
}

/* Shares of the text width summing to 1; equal ones when @widths is NULL
 * or holds a share that is not positive. */
static double *
normalize_widths (guint         n_columns,
                  const double *widths)
{
  double *shares = g_new (double, n_columns);
  double total = 0;

  for (guint i = 0; widths != NULL && i < n_columns; i++)
    {
      if (!(widths[i] > 0))
        {
          total = 0;
          break;
        }
      total += widths[i];
    }

  for (guint i = 0; i < n_columns; i++)
    shares[i] = total > 0 ? widths[i] / total : 1.0 / n_columns;

  return shares;
}

guint
_yishi_doc_get_n_blocks (const YishiDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);

  return doc->blocks->len;
}

const YishiDocBlock *
_yishi_doc_get_block (const YishiDoc *doc,
                      guint           index)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (index < doc->blocks->len, NULL);

  return g_ptr_array_index (doc->blocks, index);
}

guint
_yishi_doc_table_get_n_head_rows (const YishiDocTable *table)
{
  guint n = 0;

  g_return_val_if_fail (table != NULL, 0);

  while (n < table->rows->len && ((const YishiDocRow *) g_ptr_array_index (table->rows, n))->header)
    n++;

  return n;
}

/**
 * yishi_doc_new:
 * @title: (nullable): the title in the document's metadata
 *
 * An empty document.
 */
YishiDoc *
yishi_doc_new (const char *title)
{
  YishiDoc *doc = g_new0 (YishiDoc, 1);

  doc->title = g_strdup (title != NULL ? title : "");
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  return doc;
}

/**
 * yishi_doc_free:
 *
 * Frees @doc, calling the destroy notify of each figure's data.
 */
void
yishi_doc_free (YishiDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->title);
  g_free (doc->footer);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

const char *
yishi_doc_get_title (const YishiDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->title;
}

void
yishi_doc_set_footer (YishiDoc   *doc,
                      const char *footer)
{
  g_return_if_fail (doc != NULL);

  g_free (doc->footer);
  doc->footer = footer != NULL && *footer != '\0' ? g_strdup (footer) : NULL;
}

/**
 * yishi_doc_get_footer:
 *
 * Returns: (nullable): the footer, %NULL when there is none
 */
const char *
yishi_doc_get_footer (const YishiDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->footer;
}

void
yishi_doc_add_title (YishiDoc   *doc,
                     const char *text)
{
  g_return_if_fail (doc != NULL);

  add_text_block (doc, YISHI_DOC_BLOCK_TITLE, text, YISHI_DOC_ALIGN_CENTER);
}

void
yishi_doc_add_subtitle (YishiDoc   *doc,
                        const char *text)
{
  g_return_if_fail (doc != NULL);

  add_text_block (doc, YISHI_DOC_BLOCK_SUBTITLE, text, YISHI_DOC_ALIGN_CENTER);
}

void
yishi_doc_add_heading (YishiDoc   *doc,
                       const char *text)
{
  g_return_if_fail (doc != NULL);

  add_text_block (doc, YISHI_DOC_BLOCK_HEADING, text, YISHI_DOC_ALIGN_START);
}

void
yishi_doc_add_paragraph (YishiDoc      *doc,
                         const char    *text,
                         YishiDocAlign  align)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (align <= YISHI_DOC_ALIGN_END);

  add_text_block (doc, YISHI_DOC_BLOCK_PARAGRAPH, text, align);
}

/**
 * yishi_doc_add_table:
 * @widths: (nullable) (array length=n_columns): the columns' shares of the
 *   text width, each positive; %NULL for equal columns
 *
 * Returns: (transfer none): the table, owned by @doc, to add rows to
 */
YishiDocTable *
yishi_doc_add_table (YishiDoc     *doc,
                     guint         n_columns,
                     const double *widths)
{
  YishiDocBlock *block;
  YishiDocTable *table;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  table = g_new0 (YishiDocTable, 1);
  table->n_columns = n_columns;
  table->widths = normalize_widths (n_columns, widths);
  table->aligns = g_new0 (YishiDocAlign, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  block = add_block (doc, YISHI_DOC_BLOCK_TABLE);
  block->table = table;

  return table;
}

void
yishi_doc_table_set_align (YishiDocTable *table,
                           guint          column,
                           YishiDocAlign  align)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (column < table->n_columns);
  g_return_if_fail (align <= YISHI_DOC_ALIGN_END);

  table->aligns[column] = align;
}

/**
 * yishi_doc_table_add_row:
 * @cells: (array): n_columns strings; a %NULL one is blank
 *
 * Adds a row below those already in @table.
 */
void
yishi_doc_table_add_row (YishiDocTable      *table,
                         gboolean            header,
                         const char * const *cells)
{
  YishiDocRow *row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);

  row = g_new0 (YishiDocRow, 1);
  row->header = header;
  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

/**
 * yishi_doc_add_figure:
 * @description: (nullable): what the figure shows, for readers who cannot
 *   see it
 * @user_data: (closure draw): owned by @doc from now on
 * @destroy: (nullable): frees @user_data with @doc
 */
void
yishi_doc_add_figure (YishiDoc         *doc,
                      double            height_mm,
                      const char       *description,
                      YishiDocDrawFunc  draw,
                      gpointer          user_data,
                      GDestroyNotify    destroy)
{
  YishiDocBlock *block;
  YishiDocFigure *figure;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (height_mm > 0);
  g_return_if_fail (draw != NULL);

  figure = g_new0 (YishiDocFigure, 1);
  figure->height_mm = height_mm;
  figure->description = g_strdup (description != NULL ? description : "");
  figure->draw = draw;
  figure->user_data = user_data;
  figure->destroy = destroy;

  block = add_block (doc, YISHI_DOC_BLOCK_FIGURE);
  block->figure = figure;
}

/**
 * yishi_doc_add_signatures:
 * @labels: (array zero-terminated=1): at least one label
 */
void
yishi_doc_add_signatures (YishiDoc           *doc,
                          const char * const *labels)
{
  YishiDocBlock *block;
  guint n = 0;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (labels != NULL && labels[0] != NULL);

  while (labels[n] != NULL)
    n++;
  block = add_block (doc, YISHI_DOC_BLOCK_SIGNATURES);
  block->labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    block->labels[i] = g_strdup (labels[i]);
}

void
yishi_doc_add_page_break (YishiDoc *doc)
{
  g_return_if_fail (doc != NULL);

  add_block (doc, YISHI_DOC_BLOCK_PAGE_BREAK);
}
