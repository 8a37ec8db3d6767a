#include <locale.h>

#include <sqlite3.h>

#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-store.h"
#include "yishi-person-store.h"
#include "yishi-speech-store.h"
#include "yishi-test-util.h"

/* A council of five from 2024-01-01 (default rules: 120 seconds, two
 * turns), a meeting in session with two agenda items and a motion on
 * the first. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         council;
  gint64         meeting;
  gint64         item;
  gint64         other_item;
  gint64         motion;
  gint64         people[5];
} Fixture;

static const char * const names[] = { "王桂兰", "李建国", "张秀英", "赵志强", "陈小明" };

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
  fixture->other_item = yishi_meeting_store_add_item (fixture->db, fixture->meeting, "加装电梯", 0, &error);
  g_assert_no_error (error);
  fixture->motion = yishi_meeting_store_add_motion (fixture->db, fixture->item, 0, "同意硬化道路",
                                                    fixture->people[1], NULL, YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting,
                                                YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_no_error (error);
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

static gint64
enqueue (Fixture *fixture,
         gint64   item,
         gint64   motion,
         guint    person)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_speech_store_enqueue (fixture->db, item, motion, fixture->people[person], &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
speak (Fixture    *fixture,
       gint64      speech,
       const char *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_speech_store_give_floor (fixture->db, speech, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_speech_store_end (fixture->db, speech, note, &error));
  g_assert_no_error (error);
}

static const YishiSpeechRow *
find_row (GPtrArray *rows,
          gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((YishiSpeechRow *) rows->pdata[i])->id == id)
      return rows->pdata[i];
  return NULL;
}

static GPtrArray *
list (Fixture *fixture,
      gint64   item)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = yishi_speech_store_list (fixture->db, item, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* "YYYY-MM-DD HH:MM:SS", the local time of now, give or take a few
 * seconds. */
static void
assert_local_now (const char *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, 19);
  g_assert_true (text[10] == ' ');
  iso = g_strdup_printf ("%.10sT%s", text, text + 11);
  parsed = g_date_time_new_from_iso8601 (iso, local);
  g_assert_nonnull (parsed);
  g_assert_cmpint (ABS (g_date_time_difference (now, parsed)), <, 5 * G_USEC_PER_SEC);
}

static void
test_keys (void)
{
  YishiSpeechState state;

  g_assert_cmpstr (yishi_speech_state_to_key (YISHI_SPEECH_QUEUED), ==, "queued");
  g_assert_cmpstr (yishi_speech_state_to_key (YISHI_SPEECH_SPEAKING), ==, "speaking");
  g_assert_cmpstr (yishi_speech_state_to_key (YISHI_SPEECH_DONE), ==, "done");
  g_assert_true (yishi_speech_state_from_key ("speaking", &state));
  g_assert_cmpint (state, ==, YISHI_SPEECH_SPEAKING);
  g_assert_false (yishi_speech_state_from_key ("waiting", &state));
  g_assert_false (yishi_speech_state_from_key (NULL, &state));
}

/* The queue keeps the order people asked in; a turn is stamped with
 * the local time when it starts and ends. */
