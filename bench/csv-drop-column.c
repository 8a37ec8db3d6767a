/* csv-drop-column — copies a CSV file without the column headed COLUMN.
 *
 *   csv-drop-column COLUMN INPUT.csv OUTPUT.csv
 *
 * The import benchmark uses it to turn `yishictl proposal export` into a
 * file like a spreadsheet from an online form, which has no UUID column.
 * Fields may hold commas, quotes and line breaks, so it parses with libcsv
 * rather than cutting lines. The output is written as the export writes
 * it: every field quoted, CRLF line ends, and a UTF-8 BOM if the input
 * had one. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <csv.h>
#include <glib.h>

static const char utf8_bom[] = "\xEF\xBB\xBF";

typedef struct
{
  const char *column;  /* the header to drop */
  int         drop;    /* its index, or -1 before the header row */
  guint       n_rows;  /* rows written, the header included */
  GPtrArray  *fields;  /* the row being read */
  GString    *out;
  char       *error;   /* the first problem found */
} Copy;

static void
append_field (GString    *out,
              const char *text,
              gsize       length)
{
  gsize start = out->len;
  gsize room = 2 * length + 2;

  g_string_set_size (out, start + room);
  g_string_truncate (out, start + csv_write (out->str + start, room, text, length));
}

static gboolean
find_column (Copy *copy)
{
  for (guint i = 0; i < copy->fields->len; i++)
    if (g_str_equal (copy->fields->pdata[i], copy->column))
      {
        copy->drop = (int) i;
        return TRUE;
      }

  copy->error = g_strdup_printf ("no column is headed “%s”", copy->column);
  return FALSE;
}

static void
field_read_cb (void   *text,
               size_t  length,
               void   *data)
{
  Copy *copy = data;

  g_ptr_array_add (copy->fields, g_strndup (text != NULL ? text : "", length));
}

static void
row_read_cb (int   terminator,
             void *data)
{
  Copy *copy = data;
  gboolean first = TRUE;

  if (copy->error != NULL || (copy->drop < 0 && !find_column (copy)))
    goto out;

  for (guint i = 0; i < copy->fields->len; i++)
    {
      const char *text = copy->fields->pdata[i];

      if ((int) i == copy->drop)
        continue;
      if (!first)
        g_string_append_c (copy->out, ',');
      append_field (copy->out, text, strlen (text));
      first = FALSE;
    }
  g_string_append (copy->out, "\r\n");
  copy->n_rows++;

out:
  g_ptr_array_set_size (copy->fields, 0);
}

static gboolean
copy_csv (Copy        *copy,
          const char  *input,
          gsize        length,
          GError     **error)
{
  struct csv_parser parser;
  gboolean ok;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("csv_init failed");

  ok = csv_parse (&parser, input, length, field_read_cb, row_read_cb, copy) == length &&
       csv_fini (&parser, field_read_cb, row_read_cb, copy) == 0;
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a valid CSV file: %s",
                 csv_strerror (csv_error (&parser)));
  else if (copy->error != NULL || copy->drop < 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           copy->error != NULL ? copy->error : "the file is empty");
      ok = FALSE;
    }

  csv_free (&parser);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  Copy copy = { NULL, -1, 0, fields, out, NULL };
  const char *start;
  gsize length;

  setlocale (LC_ALL, "");
  if (argc != 4)
    {
      g_printerr ("Usage: %s COLUMN INPUT.csv OUTPUT.csv\n", argv[0]);
      return 2;
    }

  copy.column = argv[1];
  if (!g_file_get_contents (argv[2], &input, &length, &error))
    goto fail;

  start = input;
  if (g_str_has_prefix (input, utf8_bom))
    {
      g_string_append (out, utf8_bom);
      start += strlen (utf8_bom);
      length -= strlen (utf8_bom);
    }

  if (!copy_csv (&copy, start, length, &error) ||
      !g_file_set_contents (argv[3], out->str, out->len, &error))
    goto fail;

  g_free (copy.error);
  g_print ("%s: %u rows without “%s”\n", argv[3], copy.n_rows - 1, copy.column);
  return 0;

fail:
  g_free (copy.error);
  g_printerr ("%s: %s\n", argv[0], error->message);
  return 1;
}
