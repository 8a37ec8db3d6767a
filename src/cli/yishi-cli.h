#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "yishi-database.h"
#include "yishi-proposal-store.h"

G_BEGIN_DECLS

/* Exit statuses: scripts tell a mistake in the command line (2) from a
 * failure while doing the work (1). */
#define YISHI_CLI_EXIT_OK      0
#define YISHI_CLI_EXIT_FAILURE 1
#define YISHI_CLI_EXIT_USAGE   2

typedef struct
{
  char *global_db;  /* --db before the command */
  char *command_db; /* --db after it */
  char *default_db;
} YishiCli;

/* A command gets its own name in argv[0], then its arguments. */
typedef int (*YishiCliFunc) (YishiCli  *cli,
                             int        argc,
                             char     **argv);

typedef struct
{
  const char   *name;
  YishiCliFunc  func;
  const char   *summary; /* marked N_() */
} YishiCliCommand;

void            yishi_cli_clear             (YishiCli              *cli);
int             yishi_cli_dispatch          (YishiCli              *cli,
                                             const char            *group,
                                             const YishiCliCommand *commands,
                                             int                    argc,
                                             char                 **argv);
char           *yishi_cli_describe_commands (const char            *group,
                                             const YishiCliCommand *commands);
GOptionContext *yishi_cli_context_new       (YishiCli              *cli,
                                             const char            *parameters,
                                             const char            *summary,
                                             const GOptionEntry    *entries);
gboolean        yishi_cli_parse             (GOptionContext        *context,
                                             int                   *argc,
                                             char                ***argv,
                                             int                    min_args,
                                             int                    max_args);
const char     *yishi_cli_get_db_path       (YishiCli              *cli);
YishiDatabase  *yishi_cli_open_database     (YishiCli              *cli,
                                             gboolean               create,
                                             GError               **error);
int             yishi_cli_fail              (const GError          *error);
int             yishi_cli_usage_error       (const char            *format,
                                             ...) G_GNUC_PRINTF (1, 2);
void            yishi_cli_print_json        (JsonNode              *node);
void            yishi_cli_progress_cb       (guint                  done,
                                             guint                  total,
                                             gpointer               user_data);
void            yishi_cli_progress_end      (void);

/* A table for people to read, its columns aligned on the terminal
 * (Chinese characters take two cells). */
typedef struct _YishiCliTable YishiCliTable;

YishiCliTable  *yishi_cli_table_new         (const char            *alignment);
void            yishi_cli_table_add         (YishiCliTable         *table,
                                             const char            *text);
void            yishi_cli_table_take        (YishiCliTable         *table,
                                             char                  *text);
void            yishi_cli_table_print       (YishiCliTable         *table);
void            yishi_cli_table_free        (YishiCliTable         *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiCliTable, yishi_cli_table_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (YishiCli, yishi_cli_clear)

/* The commands */
int yishi_cli_init           (YishiCli *cli, int argc, char **argv);
int yishi_cli_demo           (YishiCli *cli, int argc, char **argv);
int yishi_cli_check          (YishiCli *cli, int argc, char **argv);
int yishi_cli_proposal       (YishiCli *cli, int argc, char **argv);
int yishi_cli_person         (YishiCli *cli, int argc, char **argv);
int yishi_cli_vote           (YishiCli *cli, int argc, char **argv);
int yishi_cli_council        (YishiCli *cli, int argc, char **argv);
int yishi_cli_meeting        (YishiCli *cli, int argc, char **argv);
int yishi_cli_speech         (YishiCli *cli, int argc, char **argv);
int yishi_cli_minutes        (YishiCli *cli, int argc, char **argv);
/* `yishictl import FILE.xml`, in yishi-cli-minutes.c */
int yishi_cli_import         (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest        (YishiCli *cli, int argc, char **argv);

/* `meeting notice` and `meeting motion second`, in yishi-cli-meeting-edit.c */
int yishi_cli_meeting_notice        (YishiCli *cli, int argc, char **argv);
int yishi_cli_meeting_motion_second (YishiCli *cli, int argc, char **argv);

/* `contest criterion|judge|enter|recuse|score|import|override`, in
 * yishi-cli-contest-setup.c */
int yishi_cli_contest_criterion (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_judge     (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_enter     (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_recuse    (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_score     (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_import    (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_override  (YishiCli *cli, int argc, char **argv);
/* `contest notice|sheets`, in yishi-cli-contest-print.c */
int yishi_cli_contest_notice    (YishiCli *cli, int argc, char **argv);
int yishi_cli_contest_sheets    (YishiCli *cli, int argc, char **argv);

/* "--council 3": a positive id, or a usage error printed and FALSE. */
gboolean yishi_cli_parse_id  (const char *option,
                              const char *text,
                              gint64     *out_id);

G_END_DECLS
