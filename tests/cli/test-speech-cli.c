#include <locale.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "yishi-person-store.h"
#include "yishi-cli-test-util.h"

/* `yishictl speech`, `council set` and `council members`, `meeting
 * notice` and `meeting motion second`, on a temporary database whose
 * people are added through the store. */
typedef YishiCliFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const names[] = { "王桂兰", "李建国", "王芳", "赵志强", "陈小明" };

  yishi_cli_fixture_set_up (fixture, names, G_N_ELEMENTS (names));
}

#define fixture_tear_down yishi_cli_fixture_tear_down
#define RUN(status, out, ...) YISHI_CLI_RUN (fixture, status, out, __VA_ARGS__)

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
run_json (Fixture    *fixture,
          const char *first,
          ...)
{
  g_autoptr(YishiCliResult) result = NULL;
  const char *args[8] = { NULL };
  va_list ap;
  guint n = 0;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL && n < G_N_ELEMENTS (args) - 1; arg = va_arg (ap, const char *))
    args[n++] = arg;
  va_end (ap);
  result = yishi_cli_run (fixture, args[0], args[1], args[2], args[3], args[4], args[5], args[6], NULL);
  yishi_cli_assert_status (result, 0, NULL);
  return parse_json (result->out);
}

/* A council of four, a meeting in session with one item, three present. */
static void
set_up_session (Fixture *fixture)
{
  const char * const members[] = { "王桂兰", "李建国", "王芳", "赵志强" };

  RUN (0, "1\n", "council", "add", "--name", "幸福里社区居民议事会");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    RUN (0, NULL, "council", "member", "add", "--council", "1", "--person", members[i],
         "--position", i == 0 ? "director" : "member", "--since", "2024-01-01");
  RUN (0, "1\n", "meeting", "add", "--council", "1", "--title", "五月议事会",
       "--at", "2024-05-10 19:30", "--place", "社区活动室", "--chair", "王桂兰", "--secretary", "李建国");
  RUN (0, "1\n", "meeting", "item", "add", "--meeting", "1", "--title", "3号楼道路硬化");
  RUN (0, NULL, "meeting", "state", "--meeting", "1", "in-session");
  for (guint i = 0; i < 3; i++)
    RUN (0, NULL, "meeting", "attend", "--meeting", "1", "--person", members[i], "--status", "present");
}

/* add, floor, end: one speaker at a time, two turns each. */
static void
test_queue (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(YishiCliResult) refused = NULL;
  g_autoptr(YishiCliResult) table = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *speeches;
  JsonObject *speech;

  set_up_session (fixture);
  RUN (0, "1\n", "meeting", "motion", "add", "--item", "1", "--text", "同意硬化", "--mover", "李建国");
  RUN (0, "1\n", "speech", "add", "--item", "1", "--person", "王桂兰", "--motion", "1");
  RUN (0, "2\n", "speech", "add", "--item", "1", "--person", "3");
  RUN (0, "", "speech", "floor", "1");
  refused = yishi_cli_run (fixture, "speech", "floor", "2", NULL);
  yishi_cli_assert_status (refused, 1, "");
  g_assert_nonnull (strstr (refused->err, "王桂兰 has the floor"));
  RUN (0, "", "speech", "end", "1", "--note", "赞成，建议分两期施工");
  RUN (0, "", "speech", "floor", "2");
  RUN (0, "", "speech", "end", "2");
  RUN (0, "3\n", "speech", "add", "--item", "1", "--person", "王桂兰", "--motion", "1");
  RUN (0, "", "speech", "floor", "3");
  RUN (0, "", "speech", "end", "3");
  g_clear_pointer (&refused, yishi_cli_result_free);
  refused = yishi_cli_run (fixture, "speech", "add", "--item", "1", "--person", "王桂兰", "--motion", "1", NULL);
  yishi_cli_assert_status (refused, 1, "");
  g_assert_nonnull (strstr (refused->err, "王桂兰 has already had 2 turns on this motion; the council allows 2."));

  node = run_json (fixture, "speech", "list", "--item", "1", "--json", NULL);
  speeches = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (speeches), ==, 3);
  speech = json_array_get_object_element (speeches, 0);
  g_assert_cmpint (json_object_get_int_member (speech, "id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (speech, "motion_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (speech, "name"), ==, "王桂兰");
  g_assert_cmpstr (json_object_get_string_member (speech, "state"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (speech, "note"), ==, "赞成，建议分两期施工");
  g_assert_cmpuint (strlen (json_object_get_string_member (speech, "started_at")), ==, 19);
  speech = json_array_get_object_element (speeches, 1);
  g_assert_true (json_object_get_null_member (speech, "motion_id"));
  g_assert_cmpstr (json_object_get_string_member (speech, "name"), ==, "王芳");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (speeches, 2), "turn"), ==, 2);

  table = yishi_cli_run (fixture, "speech", "list", "--item", "1", NULL);
  yishi_cli_assert_status (table, 0, NULL);
  g_assert_nonnull (strstr (table->out, "赞成，建议分两期施工"));
  g_assert_nonnull (strstr (table->out, "王芳"));
}

