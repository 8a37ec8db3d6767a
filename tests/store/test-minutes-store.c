#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-minutes-store.h"
#include "yishi-person-store.h"
#include "yishi-test-util.h"

/* 2024-05-10 11:30:00 UTC: the clock the records of the meetings are
 * stamped with, so that the canonical form is known to the byte. */
#define CLOCK 1715340600

enum
{
  ZHANG,  /* 张秀英, director, chairs the May meeting */
  LI,     /* 李建国, member, its secretary */
  WANG,   /* 王桂兰, member */
  ZHAO,   /* 赵志强, member */
  CHEN,   /* 陈小明, member, excused */
  LIU,    /* 刘春华, not a member: chairs the June meeting */
  SUN,    /* 孙丽, not a member: its secretary */
  N_PEOPLE
};

static const char * const names[N_PEOPLE] = { "张秀英", "李建国", "王桂兰", "赵志强", "陈小明", "刘春华", "孙丽" };

typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         council;
  gint64         people[N_PEOPLE];
  gint64         memberships[N_PEOPLE]; /* 0 for those not members */
} Fixture;

/* A closed meeting with its whole record: two items, attendance, an
 * observer, speeches, a passed motion by hands on the first item, a
 * roll call and a failed amendment to it on the second, a resolution on
 * the first item and one on the roll call's motion alone. */
typedef struct
{
  gint64 meeting;
  gint64 items[2];
  gint64 motion;
  gint64 roll_call;
  gint64 amendment;
  gint64 resolution;
  gint64 motion_resolution;
} Meeting;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  yishi_database_set_clock (fixture->db, CLOCK);
  fixture->council = yishi_council_store_add (fixture->db, "幸福里社区居民议事会", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      fixture->people[i] = yishi_test_add_person (fixture->db, names[i]);
      if (i <= CHEN)
        fixture->memberships[i] = yishi_council_store_add_member (fixture->db, fixture->council, fixture->people[i],
                                        i == ZHANG ? YISHI_COUNCIL_POSITION_DIRECTOR : YISHI_COUNCIL_POSITION_MEMBER,
                                        "2024-01-01", &error);
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

static void
set_state (Fixture           *fixture,
           gint64             meeting,
           YishiMeetingState  state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_set_state (fixture->db, meeting, state, &error));
  g_assert_no_error (error);
}

/* ZHANG to ZHAO present, CHEN excused, and @meeting in session. */
static void
open_meeting (Fixture *fixture,
              gint64   meeting)
{
  for (guint i = ZHANG; i <= CHEN; i++)
    {
      g_autoptr(GError) error = NULL;

      yishi_meeting_store_attend (fixture->db, meeting, fixture->people[i],
                                  i == CHEN ? YISHI_ATTENDANCE_EXCUSED : YISHI_ATTENDANCE_PRESENT, &error);
      g_assert_no_error (error);
    }
  set_state (fixture, meeting, YISHI_MEETING_STATE_IN_SESSION);
}

static void
speak (Fixture    *fixture,
       gint64      item,
       guint       who,
       const char *note)
{
  g_autoptr(GError) error = NULL;
  gint64 speech = yishi_speech_store_enqueue (fixture->db, item, 0, fixture->people[who], &error);

  g_assert_no_error (error);
  g_assert_true (yishi_speech_store_give_floor (fixture->db, speech, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_speech_store_end (fixture->db, speech, note, &error));
  g_assert_no_error (error);
}

static gint64
add_motion (Fixture       *fixture,
            gint64         item,
            gint64         parent,
            const char    *text,
            guint          mover,
            YishiVoteForm  form)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add_motion (fixture->db, item, parent, text, fixture->people[mover], NULL,
                                              form, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
vote (Fixture *fixture,
      gint64   motion,
      guint    yes,
      guint    no)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_meeting_store_record_vote (fixture->db, motion, yes, no, 4 - yes - no, 0, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
}

static void
build_meeting (Fixture    *fixture,
               const char *title,
               const char *starts_at,
               guint       chair,
               guint       secretary,
               const char *observer,
               Meeting    *out)
{
  g_autoptr(GError) error = NULL;
  YishiRollCallEntry entries[] = {
    { fixture->people[ZHANG], YISHI_ROLL_CALL_YES }, { fixture->people[LI], YISHI_ROLL_CALL_YES },
    { fixture->people[WANG], YISHI_ROLL_CALL_ABSTAIN }, { fixture->people[ZHAO], YISHI_ROLL_CALL_YES },
  };

  out->meeting = yishi_meeting_store_add (fixture->db, fixture->council, title, starts_at, "社区活动室",
                                          fixture->people[chair], fixture->people[secretary], &error);
  g_assert_no_error (error);
  out->items[0] = yishi_meeting_store_add_item (fixture->db, out->meeting, "增设老年人助餐点", 0, &error);
  g_assert_no_error (error);
  out->items[1] = yishi_meeting_store_add_item (fixture->db, out->meeting, "垃圾分类亭改造", 0, &error);
  g_assert_no_error (error);
  yishi_meeting_store_add_observer (fixture->db, out->meeting, 0, observer, &error);
  g_assert_no_error (error);
  open_meeting (fixture, out->meeting);

  speak (fixture, out->items[1], WANG, "建议分类亭加装雨棚");
  speak (fixture, out->items[1], ZHAO, "同意，费用由公益金列支。");
  /* one still waiting when the meeting closes says nothing */
  yishi_speech_store_enqueue (fixture->db, out->items[1], 0, fixture->people[LI], &error);
  g_assert_no_error (error);

  out->motion = add_motion (fixture, out->items[0], 0, "同意设立助餐点", WANG, YISHI_VOTE_FORM_HANDS);
  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, out->motion, fixture->people[ZHAO], &error));
  g_assert_no_error (error);
  vote (fixture, out->motion, 3, 1);
  out->roll_call = add_motion (fixture, out->items[1], 0, "同意改造垃圾分类亭", ZHAO, YISHI_VOTE_FORM_ROLL_CALL);
  out->amendment = add_motion (fixture, out->items[1], out->roll_call, "增加雨棚", WANG, YISHI_VOTE_FORM_HANDS);
  vote (fixture, out->amendment, 1, 3);
  g_assert_cmpint (yishi_meeting_store_record_roll_call (fixture->db, out->roll_call, entries,
                                                         G_N_ELEMENTS (entries), NULL, &error), >, 0);
  g_assert_no_error (error);
  out->resolution = yishi_meeting_store_add_resolution (fixture->db, out->items[0], 0, "由居委会联系餐饮企业",
                                                        fixture->people[LI], "2024-07-01", &error);
  g_assert_no_error (error);
  out->motion_resolution = yishi_meeting_store_add_resolution (fixture->db, 0, out->roll_call, "由物业实施改造",
                                                               0, NULL, &error);
  g_assert_no_error (error);
  set_state (fixture, out->meeting, YISHI_MEETING_STATE_CLOSED);
}

