#pragma once

#include "yishi-minutes-store.h"

G_BEGIN_DECLS

/* Yishi's own XML format for minutes (docs/minutes-xml.md, schema
 * data/schemas/yishi-minutes-1.0.rng): everything the digest covers,
 * with the digest itself, so that a copy can be verified and imported
 * into another database. */
#define YISHI_MINUTES_XML_NAMESPACE "urn:x-yishi:minutes"
#define YISHI_MINUTES_XML_VERSION   "1.0"

char         *yishi_minutes_xml_to_string (const YishiMinutes  *minutes);
/* Replaces @path atomically: a failure leaves an old file as it was. */
gboolean      yishi_minutes_write_xml     (const YishiMinutes  *minutes,
                                           const char          *path,
                                           GError             **error);
/* Reads a file written by yishi_minutes_write_xml (). Database ids are
 * 0, except that the meeting's items and motions get their positions
 * (1, 2, …) as ids, so that motions, amendments, resolutions and the
 * minutes' items refer to each other as in the store. No network, no
 * entities, no DTD: a file with a DOCTYPE is refused. */
YishiMinutes *yishi_minutes_xml_read      (const char          *path,
                                           GError             **error);
/* Reads @path and checks its digest against its contents. Returns the
 * mismatches (YishiMinutesMismatch, naming the meeting; empty: the file
 * is as approved), or NULL with @error when it cannot be read. */
GPtrArray    *yishi_minutes_xml_verify    (const char          *path,
                                           GError             **error);

/* Reads an exported file and stores it in @db with the meeting it
 * records (yishi_minutes_store_import): a second import of the same file
 * changes nothing, and @out_created says which it was. */
gboolean      yishi_minutes_xml_import     (YishiDatabase      *db,
                                            const char         *path,
                                            gboolean           *out_created,
                                            GError            **error);

G_END_DECLS
