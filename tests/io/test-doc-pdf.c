#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "yishi-doc-pdf.h"
#include "yishi-test-util.h"
#include "yishi-test-text.h"

/* The program stays in the C locale, so the page numbers are the
 * untranslated msgid whatever the environment. */

#define MM         (72.0 / 25.4)
#define N_ROWS     60
#define TITLE      "关于佳园社区三号楼加装电梯的公示"
#define FOOTER     "SHA-256 3f7a9c0d2e"
#define LAST_WORDS "This paragraph follows the page break."

/* What the figure's draw function was given. */
typedef struct
{
  guint  calls;
  double width;
  double height;
  double x;      /* where its (0, 0) is on the page, in points */
  double y;
} FigureCalls;

static void
draw_figure_cb (cairo_t  *cr,
                double    width_pt,
                double    height_pt,
                gpointer  user_data)
{
  FigureCalls *calls = user_data;
  double x = 0, y = 0;

  cairo_user_to_device (cr, &x, &y);
  calls->calls++;
  calls->width = width_pt;
  calls->height = height_pt;
  calls->x = x;
  calls->y = y;
  cairo_rectangle (cr, 0, 0, width_pt / 2, height_pt);
  cairo_fill (cr);
}

static char *
row_label (guint row)
{
  return g_strdup_printf ("item-%02u", row);
}

static void
add_table (YishiDoc *doc)
{
  static const double widths[] = { 1, 3, 1 };
  YishiDocTable *table = yishi_doc_add_table (doc, 3, widths);
  const char *head[] = { "Number", "议题", "Votes" };

  yishi_doc_table_set_align (table, 2, YISHI_DOC_ALIGN_END);
  yishi_doc_table_add_row (table, TRUE, head);
  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *label = row_label (i);
      g_autofree char *topic = g_strdup_printf ("议题%u：修缮路灯", i);
      g_autofree char *votes = g_strdup_printf ("%u", 100 + i);
      const char *cells[] = { label, topic, votes };

      yishi_doc_table_add_row (table, FALSE, cells);
    }
}

/* A notice with a bit of everything, and a table over two pages. */
static YishiDoc *
new_notice (FigureCalls *calls)
{
  YishiDoc *doc = yishi_doc_new (TITLE);
  const char *signatures[] = { "主持人（签字）：", "记录人（签字）：", NULL };

  yishi_doc_set_footer (doc, FOOTER);
  yishi_doc_add_title (doc, TITLE);
  yishi_doc_add_subtitle (doc, "2026年12月10日");
  yishi_doc_add_heading (doc, "一、基本情况");
  yishi_doc_add_paragraph (doc, "经居民议事会讨论，决定在三号楼加装电梯。\n特此公示。",
                           YISHI_DOC_ALIGN_START);
  yishi_doc_add_paragraph (doc, "The council agreed to install a lift in building 3.",
                           YISHI_DOC_ALIGN_END);
  yishi_doc_add_heading (doc, "二、表决结果");
  add_table (doc);
  yishi_doc_add_figure (doc, 50, "A bar chart of the votes", draw_figure_cb, calls, NULL);
  yishi_doc_add_signatures (doc, signatures);
  yishi_doc_add_page_break (doc);
  yishi_doc_add_paragraph (doc, LAST_WORDS, YISHI_DOC_ALIGN_START);

  return doc;
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The text of every page of the PDF at @path, which has @n_pages. */
static GPtrArray *
pdf_pages (const char *path,
           guint       n_pages)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = yishi_test_pdf_info (path, "Pages");
  g_autofree char *expected = g_strdup_printf ("%u", n_pages);

  g_assert_cmpstr (count, ==, expected);
  for (guint page = 1; page <= n_pages; page++)
    g_ptr_array_add (pages, yishi_test_pdf_text (path, page));
  return pages;
}

/* The page (0-based) whose text holds @needle, which is on exactly one. */
static guint
page_of (GPtrArray  *pages,
         const char *needle)
{
  guint found = G_MAXUINT;

  for (guint i = 0; i < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), needle) != NULL)
      {
        g_assert_cmpuint (found, ==, G_MAXUINT);
        found = i;
      }
  if (found == G_MAXUINT)
    g_error ("“%s” is on no page", needle);
  return found;
}

