#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-contest-json.h"
#include "yishi-contest-results.h"
#include "yishi-money.h"

/* `yishictl contest`: the contest itself, its states and its results;
 * criteria, judges, entries, recusals, scores and overrides are in
 * yishi-cli-contest-setup.c. */

/* Bounds a person can mean: a year's objection period. */
#define MAX_OBJECTION_DAYS 365

typedef struct
{
  char     *organiser;
  char     *scope;
  char     *budget;
  char     *opens;
  char     *closes;
  char     *aggregation;
  char     *funding;
  char     *top;
  gboolean  recuse_same_grid;
  char     *objection_days;
  char     *seed;
} CreateOptions;

static void
create_options_clear (CreateOptions *options)
{
  g_free (options->organiser);
  g_free (options->scope);
  g_free (options->budget);
  g_free (options->opens);
  g_free (options->closes);
  g_free (options->aggregation);
  g_free (options->funding);
  g_free (options->top);
  g_free (options->objection_days);
  g_free (options->seed);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CreateOptions, create_options_clear)

/* "--top 3": a whole number from @min to @max, or a usage error printed. */
static gboolean
parse_number (const char *option,
              const char *text,
              guint64     min,
              guint64     max,
              guint64    *out_value)
{
  if (text == NULL || g_ascii_string_to_unsigned (text, 10, min, max, out_value, NULL))
    return TRUE;
  /* Translators: an option such as --top, the smallest and largest numbers, what the user typed */
  yishi_cli_usage_error (_("%s takes a whole number from %" PRIu64 " to %" PRIu64 ", not “%s”."), option,
                         (uint64_t) min, (uint64_t) max, text);
  return FALSE;
}

static gboolean
parse_keys (const CreateOptions *options,
            YishiContestDraft   *draft)
{
  if (options->scope != NULL && !yishi_contest_scope_from_key (options->scope, &draft->scope))
    /* Translators: %s is what the user typed; keep the keys untranslated */
    return yishi_cli_usage_error (_("Unknown scope “%s”. Use community or district."),
                                  options->scope), FALSE;
  if (options->aggregation != NULL &&
      !yishi_contest_aggregation_parse (options->aggregation, &draft->aggregation))
    /* Translators: %s is what the user typed; keep the keys untranslated */
    return yishi_cli_usage_error (_("Unknown aggregation “%s”. Use mean, trimmed-mean, median "
                                    "or normalised."), options->aggregation), FALSE;
  if (options->funding != NULL && !yishi_contest_funding_rule_parse (options->funding, &draft->funding))
    /* Translators: %s is what the user typed; keep the keys untranslated */
    return yishi_cli_usage_error (_("Unknown funding rule “%s”. Use greedy or top-n."),
                                  options->funding), FALSE;
  return TRUE;
}

/* --top alone means the top-n rule; top-n needs --top. */
static gboolean
parse_funding (const CreateOptions *options,
               YishiContestDraft   *draft)
{
  guint64 top = 0;

  if (!parse_number ("--top", options->top, 1, G_MAXUINT, &top))
    return FALSE;
  if (options->top != NULL && options->funding == NULL)
    draft->funding = YISHI_CONTEST_FUNDING_TOP_N;
  if (draft->funding == YISHI_CONTEST_FUNDING_TOP_N && options->top == NULL)
    return yishi_cli_usage_error ("%s", _("Funding the top N needs --top N.")), FALSE;
  if (draft->funding == YISHI_CONTEST_FUNDING_GREEDY && options->top != NULL)
    return yishi_cli_usage_error ("%s", _("--top goes with the top-n funding rule only.")), FALSE;
  draft->top_n = (guint) top;
  return TRUE;
}

static gboolean
make_draft (const char          *name,
            const CreateOptions *options,
            YishiContestDraft   *draft)
{
  g_autoptr(GError) error = NULL;
  guint64 days = YISHI_CONTEST_DEFAULT_OBJECTION_DAYS, seed = 0;

  draft->name = g_strdup (name);
  draft->organiser = g_strdup (options->organiser);
  draft->opens_on = g_strdup (options->opens);
  draft->closes_on = g_strdup (options->closes);
  draft->recuse_same_grid = options->recuse_same_grid;
  if (options->budget != NULL && !yishi_money_parse_yuan (options->budget, &draft->budget_fen, &error))
    return yishi_cli_usage_error ("--budget: %s", error->message), FALSE;
  if (!parse_keys (options, draft) || !parse_funding (options, draft) ||
      !parse_number ("--objection-days", options->objection_days, 1, MAX_OBJECTION_DAYS, &days) ||
      !parse_number ("--seed", options->seed, 0, G_MAXINT64, &seed))
    return FALSE;
  draft->objection_days = (guint) days;
  if (options->seed != NULL)
    draft->lots_seed = (gint64) seed;
  return TRUE;
}

