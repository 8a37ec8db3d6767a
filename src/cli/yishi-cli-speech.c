#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-council-store.h"
#include "yishi-meeting-json.h"
#include "yishi-speech-store.h"

/* `yishictl speech`: the speakers' queue of an agenda item. */

static int
speech_add (YishiCli  *cli,
            int        argc,
            char     **argv)
{
  g_autofree char *item = NULL, *person = NULL, *motion = NULL;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("The agenda item’s id"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Who asks to speak: a name or id"), N_("NAME|ID") },
    { "motion", 0, 0, G_OPTION_ARG_STRING, &motion,
      N_("The motion they speak on (default: the item in general)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Puts a person in the queue to speak on an agenda item, within the council’s limit of turns."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id = 0, motion_id = 0, person_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--item", item, &item_id) ||
      (motion != NULL && !yishi_cli_parse_id ("--motion", motion, &motion_id)))
    return YISHI_CLI_EXIT_USAGE;
  if (person == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--person");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_council_store_find_person (db, person, &person_id, &error) ||
      (id = yishi_speech_store_enqueue (db, item_id, motion_id, person_id, &error)) == 0)
    return yishi_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return YISHI_CLI_EXIT_OK;
}

static int
speech_floor (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Gives the floor to a queued speaker, while nobody else in the meeting has it."), NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 speech_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("ID", argv[1], &speech_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_speech_store_give_floor (db, speech_id, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static int
speech_end (YishiCli  *cli,
            int        argc,
            char     **argv)
{
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was said, in short, for the minutes"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Ends the turn of whoever has the floor."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 speech_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("ID", argv[1], &speech_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_speech_store_end (db, speech_id, note, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static void
print_speeches (GPtrArray *speeches)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rrllllll");

  /* Translators: column headings of `yishictl speech list` */
  yishi_cli_table_add (table, C_("column", "ID"));
  /* Translators: column heading: the speaker's first, second … turn */
  yishi_cli_table_add (table, C_("column", "Turn"));
  yishi_cli_table_add (table, C_("column", "Speaker"));
  yishi_cli_table_add (table, C_("column", "State"));
  yishi_cli_table_add (table, C_("column", "Motion"));
  yishi_cli_table_add (table, C_("column", "Started"));
  yishi_cli_table_add (table, C_("column", "Ended"));
  yishi_cli_table_add (table, C_("column", "Note"));
  for (guint i = 0; i < speeches->len; i++)
    {
      const YishiSpeechRow *row = speeches->pdata[i];

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, row->id));
      yishi_cli_table_take (table, g_strdup_printf ("%u", row->turn));
      yishi_cli_table_add (table, row->name);
      yishi_cli_table_add (table, yishi_speech_state_to_key (row->state));
      yishi_cli_table_take (table, row->motion_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, row->motion_id)
                                                      : NULL);
      yishi_cli_table_add (table, row->started_at);
      yishi_cli_table_add (table, row->ended_at);
      yishi_cli_table_add (table, row->note);
    }
  yishi_cli_table_print (table);
}

static int
speech_list (YishiCli  *cli,
             int        argc,
             char     **argv)
{
  g_autofree char *item = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("The agenda item’s id"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the speeches as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the queue and the past turns of an agenda item, in the order they were queued."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) speeches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--item", item, &item_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (speeches = yishi_speech_store_list (db, item_id, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_speech_list (speeches);

      yishi_cli_print_json (node);
    }
  else
    print_speeches (speeches);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand speech_commands[] = {
  { "add", speech_add, N_("Put a person in the queue to speak") },
  { "floor", speech_floor, N_("Give the floor to a queued speaker") },
  { "end", speech_end, N_("End a turn, with a note of what was said") },
  { "list", speech_list, N_("List an agenda item’s speeches, as a table or as JSON") },
  { NULL }
};

int
yishi_cli_speech (YishiCli  *cli,
                  int        argc,
                  char     **argv)
{
  return yishi_cli_dispatch (cli, "speech", speech_commands, argc - 1, argv + 1);
}
