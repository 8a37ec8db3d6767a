#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-contest-results.h"
#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-score-import.h"

/* `yishictl contest criterion|judge|enter|recuse|score|import|override`:
 * what a contest holds. Judges, entries and criteria are named as people
 * type them (yishi-score-import.h): an id, or an exact name, title or
 * code. */

/* The contest id, the first argument; a usage error printed otherwise. */
static gboolean
parse_contest (char   **argv,
               gint64  *out_id)
{
  return yishi_cli_parse_id ("ID", argv[1], out_id);
}

static int
criterion_add (YishiCli  *cli,
               int        argc,
               char     **argv)
{
  g_autofree char *step_text = NULL, *description = NULL;
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_STRING, &step_text,
      N_("The smallest difference judges may make (default 0.5)"), N_("POINTS") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What judges look at"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID NAME MAX"),
      N_("Adds a criterion to a contest in setup, worth at most MAX points, and prints its id."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contest_id = 0, max_points = 0, step = 0, id;

  if (!yishi_cli_parse (context, &argc, &argv, 3, 3) || !parse_contest (argv, &contest_id))
    return YISHI_CLI_EXIT_USAGE;
  if (!yishi_contest_parse_points (argv[3], &max_points, &error) ||
      (step_text != NULL && !yishi_contest_parse_points (step_text, &step, &error)))
    return yishi_cli_usage_error ("%s", error->message);
  if (step_text != NULL && step == 0)
    return yishi_cli_usage_error ("%s", _("The step must be more than 0."));

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL ||
      (id = yishi_contest_store_add_criterion (db, contest_id, argv[2], description, max_points, step,
                                               &error)) == 0)
    return yishi_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand criterion_commands[] = {
  { "add", criterion_add, N_("Add a scoring criterion") },
  { NULL }
};

int
yishi_cli_contest_criterion (YishiCli  *cli,
                             int        argc,
                             char     **argv)
{
  return yishi_cli_dispatch (cli, "contest criterion", criterion_commands, argc - 1, argv + 1);
}

static int
judge_add (YishiCli  *cli,
           int        argc,
           char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID PERSON"),
      N_("Makes a person (an id or an exact name) a judge of a contest; they are recused at once "
         "from the proposals they made."), NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contest_id = 0, person_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 2, 2) || !parse_contest (argv, &contest_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_council_store_find_person (db, argv[2], &person_id, &error) ||
      yishi_contest_store_add_judge (db, contest_id, person_id, &error) == 0)
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand judge_commands[] = {
  { "add", judge_add, N_("Make a person a judge") },
  { NULL }
};

int
yishi_cli_contest_judge (YishiCli  *cli,
                         int        argc,
                         char     **argv)
{
  return yishi_cli_dispatch (cli, "contest judge", judge_commands, argc - 1, argv + 1);
}

/* A proposal by its id, or by its exact title among all proposals. */
static gboolean
find_proposal (GPtrArray   *proposals,
               const char  *text,
               gint64      *out_id,
               GError     **error)
{
  guint64 id;
  guint n = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return *out_id = (gint64) id, TRUE;
  for (guint i = 0; i < proposals->len; i++)
    if (g_str_equal (yishi_proposal_get_title (proposals->pdata[i]), text))
      *out_id = yishi_proposal_get_id (proposals->pdata[i]), n++;
  if (n == 1)
    return TRUE;

  if (n == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 /* Translators: %s is a title, as typed */
                 _("There is no proposal titled “%s”."), text);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS,
                 /* Translators: %s is a title, as typed */
                 _("More than one proposal is titled “%s”: give the id instead."), text);
  return FALSE;
}

int
yishi_cli_contest_enter (YishiCli  *cli,
                         int        argc,
                         char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID PROPOSAL…"),
      N_("Enters proposals (ids or exact titles), screened in or shortlisted, in a contest in setup."),
      NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contest_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 2, G_MAXINT) || !parse_contest (argv, &contest_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (proposals = yishi_proposal_store_list (db, NULL, &error)) == NULL)
    return yishi_cli_fail (error);
  for (int i = 2; i < argc; i++)
    {
      gint64 proposal_id = 0;

      if (!find_proposal (proposals, argv[i], &proposal_id, &error) ||
          yishi_contest_store_enter (db, contest_id, proposal_id, &error) == 0)
        return yishi_cli_fail (error);
    }
  return YISHI_CLI_EXIT_OK;
}

/* The judge and the entry named on the command line, in @lookup. */
static gboolean
find_judge_and_entry (YishiContestLookup  *lookup,
                      const char          *judge,
                      const char          *entry,
                      gint64              *out_judge_id,
                      gint64              *out_proposal_id,
                      GError             **error)
{
  return yishi_contest_lookup_judge (lookup, judge, out_judge_id, error) &&
         yishi_contest_lookup_entry (lookup, entry, out_proposal_id, error);
}

