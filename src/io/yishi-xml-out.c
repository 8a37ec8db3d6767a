#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "yishi-document-save.h"
#include "yishi-xml-out-private.h"

static void
check (YishiXmlOut *out,
       int          rc)
{
  if (rc < 0)
    out->failed = TRUE;
}

/* XML 1.0's Char production: a NUL or a control character other than
 * tab and line breaks has no representation, not even a reference. */
static gboolean
is_xml_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return FALSE;
      if (c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

static gboolean
can_write (YishiXmlOut *out,
           const char  *text)
{
  if (out->failed)
    return FALSE;
  if (text != NULL && !is_xml_text (text))
    {
      out->failed = TRUE;
      out->bad_text = TRUE;
      return FALSE;
    }
  return TRUE;
}

void
_yishi_xml_out_init (YishiXmlOut *out)
{
  out->buffer = xmlBufferCreate ();
  out->writer = out->buffer != NULL ? xmlNewTextWriterMemory (out->buffer, 0) : NULL;
  out->failed = out->writer == NULL;
  out->bad_text = FALSE;
  if (out->failed)
    return;
  check (out, xmlTextWriterSetIndent (out->writer, 1));
  check (out, xmlTextWriterSetIndentString (out->writer, (const xmlChar *) "  "));
  if (!out->failed)
    check (out, xmlTextWriterStartDocument (out->writer, NULL, "UTF-8", NULL));
}

void
_yishi_xml_out_clear (YishiXmlOut *out)
{
  g_clear_pointer (&out->writer, xmlFreeTextWriter);
  g_clear_pointer (&out->buffer, xmlBufferFree);
}

void
_yishi_xml_out_start (YishiXmlOut *out,
                      const char  *element)
{
  if (can_write (out, NULL))
    check (out, xmlTextWriterStartElement (out->writer, (const xmlChar *) element));
}

void
_yishi_xml_out_end (YishiXmlOut *out)
{
  if (can_write (out, NULL))
    check (out, xmlTextWriterEndElement (out->writer));
}

static void
append_escaped (GString    *out,
                const char *text)
{
  static const struct
  {
    char        c;
    const char *reference;
  } escapes[] = {
    { '&', "&amp;" }, { '<', "&lt;" }, { '>', "&gt;" }, { '"', "&quot;" },
    { '\r', "&#13;" }, { '\n', "&#10;" }, { '\t', "&#9;" },
  };

  for (const char *p = text; *p != '\0'; p++)
    {
      guint i = 0;

      while (i < G_N_ELEMENTS (escapes) && escapes[i].c != *p)
        i++;
      if (i < G_N_ELEMENTS (escapes))
        g_string_append (out, escapes[i].reference);
      else
        g_string_append_c (out, *p);
    }
}

void
_yishi_xml_out_inline (YishiXmlOut *out,
                       const char  *element,
                       const char  *text,
                       ...)
{
  g_autoptr(GString) xml = g_string_new ("<");
  const char *name;
  va_list args;

  if (!can_write (out, text))
    return;
  g_string_append (xml, element);
  va_start (args, text);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL || !can_write (out, value))
        continue;
      g_string_append_printf (xml, " %s=\"", name);
      append_escaped (xml, value);
      g_string_append_c (xml, '"');
    }
  va_end (args);
  g_string_append_c (xml, '>');
  append_escaped (xml, text);
  g_string_append_printf (xml, "</%s>", element);
  if (can_write (out, NULL))
    check (out, xmlTextWriterWriteRaw (out->writer, (const xmlChar *) xml->str));
}

void
_yishi_xml_out_attr (YishiXmlOut *out,
                     const char  *name,
                     const char  *value)
{
  if (value != NULL && can_write (out, value))
    check (out, xmlTextWriterWriteAttribute (out->writer, (const xmlChar *) name,
                                             (const xmlChar *) value));
}

void
_yishi_xml_out_attr_uint (YishiXmlOut *out,
                          const char  *name,
                          guint        value)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", value);
  _yishi_xml_out_attr (out, name, number);
}

void
_yishi_xml_out_text (YishiXmlOut *out,
                     const char  *text)
{
  if (can_write (out, text))
    check (out, xmlTextWriterWriteString (out->writer, (const xmlChar *) text));
}

void
_yishi_xml_out_element (YishiXmlOut *out,
                        const char  *element,
                        const char  *text)
{
  if (text == NULL)
    return;
  _yishi_xml_out_start (out, element);
  _yishi_xml_out_text (out, text);
  _yishi_xml_out_end (out);
}

static void
set_write_error (YishiXmlOut  *out,
                 const char   *path,
                 GError      **error)
{
  g_autofree char *display_name = path != NULL ? g_filename_display_name (path) : NULL;

  if (out->bad_text && display_name != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s is a file name */
                 _("Could not write “%s”: a text in it holds a character XML cannot carry"),
                 display_name);
  else if (out->bad_text)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("A text holds a character XML cannot carry"));
  else if (display_name != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is a file name */
                 _("Could not put the XML of “%s” together"), display_name);
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("Could not put the XML document together"));
}

char *
_yishi_xml_out_finish (YishiXmlOut  *out,
                       const char   *path,
                       GError      **error)
{
  GString *text;

  if (can_write (out, NULL))
    check (out, xmlTextWriterEndDocument (out->writer));
  if (can_write (out, NULL))
    check (out, xmlTextWriterFlush (out->writer));
  if (out->failed)
    {
      set_write_error (out, path, error);
      return NULL;
    }

  text = g_string_new_len ((const char *) xmlBufferContent (out->buffer), xmlBufferLength (out->buffer));
  /* a text file ends with a line break */
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

gboolean
_yishi_xml_out_save (YishiXmlOut  *out,
                     const char   *path,
                     GError      **error)
{
  g_autofree char *text = _yishi_xml_out_finish (out, path, error);

  if (text == NULL)
    return FALSE;

  return yishi_document_save (path, text, strlen (text), error);
}