/* 五月议事会, chaired by 张秀英 with 李建国 as secretary. */
static void
build_may (Fixture *fixture,
           Meeting *out)
{
  build_meeting (fixture, "五月议事会", "2024-05-10 19:30", ZHANG, LI, "物业公司代表", out);
}

/* 六月议事会, chaired and written by two who are not in May's record. */
static void
build_june (Fixture *fixture,
            Meeting *out)
{
  build_meeting (fixture, "六月议事会", "2024-06-14 19:30", LIU, SUN, "街道办代表", out);
}

/* A meeting of @council in session on @starts_at, with one item and a
 * motion passed by 4 to 0, one failed by 1 to 3 and one not voted. */
static gint64
build_voting (Fixture    *fixture,
              gint64      council,
              const char *title,
              const char *starts_at,
              gint64     *out_failed,
              gint64     *out_unvoted,
              gint64     *out_meeting)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting, item, passed;

  meeting = yishi_meeting_store_add (fixture->db, council, title, starts_at, "社区活动室",
                                     fixture->people[ZHANG], fixture->people[LI], &error);
  g_assert_no_error (error);
  item = yishi_meeting_store_add_item (fixture->db, meeting, "审议上次会议记录", 0, &error);
  g_assert_no_error (error);
  open_meeting (fixture, meeting);
  passed = add_motion (fixture, item, 0, "通过上次会议记录", ZHANG, YISHI_VOTE_FORM_HANDS);
  vote (fixture, passed, 4, 0);
  if (out_failed != NULL)
    {
      *out_failed = add_motion (fixture, item, 0, "另行审议", WANG, YISHI_VOTE_FORM_HANDS);
      vote (fixture, *out_failed, 1, 3);
    }
  if (out_unvoted != NULL)
    *out_unvoted = add_motion (fixture, item, 0, "暂缓审议", ZHAO, YISHI_VOTE_FORM_HANDS);
  if (out_meeting != NULL)
    *out_meeting = meeting;
  return passed;
}

static YishiMinutes *
get_minutes (Fixture *fixture,
             gint64   meeting)
{
  g_autoptr(GError) error = NULL;
  YishiMinutes *minutes = yishi_minutes_store_get (fixture->db, meeting, &error);

  g_assert_no_error (error);
  g_assert_nonnull (minutes);
  return minutes;
}

static void
submit (Fixture *fixture,
        gint64   meeting)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_minutes_store_submit (fixture->db, meeting, &error));
  g_assert_no_error (error);
}

static void
approve_by_chair (Fixture *fixture,
                  gint64   meeting)
{
  g_autoptr(GError) error = NULL;

  submit (fixture, meeting);
  g_assert_true (yishi_minutes_store_approve_by_chair (fixture->db, meeting, &error));
  g_assert_no_error (error);
}

/* @ok is FALSE and @error is an illegal move whose message holds @fragment. */
static void
assert_illegal (gboolean     ok,
                GError     **error,
                const char  *fragment)
{
  g_assert_false (ok);
  g_assert_error (*error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr ((*error)->message, fragment));
  g_clear_error (error);
}

static GPtrArray *
verify (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *mismatches = yishi_minutes_store_verify (db, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mismatches);
  return mismatches;
}

/* @sql run on the file by another connection, to be refused by one of
 * the file's own triggers with a message that holds @fragment. */
static void
assert_refused_sql (Fixture    *fixture,
                    const char *sql,
                    const char *fragment)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (yishi_database_get_path (fixture->db), &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, &message), ==, SQLITE_CONSTRAINT);
  if (strstr (message, fragment) == NULL)
    g_error ("“%s” was refused with “%s”", sql, message);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* draft → submitted → approved → frozen, with submitted → draft; every
 * other move refused, and only a draft edited. */
static void
test_state_machine (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) draft = NULL;
  g_autoptr(YishiMinutes) submitted = NULL;
  g_autoptr(YishiMinutes) reopened = NULL;
  g_autoptr(YishiMinutes) frozen = NULL;
  const char *discussions[] = { "讨论了助餐点的选址。", NULL };
  Meeting may;

  build_may (fixture, &may);
  draft = get_minutes (fixture, may.meeting);
  g_assert_cmpint (draft->state, ==, YISHI_MINUTES_DRAFT);
  g_assert_cmpint (draft->approval, ==, YISHI_APPROVAL_NONE);
  g_assert_null (draft->submitted_at);
  g_assert_null (draft->approved_at);
  g_assert_null (draft->digest);
  g_assert_cmpstr (draft->other_matters, ==, "");
  g_assert_cmpuint (strlen (draft->uuid), ==, 36);
  g_assert_cmpint (draft->meeting->id, ==, may.meeting);

  /* a draft cannot be approved, frozen or corrected */
  assert_illegal (yishi_minutes_store_approve_by_chair (fixture->db, may.meeting, &error), &error, "“Draft”");
  assert_illegal (yishi_minutes_store_freeze (fixture->db, may.meeting, &error), &error, "“Draft”");
  assert_illegal (yishi_minutes_store_reopen (fixture->db, may.meeting, &error), &error, "“Draft”");
  assert_illegal (yishi_minutes_store_add_corrigendum (fixture->db, may.meeting, "更正", &error) != 0, &error,
                  "“Draft”");

  g_assert_true (yishi_minutes_store_save (fixture->db, may.meeting, discussions, 2, "无其他事项。", &error));
  g_assert_no_error (error);
  submit (fixture, may.meeting);
  submitted = get_minutes (fixture, may.meeting);
  g_assert_cmpint (submitted->state, ==, YISHI_MINUTES_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_at, ==, "2024-05-10T11:30:00Z");
  g_assert_cmpstr (((YishiMinutesItem *) submitted->items->pdata[0])->discussion, ==, "讨论了助餐点的选址。");
  g_assert_cmpstr (submitted->other_matters, ==, "无其他事项。");

  /* submitted: no edit, no second submission, no freezing */
  assert_illegal (yishi_minutes_store_save (fixture->db, may.meeting, discussions, 1, NULL, &error), &error,
                  "submitted");
  assert_illegal (yishi_minutes_store_submit (fixture->db, may.meeting, &error), &error, "“Submitted”");
  assert_illegal (yishi_minutes_store_freeze (fixture->db, may.meeting, &error), &error, "“Submitted”");

  /* back to draft for the chair's changes, then on */
  g_assert_true (yishi_minutes_store_reopen (fixture->db, may.meeting, &error));
  g_assert_no_error (error);
  reopened = get_minutes (fixture, may.meeting);
  g_assert_cmpint (reopened->state, ==, YISHI_MINUTES_DRAFT);
  g_assert_null (reopened->submitted_at);
  g_assert_true (yishi_minutes_store_save (fixture->db, may.meeting, NULL, 0, "会议于21时结束。", &error));
  g_assert_no_error (error);
  approve_by_chair (fixture, may.meeting);

  /* approved: nothing goes back, nothing is edited */
  assert_illegal (yishi_minutes_store_save (fixture->db, may.meeting, discussions, 2, NULL, &error), &error,
                  "corrigendum");
  assert_illegal (yishi_minutes_store_reopen (fixture->db, may.meeting, &error), &error, "“Approved”");
  assert_illegal (yishi_minutes_store_submit (fixture->db, may.meeting, &error), &error, "“Approved”");
  assert_illegal (yishi_minutes_store_approve_by_chair (fixture->db, may.meeting, &error), &error, "“Approved”");

  g_assert_true (yishi_minutes_store_freeze (fixture->db, may.meeting, &error));
  g_assert_no_error (error);
  frozen = get_minutes (fixture, may.meeting);
  g_assert_cmpint (frozen->state, ==, YISHI_MINUTES_FROZEN);
  g_assert_cmpstr (frozen->frozen_at, ==, "2024-05-10T11:30:00Z");
  g_assert_cmpstr (frozen->other_matters, ==, "会议于21时结束。");
  {
    g_autofree char *digest = yishi_minutes_compute_digest (frozen);

    /* freezing is not part of the digest */
    g_assert_cmpstr (frozen->digest, ==, digest);
  }
  assert_illegal (yishi_minutes_store_freeze (fixture->db, may.meeting, &error), &error, "“Frozen”");
  assert_illegal (yishi_minutes_store_reopen (fixture->db, may.meeting, &error), &error, "“Frozen”");
  assert_illegal (yishi_minutes_store_submit (fixture->db, may.meeting, &error), &error, "“Frozen”");
  assert_illegal (yishi_minutes_store_approve_by_chair (fixture->db, may.meeting, &error), &error, "“Frozen”");
  assert_illegal (yishi_minutes_store_save (fixture->db, may.meeting, NULL, 0, "改", &error), &error, "corrigendum");
}

