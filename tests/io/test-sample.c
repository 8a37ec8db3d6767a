#include "config.h"

#include <string.h>

#include "yishi-community-store.h"
#include "yishi-contest-results.h"
#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-minutes-store.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-sample.h"
#include "yishi-sample-private.h"
#include "yishi-test-util.h"

typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static GPtrArray *
list_proposals (YishiDatabase *db,
                const char    *search)
{
  YishiProposalFilter filter = { .search = search };
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals = yishi_proposal_store_list (db, &filter, &error);

  g_assert_no_error (error);
  return proposals;
}

static GPtrArray *
list_people (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = yishi_person_store_list (db, &error);

  g_assert_no_error (error);
  return people;
}

static void
load_community (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_sample_load_community (db, &error));
  g_assert_no_error (error);
}

/* Every category and every status occurs at least once. */
static void
assert_all_kinds (GPtrArray *proposals)
{
  guint categories = 0, statuses = 0;

  for (guint i = 0; i < proposals->len; i++)
    {
      categories |= 1u << yishi_proposal_get_category (proposals->pdata[i]);
      statuses |= 1u << yishi_proposal_get_status (proposals->pdata[i]);
    }

  g_assert_cmphex (categories, ==, (1u << YISHI_N_CATEGORIES) - 1);
  g_assert_cmphex (statuses, ==, (1u << YISHI_N_PROPOSAL_STATUSES) - 1);
}

static void
test_community_contents (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) roads = NULL;
  g_auto(GStrv) grids = NULL;
  g_autoptr(GError) error = NULL;

  load_community (fixture->db);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);
  g_assert_cmpuint (people->len, >=, 35);
  g_assert_cmpuint (proposals->len, >=, 18);
  assert_all_kinds (proposals);

  grids = yishi_community_store_list_grids (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (grids), >=, 6);
  g_assert_cmpuint (g_strv_length (grids), <=, 9);

  /* the road from the Kunming report: 3.2 km, 82 households, 294 people */
  roads = list_proposals (fixture->db, "道路硬化");
  g_assert_cmpuint (roads->len, >=, 1);
  g_assert_cmpint (yishi_proposal_get_households (roads->pdata[0]), ==, 82);
  g_assert_cmpint (yishi_proposal_get_people (roads->pdata[0]), ==, 294);
  g_assert_cmpstr (yishi_proposal_get_community (roads->pdata[0]), ==, "佳园社区");
}

static void
test_community_proposers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) support = NULL;
  guint namesakes = 0;

  load_community (fixture->db);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);

  /* every proposal has its proposer from the directory, and no
   * proposer was added as a stranger beside the residents */
  for (guint i = 0; i < proposals->len; i++)
    g_assert_cmpint (yishi_proposal_get_proposer_id (proposals->pdata[i]), >, 0);
  for (guint i = 0; i < people->len; i++)
    {
      YishiPerson *person = people->pdata[i];

      g_assert_true (g_str_has_prefix (yishi_person_get_phone (person), "1380000"));
      g_assert_cmpuint (strlen (yishi_person_get_phone (person)), ==, 11);
      if (g_str_equal (yishi_person_get_name (person), "张秀英"))
        {
          namesakes++;
          g_assert_cmpuint (yishi_person_get_n_proposals (person), ==, 1);
        }
    }
  g_assert_cmpuint (namesakes, ==, 2);

  support = list_proposals (fixture->db, "社区老友支持计划");
  g_assert_cmpuint (support->len, ==, 1);
  g_assert_cmpint (yishi_proposal_get_category (support->pdata[0]), ==,
                   YISHI_CATEGORY_ELDERLY_DISABLED);
}

static void
assert_counts (YishiDatabase *db,
               guint          n_people,
               guint          n_proposals)
{
  g_autoptr(GPtrArray) people = list_people (db);
  g_autoptr(GPtrArray) proposals = list_proposals (db, NULL);

  g_assert_cmpuint (people->len, ==, n_people);
  g_assert_cmpuint (proposals->len, ==, n_proposals);
}

static GPtrArray *
list_councils (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *councils = yishi_council_store_list (db, &error);

  g_assert_no_error (error);
  return councils;
}

/* The sample's meetings, the earliest first. */
static GPtrArray *
list_meetings (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *meetings = yishi_meeting_store_list (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < meetings->len / 2; i++)
    {
      gpointer swap = meetings->pdata[i];

      meetings->pdata[i] = meetings->pdata[meetings->len - 1 - i];
      meetings->pdata[meetings->len - 1 - i] = swap;
    }
  return meetings;
}

static YishiMeetingSnapshot *
show_meeting (YishiDatabase *db,
              gint64         meeting_id)
{
  g_autoptr(GError) error = NULL;
  YishiMeetingSnapshot *snapshot = yishi_meeting_store_show (db, meeting_id, &error);

  g_assert_no_error (error);
  return snapshot;
}

