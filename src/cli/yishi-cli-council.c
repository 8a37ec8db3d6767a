#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-council-store.h"
#include "yishi-error.h"

/* Shared with yishi-cli-meeting.c through yishi-cli.h. */
gboolean
yishi_cli_parse_id (const char *option,
                    const char *text,
                    gint64     *out_id)
{
  guint64 id;

  if (text == NULL)
    {
      /* Translators: %s is an option, such as --council */
      yishi_cli_usage_error (_("The option %s is required."), option);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      /* Translators: %s is an option such as --meeting, the second %s what the user typed */
      yishi_cli_usage_error (_("%s takes an id, a whole number from 1, not “%s”."), option, text);
      return FALSE;
    }
  *out_id = (gint64) id;
  return TRUE;
}

/* Puts the parts given on the command line into @rule. */
static gboolean
apply_rule (const char     *quorum,
            const char     *majority,
            const char     *base,
            YishiVoteRule  *rule)
{
  if (quorum != NULL && !yishi_vote_quorum_parse (quorum, &rule->quorum))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown quorum rule “%s”."), quorum), FALSE;
  if (majority != NULL && !yishi_vote_majority_parse (majority, &rule->majority))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown majority “%s”."), majority), FALSE;
  if (base != NULL && !yishi_vote_base_parse (base, &rule->base))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown base “%s”."), base), FALSE;
  return TRUE;
}

static gboolean
parse_rule (const char     *quorum,
            const char     *majority,
            const char     *base,
            YishiVoteRule  *rule)
{
  yishi_vote_rule_init_default (rule);
  return apply_rule (quorum, majority, base, rule);
}

static int
council_add (YishiCli  *cli,
             int        argc,
             char     **argv)
{
  g_autofree char *name = NULL, *quorum = NULL, *majority = NULL, *base = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The council’s name"), N_("NAME") },
    { "quorum", 0, 0, G_OPTION_ARG_STRING, &quorum,
      N_("The quorum rule: none, more-than-half, two-thirds or count:K"), N_("KEY") },
    { "majority", 0, 0, G_OPTION_ARG_STRING, &majority,
      N_("The majority: simple, two-thirds, three-quarters or unanimous"), N_("KEY") },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base,
      N_("What the majority is a share of: yes-no, yes-no-abstain, cast, present or members"),
      N_("KEY") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Adds a resident council, with the vote rule its motions start from."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiVoteRule rule;
  gint64 id;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;
  if (name == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--name");
  if (!parse_rule (quorum, majority, base, &rule))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, TRUE, &error);
  if (db == NULL || (id = yishi_council_store_add (db, name, &rule, &error)) == 0)
    return yishi_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return YISHI_CLI_EXIT_OK;
}

static int
council_member_add (YishiCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autofree char *council = NULL, *person = NULL, *position = NULL, *since = NULL;
  const GOptionEntry entries[] = {
    { "council", 0, 0, G_OPTION_ARG_STRING, &council, N_("The council’s id"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The person’s name or id"), N_("NAME|ID") },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position,
      N_("director, deputy-director, member or representative"), N_("KEY") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("The day they joined (default today)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Makes a person a member of a council from a given day."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiCouncilPosition key = YISHI_COUNCIL_POSITION_MEMBER;
  gint64 council_id = 0, person_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--council", council, &council_id))
    return YISHI_CLI_EXIT_USAGE;
  if (person == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--person");
  if (position != NULL && !yishi_council_position_from_key (position, &key))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown position “%s”."), position);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_council_store_find_person (db, person, &person_id, &error) ||
      (id = yishi_council_store_add_member (db, council_id, person_id, key, since, &error)) == 0)
    return yishi_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return YISHI_CLI_EXIT_OK;
}

static JsonNode *
councils_json (GPtrArray *councils)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < councils->len; i++)
    {
      const YishiCouncilRow *row = councils->pdata[i];
      g_autofree char *quorum = yishi_vote_quorum_to_key (&row->rule.quorum);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, row->id);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, row->uuid);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      json_builder_set_member_name (builder, "quorum");
      json_builder_add_string_value (builder, quorum);
      json_builder_set_member_name (builder, "majority");
      json_builder_add_string_value (builder, yishi_vote_majority_to_key (row->rule.majority));
      json_builder_set_member_name (builder, "base");
      json_builder_add_string_value (builder, yishi_vote_base_to_key (row->rule.base));
      json_builder_set_member_name (builder, "members");
      json_builder_add_int_value (builder, row->members);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
print_councils (GPtrArray *councils)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rlrl");

  /* Translators: column headings of `yishictl council list` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Name"));
  yishi_cli_table_add (table, C_("column", "Members"));
  yishi_cli_table_add (table, C_("column", "Rule"));
  for (guint i = 0; i < councils->len; i++)
    {
      const YishiCouncilRow *row = councils->pdata[i];

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, row->id));
      yishi_cli_table_add (table, row->name);
      yishi_cli_table_take (table, g_strdup_printf ("%u", row->members));
      yishi_cli_table_take (table, yishi_vote_rule_describe (&row->rule));
    }
  yishi_cli_table_print (table);
}

static int
council_list (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the councils as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the councils, with their members today and their vote rule."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (councils = yishi_council_store_list (db, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = councils_json (councils);

      yishi_cli_print_json (node);
    }
  else
    print_councils (councils);
  return YISHI_CLI_EXIT_OK;
}

/* Bounds a person can mean: an hour a turn, 99 turns. */
#define MAX_SPEECH_SECONDS 3600
#define MAX_TURNS          99

/* "--max-turns 2": a whole number from 1 to @max, or a usage error
 * printed. */
static gboolean
parse_count (const char *option,
             const char *text,
             guint       max,
             guint      *out_value)
{
  guint64 value = 0;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    /* Translators: an option such as --max-turns, the largest number, what the user typed */
    return yishi_cli_usage_error (_("%s takes a whole number from 1 to %u, not “%s”."),
                                  option, max, text), FALSE;
  *out_value = (guint) value;
  return TRUE;
}

static gboolean
parse_yes_no (const char *option,
              const char *text,
              gboolean   *out_value)
{
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "yes") || g_str_equal (text, "no"))
    return *out_value = g_str_equal (text, "yes"), TRUE;
  /* Translators: an option such as --requires-seconder, then what the user typed */
  return yishi_cli_usage_error (_("%s takes yes or no, not “%s”."), option, text), FALSE;
}

