#include <locale.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "yishi-person-store.h"
#include "yishi-cli-test-util.h"

/* `yishictl council` and `yishictl meeting` on a temporary database
 * whose people are added through the store. */
typedef YishiCliFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const names[] = { "张秀英", "李建国", "王芳", "赵志强", "陈小明" };

  yishi_cli_fixture_set_up (fixture, names, G_N_ELEMENTS (names));
}

#define fixture_tear_down yishi_cli_fixture_tear_down
#define RUN(status, out, ...) YISHI_CLI_RUN (fixture, status, out, __VA_ARGS__)

static void
set_up_session (Fixture *fixture)
{
  const char * const members[] = { "张秀英", "李建国", "王芳", "赵志强" };

  RUN (0, "1\n", "council", "add", "--name", "幸福里社区居民议事会");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    RUN (0, NULL, "council", "member", "add", "--council", "1", "--person", members[i],
         "--position", i == 0 ? "director" : "member", "--since", "2024-01-01");
  RUN (0, "1\n", "meeting", "add", "--council", "1", "--title", "五月议事会",
       "--at", "2024-05-10 19:30", "--place", "社区活动室", "--chair", "张秀英", "--secretary", "李建国");
  RUN (0, "1\n", "meeting", "item", "add", "--meeting", "1", "--title", "3号楼道路硬化");
}

static JsonObject *
member_of_array (JsonObject *object,
                 const char *array,
                 guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (object, array), index);
}

/* The whole session, with stable keys. */
static void
assert_show_json (Fixture *fixture)
{
  g_autoptr(YishiCliResult) result = yishi_cli_run (fixture, "meeting", "show", "1", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *meeting, *hands, *roll, *vote;

  yishi_cli_assert_status (result, 0, NULL);
  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);
  meeting = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (meeting, "state"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (meeting, "chair"), ==, "张秀英");
  g_assert_cmpint (json_object_get_int_member (meeting, "members"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (meeting, "present"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "attendance")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (member_of_array (meeting, "attendance", 3), "status"),
                   ==, "excused");
  g_assert_cmpstr (json_object_get_string_member (member_of_array (meeting, "items", 0), "title"),
                   ==, "3号楼道路硬化");

  hands = member_of_array (meeting, "motions", 0);
  g_assert_cmpstr (json_object_get_string_member (hands, "form"), ==, "hands");
  vote = json_object_get_object_member (hands, "vote");
  g_assert_cmpstr (json_object_get_string_member (vote, "verdict"), ==, "passed");
  g_assert_cmpint (json_object_get_int_member (vote, "yes"), ==, 2);
  g_assert_false (json_object_has_member (vote, "roll_call"));

  roll = member_of_array (meeting, "motions", 1);
  g_assert_cmpstr (json_object_get_string_member (roll, "form"), ==, "roll-call");
  g_assert_cmpstr (json_object_get_string_member (roll, "majority"), ==, "unanimous");
  g_assert_cmpstr (json_object_get_string_member (roll, "base"), ==, "present");
  vote = json_object_get_object_member (roll, "vote");
  g_assert_cmpstr (json_object_get_string_member (vote, "verdict"), ==, "failed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (vote, "roll_call")), ==, 3);

  g_assert_cmpstr (json_object_get_string_member (member_of_array (meeting, "resolutions", 0), "follow_up"),
                   ==, "open");
  g_assert_cmpstr (json_object_get_string_member (member_of_array (meeting, "resolutions", 0), "due_on"),
                   ==, "2024-07-01");
}

static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  set_up_session (fixture);
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "张秀英", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "李建国", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "王芳", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "4", "--status", "excused");
  RUN (0, "1\n", "meeting", "motion", "add", "--item", "1", "--text", "同意硬化", "--mover", "王芳");
  RUN (0, "2\n", "meeting", "motion", "add", "--item", "1", "--text", "记名表决", "--mover", "王芳",
       "--form", "roll-call", "--majority", "unanimous");
  /* not in session yet */
  RUN (1, "", "meeting", "vote", "--motion", "1", "--yes", "2", "--no", "1", "--abstain", "0");
  RUN (0, NULL, "meeting", "state", "--meeting", "1", "in-session");
  /* 4 cast, 3 present: refused, nothing stored */
  RUN (1, "", "meeting", "vote", "--motion", "1", "--yes", "3", "--no", "1", "--abstain", "0");
  RUN (0, NULL, "meeting", "vote", "--motion", "1", "--yes", "2", "--no", "1", "--abstain", "0");
  /* 赵志强 is excused, so cannot vote in a roll call */
  RUN (1, "", "meeting", "vote", "--motion", "2", "--roll", "张秀英=yes,赵志强=yes");
  RUN (0, NULL, "meeting", "vote", "--motion", "2", "--roll", "张秀英=yes,李建国=yes,王芳=no");
  RUN (0, "1\n", "meeting", "resolution", "add", "--item", "1", "--text", "由物业负责",
       "--responsible", "李建国", "--due", "2024-07-01");
  RUN (0, NULL, "meeting", "state", "--meeting", "1", "closed");
  RUN (1, "", "meeting", "attend", "--meeting", "1", "--person", "赵志强", "--status", "present");
  RUN (1, "", "meeting", "state", "--meeting", "1", "in-session");
  assert_show_json (fixture);
}