/* Minutes are written once the meeting has closed; a meeting that does
 * not exist has none. */
static void
test_needs_closed_meeting (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gint64 meeting;

  meeting = build_voting (fixture, fixture->council, "七月议事会", "2024-07-12 19:30", NULL, NULL, NULL);
  minutes = yishi_minutes_store_get (fixture->db, meeting, &error);
  g_assert_null (minutes);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "七月议事会"));
  g_clear_error (&error);
  g_assert_false (yishi_minutes_store_submit (fixture->db, meeting, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  minutes = yishi_minutes_store_get (fixture->db, 999, &error);
  g_assert_null (minutes);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing approved to verify */
  mismatches = yishi_minutes_store_verify (fixture->db, meeting, &error);
  g_assert_null (mismatches);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);
}

/* The discussion starts from the speakers' notes, one line a speech in
 * the order they spoke; saving leaves a NULL discussion as it is, and
 * more discussions than items are refused. */
static void
test_prefilled_discussion (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(YishiMinutes) saved = NULL;
  g_autoptr(YishiMinutes) again = NULL;
  const char *discussions[] = { NULL, "王桂兰建议加装雨棚，赵志强表示同意。" };
  const char *too_many[] = { "一", "二", "三" };
  Meeting may;

  build_may (fixture, &may);
  /* finding them makes no draft */
  minutes = yishi_minutes_store_find (fixture->db, may.meeting, &error);
  g_assert_no_error (error);
  g_assert_null (minutes);
  minutes = yishi_minutes_store_find (fixture->db, 999, &error);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_assert_null (minutes);
  g_clear_error (&error);
  g_assert_null (yishi_minutes_store_verify (fixture->db, may.meeting, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "五月议事会"));
  g_clear_error (&error);

  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpuint (minutes->items->len, ==, 2);
  g_assert_cmpint (((YishiMinutesItem *) minutes->items->pdata[0])->agenda_item_id, ==, may.items[0]);
  g_assert_cmpstr (((YishiMinutesItem *) minutes->items->pdata[0])->discussion, ==, "");
  g_assert_cmpint (((YishiMinutesItem *) minutes->items->pdata[1])->agenda_item_id, ==, may.items[1]);
  g_assert_cmpstr (((YishiMinutesItem *) minutes->items->pdata[1])->discussion, ==,
                   "王桂兰: 建议分类亭加装雨棚.\n赵志强: 同意，费用由公益金列支。");

  /* the second call finds the draft, not a new one */
  again = get_minutes (fixture, may.meeting);
  g_assert_cmpstr (again->uuid, ==, minutes->uuid);
  g_clear_pointer (&again, yishi_minutes_free);
  again = yishi_minutes_store_find (fixture->db, may.meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uuid, ==, minutes->uuid);
  /* a draft has no digest to verify */
  g_assert_null (yishi_minutes_store_verify (fixture->db, may.meeting, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  g_assert_true (yishi_minutes_store_save (fixture->db, may.meeting, discussions, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (yishi_minutes_store_save (fixture->db, may.meeting, too_many, 3, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  saved = get_minutes (fixture, may.meeting);
  g_assert_cmpstr (((YishiMinutesItem *) saved->items->pdata[0])->discussion, ==, "");
  g_assert_cmpstr (((YishiMinutesItem *) saved->items->pdata[1])->discussion, ==,
                   "王桂兰建议加装雨棚，赵志强表示同意。");
}

/* The canonical form, to the byte, and its digest: SHA-256 of it. */
static void
test_canonical_form (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *form = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *discussions[] = { "讨论了选址\\方案。\n多数同意。", NULL };
  g_autoptr(GError) error = NULL;
  Meeting may;

  build_may (fixture, &may);
  g_assert_true (yishi_minutes_store_save (fixture->db, may.meeting, discussions, 1, "无", &error));
  g_assert_no_error (error);
  approve_by_chair (fixture, may.meeting);
  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpint (minutes->approval, ==, YISHI_APPROVAL_CHAIR);
  g_assert_cmpstr (minutes->approved_by, ==, "张秀英");
  g_assert_cmpstr (minutes->approved_at, ==, "2024-05-10T11:30:00Z");
  g_assert_cmpint (minutes->approval_motion_id, ==, 0);
  g_assert_null (minutes->approval_meeting);
  g_assert_cmpstr (minutes->previous_digest, ==, "");

  form = yishi_minutes_canonical_form (minutes);
  expected = g_strdup_printf (
    "yishi-minutes=1\n"
    "minutes=%s\n"
    "meeting=%s\n"
    "council=幸福里社区居民议事会\n"
    "title=五月议事会\n"
    "starts_at=2024-05-10 19:30\n"
    "place=社区活动室\n"
    "chair=张秀英\n"
    "secretary=李建国\n"
    "members=5\n"
    "present=4\n"
    "attendance=张秀英|present|2024-05-10T11:30:00Z\n"
    "attendance=李建国|present|2024-05-10T11:30:00Z\n"
    "attendance=王桂兰|present|2024-05-10T11:30:00Z\n"
    "attendance=赵志强|present|2024-05-10T11:30:00Z\n"
    "attendance=陈小明|excused|\n"
    "observer=物业公司代表\n"
    "item=1|增设老年人助餐点\n"
    "discussion=讨论了选址\\\\方案。\\n多数同意。\n"
    "motion=1|0|同意设立助餐点|王桂兰|赵志强|hands|more-than-half/simple/present|1|3|1|0|0|5|4|passed|"
    "2024-05-10T11:30:00Z\n"
    "resolution=0|由居委会联系餐饮企业|李建国|2024-07-01\n"
    "item=2|垃圾分类亭改造\n"
    "discussion=王桂兰: 建议分类亭加装雨棚.\\n赵志强: 同意，费用由公益金列支。\n"
    "motion=2|0|同意改造垃圾分类亭|赵志强||roll-call|more-than-half/simple/present|1|3|0|1|0|5|4|passed|"
    "2024-05-10T11:30:00Z\n"
    "roll_call=张秀英|yes\n"
    "roll_call=李建国|yes\n"
    "roll_call=王桂兰|abstain\n"
    "roll_call=赵志强|yes\n"
    "motion=3|2|增加雨棚|王桂兰||hands|more-than-half/simple/present|1|1|3|0|0|5|4|failed|2024-05-10T11:30:00Z\n"
    "resolution=2|由物业实施改造||\n"
    "other_matters=无\n"
    "approval=chair|张秀英|\n"
    "approved_at=2024-05-10T11:30:00Z\n"
    "previous_digest=\n",
    minutes->uuid, minutes->meeting->uuid);
  g_assert_cmpstr (form, ==, expected);

  g_checksum_update (checksum, (const guchar *) form, -1);
  g_assert_cmpstr (minutes->digest, ==, g_checksum_get_string (checksum));
  digest = yishi_minutes_compute_digest (minutes);
  g_assert_cmpstr (digest, ==, minutes->digest);
  g_assert_cmpuint (strlen (digest), ==, YISHI_MINUTES_DIGEST_LENGTH);
}

/* Approval locks the minutes and the meeting's record, for the store
 * and for anyone who writes to the file; the follow-up goes on. */
static void
test_approval_locks (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autofree char *sql = NULL;
  Meeting may;

  build_may (fixture, &may);
  approve_by_chair (fixture, may.meeting);

  sql = g_strdup_printf ("UPDATE vote SET yes = 2, no = 2 WHERE motion_id = %" G_GINT64_FORMAT, may.motion);
  assert_refused_sql (fixture, sql, "approved minutes");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE agenda_item SET title = '改' WHERE id = %" G_GINT64_FORMAT, may.items[0]);
  assert_refused_sql (fixture, sql, "approved minutes");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM attendance WHERE meeting_id = %" G_GINT64_FORMAT, may.meeting);
  assert_refused_sql (fixture, sql, "approved minutes");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE speech SET note = '改' WHERE agenda_item_id = %" G_GINT64_FORMAT, may.items[1]);
  assert_refused_sql (fixture, sql, "approved minutes");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE roll_call_vote SET choice = 'no'");
  assert_refused_sql (fixture, sql, "approved minutes");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE resolution SET due_on = '2024-08-01' WHERE id = %" G_GINT64_FORMAT, may.resolution);
  assert_refused_sql (fixture, sql, "approved minutes");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE meeting SET place = '会议室' WHERE id = %" G_GINT64_FORMAT, may.meeting);
  assert_refused_sql (fixture, sql, "approved minutes");
  assert_refused_sql (fixture, "UPDATE minutes SET other_matters = '改'", "approved minutes cannot change");
  assert_refused_sql (fixture, "UPDATE minutes_item SET discussion = '改'", "approved minutes cannot change");
  assert_refused_sql (fixture, "DELETE FROM minutes", "approved minutes cannot be deleted");
  assert_refused_sql (fixture, "UPDATE person SET name = '张秀莹' WHERE name = '张秀英'", "name of a person");
  assert_refused_sql (fixture, "UPDATE council SET name = '另一议事会'", "name of a council");
  assert_refused_sql (fixture, "UPDATE council_member SET left_on = '2024-05-01' WHERE position = 'member'",
                      "approved minutes");
  assert_refused_sql (fixture, "DELETE FROM council_member WHERE position = 'member'", "approved minutes");

  /* the store's own writes meet the same lock */
  g_assert_cmpint (yishi_meeting_store_add_resolution (fixture->db, may.items[0], 0, "补充决议", 0, NULL, &error),
                   ==, 0);
  /* and say why in words of their own, not the trigger's */
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_cmpstr (error->message, ==, "This is part of the record of approved minutes, so it cannot change.");
  g_clear_error (&error);
  {
    g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
    g_autoptr(YishiPerson) person = NULL;

    draft->name = g_strdup ("张秀莹");
    person = yishi_person_store_update (fixture->db, fixture->people[ZHANG], draft, &error);
    g_assert_null (person);
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
    g_assert_cmpstr (error->message, ==, "This person is named in approved minutes, so their name cannot change.");
    g_clear_error (&error);
  }

  /* what the record does not show may still change */
  g_assert_true (yishi_meeting_store_set_follow_up (fixture->db, may.resolution, YISHI_FOLLOW_UP_DONE, &error));
  g_assert_no_error (error);
  {
    g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
    g_autoptr(YishiPerson) person = NULL;

    draft->name = g_strdup ("刘春华");
    draft->phone = g_strdup ("13800000001");
    person = yishi_person_store_update (fixture->db, fixture->people[LIU], draft, &error);
    g_assert_no_error (error);
  }
  /* a member who joins or leaves after the meeting leaves its numbers as they were */
  g_assert_true (yishi_council_store_end_member (fixture->db, fixture->memberships[CHEN], "2024-06-01", &error));
  g_assert_no_error (error);
  yishi_council_store_add_member (fixture->db, fixture->council, fixture->people[SUN],
                                  YISHI_COUNCIL_POSITION_MEMBER, "2024-05-11", &error);
  g_assert_no_error (error);
  /* but not one back-dated into it */
  yishi_council_store_add_member (fixture->db, fixture->council, fixture->people[LIU],
                                  YISHI_COUNCIL_POSITION_MEMBER, "2024-05-01", &error);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);
}

/* The chair signs off only a meeting that has one. */
static void
test_approve_needs_chair (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting;

  meeting = yishi_meeting_store_add (fixture->db, fixture->council, "临时会议", "2024-05-20 19:30", "", 0, 0, &error);
  g_assert_no_error (error);
  open_meeting (fixture, meeting);
  set_state (fixture, meeting, YISHI_MEETING_STATE_CLOSED);
  submit (fixture, meeting);
  g_assert_false (yishi_minutes_store_approve_by_chair (fixture->db, meeting, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "临时会议"));
}

/* A draft submitted and approved in one move: refused, it stays a draft
 * that was never submitted; accepted, it is approved as submitted
 * minutes are, and chained. */
static void
test_submit_and_approve (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gint64 chairless;
  Meeting may;

  chairless = yishi_meeting_store_add (fixture->db, fixture->council, "临时会议", "2024-05-20 19:30", "", 0, 0,
                                       &error);
  g_assert_no_error (error);
  open_meeting (fixture, chairless);
  set_state (fixture, chairless, YISHI_MEETING_STATE_CLOSED);
  g_assert_false (yishi_minutes_store_submit_and_approve (fixture->db, chairless, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  minutes = get_minutes (fixture, chairless);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_DRAFT);
  g_assert_null (minutes->submitted_at);
  g_clear_pointer (&minutes, yishi_minutes_free);

  build_may (fixture, &may);
  /* its own meeting's motion is not a later meeting's */
  g_assert_false (yishi_minutes_store_submit_and_approve (fixture->db, may.meeting, may.motion, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_DRAFT);
  g_assert_null (minutes->submitted_at);
  g_clear_pointer (&minutes, yishi_minutes_free);

  g_assert_true (yishi_minutes_store_submit_and_approve (fixture->db, may.meeting, 0, &error));
  g_assert_no_error (error);
  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_APPROVED);
  g_assert_cmpint (minutes->approval, ==, YISHI_APPROVAL_CHAIR);
  g_assert_nonnull (minutes->submitted_at);
  g_assert_cmpstr (minutes->previous_digest, ==, "");
  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);

  /* approved minutes are not approved again */
  g_assert_false (yishi_minutes_store_submit_and_approve (fixture->db, may.meeting, 0, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
}

/* A vote approves minutes only by a passed motion of a later meeting of
 * the same council. */
static void
test_approve_by_vote (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autofree char *form = NULL;
  gint64 passed, failed, unvoted, earlier, elsewhere, other_council, june;
  Meeting may;

  build_may (fixture, &may);
  passed = build_voting (fixture, fixture->council, "六月议事会", "2024-06-14 19:30", &failed, &unvoted, &june);
  earlier = build_voting (fixture, fixture->council, "四月议事会", "2024-04-12 19:30", NULL, NULL, NULL);
  other_council = yishi_council_store_add (fixture->db, "光明社区居民议事会", NULL, &error);
  g_assert_no_error (error);
  for (guint i = ZHANG; i <= CHEN; i++)
    {
      yishi_council_store_add_member (fixture->db, other_council, fixture->people[i],
                                      YISHI_COUNCIL_POSITION_MEMBER, "2024-01-01", &error);
      g_assert_no_error (error);
    }
  elsewhere = build_voting (fixture, other_council, "光明社区六月议事会", "2024-06-20 19:30", NULL, NULL, NULL);

  /* what the window offers: passed motions of later meetings of the council */
  {
    g_autoptr(GPtrArray) motions = yishi_minutes_store_list_approval_motions (fixture->db, may.meeting, &error);
    const YishiApprovalMotion *motion;

    g_assert_no_error (error);
    g_assert_cmpuint (motions->len, ==, 1);
    motion = motions->pdata[0];
    g_assert_cmpint (motion->motion_id, ==, passed);
    g_assert_cmpint (motion->meeting_id, ==, june);
    g_assert_cmpstr (motion->meeting, ==, "六月议事会");
    g_assert_cmpstr (motion->starts_at, ==, "2024-06-14 19:30");
    g_assert_cmpstr (motion->text, ==, "通过上次会议记录");
    g_assert_null (yishi_minutes_store_list_approval_motions (fixture->db, 999, &error));
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* not submitted yet */
  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, passed, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  submit (fixture, may.meeting);

  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, failed, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "not passed"));
  g_clear_error (&error);
  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, unvoted, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "not passed"));
  g_clear_error (&error);
  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, earlier, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "四月议事会"));
  g_assert_nonnull (strstr (error->message, "not later"));
  g_clear_error (&error);
  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, elsewhere, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "another council"));
  g_clear_error (&error);
  /* its own meeting's motion is not a later meeting's */
  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, may.motion, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, 999, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_SUBMITTED);
  g_clear_pointer (&minutes, yishi_minutes_free);

  g_assert_true (yishi_minutes_store_approve_by_vote (fixture->db, may.meeting, passed, &error));
  g_assert_no_error (error);
  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_APPROVED);
  g_assert_cmpint (minutes->approval, ==, YISHI_APPROVAL_VOTE);
  g_assert_cmpint (minutes->approval_motion_id, ==, passed);
  g_assert_cmpstr (minutes->approval_meeting, ==, "六月议事会");
  g_assert_cmpstr (minutes->approved_by, ==, "");
  form = yishi_minutes_canonical_form (minutes);
  g_assert_nonnull (strstr (form, "\napproval=vote||六月议事会\napproved_at=2024-05-10T11:30:00Z\n"));
  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);

  /* the meeting whose vote approved them keeps its title */
  g_assert_false (yishi_meeting_store_set_details (fixture->db, june, "六月会议", "2024-06-14 19:30", "社区活动室",
                                                   fixture->people[ZHANG], fixture->people[LI], &error));
  g_assert_nonnull (strstr (error->message, "approved minutes"));
  g_clear_error (&error);
  g_assert_true (yishi_meeting_store_set_details (fixture->db, june, "六月议事会", "2024-06-14 19:30", "会议室",
                                                  fixture->people[ZHANG], fixture->people[LI], &error));
  g_assert_no_error (error);
}
/* Two approved minutes of one council: the second names the first's
 * digest, the first names none; another council's chain starts anew. */
