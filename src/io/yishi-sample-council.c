#include "config.h"

#include <string.h>

#include "yishi-council-store.h"
#include "yishi-meeting-store.h"
#include "yishi-meeting-text.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-sample-private.h"
#include "yishi-speech-store.h"

/* The sample council goes in through the stores one action at a time,
 * as a secretary would enter it, so that every rule a user meets holds
 * for the sample too: members on the meeting's date, votes only in
 * session, counts within those present, amendments voted first. */

/* The pace of a meeting that took place, in seconds. The database's
 * clock follows it, so that sign-ins, speeches and votes carry the
 * afternoon of the meeting, not the moment the sample was loaded; each
 * time follows from the meeting's start and what happened before it,
 * so every load gives the same minutes. */
enum
{
  PACE_DOORS_OPEN   = 15 * 60, /* members sign in from a quarter of an hour before the start */
  PACE_ALL_IN       = 60,      /* and all are in a minute before it */
  PACE_OPENING      = 3 * 60,  /* the chair opens: quorum, agenda, speaking rules */
  PACE_ARRIVAL      = 30,      /* a member who comes late signs in */
  PACE_ITEM         = 60,      /* the chair calls the next item */
  PACE_MOTION       = 60,      /* a motion is read out and seconded */
  PACE_TURN_MIN     = 60,      /* a turn: a minute and a second for each character of its note, */
  PACE_TURN_MAX     = 2 * 60,  /* but no longer than the two minutes of 南塘十三条 */
  PACE_NEXT_SPEAKER = 15,      /* the chair gives the floor to the next speaker */
  PACE_COUNT        = 2 * 60,  /* the votes are counted and the result announced */
  PACE_RESOLUTION   = 60,      /* a resolution is read into the record */
  PACE_CLOSING      = 5 * 60,  /* the chair sums up and closes */
};

typedef struct
{
  YishiDatabase *db;
  GHashTable    *people;    /* person key → gint64 id */
  GHashTable    *proposals; /* title → gint64 id */
  gint64         council_id;
  gint64         clock;     /* in the meeting being held, seconds since 1970; 0 outside one */
} Loader;

/* The meeting being entered. */
typedef struct
{
  gint64             id;
  YishiMeetingState  state;
  JsonObject        *object;
  const char        *where;
  GArray            *item_ids;     /* gint64, in agenda order */
  guint              position;     /* of the item under way, from 1; 0 before the first */
  gint64             starts;       /* seconds since 1970 */
  gint64             sign_in_step; /* seconds between two members signing in on time */
} Meeting;

/* What a speech, a motion or a resolution belongs to. */
typedef struct
{
  gint64      item_id;
  gint64      motion_id; /* 0: the item in general */
  GHashTable *motions;   /* the item's motions: key → gint64 id */
} Floor;

