#include "config.h"

#include <string.h>

#include "yishi-csv-reader.h"
#include "yishi-error.h"

static YishiCsvTable *
read_text (const char     *text,
           gssize          length,
           YishiEncoding   encoding,
           GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return yishi_csv_table_read (bytes, encoding, "test.csv", error);
}

static YishiCsvTable *
read_ok (const char    *text,
         gssize         length,
         YishiEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  YishiCsvTable *table = read_text (text, length, encoding, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static char *
to_gb18030 (const char *utf8,
            gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, out_length, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
assert_record (YishiCsvTable *table,
               guint          record,
               guint          line,
               const char    *first,
               const char    *second)
{
  g_assert_cmpuint (yishi_csv_table_get_line (table, record), ==, line);
  g_assert_cmpstr (yishi_csv_table_get_field (table, record, 0), ==, first);
  g_assert_cmpstr (yishi_csv_table_get_field (table, record, 1), ==, second);
}

static void
test_utf8_plain (void)
{
  g_autoptr(YishiCsvTable) table = read_ok ("标题,预算\n修路灯,12000\n建凉亭,3000\n", -1,
                                            YISHI_ENCODING_AUTO);

  g_assert_cmpstr (yishi_csv_table_get_encoding (table), ==, "UTF-8");
  g_assert_false (yishi_csv_table_has_nul (table));
  g_assert_cmpuint (yishi_csv_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (yishi_csv_table_get_header (table, 0), ==, "标题");
  g_assert_cmpstr (yishi_csv_table_get_header (table, 1), ==, "预算");
  g_assert_cmpuint (yishi_csv_table_get_header_line (table), ==, 1);
  g_assert_cmpuint (yishi_csv_table_get_n_records (table), ==, 2);
  assert_record (table, 0, 2, "修路灯", "12000");
  assert_record (table, 1, 3, "建凉亭", "3000");
}

static void
test_utf8_bom (void)
{
  g_autoptr(YishiCsvTable) table = read_ok ("\xEF\xBB\xBF" "标题,预算\r\n修路灯,12000\r\n", -1,
                                            YISHI_ENCODING_AUTO);

  g_assert_cmpstr (yishi_csv_table_get_encoding (table), ==, "UTF-8");
  g_assert_cmpstr (yishi_csv_table_get_header (table, 0), ==, "标题");
  g_assert_cmpuint (yishi_csv_table_get_n_records (table), ==, 1);
  assert_record (table, 0, 2, "修路灯", "12000");
}

static void
test_utf8_forced_bom (void)
{
  g_autoptr(YishiCsvTable) table = read_ok ("\xEF\xBB\xBF" "title\nx\n", -1, YISHI_ENCODING_UTF8);

  g_assert_cmpstr (yishi_csv_table_get_header (table, 0), ==, "title");
}

static const char gbk_text[] =
  "标题,提案人,预算\r\n"
  "修缮佳园社区三号楼路灯,王芳,12000\r\n"
  "\"朵木得村道路硬化，3.2公里\",李建国,\"1,500,000\"\r\n";

static void
assert_gbk_records (YishiCsvTable *table)
{
  g_assert_cmpstr (yishi_csv_table_get_encoding (table), ==, "GB18030");
  g_assert_cmpstr (yishi_csv_table_get_header (table, 1), ==, "提案人");
  g_assert_cmpuint (yishi_csv_table_get_n_records (table), ==, 2);
  assert_record (table, 0, 2, "修缮佳园社区三号楼路灯", "王芳");
  assert_record (table, 1, 3, "朵木得村道路硬化，3.2公里", "李建国");
  g_assert_cmpstr (yishi_csv_table_get_field (table, 1, 2), ==, "1,500,000");
}

static void
test_gbk_auto (void)
{
  gsize length;
  g_autofree char *bytes = to_gb18030 (gbk_text, &length);
  g_autoptr(YishiCsvTable) table = NULL;

  g_assert_false (g_utf8_validate (bytes, length, NULL));
  table = read_ok (bytes, length, YISHI_ENCODING_AUTO);
  assert_gbk_records (table);
}

static void
test_gbk_forced (void)
{
  gsize length;
  g_autofree char *bytes = to_gb18030 (gbk_text, &length);
  g_autoptr(YishiCsvTable) table = read_ok (bytes, length, YISHI_ENCODING_GB18030);

  assert_gbk_records (table);
}

/* GBK bytes read as UTF-8 by force: refused with the first bad line. */
static void
test_gbk_forced_utf8 (void)
{
  gsize length;
  g_autofree char *bytes = to_gb18030 ("title,cost\nlamp,1\n修路,2\n", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiCsvTable) table = read_text (bytes, length, YISHI_ENCODING_UTF8, &error);

  g_assert_null (table);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:3: "));
}

static void
test_gb18030_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiCsvTable) table = read_text ("title\nok\nbad \x81\n", -1,
                                              YISHI_ENCODING_GB18030, &error);

  g_assert_null (table);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:3: "));
}

/* A few characters of GBK are too little for uchardet, which guesses
 * WINDOWS-1252 for the first title and UTF-8 for the second; both are
 * still read as GB18030. */
static void
test_gbk_short (void)
{
  static const char * const titles[] = { "修路", "路灯" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = g_strdup_printf ("title\n%s\n", titles[i]);
      gsize length;
      g_autofree char *bytes = to_gb18030 (text, &length);
      g_autoptr(YishiCsvTable) table = read_ok (bytes, length, YISHI_ENCODING_AUTO);

      g_assert_cmpstr (yishi_csv_table_get_encoding (table), ==, "GB18030");
      g_assert_cmpstr (yishi_csv_table_get_field (table, 0, 0), ==, titles[i]);
    }
}

/* Big5 would decode as GB18030 into the wrong characters: refused. */
static void
test_big5_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiCsvTable) table = NULL;
  gsize length;
  g_autofree char *bytes = g_convert ("標題,提案人,預算\n修繕佳園社區三號樓路燈,王芳,12000\n"
                                      "建設老年活動室,李建國,3000\n", -1,
                                      "BIG5", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  table = read_text (bytes, length, YISHI_ENCODING_AUTO, &error);
  g_assert_null (table);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:1: "));
  g_assert_nonnull (strstr (error->message, "BIG5"));
}

/* Neither UTF-8 nor GB18030: refused with the line where it fails. */
static void
test_undecodable (void)
{
  static const char * const texts[] = {
    "title\ncaf\xE9,na\xEFve\nr\xE9sum\xE9,1\n", /* Latin-1 */
    "title\nok\nbad \x81\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YishiCsvTable) table = read_text (texts[i], -1, YISHI_ENCODING_AUTO, &error);

      g_assert_null (table);
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
      g_assert_true (g_str_has_prefix (error->message, i == 0 ? "test.csv:2: " : "test.csv:3: "));
    }
}

static void
test_utf16_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiCsvTable) table = read_text ("\xFF\xFEt\0i\0t\0l\0e\0\n\0", 14,
                                              YISHI_ENCODING_AUTO, &error);

  g_assert_null (table);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

