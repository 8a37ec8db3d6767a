#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  YISHI_ENCODING_AUTO,
  YISHI_ENCODING_UTF8,
  YISHI_ENCODING_GB18030,
} YishiEncoding;

gboolean yishi_encoding_parse (const char    *text,
                               YishiEncoding *out_encoding);

/**
 * YishiCsvTable:
 * A CSV file decoded to UTF-8 and split into records, as Excel and online
 * forms write it: UTF-8 with or without BOM, or GB18030/GBK; quoted fields
 * may hold commas, quotes and line breaks. Each record remembers the line
 * of the file it starts on, for error messages.
 *
 * The first record that is not empty is the header; records are numbered
 * from 0 after it. Fields keep their bytes exactly — spaces included, and
 * NUL bytes too, so callers can refuse them instead of losing the text
 * after them: yishi_csv_table_get_field_length () gives the real length.
 */
typedef struct _YishiCsvTable YishiCsvTable;

/* A field's text, which ends in a NUL, and its length in bytes. */
typedef struct
{
  const char *text;
  gsize       length;
} YishiCsvField;

YishiCsvTable *yishi_csv_table_read             (GBytes        *contents,
                                                 YishiEncoding  encoding,
                                                 const char    *filename,
                                                 GError       **error);
YishiCsvTable *yishi_csv_table_read_file        (const char    *path,
                                                 YishiEncoding  encoding,
                                                 const char    *filename,
                                                 GError       **error);
void           yishi_csv_table_free             (YishiCsvTable *table);
const char    *yishi_csv_table_get_encoding     (YishiCsvTable *table);
gboolean       yishi_csv_table_has_nul          (YishiCsvTable *table);
guint          yishi_csv_table_get_n_columns    (YishiCsvTable *table);
const char    *yishi_csv_table_get_header       (YishiCsvTable *table,
                                                 guint          column);
guint          yishi_csv_table_get_header_line  (YishiCsvTable *table);
guint          yishi_csv_table_get_n_records    (YishiCsvTable *table);
guint          yishi_csv_table_get_line         (YishiCsvTable *table,
                                                 guint          record);
guint          yishi_csv_table_get_n_fields     (YishiCsvTable *table,
                                                 guint          record);
const char    *yishi_csv_table_get_field        (YishiCsvTable *table,
                                                 guint          record,
                                                 guint          column);
gsize          yishi_csv_table_get_field_length (YishiCsvTable *table,
                                                 guint          record,
                                                 guint          column);
const YishiCsvField *yishi_csv_table_get_fields (YishiCsvTable *table,
                                                 guint          record,
                                                 guint         *out_n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiCsvTable, yishi_csv_table_free)

G_END_DECLS
