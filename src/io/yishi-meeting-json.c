#include "config.h"

#include "yishi-meeting-json.h"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  add_string (builder, member, text != NULL && *text != '\0' ? text : NULL);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* An id of 0, no record, becomes null. */
static void
add_id (JsonBuilder *builder,
        const char  *member,
        gint64       id)
{
  json_builder_set_member_name (builder, member);
  if (id == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, id);
}

static void
add_attendance (JsonBuilder   *builder,
                gconstpointer  data)
{
  const YishiSnapshotAttendance *row = data;
  json_builder_begin_object (builder);
  add_int (builder, "person_id", row->person_id);
  add_string (builder, "name", row->name);
  add_string (builder, "status", yishi_attendance_to_key (row->status));
  add_string (builder, "signed_in_at", row->signed_in_at);
  json_builder_end_object (builder);
}

static void
add_item (JsonBuilder   *builder,
          gconstpointer  data)
{
  const YishiSnapshotItem *row = data;
  json_builder_begin_object (builder);
  add_int (builder, "id", row->id);
  add_int (builder, "position", row->position);
  add_string (builder, "title", row->title);
  add_id (builder, "proposal_id", row->proposal_id);
  json_builder_end_object (builder);
}

static void
add_roll_call (JsonBuilder *builder,
               GPtrArray   *choices)
{
  json_builder_set_member_name (builder, "roll_call");
  json_builder_begin_array (builder);
  for (guint i = 0; i < choices->len; i++)
    {
      const YishiSnapshotChoice *choice = choices->pdata[i];

      json_builder_begin_object (builder);
      add_int (builder, "person_id", choice->person_id);
      add_string (builder, "name", choice->name);
      add_string (builder, "choice", yishi_roll_call_choice_to_key (choice->choice));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The counts and the verdict as stored when the vote was taken. */
static void
add_vote (JsonBuilder               *builder,
          const YishiSnapshotMotion *row)
{
  json_builder_set_member_name (builder, "vote");
  if (!row->voted)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_int (builder, "members", row->counts.members);
  add_int (builder, "present", row->counts.present);
  add_int (builder, "yes", row->counts.yes);
  add_int (builder, "no", row->counts.no);
  add_int (builder, "abstain", row->counts.abstain);
  add_int (builder, "invalid", row->counts.invalid);
  add_string (builder, "verdict", yishi_vote_verdict_to_key (row->verdict));
  add_int (builder, "required", row->required);
  add_string (builder, "taken_at", row->taken_at);
  if (row->form == YISHI_VOTE_FORM_ROLL_CALL)
    add_roll_call (builder, row->roll_call);
  json_builder_end_object (builder);
}

static void
add_motion (JsonBuilder   *builder,
            gconstpointer  data)
{
  const YishiSnapshotMotion *row = data;
  g_autofree char *quorum = yishi_vote_quorum_to_key (&row->rule.quorum);

  json_builder_begin_object (builder);
  add_int (builder, "id", row->id);
  add_int (builder, "item_id", row->item_id);
  add_id (builder, "parent_motion_id", row->parent_id);
  add_string (builder, "text", row->text);
  add_text (builder, "mover", row->mover);
  add_text (builder, "seconder", row->seconder);
  add_string (builder, "quorum", quorum);
  add_string (builder, "majority", yishi_vote_majority_to_key (row->rule.majority));
  add_string (builder, "base", yishi_vote_base_to_key (row->rule.base));
  add_string (builder, "form", yishi_vote_form_to_key (row->form));
  add_vote (builder, row);
  json_builder_end_object (builder);
}

static void
add_observer (JsonBuilder   *builder,
              gconstpointer  data)
{
  const YishiSnapshotObserver *row = data;
  json_builder_begin_object (builder);
  add_int (builder, "id", row->id);
  add_id (builder, "person_id", row->person_id);
  add_string (builder, "name", row->name);
  json_builder_end_object (builder);
}

static void
add_resolution (JsonBuilder   *builder,
                gconstpointer  data)
{
  const YishiSnapshotResolution *row = data;
  json_builder_begin_object (builder);
  add_int (builder, "id", row->id);
  add_id (builder, "item_id", row->item_id);
  add_id (builder, "motion_id", row->motion_id);
  add_string (builder, "text", row->text);
  add_text (builder, "responsible", row->responsible);
  add_string (builder, "due_on", row->due_on);
  add_string (builder, "follow_up", row->follow_up);
  json_builder_end_object (builder);
}

/* A turn to speak; "motion_id" is null for a turn on the item in
 * general, the times null until the turn starts or ends. */
static void
add_speech (JsonBuilder   *builder,
            gconstpointer  data)
{
  const YishiSpeechRow *row = data;
  json_builder_begin_object (builder);
  add_int (builder, "id", row->id);
  add_int (builder, "item_id", row->item_id);
  add_id (builder, "motion_id", row->motion_id);
  add_int (builder, "person_id", row->person_id);
  add_string (builder, "name", row->name);
  add_string (builder, "state", yishi_speech_state_to_key (row->state));
  add_int (builder, "turn", row->turn);
  add_string (builder, "started_at", row->started_at);
  add_string (builder, "ended_at", row->ended_at);
  add_string (builder, "note", row->note);
  json_builder_end_object (builder);
}

static void
add_speaking (JsonBuilder              *builder,
              const YishiSpeakingRules *rules)
{
  json_builder_set_member_name (builder, "speaking");
  json_builder_begin_object (builder);
  add_int (builder, "speech_seconds", rules->speech_seconds);
  add_int (builder, "max_turns", rules->max_turns);
  json_builder_set_member_name (builder, "requires_seconder");
  json_builder_add_boolean_value (builder, rules->requires_seconder);
  json_builder_end_object (builder);
}

typedef void (*AddRowFunc) (JsonBuilder   *builder,
                            gconstpointer  row);

static void
add_rows (JsonBuilder *builder,
          const char  *member,
          GPtrArray   *rows,
          AddRowFunc   add_row)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    add_row (builder, rows->pdata[i]);
  json_builder_end_array (builder);
}

JsonNode *
yishi_json_meeting (const YishiMeetingSnapshot *snapshot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (snapshot != NULL, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "id", snapshot->id);
  add_string (builder, "uuid", snapshot->uuid);
  add_int (builder, "council_id", snapshot->council_id);
  add_string (builder, "council", snapshot->council);
  add_string (builder, "title", snapshot->title);
  add_string (builder, "starts_at", snapshot->starts_at);
  add_text (builder, "place", snapshot->place);
  add_text (builder, "chair", snapshot->chair);
  add_text (builder, "secretary", snapshot->secretary);
  add_text (builder, "notice", snapshot->notice);
  add_string (builder, "state", yishi_meeting_state_to_key (snapshot->state));
  add_int (builder, "members", snapshot->members);
  add_int (builder, "present", snapshot->present);
  add_speaking (builder, &snapshot->speaking);
  add_rows (builder, "attendance", snapshot->attendance, add_attendance);
  add_rows (builder, "observers", snapshot->observers, add_observer);
  add_rows (builder, "items", snapshot->items, add_item);
  add_rows (builder, "motions", snapshot->motions, add_motion);
  add_rows (builder, "resolutions", snapshot->resolutions, add_resolution);
  add_rows (builder, "speeches", snapshot->speeches, add_speech);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
yishi_json_speech_list (GPtrArray *speeches)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (speeches != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < speeches->len; i++)
    add_speech (builder, speeches->pdata[i]);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
