#include "config.h"

#include "yishi-meeting-data.h"

YishiMeetingData *
yishi_meeting_data_load (YishiDatabase  *db,
                         gint64          meeting_id,
                         GError        **error)
{
  g_autoptr(YishiMeetingData) data = g_atomic_rc_box_new0 (YishiMeetingData);
  g_autofree char *date = NULL;

  data->status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->snapshot = yishi_meeting_store_show (db, meeting_id, error);
  if (data->snapshot == NULL)
    return NULL;

  date = g_strndup (data->snapshot->starts_at, 10);
  data->members = yishi_council_store_list_members (db, data->snapshot->council_id, date, error);
  if (data->members == NULL)
    return NULL;

  for (guint i = 0; i < data->snapshot->attendance->len; i++)
    {
      YishiSnapshotAttendance *row = data->snapshot->attendance->pdata[i];

      yishi_meeting_data_set_status (data, row->person_id, row->status);
    }
  return g_steal_pointer (&data);
}

static void
meeting_data_clear (gpointer mem)
{
  YishiMeetingData *data = mem;

  g_clear_pointer (&data->snapshot, yishi_meeting_snapshot_free);
  g_clear_pointer (&data->members, g_ptr_array_unref);
  g_clear_pointer (&data->status, g_hash_table_unref);
}

YishiMeetingData *
yishi_meeting_data_ref (YishiMeetingData *data)
{
  return g_atomic_rc_box_acquire (data);
}

void
yishi_meeting_data_unref (YishiMeetingData *data)
{
  if (data != NULL)
    g_atomic_rc_box_release_full (data, meeting_data_clear);
}

gboolean
yishi_meeting_data_get_status (const YishiMeetingData *data,
                               gint64                  person_id,
                               YishiAttendance        *out_status)
{
  gpointer value = g_hash_table_lookup (data->status, &person_id);

  if (value == NULL)
    return FALSE;
  *out_status = (YishiAttendance) (GPOINTER_TO_UINT (value) - 1);
  return TRUE;
}

void
yishi_meeting_data_set_status (YishiMeetingData *data,
                               gint64            person_id,
                               YishiAttendance   status)
{
  g_hash_table_insert (data->status, g_memdup2 (&person_id, sizeof person_id),
                       GUINT_TO_POINTER ((guint) status + 1));
}

guint
yishi_meeting_data_count_present (const YishiMeetingData *data)
{
  guint present = 0;

  for (guint i = 0; i < data->members->len; i++)
    {
      YishiCouncilMemberRow *member = data->members->pdata[i];
      YishiAttendance status;

      if (yishi_meeting_data_get_status (data, member->person_id, &status) &&
          status == YISHI_ATTENDANCE_PRESENT)
        present++;
    }
  return present;
}

gboolean
yishi_meeting_data_quorum_holds (const YishiMeetingData *data)
{
  /* the vote engine decides, with no votes cast: only the quorum counts */
  YishiVoteCounts counts = {
    .members = data->members->len,
    .present = yishi_meeting_data_count_present (data),
  };
  YishiVoteResult result;

  return counts.members > 0 &&
         yishi_vote_tally (&counts, &data->snapshot->council_rule, &result, NULL) &&
         result.quorum_met;
}

const char *
yishi_meeting_data_member_name (const YishiMeetingData *data,
                                gint64                  person_id)
{
  for (guint i = 0; i < data->members->len; i++)
    {
      YishiCouncilMemberRow *member = data->members->pdata[i];

      if (member->person_id == person_id)
        return member->name;
    }
  return NULL;
}
