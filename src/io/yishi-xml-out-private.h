#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

/* An XML document written in memory with xmlTextWriter, indented. Every
 * libxml2 call is checked: after the first failure nothing more is
 * written, and _yishi_xml_out_save () reports it. Text that XML 1.0
 * cannot carry (invalid UTF-8, control characters) fails it too, rather
 * than making a file no parser would read. */
typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
  gboolean         bad_text;
} YishiXmlOut;

void      _yishi_xml_out_init    (YishiXmlOut *out);
void      _yishi_xml_out_clear   (YishiXmlOut *out);
void      _yishi_xml_out_start   (YishiXmlOut *out,
                                  const char  *element);
void      _yishi_xml_out_end     (YishiXmlOut *out);
/* <element name="value" …>text</element> written as part of the
 * current element's text: an inline element in mixed content, where
 * indentation would change the text. The attributes are pairs of name
 * and value, ending with NULL; a NULL value leaves its attribute out. */
void      _yishi_xml_out_inline  (YishiXmlOut *out,
                                  const char  *element,
                                  const char  *text,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Nothing is written for a NULL @value. */
void      _yishi_xml_out_attr    (YishiXmlOut *out,
                                  const char  *name,
                                  const char  *value);
void      _yishi_xml_out_attr_uint (YishiXmlOut *out,
                                  const char  *name,
                                  guint        value);
void      _yishi_xml_out_text    (YishiXmlOut *out,
                                  const char  *text);
/* <element>text</element>; nothing at all for a NULL @text. */
void      _yishi_xml_out_element (YishiXmlOut *out,
                                  const char  *element,
                                  const char  *text);
/* Ends the document and returns its text, or NULL with @error set. */
char     *_yishi_xml_out_finish  (YishiXmlOut *out,
                                  const char  *path,
                                  GError     **error);
/* Ends the document and replaces @path with it atomically. */
gboolean  _yishi_xml_out_save    (YishiXmlOut *out,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
