#pragma once

#include <json-glib/json-glib.h>

#include "yishi-person.h"
#include "yishi-proposal.h"

G_BEGIN_DECLS

JsonNode *yishi_json_proposal  (YishiProposal *proposal);
JsonNode *yishi_json_person    (YishiPerson   *person);
JsonNode *yishi_json_list      (GPtrArray     *objects,
                                JsonNode     *(*to_json) (gpointer object));
char     *yishi_json_to_string (JsonNode      *node);

G_END_DECLS
