#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <libxml/xmlwriter.h>

#include "yishi-doc-odt.h"
#include "yishi-doc-private.h"
#include "yishi-document-save.h"

#define ODT_MEDIA_TYPE "application/vnd.oasis.opendocument.text"
#define ODF_VERSION    "1.3"

/* A4 with the margins of a printed notice: 160 mm of text across. The
 * footer sits in the bottom margin's place, so the text ends about as
 * far from the edge as it starts. */
#define MARGIN_MM      25.0
#define TEXT_WIDTH_MM  (210.0 - 2 * MARGIN_MM)
#define MM_PER_INCH    25.4
#define POINTS_PER_MM  (72.0 / MM_PER_INCH)
/* fine enough for print */
#define FIGURE_DPI     300.0

/* Songti for body text and titles, Heiti for headings, as on printed
 * notices; the other families when they are missing. */
#define SERIF_FONT      "Noto Serif CJK SC"
#define SERIF_FAMILIES  "'Noto Serif CJK SC', 'Source Han Serif SC', serif"
#define SANS_FONT       "Noto Sans CJK SC"
#define SANS_FAMILIES   "'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

static const struct
{
  const char *prefix;
  const char *uri;
} namespaces[] = {
  { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
  { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "xlink", "http://www.w3.org/1999/xlink" },
  { "dc", "http://purl.org/dc/elements/1.1/" },
  { "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
};

/* The paragraph styles of body text and table cells, and their variants
 * (automatic styles of content.xml) by YishiDocAlign. */
typedef enum
{
  PARAGRAPH_BODY,
  PARAGRAPH_CELL,
  PARAGRAPH_HEAD,
  N_PARAGRAPH_KINDS
} ParagraphKind;

static const char *const paragraph_styles[N_PARAGRAPH_KINDS][3] = {
  { "Text_20_body", "Text_20_body_center", "Text_20_body_end" },
  { "Table_20_Contents", "Table_20_Contents_center", "Table_20_Contents_end" },
  { "Table_20_Heading", "Table_20_Heading_center", "Table_20_Heading_end" },
};

static const char *const align_values[] = { "start", "center", "end" };

/* An XML part being written. Every libxml2 call is checked: after the
 * first failure nothing more is written and the part fails. */
typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
} Xml;

/* The pictures of the figures, in the order they are drawn: the i-th is
 * stored as Pictures/figure<i+1>.png. */
typedef struct
{
  const YishiDoc *doc;
  GPtrArray      *pictures; /* of GBytes */
} Package;

static void xml_start_with (Xml        *xml,
                            const char *element,
                            ...) G_GNUC_NULL_TERMINATED;
static void xml_empty      (Xml        *xml,
                            const char *element,
                            ...) G_GNUC_NULL_TERMINATED;

static guint
align_index (YishiDocAlign align)
{
  g_assert (align <= YISHI_DOC_ALIGN_END);
  return (guint) align;
}

static char *
format_mm (double mm)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strconcat (g_ascii_formatd (number, sizeof number, "%.2f", mm), "mm", NULL);
}

static void
xml_check (Xml *xml,
           int  rc)
{
  if (rc < 0)
    xml->failed = TRUE;
}

static void
xml_init (Xml *xml)
{
  xml->buffer = xmlBufferCreate ();
  xml->writer = xml->buffer != NULL ? xmlNewTextWriterMemory (xml->buffer, 0) : NULL;
  xml->failed = xml->writer == NULL;
  if (!xml->failed)
    xml_check (xml, xmlTextWriterStartDocument (xml->writer, NULL, "UTF-8", NULL));
}

static void
xml_clear (Xml *xml)
{
  g_clear_pointer (&xml->writer, xmlFreeTextWriter);
  g_clear_pointer (&xml->buffer, xmlBufferFree);
}

static void
xml_start (Xml        *xml,
           const char *name)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterStartElement (xml->writer, (const xmlChar *) name));
}

static void
xml_end (Xml *xml)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterEndElement (xml->writer));
}

static void
xml_attr (Xml        *xml,
          const char *name,
          const char *value)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterWriteAttribute (xml->writer, (const xmlChar *) name,
                                                 (const xmlChar *) value));
}

static void
xml_text (Xml        *xml,
          const char *text)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterWriteString (xml->writer, (const xmlChar *) text));
}

static void
xml_attrs_valist (Xml        *xml,
                  const char *first_name,
                  va_list     args)
{
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    xml_attr (xml, name, va_arg (args, const char *));
}

/* Starts @element with the attributes given as name, value, …, NULL. */
static void
xml_start_with (Xml        *xml,
                const char *element,
                ...)
{
  va_list args;

  xml_start (xml, element);
  va_start (args, element);
  xml_attrs_valist (xml, va_arg (args, const char *), args);
  va_end (args);
}