/* The council's vote rule as it is now. */
static gboolean
load_rule (YishiDatabase  *db,
           gint64          council_id,
           YishiVoteRule  *out_rule,
           GError        **error)
{
  g_autoptr(GPtrArray) councils = yishi_council_store_list (db, error);

  for (guint i = 0; councils != NULL && i < councils->len; i++)
    if (((YishiCouncilRow *) councils->pdata[i])->id == council_id)
      return *out_rule = ((YishiCouncilRow *) councils->pdata[i])->rule, TRUE;
  if (councils != NULL)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no council with id %" PRId64 "."), council_id);
  return FALSE;
}

typedef struct
{
  char *speech_seconds;
  char *max_turns;
  char *requires_seconder;
  char *quorum;
  char *majority;
  char *base;
} RuleOptions;

static void
rule_options_clear (RuleOptions *options)
{
  g_free (options->speech_seconds);
  g_free (options->max_turns);
  g_free (options->requires_seconder);
  g_free (options->quorum);
  g_free (options->majority);
  g_free (options->base);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleOptions, rule_options_clear)

/* The rules stored now, with what the command line asks for on top;
 * @rule is only filled when a part of the vote rule is asked for. */
static gboolean
change_rules (YishiDatabase        *db,
              gint64                council_id,
              const RuleOptions    *options,
              YishiVoteRule        *rule,
              YishiSpeakingRules   *speaking,
              GError              **error)
{
  if (!yishi_council_store_get_speaking_rules (db, council_id, speaking, error) ||
      ((options->quorum || options->majority || options->base) && !load_rule (db, council_id, rule, error)))
    return FALSE;
  /* check_rule_options () has checked them: none of these fails */
  apply_rule (options->quorum, options->majority, options->base, rule);
  parse_count ("--speech-seconds", options->speech_seconds, MAX_SPEECH_SECONDS, &speaking->speech_seconds);
  parse_count ("--max-turns", options->max_turns, MAX_TURNS, &speaking->max_turns);
  parse_yes_no ("--requires-seconder", options->requires_seconder, &speaking->requires_seconder);
  return TRUE;
}

static gboolean
check_rule_options (const RuleOptions *options)
{
  YishiSpeakingRules speaking = { 0 };
  YishiVoteRule rule;

  if (!options->speech_seconds && !options->max_turns && !options->requires_seconder &&
      !options->quorum && !options->majority && !options->base)
    return yishi_cli_usage_error ("%s", _("Nothing to change: give at least one rule.")), FALSE;
  return parse_rule (options->quorum, options->majority, options->base, &rule) &&
         parse_count ("--speech-seconds", options->speech_seconds, MAX_SPEECH_SECONDS, &speaking.speech_seconds) &&
         parse_count ("--max-turns", options->max_turns, MAX_TURNS, &speaking.max_turns) &&
         parse_yes_no ("--requires-seconder", options->requires_seconder, &speaking.requires_seconder);
}

