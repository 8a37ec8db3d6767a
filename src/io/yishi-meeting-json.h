#pragma once

#include <json-glib/json-glib.h>

#include "yishi-meeting-snapshot.h"

G_BEGIN_DECLS

/* `yishictl meeting show ID --json`. Stable keys: the state, the
 * attendance, the voting form and the verdict are their keys (see
 * VOTING.md), never translated labels; what is not known is null. */
JsonNode *yishi_json_meeting     (const YishiMeetingSnapshot *snapshot);
/* `yishictl speech list --json`: the same objects as the meeting's
 * "speeches". */
JsonNode *yishi_json_speech_list (GPtrArray                  *speeches);

G_END_DECLS