static void
test_community_twice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  load_community (fixture->db);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);

  g_assert_false (yishi_sample_load_community (fixture->db, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  assert_counts (fixture->db, people->len, proposals->len);
  g_clear_error (&error);

  /* nor is the council doubled */
  councils = list_councils (fixture->db);
  meetings = list_meetings (fixture->db);
  g_assert_cmpuint (councils->len, ==, 1);
  g_assert_cmpuint (meetings->len, ==, 4);

  g_assert_false (yishi_sample_generate (fixture->db, 10, 1, NULL, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  assert_counts (fixture->db, people->len, proposals->len);
}

static void
test_community_not_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  /* one resident is enough to refuse: nothing is added beside them */
  draft->name = g_strdup ("李四");
  person = yishi_person_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);

  g_assert_false (yishi_sample_load_community (fixture->db, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  assert_counts (fixture->db, 1, 0);
}

/* A council of the sample's name already there: refused before
 * anything is stored, rather than halfway through. */
static void
test_community_council_taken (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_council_store_add (fixture->db, "佳园社区居民议事会", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (yishi_sample_load_community (fixture->db, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "佳园社区居民议事会"));
  assert_counts (fixture->db, 0, 0);
  meetings = list_meetings (fixture->db);
  g_assert_cmpuint (meetings->len, ==, 0);
}

static char *
meeting_date (const YishiMeetingRow *meeting)
{
  return g_strndup (meeting->starts_at, 10);
}

static GPtrArray *
list_members (YishiDatabase *db,
              gint64         council_id,
              const char    *date)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members = yishi_council_store_list_members (db, council_id, date, &error);

  g_assert_no_error (error);
  return members;
}

static const YishiCouncilMemberRow *
find_member (GPtrArray *members,
             gint64     person_id)
{
  for (guint i = 0; i < members->len; i++)
    if (((YishiCouncilMemberRow *) members->pdata[i])->person_id == person_id)
      return members->pdata[i];

  return NULL;
}

/* 15 to 25 members on each meeting's date, in all four positions, and
 * one who left between the first meeting and the second. */
static void
test_council_members (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *second_date = NULL;
  const YishiCouncilRow *council;
  guint positions = 0, left = 0;

  load_community (fixture->db);
  councils = list_councils (fixture->db);
  meetings = list_meetings (fixture->db);
  g_assert_cmpuint (councils->len, ==, 1);
  council = councils->pdata[0];
  g_assert_cmpstr (council->name, ==, "佳园社区居民议事会");
  g_assert_cmpuint (meetings->len, ==, 4);

  for (guint i = 0; i < meetings->len; i++)
    {
      const YishiMeetingRow *meeting = meetings->pdata[i];
      g_autofree char *date = meeting_date (meeting);
      g_autoptr(GError) error = NULL;
      guint count = 0;

      g_assert_cmpint (meeting->council_id, ==, council->id);
      g_assert_true (yishi_council_store_count_members (fixture->db, council->id, date, &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, >=, 15);
      g_assert_cmpuint (count, <=, 25);
    }

  first_date = meeting_date (meetings->pdata[0]);
  second_date = meeting_date (meetings->pdata[1]);
  first = list_members (fixture->db, council->id, first_date);
  second = list_members (fixture->db, council->id, second_date);
  for (guint i = 0; i < first->len; i++)
    {
      const YishiCouncilMemberRow *member = first->pdata[i];

      positions |= 1u << member->position;
      g_assert_cmpstr (member->joined_on, <=, first_date);
      if (find_member (second, member->person_id) != NULL)
        continue;
      left++;
      g_assert_nonnull (member->left_on);
      g_assert_cmpstr (member->left_on, >, first_date);
      g_assert_cmpstr (member->left_on, <=, second_date);
    }
  g_assert_cmpuint (left, ==, 1);
  g_assert_cmphex (positions, ==, (1u << (YISHI_COUNCIL_POSITION_REPRESENTATIVE + 1)) - 1);
}

static void
count_attendance (const YishiMeetingSnapshot *snapshot,
                  guint                       counts[3])
{
  counts[0] = counts[1] = counts[2] = 0;
  for (guint i = 0; i < snapshot->attendance->len; i++)
    counts[((YishiSnapshotAttendance *) snapshot->attendance->pdata[i])->status]++;
}

static gboolean
has_named_observer (const YishiMeetingSnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->observers->len; i++)
    if (((YishiSnapshotObserver *) snapshot->observers->pdata[i])->person_id == 0)
      return TRUE;

  return FALSE;
}

/* A meeting that took place: notice, chair, secretary, observers by
 * name, every member signed in as present, excused or absent. */
static void
assert_held (const YishiMeetingSnapshot *snapshot)
{
  guint counts[3];

  g_assert_cmpint (snapshot->state, ==, YISHI_MEETING_STATE_CLOSED);
  g_assert_cmpstr (snapshot->notice, !=, "");
  g_assert_cmpstr (snapshot->chair, !=, "");
  g_assert_cmpstr (snapshot->secretary, !=, "");
  g_assert_true (has_named_observer (snapshot));
  /* an extraordinary meeting may be called for one urgent item */
  g_assert_cmpuint (snapshot->items->len, >=, 1);
  g_assert_cmpuint (snapshot->resolutions->len, >=, snapshot->items->len);

  count_attendance (snapshot, counts);
  g_assert_cmpuint (snapshot->attendance->len, ==, snapshot->members);
  g_assert_cmpuint (counts[YISHI_ATTENDANCE_PRESENT], ==, snapshot->present);
  g_assert_cmpuint (counts[YISHI_ATTENDANCE_EXCUSED], >=, 1);
  g_assert_cmpuint (counts[YISHI_ATTENDANCE_ABSENT], >=, 1);
  /* more than half: the council's quorum */
  g_assert_cmpuint (2 * snapshot->present, >, snapshot->members);
}

static const YishiSnapshotItem *
find_item (const YishiMeetingSnapshot *snapshot,
           const char                 *title)
{
  for (guint i = 0; i < snapshot->items->len; i++)
    if (strstr (((YishiSnapshotItem *) snapshot->items->pdata[i])->title, title) != NULL)
      return snapshot->items->pdata[i];

  return NULL;
}

/* Three closed meetings, the items and an extraordinary one's,
 * and one planned after today's sample date, with its agenda and
 * notice. */
static void
test_council_meetings (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(YishiMeetingSnapshot) first = NULL;
  g_autoptr(YishiMeetingSnapshot) second = NULL;
  g_autoptr(YishiMeetingSnapshot) extraordinary = NULL;
  g_autoptr(YishiMeetingSnapshot) planned = NULL;
  g_autoptr(YishiProposal) road = NULL;
  g_autoptr(GError) error = NULL;
  const YishiSnapshotItem *item;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  g_assert_cmpuint (meetings->len, ==, 4);
  first = show_meeting (fixture->db, ((YishiMeetingRow *) meetings->pdata[0])->id);
  second = show_meeting (fixture->db, ((YishiMeetingRow *) meetings->pdata[1])->id);
  extraordinary = show_meeting (fixture->db, ((YishiMeetingRow *) meetings->pdata[2])->id);
  planned = show_meeting (fixture->db, ((YishiMeetingRow *) meetings->pdata[3])->id);

  assert_held (first);
  assert_held (second);
  assert_held (extraordinary);
  g_assert_nonnull (find_item (first, "垃圾分类"));
  g_assert_nonnull (find_item (second, "居民公约"));
  g_assert_nonnull (find_item (extraordinary, "化粪池"));

  /* the road item discusses the sample's proposal */
  item = find_item (first, "道路硬化");
  g_assert_nonnull (item);
  road = yishi_proposal_store_get (fixture->db, item->proposal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_proposal_get_title (road), ==, "小坝村民小组进村道路硬化");

  g_assert_cmpint (planned->state, ==, YISHI_MEETING_STATE_PLANNED);
  g_assert_cmpstr (planned->starts_at, >, "2026-11-28");
  g_assert_true (g_str_has_prefix (planned->notice, "各位议事会成员"));
  g_assert_cmpuint (planned->items->len, >=, 2);
  g_assert_cmpuint (planned->attendance->len, ==, 0);
  g_assert_cmpuint (planned->motions->len, ==, 0);
}

static const YishiSnapshotItem *
item_of (const YishiMeetingSnapshot *snapshot,
         const YishiSnapshotMotion  *motion)
{
  for (guint i = 0; i < snapshot->items->len; i++)
    if (((YishiSnapshotItem *) snapshot->items->pdata[i])->id == motion->item_id)
      return snapshot->items->pdata[i];

  g_assert_not_reached ();
}

/* A vote as VOTING.md has it: consistent counts, and the verdict and
 * required votes the vote engine gives for them. */
static void
assert_vote (const YishiMeetingSnapshot *snapshot,
             const YishiSnapshotMotion  *motion)
{
  const YishiVoteCounts *counts = &motion->counts;
  YishiVoteResult result;
  g_autoptr(GError) error = NULL;
  guint yes = 0;

  g_assert_true (motion->voted);
  g_assert_cmpuint (counts->members, ==, snapshot->members);
  g_assert_cmpuint (counts->yes + counts->no + counts->abstain + counts->invalid, <=, counts->present);
  g_assert_cmpuint (counts->present, <=, counts->members);
  g_assert_true (yishi_vote_tally (counts, &motion->rule, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.verdict, ==, motion->verdict);
  g_assert_cmpuint (result.required, ==, motion->required);
  g_assert_cmpstr (motion->seconder, !=, "");

  if (motion->form != YISHI_VOTE_FORM_SECRET)
    g_assert_cmpuint (counts->invalid, ==, 0);
  if (motion->form != YISHI_VOTE_FORM_ROLL_CALL)
    {
      g_assert_cmpuint (motion->roll_call->len, ==, 0);
      return;
    }

  /* each member present, by name */
  g_assert_cmpuint (motion->roll_call->len, ==, counts->present);
  for (guint i = 0; i < motion->roll_call->len; i++)
    yes += ((YishiSnapshotChoice *) motion->roll_call->pdata[i])->choice == YISHI_ROLL_CALL_YES;
  g_assert_cmpuint (yes, ==, counts->yes);
}

static void
test_council_votes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  guint forms = 0, not_passed = 0, amendments = 0, covenants = 0, invalid = 0;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  for (guint i = 0; i < meetings->len; i++)
    {
      g_autoptr(YishiMeetingSnapshot) snapshot = show_meeting (fixture->db,
                                                               ((YishiMeetingRow *) meetings->pdata[i])->id);

      for (guint j = 0; j < snapshot->motions->len; j++)
        {
          const YishiSnapshotMotion *motion = snapshot->motions->pdata[j];

          assert_vote (snapshot, motion);
          forms |= 1u << motion->form;
          not_passed += motion->verdict != YISHI_VOTE_VERDICT_PASSED;
          amendments += motion->parent_id != 0;
          if (motion->form == YISHI_VOTE_FORM_SECRET)
            invalid += motion->counts.invalid;
          if (motion->parent_id != 0 || strstr (item_of (snapshot, motion)->title, "居民公约") == NULL)
            continue;

          /* the covenant: two thirds of all members */
          covenants++;
          g_assert_cmpint (motion->rule.majority, ==, YISHI_VOTE_MAJORITY_TWO_THIRDS);
          g_assert_cmpint (motion->rule.base, ==, YISHI_VOTE_BASE_MEMBERS);
        }
    }

  g_assert_cmphex (forms, ==, (1u << YISHI_VOTE_FORM_HANDS) | (1u << YISHI_VOTE_FORM_ROLL_CALL) |
                              (1u << YISHI_VOTE_FORM_SECRET));
  g_assert_cmpuint (not_passed, >=, 1);
  g_assert_cmpuint (amendments, >=, 1);
  g_assert_cmpuint (covenants, ==, 1);
  g_assert_cmpuint (invalid, >=, 1);
}

/* 南塘十三条: each turn noted, and no more turns per person on one
 * motion (or on the item outside its motions) than the council allows. */
static void
assert_speeches (const YishiMeetingSnapshot *snapshot)
{
  g_autoptr(GHashTable) turns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (snapshot->speaking.max_turns, ==, 2);
  g_assert_true (snapshot->speaking.requires_seconder);
  g_assert_cmpuint (snapshot->speeches->len, >=, snapshot->items->len);
  for (guint i = 0; i < snapshot->speeches->len; i++)
    {
      const YishiSpeechRow *speech = snapshot->speeches->pdata[i];
      char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                   speech->item_id, speech->motion_id, speech->person_id);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (turns, key)) + 1;

      g_assert_cmpint (speech->state, ==, YISHI_SPEECH_DONE);
      g_assert_cmpuint (g_utf8_strlen (speech->note, -1), >=, 10);
      g_assert_cmpuint (speech->turn, ==, n);
      g_assert_cmpuint (n, <=, snapshot->speaking.max_turns);
      g_hash_table_replace (turns, key, GUINT_TO_POINTER (n));
    }
}

static void
test_council_speeches (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(YishiMeetingSnapshot) snapshot = show_meeting (fixture->db,
                                                               ((YishiMeetingRow *) meetings->pdata[i])->id);

      assert_speeches (snapshot);
    }
}

