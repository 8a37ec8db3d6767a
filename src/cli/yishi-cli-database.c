#include "config.h"

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-person-store.h"
#include "yishi-sample.h"

/* The most proposals `demo --scale` makes: far beyond any real contest,
 * still within what one transaction of drafts in memory can hold. */
#define MAX_SCALE 10000000

int
yishi_cli_init (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Creates the database if it does not exist and brings an older one up to date."),
      NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, TRUE, &error);
  if (db == NULL)
    return yishi_cli_fail (error);

  /* Translators: %s is a file name, %d a number */
  g_print (_("Database “%s” is ready: schema version %d.\n"),
           yishi_database_get_path (db), yishi_database_get_schema_version (db));
  return YISHI_CLI_EXIT_OK;
}

static gboolean
parse_number (const char  *text,
              const char  *option,
              guint32      min,
              guint32      max,
              guint64     *out)
{
  if (text == NULL || g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    return TRUE;

  /* Translators: the first %s is an option such as --scale, the second what the user typed */
  yishi_cli_usage_error (_("%s needs a whole number from %u to %u, not “%s”."),
                         option, (guint) min, (guint) max, text);
  return FALSE;
}

static gboolean
load_demo (YishiDatabase  *db,
           const char     *scale,
           guint64         n_proposals,
           guint64         seed,
           GError        **error)
{
  gboolean ok;

  if (scale == NULL)
    return yishi_sample_load_community (db, error);

  ok = yishi_sample_generate (db, n_proposals, seed, yishi_cli_progress_cb, NULL, error);
  yishi_cli_progress_end ();
  return ok;
}

static int
report_demo (YishiDatabase *db)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint n_proposals;

  people = yishi_person_store_list (db, &error);
  if (people == NULL)
    return yishi_cli_fail (error);
  n_proposals = yishi_proposal_store_count (db, &error);
  if (error != NULL)
    return yishi_cli_fail (error);

  /* Translators: %s is a file name */
  g_print (_("Loaded into “%s”:\n"), yishi_database_get_path (db));
  g_print (ngettext ("  %u person\n", "  %u people\n", people->len), people->len);
  g_print (ngettext ("  %u proposal\n", "  %u proposals\n", n_proposals), n_proposals);
  return YISHI_CLI_EXIT_OK;
}

int
yishi_cli_demo (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *scale = NULL;
  g_autofree char *seed = NULL;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale,
      N_("Generate N proposals (and about N/3 people) instead of the sample community"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("Generate from SEED: the same seed gives the same data (default: 1)"), N_("SEED") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Loads the sample community into an empty database, or with --scale "
         "generated proposals for trying Yishi at scale."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_proposals = 0, seed_value = 1;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !parse_number (scale, "--scale", 1, MAX_SCALE, &n_proposals) ||
      !parse_number (seed, "--seed", 0, G_MAXUINT32, &seed_value))
    return YISHI_CLI_EXIT_USAGE;
  if (seed != NULL && scale == NULL)
    return yishi_cli_usage_error ("%s", _("--seed goes with --scale."));

  db = yishi_cli_open_database (cli, TRUE, &error);
  if (db == NULL || !load_demo (db, scale, n_proposals, seed_value, &error))
    return yishi_cli_fail (error);

  return report_demo (db);
}

int
yishi_cli_check (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Runs the integrity and foreign-key checks and shows the schema version. "
         "Exits with status 1 when a problem is found."),
      NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL)
    return yishi_cli_fail (error);

  report = yishi_database_check (db, &ok, &error);
  if (report == NULL)
    return yishi_cli_fail (error);

  g_print ("%s", report);
  return ok ? YISHI_CLI_EXIT_OK : YISHI_CLI_EXIT_FAILURE;
}
