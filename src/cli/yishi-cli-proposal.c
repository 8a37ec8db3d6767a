#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-json.h"
#include "yishi-money.h"
#include "yishi-proposal-export.h"
#include "yishi-proposal-import.h"
#include "yishi-proposal-store.h"

/* The options that choose proposals, shared by list and export. */
typedef struct
{
  char *search;
  char *status;
  char *category;
} FilterOptions;

static void
filter_options_clear (FilterOptions *options)
{
  g_clear_pointer (&options->search, g_free);
  g_clear_pointer (&options->status, g_free);
  g_clear_pointer (&options->category, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterOptions, filter_options_clear)

static void
add_filter_entries (GOptionContext *context,
                    FilterOptions  *options)
{
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &options->search,
      N_("Only proposals whose title, summary, text or proposer contains TEXT"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &options->status,
      N_("Only proposals with this status: draft, submitted, screened-in, screened-out, "
         "shortlisted, accepted, rejected or implemented"), N_("KEY") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options->category,
      N_("Only proposals in this category: environment, elderly-disabled, roads-traffic, "
         "culture-sports, safety or other"), N_("KEY") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Keys, or the names in Chinese or English, as people type them. */
static gboolean
make_filter (const FilterOptions *options,
             YishiProposalFilter *filter)
{
  filter->search = options->search;
  filter->has_status = options->status != NULL;
  filter->has_category = options->category != NULL;

  if (filter->has_status && !yishi_proposal_status_parse (options->status, &filter->status))
    {
      /* Translators: %s is what the user typed; keep the keys untranslated */
      yishi_cli_usage_error (_("Unknown status “%s”. Use draft, submitted, screened-in, "
                               "screened-out, shortlisted, accepted, rejected or implemented."),
                             options->status);
      return FALSE;
    }
  if (filter->has_category && !yishi_category_parse (options->category, &filter->category))
    {
      /* Translators: %s is what the user typed; keep the keys untranslated */
      yishi_cli_usage_error (_("Unknown category “%s”. Use environment, elderly-disabled, "
                               "roads-traffic, culture-sports, safety or other."),
                             options->category);
      return FALSE;
    }

  return TRUE;
}

static void
print_table (GPtrArray *proposals)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rllrll");

  /* Translators: column headings of `yishictl proposal list` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Status"));
  yishi_cli_table_add (table, C_("column", "Category"));
  yishi_cli_table_add (table, C_("column", "Cost (yuan)"));
  yishi_cli_table_add (table, C_("column", "Proposer"));
  yishi_cli_table_add (table, C_("column", "Title"));

  for (guint i = 0; i < proposals->len; i++)
    {
      YishiProposal *proposal = proposals->pdata[i];
      gint64 cost = yishi_proposal_get_cost_fen (proposal);

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    yishi_proposal_get_id (proposal)));
      yishi_cli_table_add (table, yishi_proposal_status_label (yishi_proposal_get_status (proposal)));
      yishi_cli_table_add (table, yishi_category_label (yishi_proposal_get_category (proposal)));
      yishi_cli_table_take (table, cost == YISHI_UNKNOWN ? g_strdup ("—") : yishi_money_format_yuan (cost));
      yishi_cli_table_add (table, yishi_proposal_get_proposer_name (proposal));
      yishi_cli_table_add (table, yishi_proposal_get_title (proposal));
    }

  yishi_cli_table_print (table);
}

static int
proposal_list (YishiCli  *cli,
               int        argc,
               char     **argv)
{
  g_auto(FilterOptions) options = { NULL };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the proposals as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the proposals, in the order they were added."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  YishiProposalFilter filter = { NULL };

  add_filter_entries (context, &options);
  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) || !make_filter (&options, &filter))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (proposals = yishi_proposal_store_list (db, &filter, &error)) == NULL)
    return yishi_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_proposal_list (proposals);

      yishi_cli_print_json (node);
    }
  else
    print_table (proposals);

  return YISHI_CLI_EXIT_OK;
}

/* What `proposal add` takes besides the title. */
typedef struct
{
  char   *title;
  char   *summary;
  char   *body;
  char   *proposer;
  char   *phone;
  char   *community;
  char   *category;
  char   *location;
  char   *cost;
  gint64  households;
  gint64  people;
} AddOptions;

static void
add_options_clear (AddOptions *options)
{
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->summary, g_free);
  g_clear_pointer (&options->body, g_free);
  g_clear_pointer (&options->proposer, g_free);
  g_clear_pointer (&options->phone, g_free);
  g_clear_pointer (&options->community, g_free);
  g_clear_pointer (&options->category, g_free);
  g_clear_pointer (&options->location, g_free);
  g_clear_pointer (&options->cost, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

static void
add_draft_entries (GOptionContext *context,
                   AddOptions     *options)
{
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &options->title, N_("The title (required)"), N_("TEXT") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &options->summary, N_("A summary in a sentence or two"), N_("TEXT") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &options->body, N_("The full text"), N_("TEXT") },
    { "proposer", 0, 0, G_OPTION_ARG_STRING, &options->proposer,
      N_("The proposer’s name; someone new is added to the directory"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &options->phone,
      N_("The proposer’s phone number, to tell namesakes apart"), N_("PHONE") },
    { "community", 0, 0, G_OPTION_ARG_STRING, &options->community, N_("The community"), N_("NAME") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options->category,
      N_("environment, elderly-disabled, roads-traffic, culture-sports, safety or other (default)"),
      N_("KEY") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &options->location, N_("Where"), N_("TEXT") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &options->cost,
      N_("The estimated cost in yuan, such as 12000 or 12,000.50"), N_("YUAN") },
    { "households", 0, 0, G_OPTION_ARG_INT64, &options->households,
      N_("How many households benefit"), N_("N") },
    { "people", 0, 0, G_OPTION_ARG_INT64, &options->people, N_("How many people benefit"), N_("N") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Checks what the user typed before anything is opened. */
static gboolean
check_add_options (AddOptions         *options,
                   YishiProposalDraft *draft)
{
  g_autoptr(GError) error = NULL;

  if (options->title == NULL)
    {
      yishi_cli_usage_error ("%s", _("--title is required."));
      return FALSE;
    }
  if (options->category != NULL && !yishi_category_parse (options->category, &draft->category))
    {
      yishi_cli_usage_error (_("Unknown category “%s”. Use environment, elderly-disabled, "
                               "roads-traffic, culture-sports, safety or other."),
                             options->category);
      return FALSE;
    }
  if (options->cost != NULL && !yishi_money_parse_yuan (options->cost, &draft->cost_fen, &error))
    {
      yishi_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The draft the options describe; NULL after a usage error. */
static YishiProposalDraft *
make_draft (AddOptions *options)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();

  if (!check_add_options (options, draft))
    return NULL;

  draft->title = g_steal_pointer (&options->title);
  draft->summary = g_steal_pointer (&options->summary);
  draft->body = g_steal_pointer (&options->body);
  draft->proposer_name = g_steal_pointer (&options->proposer);
  draft->proposer_phone = g_steal_pointer (&options->phone);
  draft->community = g_steal_pointer (&options->community);
  draft->location = g_steal_pointer (&options->location);
  draft->households = options->households;
  draft->people = options->people;

  return g_steal_pointer (&draft);
}

static int
proposal_add (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  g_auto(AddOptions) options = { .households = YISHI_UNKNOWN, .people = YISHI_UNKNOWN };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new proposal as a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Adds a proposal as a draft."), entries);
  g_autoptr(YishiProposalDraft) draft = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  add_draft_entries (context, &options);
  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) || (draft = make_draft (&options)) == NULL)
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, TRUE, &error);
  if (db == NULL || (proposal = yishi_proposal_store_add (db, draft, &error)) == NULL)
    return yishi_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_proposal (proposal);

      yishi_cli_print_json (node);
    }
  else
    /* Translators: the number is the proposal’s id, %s its title */
    g_print (_("Added proposal %" PRId64 ": %s\n"),
             yishi_proposal_get_id (proposal), yishi_proposal_get_title (proposal));

  return YISHI_CLI_EXIT_OK;
}

static void
print_mapping (YishiProposalImport *import)
{
  /* Translators: %s is an encoding such as UTF-8 or GB18030 */
  g_print (_("Encoding: %s\n"), yishi_proposal_import_get_encoding (import));
  g_print ("%s\n", _("Columns:"));

  for (guint i = 0; i < yishi_proposal_import_get_n_columns (import); i++)
    {
      YishiProposalField field = yishi_proposal_import_get_mapping (import, i);

      g_print ("  %s → %s\n", yishi_proposal_import_get_column (import, i),
               field == YISHI_PROPOSAL_FIELD_IGNORED ? _("(ignored)")
                                                     : yishi_proposal_field_label (field));
    }
}

/* Every bad row, so they can all be fixed in one go. */
static gboolean
report_problems (YishiProposalImport *import)
{
  GPtrArray *problems = yishi_proposal_import_get_problems (import);

  if (problems == NULL || problems->len == 0)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = yishi_import_problem_to_string (problems->pdata[i],
                                                             yishi_proposal_import_get_filename (import));

      g_printerr ("%s\n", line);
    }
  g_printerr (ngettext ("%u problem found. Nothing was imported.\n",
                        "%u problems found. Nothing was imported.\n", problems->len),
              problems->len);
  return TRUE;
}

static int
run_import (YishiCli            *cli,
            YishiProposalImport *import)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = yishi_proposal_import_get_n_rows (import);
  gboolean ok;

  db = yishi_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return yishi_cli_fail (error);

  ok = yishi_proposal_import_run (import, db, yishi_cli_progress_cb, NULL, NULL, &error);
  yishi_cli_progress_end ();
  if (!ok)
    return yishi_cli_fail (error);

  g_print (ngettext ("Imported %u proposal.\n", "Imported %u proposals.\n", n_rows), n_rows);
  return YISHI_CLI_EXIT_OK;
}

static int
proposal_import (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autofree char *encoding_name = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The file’s encoding: auto (default), utf-8 or gb18030"), N_("ENCODING") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file, but store nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("FILE.csv"),
      N_("Imports proposals from a CSV file, as spreadsheets and online forms write it. "
         "Either every row is stored, or none."),
      entries);
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GError) error = NULL;
  YishiEncoding encoding = YISHI_ENCODING_AUTO;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1))
    return YISHI_CLI_EXIT_USAGE;
  if (encoding_name != NULL && !yishi_encoding_parse (encoding_name, &encoding))
    /* Translators: %s is what the user typed; keep the names untranslated */
    return yishi_cli_usage_error (_("Unknown encoding “%s”. Use auto, utf-8 or gb18030."),
                                  encoding_name);

  import = yishi_proposal_import_prepare (argv[1], encoding, &error);
  if (import == NULL)
    return yishi_cli_fail (error);

  print_mapping (import);
  if (report_problems (import))
    return YISHI_CLI_EXIT_FAILURE;

  if (dry_run)
    {
      guint n_rows = yishi_proposal_import_get_n_rows (import);

      g_print (ngettext ("%u proposal can be imported. Nothing was stored (dry run).\n",
                         "%u proposals can be imported. Nothing was stored (dry run).\n", n_rows),
               n_rows);
      return YISHI_CLI_EXIT_OK;
    }

  return run_import (cli, import);
}

static int
proposal_export (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_auto(FilterOptions) options = { NULL };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("FILE.csv"),
      N_("Exports proposals to a CSV file that spreadsheets open and “proposal import” reads back."),
      NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  YishiProposalFilter filter = { NULL };

  add_filter_entries (context, &options);
  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !make_filter (&options, &filter))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (proposals = yishi_proposal_store_list (db, &filter, &error)) == NULL ||
      !yishi_proposal_export_csv (proposals, argv[1], &error))
    return yishi_cli_fail (error);

  /* Translators: %s is a file name */
  g_print (ngettext ("Exported %u proposal to “%s”.\n", "Exported %u proposals to “%s”.\n",
                     proposals->len),
           proposals->len, argv[1]);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand proposal_commands[] = {
  { "list", proposal_list, N_("List proposals, as a table or as JSON") },
  { "add", proposal_add, N_("Add a proposal") },
  { "import", proposal_import, N_("Import proposals from a CSV file") },
  { "export", proposal_export, N_("Export proposals to a CSV file") },
  { NULL }
};

int
yishi_cli_proposal (YishiCli  *cli,
                    int        argc,
                    char     **argv)
{
  return yishi_cli_dispatch (cli, "proposal", proposal_commands, argc - 1, argv + 1);
}
