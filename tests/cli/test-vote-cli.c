/* Runs `yishictl vote tally` (the yishictl in $YISHICTL) and checks what
 * it prints and how it exits. No database is involved. */

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

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

/* Runs yishictl with @args; in Chinese when @chinese. */
static Result *
run_strv (const char * const *args,
          gboolean            chinese)
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
  if (chinese)
    {
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "zh_CN.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  return result;
}

/* A vote and what the CLI must print for it with --json. */
typedef struct
{
  const char *members, *present, *yes, *no, *abstain, *invalid;
  const char *quorum, *majority, *base;
  const char *verdict;
  gint64      required; /* -1: null */
  gint64      b;
  const char *yes_percent; /* as printed; "null" when b = 0 */
  gboolean    quorum_met;
  const char *rule;
} CliCase;

/* ../shared/domain/VOTING.md's examples, then some of our own. */
static const CliCase voting_md_cases[] = {
  { "20", "20", "10", "5", "5", NULL, "none", "simple", "yes-no-abstain", "failed", 11, 20, "50.00", TRUE,
    "yes votes exceed half of the yes, no and abstain votes; quorum: not required" },
  { "20", "20", "10", "5", "5", NULL, "none", "simple", "yes-no", "passed", 8, 15, "66.67", TRUE,
    "yes votes outnumber no votes; quorum: not required" },
  { "25", "20", "12", "3", "5", NULL, "more-than-half", "simple", "members", "failed", 13, 25, "48.00", TRUE,
    "yes votes exceed half of all members; quorum: more than half of the members present" },
  { "25", "20", "12", "3", "5", NULL, "more-than-half", "simple", "present", "passed", 11, 20, "60.00", TRUE,
    "yes votes exceed half of the members present; quorum: more than half of the members present" },
  { "24", "12", "12", "0", "0", NULL, "more-than-half", "simple", "present", "no-quorum", -1, 12, "100.00", FALSE,
    "yes votes exceed half of the members present; quorum: more than half of the members present" },
  { "15", "15", "6", "6", "3", NULL, "none", "simple", "yes-no", "failed", 7, 12, "50.00", TRUE,
    "yes votes outnumber no votes; quorum: not required" },
};

static const CliCase more_cases[] = {
  { "10", "10", "0", "0", "4", NULL, "none", "simple", "yes-no", "no-verdict", -1, 0, "null", TRUE,
    "yes votes outnumber no votes; quorum: not required" },
  { "30", "12", "7", "3", "1", "1", "count:12", "two-thirds", "cast", "failed", 8, 12, "58.33", TRUE,
    "yes votes are at least two thirds of the ballots cast, invalid ones included; "
    "quorum: at least 12 members present" },
  { "30", "11", "11", "0", "0", "0", "count:12", "unanimous", "present", "no-quorum", -1, 11, "100.00", FALSE,
    "every member present votes yes; quorum: at least 12 members present" },
  { "15", "10", "6", "0", "4", "0", "two-thirds", "three-quarters", "yes-no", "passed", 5, 6, "100.00", TRUE,
    "yes votes are at least three quarters of the yes and no votes; "
    "quorum: at least two thirds of the members present" },
  { "6", "6", "1", "5", "0", "0", "none", "simple", "present", "failed", 4, 6, "16.67", TRUE,
    "yes votes exceed half of the members present; quorum: not required" },
  { "4294967295", "4294967295", "2863311530", "0", "0", NULL, "more-than-half", "two-thirds", "members",
    "passed", 2863311530, 4294967295, "66.67", TRUE,
    "yes votes are at least two thirds of all members; quorum: more than half of the members present" },
};

