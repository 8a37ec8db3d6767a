#pragma once

#include <json-glib/json-glib.h>

#include "yishi-person.h"
#include "yishi-proposal.h"

G_BEGIN_DECLS

/* JSON for scripts (yishictl --json). Keys and values are stable: the
 * status, category and roles are their keys, never translated labels;
 * amounts are integer fen; what is not known is null. */

JsonNode *yishi_json_proposal      (YishiProposal *proposal);
JsonNode *yishi_json_proposal_list (GPtrArray     *proposals);
JsonNode *yishi_json_person        (YishiPerson   *person);
JsonNode *yishi_json_person_list   (GPtrArray     *people);
char     *yishi_json_to_string     (JsonNode      *node);

G_END_DECLS
