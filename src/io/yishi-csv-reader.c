#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <uchardet/uchardet.h>

#include "yishi-csv-reader.h"
#include "yishi-error.h"

/* libcsv's parser states, which it sets in csv_init () and keeps in the
 * public struct csv_parser but does not name in csv.h. They tell whether
 * a line starts a new record or continues a quoted field. */
#define CSV_STATE_ROW_NOT_BEGUN 0
#define CSV_STATE_FIELD_BEGUN   2

/* uchardet needs far less than this to tell GB18030 from other
 * encodings; reading the whole of a large file would only cost time. */
#define DETECT_MAX_BYTES (1024 * 1024)

typedef struct
{
  guint line;      /* of the file, where the record starts */
  guint first;     /* index of its first field in offsets */
  guint n_fields;
} Record;

struct _YishiCsvTable
{
  const char *encoding;
  GString    *data;     /* the bytes of every field, each followed by a NUL */
  GArray     *offsets;  /* gsize: where each field starts in data */
  GArray     *records;  /* Record; the first is the header */
};

/* The record being parsed. */
typedef struct
{
  YishiCsvTable *table;
  guint          start_line;
  guint          first;
  gsize          data_start;
} ParseState;

static const char utf8_bom[] = "\xEF\xBB\xBF";

gboolean
yishi_encoding_parse (const char    *text,
                      YishiEncoding *out_encoding)
{
  static const struct { const char *name; YishiEncoding encoding; } names[] = {
    { "auto", YISHI_ENCODING_AUTO },
    { "utf-8", YISHI_ENCODING_UTF8 },
    { "utf8", YISHI_ENCODING_UTF8 },
    { "gb18030", YISHI_ENCODING_GB18030 },
    /* GBK and GB2312 are subsets of GB18030 */
    { "gbk", YISHI_ENCODING_GB18030 },
    { "gb2312", YISHI_ENCODING_GB18030 },
  };

  g_return_val_if_fail (out_encoding != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text, names[i].name) == 0)
        {
          *out_encoding = names[i].encoding;
          return TRUE;
        }
    }

  return FALSE;
}

/* Where the line at @p ends, its line break included: "\r\n", "\n", or a
 * lone "\r" as old Excel for Mac writes. memchr () is much faster than a
 * loop over bytes; the next \r and \n are kept between calls (start with
 * NULL) so that a file without one is still read in linear time. */
static const char *
next_line (const char  *p,
           const char  *end,
           const char **next_cr,
           const char **next_lf)
{
  const char *q;

  if (*next_cr == NULL || *next_cr < p)
    *next_cr = (q = memchr (p, '\r', end - p)) != NULL ? q : end;
  if (*next_lf == NULL || *next_lf < p)
    *next_lf = (q = memchr (p, '\n', end - p)) != NULL ? q : end;

  q = MIN (*next_cr, *next_lf);
  if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
    q++;

  return q < end ? q + 1 : q;
}

/* The line of @text that byte @offset is on, counting line breaks the
 * way the parser does. */
static guint
line_at (const char *text,
         gsize       length,
         gsize       offset)
{
  const char *end = text + MIN (offset, length);
  const char *next_cr = NULL, *next_lf = NULL;
  guint line = 1;

  for (const char *p = text; p < end; line++)
    {
      p = next_line (p, text + length, &next_cr, &next_lf);
      if (p > end)
        break;
    }

  return line;
}

/* g_utf8_validate () stops at a NUL byte; a field may hold one, which the
 * import refuses with its line and column, so validate around them. */
static gboolean
utf8_validate_with_nuls (const char *text,
                         gsize       length,
                         gsize      *out_bad)
{
  const char *end = text + length;

  for (const char *p = text; p < end; )
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul != NULL ? nul : end;
      const char *bad = NULL;

      if (!g_utf8_validate (p, stop - p, &bad))
        {
          *out_bad = bad - text;
          return FALSE;
        }
      p = nul != NULL ? nul + 1 : end;
    }

  return TRUE;
}

