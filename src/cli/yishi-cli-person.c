#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-json.h"
#include "yishi-person-store.h"

static void
print_table (GPtrArray *people)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rllllrl");

  /* Translators: column headings of `yishictl person list` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Name"));
  yishi_cli_table_add (table, C_("column", "Grid"));
  yishi_cli_table_add (table, C_("column", "Building"));
  yishi_cli_table_add (table, C_("column", "Phone"));
  yishi_cli_table_add (table, C_("column", "Proposals"));
  yishi_cli_table_add (table, C_("column", "Roles"));

  for (guint i = 0; i < people->len; i++)
    {
      YishiPerson *person = people->pdata[i];

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, yishi_person_get_id (person)));
      yishi_cli_table_add (table, yishi_person_get_name (person));
      yishi_cli_table_add (table, yishi_person_get_grid (person));
      yishi_cli_table_add (table, yishi_person_get_building (person));
      yishi_cli_table_add (table, yishi_person_get_phone (person));
      yishi_cli_table_take (table, g_strdup_printf ("%u", yishi_person_get_n_proposals (person)));
      yishi_cli_table_take (table, yishi_person_dup_roles_label (person));
    }

  yishi_cli_table_print (table);
}

static int
person_list (YishiCli  *cli,
             int        argc,
             char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the people as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the people in the directory: residents, proposers, council members and judges."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (people = yishi_person_store_list (db, &error)) == NULL)
    return yishi_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_person_list (people);

      yishi_cli_print_json (node);
    }
  else
    print_table (people);

  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand person_commands[] = {
  { "list", person_list, N_("List people, as a table or as JSON") },
  { NULL }
};

int
yishi_cli_person (YishiCli  *cli,
                  int        argc,
                  char     **argv)
{
  return yishi_cli_dispatch (cli, "person", person_commands, argc - 1, argv + 1);
}
