/* bench-rank — times ranking a proposal contest as the store runs it.
 *
 *   bench-rank [--runs N] [--proposals N] [--judges N] [--criteria N] [--keep FILE]
 *
 * Makes a contest in a new database (2,000 entered proposals, 30 judges,
 * 6 criteria by default: 360,000 scores, every judge scoring every
 * proposal on every criterion with seeded random points), then times
 * yishi_contest_store_rank (): reading the contest, its criteria, entries
 * and scores in one transaction, and ranking them by the mean of the
 * judges' totals with the whole tie-break chain.
 *
 * The baseline, in the same run, is the same mean aggregate computed by
 * one SQL query (each judge's total per proposal, then the average over
 * the judges, highest first), run through a separate read-only connection
 * to the same file with the SQLite C API, as the sqlite3 shell would run
 * it but without its start-up and printing. Both must give every
 * proposal the same mean, or the program fails.
 *
 * It prints one tab-separated line per measurement, for
 * bench/run-benchmarks to read:
 *
 *   what  proposals  judges  criteria  scores  runs  median_ms  p95_ms
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-stats.h"
#include "yishi-contest-store.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"

#define BASELINE_SQL \
  "SELECT proposal_id, avg(total) AS score FROM" \
  " (SELECT proposal_id, person_id, sum(points) AS total FROM contest_score WHERE contest_id = ?1" \
  "  GROUP BY proposal_id, person_id)" \
  " GROUP BY proposal_id ORDER BY score DESC"

/* Warm-up runs before each timed series: caches, page-ins, lazy setup. */
#define N_WARMUP 3

/* Each criterion is out of 10 points, in steps of half a point. */
#define CRITERION_MAX  1000
#define CRITERION_STEP 50

typedef struct
{
  guint proposals;
  guint judges;
  guint criteria;
} Shape;

static void
report (const char  *what,
        const Shape *shape,
        GArray      *times)
{
  double median, p95;

  bench_summarise (times, &median, &p95);
  g_print ("%s\t%u\t%u\t%u\t%u\t%u\t%.3f\t%.3f\n", what, shape->proposals, shape->judges, shape->criteria,
           shape->proposals * shape->judges * shape->criteria, times->len, median, p95);
}

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("bench-rank: %s", error->message);
}

static gint64
add_person (YishiDatabase *db,
            guint          index)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup_printf ("评委%u", index + 1);
  person = yishi_person_store_add (db, draft, &error);
  check (error);
  return yishi_person_get_id (person);
}

static gint64
add_proposal (YishiDatabase *db,
              GRand         *rand,
              guint          index)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup_printf ("提案%u", index + 1);
  draft->cost_fen = g_rand_int_range (rand, 1, 1000) * 10000;
  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
  proposal = yishi_proposal_store_add (db, draft, &error);
  check (error);
  return yishi_proposal_get_id (proposal);
}

/* Test-data generation only, not part of what is timed: the store sets
 * one score per transaction (as a judge enters them), which would take
 * minutes for 360,000, so they are inserted here with one prepared
 * statement in one transaction, on a connection of their own. The
 * recusal trigger and the foreign keys still check every row. */
static void
insert_scores (const char   *path,
               gint64        contest,
               GArray       *proposals,
               GArray       *judges,
               GArray       *criteria,
               GRand        *rand)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &handle) != SQLITE_OK ||
      sqlite3_exec (handle, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (handle,
                          "INSERT INTO contest_score (contest_id, proposal_id, person_id, criterion_id, points, uuid)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("bench-rank: %s: %s", path, sqlite3_errmsg (handle));

  for (guint p = 0; p < proposals->len; p++)
    for (guint j = 0; j < judges->len; j++)
      for (guint c = 0; c < criteria->len; c++)
        {
          g_autofree char *uuid = g_uuid_string_random ();

          sqlite3_bind_int64 (stmt, 1, contest);
          sqlite3_bind_int64 (stmt, 2, g_array_index (proposals, gint64, p));
          sqlite3_bind_int64 (stmt, 3, g_array_index (judges, gint64, j));
          sqlite3_bind_int64 (stmt, 4, g_array_index (criteria, gint64, c));
          sqlite3_bind_int64 (stmt, 5, g_rand_int_range (rand, 0, CRITERION_MAX / CRITERION_STEP + 1) * CRITERION_STEP);
          sqlite3_bind_text (stmt, 6, uuid, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("bench-rank: cannot store a score: %s", sqlite3_errmsg (handle));
          sqlite3_reset (stmt);
        }

  sqlite3_finalize (stmt);
  if (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("bench-rank: %s", sqlite3_errmsg (handle));
  sqlite3_close (handle);
}

/* The contest, through the store API but for the scores. */
static gint64
make_contest (YishiDatabase *db,
              const Shape   *shape)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GArray) proposals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) judges = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) criteria = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GError) error = NULL;
  gint64 contest;

  draft->name = g_strdup ("基准测试提案大赛");
  draft->budget_fen = 100000000;
  draft->lots_seed = 1;
  contest = yishi_contest_store_add (db, draft, &error);
  check (error);

  for (guint c = 0; c < shape->criteria; c++)
    {
      g_autofree char *name = g_strdup_printf ("标准%u", c + 1);
      gint64 id = yishi_contest_store_add_criterion (db, contest, name, NULL, CRITERION_MAX, CRITERION_STEP,
                                                     &error);

      check (error);
      g_array_append_val (criteria, id);
    }
  for (guint p = 0; p < shape->proposals; p++)
    {
      gint64 id = add_proposal (db, rand, p);

      yishi_contest_store_enter (db, contest, id, &error);
      check (error);
      g_array_append_val (proposals, id);
    }
  for (guint j = 0; j < shape->judges; j++)
    {
      gint64 id = add_person (db, j);

      yishi_contest_store_add_judge (db, contest, id, &error);
      check (error);
      g_array_append_val (judges, id);
    }
  yishi_contest_store_set_state (db, contest, YISHI_CONTEST_STATE_JUDGING, &error);
  check (error);

  insert_scores (yishi_database_get_path (db), contest, proposals, judges, criteria, rand);
  return contest;
}