static GBytes *
decode_utf8 (GBytes      *contents,
             const char  *filename,
             GError     **error)
{
  gsize length, bad;
  const char *data = g_bytes_get_data (contents, &length);
  gsize skip = length >= 3 && memcmp (data, utf8_bom, 3) == 0 ? 3 : 0;

  if (!utf8_validate_with_nuls (data + skip, length - skip, &bad))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                   /* Translators: %s is a file name, %u a line number */
                   _("%s:%u: this line is not valid UTF-8 text. If the file was saved by "
                     "Chinese Excel, choose the encoding GB18030."),
                   filename, line_at (data, length, skip + bad));
      return NULL;
    }

  return g_bytes_new_from_bytes (contents, skip, length - skip);
}

/* The text as UTF-8, or NULL with the offset of the first byte that is
 * not GB18030 in @out_bad. */
static GBytes *
convert_gb18030 (GBytes *contents,
                 gsize  *out_bad)
{
  gsize length, n_read = 0, n_written = 0;
  const char *data = g_bytes_get_data (contents, &length);
  char *text = g_convert (data, length, "UTF-8", "GB18030", &n_read, &n_written, NULL);

  if (text == NULL)
    {
      *out_bad = n_read;
      return NULL;
    }

  return g_bytes_new_take (text, n_written);
}

static GBytes *
decode_gb18030 (GBytes      *contents,
                const char  *filename,
                GError     **error)
{
  gsize length, bad = 0;
  const char *data = g_bytes_get_data (contents, &length);
  GBytes *text = convert_gb18030 (contents, &bad);

  if (text == NULL)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                 /* Translators: %s is a file name, %u a line number */
                 _("%s:%u: this line is not valid GB18030 (GBK) text."),
                 filename, line_at (data, length, bad));
  return text;
}

/* What uchardet makes of text that is not UTF-8: "" when unsure. */
static char *
detect_charset (const char *data,
                gsize       length)
{
  uchardet_t detector = uchardet_new ();
  char *charset = NULL;

  if (uchardet_handle_data (detector, data, MIN (length, DETECT_MAX_BYTES)) == 0)
    {
      uchardet_data_end (detector);
      charset = g_strdup (uchardet_get_charset (detector));
    }
  uchardet_delete (detector);

  return charset != NULL ? charset : g_strdup ("");
}

/* Encodings that uchardet tells apart reliably and that GB18030 would
 * decode without an error, but into the wrong characters. */
static gboolean
is_other_multibyte (const char *charset)
{
  static const char * const prefixes[] = {
    "BIG5", "EUC-", "SHIFT", "ISO-2022", "UTF-16", "UTF-32", "X-ISO-10646", "HZ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (charset, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_utf16_bom (const char *data,
               gsize       length)
{
  return length >= 2 &&
         (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
          ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF));
}

/* Neither encoding fits: says where, and what uchardet thinks it is. */
static void
set_unknown_error (const char  *filename,
                   const char  *charset,
                   const char  *data,
                   gsize        length,
                   gsize        bad,
                   GError     **error)
{
  if (*charset == '\0' || g_ascii_strncasecmp (charset, "GB", 2) == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                 /* Translators: %s is a file name, %u a line number */
                 _("%s:%u: this line is neither UTF-8 nor GB18030 (GBK) text."),
                 filename, line_at (data, length, bad));
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                 /* Translators: %s is a file name, %u a line number, the
                  * second %s an encoding such as “BIG5” */
                 _("%s:%u: this line is neither UTF-8 nor GB18030 (GBK) text; the file looks "
                   "like %s. Save it from Excel as “CSV UTF-8”, or choose the encoding."),
                 filename, line_at (data, length, bad), charset);
}

/* A BOM says UTF-8; so does text that is valid UTF-8, since other
 * encodings of Chinese almost never are. Otherwise GB18030 (which
 * includes GBK and GB2312), unless uchardet recognises another multi-byte
 * encoding that GB18030 would turn into the wrong characters. Its other
 * guesses are not trusted: on a few lines of GBK it says WINDOWS-1252,
 * ISO-8859-7 or even UTF-8, and a Chinese community's spreadsheet is far
 * more likely to be GBK than Greek. Text that reads as neither is refused
 * with the line where it fails. */