static int
contest_create (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_auto(CreateOptions) options = { NULL };
  const GOptionEntry entries[] = {
    { "organiser", 0, 0, G_OPTION_ARG_STRING, &options.organiser, N_("Who runs the contest"), N_("TEXT") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &options.scope,
      N_("community (default) or district"), N_("KEY") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &options.budget, N_("The total budget, in yuan"), N_("YUAN") },
    { "opens", 0, 0, G_OPTION_ARG_STRING, &options.opens,
      N_("The first day proposals are taken"), N_("YYYY-MM-DD") },
    { "closes", 0, 0, G_OPTION_ARG_STRING, &options.closes,
      N_("The last day proposals are taken"), N_("YYYY-MM-DD") },
    { "aggregation", 0, 0, G_OPTION_ARG_STRING, &options.aggregation,
      N_("How the judges’ totals make a score: mean (default), trimmed-mean, median or normalised"),
      N_("KEY") },
    { "funding", 0, 0, G_OPTION_ARG_STRING, &options.funding,
      N_("greedy (default: in rank order, whatever fits the budget) or top-n"), N_("KEY") },
    { "top", 0, 0, G_OPTION_ARG_STRING, &options.top, N_("How many proposals top-n funds"), N_("N") },
    { "recuse-same-grid", 0, 0, G_OPTION_ARG_NONE, &options.recuse_same_grid,
      N_("Recuse judges from the proposals of their own grid"), NULL },
    { "objection-days", 0, 0, G_OPTION_ARG_STRING, &options.objection_days,
      N_("The public notice’s objection period, in days (default 7)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &options.seed,
      N_("The seed of the drawing of lots (default: drawn at random)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("NAME"),
      N_("Creates a proposal contest, in setup, and prints its id."), entries);
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !make_draft (argv[1], &options, draft))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, TRUE, &error);
  if (db == NULL || (id = yishi_contest_store_add (db, draft, &error)) == 0)
    return yishi_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return YISHI_CLI_EXIT_OK;
}

/* The counts of what each contest holds, beside the contests. */
static GArray *
summarise (YishiDatabase  *db,
           GPtrArray      *contests,
           GError        **error)
{
  g_autoptr(GArray) summaries = g_array_sized_new (FALSE, TRUE, sizeof (YishiContestSummary),
                                                    contests->len);

  for (guint i = 0; i < contests->len; i++)
    {
      const YishiContestRow *row = contests->pdata[i];
      g_autoptr(GPtrArray) criteria = NULL, judges = NULL, entries = NULL;
      YishiContestSummary summary = { row, 0, 0, 0 };

      if ((criteria = yishi_contest_store_list_criteria (db, row->id, error)) == NULL ||
          (judges = yishi_contest_store_list_judges (db, row->id, error)) == NULL ||
          (entries = yishi_contest_store_list_entries (db, row->id, error)) == NULL)
        return NULL;
      summary.n_criteria = criteria->len;
      summary.n_judges = judges->len;
      summary.n_entries = entries->len;
      g_array_append_val (summaries, summary);
    }
  return g_steal_pointer (&summaries);
}

static void
print_contests (GArray *summaries)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rllrrrr");

  /* Translators: column headings of `yishictl contest list` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Name"));
  yishi_cli_table_add (table, C_("column", "State"));
  yishi_cli_table_add (table, C_("column", "Budget"));
  yishi_cli_table_add (table, C_("column", "Criteria"));
  yishi_cli_table_add (table, C_("column", "Judges"));
  yishi_cli_table_add (table, C_("column", "Entries"));
  for (guint i = 0; i < summaries->len; i++)
    {
      const YishiContestSummary *summary = &g_array_index (summaries, YishiContestSummary, i);

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, summary->contest->id));
      yishi_cli_table_add (table, summary->contest->name);
      yishi_cli_table_add (table, yishi_contest_state_to_key (summary->contest->state));
      yishi_cli_table_take (table, yishi_money_format_yuan (summary->contest->budget_fen));
      yishi_cli_table_take (table, g_strdup_printf ("%u", summary->n_criteria));
      yishi_cli_table_take (table, g_strdup_printf ("%u", summary->n_judges));
      yishi_cli_table_take (table, g_strdup_printf ("%u", summary->n_entries));
    }
  yishi_cli_table_print (table);
}

static int
contest_list (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the contests as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the proposal contests, with their state and what they hold."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) contests = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (contests = yishi_contest_store_list (db, &error)) == NULL ||
      (summaries = summarise (db, contests, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_contest_list ((YishiContestSummary *) (gpointer) summaries->data,
                                                          summaries->len);

      yishi_cli_print_json (node);
    }
  else
    print_contests (summaries);
  return YISHI_CLI_EXIT_OK;
}

/* "Label: value" lines, the labels aligned. */
static void
print_contest (const YishiContestSummary *summary)
{
  const YishiContestRow *row = summary->contest;
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("ll");
  g_autofree char *funding = yishi_contest_funding_rule_describe (row->funding, row->top_n);

  /* Translators: labels of `yishictl contest show` */
  yishi_cli_table_add (table, _("Name:"));
  yishi_cli_table_add (table, row->name);
  yishi_cli_table_add (table, _("Organiser:"));
  yishi_cli_table_add (table, row->organiser);
  yishi_cli_table_add (table, _("Scope:"));
  yishi_cli_table_add (table, yishi_contest_scope_to_key (row->scope));
  yishi_cli_table_add (table, _("Budget:"));
  yishi_cli_table_take (table, yishi_money_format_yuan (row->budget_fen));
  yishi_cli_table_add (table, _("Proposals taken:"));
  /* Translators: the first and last day a contest takes proposals; “…” when not set */
  yishi_cli_table_take (table, g_strdup_printf (_("%s to %s"), row->opens_on ? row->opens_on : "…",
                                                row->closes_on ? row->closes_on : "…"));
  yishi_cli_table_add (table, _("State:"));
  yishi_cli_table_add (table, yishi_contest_state_to_key (row->state));
  yishi_cli_table_add (table, _("Aggregation:"));
  yishi_cli_table_add (table, yishi_contest_aggregation_label (row->aggregation));
  yishi_cli_table_add (table, _("Funding:"));
  yishi_cli_table_add (table, funding);
  yishi_cli_table_add (table, _("Seed of the lots:"));
  yishi_cli_table_take (table, g_strdup_printf ("%" G_GUINT64_FORMAT, row->lots_seed));
  yishi_cli_table_add (table, _("Objection days:"));
  yishi_cli_table_take (table, g_strdup_printf ("%u", row->objection_days));
  yishi_cli_table_add (table, _("Published on:"));
  yishi_cli_table_add (table, row->published_on);
  yishi_cli_table_add (table, _("Criteria, judges, entries:"));
  yishi_cli_table_take (table, g_strdup_printf ("%u, %u, %u", summary->n_criteria, summary->n_judges,
                                                summary->n_entries));
  yishi_cli_table_print (table);
}

static int
contest_show (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the contest as one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Shows a contest’s settings and what it holds."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiContestRow) row = NULL;
  g_autoptr(GPtrArray) contests = g_ptr_array_new ();
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !yishi_cli_parse_id ("ID", argv[1], &id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (row = yishi_contest_store_get (db, id, &error)) == NULL)
    return yishi_cli_fail (error);
  g_ptr_array_add (contests, row);
  if ((summaries = summarise (db, contests, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_contest (&g_array_index (summaries, YishiContestSummary, 0));

      yishi_cli_print_json (node);
    }
  else
    print_contest (&g_array_index (summaries, YishiContestSummary, 0));
  return YISHI_CLI_EXIT_OK;
}

/* A contest's id as the first argument. */
static gboolean
parse_contest (int      argc,
               char   **argv,
               gint64  *out_id)
{
  return argc > 1 && yishi_cli_parse_id ("ID", argv[1], out_id);
}

/* Moves a contest from setup to judging. */
static int
contest_start (YishiCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Starts the judging of a contest in setup: it needs a criterion, a judge and an entry."),
      NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !parse_contest (argc, argv, &id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_contest_store_set_state (db, id, YISHI_CONTEST_STATE_JUDGING, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static int
contest_publish (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Publishes the results of a contest in judging: locks its scores and accepts the funded "
         "proposals and rejects the others."), NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !parse_contest (argc, argv, &id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_contest_store_publish (db, id, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

/* "Yes", "No", or with an override "Yes (override)". */
static char *
funded_text (const YishiContestGrant *grant)
{
  /* Translators: in the Funded column of a contest's ranking */
  const char *funded = grant != NULL && grant->funded ? C_("funded", "Yes") : C_("funded", "No");

  if (grant == NULL || !grant->overridden)
    return g_strdup (funded);
  /* Translators: “Yes” or “No” in the Funded column, decided by the organiser */
  return g_strdup_printf (_("%s (override)"), funded);
}

static void
add_place_row (YishiCliTable             *table,
               const YishiContestResults *results,
               const YishiContestPlace   *place)
{
  const YishiContestEntryRow *entry = yishi_contest_results_find_entry (results, place->proposal_id);
  const YishiContestGrant *grant = yishi_contest_funding_find (results->funding, place->proposal_id);

  yishi_cli_table_take (table, place->rank > 0 ? g_strdup_printf ("%u", place->rank) : g_strdup ("–"));
  yishi_cli_table_add (table, entry != NULL ? entry->code : NULL);
  yishi_cli_table_add (table, entry != NULL ? entry->title : NULL);
  yishi_cli_table_take (table, place->rank > 0 ? yishi_contest_score_format (&place->final_score)
                                               : g_strdup ("–"));
  yishi_cli_table_take (table, funded_text (grant));
  yishi_cli_table_add (table, place->tie_break != YISHI_CONTEST_TIE_BREAK_NONE
                              ? yishi_contest_tie_break_label (place->tie_break) : NULL);
}

static void
print_results (const YishiContestResults *results)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rllrll");
  g_autofree char *budget = yishi_money_format_yuan (results->funding->budget);
  g_autofree char *spent = yishi_money_format_yuan (results->funding->spent);
  const YishiContestRanking *ranking = results->ranking;

  /* Translators: the contest's name, then how its scores are made, such as “Trimmed mean” */
  g_print (_("%s — %s\n"), results->contest->name, yishi_contest_aggregation_label (ranking->aggregation));
  /* Translators: column headings of `yishictl contest ranking` */
  yishi_cli_table_add (table, C_("column", "Rank"));
  yishi_cli_table_add (table, C_("column", "Code"));
  yishi_cli_table_add (table, C_("column", "Title"));
  yishi_cli_table_add (table, C_("column", "Score"));
  yishi_cli_table_add (table, C_("column", "Funded"));
  /* Translators: column heading: the rule that separated a proposal from the next one */
  yishi_cli_table_add (table, C_("column", "Tie-break"));
  for (guint i = 0; i < yishi_contest_ranking_get_n_places (ranking); i++)
    add_place_row (table, results, yishi_contest_ranking_get (ranking, i));
  yishi_cli_table_print (table);
  /* Translators: amounts in yuan, such as “200,000.00” */
  g_print (_("Budget %s, spent %s\n"), budget, spent);
}

static int
contest_ranking (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the ranking as one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Shows a contest’s ranking: the final scores, the funding and the rule that broke each tie."),
      entries);
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !parse_contest (argc, argv, &id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (results = yishi_contest_store_results (db, id, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_contest_results (results);

      yishi_cli_print_json (node);
    }
  else
    print_results (results);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand contest_commands[] = {
  { "create", contest_create, N_("Create a proposal contest") },
  { "list", contest_list, N_("List contests, as a table or as JSON") },
  { "show", contest_show, N_("Show a contest’s settings, as text or as JSON") },
  { "criterion", yishi_cli_contest_criterion, N_("Add scoring criteria to a contest") },
  { "judge", yishi_cli_contest_judge, N_("Add judges to a contest") },
  { "enter", yishi_cli_contest_enter, N_("Enter proposals in a contest") },
  { "recuse", yishi_cli_contest_recuse, N_("Recuse a judge from a proposal") },
  { "start", contest_start, N_("Start the judging") },
  { "score", yishi_cli_contest_score, N_("Record one judge’s points on one criterion") },
  { "import", yishi_cli_contest_import, N_("Import scores from a CSV file") },
  { "override", yishi_cli_contest_override, N_("Fund or refuse a proposal against the rule") },
  { "ranking", contest_ranking, N_("Show the ranking, as a table or as JSON") },
  { "publish", contest_publish, N_("Publish the results and lock the scores") },
  { "notice", yishi_cli_contest_notice, N_("Write the public notice of the results, as PDF or ODT") },
  { "sheets", yishi_cli_contest_sheets, N_("Write blank score sheets for judges, as PDF") },
  { NULL }
};

int
yishi_cli_contest (YishiCli  *cli,
                   int        argc,
                   char     **argv)
{
  return yishi_cli_dispatch (cli, "contest", contest_commands, argc - 1, argv + 1);
}
