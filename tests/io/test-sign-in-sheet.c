#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "yishi-sign-in-sheet.h"
#include "yishi-test-util.h"
#include "yishi-test-text.h"

/* The program stays in the C locale, so the sheet's labels are the
 * untranslated msgids whatever the environment. */

#define A4_WIDTH  YISHI_SIGN_IN_SHEET_A4_WIDTH
#define A4_HEIGHT YISHI_SIGN_IN_SHEET_A4_HEIGHT
#define MM        (72.0 / 25.4)

/* Rows of 12 mm between margins of 20 mm, under a one-line heading. */
#define A4_ROWS 18

static const char *const names[] = {
  "王芳", "李建国", "张伟", "刘秀英", "陈志强", "杨丽", "赵敏", "黄海涛", "周晓燕",
  "吴国平", "徐静", "孙立新", "马玉兰", "朱明", "胡建华", "郭淑珍", "何勇", "高红梅",
  "林峰", "罗桂英", "郑小龙", "梁晨", "谢春花", "宋志刚", "唐慧",
};

static YishiSignInSheet *
new_sheet (void)
{
  return yishi_sign_in_sheet_new ("佳园社区居民议事会", "第三次会议", "2024年5月10日 19:00",
                                  "社区党群服务中心二楼");
}

static YishiSignInSheet *
new_sheet_with_lines (guint n_lines)
{
  YishiSignInSheet *sheet = new_sheet ();

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *name = g_strdup_printf ("成员%u", i + 1);

      yishi_sign_in_sheet_add_line (sheet, name, "委员", "");
    }
  return sheet;
}

static guint
count_a4_pages (guint n_lines)
{
  g_autoptr(YishiSignInSheet) sheet = new_sheet_with_lines (n_lines);

  return yishi_sign_in_sheet_count_pages (sheet, A4_WIDTH, A4_HEIGHT);
}

/* The 25 members of a council, one on leave. */
static YishiSignInSheet *
new_council_sheet (void)
{
  YishiSignInSheet *sheet = new_sheet ();

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == 25);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    yishi_sign_in_sheet_add_line (sheet, names[i], i == 0 ? "主任" : "委员",
                                  i == 20 ? "请假" : NULL);
  return sheet;
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

/* An empty sheet is still a blank form to hand round. */
static void
test_pages_empty (void)
{
  g_assert_cmpuint (count_a4_pages (0), ==, 1);
}

static void
test_pages_one (void)
{
  g_assert_cmpuint (count_a4_pages (1), ==, 1);
}

static void
test_pages_full (void)
{
  g_assert_cmpuint (count_a4_pages (A4_ROWS), ==, 1);
  g_assert_cmpuint (count_a4_pages (A4_ROWS + 1), ==, 2);
  g_assert_cmpuint (count_a4_pages (2 * A4_ROWS), ==, 2);
  g_assert_cmpuint (count_a4_pages (2 * A4_ROWS + 1), ==, 3);
}

static void
test_pages_sixty (void)
{
  g_assert_cmpuint (count_a4_pages (60), ==, 4);
}

/* A heading that wraps takes room from the table on every page. */
static void
test_pages_long_heading (void)
{
  g_autoptr(YishiSignInSheet) sheet = new_sheet_with_lines (A4_ROWS);

  g_free (sheet->title);
  sheet->title = g_strdup ("关于佳园社区三号楼加装电梯、改造停车棚和修缮路灯等事项的第三次专题会议");
  g_assert_cmpuint (yishi_sign_in_sheet_count_pages (sheet, A4_WIDTH, A4_HEIGHT), ==, 2);
}

/* However small the paper, each page holds at least one member. */
static void
test_pages_tiny_paper (void)
{
  g_autoptr(YishiSignInSheet) sheet = new_sheet_with_lines (7);

  g_assert_cmpuint (yishi_sign_in_sheet_count_pages (sheet, 100, 100), ==, 7);
}

static void
test_pdf_contents (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiSignInSheet) sheet = new_council_sheet ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "签到表.pdf");
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (yishi_sign_in_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);

  pages = yishi_test_pdf_info (path, "Pages");
  g_assert_cmpstr (pages, ==, "2");
  size = yishi_test_pdf_info (path, "Page size");
  g_assert_nonnull (strstr (size, "(A4)"));
  title = yishi_test_pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, "Sign-in sheet: 佳园社区居民议事会, 第三次会议");

  first = yishi_test_pdf_text (path, 1);
  second = yishi_test_pdf_text (path, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_nonnull (strstr (i < A4_ROWS ? first : second, names[i]));
      g_assert_null (strstr (i < A4_ROWS ? second : first, names[i]));
    }
  for (guint page = 0; page < 2; page++)
    {
      const char *text = page == 0 ? first : second;

      g_assert_nonnull (strstr (text, "Sign-in sheet: 佳园社区居民议事会, 第三次会议"));
      g_assert_nonnull (strstr (text, "Meeting time: 2024年5月10日 19:00"));
      g_assert_nonnull (strstr (text, "Meeting place: 社区党群服务中心二楼"));
      g_assert_nonnull (strstr (text, "Signature"));
      g_assert_nonnull (strstr (text, "Time in"));
      g_assert_nonnull (strstr (text, "Remarks"));
    }
  g_assert_nonnull (strstr (first, "Page 1 of 2"));
  g_assert_nonnull (strstr (second, "Page 2 of 2"));
  g_assert_nonnull (strstr (first, "主任"));
  g_assert_null (strstr (first, "请假"));
  g_assert_nonnull (strstr (second, "请假"));
  g_assert_nonnull (strstr (second, "25"));
  g_assert_null (strstr (second, "26"));
}

