#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <uchardet/uchardet.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "yishi-bulk-private.h"
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
  guint first;     /* index of its first field in fields */
  guint n_fields;
} Record;

/* libcsv hands over each field in a buffer of its own, which it reuses:
 * the bytes of every field are copied once, one after the other, into
 * data, each followed by a NUL. Nothing is allocated field by field. */
struct _YishiCsvTable
{
  const char    *encoding;
  char          *buffer;    /* the decoded file, ending in a NUL; only while it is split */
  const char    *text;      /* in buffer, after any BOM */
  gsize          length;    /* of text, without that NUL */
  gboolean       has_nul;   /* a NUL byte in some field */
  char          *data;      /* the bytes of every field, each followed by a NUL */
  gsize          data_length;
  gsize          data_size;
  YishiCsvField *fields;    /* of every record, one after the other */
  gsize          n_fields;
  gsize          fields_size;
  GArray        *records;   /* Record; the first is the header */
};

/* The record being parsed. */
typedef struct
{
  YishiCsvTable *table;
  guint          start_line;  /* where it starts */
  gsize          first;       /* index of its first field */
  gsize          data_start;  /* where its text starts in data */
  gsize          n_lines;     /* of the whole text, to make room for the records */
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

/* Whether the @length bytes at @text are UTF-8. g_utf8_validate_len ()
 * stops at a NUL byte, which a field may hold and the import refuses
 * with its line and column, so validation goes on after each, and
 * @out_has_nul tells whether there was one. When the text is not valid,
 * @out_bad gets the offset of the first byte that is not. */
static gboolean
validate_utf8 (const char *text,
               gsize       length,
               gsize      *out_bad,
               gboolean   *out_has_nul)
{
  const char *end = text + length;

  *out_has_nul = FALSE;
  for (const char *p = text; ; )
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        return TRUE;
      if (*stop != '\0')
        {
          *out_bad = stop - text;
          return FALSE;
        }

      *out_has_nul = TRUE;
      p = stop + 1;
    }
}

/* Takes @buffer, @length bytes long and followed by a NUL, whose text
 * from @start on is split. */
static void
set_text (YishiCsvTable *table,
          const char    *encoding,
          char          *buffer,
          gsize          start,
          gsize          length)
{
  table->encoding = encoding;
  table->buffer = buffer;
  table->text = buffer + start;
  table->length = length - start;
}

static void
set_utf8_error (const char  *filename,
                const char  *data,
                gsize        length,
                gsize        bad,
                GError     **error)
{
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING,
               /* Translators: %s is a file name, %u a line number */
               _("%s:%u: this line is not valid UTF-8 text. If the file was saved by "
                 "Chinese Excel, choose the encoding GB18030."),
               filename, line_at (data, length, bad));
}

