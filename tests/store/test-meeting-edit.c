#include <locale.h>

#include <sqlite3.h>

#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-store.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-speech-store.h"
#include "yishi-test-util.h"

/* A council of six from 2024-01-01, a planned meeting on 2024-05-10
 * with four agenda items, and a person who is not a member. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         council;
  gint64         meeting;
  gint64         items[4];
  gint64         people[6];
  gint64         guest;
} Fixture;

static const char * const titles[] = { "甲", "乙", "丙", "丁" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  fixture->council = yishi_council_store_add (fixture->db, "幸福里社区居民议事会", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->people); i++)
    {
      g_autofree char *name = g_strdup_printf ("委员%u", i + 1);

      fixture->people[i] = yishi_test_add_person (fixture->db, name);
      yishi_council_store_add_member (fixture->db, fixture->council, fixture->people[i],
                                      YISHI_COUNCIL_POSITION_MEMBER, "2024-01-01", &error);
      g_assert_no_error (error);
    }
  fixture->guest = yishi_test_add_person (fixture->db, "街道办刘主任");
  fixture->meeting = yishi_meeting_store_add (fixture->db, fixture->council, "五月议事会",
                                              "2024-05-10 19:30", "社区活动室", 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->items); i++)
    {
      fixture->items[i] = yishi_meeting_store_add_item (fixture->db, fixture->meeting, titles[i], 0, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  report = yishi_database_check (fixture->db, &ok, &error);
  g_assert_no_error (error);
  if (!ok)
    g_error ("%s", report);
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

/* Every row of a query, columns separated by '|', rows by '\n'. */
static char *
rows_of (Fixture    *fixture,
         const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *rows = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (yishi_database_get_path (fixture->db), &handle,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (rows, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  return g_string_free (rows, FALSE);
}

static void
assert_rows (Fixture    *fixture,
             const char *sql,
             const char *expected)
{
  g_autofree char *rows = rows_of (fixture, sql);

  g_assert_cmpstr (rows, ==, expected);
}

#define AGENDA_SQL "SELECT position, title FROM agenda_item ORDER BY position"

/* @n members present, the meeting in session. */
static void
open_session (Fixture *fixture,
              guint    n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[i],
                                YISHI_ATTENDANCE_PRESENT, &error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_no_error (error);
}

static void
close_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);
}

