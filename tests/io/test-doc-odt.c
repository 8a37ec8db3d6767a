#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "yishi-doc-odt.h"
#include "yishi-doc.h"
#include "yishi-test-util.h"
#include "yishi-test-text.h"

/* The program stays in the C locale, so the page footer is the
 * untranslated msgid whatever the environment. */

#define ODT_MEDIA_TYPE "application/vnd.oasis.opendocument.text"
/* 160 mm of text across at 300 dpi */
#define FIGURE_WIDTH_PX 1890

static const char *const texts[] = {
  "关于2024年度居民议事会提案评审结果的公示",
  "佳议〔2024〕3号",
  "一、评审结果",
  "经居民议事会第三次会议评审，以下提案获得通过。",
  "特此公示。",
  "序号",
  "提案名称",
  "得票",
  "加装电梯",
  "主持人（签字）：",
  "记录人（签字）：",
};

/* The left half black, the right half left white. */
static void
draw_half_cb (cairo_t  *cr,
              double    width_pt,
              double    height_pt,
              gpointer  user_data)
{
  cairo_rectangle (cr, 0, 0, width_pt / 2, height_pt);
  cairo_fill (cr);
}

/* Leaves the context in an error state, as a broken chart would. */
static void
draw_broken_cb (cairo_t  *cr,
                double    width_pt,
                double    height_pt,
                gpointer  user_data)
{
  cairo_restore (cr);
}

/* Every kind of block, with the texts above in them. */
static YishiDoc *
new_full_doc (void)
{
  static const double widths[] = { 1, 4, 1 };
  const char *const head[] = { texts[5], texts[6], texts[7], NULL };
  const char *const row[] = { "1", texts[8], "23", NULL };
  const char *const blank[] = { "2", "", "", NULL };
  const char *const labels[] = { texts[9], texts[10], NULL };
  YishiDoc *doc = yishi_doc_new ("提案评审结果公示");
  YishiDocTable *table;

  yishi_doc_set_footer (doc, "摘要 3f2a9c");
  yishi_doc_add_title (doc, texts[0]);
  yishi_doc_add_subtitle (doc, texts[1]);
  yishi_doc_add_heading (doc, texts[2]);
  yishi_doc_add_paragraph (doc, texts[3], YISHI_DOC_ALIGN_START);
  table = yishi_doc_add_table (doc, 3, widths);
  yishi_doc_table_set_align (table, 0, YISHI_DOC_ALIGN_CENTER);
  yishi_doc_table_set_align (table, 2, YISHI_DOC_ALIGN_END);
  yishi_doc_table_add_row (table, TRUE, head);
  yishi_doc_table_add_row (table, FALSE, row);
  yishi_doc_table_add_row (table, FALSE, blank);
  yishi_doc_add_figure (doc, 40, "得票柱状图", draw_half_cb, NULL, NULL);
  yishi_doc_add_paragraph (doc, texts[4], YISHI_DOC_ALIGN_END);
  yishi_doc_add_page_break (doc);
  yishi_doc_add_signatures (doc, labels);
  yishi_doc_add_paragraph (doc, "A & B <c>  two spaces\nnext line", YISHI_DOC_ALIGN_CENTER);

  return doc;
}

/* A folder with @doc written as doc.odt, and unpacked into doc/. */
static YishiTestDir *
write_unpacked (const YishiDoc *doc)
{
  YishiTestDir *dir = yishi_test_dir_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *odt = yishi_test_dir_file (dir, "doc.odt");
  g_autofree char *unpacked = yishi_test_dir_file (dir, "doc");
  const char *argv[] = { "unzip", "-q", odt, "-d", unpacked, NULL };

  g_assert_true (yishi_doc_write_odt (doc, odt, &error));
  g_assert_no_error (error);
  g_free (yishi_test_run (argv));

  return dir;
}

/* The same with the document of new_full_doc (). */
static YishiTestDir *
new_written_dir (void)
{
  g_autoptr(YishiDoc) doc = new_full_doc ();

  return write_unpacked (doc);
}

