#include "config.h"

#include "yishi-doc-odt.h"
#include "yishi-doc-pdf.h"
#include "yishi-minutes-akn.h"
#include "yishi-minutes-doc.h"
#include "yishi-minutes-export.h"
#include "yishi-minutes-xml.h"

static const char * const format_keys[] = {
  [YISHI_MINUTES_FORMAT_XML] = "xml",
  [YISHI_MINUTES_FORMAT_ODT] = "odt",
  [YISHI_MINUTES_FORMAT_PDF] = "pdf",
  [YISHI_MINUTES_FORMAT_AKN] = "akn",
};

gboolean
yishi_minutes_format_parse (const char         *text,
                            YishiMinutesFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_keys); i++)
    if (g_ascii_strcasecmp (text, format_keys[i]) == 0)
      {
        *out = (YishiMinutesFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* The printable formats share one layout. */
static gboolean
write_doc (const YishiMinutes  *minutes,
           YishiMinutesFormat   format,
           const char          *path,
           GError             **error)
{
  g_autoptr(YishiDoc) doc = yishi_minutes_doc_build (minutes);

  if (format == YISHI_MINUTES_FORMAT_PDF)
    return yishi_doc_write_pdf (doc, path, error);
  return yishi_doc_write_odt (doc, path, error);
}

gboolean
yishi_minutes_export (const YishiMinutes  *minutes,
                      YishiMinutesFormat   format,
                      const char          *path,
                      GError             **error)
{
  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case YISHI_MINUTES_FORMAT_XML:
      return yishi_minutes_write_xml (minutes, path, error);
    case YISHI_MINUTES_FORMAT_AKN:
      return yishi_minutes_write_akn (minutes, path, error);
    case YISHI_MINUTES_FORMAT_ODT:
    case YISHI_MINUTES_FORMAT_PDF:
      return write_doc (minutes, format, path, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
