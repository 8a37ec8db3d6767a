#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-council-store.h"
#include "yishi-meeting-store.h"

/* `yishictl meeting notice` and `yishictl meeting motion second`:
 * changes to a meeting already planned. */

int
yishi_cli_meeting_notice (YishiCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autofree char *meeting = NULL, *text = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting’s id"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The notice, as sent to the members"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      /* Translators: the notice is 会议通知 */
      N_("Writes the notice of a meeting, replacing the one before."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--meeting", meeting, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  if (text == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--text");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_meeting_store_set_notice (db, meeting_id, text, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

int
yishi_cli_meeting_motion_second (YishiCli  *cli,
                                 int        argc,
                                 char     **argv)
{
  g_autofree char *motion = NULL, *seconder = NULL;
  const GOptionEntry entries[] = {
    { "motion", 0, 0, G_OPTION_ARG_STRING, &motion, N_("The motion’s id"), N_("ID") },
    /* Translators: the seconder is 附议人 */
    { "seconder", 0, 0, G_OPTION_ARG_STRING, &seconder, N_("Who seconds it: a name or id"),
      N_("NAME|ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Records who seconds a motion: a member present, not the mover, before the vote."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 motion_id = 0, seconder_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--motion", motion, &motion_id))
    return YISHI_CLI_EXIT_USAGE;
  if (seconder == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--seconder");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_council_store_find_person (db, seconder, &seconder_id, &error) ||
      !yishi_meeting_store_set_seconder (db, motion_id, seconder_id, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}