/* An element with attributes (name, value, …, NULL) and no content. */
static void
xml_empty (Xml        *xml,
           const char *element,
           ...)
{
  va_list args;

  xml_start (xml, element);
  va_start (args, element);
  xml_attrs_valist (xml, va_arg (args, const char *), args);
  va_end (args);
  xml_end (xml);
}

/* Ends the document; the part's bytes stay in xml->buffer. */
static gboolean
xml_finish (Xml *xml)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterEndDocument (xml->writer));
  if (!xml->failed)
    xml_check (xml, xmlTextWriterFlush (xml->writer));

  return !xml->failed;
}

static void
xml_start_root (Xml        *xml,
                const char *element)
{
  xml_start (xml, element);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    {
      g_autofree char *name = g_strconcat ("xmlns:", namespaces[i].prefix, NULL);

      xml_attr (xml, name, namespaces[i].uri);
    }
  xml_attr (xml, "office:version", ODF_VERSION);
}

static void
flush_run (Xml     *xml,
           GString *run)
{
  if (run->len == 0)
    return;

  xml_text (xml, run->str);
  g_string_truncate (run, 0);
}

static void
write_spaces (Xml   *xml,
              gsize  n)
{
  g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, n);

  if (n == 1)
    xml_empty (xml, "text:s", NULL);
  else
    xml_empty (xml, "text:s", "text:c", count, NULL);
}

/* Writes @text so that a word processor shows it as it is: ODF folds runs
 * of spaces into one and drops them at the start of a paragraph, so all
 * but a single space between words is spelt out; a "\n" is a line break.
 * @paragraph_start: whether @text starts its paragraph. */
static void
write_odf_text_part (Xml        *xml,
                     const char *text,
                     gboolean    paragraph_start)
{
  g_autoptr(GString) run = g_string_new (NULL);
  gboolean line_start = paragraph_start;
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == ' ')
        {
          gsize n = strspn (p, " ");
          if (n == 1 && !line_start && p[n] != '\n')
            g_string_append_c (run, ' ');
          else
            {
              flush_run (xml, run);
              write_spaces (xml, n);
            }
          p += n;
          line_start = FALSE;
          continue;
        }

      if (*p == '\n' || *p == '\t')
        {
          flush_run (xml, run);
          xml_empty (xml, *p == '\n' ? "text:line-break" : "text:tab", NULL);
          line_start = *p == '\n';
        }
      else if ((guchar) *p >= 0x20) /* XML has no other control characters */
        {
          g_string_append_c (run, *p);
          line_start = FALSE;
        }
      p++;
    }
  flush_run (xml, run);
}

static void
write_odf_text (Xml        *xml,
                const char *text)
{
  write_odf_text_part (xml, text, TRUE);
}

static void
write_paragraph (Xml        *xml,
                 const char *style,
                 const char *text)
{
  xml_start_with (xml, "text:p", "text:style-name", style, NULL);
  write_odf_text (xml, text);
  xml_end (xml);
}

static void
write_font_faces (Xml *xml)
{
  xml_start (xml, "office:font-face-decls");
  xml_empty (xml, "style:font-face",
             "style:name", SERIF_FONT,
             "svg:font-family", SERIF_FAMILIES,
             "style:font-family-generic", "roman",
             "style:font-pitch", "variable",
             NULL);
  xml_empty (xml, "style:font-face",
             "style:name", SANS_FONT,
             "svg:font-family", SANS_FAMILIES,
             "style:font-family-generic", "swiss",
             "style:font-pitch", "variable",
             NULL);
  xml_end (xml);
}

/* ODF keeps the font of Latin and of Chinese text apart, and a word
 * processor uses the -asian properties for Chinese: both are set. */
static void
write_text_properties (Xml        *xml,
                       const char *font,
                       const char *size,
                       gboolean    bold)
{
  xml_start (xml, "style:text-properties");
  if (font != NULL)
    {
      xml_attr (xml, "style:font-name", font);
      xml_attr (xml, "style:font-name-asian", font);
    }
  if (size != NULL)
    {
      xml_attr (xml, "fo:font-size", size);
      xml_attr (xml, "style:font-size-asian", size);
    }
  if (bold)
    {
      xml_attr (xml, "fo:font-weight", "bold");
      xml_attr (xml, "style:font-weight-asian", "bold");
    }
  xml_end (xml);
}

