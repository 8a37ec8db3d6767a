#include <locale.h>

#include "yishi-council-store.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-store.h"
#include "yishi-person-store.h"
#include "yishi-speech-store.h"
#include "yishi-test-util.h"

/* The database's clock, set for entering a meeting of the past: a
 * council of three since 2024-01-01, a meeting of 2024-05-10 19:30 in
 * session with one item and a motion on it. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         council;
  gint64         meeting;
  gint64         item;
  gint64         motion;
  gint64         people[3];
  gint64         evening;  /* 2024-05-10 19:25 local, in seconds since 1970 */
} Fixture;

static const char * const names[] = { "王桂兰", "李建国", "张秀英" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) evening = g_date_time_new_local (2024, 5, 10, 19, 25, 0);
  g_autoptr(GError) error = NULL;

  fixture->evening = g_date_time_to_unix (evening);
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  fixture->council = yishi_council_store_add (fixture->db, "幸福里社区居民议事会", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->people); i++)
    {
      fixture->people[i] = yishi_test_add_person (fixture->db, names[i]);
      yishi_council_store_add_member (fixture->db, fixture->council, fixture->people[i],
                                      YISHI_COUNCIL_POSITION_MEMBER, "2024-01-01", &error);
      g_assert_no_error (error);
    }
  fixture->meeting = yishi_meeting_store_add (fixture->db, fixture->council, "五月议事会",
                                              "2024-05-10 19:30", "社区活动室", 0, 0, &error);
  g_assert_no_error (error);
  fixture->item = yishi_meeting_store_add_item (fixture->db, fixture->meeting, "3号楼道路硬化", 0, &error);
  g_assert_no_error (error);
  fixture->motion = yishi_meeting_store_add_motion (fixture->db, fixture->item, 0, "同意硬化道路",
                                                    fixture->people[0], NULL, YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static YishiMeetingSnapshot *
show (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  YishiMeetingSnapshot *snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);

  g_assert_no_error (error);
  return snapshot;
}

/* @unix_seconds as the store writes it: UTC, or local for the chair's
 * clock. */
static char *
format_time (gint64   unix_seconds,
             gboolean local)
{
  g_autoptr(GDateTime) time = local ? g_date_time_new_from_unix_local (unix_seconds)
                                    : g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, local ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%dT%H:%M:%SZ");
}

/* Seconds since 1970 of a stamp: UTC with a Z, or else local. */
static gint64
parse_time (const char *stamp)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = g_strdup (stamp);
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (stamp);
  iso[10] = 'T';
  time = g_date_time_new_from_iso8601 (iso, local);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static gint64
real_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const char *
signed_in_at (const YishiMeetingSnapshot *snapshot,
              gint64                      person_id)
{
  for (guint i = 0; i < snapshot->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = snapshot->attendance->pdata[i];

      if (row->person_id == person_id)
        return row->signed_in_at;
    }

  g_assert_not_reached ();
}

static gint64
attend (Fixture *fixture,
        guint    person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;

  g_assert_true (yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[person],
                                             YISHI_ATTENDANCE_PRESENT, &error));
  g_assert_no_error (error);
  snapshot = show (fixture);
  return parse_time (signed_in_at (snapshot, fixture->people[person]));
}

/* Real time, then the set clock, then real time again: the once-a-second
 * text of the time never outlives the clock it came from. */
static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autofree char *expected = format_time (fixture->evening, FALSE);
  gint64 before = real_now (), signed_in;

  signed_in = attend (fixture, 0);
  g_assert_cmpint (signed_in, >=, before);
  g_assert_cmpint (signed_in, <=, real_now ());

  yishi_database_set_clock (fixture->db, fixture->evening);
  attend (fixture, 1);
  snapshot = show (fixture);
  g_assert_cmpstr (signed_in_at (snapshot, fixture->people[1]), ==, expected);

  yishi_database_set_clock (fixture->db, 0);
  before = real_now ();
  signed_in = attend (fixture, 2);
  g_assert_cmpint (signed_in, >=, before);
  g_assert_cmpint (signed_in, <=, real_now ());
}

static const YishiSpeechRow *
find_speech (GPtrArray *rows,
             gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((YishiSpeechRow *) rows->pdata[i])->id == id)
      return rows->pdata[i];

  g_assert_not_reached ();
}

