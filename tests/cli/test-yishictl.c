/* Runs the built yishictl (its path in $YISHICTL) on temporary databases
 * and checks what it prints and how it exits. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "yishi-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Each test works in its own folder, which is also XDG_DATA_HOME: a
 * command that forgot --db would touch nothing outside it. */
typedef struct
{
  YishiTestDir *dir;
  char         *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_dir_file (fixture->dir, "test.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static Result *
run_strv (Fixture            *fixture,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);

  g_ptr_array_add (argv, (gpointer) g_getenv ("YISHICTL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir->path, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  return result;
}

/* Runs yishictl with the arguments up to NULL. */
G_GNUC_NULL_TERMINATED static Result *
run (Fixture    *fixture,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_strv (fixture, (const char * const *) args->pdata);
}

/* Runs a command that must succeed, and returns what it printed. */
G_GNUC_NULL_TERMINATED static char *
run_ok (Fixture    *fixture,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(Result) result = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  result = run_strv (fixture, (const char * const *) args->pdata);
  if (result->status != 0)
    g_test_message ("stderr: %s", result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");

  return g_steal_pointer (&result->out);
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

/* The JSON array a list command prints. */
static JsonArray *
list_json (Fixture    *fixture,
           const char *what,
           const char *option,
           const char *value)
{
  g_autofree char *out = run_ok (fixture, what, "list", "--db", fixture->db, "--json",
                                 option, value, NULL);
  g_autoptr(JsonNode) root = parse_json (out);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static void
load_demo (Fixture *fixture)
{
  g_free (run_ok (fixture, "demo", "--db", fixture->db, NULL));
}

static void
test_init (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("schema version %d", YISHI_SCHEMA_VERSION);

  /* --db before the command as well as after it */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = run_ok (fixture, "--db", fixture->db, "init", NULL);

      g_assert_nonnull (strstr (out, expected));
      g_assert_true (g_file_test (fixture->db, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(JsonArray) people = NULL;
  g_autoptr(JsonArray) proposals = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(Result) again = NULL;

  load_demo (fixture);
  people = list_json (fixture, "person", NULL, NULL);
  proposals = list_json (fixture, "proposal", NULL, NULL);
  g_assert_cmpuint (json_array_get_length (people), >=, 30);
  g_assert_cmpuint (json_array_get_length (proposals), >=, 15);

  /* a second demo would double everything: it is refused */
  again = run (fixture, "demo", "--db", fixture->db, NULL);
  g_assert_cmpint (again->status, ==, 1);
  g_assert_nonnull (strstr (again->err, "not empty"));
  after = list_json (fixture, "proposal", NULL, NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (proposals));
}

static void
assert_has_members (JsonObject         *object,
                    const char * const *members)
{
  for (guint i = 0; members[i] != NULL; i++)
    if (!json_object_has_member (object, members[i]))
      g_error ("member “%s” is missing", members[i]);
}

static const char * const proposal_members[] = {
  "id", "uuid", "title", "summary", "body", "status", "status_reason", "category", "cost_fen",
  "households", "people", "proposer", "proposer_id", "community", "location", "submitted_on",
  "created_at", "updated_at", NULL
};

static gboolean
proposal_mentions (JsonObject *proposal,
                   const char *text)
{
  const char *members[] = { "title", "summary", "body" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (strstr (json_object_get_string_member (proposal, members[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_search_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonArray) found = NULL;
  gboolean road_found = FALSE;

  load_demo (fixture);
  found = list_json (fixture, "proposal", "--search", "道路");
  g_assert_cmpuint (json_array_get_length (found), >=, 1);

  for (guint i = 0; i < json_array_get_length (found); i++)
    {
      JsonObject *proposal = json_array_get_object_element (found, i);

      assert_has_members (proposal, proposal_members);
      g_assert_true (proposal_mentions (proposal, "道路"));
      if (strstr (json_object_get_string_member (proposal, "title"), "道路硬化") == NULL)
        continue;

      road_found = TRUE;
      g_assert_cmpint (json_object_get_int_member (proposal, "households"), ==, 82);
      g_assert_cmpint (json_object_get_int_member (proposal, "people"), ==, 294);
      g_assert_cmpstr (json_object_get_string_member (proposal, "category"), ==, "roads-traffic");
      g_assert_cmpint (json_object_get_int_member (proposal, "proposer_id"), >, 0);
    }
  g_assert_true (road_found);
}

static void
test_person_json (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const members[] = {
    "id", "uuid", "name", "community", "grid", "building", "phone", "roles", "n_proposals", NULL
  };
  g_autoptr(JsonArray) people = NULL;
  guint n_judges = 0;

  load_demo (fixture);
  people = list_json (fixture, "person", NULL, NULL);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      JsonArray *roles;

      assert_has_members (person, members);
      roles = json_object_get_array_member (person, "roles");
      for (guint j = 0; j < json_array_get_length (roles); j++)
        if (g_str_equal (json_array_get_string_element (roles, j), "judge"))
          n_judges++;
    }

  /* a contest needs five to nine judges */
  g_assert_cmpuint (n_judges, >=, 5);
}

static guint
count_matching (JsonArray  *proposals,
                const char *member,
                const char *value)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (proposals); i++)
    {
      JsonObject *proposal = json_array_get_object_element (proposals, i);

      if (g_str_equal (json_object_get_string_member (proposal, member), value))
        n++;
    }

  return n;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const categories[] = {
    "environment", "elderly-disabled", "roads-traffic", "culture-sports", "safety", "other"
  };
  g_autoptr(JsonArray) all = NULL;
  guint sum = 0;

  load_demo (fixture);
  all = list_json (fixture, "proposal", NULL, NULL);

  /* the categories split the proposals: every one is in exactly one */
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(JsonArray) some = list_json (fixture, "proposal", "--category", categories[i]);
      guint n = json_array_get_length (some);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (count_matching (some, "category", categories[i]), ==, n);
      g_assert_cmpuint (count_matching (all, "category", categories[i]), ==, n);
      sum += n;
    }
  g_assert_cmpuint (sum, ==, json_array_get_length (all));

  {
    g_autoptr(JsonArray) accepted = list_json (fixture, "proposal", "--status", "accepted");
    /* the Chinese name works as well as the key */
    g_autoptr(JsonArray) accepted_zh = list_json (fixture, "proposal", "--status", "已采纳");
    g_autoptr(JsonArray) out = list_json (fixture, "proposal", "--status", "screened-out");

    g_assert_cmpuint (json_array_get_length (accepted), >, 0);
    g_assert_cmpuint (count_matching (accepted, "status", "accepted"), ==, json_array_get_length (accepted));
    g_assert_cmpuint (json_array_get_length (accepted_zh), ==, json_array_get_length (accepted));
    g_assert_cmpuint (json_array_get_length (out), >, 0);
    for (guint i = 0; i < json_array_get_length (out); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (out, i),
                                                      "status_reason"), !=, "");
  }
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonArray) all = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  load_demo (fixture);
  all = list_json (fixture, "proposal", NULL, NULL);
  out = run_ok (fixture, "proposal", "list", "--db", fixture->db, NULL);
  lines = g_strsplit (out, "\n", -1);

  /* a heading, a line per proposal, and the empty string after the last \n */
  g_assert_cmpuint (g_strv_length (lines), ==, json_array_get_length (all) + 2);
  g_assert_nonnull (strstr (lines[0], "Title"));
  g_assert_nonnull (strstr (out, "道路硬化"));
  g_assert_nonnull (strstr (out, "1,860,000.00"));
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = run_ok (fixture, "proposal", "add", "--db", fixture->db,
                                 "--title", "修缮小区凉亭", "--cost", "12,000.50",
                                 "--category", "culture-sports", "--proposer", "王五",
                                 "--json", NULL);
  g_autoptr(JsonNode) root = parse_json (out);
  g_autoptr(JsonArray) found = NULL;
  JsonObject *proposal;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  proposal = json_node_get_object (root);
  assert_has_members (proposal, proposal_members);
  g_assert_cmpint (json_object_get_int_member (proposal, "cost_fen"), ==, 1200050);
  g_assert_cmpstr (json_object_get_string_member (proposal, "category"), ==, "culture-sports");
  g_assert_cmpstr (json_object_get_string_member (proposal, "proposer"), ==, "王五");
  g_assert_true (json_object_get_null_member (proposal, "households"));

  found = list_json (fixture, "proposal", "--search", "凉亭");
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (found, 0), "cost_fen"),
                   ==, 1200050);
}

static void
test_add_ambiguous (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(Result) ambiguous = NULL;
  g_autofree char *out = NULL;

  /* the sample community has two residents called 张秀英 */
  load_demo (fixture);
  ambiguous = run (fixture, "proposal", "add", "--db", fixture->db, "--title", "测试",
                   "--proposer", "张秀英", NULL);
  g_assert_cmpint (ambiguous->status, ==, 1);
  g_assert_cmpstr (ambiguous->out, ==, "");

  out = run_ok (fixture, "proposal", "add", "--db", fixture->db, "--title", "测试",
                "--proposer", "张秀英", "--phone", "13800000015", NULL);
  g_assert_nonnull (strstr (out, "测试"));
}

static guint
count_proposals (Fixture    *fixture,
                 const char *db)
{
  g_autofree char *out = run_ok (fixture, "proposal", "list", "--db", db, "--json", NULL);
  g_autoptr(JsonNode) root = parse_json (out);

  return json_array_get_length (json_node_get_array (root));
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char bad_rows[] = "标题,提案人,类别\n修缮凉亭,张三,文化体育\n修路,李四,不存在\n";
  g_autofree char *csv = yishi_test_dir_file (fixture->dir, "proposals.csv");
  g_autofree char *bad = yishi_test_dir_file (fixture->dir, "bad.csv");
  g_autofree char *copy = yishi_test_dir_file (fixture->dir, "copy.db");
  g_autofree char *out = NULL;
  g_autoptr(Result) result = NULL;
  guint n;

  load_demo (fixture);
  n = count_proposals (fixture, fixture->db);
  g_free (run_ok (fixture, "proposal", "export", csv, "--db", fixture->db, NULL));

  /* a dry run checks the file and stores nothing, not even a database */
  out = run_ok (fixture, "proposal", "import", csv, "--db", copy, "--dry-run", NULL);
  g_assert_nonnull (strstr (out, "Encoding: UTF-8"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);

  out = run_ok (fixture, "proposal", "import", csv, "--db", copy, NULL);
  g_assert_nonnull (strstr (out, "Imported"));
  g_assert_cmpuint (count_proposals (fixture, copy), ==, n);

  /* one bad row: it is named with its line, and no row is stored */
  yishi_test_write_file (bad, bad_rows, -1);
  result = run (fixture, "proposal", "import", bad, "--db", copy, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "bad.csv:3: "));
  g_assert_cmpuint (count_proposals (fixture, copy), ==, n);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *cases[][6] = {
    { NULL },
    { "frobnicate", NULL },
    { "proposal", NULL },
    { "proposal", "frobnicate", NULL },
    { "proposal", "list", "--bogus", NULL },
    { "proposal", "list", "--status", "nonsense", NULL },
    { "proposal", "list", "--category", "nonsense", NULL },
    { "proposal", "list", "surplus", NULL },
    { "proposal", "add", NULL },
    { "proposal", "add", "--title", "x", "--cost", "abc" },
    { "proposal", "import", NULL },
    { "proposal", "import", "a.csv", "--encoding", "latin1", NULL },
    { "person", "list", "--status", "accepted", NULL },
    { "demo", "--scale", "0", NULL },
    { "demo", "--seed", "7", NULL },
    { "init", "surplus", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[9] = { "--db", fixture->db };
      g_autoptr(Result) result = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (cases[i]) && cases[i][j] != NULL; j++)
        args[j + 2] = cases[i][j];
      result = run_strv (fixture, args);

      g_test_message ("case %u: %s", i, result->err);
      g_assert_cmpint (result->status, ==, 2);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_cmpstr (result->err, !=, "");
      /* a mistyped command does nothing, not even create the database */
      g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
    }
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char text[] = "会议记录\nThis is a text file, not a database.\n";
  const char *commands[][4] = {
    { "init", NULL },
    { "demo", NULL },
    { "check", NULL },
    { "person", "list", NULL },
    { "proposal", "list", NULL },
    { "proposal", "add", "--title", "x" },
  };
  g_autofree char *path = yishi_test_dir_file (fixture->dir, "notes.txt");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  yishi_test_write_file (path, text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[7] = { "--db", path };
      g_autoptr(Result) result = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      for (guint j = 0; j < G_N_ELEMENTS (commands[i]) && commands[i][j] != NULL; j++)
        args[j + 2] = commands[i][j];
      result = run_strv (fixture, args);

      g_assert_cmpint (result->status, ==, 1);
      g_assert_cmpstr (result->err, !=, "");
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, text, strlen (text));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Result) result = run (fixture, "proposal", "list", "--db", fixture->db, NULL);

  /* reading does not create an empty database behind a typo */
  g_assert_cmpint (result->status, ==, 1);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;

  load_demo (fixture);
  out = run_ok (fixture, "check", "--db", fixture->db, NULL);
  g_assert_nonnull (strstr (out, "Integrity check: ok"));
  g_assert_nonnull (strstr (out, "Foreign key check: ok"));
}

/* Breaks a reference behind Yishi's back, as another program could. */
static void
break_reference (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA foreign_keys = OFF;"
                                 "UPDATE proposal SET proposer_id = 999999 WHERE id = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_check_broken (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(Result) result = NULL;

  load_demo (fixture);
  break_reference (fixture->db);
  result = run (fixture, "check", "--db", fixture->db, NULL);

  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->out, "Integrity check: ok"));
  g_assert_nonnull (strstr (result->out, "Foreign key check: 1 broken"));
}

/* The list as JSON without what differs between two identical loads. */
static char *
list_without_identity (Fixture    *fixture,
                       const char *what,
                       const char *db)
{
  static const char * const volatile_members[] = { "uuid", "created_at", "updated_at" };
  g_autofree char *out = run_ok (fixture, what, "list", "--db", db, "--json", NULL);
  g_autoptr(JsonNode) root = parse_json (out);
  JsonArray *array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    for (guint j = 0; j < G_N_ELEMENTS (volatile_members); j++)
      json_object_remove_member (json_array_get_object_element (array, i), volatile_members[j]);

  return json_to_string (root, TRUE);
}

static char *
generate (Fixture    *fixture,
          const char *name,
          const char *seed)
{
  g_autofree char *db = yishi_test_dir_file (fixture->dir, name);
  g_autofree char *out = run_ok (fixture, "demo", "--db", db, "--scale", "500", "--seed", seed, NULL);

  g_assert_nonnull (strstr (out, "500 proposals"));
  return g_steal_pointer (&db);
}

static void
test_generate_deterministic (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *a = generate (fixture, "a.db", "7");
  g_autofree char *b = generate (fixture, "b.db", "7");
  g_autofree char *c = generate (fixture, "c.db", "8");
  g_autofree char *proposals_a = list_without_identity (fixture, "proposal", a);
  g_autofree char *proposals_b = list_without_identity (fixture, "proposal", b);
  g_autofree char *proposals_c = list_without_identity (fixture, "proposal", c);
  g_autofree char *people_a = list_without_identity (fixture, "person", a);
  g_autofree char *people_b = list_without_identity (fixture, "person", b);
  g_autoptr(JsonNode) parsed = parse_json (proposals_a);

  g_assert_cmpuint (json_array_get_length (json_node_get_array (parsed)), ==, 500);
  g_assert_cmpstr (proposals_a, ==, proposals_b);
  g_assert_cmpstr (people_a, ==, people_b);
  g_assert_cmpstr (proposals_a, !=, proposals_c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("YISHICTL") == NULL)
    g_error ("Set YISHICTL to the yishictl to test.");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/init", test_init);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/proposal/search-json", test_search_json);
  ADD ("/cli/proposal/filters", test_filters);
  ADD ("/cli/proposal/table", test_table);
  ADD ("/cli/proposal/add", test_add);
  ADD ("/cli/proposal/add-ambiguous", test_add_ambiguous);
  ADD ("/cli/proposal/import-export", test_import_export);
  ADD ("/cli/person/json", test_person_json);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/check", test_check);
  ADD ("/cli/check-broken", test_check_broken);
  ADD ("/cli/demo/generate-deterministic", test_generate_deterministic);

#undef ADD

  return g_test_run ();
}