static void
write_default_style (Xml *xml)
{
  xml_start_with (xml, "style:default-style", "style:family", "paragraph", NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:orphans", "2",
             "fo:widows", "2",
             NULL);
  xml_empty (xml, "style:text-properties",
             "style:font-name", SERIF_FONT,
             "style:font-name-asian", SERIF_FONT,
             "fo:font-size", "12pt",
             "style:font-size-asian", "12pt",
             /* Latin text breaks between words as English does, as in
              * LibreOffice's own Chinese default; marked as Chinese, it
              * would break English words anywhere */
             "fo:language", "en",
             "fo:country", "US",
             "style:language-asian", "zh",
             "style:country-asian", "CN",
             NULL);
  xml_end (xml);
}

static void
write_title_styles (Xml *xml)
{
  xml_start_with (xml, "style:style",
                  "style:name", "Title",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:next-style-name", "Subtitle",
                  "style:class", "chapter",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:text-align", "center",
             "fo:margin-bottom", "4mm",
             "fo:keep-with-next", "always",
             NULL);
  write_text_properties (xml, SERIF_FONT, "22pt", TRUE);
  xml_end (xml);

  xml_start_with (xml, "style:style",
                  "style:name", "Subtitle",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:next-style-name", "Text_20_body",
                  "style:class", "chapter",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:text-align", "center",
             "fo:margin-bottom", "6mm",
             "fo:keep-with-next", "always",
             NULL);
  write_text_properties (xml, NULL, "14pt", FALSE);
  xml_end (xml);

  xml_start_with (xml, "style:style",
                  "style:name", "Heading_20_1",
                  "style:display-name", "Heading 1",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:next-style-name", "Text_20_body",
                  "style:default-outline-level", "1",
                  "style:class", "text",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:margin-top", "4mm",
             "fo:margin-bottom", "2mm",
             "fo:keep-with-next", "always",
             NULL);
  write_text_properties (xml, SANS_FONT, "14pt", TRUE);
  xml_end (xml);
}

static void
write_body_styles (Xml *xml)
{
  xml_empty (xml, "style:style",
             "style:name", "Standard",
             "style:family", "paragraph",
             "style:class", "text",
             NULL);

  xml_start_with (xml, "style:style",
                  "style:name", "Text_20_body",
                  "style:display-name", "Text body",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:class", "text",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:margin-top", "0mm",
             "fo:margin-bottom", "2mm",
             "fo:line-height", "150%",
             NULL);
  xml_end (xml);

  xml_start_with (xml, "style:style",
                  "style:name", "Figure",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:class", "extra",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:text-align", "center",
             "fo:margin-top", "2mm",
             "fo:margin-bottom", "2mm",
             NULL);
  xml_end (xml);
}

static void
write_table_paragraph_styles (Xml *xml)
{
  xml_start_with (xml, "style:style",
                  "style:name", "Table_20_Contents",
                  "style:display-name", "Table Contents",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:class", "extra",
                  NULL);
  write_text_properties (xml, NULL, "10.5pt", FALSE);
  xml_end (xml);

  xml_start_with (xml, "style:style",
                  "style:name", "Table_20_Heading",
                  "style:display-name", "Table Heading",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Table_20_Contents",
                  "style:class", "extra",
                  NULL);
  write_text_properties (xml, NULL, NULL, TRUE);
  xml_end (xml);
}

/* A signature block is a row of cells, each with its label and, under
 * it, a paragraph that is only a line to sign on: its bottom border,
 * kept short of the next one by its margins. */
static void
write_signature_styles (Xml *xml)
{
  xml_start_with (xml, "style:style",
                  "style:name", "Signature",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:class", "extra",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:margin-top", "6mm",
             "fo:keep-with-next", "always",
             NULL);
  xml_end (xml);

  xml_start_with (xml, "style:style",
                  "style:name", "Signature_20_line",
                  "style:display-name", "Signature line",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:class", "extra",
                  NULL);
  xml_empty (xml, "style:paragraph-properties",
             "fo:margin-top", "8mm",
             "fo:margin-left", "2mm",
             "fo:margin-right", "6mm",
             "fo:border-bottom", "0.5pt solid #000000",
             "fo:padding", "0mm",
             NULL);
  xml_end (xml);
}

static void
write_footer_style (Xml *xml)
{
  g_autofree char *right = format_mm (TEXT_WIDTH_MM);

  xml_start_with (xml, "style:style",
                  "style:name", "Footer",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  "style:class", "extra",
                  NULL);
  xml_start (xml, "style:paragraph-properties");
  xml_start (xml, "style:tab-stops");
  xml_empty (xml, "style:tab-stop",
             "style:position", right,
             "style:type", "right",
             NULL);
  xml_end (xml);
  xml_end (xml);
  write_text_properties (xml, NULL, "9pt", FALSE);
  xml_end (xml);
}

