#include "config.h"

#include <locale.h>
#include <string.h>

#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-stress-util.h"
#include "yishi-test-util.h"

/* The window's store code and yishictl writing one database at once, as
 * they do when a secretary imports a file from a terminal while the
 * window is open: a thread here adds proposals through the store, one
 * transaction each, moves some of them on and opens the file again now
 * and then, as the window does; meanwhile yishictl runs in a loop adding
 * proposals, importing files and checking the database. Each side keeps
 * going until the other has done its share, so that they overlap from
 * start to end. Afterwards every write of both sides must be stored
 * exactly once, and no run of yishictl may have failed or said that the
 * database was locked or busy. */

/* At least this many writes by the store, and runs of yishictl. */
#define N_APP_WRITES 2000
#define N_CLI_RUNS   200

/* The window waits up to this many µs between two writes, and opens
 * the file again after REOPEN_EVERY writes. */
#define MAX_PAUSE    2000
#define REOPEN_EVERY 100
/* About one run of yishictl in IMPORT_EVERY imports a file of
 * N_IMPORT_ROWS proposals, one in CHECK_EVERY checks the whole
 * database; the others add a proposal. */
#define IMPORT_EVERY 20
#define CHECK_EVERY  25
#define N_IMPORT_ROWS 100

#define SHARED_PROPOSER "共同提议人"
#define APP_TITLE       "窗口提案"

typedef struct
{
  char          *db_path;
  gint           cli_done;   /* atomic: yishictl has done its share */
  gint           app_ready;  /* atomic: the store has done its share */
  guint          n_writes;   /* proposals the store added */
  guint          n_moved;    /* of those, moved on to submitted */
  guint          n_reopens;
  GRand         *rand;
  GError        *error;      /* the first failure of the store */
} App;

static guint32 seed;

static gboolean
app_add (App           *app,
         YishiDatabase *db,
         guint          i)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(YishiProposal) moved = NULL;

  draft->title = g_strdup_printf (APP_TITLE " %05u", i);
  draft->proposer_name = i % 2 ? g_strdup (SHARED_PROPOSER) : g_strdup_printf ("窗口居民%u", i % 50);
  draft->community = g_strdup ("共同社区");
  proposal = yishi_proposal_store_add (db, draft, &app->error);
  if (proposal == NULL)
    return FALSE;
  if (i % 10 != 0)
    return TRUE;

  /* a read, then a write that depends on it, as the window's status menu does */
  moved = yishi_proposal_store_set_status (db, yishi_proposal_get_id (proposal),
                                           YISHI_PROPOSAL_STATUS_SUBMITTED, NULL, &app->error);
  app->n_moved += moved != NULL;
  return moved != NULL;
}

/* The window's side: the store, from a thread of its own with its own
 * connection, until yishictl has done its share. */
static gpointer
app_thread (gpointer data)
{
  App *app = data;
  g_autoptr(YishiDatabase) db = yishi_database_open (app->db_path, &app->error);

  while (db != NULL && !g_atomic_int_get (&app->cli_done))
    {
      /* someone at the window takes a moment between two changes */
      g_usleep (g_rand_int_range (app->rand, 0, MAX_PAUSE));
      if (!app_add (app, db, app->n_writes))
        break;
      if (++app->n_writes == N_APP_WRITES)
        g_atomic_int_set (&app->app_ready, TRUE);
      if (app->n_writes % REOPEN_EVERY == 0)
        {
          g_clear_object (&db);
          db = yishi_database_open (app->db_path, &app->error);
          app->n_reopens++;
        }
    }
  /* nothing waits for a store that failed */
  g_atomic_int_set (&app->app_ready, TRUE);
  return NULL;
}

/* yishictl's side. */
typedef struct
{
  const char *db_path;
  char       *stderr_path;
  char       *csv_path;
  GPtrArray  *titles;   /* of the proposals yishictl stored */
  guint       n_runs;
  guint       n_adds;
  guint       n_imports;
  guint       n_checks;
} Cli;

static void
run_cli (Cli                *cli,
         const char * const *args)
{
  g_autoptr(GSubprocess) process = yishi_stress_spawn (cli->stderr_path, args);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *lower = NULL;

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  err = yishi_stress_read_text (cli->stderr_path);
  lower = g_utf8_strdown (err, -1);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0 ||
      strstr (lower, "locked") != NULL || strstr (lower, "busy") != NULL)
    g_error ("yishictl %s %s, run %u, failed: %s", args[0], args[1], cli->n_runs, err);
  cli->n_runs++;
}

static void
cli_add (Cli *cli)
{
  g_autofree char *title = g_strdup_printf ("命令行提案 %05u", cli->n_adds);
  const char * const args[] = { "proposal", "add", "--db", cli->db_path, "--title", title,
                                "--proposer", SHARED_PROPOSER, "--community", "共同社区", NULL };

  run_cli (cli, args);
  g_ptr_array_add (cli->titles, g_steal_pointer (&title));
  cli->n_adds++;
}