static void
test_verdicts (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(YishiCliResult) result = NULL;

  set_up_session (fixture);
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "张秀英", "--status", "present");
  RUN (0, NULL, "meeting", "state", "--meeting", "1", "in-session");
  RUN (0, "1\n", "meeting", "motion", "add", "--item", "1", "--text", "动议");
  result = yishi_cli_run (fixture, "meeting", "vote", "--motion", "1", "--yes", "1", "--no", "0", "--abstain", "0", NULL);
  yishi_cli_assert_status (result, 0, NULL);
  g_assert_true (g_str_has_prefix (result->out, "no-quorum "));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(YishiCliResult) councils = NULL;
  g_autoptr(YishiCliResult) meetings = NULL;
  g_autoptr(JsonNode) councils_node = NULL;
  g_autoptr(JsonNode) meetings_node = NULL;
  JsonObject *council, *meeting;

  set_up_session (fixture);
  RUN (0, "2\n", "council", "add", "--name", "光明社区议事会", "--quorum", "count:3",
       "--majority", "two-thirds", "--base", "yes-no");
  councils = yishi_cli_run (fixture, "council", "list", "--json", NULL);
  yishi_cli_assert_status (councils, 0, NULL);
  councils_node = parse_json (councils->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (councils_node)), ==, 2);
  council = json_array_get_object_element (json_node_get_array (councils_node), 1);
  g_assert_cmpstr (json_object_get_string_member (council, "name"), ==, "幸福里社区居民议事会");
  g_assert_cmpint (json_object_get_int_member (council, "members"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (council, "quorum"), ==, "more-than-half");
  council = json_array_get_object_element (json_node_get_array (councils_node), 0);
  g_assert_cmpstr (json_object_get_string_member (council, "quorum"), ==, "count:3");
  g_assert_cmpstr (json_object_get_string_member (council, "majority"), ==, "two-thirds");

  meetings = yishi_cli_run (fixture, "meeting", "list", "--json", NULL);
  yishi_cli_assert_status (meetings, 0, NULL);
  meetings_node = parse_json (meetings->out);
  meeting = json_array_get_object_element (json_node_get_array (meetings_node), 0);
  g_assert_cmpstr (json_object_get_string_member (meeting, "state"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (meeting, "starts_at"), ==, "2024-05-10 19:30");
  RUN (0, NULL, "meeting", "list");
  RUN (0, NULL, "council", "list");
}

/* 列席人员, from the register or by name; the show JSON lists them. */
static void
test_observers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(YishiCliResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *meeting, *observer;

  set_up_session (fixture);
  RUN (0, "1\n", "meeting", "observer", "add", "--meeting", "1", "--person", "陈小明");
  RUN (0, "2\n", "meeting", "observer", "add", "--meeting", "1", "--name", "物业公司代表");
  RUN (2, "", "meeting", "observer", "add", "--meeting", "1");
  RUN (2, "", "meeting", "observer", "add", "--meeting", "1", "--person", "陈小明", "--name", "x");
  RUN (2, "", "meeting", "observer", "add", "--meeting", "x", "--name", "x");
  RUN (1, "", "meeting", "observer", "add", "--meeting", "1", "--person", "无此人");
  RUN (1, "", "meeting", "observer", "add", "--meeting", "1", "--name", "  ");
  RUN (1, "", "meeting", "observer", "add", "--meeting", "9", "--name", "某人");

  result = yishi_cli_run (fixture, "meeting", "show", "1", "--json", NULL);
  yishi_cli_assert_status (result, 0, NULL);
  node = parse_json (result->out);
  meeting = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "observers")), ==, 2);
  observer = member_of_array (meeting, "observers", 0);
  g_assert_cmpint (json_object_get_int_member (observer, "person_id"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (observer, "name"), ==, "陈小明");
  observer = member_of_array (meeting, "observers", 1);
  g_assert_true (json_object_get_null_member (observer, "person_id"));
  g_assert_cmpstr (json_object_get_string_member (observer, "name"), ==, "物业公司代表");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "attendance")), ==, 0);

  RUN (0, NULL, "meeting", "state", "--meeting", "1", "in-session");
  RUN (0, NULL, "meeting", "state", "--meeting", "1", "closed");
  RUN (1, "", "meeting", "observer", "add", "--meeting", "1", "--name", "迟到的人");
}

