#include <locale.h>

#include <sqlite3.h>

#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-store.h"
#include "yishi-person-store.h"
#include "yishi-test-util.h"

/* A council of @n_members from 2024-01-01, a meeting on 2024-05-10 with
 * one agenda item. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         council;
  gint64         meeting;
  gint64         item;
  gint64         people[8];
  gint64         memberships[8];
} Fixture;

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
      fixture->memberships[i] = yishi_council_store_add_member (fixture->db, fixture->council,
                                                                fixture->people[i],
                                                                i == 0 ? YISHI_COUNCIL_POSITION_DIRECTOR :
                                                                YISHI_COUNCIL_POSITION_MEMBER,
                                                                "2024-01-01", &error);
      g_assert_no_error (error);
    }
  fixture->meeting = yishi_meeting_store_add (fixture->db, fixture->council, "五月议事会",
                                              "2024-05-10 19:30", "社区活动室",
                                              fixture->people[0], fixture->people[1], &error);
  g_assert_no_error (error);
  fixture->item = yishi_meeting_store_add_item (fixture->db, fixture->meeting, "3号楼道路硬化", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->item, >, 0);
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
attend (Fixture         *fixture,
        guint            n_present,
        YishiAttendance  others)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->people); i++)
    {
      g_autoptr(GError) error = NULL;

      yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[i],
                                  i < n_present ? YISHI_ATTENDANCE_PRESENT : others, &error);
      g_assert_no_error (error);
    }
}

static void
open_session (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_no_error (error);
}

static gint64
add_motion (Fixture       *fixture,
            YishiVoteForm  form)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add_motion (fixture->db, fixture->item, 0, "同意硬化道路",
                                              fixture->people[2], NULL, form, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_state_machine (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* planned → closed skips the session */
  g_assert_false (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                 YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  open_session (fixture);
  g_assert_false (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                 YISHI_MEETING_STATE_PLANNED, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);
  g_assert_false (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                 YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_set_state (fixture->db, 999, YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
}

static void
test_closed_refuses_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 motion;

  attend (fixture, 5, YISHI_ATTENDANCE_ABSENT);
  open_session (fixture);
  motion = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_CLOSED, &error));
  before = rows_of (fixture, "SELECT person_id, status, signed_in_at FROM attendance UNION ALL SELECT id, motion_id, verdict"
                             " FROM vote ORDER BY 1, 2");

  g_assert_false (yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[7],
                                              YISHI_ATTENDANCE_PRESENT, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "closed"));
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 5, 0, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_add_item (fixture->db, fixture->meeting, "其他", 0, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_add_motion (fixture->db, fixture->item, 0, "再议", 0, NULL,
                                                   YISHI_VOTE_FORM_HANDS, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);

  after = rows_of (fixture, "SELECT person_id, status, signed_in_at FROM attendance UNION ALL SELECT id, motion_id, verdict"
                            " FROM vote ORDER BY 1, 2");
  g_assert_cmpstr (after, ==, before);
}

/* A vote before the session opens is refused too. */
static void
test_vote_needs_session (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 motion;

  attend (fixture, 8, YISHI_ATTENDANCE_ABSENT);
  motion = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 5, 0, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
}

/* Counts that break VOTING.md's relations are refused with the broken
 * relation named, and nothing is stored. */