static YishiContestRanking *
time_ours (YishiDatabase *db,
           gint64         contest,
           guint          runs,
           GArray        *times)
{
  YishiContestRanking *ranking = NULL;

  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;

      g_clear_pointer (&ranking, yishi_contest_ranking_free);
      start = g_get_monotonic_time ();
      ranking = yishi_contest_store_rank (db, contest, &error);
      if (i >= N_WARMUP)
        {
          double ms = bench_ms_since (start);

          g_array_append_val (times, ms);
        }
      check (error);
    }

  return ranking;
}

/* proposal id → mean, in hundredths; the rows are stepped through, as
 * the shell would to print them. */
static GHashTable *
sqlite_means (sqlite3_stmt *stmt,
              gint64        contest)
{
  GHashTable *means = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int rc;

  sqlite3_bind_int64 (stmt, 1, contest);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (means, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(double) { sqlite3_column_double (stmt, 1) }, sizeof (double)));
  if (rc != SQLITE_DONE)
    g_error ("bench-rank: the baseline query failed: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
  return means;
}

static GHashTable *
time_sqlite (sqlite3_stmt *stmt,
             gint64        contest,
             guint         runs,
             GArray       *times)
{
  GHashTable *means = NULL;

  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      gint64 start;

      g_clear_pointer (&means, g_hash_table_unref);
      start = g_get_monotonic_time ();
      means = sqlite_means (stmt, contest);
      if (i >= N_WARMUP)
        {
          double ms = bench_ms_since (start);

          g_array_append_val (times, ms);
        }
    }

  return means;
}

/* Every proposal has the same mean both ways. */
static gboolean
same_means (const YishiContestRanking *ranking,
            GHashTable                *means)
{
  if (yishi_contest_ranking_get_n_places (ranking) != g_hash_table_size (means))
    {
      g_printerr ("bench-rank: the store ranked %u proposals, SQLite %u\n",
                  yishi_contest_ranking_get_n_places (ranking), g_hash_table_size (means));
      return FALSE;
    }

  for (guint i = 0; i < yishi_contest_ranking_get_n_places (ranking); i++)
    {
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);
      const double *mean = g_hash_table_lookup (means, &place->proposal_id);

      if (mean == NULL || ABS (*mean - place->mean.value) > 1e-6 * MAX (1.0, ABS (*mean)))
        {
          g_printerr ("bench-rank: proposal %" G_GINT64_FORMAT ": the store's mean is %f, SQLite's %f\n",
                      place->proposal_id, place->mean.value, mean != NULL ? *mean : -1.0);
          return FALSE;
        }
    }

  return TRUE;
}

static sqlite3_stmt *
prepare_baseline (const char  *path,
                  sqlite3    **out_db)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, out_db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (*out_db, BASELINE_SQL, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("bench-rank: %s: %s", path, sqlite3_errmsg (*out_db));

  return stmt;
}

int
main (int   argc,
      char *argv[])
{
  int runs = 20, proposals = 2000, judges = 30, criteria = 6;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs each way (20)", "N" },
    { "proposals", 0, 0, G_OPTION_ARG_INT, &proposals, "Proposals entered (2000)", "N" },
    { "judges", 0, 0, G_OPTION_ARG_INT, &judges, "Judges (30)", "N" },
    { "criteria", 0, 0, G_OPTION_ARG_INT, &criteria, "Criteria (6)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Make the contest in FILE, and keep it", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time ranking a contest");
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiContestRanking) ranking = NULL;
  g_autoptr(GHashTable) means = NULL;
  g_autoptr(GArray) ours_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt;
  Shape shape;
  gint64 contest, start;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("bench-rank: %s", error->message);
  if (argc != 1 || runs < 1 || proposals < 1 || judges < 1 || criteria < 1)
    {
      g_printerr ("Usage: %s [--runs N] [--proposals N] [--judges N] [--criteria N] [--keep FILE]\n",
                  g_get_prgname ());
      return 2;
    }
  shape = (Shape) { proposals, judges, criteria };

  if (keep != NULL)
    path = g_strdup (keep);
  else
    {
      dir = g_dir_make_tmp ("bench-rank-XXXXXX", &error);
      check (error);
      path = g_build_filename (dir, "contest.db", NULL);
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("bench-rank: %s already exists", path);

  g_print ("# what\tproposals\tjudges\tcriteria\tscores\truns\tmedian_ms\tp95_ms\n");
  db = yishi_database_open (path, &error);
  check (error);
  start = g_get_monotonic_time ();
  contest = make_contest (db, &shape);
  g_printerr ("bench-rank: made the contest in %.1f s\n", bench_ms_since (start) / 1000.0);

  ranking = time_ours (db, contest, runs, ours_times);
  stmt = prepare_baseline (path, &handle);
  means = time_sqlite (stmt, contest, runs, base_times);
  report ("ours", &shape, ours_times);
  report ("sqlite", &shape, base_times);
  ok = same_means (ranking, means);

  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  g_clear_object (&db);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
