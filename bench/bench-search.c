/* bench-search — times search as the store runs it.
 *
 *   bench-search [--runs N] [--baseline-runs N] [--build-runs N] DATABASE QUERY...
 *
 * Loads every proposal with yishi_proposal_store_list (), builds the
 * in-memory index with yishi_proposal_store_build_index () and times
 * yishi_text_index_search (), the call the window makes per keystroke.
 * The baseline, in the same run, is the search a naive implementation
 * would leave to SQLite: a substring test with instr () over the same
 * text (title, summary, body and proposer's name, joined by line breaks,
 * as the index sees them), through a separate read-only connection.
 * Both must find the same proposals, or the program fails; so each QUERY
 * should be one word (the index matches every word of a query on its own)
 * whose case does not matter (the index ignores case, instr () does not),
 * as Chinese queries are.
 *
 * It prints one tab-separated line per measurement, for
 * bench/run-benchmarks to read:
 *
 *   what  query  matches  runs  median_ms  p95_ms
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "bench-stats.h"
#include "yishi-proposal-store.h"

#define BASELINE_SQL \
  "SELECT p.id FROM proposal p LEFT JOIN person pe ON pe.id = p.proposer_id" \
  " WHERE instr(p.title || char(10) || p.summary || char(10) || p.body || char(10)" \
  " || coalesce(pe.name, ''), ?1) > 0"

/* Warm-up runs before each timed series: caches, page-ins, lazy setup. */
#define N_WARMUP 3

typedef GArray *(*SearchFunc) (gpointer    data,
                               const char *query);

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        const char *query,
        guint       matches,
        GArray     *times)
{
  double median, p95;

  bench_summarise (times, &median, &p95);
  g_print ("%s\t%s\t%u\t%u\t%.3f\t%.3f\n", what, query, matches, times->len, median, p95);
}

/* Runs @func @runs times after a warm-up; returns the last result. */
static GArray *
time_search (SearchFunc   func,
             gpointer     data,
             const char  *query,
             guint        runs,
             GArray      *times)
{
  GArray *ids = NULL;

  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      gint64 start;

      g_clear_pointer (&ids, g_array_unref);
      start = g_get_monotonic_time ();
      ids = func (data, query);
      if (i >= N_WARMUP)
        {
          double ms = bench_ms_since (start);

          g_array_append_val (times, ms);
        }
    }

  return ids;
}

static GArray *
index_search (gpointer    data,
              const char *query)
{
  return yishi_text_index_search (data, query);
}

static GArray *
sqlite_search (gpointer    data,
               const char *query)
{
  sqlite3_stmt *stmt = data;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  int rc;

  if (sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC) != SQLITE_OK)
    g_error ("cannot bind the query: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint id = (guint) sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    g_error ("the baseline query failed: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  g_array_sort (ids, compare_uint);
  return ids;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) != g_array_index (b, guint, i))
      return FALSE;

  return TRUE;
}

static GPtrArray *
load_rows (const char  *path,
           GError     **error)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GPtrArray *rows;
  gint64 start;
  double ms;

  /* yishi_database_open () would make a new, empty database */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no such database", path);
      return NULL;
    }

  db = yishi_database_open (path, error);
  if (db == NULL)
    return NULL;

  start = g_get_monotonic_time ();
  rows = yishi_proposal_store_list (db, NULL, error);
  if (rows == NULL)
    return NULL;

  ms = bench_ms_since (start);
  g_array_append_val (times, ms);
  report ("load", "-", rows->len, times);
  return rows;
}

static YishiTextIndex *
build_index (GPtrArray *rows,
             guint      runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  YishiTextIndex *index = NULL;

  for (guint i = 0; i < MAX (runs, 1); i++)
    {
      gint64 start;
      double ms;

      g_clear_pointer (&index, yishi_text_index_free);
      start = g_get_monotonic_time ();
      index = yishi_proposal_store_build_index (rows);
      ms = bench_ms_since (start);
      g_array_append_val (times, ms);
    }

  report ("index", "-", yishi_text_index_get_size (index), times);
  return index;
}

static sqlite3_stmt *
prepare_baseline (const char  *path,
                  sqlite3    **out_db,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, out_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (*out_db, BASELINE_SQL, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (*out_db));
      return NULL;
    }

  return stmt;
}

/* Times one query both ways; FALSE if they disagree. */
static gboolean
bench_query (YishiTextIndex *index,
             sqlite3_stmt   *stmt,
             const char     *query,
             guint           runs,
             guint           baseline_runs)
{
  g_autoptr(GArray) ours_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours = time_search (index_search, index, query, runs, ours_times);
  g_autoptr(GArray) base = time_search (sqlite_search, stmt, query, baseline_runs, base_times);

  report ("ours", query, ours->len, ours_times);
  report ("sqlite", query, base->len, base_times);

  if (!same_ids (ours, base))
    {
      g_printerr ("bench-search: “%s”: the index found %u proposals, SQLite %u\n",
                  query, ours->len, base->len);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 200, baseline_runs = 50, build_runs = 5;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed index searches per query (200)", "N" },
    { "baseline-runs", 0, 0, G_OPTION_ARG_INT, &baseline_runs,
      "Timed SQLite searches per query (50)", "N" },
    { "build-runs", 0, 0, G_OPTION_ARG_INT, &build_runs, "Timed index builds (5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DATABASE QUERY… — time search");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(YishiTextIndex) index = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto fail;
  if (argc < 3 || runs < 1 || baseline_runs < 1 || build_runs < 1)
    {
      g_printerr ("Usage: %s [--runs N] [--baseline-runs N] [--build-runs N] DATABASE QUERY…\n",
                  g_get_prgname ());
      return 2;
    }

  g_print ("# what\tquery\tmatches\truns\tmedian_ms\tp95_ms\n");
  rows = load_rows (argv[1], &error);
  if (rows == NULL)
    goto fail;
  index = build_index (rows, build_runs);

  stmt = prepare_baseline (argv[1], &db, &error);
  if (stmt == NULL)
    {
      sqlite3_close (db);
      goto fail;
    }

  for (int i = 2; i < argc; i++)
    ok &= bench_query (index, stmt, argv[i], runs, baseline_runs);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;

fail:
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return EXIT_FAILURE;
}