static JsonObject *
follow_up_of (JsonNode *node,
              guint     index)
{
  return json_array_get_object_element (json_node_get_array (node), index);
}

/* Follow-ups across meetings, with `overdue` against today. */
static void
test_follow_ups (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(YishiCliResult) before = NULL;
  g_autoptr(YishiCliResult) after = NULL;
  g_autoptr(JsonNode) before_node = NULL;
  g_autoptr(JsonNode) after_node = NULL;
  JsonObject *row;

  set_up_session (fixture);
  RUN (0, "2\n", "meeting", "add", "--council", "1", "--title", "六月议事会", "--at", "2024-06-10 19:30");
  RUN (0, "2\n", "meeting", "item", "add", "--meeting", "2", "--title", "加装电梯");
  RUN (0, "1\n", "meeting", "resolution", "add", "--item", "1", "--text", "由物业负责",
       "--responsible", "李建国", "--due", "2024-07-01");
  RUN (0, "2\n", "meeting", "resolution", "add", "--item", "2", "--text", "征求意见", "--due", "2999-12-31");
  RUN (0, "3\n", "meeting", "resolution", "add", "--item", "2", "--text", "没有期限");

  before = yishi_cli_run (fixture, "meeting", "follow-ups", "--json", NULL);
  yishi_cli_assert_status (before, 0, NULL);
  before_node = parse_json (before->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (before_node)), ==, 3);
  row = follow_up_of (before_node, 0);
  g_assert_cmpint (json_object_get_int_member (row, "id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "meeting_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "meeting"), ==, "五月议事会");
  g_assert_cmpstr (json_object_get_string_member (row, "responsible"), ==, "李建国");
  g_assert_cmpstr (json_object_get_string_member (row, "follow_up"), ==, "open");
  g_assert_true (json_object_get_boolean_member (row, "overdue"));
  row = follow_up_of (before_node, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "meeting"), ==, "六月议事会");
  g_assert_false (json_object_get_boolean_member (row, "overdue"));
  g_assert_true (json_object_get_null_member (row, "responsible"));
  row = follow_up_of (before_node, 2);
  g_assert_true (json_object_get_null_member (row, "due_on"));
  g_assert_false (json_object_get_boolean_member (row, "overdue"));

  RUN (0, "", "meeting", "resolution", "follow-up", "--resolution", "1", "in-progress");
  RUN (0, "", "meeting", "resolution", "follow-up", "--resolution", "2", "done");
  RUN (2, "", "meeting", "resolution", "follow-up", "--resolution", "1", "finished");
  RUN (2, "", "meeting", "resolution", "follow-up", "--resolution", "1");
  RUN (2, "", "meeting", "resolution", "follow-up", "open");
  RUN (1, "", "meeting", "resolution", "follow-up", "--resolution", "9", "done");

  after = yishi_cli_run (fixture, "meeting", "follow-ups", "--json", NULL);
  yishi_cli_assert_status (after, 0, NULL);
  after_node = parse_json (after->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after_node)), ==, 2);
  row = follow_up_of (after_node, 0);
  g_assert_cmpint (json_object_get_int_member (row, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "follow_up"), ==, "in-progress");
  g_assert_true (json_object_get_boolean_member (row, "overdue"));
  g_assert_cmpint (json_object_get_int_member (follow_up_of (after_node, 1), "id"), ==, 3);
  RUN (0, NULL, "meeting", "follow-ups");
}

