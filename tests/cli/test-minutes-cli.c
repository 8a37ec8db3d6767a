#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>

#include "yishi-cli-test-util.h"

/* `yishictl minutes` on a temporary database whose meetings are held
 * with `yishictl meeting` and `speech`, as a secretary would. */
typedef YishiCliFixture Fixture;

#define FIRST_TITLE  "五月议事会"
#define SECOND_TITLE "六月议事会"

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const names[] = { "张秀英", "李建国", "王芳", "赵志强", "陈小明" };

  yishi_cli_fixture_set_up (fixture, names, G_N_ELEMENTS (names));
}

#define fixture_tear_down yishi_cli_fixture_tear_down
#define RUN(status, out, ...) YISHI_CLI_RUN (fixture, status, out, __VA_ARGS__)

/* A meeting of the council held and closed: three present and one
 * excused, a speech with its note, a motion passed by show of hands and
 * a resolution. Meeting @n (1, 2) has item @n and motion @n. */
static void
hold_meeting (Fixture    *fixture,
              const char *n,
              const char *title,
              const char *at)
{
  g_autoptr(YishiCliResult) queued = NULL;
  g_autofree char *speech = NULL;

  RUN (0, NULL, "meeting", "add", "--council", "1", "--title", title, "--at", at, "--place", "社区活动室",
       "--chair", "张秀英", "--secretary", "李建国");
  RUN (0, NULL, "meeting", "item", "add", "--meeting", n, "--title", "3号楼道路硬化");
  RUN (0, NULL, "meeting", "attend", "--meeting", n, "--person", "张秀英", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", n, "--person", "李建国", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", n, "--person", "王芳", "--status", "present");
  RUN (0, NULL, "meeting", "attend", "--meeting", n, "--person", "赵志强", "--status", "excused");
  RUN (0, NULL, "meeting", "state", "--meeting", n, "in-session");
  queued = yishi_cli_run (fixture, "speech", "add", "--item", n, "--person", "王芳", NULL);
  yishi_cli_assert_status (queued, 0, NULL);
  speech = g_strstrip (g_strdup (queued->out));
  RUN (0, NULL, "speech", "floor", speech);
  RUN (0, NULL, "speech", "end", speech, "--note", "路面坑洼，雨天积水，建议硬化。");
  RUN (0, NULL, "meeting", "motion", "add", "--item", n, "--text", "同意硬化3号楼道路", "--mover", "王芳");
  RUN (0, NULL, "meeting", "vote", "--motion", n, "--yes", "2", "--no", "1", "--abstain", "0");
  RUN (0, NULL, "meeting", "resolution", "add", "--item", n, "--text", "由物业负责施工",
       "--responsible", "李建国", "--due", "2024-07-01");
  RUN (0, NULL, "meeting", "state", "--meeting", n, "closed");
}

static void
set_up_council (Fixture *fixture)
{
  const char * const members[] = { "张秀英", "李建国", "王芳", "赵志强" };

  RUN (0, "1\n", "council", "add", "--name", "幸福里社区居民议事会");
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    RUN (0, NULL, "council", "member", "add", "--council", "1", "--person", members[i],
         "--position", i == 0 ? "director" : "member", "--since", "2024-01-01");
  hold_meeting (fixture, "1", FIRST_TITLE, "2024-05-10 19:30");
}

static JsonObject *
show_minutes (Fixture    *fixture,
              const char *meeting,
              JsonNode  **out_node)
{
  g_autoptr(YishiCliResult) result = yishi_cli_run (fixture, "minutes", "show", meeting, "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  yishi_cli_assert_status (result, 0, NULL);
  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);
  *out_node = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*out_node);
}

static char *
minutes_member (Fixture    *fixture,
                const char *meeting,
                const char *member)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *minutes = show_minutes (fixture, meeting, &node);

  return g_strdup (json_object_get_string_member (minutes, member));
}

static char *
fixture_file (Fixture    *fixture,
              const char *name)
{
  return yishi_test_dir_file (fixture->dir, name);
}