/* Seconds since 1970 of a stored time: UTC "YYYY-MM-DDTHH:MM:SSZ", or
 * local "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD HH:MM". */
static gint64
to_unix (const char *stamp)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (stamp);
  iso = strlen (stamp) == 16 ? g_strconcat (stamp, ":00", NULL) : g_strdup (stamp);
  iso[10] = 'T';
  time = g_date_time_new_from_iso8601 (iso, local);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* The local date of a stored time. */
static char *
local_date (const char *stamp)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (to_unix (stamp));

  return g_date_time_format (time, "%Y-%m-%d");
}

/* The earliest vote of a meeting, all of them taken on @date. */
static gint64
first_vote (const YishiMeetingSnapshot *snapshot,
            const char                 *date)
{
  gint64 first = G_MAXINT64;

  for (guint i = 0; i < snapshot->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = snapshot->motions->pdata[i];
      g_autofree char *day = local_date (motion->taken_at);

      g_assert_cmpstr (day, ==, date);
      first = MIN (first, to_unix (motion->taken_at));
    }

  g_assert_cmpint (first, <, G_MAXINT64);
  return first;
}

/* Members sign in on the meeting's afternoon, within the hour around
 * its start; the one who came late, 曹志明, after the start and after
 * the first vote, everyone else before the start. */
