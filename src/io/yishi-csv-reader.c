#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <uchardet/uchardet.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "yishi-bulk-private.h"
#include "yishi-csv-reader.h"
#include "yishi-error.h"
#include "yishi-text.h"

/* uchardet needs far less than this to tell GB18030 from other
 * encodings; reading the whole of a large file would only cost time. */
#define DETECT_MAX_BYTES (1024 * 1024)

typedef struct
{
  guint line;      /* of the file, where the record starts */
  guint first;     /* index of its first field in fields */
  guint n_fields;
} Record;

/* The file is decoded into one buffer, and split into fields where it
 * lies: each field's text stays in place (unquoted, when quoted), and a
 * NUL takes the place of the separator, line break or closing quote
 * after it. Nothing is copied field by field. */
struct _YishiCsvTable
{
  const char    *encoding;
  char          *buffer;    /* the decoded file, ending in a NUL */
  char          *text;      /* in buffer, after any BOM */
  gsize          length;    /* of text, without that NUL */
  gboolean       has_nul;   /* a NUL byte in some field */
  YishiCsvField *fields;    /* of every record, one after the other */
  gsize          n_fields;
  gsize          fields_size;
  GArray        *records;   /* Record; the first is the header */
};

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

/* Takes @buffer, @length bytes long and followed by a NUL, which a
 * table keeps as its decoded text from @start on. */
static void
set_text (YishiCsvTable *table,
          char          *buffer,
          gsize          start,
          gsize          length)
{
  table->buffer = buffer;
  table->text = buffer + start;
  table->length = length - start;
}

static gboolean
decode_utf8 (YishiCsvTable  *table,
             char           *data,
             gsize           length,
             const char     *filename,
             GError        **error)
{
  gsize bad;
  gsize skip = length >= 3 && memcmp (data, utf8_bom, 3) == 0 ? 3 : 0;

  if (!yishi_text_validate_utf8 (data + skip, length - skip, &bad))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                   /* Translators: %s is a file name, %u a line number */
                   _("%s:%u: this line is not valid UTF-8 text. If the file was saved by "
                     "Chinese Excel, choose the encoding GB18030."),
                   filename, line_at (data, length, skip + bad));
      g_free (data);
      return FALSE;
    }

  table->encoding = "UTF-8";
  set_text (table, data, skip, length);
  return TRUE;
}

/* The text as UTF-8, or NULL with the offset of the first byte that is
 * not GB18030 in @out_bad. */
static char *
convert_gb18030 (const char *data,
                 gsize       length,
                 gsize      *out_length,
                 gsize      *out_bad)
{
  gsize n_read = 0;
  char *text = g_convert (data, length, "UTF-8", "GB18030", &n_read, out_length, NULL);

  if (text == NULL)
    *out_bad = n_read;
  return text;
}

static gboolean
decode_gb18030 (YishiCsvTable  *table,
                char           *data,
                gsize           length,
                const char     *filename,
                GError        **error)
{
  gsize bad = 0, text_length = 0;
  char *text = convert_gb18030 (data, length, &text_length, &bad);

  if (text == NULL)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
                 /* Translators: %s is a file name, %u a line number */
                 _("%s:%u: this line is not valid GB18030 (GBK) text."),
                 filename, line_at (data, length, bad));
  g_free (data);
  if (text == NULL)
    return FALSE;

  table->encoding = "GB18030";
  set_text (table, text, 0, text_length);
  return TRUE;
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
static gboolean
decode_auto (YishiCsvTable  *table,
             char           *data,
             gsize           length,
             const char     *filename,
             GError        **error)
{
  gsize bad = 0, text_length = 0;
  g_autofree char *charset = NULL;
  char *text;

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    return decode_utf8 (table, data, length, filename, error);
  if (yishi_text_validate_utf8 (data, length, &bad))
    {
      table->encoding = "UTF-8";
      set_text (table, data, 0, length);
      return TRUE;
    }

  charset = has_utf16_bom (data, length) ? g_strdup ("UTF-16") : detect_charset (data, length);
  if (is_other_multibyte (charset))
    goto unknown;

  if ((text = convert_gb18030 (data, length, &text_length, &bad)) != NULL)
    {
      g_free (data);
      table->encoding = "GB18030";
      set_text (table, text, 0, text_length);
      return TRUE;
    }

  /* mostly UTF-8 with a damaged byte: say where */
  if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    return decode_utf8 (table, data, length, filename, error);

unknown:
  set_unknown_error (filename, charset, data, length, bad, error);
  g_free (data);
  return FALSE;
}