static void
test_queue_order (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const YishiSpeechRow *row;
  gint64 first, second, third;

  third = enqueue (fixture, fixture->item, 0, 2);
  first = enqueue (fixture, fixture->item, fixture->motion, 0);
  second = enqueue (fixture, fixture->item, 0, 4);
  rows = list (fixture, fixture->item);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((YishiSpeechRow *) rows->pdata[0])->id, ==, third);
  g_assert_cmpint (((YishiSpeechRow *) rows->pdata[1])->id, ==, first);
  g_assert_cmpint (((YishiSpeechRow *) rows->pdata[2])->id, ==, second);
  row = rows->pdata[1];
  g_assert_cmpstr (row->name, ==, "王桂兰");
  g_assert_cmpint (row->person_id, ==, fixture->people[0]);
  g_assert_cmpint (row->item_id, ==, fixture->item);
  g_assert_cmpint (row->motion_id, ==, fixture->motion);
  g_assert_cmpint (((YishiSpeechRow *) rows->pdata[0])->motion_id, ==, 0);
  g_assert_cmpint (row->state, ==, YISHI_SPEECH_QUEUED);
  g_assert_cmpuint (row->turn, ==, 1);
  g_assert_null (row->started_at);
  g_assert_null (row->ended_at);
  g_assert_cmpstr (row->note, ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the other item has its own queue */
  rows = list (fixture, fixture->other_item);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (yishi_speech_store_give_floor (fixture->db, first, &error));
  g_assert_no_error (error);
  rows = list (fixture, fixture->item);
  row = find_row (rows, first);
  g_assert_cmpint (row->state, ==, YISHI_SPEECH_SPEAKING);
  assert_local_now (row->started_at);
  g_assert_null (row->ended_at);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (yishi_speech_store_end (fixture->db, first, NULL, &error));
  g_assert_no_error (error);
  rows = list (fixture, fixture->item);
  row = find_row (rows, first);
  g_assert_cmpint (row->state, ==, YISHI_SPEECH_DONE);
  assert_local_now (row->ended_at);
  g_assert_cmpstr (row->started_at, <=, row->ended_at);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_null (yishi_speech_store_list (fixture->db, 999, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
}

static void
assert_refused (Fixture     *fixture,
                gint64       motion,
                guint        person,
                const char  *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, fixture->item, motion,
                                               fixture->people[person], &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_cmpstr (error->message, ==, message);
}

/* Two turns per person on one motion by default; the third is refused
 * with a message that says so. The item in general and other motions
 * count apart. */
static void
test_turn_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  YishiSpeakingRules rules;
  gint64 second, general, other_motion, third;

  g_assert_true (yishi_council_store_get_speaking_rules (fixture->db, fixture->council, &rules, &error));
  g_assert_cmpuint (rules.max_turns, ==, 2);
  g_assert_cmpuint (rules.speech_seconds, ==, 120);
  g_assert_false (rules.requires_seconder);

  speak (fixture, enqueue (fixture, fixture->item, fixture->motion, 0), NULL);
  second = enqueue (fixture, fixture->item, fixture->motion, 0);
  speak (fixture, second, NULL);
  assert_refused (fixture, fixture->motion, 0, "王桂兰 has already had 2 turns on this motion; the council allows 2.");

  /* on the item in general, and on another motion, the count starts again */
  general = enqueue (fixture, fixture->item, 0, 0);
  speak (fixture, general, NULL);
  other_motion = yishi_meeting_store_add_motion (fixture->db, fixture->item, 0, "另议", 0, NULL,
                                                 YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  speak (fixture, enqueue (fixture, fixture->item, other_motion, 0), NULL);

  rows = list (fixture, fixture->item);
  g_assert_cmpuint (((YishiSpeechRow *) find_row (rows, second))->turn, ==, 2);
  g_assert_cmpuint (((YishiSpeechRow *) find_row (rows, general))->turn, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the council allows three now: a third turn, numbered 3, then no more */
  rules.max_turns = 3;
  g_assert_true (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  g_assert_no_error (error);
  third = enqueue (fixture, fixture->item, fixture->motion, 0);
  rows = list (fixture, fixture->item);
  g_assert_cmpuint (((YishiSpeechRow *) find_row (rows, third))->turn, ==, 3);
  speak (fixture, third, NULL);
  assert_refused (fixture, fixture->motion, 0, "王桂兰 has already had 3 turns on this motion; the council allows 3.");

  /* and one: the general turn already had is the limit */
  rules.max_turns = 1;
  g_assert_true (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  assert_refused (fixture, 0, 0, "王桂兰 has already had 1 turn on this agenda item; the council allows 1.");
  /* someone else still has their one turn */
  enqueue (fixture, fixture->item, fixture->motion, 3);

  /* no turns at all is not a rule */
  rules.max_turns = 0;
  g_assert_false (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
}

/* A turn waiting in the queue counts as one taken. */
static void
test_queued_turn_counts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  YishiSpeakingRules rules = { 60, 1, FALSE };
  gint64 waiting;

  g_assert_true (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  waiting = enqueue (fixture, fixture->item, fixture->motion, 1);
  assert_refused (fixture, fixture->motion, 1, "李建国 is already in the queue for agenda item 1.");
  g_assert_true (yishi_speech_store_give_floor (fixture->db, waiting, &error));
  assert_refused (fixture, 0, 1, "李建国 has the floor on agenda item 1 already.");
  g_assert_true (yishi_speech_store_end (fixture->db, waiting, NULL, &error));
  assert_refused (fixture, fixture->motion, 1, "李建国 has already had 1 turn on this motion; the council allows 1.");
  g_assert_no_error (error);
}

/* One speaker in the whole meeting; the message names who has the
 * floor. */
static void
test_one_speaker (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  first = enqueue (fixture, fixture->item, 0, 2);
  second = enqueue (fixture, fixture->other_item, 0, 3);
  g_assert_true (yishi_speech_store_give_floor (fixture->db, first, &error));
  g_assert_no_error (error);

  g_assert_false (yishi_speech_store_give_floor (fixture->db, second, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_cmpstr (error->message, ==, "张秀英 has the floor: end their turn first.");
  g_clear_error (&error);
  /* giving it twice is refused too */
  g_assert_false (yishi_speech_store_give_floor (fixture->db, first, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  /* only the one who has the floor can end a turn */
  g_assert_false (yishi_speech_store_end (fixture->db, second, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "赵志强"));
  g_clear_error (&error);

  g_assert_true (yishi_speech_store_end (fixture->db, first, "同意", &error));
  g_assert_true (yishi_speech_store_give_floor (fixture->db, second, &error));
  g_assert_no_error (error);
  /* a turn that is over does not start again */
  g_assert_false (yishi_speech_store_give_floor (fixture->db, first, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_false (yishi_speech_store_end (fixture->db, first, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_false (yishi_speech_store_give_floor (fixture->db, 999, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
}

/* The floor is given in session only; a planned meeting may take
 * names for the queue already. */
static void
test_floor_needs_session (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting, item, speech;

  meeting = yishi_meeting_store_add (fixture->db, fixture->council, "六月议事会", "2024-06-10 19:30",
                                     "", 0, 0, &error);
  item = yishi_meeting_store_add_item (fixture->db, meeting, "议题", 0, &error);
  g_assert_no_error (error);
  speech = enqueue (fixture, item, 0, 0);
  g_assert_false (yishi_speech_store_give_floor (fixture->db, speech, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "not in session"));
  g_clear_error (&error);

  /* each meeting has its own floor */
  g_assert_true (yishi_speech_store_give_floor (fixture->db, enqueue (fixture, fixture->item, 0, 1), &error));
  g_assert_true (yishi_meeting_store_set_state (fixture->db, meeting, YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_true (yishi_speech_store_give_floor (fixture->db, speech, &error));
  g_assert_no_error (error);
}

/* Once closed, the speeches are part of the record. */
static void
test_closed_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 done, waiting;

  done = enqueue (fixture, fixture->item, 0, 0);
  speak (fixture, done, "赞成");
  waiting = enqueue (fixture, fixture->item, 0, 1);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting, YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);
  before = list (fixture, fixture->item);

  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, fixture->item, 0, fixture->people[2], &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "closed"));
  g_clear_error (&error);
  g_assert_false (yishi_speech_store_set_note (fixture->db, done, "改", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  /* closing took the one still waiting off the queue */
  g_assert_false (yishi_speech_store_give_floor (fixture->db, waiting, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = list (fixture, fixture->item);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpstr (((YishiSpeechRow *) after->pdata[0])->note, ==, "赞成");
}

/* Closing the meeting ends the turn in progress and clears the queue,
 * in the same transaction; what was said stays. */
static void
test_close_ends_turns (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 done, speaking, waiting;
  const YishiSpeechRow *row;

  done = enqueue (fixture, fixture->item, 0, 0);
  speak (fixture, done, "赞成");
  speaking = enqueue (fixture, fixture->item, 0, 1);
  waiting = enqueue (fixture, fixture->item, 0, 2);
  g_assert_true (yishi_speech_store_give_floor (fixture->db, speaking, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting, YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);

  after = list (fixture, fixture->item);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_null (find_row (after, waiting));
  row = find_row (after, speaking);
  g_assert_nonnull (row);
  g_assert_cmpint (row->state, ==, YISHI_SPEECH_DONE);
  g_assert_nonnull (row->ended_at);
  g_assert_cmpstr (find_row (after, done)->note, ==, "赞成");
}

/* Only a queued turn can be withdrawn; it leaves no trace. */
static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 queued, speaking, again;

  queued = enqueue (fixture, fixture->item, fixture->motion, 0);
  speaking = enqueue (fixture, fixture->item, 0, 1);
  g_assert_true (yishi_speech_store_withdraw (fixture->db, queued, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_speech_store_give_floor (fixture->db, speaking, &error));
  g_assert_false (yishi_speech_store_withdraw (fixture->db, speaking, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_true (yishi_speech_store_end (fixture->db, speaking, NULL, &error));
  g_assert_false (yishi_speech_store_withdraw (fixture->db, speaking, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_false (yishi_speech_store_withdraw (fixture->db, queued, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* queued again, it is the same first turn */
  again = enqueue (fixture, fixture->item, fixture->motion, 0);
  rows = list (fixture, fixture->item);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_null (find_row (rows, queued));
  g_assert_cmpuint (((YishiSpeechRow *) find_row (rows, again))->turn, ==, 1);
}

/* A note, trimmed, from the end of the turn or any time before the
 * meeting closes; ending without one keeps what was written. */
static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second, queued;

  first = enqueue (fixture, fixture->item, 0, 0);
  speak (fixture, first, "  赞成硬化，建议分两期  ");
  second = enqueue (fixture, fixture->item, 0, 1);
  g_assert_true (yishi_speech_store_give_floor (fixture->db, second, &error));
  g_assert_true (yishi_speech_store_set_note (fixture->db, second, "担心施工噪音", &error));
  g_assert_true (yishi_speech_store_end (fixture->db, second, NULL, &error));
  queued = enqueue (fixture, fixture->item, 0, 2);
  g_assert_true (yishi_speech_store_set_note (fixture->db, queued, "要求发言：电梯", &error));
  g_assert_true (yishi_speech_store_set_note (fixture->db, first, "赞成硬化", &error));
  g_assert_no_error (error);
  g_assert_false (yishi_speech_store_set_note (fixture->db, 999, "x", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);

  rows = list (fixture, fixture->item);
  g_assert_cmpstr (((YishiSpeechRow *) find_row (rows, first))->note, ==, "赞成硬化");
  g_assert_cmpstr (((YishiSpeechRow *) find_row (rows, second))->note, ==, "担心施工噪音");
  g_assert_cmpstr (((YishiSpeechRow *) find_row (rows, queued))->note, ==, "要求发言：电梯");
  g_assert_cmpint (((YishiSpeechRow *) find_row (rows, queued))->state, ==, YISHI_SPEECH_QUEUED);
}

/* A turn on a motion is on that motion's item, and before its vote;
 * the person and the item must exist. */
static void
test_enqueue_checks (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, fixture->other_item, fixture->motion,
                                               fixture->people[0], &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, fixture->item, 999, fixture->people[0], &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, fixture->item, 0, 999, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, 999, 0, fixture->people[0], &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  for (guint i = 0; i < 4; i++)
    yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[i], YISHI_ATTENDANCE_PRESENT, &error);
  yishi_meeting_store_record_vote (fixture->db, fixture->motion, 3, 1, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_speech_store_enqueue (fixture->db, fixture->item, fixture->motion,
                                               fixture->people[0], &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  rows = list (fixture, fixture->item);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* The meeting's snapshot: the speeches by item position, then in
 * queue order, and the council's speaking rules. */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  YishiSpeakingRules rules = { 90, 3, TRUE };
  gint64 a, b, c;

  a = enqueue (fixture, fixture->other_item, 0, 0);
  b = enqueue (fixture, fixture->item, 0, 1);
  c = enqueue (fixture, fixture->item, fixture->motion, 2);
  g_assert_true (yishi_council_store_set_speaking_rules (fixture->db, fixture->council, &rules, &error));
  g_assert_no_error (error);

  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->speeches->len, ==, 3);
  g_assert_cmpint (((YishiSpeechRow *) snapshot->speeches->pdata[0])->id, ==, b);
  g_assert_cmpint (((YishiSpeechRow *) snapshot->speeches->pdata[1])->id, ==, c);
  g_assert_cmpint (((YishiSpeechRow *) snapshot->speeches->pdata[2])->id, ==, a);
  g_assert_cmpstr (((YishiSpeechRow *) snapshot->speeches->pdata[2])->name, ==, "王桂兰");
  g_assert_cmpuint (snapshot->speaking.speech_seconds, ==, 90);
  g_assert_cmpuint (snapshot->speaking.max_turns, ==, 3);
  g_assert_true (snapshot->speaking.requires_seconder);
  g_clear_pointer (&snapshot, yishi_meeting_snapshot_free);

  /* the agenda's new order is the snapshot's */
  g_assert_true (yishi_meeting_store_move_item (fixture->db, fixture->other_item, 1, &error));
  g_assert_no_error (error);
  snapshot = yishi_meeting_store_show (fixture->db, fixture->meeting, &error);
  g_assert_cmpint (((YishiSpeechRow *) snapshot->speeches->pdata[0])->id, ==, a);
  g_assert_cmpint (((YishiSpeechRow *) snapshot->speeches->pdata[2])->id, ==, c);
}

/* The schema backs the store: a turn's times agree with its state, and
 * a person waits once per item. */
static void
test_schema_checks (Fixture       *fixture,
                    gconstpointer  data)
{
  sqlite3 *handle = NULL;
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->item);
  g_autofree char *bad_time = g_strdup_printf ("INSERT INTO speech (agenda_item_id, person_id, state, turn,"
                                               " started_at) VALUES (%s, 1, 'speaking', 1, '2024-05-10T19:31:00Z')",
                                               item);
  g_autofree char *queued_started = g_strdup_printf ("INSERT INTO speech (agenda_item_id, person_id, state, turn,"
                                                     " started_at) VALUES (%s, 1, 'queued', 1,"
                                                     " '2024-05-10 19:31:00')", item);
  g_autofree char *twice = g_strdup_printf ("INSERT INTO speech (agenda_item_id, person_id, turn)"
                                            " VALUES (%s, 1, 1); INSERT INTO speech (agenda_item_id, person_id,"
                                            " turn) VALUES (%s, 1, 2)", item, item);
  g_autofree char *state = g_strdup_printf ("INSERT INTO speech (agenda_item_id, person_id, state, turn)"
                                            " VALUES (%s, 1, 'waiting', 1)", item);

  g_assert_cmpint (sqlite3_open (yishi_database_get_path (fixture->db), &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, bad_time, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle, queued_started, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle, state, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, twice, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

#define ADD(path, func) \
  g_test_add ("/speech-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/speech-store/keys", test_keys);
  ADD ("queue-order", test_queue_order);
  ADD ("turn-limit", test_turn_limit);
  ADD ("queued-turn-counts", test_queued_turn_counts);
  ADD ("one-speaker", test_one_speaker);
  ADD ("floor-needs-session", test_floor_needs_session);
  ADD ("closed-refused", test_closed_refused);
  ADD ("close-ends-turns", test_close_ends_turns);
  ADD ("withdraw", test_withdraw);
  ADD ("notes", test_notes);
  ADD ("enqueue-checks", test_enqueue_checks);
  ADD ("snapshot", test_snapshot);
  ADD ("schema-checks", test_schema_checks);

  return g_test_run ();
}