static void
assert_sign_in_times (const YishiMeetingSnapshot *snapshot,
                      const char                 *date,
                      gint64                      start,
                      gint64                      voted)
{
  guint late = 0;

  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = snapshot->attendance->pdata[i];
      g_autofree char *day = NULL;
      gint64 signed_in;

      if (row->status != YISHI_ATTENDANCE_PRESENT)
        {
          g_assert_null (row->signed_in_at);
          continue;
        }
      day = local_date (row->signed_in_at);
      signed_in = to_unix (row->signed_in_at);
      g_assert_cmpstr (day, ==, date);
      g_assert_cmpint (signed_in, >=, start - 3600);
      g_assert_cmpint (signed_in, <=, start + 3600);
      if (!g_str_equal (row->name, "曹志明"))
        {
          g_assert_cmpint (signed_in, <, start);
          continue;
        }
      late++;
      g_assert_cmpint (signed_in, >, start);
      g_assert_cmpint (signed_in, >, voted);
    }

  g_assert_cmpuint (late, ==, 1);
}

/* Speeches after the opening, one after another, each of one to two
 * minutes, on the meeting's date. */
static void
assert_speech_times (const YishiMeetingSnapshot *snapshot,
                     const char                 *date,
                     gint64                      start)
{
  gint64 previous_end = start;

  g_assert_cmpuint (snapshot->speeches->len, >, 1);
  for (guint i = 0; i < snapshot->speeches->len; i++)
    {
      const YishiSpeechRow *speech = snapshot->speeches->pdata[i];
      gint64 started = to_unix (speech->started_at), ended = to_unix (speech->ended_at);

      g_assert_true (g_str_has_prefix (speech->started_at, date));
      g_assert_true (g_str_has_prefix (speech->ended_at, date));
      g_assert_cmpint (started, >, previous_end);
      g_assert_cmpint (ended - started, >=, 60);
      g_assert_cmpint (ended - started, <=, 120);
      previous_end = ended;
    }
}

/* The first meeting as it happened on 26 March, not when the sample
 * was loaded. */
static void
test_council_times (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(YishiMeetingSnapshot) first = NULL;
  g_autofree char *date = NULL;
  gint64 start;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  first = show_meeting (fixture->db, ((YishiMeetingRow *) meetings->pdata[0])->id);
  date = meeting_date (meetings->pdata[0]);
  start = to_unix (first->starts_at);
  g_assert_cmpstr (date, ==, "2026-03-26");

  assert_sign_in_times (first, date, start, first_vote (first, date));
  assert_speech_times (first, date, start);
}

/* Signs @person_id in to @meeting_id now and checks that the store
 * stamped the real time: the sample left no clock set behind. */
static void
assert_real_clock (YishiDatabase *db,
                   gint64         meeting_id,
                   gint64         person_id)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  guint found = 0;

  g_assert_true (yishi_meeting_store_attend (db, meeting_id, person_id, YISHI_ATTENDANCE_PRESENT, &error));
  g_assert_no_error (error);
  snapshot = show_meeting (db, meeting_id);
  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = snapshot->attendance->pdata[i];

      if (row->person_id != person_id)
        continue;
      found++;
      g_assert_cmpint (to_unix (row->signed_in_at), >=, before);
      g_assert_cmpint (to_unix (row->signed_in_at), <=, g_get_real_time () / G_USEC_PER_SEC);
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
test_council_clock_after (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(YishiMeetingSnapshot) first = NULL;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  first = show_meeting (fixture->db, ((YishiMeetingRow *) meetings->pdata[0])->id);
  assert_real_clock (fixture->db, ((YishiMeetingRow *) meetings->pdata[3])->id,
                     ((YishiSnapshotAttendance *) first->attendance->pdata[0])->person_id);
}