static void
test_speech_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  set_up_session (fixture);
  RUN (2, "", "speech", "add", "--item", "1");
  RUN (2, "", "speech", "add", "--person", "王芳");
  RUN (2, "", "speech", "add", "--item", "one", "--person", "王芳");
  RUN (2, "", "speech", "floor");
  RUN (2, "", "speech", "floor", "x");
  RUN (2, "", "speech", "end", "1", "2");
  RUN (2, "", "speech", "list");
  RUN (2, "", "speech", "talk");
  RUN (1, "", "speech", "add", "--item", "9", "--person", "王芳");
  RUN (1, "", "speech", "add", "--item", "1", "--person", "无此人");
  RUN (1, "", "speech", "floor", "9");
  RUN (1, "", "speech", "end", "9");
  RUN (1, "", "speech", "list", "--item", "9");
  /* queued, not speaking: nothing to end */
  RUN (0, "1\n", "speech", "add", "--item", "1", "--person", "王芳");
  RUN (1, "", "speech", "end", "1");
}

/* council set changes only what it is given; council members lists the
 * directors first. */
static void
test_council (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonNode) councils = NULL;
  g_autoptr(JsonNode) members = NULL;
  g_autoptr(JsonNode) meeting = NULL;
  g_autoptr(YishiCliResult) table = NULL;
  JsonObject *object, *speaking;

  set_up_session (fixture);
  RUN (0, "5\n", "council", "member", "add", "--council", "1", "--person", "陈小明",
       "--position", "deputy-director", "--since", "2024-06-01");
  RUN (0, "", "council", "set", "1", "--speech-seconds", "90", "--max-turns", "3");
  RUN (0, "", "council", "set", "1", "--requires-seconder", "yes", "--majority", "two-thirds");
  RUN (2, "", "council", "set", "1");
  RUN (2, "", "council", "set", "1", "--max-turns", "0");
  RUN (2, "", "council", "set", "1", "--speech-seconds", "-5");
  RUN (2, "", "council", "set", "1", "--requires-seconder", "maybe");
  RUN (2, "", "council", "set", "1", "--quorum", "most");
  RUN (2, "", "council", "set", "--max-turns", "2");
  RUN (1, "", "council", "set", "9", "--max-turns", "2");
  RUN (1, "", "council", "set", "9", "--base", "members");

  meeting = run_json (fixture, "meeting", "show", "1", "--json", NULL);
  speaking = json_object_get_object_member (json_node_get_object (meeting), "speaking");
  g_assert_cmpint (json_object_get_int_member (speaking, "speech_seconds"), ==, 90);
  g_assert_cmpint (json_object_get_int_member (speaking, "max_turns"), ==, 3);
  g_assert_true (json_object_get_boolean_member (speaking, "requires_seconder"));
  councils = run_json (fixture, "council", "list", "--json", NULL);
  object = json_array_get_object_element (json_node_get_array (councils), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "majority"), ==, "two-thirds");
  g_assert_cmpstr (json_object_get_string_member (object, "quorum"), ==, "more-than-half");
  g_assert_cmpstr (json_object_get_string_member (object, "base"), ==, "present");

  /* on 2024-05-10 the deputy had not joined yet */
  members = run_json (fixture, "council", "members", "1", "--date", "2024-05-10", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (members)), ==, 4);
  g_clear_pointer (&members, json_node_unref);
  members = run_json (fixture, "council", "members", "1", "--date", "2024-06-01", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (members)), ==, 5);
  object = json_array_get_object_element (json_node_get_array (members), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "王桂兰");
  g_assert_cmpstr (json_object_get_string_member (object, "position"), ==, "director");
  g_assert_true (json_object_get_null_member (object, "left_on"));
  object = json_array_get_object_element (json_node_get_array (members), 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "陈小明");
  g_assert_cmpstr (json_object_get_string_member (object, "position"), ==, "deputy-director");
  g_assert_cmpstr (json_object_get_string_member (object, "joined_on"), ==, "2024-06-01");
  g_assert_cmpint (json_object_get_int_member (object, "person_id"), ==, 5);

  table = yishi_cli_run (fixture, "council", "members", "1", "--date", "2024-06-01", NULL);
  yishi_cli_assert_status (table, 0, NULL);
  g_assert_nonnull (strstr (table->out, "Deputy Director"));
  RUN (2, "", "council", "members", "1", "--date");
  RUN (1, "", "council", "members", "1", "--date", "2024-02-30");
  RUN (1, "", "council", "members", "9");
}