static void
write_page_layout (Xml *xml)
{
  g_autofree char *margin = format_mm (MARGIN_MM);

  xml_start_with (xml, "style:page-layout", "style:name", "pm1", NULL);
  xml_empty (xml, "style:page-layout-properties",
             "fo:page-width", "210mm",
             "fo:page-height", "297mm",
             "style:print-orientation", "portrait",
             "fo:margin-top", margin,
             "fo:margin-bottom", "15mm",
             "fo:margin-left", margin,
             "fo:margin-right", margin,
             NULL);
  xml_start (xml, "style:footer-style");
  xml_empty (xml, "style:header-footer-properties",
             "fo:min-height", "5mm",
             "fo:margin-top", "5mm",
             NULL);
  xml_end (xml);
  xml_end (xml);

  /* the page number alone is centred */
  xml_start_with (xml, "style:style",
                  "style:name", "MP1",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Footer",
                  NULL);
  xml_empty (xml, "style:paragraph-properties", "fo:text-align", "center", NULL);
  xml_end (xml);
}

/* Where @format has the placeholder of argument @n (1 or 2): "%s" for
 * the n-th plain one, or "%<n>$s". Returns the offset, or -1. */
static gssize
find_placeholder (const char *format,
                  guint       n)
{
  guint plain = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      if (p[1] == '%')
        p++;
      else if (p[1] == 's' && ++plain == n)
        return p - format;
      else if (p[1] == (char) ('0' + n) && p[2] == '$' && p[3] == 's')
        return p - format;
    }

  return -1;
}

static gsize
placeholder_length (const char *placeholder)
{
  return placeholder[1] == 's' ? 2 : 4;
}

/* Literal text of a format: "%%" is "%". */
static void
write_format_text (Xml        *xml,
                   const char *format,
                   gsize       length)
{
  g_autoptr(GString) text = g_string_new_len (format, length);

  g_string_replace (text, "%%", "%", 0);
  write_odf_text_part (xml, text->str, FALSE);
}

/* The number of the page it is printed on, or the number of pages; the
 * "1" stands until the word processor counts. */
static void
write_page_field (Xml      *xml,
                  gboolean  page_number)
{
  if (page_number)
    xml_start_with (xml, "text:page-number", "text:select-page", "current", NULL);
  else
    xml_start (xml, "text:page-count");
  xml_text (xml, "1");
  xml_end (xml);
}

/* “第 N 页 共 M 页”: the numbers are fields the word processor fills in,
 * so the translated sentence is cut at its two placeholders, in
 * whichever order the translation has them. */
static void
write_page_fields (Xml        *xml,
                   const char *format)
{
  gssize number = find_placeholder (format, 1);
  gssize count = find_placeholder (format, 2);
  gboolean number_first;
  gsize first, second, after_first, after_second;

  if (number < 0 || count < 0)
    {
      /* a broken translation: the numbers alone */
      format = "%1$s / %2$s";
      number = 0;
      count = 7;
    }
  number_first = number < count;
  first = MIN (number, count);
  second = MAX (number, count);
  after_first = first + placeholder_length (format + first);
  after_second = second + placeholder_length (format + second);

  write_format_text (xml, format, first);
  write_page_field (xml, number_first);
  write_format_text (xml, format + after_first, second - after_first);
  write_page_field (xml, !number_first);
  write_format_text (xml, format + after_second, strlen (format + after_second));
}

static void
write_master_page (Xml            *xml,
                   const YishiDoc *doc)
{
  const char *footer = yishi_doc_get_footer (doc);
  gboolean has_footer = footer != NULL && *footer != '\0';

  xml_start_with (xml, "style:master-page",
                  "style:name", "Standard",
                  "style:page-layout-name", "pm1",
                  NULL);
  xml_start (xml, "style:footer");
  xml_start_with (xml, "text:p", "text:style-name", has_footer ? "Footer" : "MP1", NULL);
  if (has_footer)
    {
      write_odf_text (xml, footer);
      xml_empty (xml, "text:tab", NULL);
    }
  /* Translators: the foot of each page of a printed document: this
   * page's number, then how many pages there are; zh_CN “第 %1$s 页 共 %2$s 页” */
  write_page_fields (xml, _("Page %1$s of %2$s"));
  xml_end (xml);
  xml_end (xml);
  xml_end (xml);
}

static gboolean
write_styles_xml (const YishiDoc *doc,
                  Xml            *xml)
{
  xml_start_root (xml, "office:document-styles");
  write_font_faces (xml);

  xml_start (xml, "office:styles");
  write_default_style (xml);
  write_body_styles (xml);
  write_title_styles (xml);
  write_table_paragraph_styles (xml);
  write_signature_styles (xml);
  write_footer_style (xml);
  xml_end (xml);

  xml_start (xml, "office:automatic-styles");
  write_page_layout (xml);
  xml_end (xml);

  xml_start (xml, "office:master-styles");
  write_master_page (xml, doc);
  xml_end (xml);

  xml_end (xml);
  return xml_finish (xml);
}

