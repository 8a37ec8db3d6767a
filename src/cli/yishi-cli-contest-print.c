#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-contest-notice.h"
#include "yishi-contest-results.h"
#include "yishi-score-sheets.h"

/* `contest notice` and `contest sheets`: the printable documents of a
 * contest, written as the window writes them. */

int
yishi_cli_contest_notice (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .pdf or .odt"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Writes the public notice (公示) of a contest's results, as PDF or as ODF text by the file's "
         "extension."),
      entries);
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !yishi_cli_parse_id ("ID", argv[1], &id))
    return YISHI_CLI_EXIT_USAGE;
  if (output == NULL)
    return yishi_cli_usage_error ("%s", _("Say where to write the notice with --output FILE."));
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (results = yishi_contest_store_results (db, id, &error)) == NULL ||
      !yishi_contest_notice_write (results, output, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

int
yishi_cli_contest_sheets (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Writes blank A4 score sheets, one per judge, for judges who score on paper."), entries);
  g_autoptr(YishiContestRoster) roster = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) || !yishi_cli_parse_id ("ID", argv[1], &id))
    return YISHI_CLI_EXIT_USAGE;
  if (output == NULL)
    return yishi_cli_usage_error ("%s", _("Say where to write the score sheets with --output FILE."));
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL ||
      (roster = yishi_contest_store_roster (db, id, &error)) == NULL ||
      !yishi_score_sheets_write_pdf (roster->contest, roster->criteria, roster->judges, roster->entries,
                                     roster->recusals, output, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}