/* The show JSON has the notice, each motion's seconder, the speeches;
 * the text lists the speeches under their item. */
static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(YishiCliResult) text = NULL;
  JsonObject *meeting, *motion, *speech;

  set_up_session (fixture);
  RUN (0, "", "council", "set", "1", "--requires-seconder", "yes");
  RUN (0, "", "meeting", "notice", "--meeting", "1", "--text", "定于5月10日19:30召开议事会");
  RUN (2, "", "meeting", "notice", "--meeting", "1");
  RUN (1, "", "meeting", "notice", "--meeting", "9", "--text", "x");
  RUN (0, "1\n", "meeting", "motion", "add", "--item", "1", "--text", "同意硬化", "--mover", "李建国");
  RUN (1, "", "meeting", "vote", "--motion", "1", "--yes", "3", "--no", "0", "--abstain", "0");
  RUN (1, "", "meeting", "motion", "second", "--motion", "1", "--seconder", "李建国");
  RUN (1, "", "meeting", "motion", "second", "--motion", "1", "--seconder", "赵志强");
  RUN (2, "", "meeting", "motion", "second", "--motion", "1");
  RUN (0, "", "meeting", "motion", "second", "--motion", "1", "--seconder", "王芳");
  RUN (0, "1\n", "speech", "add", "--item", "1", "--person", "王桂兰", "--motion", "1");
  RUN (0, "", "speech", "floor", "1");
  RUN (0, "", "speech", "end", "1", "--note", "赞成");
  RUN (0, "2\n", "speech", "add", "--item", "1", "--person", "赵志强");
  RUN (0, NULL, "meeting", "vote", "--motion", "1", "--yes", "3", "--no", "0", "--abstain", "0");

  node = run_json (fixture, "meeting", "show", "1", "--json", NULL);
  meeting = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (meeting, "notice"), ==, "定于5月10日19:30召开议事会");
  motion = json_array_get_object_element (json_object_get_array_member (meeting, "motions"), 0);
  g_assert_cmpstr (json_object_get_string_member (motion, "seconder"), ==, "王芳");
  g_assert_cmpstr (json_object_get_string_member (motion, "mover"), ==, "李建国");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "speeches")), ==, 2);
  speech = json_array_get_object_element (json_object_get_array_member (meeting, "speeches"), 0);
  g_assert_cmpint (json_object_get_int_member (speech, "item_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (speech, "motion_id"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (speech, "person_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (speech, "state"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (speech, "note"), ==, "赞成");
  g_assert_nonnull (json_object_get_string_member (speech, "ended_at"));
  speech = json_array_get_object_element (json_object_get_array_member (meeting, "speeches"), 1);
  g_assert_cmpstr (json_object_get_string_member (speech, "state"), ==, "queued");
  g_assert_true (json_object_get_null_member (speech, "started_at"));
  g_assert_true (json_object_get_null_member (speech, "motion_id"));

  text = yishi_cli_run (fixture, "meeting", "show", "1", NULL);
  yishi_cli_assert_status (text, 0, NULL);
  g_assert_nonnull (strstr (text->out, "Notice: 定于5月10日19:30召开议事会\n"));
  g_assert_nonnull (strstr (text->out, "1. 3号楼道路硬化\n"
                                       "  Motion 1 “同意硬化”: 3 yes, 0 no, 0 abstain: passed\n"
                                       "  Speech 1: 王桂兰, turn 1 (done)\n"
                                       "    赞成\n"
                                       "  Speech 2: 赵志强, turn 1 (queued)\n"));

  /* voted: the seconder is final */
  RUN (1, "", "meeting", "motion", "second", "--motion", "1", "--seconder", "王桂兰");
}

#define ADD(path, func) \
  g_test_add ("/speech-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("queue", test_queue);
  ADD ("speech-usage", test_speech_usage);
  ADD ("council", test_council);
  ADD ("show", test_show);

  return g_test_run ();
}