/* Quoted fields with separators, doubled quotes and line breaks: the
 * records after them must still know their lines. */
static void
test_quoted (void)
{
  g_autoptr(YishiCsvTable) table = read_ok (
    "title,body\n"
    "\"a, b\",\"he said \"\"hi\"\"\"\n"
    "\"two\nlines\",\"three\r\nlines\r\nhere\"\n"
    "last,\"\"\n", -1, YISHI_ENCODING_AUTO);

  g_assert_cmpuint (yishi_csv_table_get_n_records (table), ==, 3);
  assert_record (table, 0, 2, "a, b", "he said \"hi\"");
  assert_record (table, 1, 3, "two\nlines", "three\r\nlines\r\nhere");
  assert_record (table, 2, 7, "last", "");
}

static void
test_line_ends (void)
{
  g_autoptr(YishiCsvTable) crlf = read_ok ("a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5", -1,
                                           YISHI_ENCODING_AUTO);
  g_autoptr(YishiCsvTable) cr = read_ok ("a,b\r1,2\r\r3,4\r", -1, YISHI_ENCODING_AUTO);

  g_assert_cmpuint (yishi_csv_table_get_n_records (crlf), ==, 3);
  assert_record (crlf, 0, 2, "1", "2");
  assert_record (crlf, 1, 3, "x\r\ny", "3");
  assert_record (crlf, 2, 5, "4", "5");

  g_assert_cmpuint (yishi_csv_table_get_n_records (cr), ==, 2);
  assert_record (cr, 0, 2, "1", "2");
  assert_record (cr, 1, 4, "3", "4");
}

