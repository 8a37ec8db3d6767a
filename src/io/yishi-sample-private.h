#pragma once

#include <json-glib/json-glib.h>

#include "yishi-database.h"

G_BEGIN_DECLS

/* Reading the sample's JSON, shared by yishi-sample.c and
 * yishi-sample-council.c. A fault is reported with its JSON path,
 * such as council.meetings[1].title. */

gboolean    _yishi_sample_damaged      (GError      **error,
                                        const char   *where,
                                        const char   *member);
/* A store refused a step: its message says what, this adds where. */
gboolean    _yishi_sample_refused      (GError      **error,
                                        const char   *where);
const char *_yishi_sample_node_text    (JsonNode     *node);
JsonObject *_yishi_sample_node_object  (JsonNode     *node);
JsonArray  *_yishi_sample_member_array (JsonObject   *object,
                                        const char   *member);
gboolean    _yishi_sample_get_text     (JsonObject   *object,
                                        const char   *member,
                                        gboolean      required,
                                        const char   *where,
                                        const char  **out,
                                        GError      **error);

/* Enters the council described by @council — its members, meetings,
 * attendance, debates, votes and resolutions — through the council,
 * meeting and speech stores, one user action at a time. @people maps
 * each sample person's key to their #YishiPersonDraft; they and the
 * sample's proposals must be in @db already. */
gboolean    _yishi_sample_council_load (YishiDatabase  *db,
                                        JsonObject     *council,
                                        GHashTable     *people,
                                        GError        **error);

/* Enters the minutes of the meetings of @council that have some in the
 * sample — drafted, submitted, approved and filed on the database
 * clock of their days — once the council with id @council_id and its
 * meetings are in @db. */
gboolean    _yishi_sample_minutes_load (YishiDatabase  *db,
                                        gint64          council_id,
                                        JsonObject     *council,
                                        GError        **error);

/* Refuses when the database has a contest of a sample contest's name,
 * which would stop the load halfway. */
gboolean    _yishi_sample_contest_check_names (YishiDatabase  *db,
                                               GError        **error);
/* Enters the sample's proposal contests — one published, one still in
 * judging — through the contest and proposal stores, one user action
 * at a time, on the database clock of the days they were taken. The
 * sample's people (@people as for the council) and proposals must be
 * in @db already; entries still submitted are screened in first. */
gboolean    _yishi_sample_contest_load (YishiDatabase  *db,
                                        GHashTable     *people,
                                        GError        **error);

G_END_DECLS