static void
cli_import (Cli *cli)
{
  g_autoptr(GString) csv = g_string_new ("标题,提案人,社区\n");
  const char * const args[] = { "proposal", "import", "--db", cli->db_path, cli->csv_path, NULL };

  for (guint i = 0; i < N_IMPORT_ROWS; i++)
    g_string_append_printf (csv, "命令行导入 %03u-%03u,%s,共同社区\n", cli->n_imports, i,
                            i % 2 ? SHARED_PROPOSER : "导入居民");
  yishi_test_write_file (cli->csv_path, csv->str, csv->len);
  run_cli (cli, args);
  for (guint i = 0; i < N_IMPORT_ROWS; i++)
    g_ptr_array_add (cli->titles, g_strdup_printf ("命令行导入 %03u-%03u", cli->n_imports, i));
  cli->n_imports++;
}

/* Reads the whole file while the store writes. */
static void
cli_check (Cli *cli)
{
  const char * const args[] = { "check", "--db", cli->db_path, NULL };

  run_cli (cli, args);
  cli->n_checks++;
}

static void
cli_loop (Cli   *cli,
          App   *app,
          GRand *rand)
{
  while (cli->n_runs < N_CLI_RUNS || !g_atomic_int_get (&app->app_ready))
    {
      guint pick = g_rand_int_range (rand, 0, IMPORT_EVERY * CHECK_EVERY);

      if (pick % IMPORT_EVERY == 0)
        cli_import (cli);
      else if (pick % CHECK_EVERY == 0)
        cli_check (cli);
      else
        cli_add (cli);
    }
  g_atomic_int_set (&app->cli_done, TRUE);
}

/* Every proposal of both sides, each once, and nothing else; the
 * proposer both sides name, once. */
static void
check_all_stored (App *app,
                  Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (app->db_path, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *report = NULL;
  guint n_shared = 0, n_submitted = 0;
  gboolean ok = FALSE;

  g_assert_no_error (error);
  all = yishi_proposal_store_list (db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      if (!g_hash_table_add (titles, (gpointer) yishi_proposal_get_title (all->pdata[i])))
        g_error ("stored twice: %s", yishi_proposal_get_title (all->pdata[i]));
      n_submitted += yishi_proposal_get_status (all->pdata[i]) == YISHI_PROPOSAL_STATUS_SUBMITTED &&
                     g_str_has_prefix (yishi_proposal_get_title (all->pdata[i]), APP_TITLE);
    }
  for (guint i = 0; i < app->n_writes; i++)
    {
      g_autofree char *title = g_strdup_printf (APP_TITLE " %05u", i);

      if (!g_hash_table_contains (titles, title))
        g_error ("lost: %s", title);
    }
  for (guint i = 0; i < cli->titles->len; i++)
    if (!g_hash_table_contains (titles, cli->titles->pdata[i]))
      g_error ("lost: %s", (char *) cli->titles->pdata[i]);
  g_assert_cmpuint (all->len, ==, app->n_writes + cli->titles->len);
  g_assert_cmpuint (n_submitted, ==, app->n_moved);

  people = yishi_person_store_list (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    n_shared += g_str_equal (yishi_person_get_name (people->pdata[i]), SHARED_PROPOSER);
  g_assert_cmpuint (n_shared, ==, 1);

  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  if (!ok)
    g_error ("%s", report);
}

static void
test_store_and_yishictl (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  GRand *rand = yishi_stress_rand_new (seed, 1);
  App app = { g_strdup (yishi_database_get_path (db)) };
  Cli cli = { app.db_path, yishi_test_dir_file (dir, "yishictl.err"), yishi_test_dir_file (dir, "import.csv"),
              titles };
  gint64 start = g_get_monotonic_time ();
  GThread *thread;

  g_clear_object (&db);
  app.rand = yishi_stress_rand_new (seed, 2);
  thread = g_thread_new ("window", app_thread, &app);
  cli_loop (&cli, &app, rand);
  g_thread_join (thread);
  g_assert_no_error (app.error);
  check_all_stored (&app, &cli);

  g_test_message ("%u writes by the store (%u status moves, %u reopens) and %u runs of yishictl "
                  "(%u adds, %u imports of %u rows, %u checks), %u proposals in all, in %.1f s",
                  app.n_writes, app.n_moved, app.n_reopens, cli.n_runs, cli.n_adds, cli.n_imports,
                  N_IMPORT_ROWS, cli.n_checks, app.n_writes + titles->len,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_rand_free (app.rand);
  g_rand_free (rand);
  g_free (cli.csv_path);
  g_free (cli.stderr_path);
  g_free (app.db_path);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  seed = yishi_stress_seed ();

  g_test_add_func ("/stress/concurrency/store-and-yishictl", test_store_and_yishictl);

  return g_test_run ();
}