/* A council whose only meeting the store refuses halfway: a show of
 * hands with more votes than members present. */
static const char failing_council[] =
  "{\"name\": \"幸福里社区居民议事会\","
  " \"members\": [{\"person\": \"wang\", \"position\": \"director\", \"joined_on\": \"2025-01-08\"},"
  "               {\"person\": \"li\", \"position\": \"member\", \"joined_on\": \"2025-01-08\"}],"
  " \"meetings\": [{\"title\": \"三月议事会\", \"starts_at\": \"2026-03-26 14:30\", \"state\": \"closed\","
  "   \"attendance\": [{\"person\": \"wang\", \"status\": \"present\"}],"
  "   \"items\": [{\"title\": \"楼道灯更换\", \"motions\": [{\"key\": \"lights\", \"text\": \"同意更换楼道灯\","
  "     \"mover\": \"wang\", \"form\": \"hands\", \"vote\": {\"yes\": 5, \"no\": 0, \"abstain\": 0}}]}]}]}";

static gint64
add_draft (YishiDatabase *db,
           GHashTable    *by_key,
           const char    *key,
           const char    *name,
           const char    *phone)
{
  YishiPersonDraft *draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (name);
  draft->phone = g_strdup (phone);
  g_hash_table_insert (by_key, g_strdup (key), draft);
  person = yishi_person_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_person_get_id (person);
}

/* A meeting that fails halfway leaves the real clock behind too. */
static void
test_council_clock_after_failure (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) yishi_person_draft_free);
  g_autoptr(JsonNode) council = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 li;

  add_draft (fixture->db, by_key, "wang", "王桂兰", "13800000001");
  li = add_draft (fixture->db, by_key, "li", "李建国", "13800000002");
  council = json_from_string (failing_council, &error);
  g_assert_no_error (error);

  g_assert_false (_yishi_sample_council_load (fixture->db, json_node_get_object (council), by_key, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  meetings = list_meetings (fixture->db);
  g_assert_cmpuint (meetings->len, ==, 1);
  assert_real_clock (fixture->db, ((YishiMeetingRow *) meetings->pdata[0])->id, li);
}

/* Resolutions done, in progress, and overdue. */
static void
test_council_follow_ups (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GError) error = NULL;
  guint done = 0, in_progress = 0, overdue = 0;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  for (guint i = 0; i < meetings->len; i++)
    {
      g_autoptr(YishiMeetingSnapshot) snapshot = show_meeting (fixture->db,
                                                               ((YishiMeetingRow *) meetings->pdata[i])->id);

      for (guint j = 0; j < snapshot->resolutions->len; j++)
        {
          const YishiSnapshotResolution *resolution = snapshot->resolutions->pdata[j];

          g_assert_cmpstr (resolution->responsible, !=, "");
          g_assert_nonnull (resolution->due_on);
          done += g_str_equal (resolution->follow_up, "done");
          in_progress += g_str_equal (resolution->follow_up, "in-progress");
        }
    }

  follow_ups = yishi_meeting_store_list_follow_ups (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < follow_ups->len; i++)
    overdue += ((YishiFollowUpRow *) follow_ups->pdata[i])->overdue;

  g_assert_cmpuint (done, >=, 1);
  g_assert_cmpuint (in_progress, >=, 1);
  g_assert_cmpuint (overdue, >=, 1);
}

/* The minutes of the held meetings: the first two approved by the chair
 * a few days later, the first also filed, their digests matching and
 * chained; the extraordinary meeting's still the secretary's draft. All
 * written up item by item. */
static YishiMinutes *
get_minutes (YishiDatabase *db,
             gint64         meeting_id)
{
  g_autoptr(GError) error = NULL;
  YishiMinutes *minutes = yishi_minutes_store_get (db, meeting_id, &error);

  g_assert_no_error (error);
  return minutes;
}

static void
assert_written_up (const YishiMinutes *minutes)
{
  g_assert_cmpuint (minutes->items->len, ==, minutes->meeting->items->len);
  for (guint i = 0; i < minutes->items->len; i++)
    {
      const YishiMinutesItem *item = minutes->items->pdata[i];

      /* prose, not the speech notes as they were */
      g_assert_nonnull (strstr (item->discussion, "与会成员进行了讨论"));
    }
  g_assert_true (g_str_has_prefix (minutes->other_matters, "一、"));
}