static gint64
enqueue (Fixture *fixture,
         guint    person)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_speech_store_enqueue (fixture->db, fixture->item, 0, fixture->people[person], &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
give_floor (Fixture *fixture,
            gint64   speech)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_speech_store_give_floor (fixture->db, speech, &error));
  g_assert_no_error (error);
}

static void
end_turn (Fixture *fixture,
          gint64   speech)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_speech_store_end (fixture->db, speech, "赞成", &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_speeches (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = yishi_speech_store_list (fixture->db, fixture->item, &error);

  g_assert_no_error (error);
  return rows;
}

/* The chair's clock is local time: 19:35:00 to 19:36:30 in the meeting
 * room, whatever the zone; then the real clock again. */
static void
test_speech (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *started = format_time (fixture->evening + 600, TRUE);
  g_autofree char *ended = format_time (fixture->evening + 690, TRUE);
  gint64 first = enqueue (fixture, 0), second = enqueue (fixture, 1);
  const YishiSpeechRow *row;
  gint64 before;

  g_assert_cmpstr (started, ==, "2024-05-10 19:35:00");
  yishi_database_set_clock (fixture->db, fixture->evening + 600);
  give_floor (fixture, first);
  yishi_database_set_clock (fixture->db, fixture->evening + 690);
  end_turn (fixture, first);

  yishi_database_set_clock (fixture->db, 0);
  before = real_now ();
  give_floor (fixture, second);

  rows = list_speeches (fixture);
  row = find_speech (rows, first);
  g_assert_cmpstr (row->started_at, ==, started);
  g_assert_cmpstr (row->ended_at, ==, ended);
  row = find_speech (rows, second);
  g_assert_cmpint (parse_time (row->started_at), >=, before);
  g_assert_cmpint (parse_time (row->started_at), <=, real_now ());
}

static void
test_vote (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = format_time (fixture->evening + 1800, FALSE);

  yishi_database_set_clock (fixture->db, fixture->evening);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->people); i++)
    attend (fixture, i);
  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, fixture->motion, fixture->people[1], &error));
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, fixture->evening + 1800);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, fixture->motion, 3, 0, 0, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, 0);

  snapshot = show (fixture);
  g_assert_cmpuint (snapshot->motions->len, ==, 1);
  g_assert_cmpstr (((YishiSnapshotMotion *) snapshot->motions->pdata[0])->taken_at, ==, expected);
}

static const char *
joined_on (GPtrArray *members,
           gint64     person_id)
{
  for (guint i = 0; i < members->len; i++)
    if (((YishiCouncilMemberRow *) members->pdata[i])->person_id == person_id)
      return ((YishiCouncilMemberRow *) members->pdata[i])->joined_on;

  return NULL;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A membership without a date starts on the clock's day. */
static void
test_member_since (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *day_before = today ();
  g_autofree char *day_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 past = yishi_test_add_person (fixture->db, "赵志强"), present = yishi_test_add_person (fixture->db, "陈小明");
  const char *since;

  yishi_database_set_clock (fixture->db, fixture->evening);
  yishi_council_store_add_member (fixture->db, fixture->council, past,
                                  YISHI_COUNCIL_POSITION_REPRESENTATIVE, NULL, &error);
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, 0);
  yishi_council_store_add_member (fixture->db, fixture->council, present,
                                  YISHI_COUNCIL_POSITION_REPRESENTATIVE, NULL, &error);
  g_assert_no_error (error);

  day_after = today ();
  members = yishi_council_store_list_members (fixture->db, fixture->council, day_after, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (joined_on (members, past), ==, "2024-05-10");
  /* either day, should midnight pass in between */
  since = joined_on (members, present);
  g_assert_nonnull (since);
  g_assert_true (g_str_equal (since, day_before) || g_str_equal (since, day_after));
}

#define ADD(path, func) \
  g_test_add ("/clock/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* east of UTC, as the councils are, so that local time and UTC differ */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("attendance", test_attendance);
  ADD ("speech", test_speech);
  ADD ("vote", test_vote);
  ADD ("member-since", test_member_since);

  return g_test_run ();
}