typedef gboolean (*EachFunc) (Loader      *loader,
                              JsonObject  *object,
                              const char  *where,
                              gpointer     data,
                              GError     **error);

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->people, g_hash_table_unref);
  g_clear_pointer (&loader->proposals, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* FALSE, changing nothing, when @key is in @table already. */
static gboolean
id_table_add (GHashTable *table,
              const char *key,
              gint64      id)
{
  if (g_hash_table_contains (table, key))
    return FALSE;

  g_hash_table_insert (table, g_strdup (key), g_memdup2 (&id, sizeof id));
  return TRUE;
}

/* 0 when @key is not in @table. */
static gint64
id_table_lookup (GHashTable *table,
                 const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

/* What is entered next happened at @time (seconds since 1970); 0: now. */
static void
set_clock (Loader *loader,
           gint64  time)
{
  loader->clock = time;
  yishi_database_set_clock (loader->db, time);
}

static void
advance_clock (Loader *loader,
               gint64  seconds)
{
  set_clock (loader, loader->clock + seconds);
}

/* A person by their key in the sample; 0 in @out_id when the member is
 * missing or null and not @required. */
static gboolean
get_person (Loader      *loader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *where,
            gint64      *out_id,
            GError     **error)
{
  const char *key;

  *out_id = 0;
  if (!_yishi_sample_get_text (object, member, required, where, &key, error))
    return FALSE;
  if (key != NULL && (*out_id = id_table_lookup (loader->people, key)) == 0)
    return _yishi_sample_damaged (error, where, member);

  return TRUE;
}

/* A count; 0 when it is missing and not @required. */
static gboolean
get_uint (JsonObject  *object,
          const char  *member,
          gboolean     required,
          const char  *where,
          guint       *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = 0;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
    return _yishi_sample_damaged (error, where, member);

  *out = (guint) json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *member,
          const char  *where,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _yishi_sample_damaged (error, where, member);

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Calls @func on each object in the array @member of @parent, which
 * may be missing: an empty list. */
static gboolean
for_each (Loader      *loader,
          JsonObject  *parent,
          const char  *parent_where,
          const char  *member,
          EachFunc     func,
          gpointer     data,
          GError     **error)
{
  JsonArray *array = _yishi_sample_member_array (parent, member);

  if (!json_object_has_member (parent, member))
    return TRUE;
  if (array == NULL)
    return _yishi_sample_damaged (error, parent_where, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s[%u]", parent_where, member, i);
      JsonObject *object = _yishi_sample_node_object (json_array_get_element (array, i));

      if (object == NULL)
        return _yishi_sample_damaged (error, where, NULL);
      if (!func (loader, object, where, data, error))
        return FALSE;
    }

  return TRUE;
}

/* The rule in the member "rule"; @out_given FALSE when there is none. */
static gboolean
get_rule (JsonObject     *object,
          const char     *where,
          YishiVoteRule  *rule,
          gboolean       *out_given,
          GError        **error)
{
  JsonObject *rule_object = _yishi_sample_node_object (json_object_get_member (object, "rule"));
  g_autofree char *rule_where = g_strdup_printf ("%s.rule", where);
  const char *quorum, *majority, *base;

  *out_given = json_object_has_member (object, "rule");
  if (!*out_given)
    return TRUE;
  if (rule_object == NULL)
    return _yishi_sample_damaged (error, where, "rule");
  if (!_yishi_sample_get_text (rule_object, "quorum", TRUE, rule_where, &quorum, error) ||
      !_yishi_sample_get_text (rule_object, "majority", TRUE, rule_where, &majority, error) ||
      !_yishi_sample_get_text (rule_object, "base", TRUE, rule_where, &base, error))
    return FALSE;

  if (!yishi_vote_quorum_from_key (quorum, &rule->quorum))
    return _yishi_sample_damaged (error, rule_where, "quorum");
  if (!yishi_vote_majority_from_key (majority, &rule->majority))
    return _yishi_sample_damaged (error, rule_where, "majority");
  if (!yishi_vote_base_from_key (base, &rule->base))
    return _yishi_sample_damaged (error, rule_where, "base");
  return TRUE;
}

/* The register as loaded, so that a sample key finds its person's id:
 * by name and phone, since the sample has two residents called 张秀英. */
static gboolean
map_people (Loader      *loader,
            GHashTable  *drafts,
            GError     **error)
{
  g_autoptr(GPtrArray) people = yishi_person_store_list (loader->db, error);
  g_autoptr(GHashTable) by_contact = id_table_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (people == NULL)
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *contact = g_strconcat (yishi_person_get_name (people->pdata[i]), "\n",
                                              yishi_person_get_phone (people->pdata[i]), NULL);

      id_table_add (by_contact, contact, yishi_person_get_id (people->pdata[i]));
    }

  g_hash_table_iter_init (&iter, drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const YishiPersonDraft *draft = value;
      g_autofree char *contact = g_strconcat (draft->name, "\n", draft->phone, NULL);
      gint64 id = id_table_lookup (by_contact, contact);

      if (id != 0)
        id_table_add (loader->people, key, id);
    }

  return TRUE;
}

static gboolean
map_proposals (Loader  *loader,
               GError **error)
{
  YishiProposalFilter all = { NULL };
  g_autoptr(GPtrArray) proposals = yishi_proposal_store_list (loader->db, &all, error);

  if (proposals == NULL)
    return FALSE;

  for (guint i = 0; i < proposals->len; i++)
    id_table_add (loader->proposals, yishi_proposal_get_title (proposals->pdata[i]),
                  yishi_proposal_get_id (proposals->pdata[i]));
  return TRUE;
}

static gboolean
add_member (Loader      *loader,
            JsonObject  *object,
            const char  *where,
            gpointer     data,
            GError     **error)
{
  const char *position_key, *joined_on, *left_on;
  YishiCouncilPosition position;
  gint64 person_id, membership_id;

  if (!get_person (loader, object, "person", TRUE, where, &person_id, error) ||
      !_yishi_sample_get_text (object, "position", TRUE, where, &position_key, error) ||
      !_yishi_sample_get_text (object, "joined_on", TRUE, where, &joined_on, error) ||
      !_yishi_sample_get_text (object, "left_on", FALSE, where, &left_on, error))
    return FALSE;
  if (!yishi_council_position_from_key (position_key, &position))
    return _yishi_sample_damaged (error, where, "position");

  membership_id = yishi_council_store_add_member (loader->db, loader->council_id, person_id,
                                                  position, joined_on, error);
  if (membership_id == 0 ||
      (left_on != NULL && !yishi_council_store_end_member (loader->db, membership_id, left_on, error)))
    return _yishi_sample_refused (error, where);
  return TRUE;
}

/* 列席人员: someone from the register, or only a name. */
static gboolean
add_observer (Loader      *loader,
              JsonObject  *object,
              const char  *where,
              gpointer     data,
              GError     **error)
{
  Meeting *meeting = data;
  const char *name;
  gint64 person_id;

  if (!get_person (loader, object, "person", FALSE, where, &person_id, error) ||
      !_yishi_sample_get_text (object, "name", FALSE, where, &name, error))
    return FALSE;

  if (yishi_meeting_store_add_observer (loader->db, meeting->id, person_id, name, error) == 0)
    return _yishi_sample_refused (error, where);
  return TRUE;
}

/* What happens at a meeting is entered only for one that took place. */
static gboolean
check_not_held (JsonObject  *object,
                const char  *where,
                GError     **error)
{
  static const char * const members[] = { "attendance", "speeches", "motions", "resolutions" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (object, members[i]))
      return _yishi_sample_damaged (error, where, members[i]);

  return TRUE;
}

static gboolean
add_item (Loader      *loader,
          JsonObject  *object,
          const char  *where,
          gpointer     data,
          GError     **error)
{
  Meeting *meeting = data;
  const char *title, *proposal;
  gint64 proposal_id = 0, id;

  if (!_yishi_sample_get_text (object, "title", TRUE, where, &title, error) ||
      !_yishi_sample_get_text (object, "proposal", FALSE, where, &proposal, error))
    return FALSE;
  if (proposal != NULL && (proposal_id = id_table_lookup (loader->proposals, proposal)) == 0)
    return _yishi_sample_damaged (error, where, "proposal");
  if (meeting->state == YISHI_MEETING_STATE_PLANNED && !check_not_held (object, where, error))
    return FALSE;

  id = yishi_meeting_store_add_item (loader->db, meeting->id, title, proposal_id, error);
  if (id == 0)
    return _yishi_sample_refused (error, where);
  g_array_append_val (meeting->item_ids, id);
  return TRUE;
}

/* A member signs in before the session opens, one after another until
 * just before the start, or, arriving late, just before the item
 * "arrives_before_item" (counted from 1) is called. */
static gboolean
sign_in (Loader      *loader,
         JsonObject  *object,
         const char  *where,
         gpointer     data,
         GError     **error)
{
  Meeting *meeting = data;
  const char *status_key;
  YishiAttendance status;
  gint64 person_id;
  guint arrives;

  if (!get_person (loader, object, "person", TRUE, where, &person_id, error) ||
      !_yishi_sample_get_text (object, "status", TRUE, where, &status_key, error) ||
      !get_uint (object, "arrives_before_item", FALSE, where, &arrives, error))
    return FALSE;
  if (!yishi_attendance_from_key (status_key, &status))
    return _yishi_sample_damaged (error, where, "status");
  if (arrives > meeting->item_ids->len || (arrives > 0 && status != YISHI_ATTENDANCE_PRESENT))
    return _yishi_sample_damaged (error, where, "arrives_before_item");
  if (arrives != meeting->position)
    return TRUE;

  advance_clock (loader, meeting->position == 0 ? meeting->sign_in_step : PACE_ARRIVAL);
  if (!yishi_meeting_store_attend (loader->db, meeting->id, person_id, status, error))
    return _yishi_sample_refused (error, where);
  return TRUE;
}

/* How long a turn took: the longer the note of what was said, the
 * longer the turn. */
static gint64
turn_seconds (const char *note)
{
  return MIN (PACE_TURN_MIN + g_utf8_strlen (note, -1), PACE_TURN_MAX);
}

/* A turn to speak: queued, given the floor by the chair, ended with
 * the secretary's note of what was said. */
static gboolean
speak (Loader      *loader,
       JsonObject  *object,
       const char  *where,
       gpointer     data,
       GError     **error)
{
  const Floor *floor = data;
  const char *note;
  gint64 person_id, id;

  if (!get_person (loader, object, "person", TRUE, where, &person_id, error) ||
      !_yishi_sample_get_text (object, "note", TRUE, where, &note, error))
    return FALSE;

  id = yishi_speech_store_enqueue (loader->db, floor->item_id, floor->motion_id, person_id, error);
  if (id == 0 || !yishi_speech_store_give_floor (loader->db, id, error))
    return _yishi_sample_refused (error, where);
  advance_clock (loader, turn_seconds (note));
  if (!yishi_speech_store_end (loader->db, id, note, error))
    return _yishi_sample_refused (error, where);
  advance_clock (loader, PACE_NEXT_SPEAKER);
  return TRUE;
}

static gboolean
add_choice (Loader      *loader,
            JsonObject  *object,
            const char  *where,
            gpointer     data,
            GError     **error)
{
  GArray *entries = data;
  YishiRollCallEntry entry;
  const char *choice;

  if (!get_person (loader, object, "person", TRUE, where, &entry.person_id, error) ||
      !_yishi_sample_get_text (object, "choice", TRUE, where, &choice, error))
    return FALSE;
  if (!yishi_roll_call_choice_from_key (choice, &entry.choice))
    return _yishi_sample_damaged (error, where, "choice");

  g_array_append_val (entries, entry);
  return TRUE;
}

/* 记名表决: each member's choice; the store counts them. */
static gboolean
take_roll_call (Loader      *loader,
                JsonObject  *vote,
                const char  *where,
                gint64       motion_id,
                GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (YishiRollCallEntry));

  if (!json_object_has_member (vote, "roll_call"))
    return _yishi_sample_damaged (error, where, "roll_call");
  if (!for_each (loader, vote, where, "roll_call", add_choice, entries, error))
    return FALSE;

  if (yishi_meeting_store_record_roll_call (loader->db, motion_id, (YishiRollCallEntry *) entries->data,
                                            entries->len, NULL, error) == 0)
    return _yishi_sample_refused (error, where);
  return TRUE;
}

/* The counts of a show of hands or a secret ballot; the store checks
 * them against those present and works out the verdict. */
static gboolean
take_vote (Loader         *loader,
           JsonObject     *motion,
           const char     *where,
           gint64          motion_id,
           YishiVoteForm   form,
           GError        **error)
{
  JsonObject *vote = _yishi_sample_node_object (json_object_get_member (motion, "vote"));
  g_autofree char *vote_where = g_strdup_printf ("%s.vote", where);
  guint yes, no, abstain, invalid;

  if (vote == NULL)
    return _yishi_sample_damaged (error, where, "vote");
  advance_clock (loader, PACE_COUNT);
  if (form == YISHI_VOTE_FORM_ROLL_CALL)
    return take_roll_call (loader, vote, vote_where, motion_id, error);
  if (!get_uint (vote, "yes", TRUE, vote_where, &yes, error) ||
      !get_uint (vote, "no", TRUE, vote_where, &no, error) ||
      !get_uint (vote, "abstain", TRUE, vote_where, &abstain, error) ||
      !get_uint (vote, "invalid", FALSE, vote_where, &invalid, error))
    return FALSE;

  if (yishi_meeting_store_record_vote (loader->db, motion_id, yes, no, abstain, invalid, NULL, error) == 0)
    return _yishi_sample_refused (error, vote_where);
  return TRUE;
}

/* A motion: moved and seconded (附议), debated, then its amendments
 * each moved, debated and voted on, then the motion itself voted on,
 * the order the store holds to. */
static gboolean
run_motion (Loader      *loader,
            JsonObject  *object,
            const char  *where,
            gpointer     data,
            GError     **error)
{
  const Floor *parent = data;
  Floor floor = *parent;
  const char *key, *text, *form_key;
  YishiVoteForm form;
  YishiVoteRule rule;
  gboolean has_rule;
  gint64 mover_id, seconder_id;

  if (!_yishi_sample_get_text (object, "key", TRUE, where, &key, error) ||
      !_yishi_sample_get_text (object, "text", TRUE, where, &text, error) ||
      !_yishi_sample_get_text (object, "form", TRUE, where, &form_key, error) ||
      !get_person (loader, object, "mover", TRUE, where, &mover_id, error) ||
      !get_person (loader, object, "seconder", FALSE, where, &seconder_id, error) ||
      !get_rule (object, where, &rule, &has_rule, error))
    return FALSE;
  if (!yishi_vote_form_from_key (form_key, &form))
    return _yishi_sample_damaged (error, where, "form");

  advance_clock (loader, PACE_MOTION);
  floor.motion_id = yishi_meeting_store_add_motion (loader->db, parent->item_id, parent->motion_id, text,
                                                    mover_id, has_rule ? &rule : NULL, form, error);
  if (floor.motion_id == 0 ||
      (seconder_id != 0 && !yishi_meeting_store_set_seconder (loader->db, floor.motion_id, seconder_id, error)))
    return _yishi_sample_refused (error, where);
  if (!id_table_add (floor.motions, key, floor.motion_id))
    return _yishi_sample_damaged (error, where, "key");

  return for_each (loader, object, where, "speeches", speak, &floor, error) &&
         for_each (loader, object, where, "amendments", run_motion, &floor, error) &&
         take_vote (loader, object, where, floor.motion_id, form, error);
}

static gboolean
add_resolution (Loader      *loader,
                JsonObject  *object,
                const char  *where,
                gpointer     data,
                GError     **error)
{
  const Floor *floor = data;
  const char *motion, *text, *due_on, *follow_up_key;
  YishiFollowUp follow_up = YISHI_FOLLOW_UP_OPEN;
  gint64 motion_id = 0, responsible_id, id;

  if (!_yishi_sample_get_text (object, "motion", FALSE, where, &motion, error) ||
      !_yishi_sample_get_text (object, "text", TRUE, where, &text, error) ||
      !get_person (loader, object, "responsible", FALSE, where, &responsible_id, error) ||
      !_yishi_sample_get_text (object, "due_on", FALSE, where, &due_on, error) ||
      !_yishi_sample_get_text (object, "follow_up", FALSE, where, &follow_up_key, error))
    return FALSE;
  /* only a motion of the same item */
  if (motion != NULL && (motion_id = id_table_lookup (floor->motions, motion)) == 0)
    return _yishi_sample_damaged (error, where, "motion");
  if (follow_up_key != NULL && !yishi_follow_up_from_key (follow_up_key, &follow_up))
    return _yishi_sample_damaged (error, where, "follow_up");

  advance_clock (loader, PACE_RESOLUTION);
  id = yishi_meeting_store_add_resolution (loader->db, floor->item_id, motion_id, text,
                                           responsible_id, due_on, error);
  if (id == 0 ||
      (follow_up != YISHI_FOLLOW_UP_OPEN && !yishi_meeting_store_set_follow_up (loader->db, id, follow_up, error)))
    return _yishi_sample_refused (error, where);
  return TRUE;
}

/* One agenda item in session: late arrivals sign in, the chair calls
 * the item, then the debate on the item in general (its presentation),
 * its motions and its resolutions. */
static gboolean
run_item (Loader      *loader,
          JsonObject  *object,
          const char  *where,
          gpointer     data,
          GError     **error)
{
  Meeting *meeting = data;
  g_autoptr(GHashTable) motions = id_table_new ();
  Floor floor = { 0, 0, motions };

  floor.item_id = g_array_index (meeting->item_ids, gint64, meeting->position);
  meeting->position++;

  if (!for_each (loader, meeting->object, meeting->where, "attendance", sign_in, meeting, error))
    return FALSE;

  advance_clock (loader, PACE_ITEM);
  return for_each (loader, object, where, "speeches", speak, &floor, error) &&
         for_each (loader, object, where, "motions", run_motion, &floor, error) &&
         for_each (loader, object, where, "resolutions", add_resolution, &floor, error);
}

static gboolean
set_state (Loader             *loader,
           const Meeting      *meeting,
           YishiMeetingState   state,
           GError            **error)
{
  if (yishi_meeting_store_set_state (loader->db, meeting->id, state, error))
    return TRUE;
  return _yishi_sample_refused (error, meeting->where);
}

/* The meeting's start, which the store has checked: local time. */
static gboolean
get_start (const char  *starts_at,
           const char  *where,
           gint64      *out_time,
           GError     **error)
{
  g_autofree char *timestamp = strlen (starts_at) == 16 ? g_strconcat (starts_at, ":00", NULL)
                                                        : g_strdup (starts_at);
  g_autoptr(GDateTime) start = yishi_parse_timestamp (timestamp);

  if (start == NULL)
    return _yishi_sample_damaged (error, where, "starts_at");

  *out_time = g_date_time_to_unix (start);
  return TRUE;
}

/* The session: members signed in, opened on time, the agenda walked,
 * and, unless the sample leaves it in session, closed. */
static gboolean
run_session (Loader   *loader,
             Meeting  *meeting,
             GError  **error)
{
  JsonArray *attendance = _yishi_sample_member_array (meeting->object, "attendance");
  guint n_attendance = attendance != NULL ? json_array_get_length (attendance) : 0;

  meeting->sign_in_step = (PACE_DOORS_OPEN - PACE_ALL_IN) / MAX (n_attendance, 1);
  set_clock (loader, meeting->starts - PACE_DOORS_OPEN);
  if (!for_each (loader, meeting->object, meeting->where, "attendance", sign_in, meeting, error))
    return FALSE;

  set_clock (loader, meeting->starts);
  if (!set_state (loader, meeting, YISHI_MEETING_STATE_IN_SESSION, error))
    return FALSE;

  advance_clock (loader, PACE_OPENING);
  if (!for_each (loader, meeting->object, meeting->where, "items", run_item, meeting, error))
    return FALSE;

  advance_clock (loader, PACE_CLOSING);
  return meeting->state != YISHI_MEETING_STATE_CLOSED ||
         set_state (loader, meeting, YISHI_MEETING_STATE_CLOSED, error);
}

/* The session on the clock of its afternoon; afterwards, and when it
 * fails halfway, the real clock again. */
static gboolean
hold_meeting (Loader   *loader,
              Meeting  *meeting,
              GError  **error)
{
  gboolean held = run_session (loader, meeting, error);

  set_clock (loader, 0);
  return held;
}

static gboolean
add_meeting (Loader      *loader,
             JsonObject  *object,
             const char  *where,
             gpointer     data,
             GError     **error)
{
  g_autoptr(GArray) item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Meeting meeting = { 0, YISHI_MEETING_STATE_PLANNED, object, where, item_ids, 0, 0, 0 };
  const char *title, *starts_at, *place, *state, *notice;
  gint64 chair_id, secretary_id;

  if (!_yishi_sample_get_text (object, "title", TRUE, where, &title, error) ||
      !_yishi_sample_get_text (object, "notice", FALSE, where, &notice, error) ||
      !_yishi_sample_get_text (object, "starts_at", TRUE, where, &starts_at, error) ||
      !_yishi_sample_get_text (object, "place", FALSE, where, &place, error) ||
      !_yishi_sample_get_text (object, "state", TRUE, where, &state, error) ||
      !get_person (loader, object, "chair", FALSE, where, &chair_id, error) ||
      !get_person (loader, object, "secretary", FALSE, where, &secretary_id, error))
    return FALSE;
  if (!yishi_meeting_state_from_key (state, &meeting.state))
    return _yishi_sample_damaged (error, where, "state");
  if (meeting.state == YISHI_MEETING_STATE_PLANNED && !check_not_held (object, where, error))
    return FALSE;

  meeting.id = yishi_meeting_store_add (loader->db, loader->council_id, title, starts_at, place,
                                        chair_id, secretary_id, error);
  if (meeting.id == 0 ||
      (notice != NULL && !yishi_meeting_store_set_notice (loader->db, meeting.id, notice, error)))
    return _yishi_sample_refused (error, where);
  if (!for_each (loader, object, where, "observers", add_observer, &meeting, error) ||
      !for_each (loader, object, where, "items", add_item, &meeting, error))
    return FALSE;

  return meeting.state == YISHI_MEETING_STATE_PLANNED ||
         (get_start (starts_at, where, &meeting.starts, error) && hold_meeting (loader, &meeting, error));
}

/* 南塘十三条: minutes a turn, turns per person per motion, and whether
 * a motion needs a seconder before it is voted on. */
static gboolean
set_speaking_rules (Loader      *loader,
                    JsonObject  *council,
                    GError     **error)
{
  JsonObject *object = _yishi_sample_node_object (json_object_get_member (council, "speaking_rules"));
  const char *where = "council.speaking_rules";
  YishiSpeakingRules rules;

  if (object == NULL)
    return _yishi_sample_damaged (error, "council", "speaking_rules");
  if (!get_uint (object, "speech_seconds", TRUE, where, &rules.speech_seconds, error) ||
      !get_uint (object, "max_turns", TRUE, where, &rules.max_turns, error) ||
      !get_bool (object, "requires_seconder", where, &rules.requires_seconder, error))
    return FALSE;

  if (!yishi_council_store_set_speaking_rules (loader->db, loader->council_id, &rules, error))
    return _yishi_sample_refused (error, where);
  return TRUE;
}

static gboolean
add_council (Loader      *loader,
             JsonObject  *council,
             GError     **error)
{
  const char *name;
  YishiVoteRule rule;
  gboolean has_rule;

  if (!_yishi_sample_get_text (council, "name", TRUE, "council", &name, error) ||
      !get_rule (council, "council", &rule, &has_rule, error))
    return FALSE;

  loader->council_id = yishi_council_store_add (loader->db, name, has_rule ? &rule : NULL, error);
  if (loader->council_id == 0)
    return _yishi_sample_refused (error, "council");
  if (json_object_has_member (council, "speaking_rules") && !set_speaking_rules (loader, council, error))
    return FALSE;

  return for_each (loader, council, "council", "members", add_member, NULL, error) &&
         for_each (loader, council, "council", "meetings", add_meeting, NULL, error);
}

gboolean
_yishi_sample_council_load (YishiDatabase  *db,
                            JsonObject     *council,
                            GHashTable     *people,
                            GError        **error)
{
  g_auto(Loader) loader = { db, id_table_new (), id_table_new (), 0, 0 };

  return map_people (&loader, people, error) &&
         map_proposals (&loader, error) &&
         add_council (&loader, council, error) &&
         _yishi_sample_minutes_load (db, loader.council_id, council, error);
}