static void
test_pdf_contents (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  FigureCalls calls = { 0 };
  g_autoptr(YishiDoc) doc = new_notice (&calls);
  g_autoptr(YishiDocLayout) layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH,
                                                           YISHI_DOC_A4_HEIGHT);
  guint n_pages = yishi_doc_layout_get_n_pages (layout);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "公示.pdf");
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *size = NULL;
  guint first, last;

  g_assert_true (yishi_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir->path), ==, 1);

  /* 60 rows of about 7 mm do not fit on the first page, with the title */
  g_assert_cmpuint (n_pages, >=, 3);
  pages = pdf_pages (path, n_pages);
  title = yishi_test_pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, TITLE);
  size = yishi_test_pdf_info (path, "Page size");
  g_assert_nonnull (strstr (size, "(A4)"));

  g_assert_cmpuint (page_of (pages, TITLE), ==, 0);
  g_assert_cmpuint (page_of (pages, "2026年12月10日"), ==, 0);
  g_assert_cmpuint (page_of (pages, "一、基本情况"), ==, 0);
  g_assert_cmpuint (page_of (pages, "特此公示。"), ==, 0);
  g_assert_cmpuint (page_of (pages, "install a lift"), ==, 0);

  /* every row once, in order, each page of the table under its head */
  first = page_of (pages, "item-01");
  last = page_of (pages, "item-60");
  g_assert_cmpuint (last, >, first);
  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *label = row_label (i);
      g_autofree char *topic = g_strdup_printf ("议题%u：修缮路灯", i);
      guint page = page_of (pages, label);

      g_assert_cmpuint (page, >=, first);
      g_assert_cmpuint (page, <=, last);
      g_assert_cmpuint (page_of (pages, topic), ==, page);
    }
  for (guint page = first; page <= last; page++)
    {
      g_assert_nonnull (strstr (g_ptr_array_index (pages, page), "Number"));
      g_assert_nonnull (strstr (g_ptr_array_index (pages, page), "Votes"));
    }

  /* the signatures before the page break, the last paragraph after it */
  g_assert_cmpuint (page_of (pages, "主持人（签字）："), >=, last);
  g_assert_cmpuint (page_of (pages, "记录人（签字）："), ==, page_of (pages, "主持人（签字）："));
  g_assert_cmpuint (page_of (pages, LAST_WORDS), ==, n_pages - 1);
  g_assert_cmpuint (page_of (pages, "主持人（签字）："), <, n_pages - 1);

  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page + 1, n_pages);

      g_assert_nonnull (strstr (g_ptr_array_index (pages, page), number));
      g_assert_nonnull (strstr (g_ptr_array_index (pages, page), FOOTER));
    }

  /* once, when the PDF drew the page it is on; the layout draws nothing */
  g_assert_cmpuint (calls.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (calls.width, YISHI_DOC_A4_WIDTH - 50 * MM, 0.01);
  g_assert_cmpfloat_with_epsilon (calls.height, 50 * MM, 0.01);
  g_assert_cmpfloat_with_epsilon (calls.x, 25 * MM, 0.01);
}

/* The empty document is one page with its page number. */
static void
test_layout_empty (void)
{
  g_autoptr(YishiDoc) doc = yishi_doc_new (NULL);
  g_autoptr(YishiDocLayout) layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH,
                                                           YISHI_DOC_A4_HEIGHT);

  g_assert_cmpstr (yishi_doc_get_title (doc), ==, "");
  g_assert_null (yishi_doc_get_footer (doc));
  g_assert_cmpuint (yishi_doc_layout_get_n_pages (layout), ==, 1);
}

/* Page breaks start a new page, but never leave one blank. */
static void
test_layout_page_breaks (void)
{
  g_autoptr(YishiDoc) doc = yishi_doc_new ("breaks");
  g_autoptr(YishiDocLayout) layout = NULL;

  yishi_doc_add_page_break (doc);
  yishi_doc_add_paragraph (doc, "one", YISHI_DOC_ALIGN_START);
  yishi_doc_add_page_break (doc);
  yishi_doc_add_page_break (doc);
  yishi_doc_add_paragraph (doc, "two", YISHI_DOC_ALIGN_CENTER);
  yishi_doc_add_page_break (doc);
  layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH, YISHI_DOC_A4_HEIGHT);
  g_assert_cmpuint (yishi_doc_layout_get_n_pages (layout), ==, 2);
}

/* A figure that does not fit below the text goes to the next page, drawn
 * at the top of its text box. */