static void
test_chain (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) first = NULL;
  g_autoptr(YishiMinutes) second = NULL;
  g_autoptr(YishiMinutes) other = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gint64 other_council, other_meeting;
  Meeting may, june;

  build_may (fixture, &may);
  build_june (fixture, &june);
  other_council = yishi_council_store_add (fixture->db, "光明社区居民议事会", NULL, &error);
  g_assert_no_error (error);
  other_meeting = yishi_meeting_store_add (fixture->db, other_council, "光明社区五月议事会", "2024-05-12 19:30", "",
                                           fixture->people[LIU], 0, &error);
  g_assert_no_error (error);
  set_state (fixture, other_meeting, YISHI_MEETING_STATE_IN_SESSION);
  set_state (fixture, other_meeting, YISHI_MEETING_STATE_CLOSED);

  approve_by_chair (fixture, may.meeting);
  approve_by_chair (fixture, other_meeting);
  approve_by_chair (fixture, june.meeting);
  first = get_minutes (fixture, may.meeting);
  second = get_minutes (fixture, june.meeting);
  other = get_minutes (fixture, other_meeting);
  g_assert_cmpstr (first->previous_digest, ==, "");
  g_assert_cmpstr (second->previous_digest, ==, first->digest);
  g_assert_cmpstr (other->previous_digest, ==, "");
  g_assert_cmpstr (second->approved_by, ==, "刘春华");
  g_assert_cmpstr (second->digest, !=, first->digest);

  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_clear_pointer (&mismatches, g_ptr_array_unref);
  mismatches = yishi_minutes_store_verify (fixture->db, june.meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);
}