/* Empty lines and rows of empty cells are skipped, and counted. */
static void
test_empty_lines (void)
{
  g_autoptr(YishiCsvTable) table = read_ok ("\n\na,b\n\n1,2\n,,\n  ,\t\n\"\",\"\"\n3,4\n\n", -1,
                                            YISHI_ENCODING_AUTO);

  g_assert_cmpuint (yishi_csv_table_get_header_line (table), ==, 3);
  g_assert_cmpuint (yishi_csv_table_get_n_records (table), ==, 2);
  assert_record (table, 0, 5, "1", "2");
  assert_record (table, 1, 9, "3", "4");
}

static void
test_spaces_kept (void)
{
  g_autoptr(YishiCsvTable) table = read_ok ("a,b\n  lead, trail \t\n", -1, YISHI_ENCODING_AUTO);

  assert_record (table, 0, 2, "  lead", " trail \t");
}

static void
test_short_and_long_rows (void)
{
  g_autoptr(YishiCsvTable) table = read_ok ("a,b,c\n1\n1,2,3,4\n", -1, YISHI_ENCODING_AUTO);

  g_assert_cmpuint (yishi_csv_table_get_n_fields (table, 0), ==, 1);
  g_assert_cmpstr (yishi_csv_table_get_field (table, 0, 2), ==, "");
  g_assert_cmpuint (yishi_csv_table_get_field_length (table, 0, 2), ==, 0);
  g_assert_cmpuint (yishi_csv_table_get_n_fields (table, 1), ==, 4);
  g_assert_cmpstr (yishi_csv_table_get_field (table, 1, 3), ==, "4");
}

/* A NUL byte stays in the field, whose length tells it is there. */
static void
test_nul_byte (void)
{
  static const char text[] = "a,b\nbefore\0after,x\n";
  g_autoptr(YishiCsvTable) table = read_ok (text, sizeof text - 1, YISHI_ENCODING_AUTO);
  const char *field;

  g_assert_cmpstr (yishi_csv_table_get_encoding (table), ==, "UTF-8");
  g_assert_true (yishi_csv_table_has_nul (table));
  field = yishi_csv_table_get_field (table, 0, 0);
  g_assert_cmpuint (yishi_csv_table_get_field_length (table, 0, 0), ==, 12);
  g_assert_cmpmem (field, 12, "before\0after", 12);
  g_assert_cmpstr (yishi_csv_table_get_field (table, 0, 1), ==, "x");
}

/* The text after a NUL byte is checked too: a bad byte there is
 * refused with its line. */
static void
test_nul_then_invalid (void)
{
  static const char text[] = "a,b\nx\0y,1\nz,\xff\n";

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(YishiCsvTable) table = read_text (text, sizeof text - 1,
                                                  i == 0 ? YISHI_ENCODING_UTF8 : YISHI_ENCODING_AUTO,
                                                  &error);

      g_assert_null (table);
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
      g_assert_true (g_str_has_prefix (error->message, "test.csv:3: "));
    }
}

/* A NUL byte in a file read as GB18030 is found as well. */
static void
test_gbk_nul_byte (void)
{
  gsize length;
  g_autofree char *bytes = to_gb18030 ("标题,预算\n修路灯,X\n", &length);
  g_autoptr(YishiCsvTable) table = NULL;
  char *nul = memchr (bytes, 'X', length);

  *nul = '\0';
  table = read_ok (bytes, length, YISHI_ENCODING_GB18030);
  g_assert_true (yishi_csv_table_has_nul (table));
  g_assert_cmpuint (yishi_csv_table_get_field_length (table, 0, 1), ==, 1);
  g_assert_cmpmem (yishi_csv_table_get_field (table, 0, 1), 1, "\0", 1);
}

/* Many records, some over several lines, with lone \r as line breaks
 * (so the fields cannot be counted from the \n beforehand): every field
 * and line is where it belongs, however the arrays grew. */