static void
test_council_minutes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(YishiMinutes) first = NULL;
  g_autoptr(YishiMinutes) second = NULL;
  g_autoptr(YishiMinutes) draft = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;

  load_community (fixture->db);
  meetings = list_meetings (fixture->db);
  first = get_minutes (fixture->db, ((YishiMeetingRow *) meetings->pdata[0])->id);
  second = get_minutes (fixture->db, ((YishiMeetingRow *) meetings->pdata[1])->id);
  draft = get_minutes (fixture->db, ((YishiMeetingRow *) meetings->pdata[2])->id);

  g_assert_cmpint (first->state, ==, YISHI_MINUTES_FROZEN);
  g_assert_cmpint (first->approval, ==, YISHI_APPROVAL_CHAIR);
  g_assert_cmpstr (first->approved_by, ==, "王桂兰");
  g_assert_cmpstr (first->previous_digest, ==, "");
  /* on the days the secretary and the chair did it, local time */
  g_assert_cmpint (to_unix (first->submitted_at), <, to_unix (first->approved_at));
  g_assert_cmpint (to_unix (first->approved_at), <, to_unix (first->frozen_at));
  g_assert_cmpint (to_unix (first->approved_at), ==, to_unix ("2026-04-01 15:10:00"));
  digest = yishi_minutes_compute_digest (first);
  g_assert_cmpstr (first->digest, ==, digest);
  assert_written_up (first);

  g_clear_pointer (&digest, g_free);
  g_assert_cmpint (second->state, ==, YISHI_MINUTES_APPROVED);
  g_assert_cmpint (second->approval, ==, YISHI_APPROVAL_CHAIR);
  g_assert_cmpint (to_unix (second->approved_at), ==, to_unix ("2026-08-28 16:00:00"));
  g_assert_cmpstr (second->previous_digest, ==, first->digest);
  digest = yishi_minutes_compute_digest (second);
  g_assert_cmpstr (second->digest, ==, digest);
  assert_written_up (second);

  g_assert_cmpint (draft->state, ==, YISHI_MINUTES_DRAFT);
  g_assert_null (draft->digest);
  assert_written_up (draft);

  mismatches = yishi_minutes_store_verify (fixture->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);
}

/* The sample's contests: the published one and the one in judging. */
static YishiContestRow *
find_contest (YishiDatabase     *db,
              YishiContestState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contests = yishi_contest_store_list (db, &error);
  YishiContestRow *found = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (contests->len, ==, 2);
  for (guint i = 0; i < contests->len; i++)
    if (((YishiContestRow *) contests->pdata[i])->state == state)
      {
        g_assert_null (found);
        found = g_ptr_array_steal_index (contests, i--);
      }

  g_assert_nonnull (found);
  return found;
}

static YishiContestResults *
contest_results (YishiDatabase *db,
                 gint64         contest_id)
{
  g_autoptr(GError) error = NULL;
  YishiContestResults *results = yishi_contest_store_results (db, contest_id, &error);

  g_assert_no_error (error);
  return results;
}

/* 7 judges and 15 entries, recusals declared and automatic, and the
 * day of publication on the sample's clock. */
static void
test_contest_published (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(YishiContestRow) contest = NULL;
  g_autoptr(GPtrArray) judges = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) recusals = NULL;
  g_autoptr(GError) error = NULL;
  guint reasons[YISHI_RECUSAL_OTHER + 1] = { 0 };

  load_community (fixture->db);
  contest = find_contest (fixture->db, YISHI_CONTEST_STATE_PUBLISHED);
  g_assert_cmpint (contest->aggregation, ==, YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN);
  g_assert_cmpint (contest->funding, ==, YISHI_CONTEST_FUNDING_GREEDY);
  g_assert_true (contest->recuse_same_grid);
  g_assert_cmpstr (contest->published_on, ==, "2026-05-08");

  judges = yishi_contest_store_list_judges (fixture->db, contest->id, &error);
  g_assert_no_error (error);
  entries = yishi_contest_store_list_entries (fixture->db, contest->id, &error);
  g_assert_no_error (error);
  recusals = yishi_contest_store_list_recusals (fixture->db, contest->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (judges->len, ==, 7);
  g_assert_cmpuint (entries->len, ==, 15);

  for (guint i = 0; i < recusals->len; i++)
    {
      const YishiContestRecusalRow *row = recusals->pdata[i];

      reasons[row->reason]++;
      if (row->reason == YISHI_RECUSAL_RELATIVE)
        g_assert_cmpstr (row->note, !=, "");
    }
  g_assert_cmpuint (reasons[YISHI_RECUSAL_RELATIVE], ==, 1);
  g_assert_cmpuint (reasons[YISHI_RECUSAL_PROPOSER], >=, 1);
  g_assert_cmpuint (reasons[YISHI_RECUSAL_SAME_GRID], >=, 1);

  /* every judge scored everything they were not recused from */
  for (guint i = 0; i < judges->len; i++)
    {
      const YishiContestJudgeRow *judge = judges->pdata[i];

      g_assert_cmpuint (judge->n_scored, >, 0);
      g_assert_cmpuint (judge->n_scored, ==, judge->n_expected);
    }
}

/* Exactly one tie on the trimmed mean, broken by the chain before the
 * lots; the places around it say so. */
static void
test_contest_tie (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(YishiContestRow) contest = NULL;
  g_autoptr(YishiContestResults) results = NULL;
  const YishiContestPlace *tied = NULL, *next = NULL;
  guint n_ties = 0;

  load_community (fixture->db);
  contest = find_contest (fixture->db, YISHI_CONTEST_STATE_PUBLISHED);
  results = contest_results (fixture->db, contest->id);
  g_assert_cmpuint (yishi_contest_ranking_get_n_places (results->ranking), ==, 15);

  for (guint i = 0; i < yishi_contest_ranking_get_n_places (results->ranking); i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (results->ranking, i);

      g_assert_cmpuint (place->rank, ==, i + 1);
      g_assert_false (place->fell_back);
      if (place->tie_break == YISHI_CONTEST_TIE_BREAK_NONE)
        continue;
      n_ties++;
      tied = place;
      next = yishi_contest_ranking_get (results->ranking, i + 1);
    }

  g_assert_cmpuint (n_ties, ==, 1);
  g_assert_cmpint (tied->tie_break, ==, YISHI_CONTEST_TIE_BREAK_UNTRIMMED_MEAN);
  g_assert_cmpint (yishi_contest_score_compare (&tied->final_score, &next->final_score), ==, 0);
  g_assert_cmpint (yishi_contest_score_compare (&tied->mean, &next->mean), >, 0);
}

/* The rule funds within the budget down to a line in mid-table, the
 * one override funds a proposal below it with its reason, and
 * publishing moved every entry to accepted or rejected accordingly. */