/* A title that already names its council is not preceded by it again. */
static void
test_pdf_heading_names_council_once (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiSignInSheet) sheet = yishi_sign_in_sheet_new ("佳园社区居民议事会",
                                                               "佳园社区居民议事会2026年第三次会议",
                                                               "2026-12-10 14:30", "议事厅");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "heading.pdf");
  g_autofree char *title = NULL;

  yishi_sign_in_sheet_add_line (sheet, "王桂兰", "主任", "");
  g_assert_true (yishi_sign_in_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);
  title = yishi_test_pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, "Sign-in sheet: 佳园社区居民议事会2026年第三次会议");
}

/* An existing file is replaced whole by the sheet. */
static void
test_pdf_replaces (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiSignInSheet) sheet = new_council_sheet ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "sheet.pdf");
  g_autofree char *contents = NULL;

  yishi_test_write_file (path, "an older sheet", -1);
  g_assert_true (yishi_sign_in_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (dir->path), ==, 1);
}

static void
test_pdf_missing_folder (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiSignInSheet) sheet = new_council_sheet ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = yishi_test_dir_file (dir, "no-such-folder");
  g_autofree char *path = g_build_filename (folder, "sheet.pdf", NULL);

  g_assert_false (yishi_sign_in_sheet_write_pdf (sheet, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the sign-in sheet as"));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir->path), ==, 0);
}

/* A failure after the file was opened leaves the old one as it was and no
 * temporary file. A name that is just short enough for the file system
 * makes the temporary one too long, whoever runs the test (root passes
 * every permission check). */
static void
test_pdf_keeps_old_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiSignInSheet) sheet = new_council_sheet ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strnfill (250, 'x');
  g_autofree char *path = yishi_test_dir_file (dir, name);
  g_autofree char *contents = NULL;
  FILE *old = g_fopen (path, "w");

  /* written in place: yishi_test_write_file () would need a temporary name */
  g_assert_nonnull (old);
  g_assert_cmpint (fputs ("the sheet printed last week", old), >=, 0);
  g_assert_cmpint (fclose (old), ==, 0);
  g_assert_false (yishi_sign_in_sheet_write_pdf (sheet, path, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the sheet printed last week");
  g_assert_cmpuint (count_files (dir->path), ==, 1);
}

/* Whether any pixel of the rectangle is darker than mid-grey. */
static gboolean
has_ink (cairo_surface_t *surface,
         double           x0,
         double           y0,
         double           x1,
         double           y1)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  for (int y = MAX (0, (int) y0); y < MIN (height, (int) y1); y++)
    for (int x = MAX (0, (int) x0); x < MIN (width, (int) x1); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        if ((pixel & 0xff) < 0x80 || ((pixel >> 8) & 0xff) < 0x80 || ((pixel >> 16) & 0xff) < 0x80)
          return TRUE;
      }
  return FALSE;
}

/* Every page of the sheet on paper of @width × @height points: the form
 * inside the margins, the page number below it, nothing at the edges. */
static void
check_paper (const YishiSignInSheet *sheet,
             double                  width,
             double                  height)
{
  guint n_pages = yishi_sign_in_sheet_count_pages (sheet, width, height);

  g_assert_cmpuint (n_pages, >=, 1);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width,
                                                             (int) height);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_line_width (cr, 7);
      yishi_sign_in_sheet_draw_page (sheet, cr, width, height, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7);
      cairo_surface_flush (surface);

      g_assert_true (has_ink (surface, 20 * MM, 20 * MM, width - 20 * MM, height - 20 * MM));
      g_assert_true (has_ink (surface, 20 * MM, height - 20 * MM, width - 20 * MM, height - 8 * MM));
      g_assert_false (has_ink (surface, 0, 0, width, 15 * MM));
      g_assert_false (has_ink (surface, 0, 0, 15 * MM, height));
      g_assert_false (has_ink (surface, width - 15 * MM, 0, width, height));
      g_assert_false (has_ink (surface, 0, height - 8 * MM, width, height));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The layout follows the paper it is given, as the print dialog's. */
static void
test_draw_any_paper (void)
{
  g_autoptr(YishiSignInSheet) sheet = new_council_sheet ();

  check_paper (sheet, A4_WIDTH, A4_HEIGHT);
  check_paper (sheet, 148 * MM, 210 * MM);   /* A5 */
  check_paper (sheet, 11 * 72, 8.5 * 72);    /* US Letter, landscape */
  g_assert_cmpuint (yishi_sign_in_sheet_count_pages (sheet, 148 * MM, 210 * MM), >,
                    yishi_sign_in_sheet_count_pages (sheet, A4_WIDTH, A4_HEIGHT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sign-in-sheet/pages/empty", test_pages_empty);
  g_test_add_func ("/sign-in-sheet/pages/one", test_pages_one);
  g_test_add_func ("/sign-in-sheet/pages/full", test_pages_full);
  g_test_add_func ("/sign-in-sheet/pages/sixty", test_pages_sixty);
  g_test_add_func ("/sign-in-sheet/pages/long-heading", test_pages_long_heading);
  g_test_add_func ("/sign-in-sheet/pages/tiny-paper", test_pages_tiny_paper);
  g_test_add_func ("/sign-in-sheet/pdf/contents", test_pdf_contents);
  g_test_add_func ("/sign-in-sheet/pdf/replaces", test_pdf_replaces);
  g_test_add_func ("/sign-in-sheet/pdf/missing-folder", test_pdf_missing_folder);
  g_test_add_func ("/sign-in-sheet/pdf/keeps-old-file", test_pdf_keeps_old_file);
  g_test_add_func ("/sign-in-sheet/draw/any-paper", test_draw_any_paper);
  g_test_add_func ("/sign-in-sheet/pdf/heading-names-council-once", test_pdf_heading_names_council_once);

  return g_test_run ();
}
