#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"

static const YishiCliCommand commands[] = {
  { "init", yishi_cli_init, N_("Create or update the database and show its schema version") },
  { "demo", yishi_cli_demo, N_("Load the sample community, or generated proposals") },
  { "check", yishi_cli_check, N_("Check the database for damage and broken references") },
  { "proposal", yishi_cli_proposal, N_("List, add, import and export proposals") },
  { "person", yishi_cli_person, N_("List the people in the directory") },
  { "vote", yishi_cli_vote, N_("Work out the verdict of a vote") },
  { "council", yishi_cli_council, N_("Add resident councils and their members") },
  { "meeting", yishi_cli_meeting, N_("Plan and record council meetings and their votes") },
  { "speech", yishi_cli_speech, N_("Keep the speakers’ queue of an agenda item") },
  { "minutes", yishi_cli_minutes, N_("Approve, export and verify the minutes of meetings") },
  { "import", yishi_cli_import, N_("Import minutes exported as XML from another database") },
  { "contest", yishi_cli_contest, N_("Run proposal contests: criteria, judges, scores and ranking") },
  { NULL }
};

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("YISHI_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
print_version_cb (const char  *option_name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  g_print ("yishictl %s\n", PACKAGE_VERSION);
  exit (YISHI_CLI_EXIT_OK);
}

/* Options before the command; parsing stops at the command's name, so
 * the command parses the rest with its own options. */
static GOptionContext *
main_context_new (YishiCli *cli)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->global_db,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, print_version_cb,
      N_("Show the version and quit"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (N_("COMMAND [ARGUMENT…]"));
  g_autofree char *description = yishi_cli_describe_commands (NULL, commands);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Work on a Yishi database from the command line."));
  g_option_context_set_description (context, description);

  return context;
}

int
main (int    argc,
      char **argv)
{
  g_auto(YishiCli) cli = { NULL };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setup_i18n ();
  g_set_prgname ("yishictl");

  context = main_context_new (&cli);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return yishi_cli_usage_error ("%s", error->message);

  return yishi_cli_dispatch (&cli, NULL, commands, argc - 1, argv + 1);
}