static GBytes *
decode_auto (GBytes      *contents,
             const char  *filename,
             const char **out_name,
             GError     **error)
{
  gsize length, bad = 0;
  const char *data = g_bytes_get_data (contents, &length);
  g_autofree char *charset = NULL;
  GBytes *text;

  *out_name = "UTF-8";
  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    return decode_utf8 (contents, filename, error);
  if (utf8_validate_with_nuls (data, length, &bad))
    return g_bytes_ref (contents);

  charset = has_utf16_bom (data, length) ? g_strdup ("UTF-16") : detect_charset (data, length);
  if (is_other_multibyte (charset))
    {
      set_unknown_error (filename, charset, data, length, bad, error);
      return NULL;
    }

  if ((text = convert_gb18030 (contents, &bad)) != NULL)
    {
      *out_name = "GB18030";
      return text;
    }

  /* mostly UTF-8 with a damaged byte: say where */
  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    return decode_utf8 (contents, filename, error);

  set_unknown_error (filename, charset, data, length, bad, error);
  return NULL;
}

static GBytes *
decode (GBytes         *contents,
        YishiEncoding   encoding,
        const char     *filename,
        const char    **out_name,
        GError        **error)
{
  switch (encoding)
    {
    case YISHI_ENCODING_UTF8:
      *out_name = "UTF-8";
      return decode_utf8 (contents, filename, error);
    case YISHI_ENCODING_GB18030:
      *out_name = "GB18030";
      return decode_gb18030 (contents, filename, error);
    case YISHI_ENCODING_AUTO:
    default:
      return decode_auto (contents, filename, out_name, error);
    }
}

static const Record *
get_record (YishiCsvTable *table,
            guint          index)
{
  return &g_array_index (table->records, Record, index);
}

static gsize
field_offset (YishiCsvTable *table,
              guint          index)
{
  return g_array_index (table->offsets, gsize, index);
}

static gsize
field_length (YishiCsvTable *table,
              guint          index)
{
  gsize end = index + 1 < table->offsets->len ? field_offset (table, index + 1) : table->data->len;

  return end - field_offset (table, index) - 1;
}

/* A line of only separators and spaces, as spreadsheets write for an
 * empty row, is no record. */
static gboolean
record_is_blank (YishiCsvTable *table,
                 const Record  *record)
{
  for (guint i = record->first; i < record->first + record->n_fields; i++)
    {
      const char *text = table->data->str + field_offset (table, i);
      gsize length = field_length (table, i);

      for (gsize j = 0; j < length; j++)
        if (text[j] != ' ' && text[j] != '\t')
          return FALSE;
    }

  return TRUE;
}

static void
field_parsed_cb (void   *bytes,
                 size_t  length,
                 void   *user_data)
{
  ParseState *state = user_data;
  gsize offset = state->table->data->len;

  g_array_append_val (state->table->offsets, offset);
  g_string_append_len (state->table->data, bytes, length);
  g_string_append_c (state->table->data, '\0');
}

static void
record_parsed_cb (int   terminator,
                  void *user_data)
{
  ParseState *state = user_data;
  YishiCsvTable *table = state->table;
  Record record = { state->start_line, state->first, table->offsets->len - state->first };

  if (record_is_blank (table, &record))
    {
      g_array_set_size (table->offsets, state->first);
      g_string_truncate (table->data, state->data_start);
    }
  else
    g_array_append_val (table->records, record);

  state->first = table->offsets->len;
  state->data_start = table->data->len;
}

/* libcsv trims spaces and tabs around unquoted fields by default, which
 * would change the text people typed. */
static int
never_space (unsigned char c)
{
  return 0;
}

/* Feeds the parser one line at a time: when a line begins outside any
 * record, a record starting in it starts on that line; one that began
 * earlier continues a quoted field across the line break. */
static gboolean
feed_lines (struct csv_parser  *parser,
            ParseState         *state,
            const char         *text,
            gsize               length,
            const char         *filename,
            GError            **error)
{
  const char *end = text + length;
  const char *next_cr = NULL, *next_lf = NULL;
  guint line = 1;

  for (const char *p = text; p < end; line++)
    {
      gsize n = next_line (p, end, &next_cr, &next_lf) - p;

      if (parser->pstate == CSV_STATE_ROW_NOT_BEGUN)
        state->start_line = line;
      if (csv_parse (parser, p, n, field_parsed_cb, record_parsed_cb, state) != n)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
                       /* Translators: %s is a file name, %u a line number,
                        * the last %s what went wrong */
                       _("%s:%u: %s"), filename, line, csv_strerror (csv_error (parser)));
          return FALSE;
        }
      p += n;
    }

  return TRUE;
}