static void
test_many_records (void)
{
  g_autoptr(GString) text = g_string_new ("title,body,n\r");
  g_autoptr(YishiCsvTable) table = NULL;
  guint line = 2;

  for (guint i = 0; i < 3000; i++)
    if (i % 3 == 0)
      g_string_append_printf (text, "\"行 %u\",\"x\ry\",\"%u\"\r", i, i);
    else
      g_string_append_printf (text, "行 %u, %u ,%u\r", i, i, i);

  table = read_ok (text->str, text->len, YISHI_ENCODING_AUTO);
  g_assert_cmpuint (yishi_csv_table_get_n_records (table), ==, 3000);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *title = g_strdup_printf ("行 %u", i);
      g_autofree char *body = i % 3 == 0 ? g_strdup ("x\ry") : g_strdup_printf (" %u ", i);
      g_autofree char *n = g_strdup_printf ("%u", i);
      guint n_fields = 0;
      const YishiCsvField *fields = yishi_csv_table_get_fields (table, i, &n_fields);

      assert_record (table, i, line, title, body);
      g_assert_cmpuint (n_fields, ==, 3);
      g_assert_cmpstr (fields[2].text, ==, n);
      g_assert_cmpuint (fields[2].length, ==, strlen (n));
      line += i % 3 == 0 ? 2 : 1;
    }
}

static void
test_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiCsvTable) table = read_text ("a,b\n1,2\n3,\"open\n4,5\n", -1,
                                              YISHI_ENCODING_AUTO, &error);

  g_assert_null (table);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:3: "));
}

static void
test_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiCsvTable) table = read_text ("\xEF\xBB\xBF\r\n\r\n", -1, YISHI_ENCODING_AUTO, &error);

  g_assert_null (table);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT);
}

static void
test_encoding_parse (void)
{
  YishiEncoding encoding = YISHI_ENCODING_AUTO;

  g_assert_true (yishi_encoding_parse ("utf-8", &encoding));
  g_assert_cmpint (encoding, ==, YISHI_ENCODING_UTF8);
  g_assert_true (yishi_encoding_parse ("GB18030", &encoding));
  g_assert_cmpint (encoding, ==, YISHI_ENCODING_GB18030);
  g_assert_true (yishi_encoding_parse ("gbk", &encoding));
  g_assert_cmpint (encoding, ==, YISHI_ENCODING_GB18030);
  g_assert_true (yishi_encoding_parse ("auto", &encoding));
  g_assert_cmpint (encoding, ==, YISHI_ENCODING_AUTO);
  g_assert_false (yishi_encoding_parse ("latin1", &encoding));
  g_assert_false (yishi_encoding_parse (NULL, &encoding));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/utf8/plain", test_utf8_plain);
  g_test_add_func ("/csv/utf8/bom", test_utf8_bom);
  g_test_add_func ("/csv/utf8/forced-bom", test_utf8_forced_bom);
  g_test_add_func ("/csv/gbk/auto", test_gbk_auto);
  g_test_add_func ("/csv/gbk/forced", test_gbk_forced);
  g_test_add_func ("/csv/gbk/forced-as-utf8", test_gbk_forced_utf8);
  g_test_add_func ("/csv/gb18030/invalid", test_gb18030_invalid);
  g_test_add_func ("/csv/gbk/short", test_gbk_short);
  g_test_add_func ("/csv/big5/refused", test_big5_refused);
  g_test_add_func ("/csv/undecodable", test_undecodable);
  g_test_add_func ("/csv/utf16/refused", test_utf16_refused);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/empty-lines", test_empty_lines);
  g_test_add_func ("/csv/spaces-kept", test_spaces_kept);
  g_test_add_func ("/csv/short-and-long-rows", test_short_and_long_rows);
  g_test_add_func ("/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/nul-then-invalid", test_nul_then_invalid);
  g_test_add_func ("/csv/gbk/nul-byte", test_gbk_nul_byte);
  g_test_add_func ("/csv/many-records", test_many_records);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/empty-file", test_empty_file);
  g_test_add_func ("/csv/encoding-parse", test_encoding_parse);

  return g_test_run ();
}