static gint64
add_motion (Fixture *fixture,
            guint    item,
            gint64   parent,
            guint    mover)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add_motion (fixture->db, fixture->items[item], parent, "动议",
                                              fixture->people[mover], NULL, YISHI_VOTE_FORM_HANDS, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_item (Fixture    *fixture,
          const char *title,
          gint64      proposal_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add_item (fixture->db, fixture->meeting, title, proposal_id, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_notice (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  const char *notice = "定于5月10日19:30在社区活动室召开议事会。\n议题：道路硬化。";

  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_cmpstr (snapshot->notice, ==, "");
  g_clear_pointer (&snapshot, yishi_meeting_snapshot_free);

  g_assert_true (yishi_meeting_store_set_notice (fixture->db, fixture->meeting, notice, &error));
  g_assert_no_error (error);
  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_cmpstr (snapshot->notice, ==, notice);

  g_assert_false (yishi_meeting_store_set_notice (fixture->db, 999, "x", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  open_session (fixture, 0);
  close_meeting (fixture);
  g_assert_false (yishi_meeting_store_set_notice (fixture->db, fixture->meeting, "改期", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  assert_rows (fixture, "SELECT notice FROM meeting", "定于5月10日19:30在社区活动室召开议事会。\n议题：道路硬化。\n");
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 motion;

  g_assert_true (yishi_meeting_store_set_details (fixture->db, fixture->meeting, " 五月临时议事会 ",
                                                  "2024-05-11 09:00", "居委会二楼", fixture->people[0],
                                                  fixture->guest, &error));
  g_assert_no_error (error);
  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_cmpstr (snapshot->title, ==, "五月临时议事会");
  g_assert_cmpstr (snapshot->starts_at, ==, "2024-05-11 09:00");
  g_assert_cmpstr (snapshot->place, ==, "居委会二楼");
  g_assert_cmpstr (snapshot->chair, ==, "委员1");
  g_assert_cmpstr (snapshot->secretary, ==, "街道办刘主任");

  g_assert_false (yishi_meeting_store_set_details (fixture->db, fixture->meeting, "  ", "2024-05-11 09:00",
                                                   "", 0, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_set_details (fixture->db, fixture->meeting, "x", "5月11日",
                                                   "", 0, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_set_details (fixture->db, fixture->meeting, "x", "2024-05-11 09:00",
                                                   "", 999, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* with a vote taken, the time may change within the day, not the day */
  open_session (fixture, 6);
  motion = add_motion (fixture, 0, 0, 1);
  yishi_meeting_store_record_vote (fixture->db, motion, 4, 1, 1, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (yishi_meeting_store_set_details (fixture->db, fixture->meeting, "x", "2024-05-12 09:00",
                                                   "", 0, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_true (yishi_meeting_store_set_details (fixture->db, fixture->meeting, "五月议事会", "2024-05-11 19:30",
                                                  "社区活动室", 0, 0, &error));
  g_assert_no_error (error);
  assert_rows (fixture, "SELECT title, starts_at, chair_id, secretary_id FROM meeting",
               "五月议事会|2024-05-11 19:30|NULL|NULL\n");

  close_meeting (fixture);
  g_assert_false (yishi_meeting_store_set_details (fixture->db, fixture->meeting, "x", "2024-05-11 19:30",
                                                   "", 0, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
}

/* Positions stay 1 … n without a gap, through UNIQUE (meeting_id,
 * position), whichever way an item moves. */
static void
test_move_item (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_move_item (fixture->db, fixture->items[3], 1, &error));
  g_assert_no_error (error);
  assert_rows (fixture, AGENDA_SQL, "1|丁\n2|甲\n3|乙\n4|丙\n");
  g_assert_true (yishi_meeting_store_move_item (fixture->db, fixture->items[3], 3, &error));
  assert_rows (fixture, AGENDA_SQL, "1|甲\n2|乙\n3|丁\n4|丙\n");
  g_assert_true (yishi_meeting_store_move_item (fixture->db, fixture->items[0], 4, &error));
  assert_rows (fixture, AGENDA_SQL, "1|乙\n2|丁\n3|丙\n4|甲\n");
  g_assert_true (yishi_meeting_store_move_item (fixture->db, fixture->items[2], 3, &error));
  g_assert_true (yishi_meeting_store_move_item (fixture->db, fixture->items[1], 2, &error));
  g_assert_no_error (error);
  assert_rows (fixture, AGENDA_SQL, "1|丁\n2|乙\n3|丙\n4|甲\n");

  g_assert_false (yishi_meeting_store_move_item (fixture->db, fixture->items[0], 5, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "1 to 4"));
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_move_item (fixture->db, fixture->items[0], 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_move_item (fixture->db, 999, 1, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a new item still goes at the end */
  yishi_meeting_store_add_item (fixture->db, fixture->meeting, "戊", 0, &error);
  g_assert_no_error (error);
  assert_rows (fixture, AGENDA_SQL, "1|丁\n2|乙\n3|丙\n4|甲\n5|戊\n");

  open_session (fixture, 0);
  close_meeting (fixture);
  g_assert_false (yishi_meeting_store_move_item (fixture->db, fixture->items[0], 1, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  assert_rows (fixture, AGENDA_SQL, "1|丁\n2|乙\n3|丙\n4|甲\n5|戊\n");
}

/* An empty item can go; the ones after it close up. */
static void
test_remove_item (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_remove_item (fixture->db, fixture->items[1], &error));
  g_assert_no_error (error);
  assert_rows (fixture, AGENDA_SQL, "1|甲\n2|丙\n3|丁\n");
  g_assert_true (yishi_meeting_store_remove_item (fixture->db, fixture->items[3], &error));
  assert_rows (fixture, AGENDA_SQL, "1|甲\n2|丙\n");
  g_assert_false (yishi_meeting_store_remove_item (fixture->db, fixture->items[3], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* what was said or decided on an item keeps it */
  add_motion (fixture, 0, 0, 0);
  g_assert_false (yishi_meeting_store_remove_item (fixture->db, fixture->items[0], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "motions"));
  g_clear_error (&error);
  yishi_speech_store_enqueue (fixture->db, fixture->items[2], 0, fixture->people[0], &error);
  g_assert_no_error (error);
  g_assert_false (yishi_meeting_store_remove_item (fixture->db, fixture->items[2], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "speeches"));
  g_clear_error (&error);
  {
    gint64 item = yishi_meeting_store_add_item (fixture->db, fixture->meeting, "戊", 0, &error);

    yishi_meeting_store_add_resolution (fixture->db, item, 0, "由物业负责", 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (yishi_meeting_store_remove_item (fixture->db, item, &error));
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE);
    g_assert_nonnull (strstr (error->message, "resolutions"));
    g_clear_error (&error);
  }
  assert_rows (fixture, AGENDA_SQL, "1|甲\n2|丙\n3|戊\n");

  /* once closed, even an empty item stays */
  {
    gint64 empty = add_item (fixture, "己", 0);

    open_session (fixture, 0);
    close_meeting (fixture);
    g_assert_false (yishi_meeting_store_remove_item (fixture->db, empty, &error));
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  }
  assert_rows (fixture, AGENDA_SQL, "1|甲\n2|丙\n3|戊\n4|己\n");
}

/* 附议: a member present, not the mover, before the vote. */
static void
test_seconder (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 motion;

  open_session (fixture, 4);
  yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->guest, YISHI_ATTENDANCE_PRESENT, &error);
  g_assert_no_error (error);
  motion = add_motion (fixture, 0, 0, 1);

  g_assert_false (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->people[1], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* 委员6 is absent, the guest is no member */
  g_assert_false (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->people[5], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->guest, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_set_seconder (fixture->db, 999, fixture->people[2], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_rows (fixture, "SELECT seconder_id FROM motion", "NULL\n");

  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->people[2], &error));
  g_assert_no_error (error);
  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_cmpstr (((YishiSnapshotMotion *) snapshot->motions->pdata[0])->seconder, ==, "委员3");
  g_assert_cmpstr (((YishiSnapshotMotion *) snapshot->motions->pdata[0])->mover, ==, "委员2");
  g_clear_pointer (&snapshot, yishi_meeting_snapshot_free);
  /* taken back, then given again */
  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, motion, 0, &error));
  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_cmpstr (((YishiSnapshotMotion *) snapshot->motions->pdata[0])->seconder, ==, "");
  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->people[3], &error));
  g_assert_no_error (error);

  yishi_meeting_store_record_vote (fixture->db, motion, 3, 1, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->people[2], &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  assert_rows (fixture, "SELECT seconder_id FROM motion", "4\n");
}

/* A council that requires a seconder votes on no motion without one,
 * by counts or by roll call; one that does not, does. */
static void
test_vote_needs_seconder (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YishiSpeakingRules rules = { 120, 2, TRUE };
  YishiRollCallEntry entries[4];
  gint64 hands, roll;

  open_session (fixture, 4);
  hands = add_motion (fixture, 0, 0, 0);
  roll = yishi_meeting_store_add_motion (fixture->db, fixture->items[1], 0, "记名", fixture->people[0], NULL,
                                         YISHI_VOTE_FORM_ROLL_CALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    entries[i] = (YishiRollCallEntry) { fixture->people[i], YISHI_ROLL_CALL_YES };
  g_assert_true (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  g_assert_no_error (error);

  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, hands, 3, 1, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "seconder"));
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, roll, entries, 4, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  assert_rows (fixture, "SELECT count(*) FROM vote", "0\n");

  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, hands, fixture->people[1], &error));
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, hands, 3, 1, 0, 0, NULL, &error), >, 0);
  g_assert_no_error (error);

  rules.requires_seconder = FALSE;
  g_assert_true (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, roll, entries, 4, NULL, &error), >, 0);
  g_assert_no_error (error);
  assert_rows (fixture, "SELECT count(*), sum(seconder_id IS NULL) FROM vote JOIN motion m ON m.id = motion_id",
               "2|1\n");
}

static gint64
add_proposal (Fixture             *fixture,
              const char          *title,
              YishiProposalStatus  status)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (title);
  draft->status = status;
  proposal = yishi_proposal_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

static YishiProposalStatus
status_of (Fixture *fixture,
           gint64   proposal_id)
{
  g_autoptr(YishiProposal) proposal = yishi_proposal_store_get (fixture->db, proposal_id, NULL);

  g_assert_nonnull (proposal);
  return yishi_proposal_get_status (proposal);
}

static gint64
vote_on (Fixture *fixture,
         gint64   item,
         gint64   parent,
         guint    yes,
         guint    no)
{
  g_autoptr(GError) error = NULL;
  gint64 motion = yishi_meeting_store_add_motion (fixture->db, item, parent, "动议", 0, NULL,
                                                  YISHI_VOTE_FORM_HANDS, &error);

  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, yes, no, 0, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  return motion;
}

/* The verdict on an item's main motion settles its proposal, where the
 * lifecycle allows; the same transaction as the vote. */
static void
test_vote_settles_proposal (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(YishiProposal) accepted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 screened, shortlisted, submitted, amended, decided;
  gint64 amendment;

  screened = add_proposal (fixture, "道路硬化", YISHI_PROPOSAL_STATUS_SCREENED_IN);
  shortlisted = add_proposal (fixture, "加装电梯", YISHI_PROPOSAL_STATUS_SHORTLISTED);
  submitted = add_proposal (fixture, "助餐点", YISHI_PROPOSAL_STATUS_SUBMITTED);
  amended = add_proposal (fixture, "垃圾分类", YISHI_PROPOSAL_STATUS_SCREENED_IN);
  decided = add_proposal (fixture, "路灯", YISHI_PROPOSAL_STATUS_REJECTED);
  open_session (fixture, 5);

  vote_on (fixture, add_item (fixture, "道路硬化", screened), 0, 4, 1);
  g_assert_cmpint (status_of (fixture, screened), ==, YISHI_PROPOSAL_STATUS_ACCEPTED);
  accepted = yishi_proposal_store_get (fixture->db, screened, &error);
  g_assert_nonnull (strstr (yishi_proposal_get_status_reason (accepted), "五月议事会"));

  vote_on (fixture, add_item (fixture, "加装电梯", shortlisted), 0, 2, 3);
  g_assert_cmpint (status_of (fixture, shortlisted), ==, YISHI_PROPOSAL_STATUS_REJECTED);

  /* not screened in yet, or decided already: the vote stands, the status too */
  vote_on (fixture, add_item (fixture, "助餐点", submitted), 0, 5, 0);
  g_assert_cmpint (status_of (fixture, submitted), ==, YISHI_PROPOSAL_STATUS_SUBMITTED);
  vote_on (fixture, add_item (fixture, "路灯", decided), 0, 5, 0);
  g_assert_cmpint (status_of (fixture, decided), ==, YISHI_PROPOSAL_STATUS_REJECTED);

  /* an amendment decides only itself */
  {
    gint64 item = add_item (fixture, "垃圾分类", amended);
    gint64 main = yishi_meeting_store_add_motion (fixture->db, item, 0, "同意", 0, NULL,
                                                  YISHI_VOTE_FORM_HANDS, &error);

    g_assert_no_error (error);
    amendment = vote_on (fixture, item, main, 5, 0);
    g_assert_cmpint (amendment, >, 0);
    g_assert_cmpint (status_of (fixture, amended), ==, YISHI_PROPOSAL_STATUS_SCREENED_IN);
    g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, main, 1, 4, 0, 0, NULL, &error), >, 0);
    g_assert_cmpint (status_of (fixture, amended), ==, YISHI_PROPOSAL_STATUS_REJECTED);
  }
}

/* No quorum, no decision: the proposal waits for a vote that counts. */
static void
test_no_quorum_settles_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YishiRollCallEntry entries[3];
  YishiVoteResult result;
  gint64 proposal, item, motion;

  proposal = add_proposal (fixture, "道路硬化", YISHI_PROPOSAL_STATUS_SCREENED_IN);
  item = add_item (fixture, "道路硬化", proposal);
  open_session (fixture, 3);
  motion = yishi_meeting_store_add_motion (fixture->db, item, 0, "同意", 0, NULL,
                                           YISHI_VOTE_FORM_ROLL_CALL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    entries[i] = (YishiRollCallEntry) { fixture->people[i], YISHI_ROLL_CALL_YES };
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, motion, entries, 3, &result, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (result.verdict, ==, YISHI_VOTE_VERDICT_NO_QUORUM);
  g_assert_cmpint (status_of (fixture, proposal), ==, YISHI_PROPOSAL_STATUS_SCREENED_IN);

  /* voted again once a fourth member arrives, with a quorum: accepted */
  yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[3], YISHI_ATTENDANCE_PRESENT, &error);
  motion = yishi_meeting_store_add_motion (fixture->db, item, 0, "再次表决", 0, NULL,
                                           YISHI_VOTE_FORM_ROLL_CALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, motion, entries, 3, &result, &error), >, 0);
  g_assert_cmpint (result.verdict, ==, YISHI_VOTE_VERDICT_PASSED);
  g_assert_cmpint (status_of (fixture, proposal), ==, YISHI_PROPOSAL_STATUS_ACCEPTED);
}

#define ADD(path, func) \
  g_test_add ("/meeting-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("notice", test_notice);
  ADD ("details", test_details);
  ADD ("move-item", test_move_item);
  ADD ("remove-item", test_remove_item);
  ADD ("seconder", test_seconder);
  ADD ("vote-needs-seconder", test_vote_needs_seconder);
  ADD ("vote-settles-proposal", test_vote_settles_proposal);
  ADD ("no-quorum-settles-nothing", test_no_quorum_settles_nothing);

  return g_test_run ();
}
