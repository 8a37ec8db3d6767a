#pragma once

#include "yishi-council-store.h"
#include "yishi-meeting-snapshot.h"

G_BEGIN_DECLS

/* What the Meetings page shows of one meeting, read in one go on a
 * worker thread: the record (with the council's default rule) and the
 * council's members on the meeting's date. */
typedef struct
{
  YishiMeetingSnapshot *snapshot;
  GPtrArray            *members; /* of YishiCouncilMemberRow */
  GHashTable           *status;  /* person id → YishiAttendance + 1; absent key: not recorded */
} YishiMeetingData;

YishiMeetingData *yishi_meeting_data_load        (YishiDatabase          *db,
                                                  gint64                  meeting_id,
                                                  GError                **error);
/* Shared by the widgets of the Meetings page, each holding a reference:
 * a widget kept alive by a reply still on its way never sees it freed. */
YishiMeetingData *yishi_meeting_data_ref         (YishiMeetingData       *data);
void              yishi_meeting_data_unref       (YishiMeetingData       *data);

/* FALSE when the member's attendance is not recorded yet. */
gboolean          yishi_meeting_data_get_status  (const YishiMeetingData *data,
                                                  gint64                  person_id,
                                                  YishiAttendance        *out_status);
void              yishi_meeting_data_set_status  (YishiMeetingData       *data,
                                                  gint64                  person_id,
                                                  YishiAttendance         status);
/* Members of the council on the day who are signed in as present. */
guint             yishi_meeting_data_count_present (const YishiMeetingData *data);
/* Whether the quorum of the council's default rule holds right now. */
gboolean          yishi_meeting_data_quorum_holds (const YishiMeetingData *data);
const char       *yishi_meeting_data_member_name (const YishiMeetingData *data,
                                                  gint64                  person_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiMeetingData, yishi_meeting_data_unref)

G_END_DECLS