static gboolean
decode_utf8 (YishiCsvTable  *table,
             char           *data,
             gsize           length,
             const char     *filename,
             GError        **error)
{
  gsize bad = 0;
  gsize skip = length >= 3 && memcmp (data, utf8_bom, 3) == 0 ? 3 : 0;

  if (!validate_utf8 (data + skip, length - skip, &bad, &table->has_nul))
    {
      set_utf8_error (filename, data, length, skip + bad, error);
      g_free (data);
      return FALSE;
    }

  set_text (table, "UTF-8", data, skip, length);
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

/* Takes @text, the file converted from GB18030 to UTF-8. */
static void
set_gb18030_text (YishiCsvTable *table,
                  char          *text,
                  gsize          length)
{
  set_text (table, "GB18030", text, 0, length);
  table->has_nul = memchr (text, '\0', length) != NULL;
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

  set_gb18030_text (table, text, text_length);
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
 * with the line where it fails. The text is validated as UTF-8 once. */
static gboolean
decode_auto (YishiCsvTable  *table,
             char           *data,
             gsize           length,
             const char     *filename,
             GError        **error)
{
  gsize utf8_bad = 0, bad = 0, text_length = 0;
  g_autofree char *charset = NULL;
  char *text;

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    return decode_utf8 (table, data, length, filename, error);
  if (validate_utf8 (data, length, &utf8_bad, &table->has_nul))
    {
      set_text (table, "UTF-8", data, 0, length);
      return TRUE;
    }

  bad = utf8_bad;
  charset = has_utf16_bom (data, length) ? g_strdup ("UTF-16") : detect_charset (data, length);
  if (is_other_multibyte (charset))
    set_unknown_error (filename, charset, data, length, bad, error);
  else if ((text = convert_gb18030 (data, length, &text_length, &bad)) != NULL)
    {
      g_free (data);
      set_gb18030_text (table, text, text_length);
      return TRUE;
    }
  /* mostly UTF-8 with a damaged byte: say where */
  else if (g_ascii_strcasecmp (charset, "UTF-8") == 0)
    set_utf8_error (filename, data, length, utf8_bad, error);
  else
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
static inline void
reserve_fields (YishiCsvTable *table,
                gsize          n)
{
  gsize size = table->fields_size;

  if (G_LIKELY (table->n_fields + n <= size))
    return;

  while (size < table->n_fields + n)
    size = MAX (size * 2, 64);
  table->fields = _yishi_bulk_realloc (table->fields, size * sizeof (YishiCsvField));
  table->fields_size = size;
}

/* Room for @n more bytes of field text. data starts as large as the
 * text and a NUL, which is enough: a field is never longer than the text
 * it is read from, and its NUL takes the place of the separator or line
 * break after it. It grows only if libcsv ever gave more. */
static inline void
reserve_data (YishiCsvTable *table,
              gsize          n)
{
  gsize size = table->data_size;

  if (G_LIKELY (table->data_length + n <= size))
    return;

  while (size < table->data_length + n)
    size = MAX (size * 2, 64);
  table->data = _yishi_bulk_realloc (table->data, size);
  table->data_size = size;
}

/* How many records or fields to make room for at once, from @guess, so
 * that they are not moved while they grow: never more than one for
 * every 8 bytes of text, which a file of empty lines or a very wide
 * header would otherwise ask for. Should there be more, they grow. */
static gsize
room_for (YishiCsvTable *table,
          gsize          guess)
{
  return MIN (guess, table->length / 8 + 1);
}

/* A line of only separators and spaces, as spreadsheets write for an
 * empty row, is no record. */
static gboolean
record_is_blank (YishiCsvTable    *table,
                 const ParseState *state)
{
  const char *text = table->data + state->data_start;

  for (gsize i = state->first; i < table->n_fields; i++)
    {
      gsize length = table->fields[i].length;

      for (gsize j = 0; j < length; j++)
        if (text[j] != ' ' && text[j] != '\t')
          return FALSE;
      text += length + 1;
    }

  return TRUE;
}

/* A field from libcsv, @length bytes and the NUL that libcsv puts after
 * them (CSV_APPEND_NULL), copied with that NUL. Its text is set once
 * every field is in data, which may move until then. */
static void
field_parsed_cb (void   *bytes,
                 size_t  length,
                 void   *user_data)
{
  ParseState *state = user_data;
  YishiCsvTable *table = state->table;
  YishiCsvField *field;

  reserve_fields (table, 1);
  reserve_data (table, length + 1);

  memcpy (table->data + table->data_length, bytes, length + 1);
  table->data_length += length + 1;

  field = &table->fields[table->n_fields++];
  field->text = NULL;
  field->length = length;
}

static void
record_parsed_cb (int   terminator,
                  void *user_data)
{
  ParseState *state = user_data;
  YishiCsvTable *table = state->table;
  Record record = { state->start_line, state->first, table->n_fields - state->first };

  if (record_is_blank (table, state))
    {
      table->n_fields = state->first;
      table->data_length = state->data_start;
      return;
    }

  g_array_append_val (table->records, record);
  /* as many fields on every line as in the header */
  if (table->records->len == 1)
    reserve_fields (table, room_for (table, state->n_lines * record.n_fields));

  state->first = table->n_fields;
  state->data_start = table->data_length;
}

/* libcsv trims spaces and tabs around unquoted fields by default, which
 * would change the text people typed. */
static int
never_space (unsigned char c)
{
  return 0;
}

/* The number of lines, counted by their \n: room for the records and
 * fields is made from it, and it need not be exact. */
static gsize
count_lines (const char *text,
             gsize       length)
{
  const char *end = text + length;
  gsize n_lines = 1;

  for (const char *p = text; (p = memchr (p, '\n', end - p)) != NULL; p++)
    n_lines++;

  return n_lines;
}

/* Feeds the parser one line at a time: when a line begins outside any
 * record, a record starting in it starts on that line; one that began
 * earlier continues a quoted field across the line break. */
static gboolean
feed_lines (struct csv_parser  *parser,
            ParseState         *state,
            const char         *filename,
            GError            **error)
{
  const char *text = state->table->text;
  const char *end = text + state->table->length;
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

/* Each field's text, now that data no longer moves: the fields lie in
 * it one after the other, each followed by its NUL. */
static void
set_field_texts (YishiCsvTable *table)
{
  const char *text = table->data;

  for (gsize i = 0; i < table->n_fields; i++)
    {
      table->fields[i].text = text;
      text += table->fields[i].length + 1;
    }
}

/* libcsv grows the buffer of the field it reads by this many bytes at a
 * time (128 by default): with that, a field of megabytes, which a hostile
 * file may hold, took tens of thousands of reallocations, each copying
 * the whole field wherever the allocator cannot grow a block in place. */
#define FIELD_BLOCK_SIZE (1024 * 1024)

static gboolean
parse_records (YishiCsvTable  *table,
               const char     *filename,
               GError        **error)
{
  struct csv_parser parser;
  ParseState state = { table, 1, 0, 0, count_lines (table->text, table->length) };
  gboolean ok;

  table->data_size = table->length + 1;
  table->data = _yishi_bulk_realloc (NULL, table->data_size);
  table->records = g_array_sized_new (FALSE, FALSE, sizeof (Record),
                                      room_for (table, state.n_lines));

  /* fails only without a parser; each field then ends in a NUL */
  csv_init (&parser, 0);
  csv_set_opts (&parser, CSV_APPEND_NULL);
  csv_set_blk_size (&parser, FIELD_BLOCK_SIZE);
  csv_set_space_func (&parser, never_space);
  ok = feed_lines (&parser, &state, filename, error);

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

  if (ok)
    set_field_texts (table);
  return ok;
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
  gboolean ok;

  if (!decode (table, data, length, encoding, filename, error))
    return NULL;

  ok = parse_records (table, filename, error);
  /* the fields have their own copy of it */
  g_clear_pointer (&table->buffer, g_free);
  table->text = NULL;
  if (!ok)
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
  g_free (table->data);
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
