#pragma once

#include "yishi-minutes-store.h"

G_BEGIN_DECLS

/* The formats the minutes are exported in, all from one snapshot. */
typedef enum
{
  YISHI_MINUTES_FORMAT_XML, /* "xml": Yishi's own, the interchange format */
  YISHI_MINUTES_FORMAT_ODT, /* "odt": ODF text */
  YISHI_MINUTES_FORMAT_PDF, /* "pdf": A4, as printed */
  YISHI_MINUTES_FORMAT_AKN, /* "akn": Akoma Ntoso 3.0 */
} YishiMinutesFormat;

/* "xml", "odt", "pdf" or "akn", in any case. */
gboolean yishi_minutes_format_parse (const char          *text,
                                     YishiMinutesFormat  *out);
/* Writes @minutes to @path in @format, replacing the file atomically. */
gboolean yishi_minutes_export       (const YishiMinutes  *minutes,
                                     YishiMinutesFormat   format,
                                     const char          *path,
                                     GError             **error);

G_END_DECLS
