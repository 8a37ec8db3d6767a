#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-vote.h"

/* What `vote tally` takes, as typed; parsed once options are read. */
typedef struct
{
  char *quorum;
  char *majority;
  char *base;
  char *members;
  char *present;
  char *yes;
  char *no;
  char *abstain;
  char *invalid;
} TallyOptions;

static void
tally_options_clear (TallyOptions *options)
{
  g_clear_pointer (&options->quorum, g_free);
  g_clear_pointer (&options->majority, g_free);
  g_clear_pointer (&options->base, g_free);
  g_clear_pointer (&options->members, g_free);
  g_clear_pointer (&options->present, g_free);
  g_clear_pointer (&options->yes, g_free);
  g_clear_pointer (&options->no, g_free);
  g_clear_pointer (&options->abstain, g_free);
  g_clear_pointer (&options->invalid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TallyOptions, tally_options_clear)

/* No --db: a tally needs no database. */
static GOptionContext *
tally_context_new (TallyOptions *options,
                   gboolean     *json)
{
  const GOptionEntry entries[] = {
    { "quorum", 0, 0, G_OPTION_ARG_STRING, &options->quorum,
      N_("The quorum rule: none, more-than-half, two-thirds or count:K"), N_("KEY") },
    { "majority", 0, 0, G_OPTION_ARG_STRING, &options->majority,
      N_("The majority: simple, two-thirds, three-quarters or unanimous"), N_("KEY") },
    { "base", 0, 0, G_OPTION_ARG_STRING, &options->base,
      N_("What the majority is a share of: yes-no, yes-no-abstain, cast, present or members"),
      N_("KEY") },
    { "members", 0, 0, G_OPTION_ARG_STRING, &options->members,
      N_("How many members are entitled to vote"), N_("N") },
    { "present", 0, 0, G_OPTION_ARG_STRING, &options->present,
      N_("How many members are present"), N_("N") },
    { "yes", 0, 0, G_OPTION_ARG_STRING, &options->yes, N_("Yes votes"), N_("N") },
    { "no", 0, 0, G_OPTION_ARG_STRING, &options->no, N_("No votes"), N_("N") },
    { "abstain", 0, 0, G_OPTION_ARG_STRING, &options->abstain, N_("Abstentions"), N_("N") },
    { "invalid", 0, 0, G_OPTION_ARG_STRING, &options->invalid,
      N_("Invalid ballots, in a secret ballot (default 0)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print the result as one JSON object"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
      N_("Works out the verdict of a vote from its counts and its rule. Every option "
         "but --invalid and --json is required."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static gboolean
check_given (const char *option,
             const char *value)
{
  if (value != NULL)
    return TRUE;

  /* Translators: %s is an option, such as --quorum */
  yishi_cli_usage_error (_("The option %s is required."), option);
  return FALSE;
}

/* A whole number, strictly: digits only, no sign, no spaces. */
static gboolean
parse_count (const char *option,
             const char *text,
             guint      *out_count)
{
  guint64 count;

  if (!check_given (option, text))
    return FALSE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &count, NULL))
    {
      /* Translators: %s is an option such as --yes, %u the largest number, the last %s what the user typed */
      yishi_cli_usage_error (_("%s takes a whole number from 0 to %u, not “%s”."),
                             option, G_MAXUINT, text);
      return FALSE;
    }

  *out_count = count;
  return TRUE;
}

static gboolean
make_counts (const TallyOptions *options,
             YishiVoteCounts    *counts)
{
  counts->invalid = 0;

  return parse_count ("--members", options->members, &counts->members) &&
         parse_count ("--present", options->present, &counts->present) &&
         parse_count ("--yes", options->yes, &counts->yes) &&
         parse_count ("--no", options->no, &counts->no) &&
         parse_count ("--abstain", options->abstain, &counts->abstain) &&
         (options->invalid == NULL ||
          parse_count ("--invalid", options->invalid, &counts->invalid));
}

/* Keys, or the names in Chinese or English, as people type them. */
static gboolean
make_rule (const TallyOptions *options,
           YishiVoteRule      *rule)
{
  if (!check_given ("--quorum", options->quorum) ||
      !check_given ("--majority", options->majority) ||
      !check_given ("--base", options->base))
    return FALSE;

  if (!yishi_vote_quorum_parse (options->quorum, &rule->quorum))
    {
      /* Translators: %s is what the user typed; keep the keys untranslated */
      yishi_cli_usage_error (_("Unknown quorum rule “%s”. Use none, more-than-half, two-thirds "
                               "or count:K with K at least 1."), options->quorum);
      return FALSE;
    }
  if (!yishi_vote_majority_parse (options->majority, &rule->majority))
    {
      /* Translators: %s is what the user typed; keep the keys untranslated */
      yishi_cli_usage_error (_("Unknown majority “%s”. Use simple, two-thirds, three-quarters "
                               "or unanimous."), options->majority);
      return FALSE;
    }
  if (!yishi_vote_base_parse (options->base, &rule->base))
    {
      /* Translators: %s is what the user typed; keep the keys untranslated */
      yishi_cli_usage_error (_("Unknown base “%s”. Use yes-no, yes-no-abstain, cast, present "
                               "or members."), options->base);
      return FALSE;
    }

  return TRUE;
}

/* A JSON string literal, escaped by json-glib. */
static char *
json_string (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

/* Written by hand because json-glib prints 66.67 as 66.670000000000002:
 * yes_percent must be a number with exactly two decimals. */
static void
print_json (const YishiVoteResult *result,
            const char            *rule)
{
  g_autofree char *verdict = json_string (yishi_vote_verdict_to_key (result->verdict));
  g_autofree char *words = json_string (rule);
  g_autofree char *required = result->required > 0 ? g_strdup_printf ("%u", result->required)
                                                   : g_strdup ("null");
  g_autofree char *percent = result->base > 0
                             ? g_strdup_printf ("%u.%02u", result->yes_share / 100,
                                                result->yes_share % 100)
                             : g_strdup ("null");

  /* UTF-8 whatever the locale, as yishi_cli_print_json () does */
  fprintf (stdout,
           "{\n"
           "  \"verdict\" : %s,\n"
           "  \"required\" : %s,\n"
           "  \"base\" : %u,\n"
           "  \"yes_percent\" : %s,\n"
           "  \"quorum_met\" : %s,\n"
           "  \"rule\" : %s\n"
           "}\n",
           verdict, required, result->base, percent,
           result->quorum_met ? "true" : "false", words);
  fflush (stdout);
}

static void
print_text (const YishiVoteResult *result,
            const char            *rule)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("ll");

  /* Translators: the lines of `yishictl vote tally`: a name, then a value */
  yishi_cli_table_add (table, C_("vote", "Verdict"));
  /* Translators: the verdict's key (passed, failed, no-quorum or no-verdict), kept for
   * scripts, then its name, such as “passed (Passed)” */
  yishi_cli_table_take (table, g_strdup_printf (C_("verdict", "%s (%s)"),
                                                yishi_vote_verdict_to_key (result->verdict),
                                                yishi_vote_verdict_label (result->verdict)));
  yishi_cli_table_add (table, C_("vote", "Votes required"));
  if (result->required > 0)
    /* Translators: yes votes required, then the base they are a share of, such as “11 of 20” */
    yishi_cli_table_take (table, g_strdup_printf (C_("votes required", "%u of %u"),
                                                  result->required, result->base));
  else
    yishi_cli_table_add (table, "—");
  yishi_cli_table_add (table, C_("vote", "Yes share"));
  yishi_cli_table_take (table, yishi_vote_format_share (result));
  yishi_cli_table_add (table, C_("vote", "Quorum"));
  yishi_cli_table_add (table, result->quorum_met ? C_("quorum", "met") : C_("quorum", "not met"));
  yishi_cli_table_add (table, C_("vote", "Rule"));
  yishi_cli_table_add (table, rule);

  yishi_cli_table_print (table);
}

static int
vote_tally (YishiCli  *cli,
            int        argc,
            char     **argv)
{
  g_auto(TallyOptions) options = { NULL };
  gboolean json = FALSE;
  g_autoptr(GOptionContext) context = tally_context_new (&options, &json);
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  YishiVoteCounts counts;
  YishiVoteRule rule;
  YishiVoteResult result;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !make_rule (&options, &rule) || !make_counts (&options, &counts))
    return YISHI_CLI_EXIT_USAGE;

  if (!yishi_vote_tally (&counts, &rule, &result, &error))
    return yishi_cli_fail (error);

  words = yishi_vote_rule_describe (&rule);
  if (json)
    print_json (&result, words);
  else
    print_text (&result, words);

  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand vote_commands[] = {
  { "tally", vote_tally, N_("Work out a verdict from the counts and the rule") },
  { NULL }
};

int
yishi_cli_vote (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  return yishi_cli_dispatch (cli, "vote", vote_commands, argc - 1, argv + 1);
}