static gboolean
parse_records (YishiCsvTable  *table,
               GBytes         *text,
               const char     *filename,
               GError        **error)
{
  struct csv_parser parser;
  ParseState state = { table, 1, 0, 0 };
  gsize length;
  const char *data = g_bytes_get_data (text, &length);
  gboolean ok;

  csv_init (&parser, 0);
  csv_set_space_func (&parser, never_space);
  ok = feed_lines (&parser, &state, data, length, filename, error);

  /* libcsv would quietly take the rest of the file as this one field */
  if (ok && parser.pstate == CSV_STATE_FIELD_BEGUN && parser.quoted)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
                   /* Translators: %s is a file name, %u a line number */
                   _("%s:%u: a quoted field in the row that starts on this line is never "
                     "closed: a double quote (\") is missing."),
                   filename, state.start_line);
      ok = FALSE;
    }
  if (ok)
    csv_fini (&parser, field_parsed_cb, record_parsed_cb, &state);
  csv_free (&parser);

  return ok;
}

/**
 * yishi_csv_table_read:
 * Decodes @contents — as @encoding, or guessed — and splits it into
 * records. @filename names the file in error messages, which also give
 * the line for text the encoding cannot decode.
 */
YishiCsvTable *
yishi_csv_table_read (GBytes         *contents,
                      YishiEncoding   encoding,
                      const char     *filename,
                      GError        **error)
{
  g_autoptr(YishiCsvTable) table = g_new0 (YishiCsvTable, 1);
  g_autoptr(GBytes) text = NULL;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  text = decode (contents, encoding, filename, &table->encoding, error);
  if (text == NULL)
    return NULL;

  /* Each field is followed by a separator or a line break, whose place
   * its NUL takes: the fields never need more room than the text. */
  table->data = g_string_sized_new (g_bytes_get_size (text) + 1);
  table->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  table->records = g_array_new (FALSE, FALSE, sizeof (Record));
  if (!parse_records (table, text, filename, error))
    return NULL;

  if (table->records->len == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
                   _("“%s” is empty: there is not even a row of column headers."), filename);
      return NULL;
    }

  return g_steal_pointer (&table);
}

void
yishi_csv_table_free (YishiCsvTable *table)
{
  if (table == NULL)
    return;

  if (table->data != NULL)
    g_string_free (table->data, TRUE);
  g_clear_pointer (&table->offsets, g_array_unref);
  g_clear_pointer (&table->records, g_array_unref);
  g_free (table);
}

/* "UTF-8" or "GB18030": what the file was read as. */
const char *
yishi_csv_table_get_encoding (YishiCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->encoding;
}

guint
yishi_csv_table_get_n_columns (YishiCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return get_record (table, 0)->n_fields;
}

const char *
yishi_csv_table_get_header (YishiCsvTable *table,
                            guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < yishi_csv_table_get_n_columns (table), NULL);

  return table->data->str + field_offset (table, get_record (table, 0)->first + column);
}

guint
yishi_csv_table_get_header_line (YishiCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return get_record (table, 0)->line;
}

guint
yishi_csv_table_get_n_records (YishiCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->records->len - 1;
}

guint
yishi_csv_table_get_line (YishiCsvTable *table,
                          guint          record)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (record < yishi_csv_table_get_n_records (table), 0);

  return get_record (table, record + 1)->line;
}

/* May be more or fewer than the header's columns. */
guint
yishi_csv_table_get_n_fields (YishiCsvTable *table,
                              guint          record)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (record < yishi_csv_table_get_n_records (table), 0);

  return get_record (table, record + 1)->n_fields;
}

/* The text of a field; "" for a column the record does not reach. */
const char *
yishi_csv_table_get_field (YishiCsvTable *table,
                           guint          record,
                           guint          column)
{
  const Record *row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (record < yishi_csv_table_get_n_records (table), NULL);

  row = get_record (table, record + 1);
  if (column >= row->n_fields)
    return "";

  return table->data->str + field_offset (table, row->first + column);
}

/* The length of a field in bytes, counting any NUL byte in it. */
gsize
yishi_csv_table_get_field_length (YishiCsvTable *table,
                                  guint          record,
                                  guint          column)
{
  const Record *row;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (record < yishi_csv_table_get_n_records (table), 0);

  row = get_record (table, record + 1);
  if (column >= row->n_fields)
    return 0;

  return field_length (table, row->first + column);
}
