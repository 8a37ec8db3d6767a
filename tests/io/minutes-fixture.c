#include "config.h"

#include "minutes-fixture.h"
#include "yishi-council-store.h"
#include "yishi-meeting-store.h"
#include "yishi-person-store.h"

enum { WANG, LI, ZHAO, CAI, MA, N_MEMBERS };

static const char *const names[N_MEMBERS] = { MINUTES_CHAIR, "李建国", "赵淑芬", "蔡文静", MINUTES_EXCUSED };

typedef struct
{
  YishiDatabase *db;
  gint64         people[N_MEMBERS];
  gint64         items[2];
} Build;

static gint64
add_meeting (Build *build)
{
  g_autoptr(GError) error = NULL;
  gint64 council = yishi_council_store_add (build->db, MINUTES_COUNCIL, NULL, &error);
  gint64 meeting;

  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      build->people[i] = yishi_test_add_person (build->db, names[i]);
      yishi_council_store_add_member (build->db, council, build->people[i],
                                      i == WANG ? YISHI_COUNCIL_POSITION_DIRECTOR : YISHI_COUNCIL_POSITION_MEMBER,
                                      "2025-01-08", &error);
      g_assert_no_error (error);
    }
  meeting = yishi_meeting_store_add (build->db, council, MINUTES_TITLE, "2026-03-26 19:00", MINUTES_PLACE,
                                     build->people[WANG], yishi_test_add_person (build->db, MINUTES_SECRETARY), &error);
  g_assert_no_error (error);
  build->items[0] = yishi_meeting_store_add_item (build->db, meeting, "3号楼道路硬化", 0, &error);
  g_assert_no_error (error);
  build->items[1] = yishi_meeting_store_add_item (build->db, meeting, "垃圾分类定时定点投放", 0, &error);
  g_assert_no_error (error);
  yishi_meeting_store_add_observer (build->db, meeting, 0, MINUTES_OBSERVER, &error);
  g_assert_no_error (error);
  return meeting;
}

static void
sign_in (Build  *build,
         gint64  meeting)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_set_state (build->db, meeting, YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      yishi_meeting_store_attend (build->db, meeting, build->people[i],
                                  i == MA ? YISHI_ATTENDANCE_EXCUSED : YISHI_ATTENDANCE_PRESENT, &error);
      g_assert_no_error (error);
    }
}

static gint64
add_motion (Build         *build,
            guint          item,
            gint64         parent,
            const char    *text,
            guint          mover,
            YishiVoteForm  form)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add_motion (build->db, build->items[item], parent, text,
                                              build->people[mover], NULL, form, &error);

  g_assert_no_error (error);
  return id;
}

static void
vote (Build  *build,
      gint64  motion,
      guint   yes,
      guint   no,
      guint   abstain,
      guint   invalid)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_meeting_store_record_vote (build->db, motion, yes, no, abstain, invalid, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
}

static void
hold_votes (Build *build)
{
  g_autoptr(GError) error = NULL;
  const YishiRollCallEntry roll_call[] = {
    { build->people[WANG], YISHI_ROLL_CALL_YES },
    { build->people[LI], YISHI_ROLL_CALL_NO },
    { build->people[ZHAO], YISHI_ROLL_CALL_YES },
    { build->people[CAI], YISHI_ROLL_CALL_YES },
  };
  gint64 road = add_motion (build, 0, 0, "同意硬化3号楼道路", LI, YISHI_VOTE_FORM_HANDS);
  gint64 amendment = add_motion (build, 0, road, "工期改为两个月", CAI, YISHI_VOTE_FORM_ROLL_CALL);
  gint64 waste = add_motion (build, 1, 0, "推行垃圾分类定时定点投放", ZHAO, YISHI_VOTE_FORM_SECRET);

  g_assert_true (yishi_meeting_store_set_seconder (build->db, road, build->people[ZHAO], &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_meeting_store_record_roll_call (build->db, amendment, roll_call, G_N_ELEMENTS (roll_call),
                                                         NULL, &error), >, 0);
  g_assert_no_error (error);
  vote (build, road, 4, 0, 0, 0);
  vote (build, waste, 2, 1, 0, 1);
  yishi_meeting_store_add_resolution (build->db, build->items[0], road, MINUTES_RESOLUTION, build->people[LI],
                                      "2026-06-30", &error);
  g_assert_no_error (error);
}

static void
write_up (MinutesFixture *fixture,
          gboolean        approve)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) draft = yishi_minutes_store_get (fixture->db, fixture->meeting, &error);
  const char *const discussions[] = {
    "李建国：道路破损严重，建议尽快硬化。\n赵淑芬：同意，附议。\n预算 <约12万元> & 工期 \"两个月\" 经讨论确定。",
    "蔡文静: 分类桶已到位。\n路径 C:\\居民\\公约 保持原样。",
  };

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_true (yishi_minutes_store_save (fixture->db, fixture->meeting, discussions, G_N_ELEMENTS (discussions),
                                           "下次会议定于4月下旬召开。", &error));
  g_assert_no_error (error);
  if (!approve)
    return;
  g_assert_true (yishi_minutes_store_submit (fixture->db, fixture->meeting, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_minutes_store_approve_by_chair (fixture->db, fixture->meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yishi_minutes_store_add_corrigendum (fixture->db, fixture->meeting,
                                                        "第一项决议的完成时限应为6月30日。", &error), >, 0);
  g_assert_no_error (error);
}

void
minutes_fixture_set_up (MinutesFixture *fixture,
                        gboolean        approve)
{
  g_autoptr(GError) error = NULL;
  Build build = { 0 };

  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  build.db = fixture->db;
  fixture->meeting = add_meeting (&build);
  sign_in (&build, fixture->meeting);
  hold_votes (&build);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting, YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);
  write_up (fixture, approve);
}

void
minutes_fixture_tear_down (MinutesFixture *fixture)
{
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->dir, yishi_test_dir_free);
}

YishiMinutes *
minutes_fixture_get (MinutesFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  YishiMinutes *minutes = yishi_minutes_store_get (fixture->db, fixture->meeting, &error);

  g_assert_no_error (error);
  g_assert_nonnull (minutes);
  return minutes;
}