static void
test_counts_checked_first (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *votes = NULL;
  gint64 motion, secret;

  attend (fixture, 6, YISHI_ATTENDANCE_ABSENT);
  open_session (fixture);
  motion = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 4, 2, 1, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "(7)"));
  g_assert_nonnull (strstr (error->message, "(6)"));
  g_clear_error (&error);

  /* invalid ballots belong to secret ballots */
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 4, 0, 0, 1, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  secret = add_motion (fixture, YISHI_VOTE_FORM_SECRET);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, secret, 4, 1, 1, 1, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "(7)"));
  g_clear_error (&error);

  votes = rows_of (fixture, "SELECT count(*) FROM vote");
  g_assert_cmpstr (votes, ==, "0\n");

  /* the rule may change until the vote: unanimity now fails 4 of 6 */
  {
    YishiVoteRule rule;

    yishi_vote_rule_init_default (&rule);
    rule.majority = YISHI_VOTE_MAJORITY_UNANIMOUS;
    g_assert_true (yishi_meeting_store_set_motion_rule (fixture->db, motion, &rule,
                                                        YISHI_VOTE_FORM_HANDS, &error));
    g_assert_no_error (error);
    rule.majority = YISHI_VOTE_MAJORITY_SIMPLE;
    g_assert_true (yishi_meeting_store_set_motion_rule (fixture->db, motion, &rule,
                                                        YISHI_VOTE_FORM_HANDS, &error));
  }

  /* and once right, it is stored with the engine's verdict, once */
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 4, 1, 1, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 4, 1, 1, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  {
    YishiVoteRule rule;

    yishi_vote_rule_init_default (&rule);
    g_assert_false (yishi_meeting_store_set_motion_rule (fixture->db, motion, &rule,
                                                         YISHI_VOTE_FORM_SECRET, &error));
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  }
  g_clear_pointer (&votes, g_free);
  votes = rows_of (fixture, "SELECT members, present, yes, no, abstain, invalid, verdict, required FROM vote");
  g_assert_cmpstr (votes, ==, "8|6|4|1|1|0|passed|4\n");
}

/* 4 of 8 present is not more than half: stored, as no-quorum. */
static void
test_no_quorum_recorded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *votes = NULL;
  YishiVoteResult result;
  gint64 motion;

  attend (fixture, 4, YISHI_ATTENDANCE_EXCUSED);
  open_session (fixture);
  motion = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 4, 0, 0, 0, &result, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (result.verdict, ==, YISHI_VOTE_VERDICT_NO_QUORUM);
  votes = rows_of (fixture, "SELECT members, present, yes, verdict FROM vote");
  g_assert_cmpstr (votes, ==, "8|4|4|no-quorum\n");
}

/* A late arrival keeps the time of the first sign-in; P counts what
 * attendance says when the vote is taken. */
static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  attend (fixture, 0, YISHI_ATTENDANCE_ABSENT);
  rows = rows_of (fixture, "SELECT count(*) FROM attendance WHERE signed_in_at IS NULL");
  g_assert_cmpstr (rows, ==, "8\n");
  g_clear_pointer (&rows, g_free);
  yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[0],
                              YISHI_ATTENDANCE_PRESENT, &error);
  g_assert_no_error (error);
  rows = rows_of (fixture, "SELECT status, signed_in_at IS NOT NULL FROM attendance ORDER BY person_id LIMIT 1");
  g_assert_cmpstr (rows, ==, "present|1\n");
  g_clear_pointer (&rows, g_free);
  /* the same time stays */
  {
    g_autofree char *first = rows_of (fixture, "SELECT signed_in_at FROM attendance WHERE status = 'present'");
    g_autofree char *second = NULL;

    g_usleep (1100 * 1000);
    yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[0],
                                YISHI_ATTENDANCE_PRESENT, &error);
    g_assert_no_error (error);
    second = rows_of (fixture, "SELECT signed_in_at FROM attendance WHERE status = 'present'");
    g_assert_cmpstr (second, ==, first);
  }
}

/* Each roll-call voter must be a member signed in as present. */
static void
test_roll_call (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  YishiRollCallEntry entries[6];
  YishiVoteResult result;
  gint64 motion, hands;

  attend (fixture, 5, YISHI_ATTENDANCE_ABSENT);
  open_session (fixture);
  motion = add_motion (fixture, YISHI_VOTE_FORM_ROLL_CALL);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    entries[i] = (YishiRollCallEntry) { fixture->people[i], i < 3 ? YISHI_ROLL_CALL_YES : YISHI_ROLL_CALL_NO };

  /* the sixth is absent */
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, motion, entries, 6, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* named twice */
  entries[4].person_id = fixture->people[0];
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, motion, entries, 5, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  rows = rows_of (fixture, "SELECT (SELECT count(*) FROM vote), (SELECT count(*) FROM roll_call_vote)");
  g_assert_cmpstr (rows, ==, "0|0\n");
  g_clear_pointer (&rows, g_free);

  /* counts are for the other forms */
  hands = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, hands, entries, 4, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, 3, 1, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, motion, entries, 4, &result, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (result.verdict, ==, YISHI_VOTE_VERDICT_PASSED);
  rows = rows_of (fixture, "SELECT v.members, v.present, v.yes, v.no, count(r.person_id) FROM vote v"
                           " JOIN roll_call_vote r ON r.vote_id = v.id GROUP BY v.id");
  g_assert_cmpstr (rows, ==, "8|5|3|1|4\n");
}