/* A correction after approval is a corrigendum, never an edit; before
 * approval the minutes are edited instead. */
static void
test_corrigendum (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  YishiCorrigendum *corrigendum;
  gint64 first, second;
  Meeting may;

  build_may (fixture, &may);
  g_assert_cmpint (yishi_minutes_store_add_corrigendum (fixture->db, may.meeting, "更正", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  submit (fixture, may.meeting);
  g_assert_cmpint (yishi_minutes_store_add_corrigendum (fixture->db, may.meeting, "更正", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  g_assert_true (yishi_minutes_store_approve_by_chair (fixture->db, may.meeting, &error));
  g_assert_no_error (error);

  g_assert_cmpint (yishi_minutes_store_add_corrigendum (fixture->db, may.meeting, "  \n ", &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  first = yishi_minutes_store_add_corrigendum (fixture->db, may.meeting, " 第二项中“雨棚”应为“遮阳棚”。 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_true (yishi_minutes_store_freeze (fixture->db, may.meeting, &error));
  g_assert_no_error (error);
  second = yishi_minutes_store_add_corrigendum (fixture->db, may.meeting, "陈小明请假。", &error);
  g_assert_no_error (error);

  minutes = get_minutes (fixture, may.meeting);
  g_assert_cmpuint (minutes->corrigenda->len, ==, 2);
  corrigendum = minutes->corrigenda->pdata[0];
  g_assert_cmpint (corrigendum->id, ==, first);
  g_assert_cmpstr (corrigendum->text, ==, "第二项中“雨棚”应为“遮阳棚”。");
  g_assert_cmpstr (corrigendum->made_at, ==, "2024-05-10T11:30:00Z");
  g_assert_cmpuint (strlen (corrigendum->uuid), ==, 36);
  g_assert_cmpint (((YishiCorrigendum *) minutes->corrigenda->pdata[1])->id, ==, second);

  /* a corrigendum is not part of the digest, and never changes */
  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);
  assert_refused_sql (fixture, "UPDATE minutes_corrigendum SET text = '改'", "cannot change");
  assert_refused_sql (fixture, "DELETE FROM minutes_corrigendum", "cannot change");
}

/* A copy of the file with @sql run on it behind the triggers' back:
 * each trigger dropped, @sql run, the trigger made again, in one
 * transaction, as someone editing the file by hand could. */
static char *
tamper (Fixture    *fixture,
        const char *name,
        const char *sql)
{
  g_autofree char *path = yishi_test_dir_file (fixture->dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *message = NULL;

  g_assert_true (yishi_database_backup_to (fixture->db, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (triggers, g_strdup_printf ("DROP TRIGGER \"%s\"", sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < triggers->len; i += 2)
    g_assert_cmpint (sqlite3_exec (handle, triggers->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  if (sqlite3_changes (handle) == 0)
    g_error ("%s changed nothing", sql);
  for (guint i = 1; i < triggers->len; i += 2)
    g_assert_cmpint (sqlite3_exec (handle, triggers->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  return g_steal_pointer (&path);
}

/* The meetings verifying the file at @path names, as "title:problem"
 * lines, in order. */
static char *
verify_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);
  g_autoptr(GPtrArray) mismatches = NULL;
  GString *named = g_string_new (NULL);

  g_assert_no_error (error);
  mismatches = verify (db);
  for (guint i = 0; i < mismatches->len; i++)
    {
      const YishiMinutesMismatch *mismatch = mismatches->pdata[i];

      g_assert_cmpint (mismatch->minutes_id, >, 0);
      g_assert_cmpint (mismatch->meeting_id, >, 0);
      g_string_append_printf (named, "%s:%s\n", mismatch->meeting, mismatch->problem);
    }
  return g_string_free (named, FALSE);
}

typedef struct
{
  const char *what;
  const char *sql;      /* $M is the June meeting's id */
  const char *expected; /* what verifying then says */
} Tampering;

#define JUNE_CONTENT "六月议事会:the digest does not match its content\n"
#define JUNE_ITEMS "(SELECT id FROM agenda_item WHERE meeting_id = $M)"
#define JUNE_MOTIONS "(SELECT id FROM motion WHERE agenda_item_id IN " JUNE_ITEMS ")"
#define JUNE_VOTES "(SELECT id FROM vote WHERE motion_id IN " JUNE_MOTIONS ")"
#define JUNE_MINUTES "(SELECT id FROM minutes WHERE meeting_id = $M)"

static const Tampering tamperings[] = {
  { "meeting title", "UPDATE meeting SET title = '六月议事会 ' WHERE id = $M",
    "六月议事会 :the digest does not match its content\n" },
  { "meeting time", "UPDATE meeting SET starts_at = '2024-06-14 20:00' WHERE id = $M", JUNE_CONTENT },
  { "meeting place", "UPDATE meeting SET place = '居委会' WHERE id = $M", JUNE_CONTENT },
  { "chair's name", "UPDATE person SET name = '刘春花' WHERE name = '刘春华'", JUNE_CONTENT },
  { "secretary's name", "UPDATE person SET name = '孙莉' WHERE name = '孙丽'", JUNE_CONTENT },
  { "attendance status", "UPDATE attendance SET status = 'absent' WHERE meeting_id = $M AND status = 'excused'",
    JUNE_CONTENT },
  { "sign-in time", "UPDATE attendance SET signed_in_at = '2024-06-14T11:31:00Z' WHERE meeting_id = $M"
    " AND person_id = (SELECT id FROM person WHERE name = '王桂兰')", JUNE_CONTENT },
  { "membership", "UPDATE council_member SET left_on = '2024-06-01' WHERE person_id ="
    " (SELECT id FROM person WHERE name = '陈小明')", JUNE_CONTENT },
  { "observer", "UPDATE meeting_observer SET name = '街道代表' WHERE meeting_id = $M", JUNE_CONTENT },
  { "item title", "UPDATE agenda_item SET title = '增设助餐点' WHERE meeting_id = $M AND position = 1",
    JUNE_CONTENT },
  { "item position", "UPDATE agenda_item SET position = position + 10 WHERE meeting_id = $M", JUNE_CONTENT },
  { "discussion", "UPDATE minutes_item SET discussion = discussion || '。' WHERE minutes_id = " JUNE_MINUTES,
    JUNE_CONTENT },
  { "motion text", "UPDATE motion SET text = '同意设立' WHERE text = '同意设立助餐点' AND id IN " JUNE_MOTIONS,
    JUNE_CONTENT },
  { "motion form", "UPDATE motion SET form = 'secret' WHERE text = '同意设立助餐点' AND id IN " JUNE_MOTIONS,
    JUNE_CONTENT },
  { "motion quorum", "UPDATE motion SET quorum = 'two-thirds' WHERE id IN " JUNE_MOTIONS, JUNE_CONTENT },
  { "motion majority", "UPDATE motion SET majority = 'two-thirds' WHERE id IN " JUNE_MOTIONS, JUNE_CONTENT },
  { "motion base", "UPDATE motion SET base = 'cast' WHERE id IN " JUNE_MOTIONS, JUNE_CONTENT },
  { "mover", "UPDATE motion SET mover_id = (SELECT id FROM person WHERE name = '李建国') WHERE id IN " JUNE_MOTIONS,
    JUNE_CONTENT },
  { "seconder", "UPDATE motion SET seconder_id = NULL WHERE id IN " JUNE_MOTIONS " AND seconder_id IS NOT NULL",
    JUNE_CONTENT },
  { "yes count", "UPDATE vote SET yes = yes - 1, abstain = abstain + 1 WHERE verdict = 'passed' AND id IN "
    JUNE_VOTES, JUNE_CONTENT },
  { "no count", "UPDATE vote SET no = no - 1, abstain = abstain + 1 WHERE verdict = 'failed' AND id IN "
    JUNE_VOTES, JUNE_CONTENT },
  { "abstentions", "UPDATE vote SET abstain = abstain + 1, no = no - 1 WHERE no > 0 AND id IN " JUNE_VOTES,
    JUNE_CONTENT },
  { "invalid ballots", "UPDATE vote SET invalid = 1, abstain = abstain - 1 WHERE abstain > 0 AND id IN "
    JUNE_VOTES, JUNE_CONTENT },
  { "members at a vote", "UPDATE vote SET members = members + 1 WHERE id IN " JUNE_VOTES, JUNE_CONTENT },
  { "present at a vote", "UPDATE vote SET present = present + 1 WHERE present < members AND id IN " JUNE_VOTES,
    JUNE_CONTENT },
  { "resolution's motion", "UPDATE resolution SET motion_id = (SELECT max(id) FROM motion WHERE id IN "
    JUNE_MOTIONS ") WHERE agenda_item_id IN " JUNE_ITEMS, JUNE_CONTENT },
  { "verdict", "UPDATE vote SET verdict = 'passed' WHERE verdict = 'failed' AND id IN " JUNE_VOTES, JUNE_CONTENT },
  { "vote time", "UPDATE vote SET taken_at = '2024-06-14T12:00:00Z' WHERE id IN " JUNE_VOTES, JUNE_CONTENT },
  { "roll call", "UPDATE roll_call_vote SET choice = 'no' WHERE choice = 'abstain' AND vote_id IN " JUNE_VOTES,
    JUNE_CONTENT },
  { "resolution text", "UPDATE resolution SET text = '由居委会联系企业' WHERE agenda_item_id IN " JUNE_ITEMS,
    JUNE_CONTENT },
  { "responsible", "UPDATE resolution SET responsible_id = NULL WHERE agenda_item_id IN " JUNE_ITEMS,
    JUNE_CONTENT },
  { "due date", "UPDATE resolution SET due_on = '2024-08-01' WHERE agenda_item_id IN " JUNE_ITEMS, JUNE_CONTENT },
  { "other matters", "UPDATE minutes SET other_matters = '无' WHERE meeting_id = $M", JUNE_CONTENT },
  { "approval time", "UPDATE minutes SET approved_at = '2024-06-15T09:00:00Z' WHERE meeting_id = $M",
    JUNE_CONTENT },
  { "approved by", "UPDATE minutes SET approved_by = '张秀英' WHERE meeting_id = $M", JUNE_CONTENT },
  { "digest", "UPDATE minutes SET digest = substr(digest, 2) || substr(digest, 1, 1) WHERE meeting_id = $M",
    JUNE_CONTENT },
  { "previous digest", "UPDATE minutes SET previous_digest = substr(previous_digest, 2) ||"
    " substr(previous_digest, 1, 1) WHERE meeting_id = $M",
    NULL /* checked by its own test */ },
  { "council name", "UPDATE council SET name = '幸福里议事会'",
    "五月议事会:the digest does not match its content\n" JUNE_CONTENT },
};

/* Every field the canonical form holds, changed in the file by hand,
 * is found: verifying names exactly the minutes whose record changed —
 * the June meeting, second in its council's chain — and nothing else. */
static void
test_tampering (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autofree char *id = NULL;
  Meeting may, june;

  build_may (fixture, &may);
  build_june (fixture, &june);
  approve_by_chair (fixture, may.meeting);
  approve_by_chair (fixture, june.meeting);
  mismatches = verify (fixture->db);
  g_assert_cmpuint (mismatches->len, ==, 0);

  /* the triggers refuse it to an ordinary connection */
  assert_refused_sql (fixture, "UPDATE meeting SET place = '居委会'", "approved minutes");

  id = g_strdup_printf ("%" G_GINT64_FORMAT, june.meeting);
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      const Tampering *tampering = &tamperings[i];
      g_autoptr(GString) sql = g_string_new (tampering->sql);
      g_autofree char *name = g_strdup_printf ("tampered-%u.db", i);
      g_autofree char *path = NULL;
      g_autofree char *named = NULL;

      if (tampering->expected == NULL)
        continue;
      g_string_replace (sql, "$M", id, 0);
      path = tamper (fixture, name, sql->str);
      named = verify_file (path);
      if (g_strcmp0 (named, tampering->expected) != 0)
        g_error ("%s: verifying said “%s”", tampering->what, named);
    }
}

/* A broken link is named with the minutes that no longer follow their
 * council's previous ones, and each digest is checked on its own. */
static void
test_broken_chain (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *path = NULL;
  g_autofree char *named = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(YishiMinutes) first = NULL;
  g_autoptr(YishiMinutes) second = NULL;
  Meeting may, june;

  build_may (fixture, &may);
  build_june (fixture, &june);
  approve_by_chair (fixture, may.meeting);
  approve_by_chair (fixture, june.meeting);
  first = get_minutes (fixture, may.meeting);
  second = get_minutes (fixture, june.meeting);

  /* the link itself changed: the June minutes are both unlike their
   * digest and off the chain */
  sql = g_strdup_printf ("UPDATE minutes SET previous_digest = '%s' WHERE meeting_id = %" G_GINT64_FORMAT,
                         "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", june.meeting);
  path = tamper (fixture, "link.db", sql);
  named = verify_file (path);
  expected = g_strdup_printf ("六月议事会:the digest does not match its content\n"
                              "六月议事会:the chain is broken: it follows minutes with digest 0123456789ab, but its "
                              "council’s previous approved minutes have digest %.12s\n", first->digest);
  g_assert_cmpstr (named, ==, expected);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&named, g_free);
  g_clear_pointer (&expected, g_free);

  /* the May minutes taken out of the file: June follows nothing */
  path = tamper (fixture, "gap.db", "DELETE FROM minutes_item WHERE minutes_id IN (SELECT id FROM minutes"
                                    " WHERE previous_digest = ''); DELETE FROM minutes WHERE previous_digest = ''");
  named = verify_file (path);
  expected = g_strdup_printf ("六月议事会:the chain is broken: it follows minutes with digest %.12s, but it is its "
                              "council’s first approved minutes\n", first->digest);
  g_assert_cmpstr (named, ==, expected);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&named, g_free);

  /* the May record changed: only May is named, the chain holds */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE agenda_item SET title = '改' WHERE meeting_id = %" G_GINT64_FORMAT, may.meeting);
  path = tamper (fixture, "may.db", sql);
  named = verify_file (path);
  g_assert_cmpstr (named, ==, "五月议事会:the digest does not match its content\n");
  g_assert_cmpstr (second->previous_digest, ==, first->digest);
}

/* Minutes rebuilt from what an exported file holds — other ids, the
 * people in another order — have the same canonical form. */
static void
test_rebuilt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(YishiMinutes) copy = yishi_minutes_new ();
  g_autofree char *form = NULL;
  g_autofree char *copied_form = NULL;
  g_autofree char *digest = NULL;
  YishiMeetingSnapshot *from, *to = copy->meeting;
  Meeting may;

  build_may (fixture, &may);
  approve_by_chair (fixture, may.meeting);
  minutes = get_minutes (fixture, may.meeting);
  from = minutes->meeting;

  copy->uuid = g_strdup (minutes->uuid);
  copy->state = minutes->state;
  copy->other_matters = g_strdup (minutes->other_matters);
  copy->approval = minutes->approval;
  copy->approved_at = g_strdup (minutes->approved_at);
  copy->approved_by = g_strdup (minutes->approved_by);
  copy->previous_digest = g_strdup (minutes->previous_digest);
  copy->digest = g_strdup (minutes->digest);
  for (guint i = 0; i < minutes->items->len; i++)
    {
      const YishiMinutesItem *item = minutes->items->pdata[i];
      YishiMinutesItem *row = g_new0 (YishiMinutesItem, 1);

      row->agenda_item_id = item->agenda_item_id + 1000;
      row->discussion = g_strdup (item->discussion);
      g_ptr_array_add (copy->items, row);
    }
  to->uuid = g_strdup (from->uuid);
  to->council = g_strdup (from->council);
  to->title = g_strdup (from->title);
  to->starts_at = g_strdup (from->starts_at);
  to->place = g_strdup (from->place);
  to->chair = g_strdup (from->chair);
  to->secretary = g_strdup (from->secretary);
  to->members = from->members;
  to->present = from->present;
  for (guint i = from->attendance->len; i-- > 0;)
    {
      const YishiSnapshotAttendance *row = from->attendance->pdata[i];
      YishiSnapshotAttendance *copied = g_new0 (YishiSnapshotAttendance, 1);

      copied->name = g_strdup (row->name);
      copied->status = row->status;
      copied->signed_in_at = g_strdup (row->signed_in_at);
      g_ptr_array_add (to->attendance, copied);
    }
  for (guint i = 0; i < from->observers->len; i++)
    {
      YishiSnapshotObserver *copied = g_new0 (YishiSnapshotObserver, 1);

      copied->name = g_strdup (((YishiSnapshotObserver *) from->observers->pdata[i])->name);
      g_ptr_array_add (to->observers, copied);
    }
  for (guint i = from->items->len; i-- > 0;)
    {
      const YishiSnapshotItem *row = from->items->pdata[i];
      YishiSnapshotItem *copied = g_new0 (YishiSnapshotItem, 1);

      copied->id = row->id + 1000;
      copied->position = row->position;
      copied->title = g_strdup (row->title);
      g_ptr_array_add (to->items, copied);
    }
  for (guint i = 0; i < from->motions->len; i++)
    {
      const YishiSnapshotMotion *row = from->motions->pdata[i];
      YishiSnapshotMotion *copied = yishi_snapshot_motion_new ();

      copied->id = row->id + 500;
      copied->item_id = row->item_id + 1000;
      copied->parent_id = row->parent_id != 0 ? row->parent_id + 500 : 0;
      copied->text = g_strdup (row->text);
      copied->mover = g_strdup (row->mover);
      copied->seconder = g_strdup (row->seconder);
      copied->rule = row->rule;
      copied->form = row->form;
      copied->voted = row->voted;
      copied->counts = row->counts;
      copied->verdict = row->verdict;
      copied->taken_at = g_strdup (row->taken_at);
      for (guint j = row->roll_call->len; j-- > 0;)
        {
          const YishiSnapshotChoice *choice = row->roll_call->pdata[j];
          YishiSnapshotChoice *copied_choice = g_new0 (YishiSnapshotChoice, 1);

          copied_choice->name = g_strdup (choice->name);
          copied_choice->choice = choice->choice;
          g_ptr_array_add (copied->roll_call, copied_choice);
        }
      g_ptr_array_add (to->motions, copied);
    }
  for (guint i = 0; i < from->resolutions->len; i++)
    {
      const YishiSnapshotResolution *row = from->resolutions->pdata[i];
      YishiSnapshotResolution *copied = g_new0 (YishiSnapshotResolution, 1);

      copied->item_id = row->item_id != 0 ? row->item_id + 1000 : 0;
      copied->motion_id = row->motion_id != 0 ? row->motion_id + 500 : 0;
      copied->text = g_strdup (row->text);
      copied->responsible = g_strdup (row->responsible);
      copied->due_on = g_strdup (row->due_on);
      copied->follow_up = g_strdup ("done");
      g_ptr_array_add (to->resolutions, copied);
    }

  form = yishi_minutes_canonical_form (minutes);
  copied_form = yishi_minutes_canonical_form (copy);
  g_assert_cmpstr (copied_form, ==, form);
  digest = yishi_minutes_compute_digest (copy);
  g_assert_cmpstr (digest, ==, minutes->digest);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/minutes-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("state-machine", test_state_machine);
  ADD ("needs-closed-meeting", test_needs_closed_meeting);
  ADD ("prefilled-discussion", test_prefilled_discussion);
  ADD ("canonical-form", test_canonical_form);
  ADD ("approval-locks", test_approval_locks);
  ADD ("approve-needs-chair", test_approve_needs_chair);
  ADD ("submit-and-approve", test_submit_and_approve);
  ADD ("approve-by-vote", test_approve_by_vote);
  ADD ("chain", test_chain);
  ADD ("corrigendum", test_corrigendum);
  ADD ("tampering", test_tampering);
  ADD ("broken-chain", test_broken_chain);
  ADD ("rebuilt", test_rebuilt);
#undef ADD

  return g_test_run ();
}