static Result *
run_case (const CliCase *c,
          gboolean       json)
{
  const char *args[24] = {
    "vote", "tally", "--quorum", c->quorum, "--majority", c->majority, "--base", c->base,
    "--members", c->members, "--present", c->present, "--yes", c->yes, "--no", c->no,
    "--abstain", c->abstain,
  };
  guint n = 18;

  if (c->invalid != NULL)
    {
      args[n++] = "--invalid";
      args[n++] = c->invalid;
    }
  if (json)
    args[n++] = "--json";

  return run_strv (args, FALSE);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
test_json_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autoptr(Result) result = run_case (c, TRUE);
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *percent = g_strdup_printf ("\"yes_percent\" : %s,\n", c->yes_percent);

  g_assert_cmpstr (result->err, ==, "");
  g_assert_cmpint (result->status, ==, 0);
  object = parse_object (result->out);

  g_assert_cmpuint (json_object_get_size (object), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, c->verdict);
  if (c->required < 0)
    g_assert_true (json_object_get_null_member (object, "required"));
  else
    g_assert_cmpint (json_object_get_int_member (object, "required"), ==, c->required);
  g_assert_cmpint (json_object_get_int_member (object, "base"), ==, c->b);
  g_assert_cmpint (json_object_get_boolean_member (object, "quorum_met"), ==, c->quorum_met);
  g_assert_cmpstr (json_object_get_string_member (object, "rule"), ==, c->rule);

  /* a number with exactly two decimals, as printed */
  g_assert_nonnull (strstr (result->out, percent));
  if (g_str_equal (c->yes_percent, "null"))
    g_assert_true (json_object_get_null_member (object, "yes_percent"));
  else
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "yes_percent")),
                     ==, G_TYPE_DOUBLE);
}

static void
add_cases (const char    *prefix,
           const CliCase *cases,
           guint          n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%u", prefix, i + 1);

      g_test_add_data_func (path, &cases[i], test_json_case);
    }
}

static void
test_text (void)
{
  g_autoptr(Result) result = run_case (&voting_md_cases[1], FALSE);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_nonnull (strstr (result->out, "passed (Passed)"));
  g_assert_nonnull (strstr (result->out, "8 of 15"));
  g_assert_nonnull (strstr (result->out, "66.67 %"));
  g_assert_nonnull (strstr (result->out, "yes votes outnumber no votes"));
}

static void
test_text_no_quorum (void)
{
  g_autoptr(Result) result = run_case (&voting_md_cases[4], FALSE);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (result->status, ==, 0);
  lines = g_strsplit (result->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_nonnull (strstr (lines[0], "no-quorum (No quorum)"));
  g_assert_true (g_str_has_suffix (lines[1], "—"));
  g_assert_true (g_str_has_suffix (lines[3], "not met"));
}

/* The rule in words and the verdict come out in Chinese. */
static void
test_chinese (void)
{
  const char *args[] = {
    "vote", "tally", "--quorum", "过半数", "--majority", "过半数", "--base", "实到人数",
    "--members", "25", "--present", "20", "--yes", "12", "--no", "3", "--abstain", "5", NULL
  };
  g_autoptr(Result) result = run_strv (args, TRUE);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "passed（通过）"));
  g_assert_nonnull (strstr (result->out, "赞成票超过到会人数的半数"));
  g_assert_nonnull (strstr (result->out, "法定人数：到会人数超过应到人数的半数"));
  g_assert_nonnull (strstr (result->out, "60.00 %"));
}

static void
test_chinese_error (void)
{
  const char *args[] = {
    "vote", "tally", "--quorum", "none", "--majority", "simple", "--base", "present",
    "--members", "25", "--present", "26", "--yes", "12", "--no", "3", "--abstain", "5", NULL
  };
  g_autoptr(Result) result = run_strv (args, TRUE);

  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "实到人数（26）超过应到人数（25）"));
}