static char *
read_part (YishiTestDir *dir,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir->path, "doc", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The first member is "mimetype", stored and without an extra field, so
 * its value is at a fixed place: what tools sniff for. */
static void
test_mimetype_first (void)
{
  g_autoptr(YishiTestDir) dir = new_written_dir ();
  g_autofree char *odt = yishi_test_dir_file (dir, "doc.odt");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const guchar *bytes;
  gsize length;

  g_file_get_contents (odt, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = (const guchar *) contents;
  g_assert_cmpuint (length, >, 77);
  g_assert_cmpmem (bytes, 4, "PK\3\4", 4);
  g_assert_cmpuint (bytes[8] | bytes[9] << 8, ==, 0);   /* stored */
  g_assert_cmpuint (bytes[26] | bytes[27] << 8, ==, 8); /* name length */
  g_assert_cmpuint (bytes[28] | bytes[29] << 8, ==, 0); /* extra field length */
  g_assert_cmpmem (bytes + 30, 47, "mimetype" ODT_MEDIA_TYPE, 47);
}

static const char *
schemas_dir (void)
{
  const char *schemas = g_getenv ("YISHI_SCHEMAS_DIR");

  if (schemas == NULL || !g_file_test (schemas, G_FILE_TEST_IS_DIR))
    return NULL;
  return schemas;
}

static void
validate (YishiTestDir *dir,
          const char   *schema,
          const char   *part)
{
  g_autofree char *path = g_build_filename (dir->path, "doc", part, NULL);
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };

  g_test_message ("validating %s", part);
  g_free (yishi_test_run (argv));
}

/* Every part of the package in @dir passes the OASIS ODF 1.3 schemas. */
static void
validate_package (YishiTestDir *dir)
{
  const char *schemas = schemas_dir ();
  g_autofree char *schema = NULL;
  g_autofree char *manifest_schema = NULL;

  if (schemas == NULL)
    {
      const char *value = g_getenv ("YISHI_SCHEMAS_DIR");

      g_test_fail_printf ("No ODF schemas to validate against: YISHI_SCHEMAS_DIR is %s%s, "
                          "not a folder. Set the schemas_dir build option to the folder "
                          "holding odf/OpenDocument-v1.3-schema.rng",
                          value != NULL ? "" : "unset", value != NULL ? value : "");
      return;
    }

  schema = g_build_filename (schemas, "odf", "OpenDocument-v1.3-schema.rng", NULL);
  manifest_schema = g_build_filename (schemas, "odf", "OpenDocument-v1.3-manifest-schema.rng",
                                      NULL);
  validate (dir, schema, "content.xml");
  validate (dir, schema, "styles.xml");
  validate (dir, schema, "meta.xml");
  validate (dir, manifest_schema, "META-INF/manifest.xml");
}

static void
test_valid (void)
{
  g_autoptr(YishiTestDir) dir = new_written_dir ();

  validate_package (dir);
}

/* The edge cases are valid too: no footer, no figure, a table without
 * rows and one that is all head, text with leading spaces and tabs. */
static void
test_valid_sparse (void)
{
  const char *const head[] = { "甲", NULL };
  g_autoptr(YishiDoc) doc = yishi_doc_new ("");
  g_autoptr(YishiTestDir) dir = NULL;
  g_autofree char *content = NULL;
  g_autofree char *manifest = NULL;

  yishi_doc_add_table (doc, 2, NULL);
  yishi_doc_table_add_row (yishi_doc_add_table (doc, 1, NULL), TRUE, head);
  yishi_doc_add_paragraph (doc, "  \t缩进 \n ", YISHI_DOC_ALIGN_START);
  yishi_doc_add_page_break (doc);
  dir = write_unpacked (doc);
  validate_package (dir);

  content = read_part (dir, "content.xml");
  g_assert_nonnull (strstr (content, "<text:s text:c=\"2\"/><text:tab/>缩进<text:s/>"
                                     "<text:line-break/><text:s/></text:p>"));
  manifest = read_part (dir, "META-INF/manifest.xml");
  g_assert_null (strstr (manifest, "Pictures/"));
}

static gboolean
manifest_lists (const char *manifest,
                const char *full_path,
                const char *media_type)
{
  g_autofree char *entry = g_strdup_printf ("manifest:full-path=\"%s\" manifest:media-type=\"%s\"",
                                            full_path, media_type);

  return strstr (manifest, entry) != NULL;
}

/* The manifest lists the package and each of its members but itself and
 * mimetype, and nothing else. */
static void
test_manifest (void)
{
  g_autoptr(YishiTestDir) dir = new_written_dir ();
  g_autofree char *odt = yishi_test_dir_file (dir, "doc.odt");
  g_autofree char *manifest = read_part (dir, "META-INF/manifest.xml");
  const char *argv[] = { "unzip", "-Z1", odt, NULL };
  g_autofree char *listing = yishi_test_run (argv);
  g_auto(GStrv) members = g_strsplit (g_strstrip (listing), "\n", -1);
  guint listed = 0;
  guint entries = 0;

  g_assert_cmpstr (members[0], ==, "mimetype");
  g_assert_true (g_strv_contains ((const char *const *) members, "Pictures/figure1.png"));
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"/\" manifest:version=\"1.3\" "
                                      "manifest:media-type=\"" ODT_MEDIA_TYPE "\""));
  for (guint i = 0; members[i] != NULL; i++)
    {
      if (g_str_equal (members[i], "mimetype") || g_str_equal (members[i], "META-INF/manifest.xml"))
        continue;
      g_test_message ("member %s", members[i]);
      g_assert_true (manifest_lists (manifest, members[i],
                                     g_str_has_suffix (members[i], ".png") ? "image/png"
                                                                           : "text/xml"));
      listed++;
    }

  /* “/” and the members: no entry without a member */
  for (const char *p = manifest; (p = strstr (p, "manifest:full-path=")) != NULL; p++)
    entries++;
  g_assert_cmpuint (entries, ==, listed + 1);
}

/* Every text of the document is in content.xml, escaped, with its
 * spaces and line breaks kept. */