static void
test_contest_funding (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(YishiContestRow) contest = NULL;
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(YishiContestFunding) by_rule = NULL;
  g_autoptr(GError) error = NULL;
  const YishiContestOverrideRow *override;
  gint64 spent = 0;
  guint n_funded = 0;

  load_community (fixture->db);
  contest = find_contest (fixture->db, YISHI_CONTEST_STATE_PUBLISHED);
  results = contest_results (fixture->db, contest->id);

  g_assert_cmpuint (results->overrides->len, ==, 1);
  override = results->overrides->pdata[0];
  g_assert_true (override->funded);
  g_assert_nonnull (strstr (override->reason, "配套资金"));

  by_rule = yishi_contest_fund (results->ranking, contest->funding, contest->budget_fen,
                                contest->top_n, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_rule->spent, <=, contest->budget_fen);
  g_assert_false (yishi_contest_funding_find (by_rule, override->proposal_id)->funded);

  for (guint i = 0; i < results->funding->grants->len; i++)
    {
      const YishiContestGrant *grant = &g_array_index (results->funding->grants, YishiContestGrant, i);
      g_autoptr(YishiProposal) proposal = yishi_proposal_store_get (fixture->db, grant->proposal_id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (yishi_proposal_get_status (proposal), ==,
                       grant->funded ? YISHI_PROPOSAL_STATUS_ACCEPTED : YISHI_PROPOSAL_STATUS_REJECTED);
      g_assert_cmpint (grant->overridden, ==, grant->proposal_id == override->proposal_id);
      n_funded += grant->funded;
      if (grant->funded && !grant->overridden)
        spent += grant->cost;
    }

  g_assert_cmpint (spent, <=, contest->budget_fen);
  g_assert_cmpint (results->funding->spent, >, contest->budget_fen / 2);
  g_assert_cmpuint (n_funded, >=, 4);
  g_assert_cmpuint (n_funded, <=, 10);
}

/* The contest in judging: some judges done, one half-way, one not yet
 * started, and its entries still waiting for a decision. */
static void
test_contest_judging (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(YishiContestRow) contest = NULL;
  g_autoptr(GPtrArray) judges = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint done = 0, half_way = 0, not_started = 0;

  load_community (fixture->db);
  contest = find_contest (fixture->db, YISHI_CONTEST_STATE_JUDGING);
  g_assert_null (contest->published_on);

  judges = yishi_contest_store_list_judges (fixture->db, contest->id, &error);
  g_assert_no_error (error);
  entries = yishi_contest_store_list_entries (fixture->db, contest->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (judges->len, ==, 5);
  g_assert_cmpuint (entries->len, >=, 6);
  g_assert_cmpuint (entries->len, <=, 8);

  for (guint i = 0; i < judges->len; i++)
    {
      const YishiContestJudgeRow *judge = judges->pdata[i];

      g_assert_cmpuint (judge->n_scored, <=, judge->n_expected);
      done += judge->n_scored == judge->n_expected;
      half_way += judge->n_scored > 0 && judge->n_scored < judge->n_expected;
      not_started += judge->n_scored == 0;
    }
  g_assert_cmpuint (done, >=, 1);
  g_assert_cmpuint (half_way, >=, 1);
  g_assert_cmpuint (not_started, ==, 1);

  for (guint i = 0; i < entries->len; i++)
    {
      const YishiContestEntryRow *entry = entries->pdata[i];
      g_autoptr(YishiProposal) proposal = yishi_proposal_store_get (fixture->db, entry->proposal_id, &error);
      YishiProposalStatus status;

      g_assert_no_error (error);
      status = yishi_proposal_get_status (proposal);
      g_assert_true (status == YISHI_PROPOSAL_STATUS_SCREENED_IN ||
                     status == YISHI_PROPOSAL_STATUS_SHORTLISTED);
    }
}

/* A contest of a sample contest's name already there: refused before
 * anything is stored. */
static void
test_contest_name_taken (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup ("2026年佳园社区居民提案大赛");
  g_assert_cmpint (yishi_contest_store_add (fixture->db, draft, &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (yishi_sample_load_community (fixture->db, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "2026年佳园社区居民提案大赛"));
  assert_counts (fixture->db, 0, 0);
  councils = list_councils (fixture->db);
  g_assert_cmpuint (councils->len, ==, 0);
}

static void
generate (YishiDatabase *db,
          guint          n,
          guint32        seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_sample_generate (db, n, seed, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* What a generated proposal says, without its UUID and timestamps. */
static char *
describe (YishiProposal *proposal)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%d|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%s|%s",
                          yishi_proposal_get_title (proposal),
                          yishi_proposal_get_summary (proposal),
                          yishi_proposal_get_body (proposal),
                          yishi_proposal_get_proposer_name (proposal),
                          yishi_proposal_get_community (proposal),
                          yishi_proposal_get_location (proposal),
                          yishi_proposal_get_category (proposal),
                          yishi_proposal_get_status (proposal),
                          yishi_proposal_get_cost_fen (proposal),
                          yishi_proposal_get_households (proposal),
                          yishi_proposal_get_people (proposal),
                          yishi_proposal_get_submitted_on (proposal),
                          yishi_proposal_get_status_reason (proposal));
}

static gboolean
same_proposals (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *text_a = describe (a->pdata[i]);
      g_autofree char *text_b = describe (b->pdata[i]);

      if (!g_str_equal (text_a, text_b))
        return FALSE;
    }

  return TRUE;
}

static void
test_generate_deterministic (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(YishiTestDir) other_dir = yishi_test_dir_new ();
  g_autoptr(YishiTestDir) third_dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) other = yishi_test_open_db (other_dir);
  g_autoptr(YishiDatabase) third = yishi_test_open_db (third_dir);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;

  generate (fixture->db, 300, 7);
  generate (other, 300, 7);
  generate (third, 300, 8);
  a = list_proposals (fixture->db, NULL);
  b = list_proposals (other, NULL);
  c = list_proposals (third, NULL);

  g_assert_cmpuint (a->len, ==, 300);
  g_assert_true (same_proposals (a, b));
  g_assert_false (same_proposals (a, c));
}

static void
test_generate_shape (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) roads = NULL;

  generate (fixture->db, 900, 42);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);

  g_assert_cmpuint (people->len, ==, 300);
  g_assert_cmpuint (proposals->len, ==, 900);
  assert_all_kinds (proposals);

  for (guint i = 0; i < proposals->len; i++)
    {
      YishiProposal *proposal = proposals->pdata[i];
      glong summary = g_utf8_strlen (yishi_proposal_get_summary (proposal), -1);
      glong body = g_utf8_strlen (yishi_proposal_get_body (proposal), -1);

      g_assert_cmpint (summary, >=, 30);
      g_assert_cmpint (summary, <=, 60);
      g_assert_cmpint (body, >=, 80);
      g_assert_cmpint (body, <=, 200);
      g_assert_cmpint (yishi_proposal_get_proposer_id (proposal), >, 0);
      /* a draft was never submitted; everything else was, in 2026 */
      if (yishi_proposal_get_status (proposal) == YISHI_PROPOSAL_STATUS_DRAFT)
        g_assert_cmpstr (yishi_proposal_get_submitted_on (proposal), ==, "");
      else
        g_assert_true (g_str_has_prefix (yishi_proposal_get_submitted_on (proposal), "2026-"));
    }

  roads = list_proposals (fixture->db, "道路");
  g_assert_cmpuint (roads->len, >, 0);
}