static int
council_set (YishiCli  *cli,
             int        argc,
             char     **argv)
{
  g_auto(RuleOptions) options = { NULL };
  const GOptionEntry entries[] = {
    { "speech-seconds", 0, 0, G_OPTION_ARG_STRING, &options.speech_seconds,
      N_("How long a turn to speak lasts, in seconds"), N_("N") },
    { "max-turns", 0, 0, G_OPTION_ARG_STRING, &options.max_turns,
      N_("How many turns a person may take on one motion"), N_("N") },
    /* Translators: a seconder is 附议人 */
    { "requires-seconder", 0, 0, G_OPTION_ARG_STRING, &options.requires_seconder,
      N_("Whether a motion needs a seconder before its vote"), N_("yes|no") },
    { "quorum", 0, 0, G_OPTION_ARG_STRING, &options.quorum,
      N_("The quorum rule: none, more-than-half, two-thirds or count:K"), N_("KEY") },
    { "majority", 0, 0, G_OPTION_ARG_STRING, &options.majority,
      N_("The majority: simple, two-thirds, three-quarters or unanimous"), N_("KEY") },
    { "base", 0, 0, G_OPTION_ARG_STRING, &options.base,
      N_("What the majority is a share of: yes-no, yes-no-abstain, cast, present or members"),
      N_("KEY") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Changes a council’s rules: the vote rule new motions start from, and how debate runs."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiSpeakingRules speaking;
  YishiVoteRule rule;
  gint64 council_id = 0;
  gboolean vote_rule;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("ID", argv[1], &council_id) ||
      !check_rule_options (&options))
    return YISHI_CLI_EXIT_USAGE;
  vote_rule = options.quorum || options.majority || options.base;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !change_rules (db, council_id, &options, &rule, &speaking, &error) ||
      !yishi_council_store_set_rules (db, council_id, vote_rule ? &rule : NULL,
                                      (options.speech_seconds || options.max_turns ||
                                       options.requires_seconder) ? &speaking : NULL, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static JsonNode *
members_json (GPtrArray *members)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      const YishiCouncilMemberRow *row = members->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, row->id);
      json_builder_set_member_name (builder, "person_id");
      json_builder_add_int_value (builder, row->person_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      json_builder_set_member_name (builder, "position");
      json_builder_add_string_value (builder, yishi_council_position_to_key (row->position));
      json_builder_set_member_name (builder, "joined_on");
      json_builder_add_string_value (builder, row->joined_on);
      json_builder_set_member_name (builder, "left_on");
      if (row->left_on == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, row->left_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
print_members (GPtrArray *members)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rlllll");

  /* Translators: column headings of `yishictl council members` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Person"));
  yishi_cli_table_add (table, C_("column", "Name"));
  yishi_cli_table_add (table, C_("column", "Position"));
  /* Translators: column heading: the day a member joined the council */
  yishi_cli_table_add (table, C_("column", "Since"));
  /* Translators: column heading: the day a member leaves the council, if known */
  yishi_cli_table_add (table, C_("column", "Until"));
  for (guint i = 0; i < members->len; i++)
    {
      const YishiCouncilMemberRow *row = members->pdata[i];

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, row->id));
      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, row->person_id));
      yishi_cli_table_add (table, row->name);
      yishi_cli_table_add (table, yishi_council_position_label (row->position));
      yishi_cli_table_add (table, row->joined_on);
      yishi_cli_table_add (table, row->left_on);
    }
  yishi_cli_table_print (table);
}

static int
council_members (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day (default today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the members as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Lists a council’s members on a day, the directors first."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  gint64 council_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("ID", argv[1], &council_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (members = yishi_council_store_list_members (db, council_id, date, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = members_json (members);

      yishi_cli_print_json (node);
    }
  else
    print_members (members);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand member_commands[] = {
  { "add", council_member_add, N_("Make a person a council member") },
  { NULL }
};

static int
council_member (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  return yishi_cli_dispatch (cli, "council member", member_commands, argc - 1, argv + 1);
}

static const YishiCliCommand council_commands[] = {
  { "add", council_add, N_("Add a resident council") },
  { "member", council_member, N_("Add council members") },
  { "list", council_list, N_("List councils, as a table or as JSON") },
  { "set", council_set, N_("Change a council’s vote and speaking rules") },
  { "members", council_members, N_("List a council’s members on a day, as a table or as JSON") },
  { NULL }
};

int
yishi_cli_council (YishiCli  *cli,
                   int        argc,
                   char     **argv)
{
  return yishi_cli_dispatch (cli, "council", council_commands, argc - 1, argv + 1);
}