static void
test_layout_figure_moves_on (void)
{
  g_autoptr(YishiDoc) doc = yishi_doc_new ("figures");
  FigureCalls calls = { 0 };
  g_autoptr(YishiDocLayout) layout = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  yishi_doc_add_figure (doc, 200, NULL, draw_figure_cb, &calls, NULL);
  yishi_doc_add_figure (doc, 200, "second", draw_figure_cb, &calls, NULL);
  layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH, YISHI_DOC_A4_HEIGHT);
  g_assert_cmpuint (yishi_doc_layout_get_n_pages (layout), ==, 2);
  g_assert_cmpuint (calls.calls, ==, 0);

  cairo_translate (cr, 10, 20);
  cairo_set_line_width (cr, 7);
  yishi_doc_layout_draw_page (layout, cr, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7);
  g_assert_cmpuint (calls.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (calls.height, 200 * MM, 0.01);
  g_assert_cmpfloat_with_epsilon (calls.x, 10 + 25 * MM, 0.01);
  g_assert_cmpfloat_with_epsilon (calls.y, 20 + 25 * MM, 0.01);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A figure taller than the text box is cut to it, on a page of its own. */
static void
test_layout_figure_too_tall (void)
{
  g_autoptr(YishiDoc) doc = yishi_doc_new ("figures");
  FigureCalls calls = { 0 };
  g_autoptr(YishiDocLayout) layout = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  yishi_doc_add_paragraph (doc, "before", YISHI_DOC_ALIGN_START);
  yishi_doc_add_figure (doc, 400, NULL, draw_figure_cb, &calls, NULL);
  layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH, YISHI_DOC_A4_HEIGHT);
  g_assert_cmpuint (yishi_doc_layout_get_n_pages (layout), ==, 2);
  yishi_doc_layout_draw_page (layout, cr, 1);
  g_assert_cmpuint (calls.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (calls.height, YISHI_DOC_A4_HEIGHT - 50 * MM, 0.01);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A long paragraph flows over pages, and a row taller than a page does
 * not hold the layout up. */
static void
test_layout_long_text (void)
{
  g_autoptr(YishiDoc) doc = yishi_doc_new ("long");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(YishiDocLayout) layout = NULL;
  YishiDocTable *table;
  const char *cells[2] = { NULL, "" };

  for (guint i = 0; i < 120; i++)
    g_string_append (text, "第一行\n");
  cells[0] = text->str;
  yishi_doc_add_paragraph (doc, text->str, YISHI_DOC_ALIGN_START);
  table = yishi_doc_add_table (doc, 2, NULL);
  yishi_doc_table_add_row (table, FALSE, cells);
  yishi_doc_table_add_row (table, FALSE, cells);

  layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH, YISHI_DOC_A4_HEIGHT);
  /* 120 lines of 12 pt type at 1.3 spacing: 4 to 5 pages; then the rows,
   * one a page */
  g_assert_cmpuint (yishi_doc_layout_get_n_pages (layout), >=, 6);
  g_assert_cmpuint (yishi_doc_layout_get_n_pages (layout), <=, 7);
}

static void
test_pdf_missing_folder (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  FigureCalls calls = { 0 };
  g_autoptr(YishiDoc) doc = new_notice (&calls);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = yishi_test_dir_file (dir, "no-such-folder");
  g_autofree char *path = g_build_filename (folder, "notice.pdf", NULL);

  g_assert_false (yishi_doc_write_pdf (doc, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir->path), ==, 0);
}

/* A failure after the file was opened leaves the old one as it was and no
 * temporary file: a name just short enough for the file system makes the
 * temporary one too long, whoever runs the test. */
static void
test_pdf_keeps_old_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  FigureCalls calls = { 0 };
  g_autoptr(YishiDoc) doc = new_notice (&calls);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strnfill (250, 'x');
  g_autofree char *path = yishi_test_dir_file (dir, name);
  g_autofree char *contents = NULL;
  FILE *old = g_fopen (path, "w");

  g_assert_nonnull (old);
  g_assert_cmpint (fputs ("last week's notice", old), >=, 0);
  g_assert_cmpint (fclose (old), ==, 0);
  g_assert_false (yishi_doc_write_pdf (doc, path, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "last week's notice");
  g_assert_cmpuint (count_files (dir->path), ==, 1);
}

/* An existing file is replaced whole. */
static void
test_pdf_replaces (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDoc) doc = yishi_doc_new ("short");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "notice.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;

  yishi_doc_add_paragraph (doc, "A short notice.", YISHI_DOC_ALIGN_START);
  yishi_test_write_file (path, "an older notice", -1);
  g_assert_true (yishi_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  text = yishi_test_pdf_text (path, 1);
  g_assert_nonnull (strstr (text, "A short notice."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_cmpuint (count_files (dir->path), ==, 1);
}

static void
free_counter (gpointer data)
{
  (*(guint *) data)++;
}

/* Freeing the document frees each figure's data. */
static void
test_doc_frees_figure_data (void)
{
  YishiDoc *doc = yishi_doc_new ("figure");
  FigureCalls calls = { 0 };
  guint freed = 0;

  yishi_doc_add_figure (doc, 10, NULL, draw_figure_cb, &freed, free_counter);
  yishi_doc_add_figure (doc, 10, NULL, draw_figure_cb, &calls, NULL);
  g_assert_cmpuint (freed, ==, 0);
  yishi_doc_free (doc);
  g_assert_cmpuint (freed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/doc/pdf/contents", test_pdf_contents);
  g_test_add_func ("/doc/pdf/missing-folder", test_pdf_missing_folder);
  g_test_add_func ("/doc/pdf/keeps-old-file", test_pdf_keeps_old_file);
  g_test_add_func ("/doc/pdf/replaces", test_pdf_replaces);
  g_test_add_func ("/doc/layout/empty", test_layout_empty);
  g_test_add_func ("/doc/layout/page-breaks", test_layout_page_breaks);
  g_test_add_func ("/doc/layout/figure-moves-on", test_layout_figure_moves_on);
  g_test_add_func ("/doc/layout/figure-too-tall", test_layout_figure_too_tall);
  g_test_add_func ("/doc/layout/long-text", test_layout_long_text);
  g_test_add_func ("/doc/free-figure-data", test_doc_frees_figure_data);

  return g_test_run ();
}