static void
progressed_cb (guint    done,
               guint    total,
               gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, >, *last);
  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
test_generate_progress (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint last = 0;

  /* people and proposals are one count: 2,500 + 833 records */
  g_assert_true (yishi_sample_generate (fixture->db, 2500, 3, progressed_cb, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 2500 + 2500 / 3);
}

static YishiProposalDraft *
proposal_by (const char *title,
             const char *proposer,
             const char *phone)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();

  draft->title = g_strdup (title);
  draft->proposer_name = g_strdup (proposer);
  draft->proposer_phone = g_strdup (phone);
  return draft;
}

/* The batch the sample is loaded with keeps all records or none. */
static void
test_batch_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_person_draft_free);
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_proposal_draft_free);
  g_autoptr(GError) error = NULL;
  YishiPersonDraft *person;
  YishiProposalDraft *bad;

  for (guint i = 0; i < 2; i++)
    {
      person = yishi_person_draft_new ();
      person->name = g_strdup ("王芳");
      person->phone = g_strdup_printf ("1380000000%u", i);
      g_ptr_array_add (people, person);
    }
  g_ptr_array_add (proposals, proposal_by ("篮球场翻新", "王芳", "13800000001"));
  /* screened out without a reason: refused, and the batch with it */
  bad = proposal_by ("楼道灯更换", "王芳", "13800000000");
  bad->status = YISHI_PROPOSAL_STATUS_SCREENED_OUT;
  g_ptr_array_add (proposals, bad);

  g_assert_false (yishi_person_store_add_many (fixture->db, people, proposals,
                                               YISHI_ADD_MANY_INTO_EMPTY, NULL, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "Proposal 2: "));
  assert_counts (fixture->db, 0, 0);
  g_clear_error (&error);

  /* without the bad one, the namesakes are told apart by phone */
  g_ptr_array_remove_index (proposals, 1);
  g_assert_true (yishi_person_store_add_many (fixture->db, people, proposals,
                                              YISHI_ADD_MANY_INTO_EMPTY, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_counts (fixture->db, 2, 1);
  {
    g_autoptr(GPtrArray) stored = list_people (fixture->db);

    g_assert_cmpuint (yishi_person_get_n_proposals (stored->pdata[0]), ==, 0);
    g_assert_cmpuint (yishi_person_get_n_proposals (stored->pdata[1]), ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  /* east of UTC, as the councils are, so that local time and UTC differ */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sample/community/contents", test_community_contents);
  ADD ("/sample/community/proposers", test_community_proposers);
  ADD ("/sample/community/twice", test_community_twice);
  ADD ("/sample/community/not-empty", test_community_not_empty);
  ADD ("/sample/community/council-taken", test_community_council_taken);
  ADD ("/sample/council/members", test_council_members);
  ADD ("/sample/council/meetings", test_council_meetings);
  ADD ("/sample/council/votes", test_council_votes);
  ADD ("/sample/council/speeches", test_council_speeches);
  ADD ("/sample/council/times", test_council_times);
  ADD ("/sample/council/clock-after", test_council_clock_after);
  ADD ("/sample/council/clock-after-failure", test_council_clock_after_failure);
  ADD ("/sample/council/follow-ups", test_council_follow_ups);
  ADD ("/sample/council/minutes", test_council_minutes);
  ADD ("/sample/contest/published", test_contest_published);
  ADD ("/sample/contest/tie", test_contest_tie);
  ADD ("/sample/contest/funding", test_contest_funding);
  ADD ("/sample/contest/judging", test_contest_judging);
  ADD ("/sample/contest/name-taken", test_contest_name_taken);
  ADD ("/sample/generate/deterministic", test_generate_deterministic);
  ADD ("/sample/generate/shape", test_generate_shape);
  ADD ("/sample/generate/progress", test_generate_progress);
  ADD ("/sample/batch/all-or-nothing", test_batch_all_or_nothing);

#undef ADD

  return g_test_run ();
}