static gboolean
write_meta_xml (const YishiDoc *doc,
                Xml            *xml)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  xml_start_root (xml, "office:document-meta");
  xml_start (xml, "office:meta");
  xml_start (xml, "meta:generator");
  xml_text (xml, "Yishi/" PACKAGE_VERSION);
  xml_end (xml);
  xml_start (xml, "dc:title");
  xml_text (xml, yishi_doc_get_title (doc));
  xml_end (xml);
  xml_start (xml, "meta:creation-date");
  xml_text (xml, date);
  xml_end (xml);
  xml_start (xml, "dc:date");
  xml_text (xml, date);
  xml_end (xml);
  xml_start (xml, "dc:language");
  xml_text (xml, "zh-CN");
  xml_end (xml);
  xml_end (xml);
  xml_end (xml);

  return xml_finish (xml);
}

static void
write_alignment_styles (Xml *xml)
{
  for (guint kind = 0; kind < N_PARAGRAPH_KINDS; kind++)
    for (guint align = YISHI_DOC_ALIGN_CENTER; align <= YISHI_DOC_ALIGN_END; align++)
      {
        xml_start_with (xml, "style:style",
                        "style:name", paragraph_styles[kind][align],
                        "style:family", "paragraph",
                        "style:parent-style-name", paragraph_styles[kind][YISHI_DOC_ALIGN_START],
                        NULL);
        xml_empty (xml, "style:paragraph-properties",
                   "fo:text-align", align_values[align],
                   NULL);
        xml_end (xml);
      }

  xml_start_with (xml, "style:style",
                  "style:name", "Page_20_break",
                  "style:display-name", "Page break",
                  "style:family", "paragraph",
                  "style:parent-style-name", "Standard",
                  NULL);
  xml_empty (xml, "style:paragraph-properties", "fo:break-before", "page", NULL);
  xml_end (xml);
}

static void
write_cell_style (Xml        *xml,
                  const char *name,
                  const char *border,
                  const char *background)
{
  xml_start_with (xml, "style:style",
                  "style:name", name,
                  "style:family", "table-cell",
                  NULL);
  xml_start (xml, "style:table-cell-properties");
  xml_attr (xml, "fo:border", border);
  xml_attr (xml, "fo:padding", "1mm");
  xml_attr (xml, "style:vertical-align", "middle");
  if (background != NULL)
    xml_attr (xml, "fo:background-color", background);
  xml_end (xml);
  xml_end (xml);
}

static void
write_table_cell_styles (Xml *xml)
{
  write_cell_style (xml, "Cell", "0.5pt solid #000000", NULL);
  write_cell_style (xml, "Cell_20_head", "0.5pt solid #000000", "#e6e6e6");
  write_cell_style (xml, "Cell_20_signature", "none", NULL);

  /* room to fill in a blank cell by hand, and no row split by a page */
  xml_start_with (xml, "style:style",
                  "style:name", "Row",
                  "style:family", "table-row",
                  NULL);
  xml_empty (xml, "style:table-row-properties",
             "style:min-row-height", "7mm",
             "fo:keep-together", "always",
             NULL);
  xml_end (xml);
}

static char *
table_name (guint number)
{
  return g_strdup_printf ("Table%u", number);
}

/* The table's width and its columns'; @widths NULL for equal ones. */
static void
write_table_style (Xml          *xml,
                   guint         number,
                   guint         n_columns,
                   const double *widths)
{
  g_autofree char *name = table_name (number);
  g_autofree char *width = format_mm (TEXT_WIDTH_MM);

  xml_start_with (xml, "style:style", "style:name", name, "style:family", "table", NULL);
  xml_empty (xml, "style:table-properties",
             "style:width", width,
             "table:align", "center",
             "fo:margin-top", "2mm",
             "fo:margin-bottom", "2mm",
             NULL);
  xml_end (xml);

  for (guint i = 0; i < n_columns; i++)
    {
      double share = widths != NULL ? widths[i] : 1.0 / n_columns;
      g_autofree char *column = g_strdup_printf ("%s.C%u", name, i + 1);
      g_autofree char *column_width = format_mm (share * TEXT_WIDTH_MM);
      g_autofree char *relative = g_strdup_printf ("%u*", (guint) MAX (1.0, round (share * 65535)));

      xml_start_with (xml, "style:style", "style:name", column, "style:family", "table-column", NULL);
      xml_empty (xml, "style:table-column-properties",
                 "style:column-width", column_width,
                 "style:rel-column-width", relative,
                 NULL);
      xml_end (xml);
    }
}