/* Counts that do not add up: exit 1, the broken relation named. */
static void
test_input_errors (void)
{
  static const struct
  {
    const char *members, *present, *yes, *invalid;
    const char *message;
  } cases[] = {
    { "25", "20", "12", "1", "yes + no + abstain + invalid (21) exceeds present (20)" },
    { "25", "26", "12", "0", "present (26) exceeds members (25)" },
    { "0", "0", "0", "0", "there must be at least one member" },
    { "4294967295", "4294967295", "4294967295", "4294967295",
      "yes + no + abstain + invalid (8589934590) exceeds present (4294967295)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = {
        "vote", "tally", "--quorum", "more-than-half", "--majority", "simple", "--base", "present",
        "--members", cases[i].members, "--present", cases[i].present, "--yes", cases[i].yes,
        "--no", i == 0 ? "3" : "0", "--abstain", i == 0 ? "5" : "0", "--invalid", cases[i].invalid,
        "--json", NULL
      };
      g_autoptr(Result) result = run_strv (args, FALSE);

      g_test_message ("case %u: %s", i, result->err);
      g_assert_cmpint (result->status, ==, 1);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_nonnull (strstr (result->err, cases[i].message));
    }
}

/* Mistakes in the command line: exit 2, nothing on stdout. */
static void
test_usage_errors (void)
{
  /* the options that vary; the rest are filled in below */
  static const char *cases[][4] = {
    { "--quorum", NULL },
    { "--majority", NULL },
    { "--base", NULL },
    { "--members", NULL },
    { "--present", NULL },
    { "--yes", NULL },
    { "--no", NULL },
    { "--abstain", NULL },
    { "--quorum", "half" },
    { "--quorum", "count:0" },
    { "--quorum", "count:-1" },
    { "--quorum", "count:abc" },
    { "--quorum", "count" },
    { "--majority", "most" },
    { "--majority", "三分之二" },
    { "--base", "votes" },
    { "--yes", "-1" },
    { "--yes", "abc" },
    { "--yes", "1.5" },
    { "--yes", " 3" },
    { "--no", "+3" },
    { "--abstain", "" },
    { "--members", "4294967296" },
    { "--invalid", "0x1" },
    { "--bogus", "1" },
    { "surplus", NULL },
  };
  static const char *defaults[][2] = {
    { "--quorum", "none" }, { "--majority", "simple" }, { "--base", "present" },
    { "--members", "10" }, { "--present", "10" }, { "--yes", "6" }, { "--no", "4" },
    { "--abstain", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[32] = { "vote", "tally" };
      guint n = 2;
      g_autoptr(Result) result = NULL;

      /* every default but the one this case leaves out or changes */
      for (guint j = 0; j < G_N_ELEMENTS (defaults); j++)
        if (!g_str_equal (defaults[j][0], cases[i][0]))
          {
            args[n++] = defaults[j][0];
            args[n++] = defaults[j][1];
          }
      args[n++] = cases[i][0];
      if (cases[i][1] != NULL)
        args[n++] = cases[i][1];
      else if (g_str_has_prefix (cases[i][0], "--"))
        n--; /* the option left out altogether */
      args[n] = NULL;
      result = run_strv (args, FALSE);

      g_test_message ("case %u (%s %s): %s", i, cases[i][0], cases[i][1], result->err);
      g_assert_cmpint (result->status, ==, 2);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_cmpstr (result->err, !=, "");
    }
}

static void
test_usage_commands (void)
{
  const char *cases[][3] = {
    { "vote", NULL },
    { "vote", "frobnicate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) result = run_strv (cases[i], FALSE);

      g_assert_cmpint (result->status, ==, 2);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_nonnull (strstr (result->err, "tally"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("YISHICTL") == NULL)
    g_error ("Set YISHICTL to the yishictl to test.");

  add_cases ("/cli/vote/voting-md", voting_md_cases, G_N_ELEMENTS (voting_md_cases));
  add_cases ("/cli/vote/json", more_cases, G_N_ELEMENTS (more_cases));
  g_test_add_func ("/cli/vote/text", test_text);
  g_test_add_func ("/cli/vote/text-no-quorum", test_text_no_quorum);
  g_test_add_func ("/cli/vote/chinese", test_chinese);
  g_test_add_func ("/cli/vote/chinese-error", test_chinese_error);
  g_test_add_func ("/cli/vote/input-errors", test_input_errors);
  g_test_add_func ("/cli/vote/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/vote/usage-commands", test_usage_commands);

  return g_test_run ();
}