/* Takes @data, @length bytes followed by a NUL. */
static gboolean
decode (YishiCsvTable  *table,
        char           *data,
        gsize           length,
        YishiEncoding   encoding,
        const char     *filename,
        GError        **error)
{
  switch (encoding)
    {
    case YISHI_ENCODING_UTF8:
      return decode_utf8 (table, data, length, filename, error);
    case YISHI_ENCODING_GB18030:
      return decode_gb18030 (table, data, length, filename, error);
    case YISHI_ENCODING_AUTO:
    default:
      return decode_auto (table, data, length, filename, error);
    }
}

static const Record *
get_record (YishiCsvTable *table,
            guint          index)
{
  return &g_array_index (table->records, Record, index);
}

/* Room for @n more fields. */
static void
reserve_fields (YishiCsvTable *table,
                gsize          n)
{
  gsize size = table->fields_size;

  if (table->n_fields + n <= size)
    return;

  while (size < table->n_fields + n)
    size = MAX (size * 2, 64);
  table->fields = _yishi_bulk_realloc (table->fields, size * sizeof (YishiCsvField));
  table->fields_size = size;
}

static YishiCsvField *
add_field (YishiCsvTable *table)
{
  reserve_fields (table, 1);
  return &table->fields[table->n_fields++];
}

/* A line of only separators and spaces, as spreadsheets write for an
 * empty row, is no record. */
static gboolean
record_is_blank (YishiCsvTable *table,
                 const Record  *record)
{
  for (guint i = record->first; i < record->first + record->n_fields; i++)
    {
      const YishiCsvField *field = &table->fields[i];

      for (gsize j = 0; j < field->length; j++)
        if (field->text[j] != ' ' && field->text[j] != '\t')
          return FALSE;
    }

  return TRUE;
}

/* The record being parsed: where it is, and the line there. */
typedef struct
{
  YishiCsvTable *table;
  char          *p;
  char          *end;
  guint          line;
  const char    *next_cr;  /* the next \r and \n at or after p, or end */
  const char    *next_lf;
} Parser;

static const char *
find_byte (Parser     *parser,
           const char *from,
           char        c)
{
  const char *found = memchr (from, c, parser->end - from);

  return found != NULL ? found : parser->end;
}

/* Counts the line breaks in [@from, @to), text in quotes not yet split
 * ("\r\n" is one). The next \r and \n are kept between calls: most
 * fields hold none, and then the next ones are where the record ends. */
static void
count_line_breaks (Parser     *parser,
                   const char *from,
                   const char *to)
{
  if (parser->next_lf < from)
    parser->next_lf = find_byte (parser, from, '\n');
  for (; parser->next_lf < to; parser->next_lf = find_byte (parser, parser->next_lf + 1, '\n'))
    parser->line++;

  if (parser->next_cr < from)
    parser->next_cr = find_byte (parser, from, '\r');
  for (; parser->next_cr < to; parser->next_cr = find_byte (parser, parser->next_cr + 1, '\r'))
    if (parser->next_cr[1] != '\n')
      parser->line++;
}

/* A field without quotes around it: up to the next separator or line
 * break (a NUL byte in it does not end it). Returns where it ends. */