int
yishi_cli_contest_recuse (YishiCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autofree char *reason_key = NULL, *note = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason_key,
      N_("proposer, same-grid, relative or other (required)"), N_("KEY") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why, in words; required with other"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID JUDGE PROPOSAL"),
      N_("Recuses a judge from a proposal: they cannot score it, and their scores of it are taken away."),
      entries);
  g_autoptr(YishiContestLookup) lookup = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiRecusalReason reason;
  gint64 contest_id = 0, judge_id = 0, proposal_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 3, 3) || !parse_contest (argv, &contest_id))
    return YISHI_CLI_EXIT_USAGE;
  if (reason_key == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--reason");
  if (!yishi_recusal_reason_from_key (reason_key, &reason))
    /* Translators: %s is what the user typed; keep the keys untranslated */
    return yishi_cli_usage_error (_("Unknown reason “%s”. Use proposer, same-grid, relative or other."),
                                  reason_key);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (lookup = yishi_contest_lookup_new (db, contest_id, &error)) == NULL ||
      !find_judge_and_entry (lookup, argv[2], argv[3], &judge_id, &proposal_id, &error) ||
      yishi_contest_store_recuse (db, contest_id, judge_id, proposal_id, reason, note, &error) == 0)
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

int
yishi_cli_contest_score (YishiCli  *cli,
                         int        argc,
                         char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli,
      N_("ID JUDGE PROPOSAL CRITERION POINTS"),
      N_("Records a judge’s points for a proposal on one criterion, replacing earlier ones, while "
         "the contest is judging."), NULL);
  g_autoptr(YishiContestLookup) lookup = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  const YishiContestCriterionRow *criterion;
  gint64 contest_id = 0, judge_id = 0, proposal_id = 0, points = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 5, 5) || !parse_contest (argv, &contest_id))
    return YISHI_CLI_EXIT_USAGE;
  if (!yishi_contest_parse_points (argv[5], &points, &error))
    return yishi_cli_usage_error ("%s", error->message);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (lookup = yishi_contest_lookup_new (db, contest_id, &error)) == NULL ||
      !find_judge_and_entry (lookup, argv[2], argv[3], &judge_id, &proposal_id, &error) ||
      (criterion = yishi_contest_lookup_criterion (lookup, argv[4], &error)) == NULL ||
      !yishi_contest_check_points (criterion, points, &error) ||
      !yishi_contest_store_set_score (db, contest_id, judge_id, proposal_id, criterion->id, points,
                                      &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

int
yishi_cli_contest_import (YishiCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autofree char *encoding_name = NULL;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The file’s encoding: auto (default), utf-8 or gb18030"), N_("ENCODING") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID FILE.csv"),
      N_("Imports score sheets typed into a CSV file with the columns judge, proposal, criterion "
         "and points (评委, 提案, 评分标准, 得分). Either every score is stored, or none."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiEncoding encoding = YISHI_ENCODING_AUTO;
  gint64 contest_id = 0;
  guint n;

  if (!yishi_cli_parse (context, &argc, &argv, 2, 2) || !parse_contest (argv, &contest_id))
    return YISHI_CLI_EXIT_USAGE;
  if (encoding_name != NULL && !yishi_encoding_parse (encoding_name, &encoding))
    /* Translators: %s is what the user typed; keep the names untranslated */
    return yishi_cli_usage_error (_("Unknown encoding “%s”. Use auto, utf-8 or gb18030."),
                                  encoding_name);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (n = yishi_score_import_file (db, contest_id, argv[2], encoding, &error)) == 0)
    return yishi_cli_fail (error);
  g_print (ngettext ("Imported %u score.\n", "Imported %u scores.\n", n), n);
  return YISHI_CLI_EXIT_OK;
}

/* Exactly one of --fund, --no-fund and --clear; a reason with the first two. */
static gboolean
check_override_options (gboolean    fund,
                        gboolean    no_fund,
                        gboolean    clear,
                        const char *reason)
{
  if (fund + no_fund + clear != 1)
    return yishi_cli_usage_error ("%s", _("Give one of --fund, --no-fund and --clear.")), FALSE;
  if (!clear && reason == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--reason"), FALSE;
  if (clear && reason != NULL)
    return yishi_cli_usage_error ("%s", _("--clear takes no --reason.")), FALSE;
  return TRUE;
}

int
yishi_cli_contest_override (YishiCli  *cli,
                            int        argc,
                            char     **argv)
{
  gboolean fund = FALSE, no_fund = FALSE, clear = FALSE;
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "fund", 0, 0, G_OPTION_ARG_NONE, &fund, N_("Fund the proposal whatever the rule says"), NULL },
    { "no-fund", 0, 0, G_OPTION_ARG_NONE, &no_fund, N_("Do not fund it whatever the rule says"), NULL },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Let the rule decide again"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why, in words, shown in the results"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID PROPOSAL"),
      N_("Overrides the funding rule for one proposal, with a written reason, until the results "
         "are published."), entries);
  g_autoptr(YishiContestLookup) lookup = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contest_id = 0, proposal_id = 0;
  gboolean ok;

  if (!yishi_cli_parse (context, &argc, &argv, 2, 2) || !parse_contest (argv, &contest_id) ||
      !check_override_options (fund, no_fund, clear, reason))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (lookup = yishi_contest_lookup_new (db, contest_id, &error)) == NULL ||
      !yishi_contest_lookup_entry (lookup, argv[2], &proposal_id, &error))
    return yishi_cli_fail (error);
  ok = clear ? yishi_contest_store_clear_override (db, contest_id, proposal_id, &error)
             : yishi_contest_store_set_override (db, contest_id, proposal_id, fund, reason, &error);
  return ok ? YISHI_CLI_EXIT_OK : yishi_cli_fail (error);
}