/* `--parent`: an amendment, voted on before the motion it amends. */
static void
test_amendments (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(YishiCliResult) refused = NULL;

  set_up_session (fixture);
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "张秀英", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "李建国", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", "王芳", "--status", "present");
  RUN (0, NULL, "meeting", "state", "--meeting", "1", "in-session");
  RUN (0, "1\n", "meeting", "motion", "add", "--item", "1", "--text", "同意硬化");
  RUN (0, "2\n", "meeting", "motion", "add", "--item", "1", "--parent", "1", "--text", "改为沥青路面");
  RUN (2, "", "meeting", "motion", "add", "--item", "1", "--parent", "one", "--text", "x");
  RUN (1, "", "meeting", "motion", "add", "--item", "1", "--parent", "9", "--text", "x");

  refused = yishi_cli_run (fixture, "meeting", "vote", "--motion", "1", "--yes", "2", "--no", "1", "--abstain", "0", NULL);
  yishi_cli_assert_status (refused, 1, "");
  g_assert_nonnull (strstr (refused->err, "2"));
  RUN (0, NULL, "meeting", "vote", "--motion", "2", "--yes", "1", "--no", "2", "--abstain", "0");
  RUN (0, NULL, "meeting", "vote", "--motion", "1", "--yes", "2", "--no", "1", "--abstain", "0");
  RUN (1, "", "meeting", "motion", "add", "--item", "1", "--parent", "1", "--text", "太迟了");
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  RUN (2, "", "council", "add");
  RUN (2, "", "council", "add", "--name", "x", "--quorum", "most");
  RUN (2, "", "council", "member", "add", "--council", "one", "--person", "王芳");
  RUN (2, "", "meeting", "state", "--meeting", "1", "open");
  RUN (2, "", "meeting", "show", "x", "--json");
  RUN (1, "", "meeting", "show", "9", "--json");
  RUN (2, "", "meeting", "vote", "--motion", "1", "--yes", "-1", "--no", "0", "--abstain", "0");
  RUN (2, "", "meeting", "attend", "--meeting", "1", "--person", "王芳", "--status", "late");
  RUN (1, "", "council", "member", "add", "--council", "1", "--person", "无此人", "--position", "member");
}

#define ADD(path, func) \
  g_test_add ("/meeting-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("session", test_session);
  ADD ("verdicts", test_verdicts);
  ADD ("usage", test_usage);
  ADD ("lists", test_lists);
  ADD ("observers", test_observers);
  ADD ("follow-ups", test_follow_ups);
  ADD ("amendments", test_amendments);

  return g_test_run ();
}