static char *
parse_plain (Parser        *parser,
             YishiCsvField *field)
{
  char *start = parser->p;
  char *e = start + strcspn (start, ",\r\n");

  while (e < parser->end && *e == '\0')
    e += 1 + strcspn (e + 1, ",\r\n");

  field->text = start;
  field->length = e - start;
  return e;
}

/* A field in double quotes, which may hold separators, line breaks and
 * quotes written twice: unquoted where it lies. As libcsv, the reader
 * this replaces, does without its strict mode, a closing quote followed
 * by anything but a separator or line break is taken as part of the
 * text, which goes on in quotes. Returns where the field ends, just
 * after its closing quote, or NULL when that quote is missing. */
static char *
parse_quoted (Parser        *parser,
              YishiCsvField *field)
{
  char *start = parser->p + 1;
  char *from = start;  /* the text still to read */
  char *to = start;    /* where it goes: a doubled quote shifts it */

  for (;;)
    {
      char *quote = memchr (from, '"', parser->end - from);
      char *after;

      if (quote == NULL)
        return NULL;

      count_line_breaks (parser, from, quote);
      if (to != from)
        memmove (to, from, quote - from);
      to += quote - from;
      after = quote + 1;

      if (after < parser->end && *after == '"')
        {
          *to++ = '"';
          from = after + 1;
        }
      else if (after == parser->end || *after == ',' || *after == '\r' || *after == '\n')
        {
          *to = '\0';
          field->text = start;
          field->length = to - start;
          return after;
        }
      else
        {
          *to++ = '"';
          from = after;
        }
    }
}

static gboolean
set_unclosed_error (const char  *filename,
                    guint        line,
                    GError     **error)
{
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
               /* Translators: %s is a file name, %u a line number */
               _("%s:%u: a quoted field in the row that starts on this line is never "
                 "closed: a double quote (\") is missing."),
               filename, line);
  return FALSE;
}

/* One record, from a line that is not empty, up to and past the line
 * break that ends it; a record left blank is dropped. */
static gboolean
parse_record (Parser      *parser,
              const char  *filename,
              GError     **error)
{
  YishiCsvTable *table = parser->table;
  Record record = { parser->line, table->n_fields, 0 };

  for (;;)
    {
      YishiCsvField *field = add_field (table);
      char *after;
      char c;

      if (*parser->p == '"')
        {
          after = parse_quoted (parser, field);
          if (after == NULL)
            return set_unclosed_error (filename, record.line, error);
        }
      else
        after = parse_plain (parser, field);

      if (after == parser->end)
        {
          parser->p = after;
          break;
        }

      /* what ends the field gives way to its NUL */
      c = *after;
      *after = '\0';
      parser->p = after + 1;
      if (c == ',')
        continue;  /* at the very end, too, it opens an empty field */

      /* a line break: "\r\n", "\n" or "\r" */
      if (c == '\r' && parser->p < parser->end && *parser->p == '\n')
        parser->p++;
      parser->line++;
      break;
    }

  record.n_fields = table->n_fields - record.first;
  if (record_is_blank (table, &record))
    table->n_fields = record.first;
  else
    g_array_append_val (table->records, record);

  return TRUE;
}

/* Enough room for the fields of the records after the header, guessed
 * from the lines left, so that they are not moved while they grow. */
static void
reserve_after_header (Parser *parser)
{
  gsize n_lines = 1;

  for (const char *q = parser->p; (q = memchr (q, '\n', parser->end - q)) != NULL; q++)
    n_lines++;

  reserve_fields (parser->table, n_lines * (parser->table->n_fields + 1));
}

static gboolean
parse_records (YishiCsvTable  *table,
               const char     *filename,
               GError        **error)
{
  Parser parser = { table, table->text, table->text + table->length, 1, NULL, NULL };
  gboolean reserved = FALSE;

  while (parser.p < parser.end)
    {
      char c = *parser.p;

      /* empty lines between records are no records */
      if (c == '\r' || c == '\n')
        {
          parser.p++;
          if (c == '\r' && parser.p < parser.end && *parser.p == '\n')
            parser.p++;
          parser.line++;
          continue;
        }

      if (!parse_record (&parser, filename, error))
        return FALSE;
      if (!reserved && table->records->len == 1)
        {
          reserve_after_header (&parser);
          reserved = TRUE;
        }
    }

  return TRUE;
}

