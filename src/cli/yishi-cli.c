#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-json.h"

#define PROGRAM_NAME "yishictl"

struct _YishiCliTable
{
  char      *alignment; /* one 'l' or 'r' per column */
  guint      n_columns;
  GPtrArray *cells;     /* row by row */
};

void
yishi_cli_clear (YishiCli *cli)
{
  g_clear_pointer (&cli->global_db, g_free);
  g_clear_pointer (&cli->command_db, g_free);
  g_clear_pointer (&cli->default_db, g_free);
}

/* The list of commands for --help and for usage errors. */
char *
yishi_cli_describe_commands (const char            *group,
                             const YishiCliCommand *commands)
{
  GString *text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      g_autofree char *name = group ? g_strdup_printf ("%s %s", group, commands[i].name)
                                    : g_strdup (commands[i].name);

      g_string_append_printf (text, "  %-20s %s\n", name, _(commands[i].summary));
    }

  return g_string_free (text, FALSE);
}

/**
 * yishi_cli_dispatch:
 * Runs the command named by argv[0] among @commands.
 */
int
yishi_cli_dispatch (YishiCli              *cli,
                    const char            *group,
                    const YishiCliCommand *commands,
                    int                    argc,
                    char                 **argv)
{
  g_autofree char *list = yishi_cli_describe_commands (group, commands);

  if (argc < 1)
    {
      g_printerr ("%s: %s\n%s", PROGRAM_NAME, _("A command is missing."), list);
      return YISHI_CLI_EXIT_USAGE;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    {
      g_autofree char *prgname = NULL;

      if (!g_str_equal (argv[0], commands[i].name))
        continue;

      /* --help then shows "yishictl proposal list [OPTION…]" */
      prgname = group ? g_strdup_printf ("%s %s %s", PROGRAM_NAME, group, argv[0])
                      : g_strdup_printf ("%s %s", PROGRAM_NAME, argv[0]);
      g_set_prgname (prgname);
      return commands[i].func (cli, argc, argv);
    }

  g_printerr ("%s: ", PROGRAM_NAME);
  /* Translators: %s is what the user typed as a command */
  g_printerr (_("Unknown command “%s”."), argv[0]);
  g_printerr ("\n%s", list);
  return YISHI_CLI_EXIT_USAGE;
}

/**
 * yishi_cli_context_new:
 * An option context for one command, with @entries and the --db option
 * every command takes.
 */
GOptionContext *
yishi_cli_context_new (YishiCli           *cli,
                       const char         *parameters,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  const GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->command_db,
      N_("Use the database FILE instead of the default one"), N_("FILE") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/**
 * yishi_cli_parse:
 * Parses the options, then checks that between @min_args and @max_args
 * arguments are left. Prints what is wrong and returns FALSE otherwise.
 */
gboolean
yishi_cli_parse (GOptionContext   *context,
                 int              *argc,
                 char           ***argv,
                 int               min_args,
                 int               max_args)
{
  g_autoptr(GError) error = NULL;
  int n_args;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      yishi_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  n_args = *argc - 1;
  if (n_args < min_args)
    {
      yishi_cli_usage_error ("%s", _("An argument is missing."));
      return FALSE;
    }
  if (n_args > max_args)
    {
      /* Translators: %s is an argument the command does not take */
      yishi_cli_usage_error (_("Unexpected argument “%s”."), (*argv)[max_args + 1]);
      return FALSE;
    }

  return TRUE;
}

const char *
yishi_cli_get_db_path (YishiCli *cli)
{
  if (cli->command_db != NULL)
    return cli->command_db;
  if (cli->global_db != NULL)
    return cli->global_db;
  if (cli->default_db == NULL)
    cli->default_db = yishi_database_default_path ();

  return cli->default_db;
}

/**
 * yishi_cli_open_database:
 * Opens the database, creating it only when @create: a command that
 * only reads does not leave an empty database behind a typo.
 */
YishiDatabase *
yishi_cli_open_database (YishiCli  *cli,
                         gboolean   create,
                         GError   **error)
{
  const char *path = yishi_cli_get_db_path (cli);

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("There is no database “%s”. Create it with “yishictl init”."), path);
      return NULL;
    }

  return yishi_database_open (path, error);
}

/* Reports a failure while doing the work. */
int
yishi_cli_fail (const GError *error)
{
  g_printerr ("%s: %s\n", PROGRAM_NAME, error->message);
  return YISHI_CLI_EXIT_FAILURE;
}

/* Reports a mistake in the command line. */
int
yishi_cli_usage_error (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", PROGRAM_NAME, message);
  /* Translators: %s is a command, such as “yishictl proposal list” */
  g_printerr (_("Run “%s --help” to see how to use it."), g_get_prgname ());
  g_printerr ("\n");
  return YISHI_CLI_EXIT_USAGE;
}

/* JSON is UTF-8 whatever the locale, so it bypasses g_print ()'s
 * conversion to the terminal's character set. */
void
yishi_cli_print_json (JsonNode *node)
{
  g_autofree char *text = yishi_json_to_string (node);

  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/* Progress on a terminal only: scripts and logs get the result alone. */
void
yishi_cli_progress_cb (guint    done,
                       guint    total,
                       gpointer user_data)
{
  if (!isatty (STDERR_FILENO))
    return;

  g_printerr ("\r");
  /* Translators: progress of a long operation, e.g. “Storing: 5000 of 100000” */
  g_printerr (_("Storing: %u of %u"), done, total);
}

void
yishi_cli_progress_end (void)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\n");
}

/* @alignment has one character per column: 'l' (left) or 'r' (right). */
YishiCliTable *
yishi_cli_table_new (const char *alignment)
{
  YishiCliTable *table = g_new0 (YishiCliTable, 1);

  table->alignment = g_strdup (alignment);
  table->n_columns = strlen (alignment);
  table->cells = g_ptr_array_new_with_free_func (g_free);

  return table;
}

void
yishi_cli_table_free (YishiCliTable *table)
{
  g_free (table->alignment);
  g_ptr_array_unref (table->cells);
  g_free (table);
}

void
yishi_cli_table_take (YishiCliTable *table,
                      char          *text)
{
  g_ptr_array_add (table->cells, text ? text : g_strdup (""));
}

void
yishi_cli_table_add (YishiCliTable *table,
                     const char    *text)
{
  yishi_cli_table_take (table, g_strdup (text));
}

/* The columns @text takes on a terminal. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
append_cell (GString    *line,
             const char *text,
             guint       width,
             gboolean    right,
             gboolean    last)
{
  guint padding = width - text_width (text);

  if (right)
    for (guint i = 0; i < padding; i++)
      g_string_append_c (line, ' ');
  g_string_append (line, text);
  /* no trailing spaces after the last column */
  if (!right && !last)
    for (guint i = 0; i < padding; i++)
      g_string_append_c (line, ' ');
}

void
yishi_cli_table_print (YishiCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_if_fail (table->cells->len % table->n_columns == 0);

  for (guint i = 0; i < table->cells->len; i++)
    widths[i % table->n_columns] = MAX (widths[i % table->n_columns],
                                        text_width (table->cells->pdata[i]));

  for (guint i = 0; i < table->cells->len; i++)
    {
      guint column = i % table->n_columns;
      gboolean last = column + 1 == table->n_columns;

      append_cell (line, table->cells->pdata[i], widths[column],
                   table->alignment[column] == 'r', last);
      if (!last)
        g_string_append (line, "  ");
      else
        {
          /* an empty last cell would leave spaces at the end */
          g_strchomp (line->str);
          g_print ("%s\n", line->str);
          g_string_truncate (line, 0);
        }
    }
}