static guint
count_labels (const YishiDocBlock *block)
{
  return g_strv_length (block->labels);
}

/* Tables and signature blocks are numbered in order: Table1, Table2, … */
static void
write_content_styles (Xml            *xml,
                      const YishiDoc *doc)
{
  guint tables = 0;

  xml_start (xml, "office:automatic-styles");
  write_alignment_styles (xml);
  write_table_cell_styles (xml);
  for (guint i = 0; i < _yishi_doc_get_n_blocks (doc); i++)
    {
      const YishiDocBlock *block = _yishi_doc_get_block (doc, i);

      if (block->kind == YISHI_DOC_BLOCK_TABLE)
        write_table_style (xml, ++tables, block->table->n_columns, block->table->widths);
      else if (block->kind == YISHI_DOC_BLOCK_SIGNATURES)
        write_table_style (xml, ++tables, count_labels (block), NULL);
    }
  xml_end (xml);
}

static void
write_table_start (Xml   *xml,
                   guint  number,
                   guint  n_columns)
{
  g_autofree char *name = table_name (number);

  xml_start_with (xml, "table:table",
                  "table:name", name,
                  "table:style-name", name,
                  NULL);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *column = g_strdup_printf ("%s.C%u", name, i + 1);

      xml_empty (xml, "table:table-column", "table:style-name", column, NULL);
    }
}

static void
write_row (Xml                 *xml,
           const YishiDocTable *table,
           const YishiDocRow   *row)
{
  ParagraphKind kind = row->header ? PARAGRAPH_HEAD : PARAGRAPH_CELL;

  xml_start_with (xml, "table:table-row", "table:style-name", "Row", NULL);
  for (guint i = 0; i < table->n_columns; i++)
    {
      xml_start_with (xml, "table:table-cell",
                      "table:style-name", row->header ? "Cell_20_head" : "Cell",
                      "office:value-type", "string",
                      NULL);
      write_paragraph (xml, paragraph_styles[kind][align_index (table->aligns[i])],
                       row->cells[i]);
      xml_end (xml);
    }
  xml_end (xml);
}

/* The leading header rows are the table's head, repeated on every page. */
static void
write_table (Xml                 *xml,
             const YishiDocTable *table,
             guint                number)
{
  guint n_head = _yishi_doc_table_get_n_head_rows (table);

  if (table->rows->len == 0)
    return; /* ODF has no table without rows */

  write_table_start (xml, number, table->n_columns);
  if (n_head > 0)
    xml_start (xml, "table:table-header-rows");
  for (guint i = 0; i < table->rows->len; i++)
    {
      write_row (xml, table, g_ptr_array_index (table->rows, i));
      if (i + 1 == n_head)
        xml_end (xml);
    }
  xml_end (xml);
}

static void
write_signatures (Xml                 *xml,
                  const YishiDocBlock *block,
                  guint                number)
{
  write_table_start (xml, number, count_labels (block));
  xml_start (xml, "table:table-row");
  for (guint i = 0; block->labels[i] != NULL; i++)
    {
      xml_start_with (xml, "table:table-cell",
                      "table:style-name", "Cell_20_signature",
                      "office:value-type", "string",
                      NULL);
      write_paragraph (xml, "Signature", block->labels[i]);
      xml_empty (xml, "text:p", "text:style-name", "Signature_20_line", NULL);
      xml_end (xml);
    }
  xml_end (xml);
  xml_end (xml);
}

static void
write_figure (Xml                  *xml,
              const YishiDocFigure *figure,
              guint                 number)
{
  g_autofree char *name = g_strdup_printf ("Figure%u", number);
  g_autofree char *href = g_strdup_printf ("Pictures/figure%u.png", number);
  g_autofree char *width = format_mm (TEXT_WIDTH_MM);
  g_autofree char *height = format_mm (figure->height_mm);

  xml_start_with (xml, "text:p", "text:style-name", "Figure", NULL);
  xml_start_with (xml, "draw:frame",
                  "draw:name", name,
                  "text:anchor-type", "as-char",
                  "svg:width", width,
                  "svg:height", height,
                  "draw:z-index", "0",
                  NULL);
  xml_empty (xml, "draw:image",
             "xlink:type", "simple",
             "xlink:href", href,
             "xlink:show", "embed",
             "xlink:actuate", "onLoad",
             "draw:mime-type", "image/png",
             NULL);
  if (*figure->description != '\0')
    {
      xml_start (xml, "svg:title");
      xml_text (xml, figure->description);
      xml_end (xml);
      xml_start (xml, "svg:desc");
      xml_text (xml, figure->description);
      xml_end (xml);
    }
  xml_end (xml);
  xml_end (xml);
}

