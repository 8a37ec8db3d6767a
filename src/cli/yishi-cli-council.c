#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-council-store.h"

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

static gboolean
parse_rule (const char     *quorum,
            const char     *majority,
            const char     *base,
            YishiVoteRule  *rule)
{
  yishi_vote_rule_init_default (rule);
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
  { NULL }
};

int
yishi_cli_council (YishiCli  *cli,
                   int        argc,
                   char     **argv)
{
  return yishi_cli_dispatch (cli, "council", council_commands, argc - 1, argv + 1);
}