/* Decodes @data (@length bytes and a NUL, taken) and splits it. */
static YishiCsvTable *
read_data (char           *data,
           gsize           length,
           YishiEncoding   encoding,
           const char     *filename,
           GError        **error)
{
  g_autoptr(YishiCsvTable) table = g_new0 (YishiCsvTable, 1);

  if (!decode (table, data, length, encoding, filename, error))
    return NULL;

  table->has_nul = memchr (table->text, '\0', table->length) != NULL;
  table->records = g_array_new (FALSE, FALSE, sizeof (Record));
  if (!parse_records (table, filename, error))
    return NULL;

  if (table->records->len == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
                   _("“%s” is empty: there is not even a row of column headers."), filename);
      return NULL;
    }

  return g_steal_pointer (&table);
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
  gsize length;
  const char *bytes;
  char *data;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  bytes = g_bytes_get_data (contents, &length);
  data = _yishi_bulk_realloc (NULL, length + 1);
  if (length > 0)
    memcpy (data, bytes, length);
  data[length] = '\0';

  return read_data (data, length, encoding, filename, error);
}

/* The whole of the regular file @path into a buffer of its own, or NULL
 * if it is not one (a pipe, say) or cannot be read at once. */
static char *
load_regular_file (const char *path,
                   gsize      *out_length)
{
#ifdef G_OS_UNIX
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  GStatBuf st;
  char *data = NULL;
  gsize length = 0;

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < 0 ||
      (guint64) st.st_size >= G_MAXSIZE)
    goto out;

  data = _yishi_bulk_realloc (NULL, st.st_size + 1);
  while (length < (gsize) st.st_size)
    {
      gssize n = read (fd, data + length, st.st_size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_clear_pointer (&data, g_free);
          goto out;
        }
      if (n == 0)
        break;
      length += n;
    }
  data[length] = '\0';
  *out_length = length;

out:
  close (fd);
  return data;
#else
  return NULL;
#endif
}

/**
 * yishi_csv_table_read_file:
 * yishi_csv_table_read () of the file at @path, read straight into the
 * table's own buffer.
 */
YishiCsvTable *
yishi_csv_table_read_file (const char     *path,
                           YishiEncoding   encoding,
                           const char     *filename,
                           GError        **error)
{
  char *data;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  /* anything else, and every error with its usual message, through GLib */
  data = load_regular_file (path, &length);
  if (data == NULL && !g_file_get_contents (path, &data, &length, error))
    return NULL;

  return read_data (data, length, encoding, filename, error);
}

void
yishi_csv_table_free (YishiCsvTable *table)
{
  if (table == NULL)
    return;

  g_free (table->buffer);
  g_free (table->fields);
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

/* Whether any field holds a NUL byte: when none does, callers need not
 * look for one in each. */
gboolean
yishi_csv_table_has_nul (YishiCsvTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  return table->has_nul;
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

  return table->fields[get_record (table, 0)->first + column].text;
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

/**
 * yishi_csv_table_get_fields:
 * The fields of @record, @out_n_fields of them, for callers that go
 * through every field of many records.
 *
 * Returns: (array length=out_n_fields): owned by the table
 */
const YishiCsvField *
yishi_csv_table_get_fields (YishiCsvTable *table,
                            guint          record,
                            guint         *out_n_fields)
{
  const Record *row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (record < yishi_csv_table_get_n_records (table), NULL);
  g_return_val_if_fail (out_n_fields != NULL, NULL);

  row = get_record (table, record + 1);
  *out_n_fields = row->n_fields;
  return &table->fields[row->first];
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

  return table->fields[row->first + column].text;
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

  return table->fields[row->first + column].length;
}