static cairo_status_t
append_to_bytes_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The figure on white at FIGURE_DPI, as PNG; the draw function works in
 * points, as for PDF. */
static GBytes *
render_figure (const YishiDocFigure  *figure,
               cairo_status_t        *status)
{
  double scale = FIGURE_DPI / 72.0;
  double width_pt = TEXT_WIDTH_MM * POINTS_PER_MM;
  double height_pt = figure->height_mm * POINTS_PER_MM;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GByteArray) png = g_byte_array_new ();

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (width_pt * scale),
                                        (int) MAX (1.0, ceil (height_pt * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  figure->draw (cr, width_pt, height_pt, figure->user_data);
  *status = cairo_status (cr);
  cairo_destroy (cr);

  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_write_to_png_stream (surface, append_to_bytes_cb, png);
  cairo_surface_destroy (surface);
  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* Making the package in memory fails only when memory runs out. */
static void
set_assembly_error (const char  *path,
                    GError     **error)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is a file name */
               _("Could not put the document “%s” together"), display_name);
}

static gboolean
add_figure (Package               *package,
            Xml                   *xml,
            const YishiDocFigure  *figure,
            const char            *path,
            GError               **error)
{
  cairo_status_t status;
  GBytes *png = render_figure (figure, &status);

  if (png == NULL)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, then cairo's reason (in English) */
                   _("Could not draw a figure of the document “%s”: %s"),
                   display_name, cairo_status_to_string (status));
      return FALSE;
    }

  g_ptr_array_add (package->pictures, png);
  write_figure (xml, figure, package->pictures->len);
  return TRUE;
}