/* The root element of an XML file, and its namespace. */
static void
assert_xml_root (const char *path,
                 const char *name,
                 const char *ns)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNode *root;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, name);
  g_assert_nonnull (root->ns);
  g_assert_cmpstr ((const char *) root->ns->href, ==, ns);
  xmlFreeDoc (doc);
}

/* The first bytes of a file. */
static void
assert_starts_with (const char *path,
                    const char *magic,
                    gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, offset + strlen (magic));
  g_assert_cmpmem (contents + offset, strlen (magic), magic, strlen (magic));
}

/* Every format, from a draft: files that are what they say. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *xml = fixture_file (fixture, "minutes.xml");
  g_autofree char *odt = fixture_file (fixture, "minutes.odt");
  g_autofree char *pdf = fixture_file (fixture, "minutes.pdf");
  g_autofree char *akn = fixture_file (fixture, "minutes-akn.xml");
  g_autofree char *never = fixture_file (fixture, "never.xml");

  set_up_council (fixture);
  RUN (0, "", "minutes", "export", "1", "--format", "xml", "-o", xml);
  RUN (0, "", "minutes", "export", "1", "--format", "odt", "-o", odt);
  RUN (0, "", "minutes", "export", "1", "--format", "pdf", "-o", pdf);
  RUN (0, "", "minutes", "export", "1", "--format", "akn", "--output", akn);

  assert_xml_root (xml, "minutes", "urn:x-yishi:minutes");
  assert_xml_root (akn, "akomaNtoso", "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
  /* a zip whose first member is the stored "mimetype" */
  assert_starts_with (odt, "PK\003\004", 0);
  assert_starts_with (odt, "mimetypeapplication/vnd.oasis.opendocument.text", 30);
  assert_starts_with (pdf, "%PDF-", 0);

  RUN (2, "", "minutes", "export", "1", "--format", "docx", "-o", never);
  RUN (2, "", "minutes", "export", "1", "-o", never);
  RUN (2, "", "minutes", "export", "1", "--format", "xml");
  RUN (2, "", "minutes", "export", "x", "--format", "xml", "-o", never);
  /* no such meeting */
  RUN (1, "", "minutes", "export", "9", "--format", "xml", "-o", never);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

static gboolean
is_digest (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* draft → submitted → approved by the chair → frozen; a draft is not
 * approved without --submit. */
static void
test_approve_by_chair (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(YishiCliResult) refused = NULL;
  g_autoptr(YishiCliResult) approved = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *state = NULL;
  JsonObject *minutes, *approval;

  set_up_council (fixture);
  state = minutes_member (fixture, "1", "state");
  g_assert_cmpstr (state, ==, "draft");
  RUN (0, "No minutes are approved yet: there is no digest to check.\n", "minutes", "verify");

  refused = yishi_cli_run (fixture, "minutes", "approve", "1", NULL);
  yishi_cli_assert_status (refused, 1, "");
  g_assert_nonnull (strstr (refused->err, "minutes submit 1"));
  g_assert_nonnull (strstr (refused->err, FIRST_TITLE));
  RUN (1, "", "minutes", "freeze", "1");

  RUN (0, "", "minutes", "submit", "1");
  RUN (1, "", "minutes", "submit", "1");
  approved = yishi_cli_run (fixture, "minutes", "approve", "1", NULL);
  yishi_cli_assert_status (approved, 0, NULL);
  g_strchomp (approved->out);
  g_assert_true (is_digest (approved->out));

  minutes = show_minutes (fixture, "1", &node);
  g_assert_cmpstr (json_object_get_string_member (minutes, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (minutes, "digest"), ==, approved->out);
  g_assert_cmpstr (json_object_get_string_member (minutes, "previous_digest"), ==, "");
  g_assert_true (g_str_has_prefix (approved->out, json_object_get_string_member (minutes, "short_digest")));
  approval = json_object_get_object_member (minutes, "approval");
  g_assert_cmpstr (json_object_get_string_member (approval, "by"), ==, "chair");
  g_assert_cmpstr (json_object_get_string_member (approval, "approved_by"), ==, "张秀英");
  /* the discussion starts from the speech's note */
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (
                      json_object_get_array_member (minutes, "items"), 0), "discussion"), "路面坑洼"));

  RUN (1, "", "minutes", "approve", "1");
  RUN (0, "", "minutes", "freeze", "1");
  g_clear_pointer (&state, g_free);
  state = minutes_member (fixture, "1", "state");
  g_assert_cmpstr (state, ==, "frozen");
  RUN (0, "1 approved minutes matches its digest.\n", "minutes", "verify");
  RUN (0, "1 approved minutes matches its digest.\n", "minutes", "verify", "--meeting", "1");
  RUN (0, NULL, "minutes", "show", "1");
}