static void
test_texts (void)
{
  g_autoptr(YishiTestDir) dir = new_written_dir ();
  g_autofree char *content = read_part (dir, "content.xml");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *element_text = g_strconcat (">", texts[i], "<", NULL);

      g_test_message ("text %u", i);
      g_assert_nonnull (strstr (content, element_text));
    }
  g_assert_nonnull (strstr (content, "<text:h text:style-name=\"Heading_20_1\" "
                                     "text:outline-level=\"1\">一、评审结果</text:h>"));
  g_assert_nonnull (strstr (content, ">A &amp; B &lt;c&gt;<text:s text:c=\"2\"/>two spaces"
                                     "<text:line-break/>next line</text:p>"));
  g_assert_nonnull (strstr (content, "<svg:desc>得票柱状图</svg:desc>"));
  g_assert_nonnull (strstr (content, "xlink:href=\"Pictures/figure1.png\""));
  g_assert_nonnull (strstr (content, "<table:table-header-rows><table:table-row"));
  g_assert_nonnull (strstr (content, "fo:break-before=\"page\""));
}

/* The foot of every page has the document's footer and the page number
 * and count as fields; the metadata has the title. */
static void
test_footer_and_meta (void)
{
  g_autoptr(YishiTestDir) dir = new_written_dir ();
  g_autofree char *styles = read_part (dir, "styles.xml");
  g_autofree char *meta = read_part (dir, "meta.xml");

  g_assert_nonnull (strstr (styles, "<style:footer><text:p text:style-name=\"Footer\">摘要 3f2a9c"
                                    "<text:tab/>Page <text:page-number text:select-page=\"current\">"
                                    "1</text:page-number> of <text:page-count>1</text:page-count>"
                                    "</text:p></style:footer>"));
  g_assert_nonnull (strstr (styles, "fo:page-width=\"210mm\" fo:page-height=\"297mm\""));
  g_assert_nonnull (strstr (styles, "style:font-name-asian=\"Noto Serif CJK SC\""));
  /* Chinese text is Chinese, and Latin text English, so that Writer
   * breaks English words between words */
  g_assert_nonnull (strstr (styles, "fo:language=\"en\" fo:country=\"US\" "
                                    "style:language-asian=\"zh\" style:country-asian=\"CN\""));
  g_assert_nonnull (strstr (meta, "<dc:title>提案评审结果公示</dc:title>"));
  g_assert_nonnull (strstr (meta, "<meta:generator>Yishi/" PACKAGE_VERSION "</meta:generator>"));
}

/* The figure is drawn across the text width at 300 dpi. */
static void
test_figure (void)
{
  g_autoptr(YishiTestDir) dir = new_written_dir ();
  g_autofree char *png = g_build_filename (dir->path, "doc", "Pictures", "figure1.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
  const guint32 *row;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, FIGURE_WIDTH_PX);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 473); /* 40 mm */
  row = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (surface) +
                                           100 * cairo_image_surface_get_stride (surface));
  g_assert_cmphex (row[10] & 0xffffff, ==, 0x000000);
  g_assert_cmphex (row[FIGURE_WIDTH_PX - 10] & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (surface);
}

static void
test_missing_folder (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDoc) doc = new_full_doc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir->path, "no such folder", "doc.odt", NULL);

  g_assert_false (yishi_doc_write_odt (doc, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A figure that cannot be drawn fails the whole document, and leaves the
 * file it was to replace as it was, with nothing beside it. */
static void
test_keeps_old_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDoc) doc = new_full_doc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "doc.odt");
  g_autofree char *contents = NULL;
  g_autoptr(GDir) folder = NULL;

  yishi_test_write_file (path, "old", -1);
  yishi_doc_add_figure (doc, 30, "", draw_broken_cb, NULL, NULL);

  g_assert_false (yishi_doc_write_odt (doc, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old");
  folder = g_dir_open (dir->path, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (folder), ==, "doc.odt");
  g_assert_null (g_dir_read_name (folder));
}

/* Replacing an earlier file. */
static void
test_replaces (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDoc) doc = new_full_doc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (dir, "doc.odt");
  g_autofree char *contents = NULL;

  yishi_test_write_file (path, "old", -1);
  g_assert_true (yishi_doc_write_odt (doc, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "PK\3\4"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/doc/odt/mimetype-first", test_mimetype_first);
  g_test_add_func ("/doc/odt/valid", test_valid);
  g_test_add_func ("/doc/odt/valid-sparse", test_valid_sparse);
  g_test_add_func ("/doc/odt/manifest", test_manifest);
  g_test_add_func ("/doc/odt/texts", test_texts);
  g_test_add_func ("/doc/odt/footer-and-meta", test_footer_and_meta);
  g_test_add_func ("/doc/odt/figure", test_figure);
  g_test_add_func ("/doc/odt/missing-folder", test_missing_folder);
  g_test_add_func ("/doc/odt/keeps-old-file", test_keeps_old_file);
  g_test_add_func ("/doc/odt/replaces", test_replaces);

  return g_test_run ();
}