static gboolean
write_block (Package              *package,
             Xml                  *xml,
             const YishiDocBlock  *block,
             guint                *tables,
             const char           *path,
             GError              **error)
{
  switch (block->kind)
    {
    case YISHI_DOC_BLOCK_TITLE:
      write_paragraph (xml, "Title", block->text);
      break;
    case YISHI_DOC_BLOCK_SUBTITLE:
      write_paragraph (xml, "Subtitle", block->text);
      break;
    case YISHI_DOC_BLOCK_HEADING:
      xml_start_with (xml, "text:h",
                      "text:style-name", "Heading_20_1",
                      "text:outline-level", "1",
                      NULL);
      write_odf_text (xml, block->text);
      xml_end (xml);
      break;
    case YISHI_DOC_BLOCK_PARAGRAPH:
      write_paragraph (xml, paragraph_styles[PARAGRAPH_BODY][align_index (block->align)],
                       block->text);
      break;
    case YISHI_DOC_BLOCK_TABLE:
      write_table (xml, block->table, ++*tables);
      break;
    case YISHI_DOC_BLOCK_FIGURE:
      return add_figure (package, xml, block->figure, path, error);
    case YISHI_DOC_BLOCK_SIGNATURES:
      write_signatures (xml, block, ++*tables);
      break;
    case YISHI_DOC_BLOCK_PAGE_BREAK:
      xml_empty (xml, "text:p", "text:style-name", "Page_20_break", NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean
write_content_xml (Package     *package,
                   Xml         *xml,
                   const char  *path,
                   GError     **error)
{
  guint tables = 0;

  xml_start_root (xml, "office:document-content");
  write_font_faces (xml);
  write_content_styles (xml, package->doc);
  xml_start (xml, "office:body");
  xml_start (xml, "office:text");
  for (guint i = 0; i < _yishi_doc_get_n_blocks (package->doc); i++)
    if (!write_block (package, xml, _yishi_doc_get_block (package->doc, i), &tables, path, error))
      return FALSE;
  xml_end (xml);
  xml_end (xml);
  xml_end (xml);

  if (!xml_finish (xml))
    {
      set_assembly_error (path, error);
      return FALSE;
    }

  return TRUE;
}

static void
write_manifest_entry (Xml        *xml,
                      const char *full_path,
                      const char *media_type)
{
  xml_empty (xml, "manifest:file-entry",
             "manifest:full-path", full_path,
             "manifest:media-type", media_type,
             NULL);
}

static gboolean
write_manifest_xml (Package *package,
                    Xml     *xml)
{
  xml_start (xml, "manifest:manifest");
  xml_attr (xml, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  xml_attr (xml, "manifest:version", ODF_VERSION);
  xml_empty (xml, "manifest:file-entry",
             "manifest:full-path", "/",
             "manifest:version", ODF_VERSION,
             "manifest:media-type", ODT_MEDIA_TYPE,
             NULL);
  write_manifest_entry (xml, "content.xml", "text/xml");
  write_manifest_entry (xml, "styles.xml", "text/xml");
  write_manifest_entry (xml, "meta.xml", "text/xml");
  for (guint i = 0; i < package->pictures->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pictures/figure%u.png", i + 1);

      write_manifest_entry (xml, name, "image/png");
    }
  xml_end (xml);

  return xml_finish (xml);
}

/* A member of the zip. "mimetype" is stored, first, so that its name
 * and value are at a fixed place for tools that sniff the type; the
 * pictures are PNG already, and gain nothing from deflating. */
static gboolean
add_member (GsfOutfile   *zip,
            const char   *name,
            gboolean      stored,
            gconstpointer data,
            gsize         size)
{
  GsfOutput *member = gsf_outfile_new_child_full (zip, name, FALSE,
                                                  "compression-level",
                                                  stored ? GSF_ZIP_STORED : GSF_ZIP_DEFLATED,
                                                  NULL);
  gboolean written;

  if (member == NULL)
    return FALSE;

  written = gsf_output_write (member, size, data);
  written = gsf_output_close (member) && written;
  g_object_unref (member);

  return written;
}

static gboolean
add_xml_member (GsfOutfile *zip,
                const char *name,
                Xml        *xml)
{
  return add_member (zip, name, FALSE, xmlBufferContent (xml->buffer),
                     (gsize) xmlBufferLength (xml->buffer));
}

static gboolean
add_members (GsfOutfile *zip,
             Package    *package,
             Xml        *content,
             Xml        *styles,
             Xml        *meta,
             Xml        *manifest)
{
  if (!add_member (zip, "mimetype", TRUE, ODT_MEDIA_TYPE, strlen (ODT_MEDIA_TYPE)) ||
      !add_xml_member (zip, "content.xml", content) ||
      !add_xml_member (zip, "styles.xml", styles) ||
      !add_xml_member (zip, "meta.xml", meta))
    return FALSE;

  for (guint i = 0; i < package->pictures->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pictures/figure%u.png", i + 1);
      gsize size;
      gconstpointer data = g_bytes_get_data (g_ptr_array_index (package->pictures, i), &size);

      if (!add_member (zip, name, TRUE, data, size))
        return FALSE;
    }

  return add_xml_member (zip, "META-INF/manifest.xml", manifest);
}

/* The whole package in memory, so the file is written in one go. The
 * zip writer's types register themselves: it needs no gsf_init (). */
static GBytes *
zip_parts (Package *package,
           Xml     *content,
           Xml     *styles,
           Xml     *meta,
           Xml     *manifest)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  gboolean zipped = zip != NULL && add_members (zip, package, content, styles, meta, manifest);
  GBytes *bytes = NULL;

  if (zip != NULL)
    {
      zipped = gsf_output_close (GSF_OUTPUT (zip)) && zipped;
      g_object_unref (zip);
    }
  if (zipped)
    bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                         (gsize) gsf_output_size (sink));
  gsf_output_close (sink);
  g_object_unref (sink);

  return bytes;
}

static GBytes *
make_package (const YishiDoc  *doc,
              const char      *path,
              GError         **error)
{
  Package package = { doc, g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref) };
  Xml content, styles, meta, manifest;
  GBytes *bytes = NULL;

  xml_init (&content);
  xml_init (&styles);
  xml_init (&meta);
  xml_init (&manifest);

  if (write_content_xml (&package, &content, path, error))
    {
      if (write_styles_xml (doc, &styles) && write_meta_xml (doc, &meta) &&
          write_manifest_xml (&package, &manifest))
        bytes = zip_parts (&package, &content, &styles, &meta, &manifest);
      if (bytes == NULL)
        set_assembly_error (path, error);
    }

  xml_clear (&content);
  xml_clear (&styles);
  xml_clear (&meta);
  xml_clear (&manifest);
  g_ptr_array_unref (package.pictures);

  return bytes;
}

/**
 * yishi_doc_write_odt:
 *
 * Writes @doc to @path as an ODF 1.3 text document (.odt) on A4, with
 * its figures drawn as pictures. The file is written under a temporary
 * name in the same folder and renamed into place when complete, so a
 * failure leaves an existing file as it was and no partial file behind.
 * Errors are in the G_IO_ERROR domain.
 */
gboolean
yishi_doc_write_odt (const YishiDoc  *doc,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(GBytes) odt = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  odt = make_package (doc, path, error);
  if (odt == NULL)
    return FALSE;

  data = g_bytes_get_data (odt, &size);
  return yishi_document_save (path, data, size, error);
}