/* The first meeting's minutes approved by a vote at the second; the
 * second's by the chair with --submit, chained to the first. */
static void
test_approve_by_vote (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) first_node = NULL;
  g_autoptr(JsonNode) second_node = NULL;
  g_autofree char *state = NULL;
  JsonObject *first, *second, *approval;

  set_up_council (fixture);
  hold_meeting (fixture, "2", SECOND_TITLE, "2024-06-14 19:30");
  /* refused, so the draft stays a draft */
  RUN (1, "", "minutes", "approve", "1", "--submit", "--by-vote", "1");
  state = minutes_member (fixture, "1", "state");
  g_assert_cmpstr (state, ==, "draft");
  RUN (0, "", "minutes", "submit", "1");
  /* the first meeting's own motion is not a later meeting's */
  RUN (1, "", "minutes", "approve", "1", "--by-vote", "1");
  RUN (2, "", "minutes", "approve", "1", "--by-vote", "x");
  RUN (0, NULL, "minutes", "approve", "1", "--by-vote", "2");
  RUN (0, NULL, "minutes", "approve", "2", "--submit");

  first = show_minutes (fixture, "1", &first_node);
  approval = json_object_get_object_member (first, "approval");
  g_assert_cmpstr (json_object_get_string_member (approval, "by"), ==, "vote");
  g_assert_cmpint (json_object_get_int_member (approval, "motion_id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (approval, "meeting"), ==, SECOND_TITLE);
  second = show_minutes (fixture, "2", &second_node);
  g_assert_cmpstr (json_object_get_string_member (second, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (second, "previous_digest"), ==,
                   json_object_get_string_member (first, "digest"));
  RUN (0, "All 2 approved minutes match their digests.\n", "minutes", "verify");
}

/* With the sqlite3 C API, as someone with the file and the shell would:
 * the triggers that protect approved records dropped, then @sql. */
static void
tamper (Fixture    *fixture,
        const char *sql)
{
  g_autoptr(GString) drops = g_string_new ("BEGIN;");
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_master WHERE type = 'trigger'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (drops, "DROP TRIGGER \"%s\";", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_string_append_printf (drops, "%s; COMMIT;", sql);
  if (sqlite3_exec (handle, drops->str, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", drops->str, sqlite3_errmsg (handle));
  g_assert_cmpint (sqlite3_changes (handle), ==, 1);
  sqlite3_close (handle);
}

/* A vote count changed in the database: verify fails and names the
 * meeting whose minutes no longer match. */
static void
test_tamper_database (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(YishiCliResult) all = NULL;
  g_autoptr(YishiCliResult) one = NULL;

  set_up_council (fixture);
  hold_meeting (fixture, "2", SECOND_TITLE, "2024-06-14 19:30");
  RUN (0, NULL, "minutes", "approve", "1", "--submit");
  RUN (0, NULL, "minutes", "approve", "2", "--submit");
  RUN (0, "All 2 approved minutes match their digests.\n", "minutes", "verify");

  tamper (fixture, "UPDATE vote SET yes = yes - 1, no = no + 1 WHERE motion_id = 1");
  all = yishi_cli_run (fixture, "minutes", "verify", NULL);
  yishi_cli_assert_status (all, 1, NULL);
  g_assert_nonnull (strstr (all->out, FIRST_TITLE));
  g_assert_null (strstr (all->out, "All "));
  one = yishi_cli_run (fixture, "minutes", "verify", "--meeting", "1", NULL);
  yishi_cli_assert_status (one, 1, NULL);
  g_assert_nonnull (strstr (one->out, FIRST_TITLE));
  RUN (2, "", "minutes", "verify", "--meeting", "x");
}

/* Replaces the first @from in the file at @path by @to, of the same
 * length: a byte edited in an exported copy. */
static void
edit_file (const char *path,
           const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *at;

  g_assert_cmpuint (strlen (from), ==, strlen (to));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  at = strstr (contents, from);
  g_assert_nonnull (at);
  memcpy (at, to, strlen (to));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* An exported copy verifies on its own; one byte changed in it, and it
 * does not. */
static void
test_tamper_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *xml = fixture_file (fixture, "minutes.xml");
  g_autofree char *missing = fixture_file (fixture, "missing.xml");
  g_autoptr(YishiCliResult) result = NULL;

  set_up_council (fixture);
  RUN (0, NULL, "minutes", "approve", "1", "--submit");
  RUN (0, "", "minutes", "export", "1", "--format", "xml", "-o", xml);
  RUN (0, NULL, "minutes", "verify", xml);

  edit_file (xml, "3号楼", "4号楼");
  result = yishi_cli_run (fixture, "minutes", "verify", xml, NULL);
  yishi_cli_assert_status (result, 1, NULL);
  g_assert_nonnull (strstr (result->out, FIRST_TITLE));
  RUN (1, "", "minutes", "verify", missing);
  RUN (2, "", "minutes", "verify", xml, "--meeting", "1");
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* An exported copy read into another database: once, then a second time
 * changing nothing; the copy verifies there, and exported again it is
 * the same file. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *xml = fixture_file (fixture, "minutes.xml");
  g_autofree char *again = fixture_file (fixture, "again.xml");
  g_autofree char *other = fixture_file (fixture, "other.db");
  g_autofree char *third = fixture_file (fixture, "third.db");
  g_autofree char *original = NULL, *copy = NULL;
  g_autoptr(YishiCliResult) first = NULL;
  g_autoptr(YishiCliResult) second = NULL;

  set_up_council (fixture);
  RUN (0, NULL, "minutes", "approve", "1", "--submit");
  RUN (0, "", "minutes", "export", "1", "--format", "xml", "-o", xml);

  first = yishi_cli_run (fixture, "import", "--db", other, xml, NULL);
  yishi_cli_assert_status (first, 0, NULL);
  g_assert_nonnull (strstr (first->out, FIRST_TITLE));
  second = yishi_cli_run (fixture, "import", "--db", other, xml, NULL);
  yishi_cli_assert_status (second, 0, NULL);
  g_assert_cmpstr (first->out, !=, second->out);
  g_assert_nonnull (strstr (second->out, FIRST_TITLE));

  RUN (0, "1 approved minutes matches its digest.\n", "minutes", "verify", "--db", other);
  RUN (0, "", "minutes", "export", "1", "--db", other, "--format", "xml", "-o", again);
  original = read_file (xml);
  copy = read_file (again);
  g_assert_cmpstr (copy, ==, original);

  /* an altered copy is refused, and leaves nothing behind */
  edit_file (xml, "3号楼", "4号楼");
  RUN (1, "", "import", "--db", third, xml);
  RUN (1, "", "minutes", "show", "1", "--db", third);
  RUN (2, "", "import");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/minutes-cli/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/minutes-cli/approve-by-chair", Fixture, NULL, fixture_set_up, test_approve_by_chair,
              fixture_tear_down);
  g_test_add ("/minutes-cli/approve-by-vote", Fixture, NULL, fixture_set_up, test_approve_by_vote,
              fixture_tear_down);
  g_test_add ("/minutes-cli/tamper-database", Fixture, NULL, fixture_set_up, test_tamper_database,
              fixture_tear_down);
  g_test_add ("/minutes-cli/tamper-file", Fixture, NULL, fixture_set_up, test_tamper_file, fixture_tear_down);
  g_test_add ("/minutes-cli/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);

  return g_test_run ();
}