/* E is the membership on the meeting's own date. */
static void
test_membership_by_date (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 late, later_meeting, item, motion;
  YishiVoteResult result;
  guint count = 0;

  g_assert_true (yishi_council_store_end_member (fixture->db, fixture->memberships[7], "2024-03-01", &error));
  g_assert_no_error (error);
  g_assert_false (yishi_council_store_end_member (fixture->db, fixture->memberships[7], "2024-03-02", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  late = yishi_test_add_person (fixture->db, "新委员");
  yishi_council_store_add_member (fixture->db, fixture->council, late,
                                  YISHI_COUNCIL_POSITION_REPRESENTATIVE, "2024-06-01", &error);
  g_assert_no_error (error);

  g_assert_true (yishi_council_store_count_members (fixture->db, fixture->council, "2024-02-29", &count, &error));
  g_assert_cmpuint (count, ==, 8);
  g_assert_true (yishi_council_store_count_members (fixture->db, fixture->council, "2024-03-01", &count, &error));
  g_assert_cmpuint (count, ==, 7);
  g_assert_true (yishi_council_store_count_members (fixture->db, fixture->council, "2024-06-01", &count, &error));
  g_assert_cmpuint (count, ==, 8);
  g_assert_no_error (error);
  g_assert_false (yishi_council_store_count_members (fixture->db, fixture->council, "2024-13-01", &count, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* on 2024-05-10: 7 members; the one who left cannot vote */
  attend (fixture, 8, YISHI_ATTENDANCE_ABSENT);
  open_session (fixture);
  motion = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  yishi_meeting_store_record_vote (fixture->db, motion, 7, 0, 0, 0, &result, &error);
  g_assert_no_error (error);
  {
    g_autofree char *rows = rows_of (fixture, "SELECT members, present FROM vote");

    g_assert_cmpstr (rows, ==, "7|7\n");
  }

  /* and in June, 8 again, the new one among them */
  later_meeting = yishi_meeting_store_add (fixture->db, fixture->council, "六月议事会",
                                           "2024-06-10 19:30", "", 0, 0, &error);
  g_assert_no_error (error);
  item = yishi_meeting_store_add_item (fixture->db, later_meeting, "议题", 0, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, later_meeting, YISHI_MEETING_STATE_IN_SESSION, &error));
  yishi_meeting_store_attend (fixture->db, later_meeting, late, YISHI_ATTENDANCE_PRESENT, &error);
  g_assert_no_error (error);
  motion = yishi_meeting_store_add_motion (fixture->db, item, 0, "动议", late, NULL,
                                           YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  yishi_meeting_store_record_vote (fixture->db, motion, 1, 0, 0, 0, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result.verdict, ==, YISHI_VOTE_VERDICT_NO_QUORUM);
  {
    g_autofree char *rows = rows_of (fixture, "SELECT members, present FROM vote ORDER BY id");

    g_assert_cmpstr (rows, ==, "7|7\n8|1\n");
  }
}

/* No table or column can link a member to a choice in a secret ballot:
 * the only table with both a person and a choice is roll_call_vote, it
 * refuses rows for anything but a roll call, and the stored rows of a
 * secret ballot are totals. */
static void
test_secret_ballot_unlinkable (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *linked = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *rows = NULL;
  gint64 motion, vote;

  attend (fixture, 7, YISHI_ATTENDANCE_ABSENT);
  open_session (fixture);
  motion = add_motion (fixture, YISHI_VOTE_FORM_SECRET);
  vote = yishi_meeting_store_record_vote (fixture->db, motion, 4, 2, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vote, >, 0);

  /* tables with a person column and a choice-like column */
  tables = rows_of (fixture, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  names = g_strsplit (g_strstrip (tables), "\n", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT group_concat(name, ',') FROM pragma_table_info('%s')"
                                              " WHERE name LIKE '%%person%%' OR name LIKE '%%member_id%%'"
                                              " OR name = 'choice' OR name = 'ballot'", names[i]);
      g_autofree char *columns = rows_of (fixture, sql);

      if (strstr (columns, "choice") != NULL)
        {
          g_assert_null (linked);
          linked = g_strdup (names[i]);
        }
    }
  g_assert_cmpstr (linked, ==, "roll_call_vote");

  /* the secret ballot's rows: totals only, nothing per person */
  rows = rows_of (fixture, "SELECT members, present, yes, no, abstain, invalid, verdict FROM vote");
  g_assert_cmpstr (rows, ==, "8|7|4|2|0|1|passed\n");
  g_clear_pointer (&rows, g_free);
  rows = rows_of (fixture, "SELECT count(*) FROM roll_call_vote");
  g_assert_cmpstr (rows, ==, "0\n");
  g_clear_pointer (&rows, g_free);

  /* and the schema itself refuses a per-person row for it */
  {
    sqlite3 *handle = NULL;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO roll_call_vote VALUES (%" G_GINT64_FORMAT
                                            ", %" G_GINT64_FORMAT ", 'yes')", vote, fixture->people[0]);

    g_assert_cmpint (sqlite3_open (yishi_database_get_path (fixture->db), &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (handle);
  }
}

static void
test_resolution (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  g_assert_cmpint (yishi_meeting_store_add_resolution (fixture->db, fixture->item, 0, "由物业负责硬化",
                                                       fixture->people[1], "2024-07-01", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_add_resolution (fixture->db, fixture->item, 0, "x", 0,
                                                       "2024-02-30", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  rows = rows_of (fixture, "SELECT text, due_on, follow_up FROM resolution");
  g_assert_cmpstr (rows, ==, "由物业负责硬化|2024-07-01|open\n");
}

/* 列席人员: from the register or by name only; final once closed. */
static void
test_observers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autofree char *rows = NULL;
  gint64 guest, named, mistake;
  const YishiSnapshotObserver *observer;

  guest = yishi_test_add_person (fixture->db, "街道办刘主任");
  g_assert_cmpint (yishi_meeting_store_add_observer (fixture->db, fixture->meeting, guest, NULL, &error), >, 0);
  g_assert_no_error (error);
  named = yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 0, "  物业公司代表 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (named, >, 0);

  g_assert_cmpint (yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 0, "  ", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 999, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_meeting_store_add_observer (fixture->db, 999, 0, "某人", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->observers->len, ==, 2);
  observer = snapshot->observers->pdata[0];
  g_assert_cmpint (observer->person_id, ==, guest);
  g_assert_cmpstr (observer->name, ==, "街道办刘主任");
  observer = snapshot->observers->pdata[1];
  g_assert_cmpint (observer->id, ==, named);
  g_assert_cmpint (observer->person_id, ==, 0);
  g_assert_cmpstr (observer->name, ==, "物业公司代表");
  /* observers are not attendance, and do not count as present */
  g_assert_cmpuint (snapshot->attendance->len, ==, 0);
  g_assert_cmpuint (snapshot->present, ==, 0);

  /* one added by mistake comes off the list again */
  mistake = yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 0, "写错的名字", &error);
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_remove_observer (fixture->db, mistake, &error));
  g_assert_no_error (error);
  g_assert_false (yishi_meeting_store_remove_observer (fixture->db, mistake, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  open_session (fixture);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_cmpint (yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 0, "迟到的人", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_false (yishi_meeting_store_remove_observer (fixture->db, named, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  rows = rows_of (fixture, "SELECT coalesce(person_id, 'NULL'), name FROM meeting_observer ORDER BY id");
  g_assert_cmpstr (strstr (rows, "\n") + 1, ==, "NULL|物业公司代表\n");
}

/* open → in-progress → done, in any order, after the meeting too. */
static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autofree char *rows = NULL;
  gint64 late, later;
  YishiFollowUp key;

  late = yishi_meeting_store_add_resolution (fixture->db, fixture->item, 0, "物业负责", fixture->people[1],
                                             "2024-07-01", &error);
  g_assert_no_error (error);
  later = yishi_meeting_store_add_resolution (fixture->db, fixture->item, 0, "居委会跟进", 0,
                                              "2999-12-31", &error);
  g_assert_no_error (error);
  yishi_meeting_store_add_resolution (fixture->db, fixture->item, 0, "没有期限", 0, NULL, &error);
  g_assert_no_error (error);
  open_session (fixture);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_CLOSED, &error));

  follow_ups = yishi_meeting_store_list_follow_ups (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 3);
  g_assert_true (((YishiFollowUpRow *) follow_ups->pdata[0])->overdue);
  g_assert_false (((YishiFollowUpRow *) follow_ups->pdata[1])->overdue);
  g_assert_false (((YishiFollowUpRow *) follow_ups->pdata[2])->overdue);
  g_clear_pointer (&follow_ups, g_ptr_array_unref);

  g_assert_true (yishi_meeting_store_set_follow_up (fixture->db, late, YISHI_FOLLOW_UP_IN_PROGRESS, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_follow_up (fixture->db, later, YISHI_FOLLOW_UP_DONE, &error));
  g_assert_no_error (error);
  g_assert_false (yishi_meeting_store_set_follow_up (fixture->db, 999, YISHI_FOLLOW_UP_DONE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  rows = rows_of (fixture, "SELECT id, follow_up FROM resolution ORDER BY id");
  g_assert_cmpstr (rows, ==, "1|in-progress\n2|done\n3|open\n");

  follow_ups = yishi_meeting_store_list_follow_ups (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 2);
  g_assert_cmpint (((YishiFollowUpRow *) follow_ups->pdata[0])->resolution.id, ==, late);
  g_assert_cmpstr (((YishiFollowUpRow *) follow_ups->pdata[0])->resolution.follow_up, ==, "in-progress");

  g_assert_cmpstr (yishi_follow_up_to_key (YISHI_FOLLOW_UP_IN_PROGRESS), ==, "in-progress");
  g_assert_true (yishi_follow_up_from_key ("done", &key));
  g_assert_cmpint (key, ==, YISHI_FOLLOW_UP_DONE);
  g_assert_false (yishi_follow_up_from_key ("closed", &key));
}

/* An amendment is voted on before the motion it amends. */
static void
test_amendments (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autofree char *rows = NULL;
  gint64 parent, amendment, other_item, late;

  attend (fixture, 6, YISHI_ATTENDANCE_ABSENT);
  open_session (fixture);
  parent = add_motion (fixture, YISHI_VOTE_FORM_HANDS);
  amendment = yishi_meeting_store_add_motion (fixture->db, fixture->item, parent, "改为沥青路面",
                                              fixture->people[3], NULL, YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (amendment, >, 0);

  /* the parent must exist and be on the same item */
  g_assert_cmpint (yishi_meeting_store_add_motion (fixture->db, fixture->item, 999, "x", 0, NULL,
                                                   YISHI_VOTE_FORM_HANDS, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  other_item = yishi_meeting_store_add_item (fixture->db, fixture->meeting, "加装电梯", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_add_motion (fixture->db, other_item, parent, "x", 0, NULL,
                                                   YISHI_VOTE_FORM_HANDS, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* the parent waits for its amendment; nothing is written */
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, parent, 4, 1, 1, 0, NULL, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "amendment"));
  g_clear_error (&error);
  rows = rows_of (fixture, "SELECT count(*) FROM vote");
  g_assert_cmpstr (rows, ==, "0\n");

  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, amendment, 2, 4, 0, 0, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, parent, 4, 1, 1, 0, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* a voted motion can no longer be amended */
  late = yishi_meeting_store_add_motion (fixture->db, fixture->item, parent, "再改", 0, NULL,
                                         YISHI_VOTE_FORM_HANDS, &error);
  g_assert_cmpint (late, ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->motions->len, ==, 2);
  g_assert_cmpint (((YishiSnapshotMotion *) snapshot->motions->pdata[1])->parent_id, ==, parent);
}

/* The snapshot gathers the meeting; follow-ups span meetings. */
static void
test_show_and_follow_ups (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  const YishiSnapshotMotion *motion;
  gint64 secret;

  attend (fixture, 6, YISHI_ATTENDANCE_EXCUSED);
  open_session (fixture);
  secret = add_motion (fixture, YISHI_VOTE_FORM_SECRET);
  yishi_meeting_store_record_vote (fixture->db, secret, 3, 2, 1, 0, NULL, &error);
  g_assert_no_error (error);
  yishi_meeting_store_add_resolution (fixture->db, 0, secret, "物业负责", fixture->people[1],
                                      "2024-07-01", &error);
  g_assert_no_error (error);
  yishi_meeting_store_add_resolution (fixture->db, fixture->item, 0, "居委会跟进", 0, NULL, &error);
  g_assert_no_error (error);

  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (snapshot->title, ==, "五月议事会");
  g_assert_cmpstr (snapshot->chair, ==, "委员1");
  g_assert_cmpint (snapshot->chair_id, ==, fixture->people[0]);
  g_assert_cmpint (snapshot->secretary_id, ==, fixture->people[1]);
  g_assert_cmpint (snapshot->state, ==, YISHI_MEETING_STATE_IN_SESSION);
  g_assert_cmpuint (snapshot->members, ==, 8);
  g_assert_cmpuint (snapshot->present, ==, 6);
  g_assert_cmpuint (snapshot->attendance->len, ==, 8);
  g_assert_cmpuint (snapshot->items->len, ==, 1);
  g_assert_cmpuint (snapshot->motions->len, ==, 1);
  motion = snapshot->motions->pdata[0];
  g_assert_true (motion->voted);
  g_assert_cmpint (motion->verdict, ==, YISHI_VOTE_VERDICT_FAILED);
  g_assert_cmpuint (motion->required, ==, 4);
  g_assert_cmpuint (motion->roll_call->len, ==, 0);
  g_assert_cmpuint (snapshot->resolutions->len, ==, 2);
  g_assert_null (yishi_meeting_store_show (fixture->db, 99, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);

  follow_ups = yishi_meeting_store_list_follow_ups (fixture->db, NULL);
  g_assert_cmpuint (follow_ups->len, ==, 2);
  g_assert_cmpstr (((YishiFollowUpRow *) follow_ups->pdata[0])->resolution.due_on, ==, "2024-07-01");
  g_assert_cmpstr (((YishiFollowUpRow *) follow_ups->pdata[0])->meeting, ==, "五月议事会");
  meetings = yishi_meeting_store_list (fixture->db, NULL);
  g_assert_cmpuint (meetings->len, ==, 1);
  councils = yishi_council_store_list (fixture->db, NULL);
  g_assert_cmpuint (councils->len, ==, 1);
}

static void
test_keys (void)
{
  YishiMeetingState state;
  YishiVoteForm form;
  YishiCouncilPosition position;

  g_assert_cmpstr (yishi_meeting_state_to_key (YISHI_MEETING_STATE_IN_SESSION), ==, "in-session");
  g_assert_true (yishi_meeting_state_from_key ("closed", &state));
  g_assert_cmpint (state, ==, YISHI_MEETING_STATE_CLOSED);
  g_assert_false (yishi_meeting_state_from_key ("open", &state));
  g_assert_true (yishi_vote_form_from_key ("roll-call", &form));
  g_assert_cmpint (form, ==, YISHI_VOTE_FORM_ROLL_CALL);
  g_assert_cmpstr (yishi_attendance_to_key (YISHI_ATTENDANCE_EXCUSED), ==, "excused");
  g_assert_true (yishi_council_position_from_key ("deputy-director", &position));
  g_assert_cmpint (position, ==, YISHI_COUNCIL_POSITION_DEPUTY_DIRECTOR);
  g_assert_false (yishi_council_position_from_key ("chair", &position));
}

#define ADD(path, func) \
  g_test_add ("/meeting-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-store/keys", test_keys);
  ADD ("state-machine", test_state_machine);
  ADD ("closed-refuses-changes", test_closed_refuses_changes);
  ADD ("vote-needs-session", test_vote_needs_session);
  ADD ("counts-checked-first", test_counts_checked_first);
  ADD ("no-quorum-recorded", test_no_quorum_recorded);
  ADD ("attendance", test_attendance);
  ADD ("roll-call", test_roll_call);
  ADD ("membership-by-date", test_membership_by_date);
  ADD ("secret-ballot-unlinkable", test_secret_ballot_unlinkable);
  ADD ("resolution", test_resolution);
  ADD ("show-and-follow-ups", test_show_and_follow_ups);
  ADD ("observers", test_observers);
  ADD ("follow-up", test_follow_up);
  ADD ("amendments", test_amendments);

  return g_test_run ();
}
