#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "yishi-council-store.h"
#include "yishi-meeting-store.h"
#include "yishi-minutes-store.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-stress-util.h"
#include "yishi-test-util.h"

/* yishictl killed with SIGKILL at random moments while it imports
 * proposals, records a vote and approves minutes, many times over. After
 * each kill the database is opened as Yishi opens it, which recovers
 * what the killed process left in the WAL, and must be sound (integrity
 * and foreign keys) with the operation wholly there or wholly absent.
 * Then the connection is closed, which must fold the WAL into the file
 * and remove it, and the file alone must hold what the WAL held.
 *
 * Each kill comes once yishictl has opened the database, after a delay
 * drawn between 0 and the time an unkilled run keeps it open, so that
 * kills land all through that part of a run: while yishictl reads,
 * writes its transaction, commits, and checkpoints as it closes the
 * file. No time is asserted: the times only spread the kills. The seed
 * of the draws is printed; YISHI_STRESS_SEED repeats them. */

#define N_IMPORT_ROUNDS   30
#define N_VOTE_ROUNDS     100
#define N_APPROVAL_ROUNDS 100
#define N_TIMED_RUNS      3
/* µs between two looks for the WAL of a running yishictl */
#define POLL_INTERVAL     250

/* Rows of the imported file: more than the store's page cache holds, so
 * that SQLite spills pages of the open transaction into the WAL before
 * the commit, and a kill can leave a torn transaction there. */
#define N_IMPORT_ROWS 12000
#define N_PROPOSERS   400
#define N_COMMUNITIES 8
#define IMPORT_TITLE  "批量导入"
#define N_BASE_PROPOSALS 20

#define N_VOTERS  30
#define N_YES     26
#define N_NO      2
#define N_ABSTAIN (N_VOTERS - N_YES - N_NO)

/* How the rounds of one operation ended. */
typedef struct
{
  guint finished;  /* yishictl ended by itself before the kill: complete */
  guint absent;    /* killed, and nothing of the operation is stored */
  guint torn;      /* of those, killed while it wrote its transaction to the WAL */
  guint complete;  /* killed, and the operation is wholly stored */
  guint from_wal;  /* of those, killed before it removed the WAL */
} Tally;

/* One database that yishictl is killed on, round after round. */
typedef struct
{
  YishiTestDir *dir;
  char         *db_path;
  char         *wal_path;
  char         *shm_path;
  char         *stderr_path;
  GRand        *rand;
  gint64        timed[N_TIMED_RUNS]; /* µs each unkilled run had the database open */
  guint         n_timed;
  gint64        duration;  /* the median of those */
  Tally         tally;
} Stress;

/* The database after a kill, opened as Yishi opens it, and a plain
 * read-only connection for the checks' queries. */
typedef struct
{
  YishiDatabase *db;
  sqlite3       *handle;
  gint64         wal_size; /* as the killed process left it; -1: none */
} Recovered;

static guint32 seed;

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
stress_init (Stress *stress,
             guint   test)
{
  stress->dir = yishi_test_dir_new ();
  stress->db_path = yishi_test_dir_file (stress->dir, "stress.db");
  stress->wal_path = g_strconcat (stress->db_path, "-wal", NULL);
  stress->shm_path = g_strconcat (stress->db_path, "-shm", NULL);
  stress->stderr_path = yishi_test_dir_file (stress->dir, "yishictl.err");
  stress->rand = yishi_stress_rand_new (seed, test);
}

static void
stress_clear (Stress *stress)
{
  g_rand_free (stress->rand);
  g_free (stress->stderr_path);
  g_free (stress->shm_path);
  g_free (stress->wal_path);
  g_free (stress->db_path);
  yishi_test_dir_free (stress->dir);
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/* Runs yishictl with @args and sends it SIGKILL @delay µs after it has
 * opened the database (never when @delay is negative): the moment its
 * WAL appears, for the database has none between two rounds. TRUE when
 * the kill ended it; a run that ends by itself must succeed. @out_time
 * is how long it had the database open: until it removed the WAL as it
 * closed the file, which is before it exits (and, under a sanitizer,
 * well before). */
static gboolean
run_yishictl (Stress             *stress,
              const char * const *args,
              gint64              delay,
              gint64             *out_time)
{
  g_autoptr(GSubprocess) process = yishi_stress_spawn (stress->stderr_path, args);
  gint64 start = g_get_monotonic_time (), opened = 0, closed = 0;
  gboolean done = FALSE;

  g_subprocess_wait_async (process, NULL, waited_cb, &done);
  while (!done)
    {
      gboolean exists = g_file_test (stress->wal_path, G_FILE_TEST_EXISTS);
      gint64 now = g_get_monotonic_time ();

      if (exists && opened == 0)
        opened = now;
      if (!exists && opened != 0 && closed == 0)
        closed = now;
      if (opened != 0 && closed == 0 && delay >= 0 && now - opened >= delay)
        {
          g_subprocess_send_signal (process, SIGKILL);
          delay = -1;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (POLL_INTERVAL);
    }
  *out_time = (closed != 0 ? closed : g_get_monotonic_time ()) - (opened != 0 ? opened : start);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *err = yishi_stress_read_text (stress->stderr_path);

      g_error ("yishictl %s %s failed: %s", args[0], args[1], err);
    }
  return FALSE;
}

/* The first N_TIMED_RUNS rounds of each operation run unkilled, timed;
 * the median time they had the database open spreads the kills of the
 * others over that part of a run. */
static gboolean
run_round (Stress             *stress,
           const char * const *args)
{
  gint64 open_time;
  gint32 delay;

  if (stress->n_timed < N_TIMED_RUNS)
    {
      g_assert_false (run_yishictl (stress, args, -1, &stress->timed[stress->n_timed++]));
      return FALSE;
    }
  if (stress->duration == 0)
    {
      qsort (stress->timed, N_TIMED_RUNS, sizeof (gint64), compare_int64);
      stress->duration = MAX (stress->timed[N_TIMED_RUNS / 2], 1000);
      g_test_message ("%s %s: an unkilled run has the database open for %.1f ms", args[0], args[1],
                      stress->duration / 1000.0);
    }

  /* the later of two draws: more kills towards the end, where it writes */
  delay = MAX (g_rand_int_range (stress->rand, 0, (gint32) stress->duration + 1),
               g_rand_int_range (stress->rand, 0, (gint32) stress->duration + 1));
  return run_yishictl (stress, args, delay, &open_time);
}

/* Every row of a query, columns separated by '|', rows ending in '\n'. */
static char *
query_rows (sqlite3    *handle,
            const char *sql)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (rows, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (rows, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

/* The one number a query gives, with @param bound to ?1 if it has one. */
static gint64
query_int (sqlite3    *handle,
           const char *sql,
           gint64      param)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static sqlite3 *
open_read_only (const char *uri)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                   ==, SQLITE_OK);
  return handle;
}

/* What every operation here changes, in one line. */
static char *
fingerprint (sqlite3 *handle)
{
  return query_rows (handle,
      "SELECT (SELECT count(*) FROM proposal), (SELECT count(*) FROM person),"
      " (SELECT count(*) FROM community), (SELECT count(*) FROM vote),"
      " (SELECT count(*) FROM roll_call_vote),"
      " (SELECT count(*) FROM proposal WHERE status = 'accepted'),"
      " (SELECT group_concat(coalesce(digest, '-'), ',') FROM minutes)");
}

/* Opens the database as Yishi does, which recovers what the killed
 * process left in the WAL, and checks that it is sound. */
static void
recover (Stress    *stress,
         Recovered *recovered)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *foreign = NULL;

  recovered->wal_size = yishi_stress_file_size (stress->wal_path);
  recovered->db = yishi_database_open (stress->db_path, &error);
  g_assert_no_error (error);
  recovered->handle = open_read_only (stress->db_path);

  integrity = query_rows (recovered->handle, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  foreign = query_rows (recovered->handle, "PRAGMA foreign_key_check");
  g_assert_cmpstr (foreign, ==, "");
}

/* Closes both connections: the store's, the last, folds the WAL into the
 * file and removes it, so that the file alone holds what they saw. */
static void
finish_round (Stress    *stress,
              Recovered *recovered,
              gboolean   killed,
              gboolean   complete)
{
  g_autofree char *before = fingerprint (recovered->handle);
  g_autofree char *escaped = g_uri_escape_string (stress->db_path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  g_autofree char *after = NULL;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_close (recovered->handle), ==, SQLITE_OK);
  g_clear_object (&recovered->db);
  g_assert_false (g_file_test (stress->wal_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stress->shm_path, G_FILE_TEST_EXISTS));

  handle = open_read_only (uri);
  after = fingerprint (handle);
  sqlite3_close (handle);
  g_assert_cmpstr (after, ==, before);

  if (!killed)
    g_assert_true (complete);
  stress->tally.finished += !killed;
  stress->tally.absent += killed && !complete;
  stress->tally.torn += killed && !complete && recovered->wal_size > 0;
  stress->tally.complete += killed && complete;
  stress->tally.from_wal += killed && complete && recovered->wal_size > 0;
}

static void
report (const char  *name,
        const Tally *tally)
{
  g_test_message ("%s: %u rounds: %u absent (%u with part of the transaction in the WAL), %u complete "
                  "(%u with the WAL left behind), %u finished before the kill",
                  name, tally->absent + tally->complete + tally->finished, tally->absent, tally->torn,
                  tally->complete, tally->from_wal, tally->finished);
  /* with none before the commit, the kills tested nothing */
  g_assert_cmpuint (tally->absent, >, 0);
}

/* Importing: a CSV file of N_IMPORT_ROWS proposals by N_PROPOSERS new
 * people in N_COMMUNITIES new communities, into a database that holds a
 * few of each already. */

static void
write_import_file (const char *path)
{
  g_autoptr(GString) csv = g_string_new ("标题,摘要,提案内容,提案人,社区,类别,预算\n");
  static const char * const categories[] = {
    "环境整治", "养老助残", "道路交通", "文化体育", "平安建设",
  };

  for (guint i = 0; i < N_IMPORT_ROWS; i++)
    {
      g_string_append_printf (csv, IMPORT_TITLE " %05u,为第%u号楼加装扶手与照明,", i, i % 40 + 1);
      for (guint j = 0; j < 12; j++)
        g_string_append (csv, "楼道昏暗，老人上下楼不便，雨天台阶湿滑。");
      g_string_append_printf (csv, ",居民%03u,新社区%u,%s,%u\n", i % N_PROPOSERS, i % N_COMMUNITIES,
                              categories[i % G_N_ELEMENTS (categories)], 1000 + i);
    }
  yishi_test_write_file (path, csv->str, csv->len);
}

static void
make_import_base (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < N_BASE_PROPOSALS; i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
      g_autoptr(YishiProposal) proposal = NULL;

      draft->title = g_strdup_printf ("已有提案 %u", i);
      draft->proposer_name = g_strdup_printf ("老居民%u", i % 5);
      draft->community = g_strdup ("幸福里社区");
      proposal = yishi_proposal_store_add (db, draft, &error);
      g_assert_no_error (error);
    }
}

/* A fresh copy of the base database, once an import was stored. */
static void
reset_import_db (Stress     *stress,
                 const char *base_path)
{
  g_autoptr(GFile) base = g_file_new_for_path (base_path);
  g_autoptr(GFile) copy = g_file_new_for_path (stress->db_path);
  g_autoptr(GError) error = NULL;

  g_file_copy (base, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* 0 or all of the file's proposals, proposers and communities. */
static gboolean
check_import (sqlite3 *handle)
{
  gint64 n_proposals = query_int (handle,
      "SELECT count(*) FROM proposal WHERE title GLOB '" IMPORT_TITLE " *'", 0);
  gint64 n_titles = query_int (handle, "SELECT count(DISTINCT title) FROM proposal", 0);
  gint64 n_people = query_int (handle, "SELECT count(*) FROM person WHERE name GLOB '居民*'", 0);
  gint64 n_communities = query_int (handle, "SELECT count(*) FROM community WHERE name GLOB '新社区*'", 0);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM proposal", 0), ==,
                   N_BASE_PROPOSALS + n_proposals);
  g_assert_cmpint (n_titles, ==, N_BASE_PROPOSALS + n_proposals);
  if (n_proposals == 0 && n_people == 0 && n_communities == 0)
    return FALSE;
  if (n_proposals == N_IMPORT_ROWS && n_people == N_PROPOSERS && n_communities == N_COMMUNITIES)
    return TRUE;

  g_error ("a killed import left %" G_GINT64_FORMAT " of %u proposals, %" G_GINT64_FORMAT " of %u "
           "proposers and %" G_GINT64_FORMAT " of %u communities", n_proposals, N_IMPORT_ROWS,
           n_people, N_PROPOSERS, n_communities, N_COMMUNITIES);
}

static void
test_import (void)
{
  Stress stress = { NULL };
  g_autofree char *base_path = NULL;
  g_autofree char *csv_path = NULL;

  stress_init (&stress, 1);
  base_path = yishi_test_dir_file (stress.dir, "base.db");
  csv_path = yishi_test_dir_file (stress.dir, "proposals.csv");
  write_import_file (csv_path);
  make_import_base (base_path);
  reset_import_db (&stress, base_path);

  for (guint round = 0; round < N_TIMED_RUNS + N_IMPORT_ROUNDS; round++)
    {
      const char * const args[] = { "proposal", "import", "--db", stress.db_path, csv_path, NULL };
      Recovered recovered;
      gboolean killed, complete;

      killed = run_round (&stress, args);
      recover (&stress, &recovered);
      complete = check_import (recovered.handle);
      finish_round (&stress, &recovered, killed, complete);
      if (complete)
        reset_import_db (&stress, base_path);
    }

  report ("proposal import", &stress.tally);
  stress_clear (&stress);
}

/* People, and a council they are all members of. */

static gint64
add_council (YishiDatabase      *db,
             const char * const *names,
             guint               n_names,
             gint64             *out_people)
{
  g_autoptr(GError) error = NULL;
  gint64 council = yishi_council_store_add (db, "幸福里社区居民议事会", NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_names; i++)
    {
      YishiCouncilPosition position = i == 0 ? YISHI_COUNCIL_POSITION_DIRECTOR
                                             : YISHI_COUNCIL_POSITION_MEMBER;

      out_people[i] = yishi_test_add_person (db, names[i]);
      yishi_council_store_add_member (db, council, out_people[i], position, "2024-01-01", &error);
      g_assert_no_error (error);
    }
  return council;
}

static void
attend_all (YishiDatabase *db,
            gint64         meeting,
            const gint64  *people,
            guint          n_people)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_people; i++)
    {
      yishi_meeting_store_attend (db, meeting, people[i], YISHI_ATTENDANCE_PRESENT, &error);
      g_assert_no_error (error);
    }
}

/* Voting: a meeting in session with every member present, and one
 * agenda item a round, each discussing a proposal screened in, with a
 * motion voted by roll call. A vote stores the counts and the verdict,
 * a row for each member's choice, and moves the proposal to accepted. */

static gint64
add_screened_in (YishiDatabase *db,
                 guint          k)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup_printf ("表决提案 %u", k);
  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
  proposal = yishi_proposal_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

static void
make_vote_db (const char *path,
              char      **names,
              gint64     *motions,
              guint       n_motions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);
  g_autofree gint64 *items = g_new0 (gint64, n_motions);
  gint64 people[N_VOTERS];
  gint64 council, meeting;

  g_assert_no_error (error);
  council = add_council (db, (const char * const *) names, N_VOTERS, people);
  meeting = yishi_meeting_store_add (db, council, "表决会议", "2025-03-01 19:30", "社区活动室",
                                     people[0], people[1], &error);
  g_assert_no_error (error);
  for (guint k = 0; k < n_motions; k++)
    {
      g_autofree char *title = g_strdup_printf ("议题 %u", k);

      items[k] = yishi_meeting_store_add_item (db, meeting, title, add_screened_in (db, k), &error);
      g_assert_no_error (error);
    }
  attend_all (db, meeting, people, N_VOTERS);
  yishi_meeting_store_set_state (db, meeting, YISHI_MEETING_STATE_IN_SESSION, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < n_motions; k++)
    {
      motions[k] = yishi_meeting_store_add_motion (db, items[k], 0, "同意该提案", people[k % N_VOTERS],
                                                   NULL, YISHI_VOTE_FORM_ROLL_CALL, &error);
      g_assert_no_error (error);
    }
}

/* "委员00=yes,…": N_YES yes, N_NO no, the others abstain. */
static char *
make_roll (char **names)
{
  GString *roll = g_string_new (NULL);

  for (guint i = 0; i < N_VOTERS; i++)
    g_string_append_printf (roll, "%s%s=%s", i ? "," : "", names[i],
                            i < N_YES ? "yes" : i < N_YES + N_NO ? "no" : "abstain");
  return g_string_free (roll, FALSE);
}

/* The vote on @motion wholly there, or wholly absent; and nothing else
 * voted than the @n_stored votes before it. */
static gboolean
check_vote (sqlite3 *handle,
            gint64   motion,
            guint    n_stored)
{
  gint64 n_votes = query_int (handle, "SELECT count(*) FROM vote WHERE motion_id = ?1", motion);
  gint64 n_right = query_int (handle,
      "SELECT count(*) FROM vote WHERE motion_id = ?1 AND members = " G_STRINGIFY (N_VOTERS)
      " AND present = " G_STRINGIFY (N_VOTERS) " AND yes = " G_STRINGIFY (N_YES)
      " AND no = " G_STRINGIFY (N_NO) " AND abstain = " G_STRINGIFY (N_ABSTAIN)
      " AND invalid = 0 AND verdict = 'passed' AND required > 0", motion);
  gint64 n_choices = query_int (handle,
      "SELECT count(*) FROM roll_call_vote r JOIN vote v ON v.id = r.vote_id WHERE v.motion_id = ?1", motion);
  gint64 n_yes = query_int (handle,
      "SELECT count(*) FROM roll_call_vote r JOIN vote v ON v.id = r.vote_id"
      " WHERE v.motion_id = ?1 AND r.choice = 'yes'", motion);
  gint64 accepted = query_int (handle,
      "SELECT p.status = 'accepted' AND p.status_reason <> '' FROM motion m"
      " JOIN agenda_item i ON i.id = m.agenda_item_id JOIN proposal p ON p.id = i.proposal_id"
      " WHERE m.id = ?1", motion);

  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM vote", 0), ==, n_stored + n_votes);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM roll_call_vote", 0), ==,
                   (n_stored + n_votes) * N_VOTERS);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM proposal WHERE status = 'accepted'", 0), ==,
                   n_stored + n_votes);
  if (n_votes == 0 && n_choices == 0 && !accepted)
    return FALSE;
  if (n_votes == 1 && n_right == 1 && n_choices == N_VOTERS && n_yes == N_YES && accepted)
    return TRUE;

  g_error ("a killed vote on motion %" G_GINT64_FORMAT " left %" G_GINT64_FORMAT " votes (%" G_GINT64_FORMAT
           " as voted), %" G_GINT64_FORMAT " of %u choices (%" G_GINT64_FORMAT " yes) and its proposal %s",
           motion, n_votes, n_right, n_choices, N_VOTERS, n_yes, accepted ? "accepted" : "not accepted");
}

static void
test_vote (void)
{
  Stress stress = { NULL };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *roll = NULL;
  gint64 motions[N_TIMED_RUNS + N_VOTE_ROUNDS];
  guint next = 0;

  stress_init (&stress, 2);
  for (guint i = 0; i < N_VOTERS; i++)
    g_ptr_array_add (names, g_strdup_printf ("委员%02u", i));
  g_ptr_array_add (names, NULL);
  make_vote_db (stress.db_path, (char **) names->pdata, motions, G_N_ELEMENTS (motions));
  roll = make_roll ((char **) names->pdata);

  for (guint round = 0; round < N_TIMED_RUNS + N_VOTE_ROUNDS; round++)
    {
      g_autofree char *motion = g_strdup_printf ("%" G_GINT64_FORMAT, motions[next]);
      const char * const args[] = { "meeting", "vote", "--db", stress.db_path, "--motion", motion,
                                    "--roll", roll, NULL };
      Recovered recovered;
      gboolean killed, complete;

      killed = run_round (&stress, args);
      recover (&stress, &recovered);
      complete = check_vote (recovered.handle, motions[next], next);
      finish_round (&stress, &recovered, killed, complete);
      next += complete;
    }

  report ("meeting vote", &stress.tally);
  stress_clear (&stress);
}

/* Approving: closed meetings of one council, each with a motion voted;
 * the minutes of every other one submitted, the rest still drafts that
 * `minutes approve --submit` submits and approves in one transaction.
 * Approval by the chair takes the digest of the minutes, chained to the
 * council's previous approved minutes. */

static void
hold_meeting (YishiDatabase *db,
              gint64         council,
              const gint64  *people,
              guint          k,
              gint64        *out_meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *title = g_strdup_printf ("第%u次居民议事会", k + 1);
  g_autofree char *at = g_strdup_printf ("2024-%02u-%02u 19:30", 1 + k / 28, 1 + k % 28);
  gint64 meeting, item, motion;

  meeting = yishi_meeting_store_add (db, council, title, at, "社区活动室", people[0], people[1], &error);
  g_assert_no_error (error);
  item = yishi_meeting_store_add_item (db, meeting, "3号楼道路硬化", 0, &error);
  g_assert_no_error (error);
  attend_all (db, meeting, people, 3);
  yishi_meeting_store_set_state (db, meeting, YISHI_MEETING_STATE_IN_SESSION, &error);
  g_assert_no_error (error);
  motion = yishi_meeting_store_add_motion (db, item, 0, "同意硬化3号楼道路", people[2], NULL,
                                           YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  yishi_meeting_store_record_vote (db, motion, 2, 1, 0, 0, NULL, &error);
  g_assert_no_error (error);
  yishi_meeting_store_set_state (db, meeting, YISHI_MEETING_STATE_CLOSED, &error);
  g_assert_no_error (error);
  minutes = yishi_minutes_store_get (db, meeting, &error);
  g_assert_no_error (error);
  if (k % 2 == 0)
    yishi_minutes_store_submit (db, meeting, &error);
  g_assert_no_error (error);
  *out_meeting = meeting;
}

static void
make_minutes_db (const char *path,
                 gint64     *meetings,
                 guint       n_meetings)
{
  const char * const names[] = { "张秀英", "李建国", "王芳" };
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);
  gint64 people[G_N_ELEMENTS (names)];
  gint64 council;

  g_assert_no_error (error);
  council = add_council (db, names, G_N_ELEMENTS (names), people);
  for (guint k = 0; k < n_meetings; k++)
    hold_meeting (db, council, people, k, &meetings[k]);
}

/* The minutes as they were, submitted or a draft, without a digest; or
 * approved by the chair with a digest that verifies and follows
 * @previous in the chain (set to the digest then). Never submitted when
 * they were a draft: submitting and approving is one transaction. */
static gboolean
check_approval (YishiDatabase  *db,
                gint64          meeting,
                guint           n_stored,
                char          **previous)
{
  YishiMinutesState before = n_stored % 2 == 0 ? YISHI_MINUTES_SUBMITTED : YISHI_MINUTES_DRAFT;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = yishi_minutes_store_find (db, meeting, &error);
  g_autoptr(GPtrArray) mismatches = NULL;
  gint64 n_approved = yishi_minutes_store_count_approved (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (minutes);
  if (minutes->state == before && minutes->digest == NULL &&
      minutes->approval == YISHI_APPROVAL_NONE && minutes->approved_at == NULL)
    {
      g_assert_true ((minutes->submitted_at != NULL) == (before == YISHI_MINUTES_SUBMITTED));
      g_assert_cmpint (n_approved, ==, n_stored);
      return FALSE;
    }

  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_APPROVED);
  g_assert_cmpint (minutes->approval, ==, YISHI_APPROVAL_CHAIR);
  g_assert_cmpstr (minutes->approved_by, ==, "张秀英");
  g_assert_cmpuint (strlen (minutes->digest), ==, YISHI_MINUTES_DIGEST_LENGTH);
  g_assert_cmpstr (minutes->previous_digest, ==, *previous);
  g_assert_cmpint (n_approved, ==, n_stored + 1);
  mismatches = yishi_minutes_store_verify (db, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);

  g_free (*previous);
  *previous = g_strdup (minutes->digest);
  return TRUE;
}

static void
verify_all (const char *path,
            guint       n_approved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);
  g_autoptr(GPtrArray) mismatches = NULL;

  g_assert_no_error (error);
  mismatches = yishi_minutes_store_verify (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);
  g_assert_cmpint (yishi_minutes_store_count_approved (db, &error), ==, n_approved);
}

static void
test_approval (void)
{
  Stress stress = { NULL };
  g_autofree char *previous = g_strdup ("");
  gint64 meetings[N_TIMED_RUNS + N_APPROVAL_ROUNDS];
  guint next = 0;

  stress_init (&stress, 3);
  make_minutes_db (stress.db_path, meetings, G_N_ELEMENTS (meetings));

  for (guint round = 0; round < N_TIMED_RUNS + N_APPROVAL_ROUNDS; round++)
    {
      g_autofree char *meeting = g_strdup_printf ("%" G_GINT64_FORMAT, meetings[next]);
      const char * const args[] = { "minutes", "approve", "--submit", "--db", stress.db_path, meeting, NULL };
      Recovered recovered;
      gboolean killed, complete;

      killed = run_round (&stress, args);
      recover (&stress, &recovered);
      complete = check_approval (recovered.db, meetings[next], next, &previous);
      finish_round (&stress, &recovered, killed, complete);
      next += complete;
    }

  /* the council's chain, link by link */
  verify_all (stress.db_path, next);
  report ("minutes approve", &stress.tally);
  stress_clear (&stress);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  seed = yishi_stress_seed ();

  g_test_add_func ("/stress/crash/import", test_import);
  g_test_add_func ("/stress/crash/vote", test_vote);
  g_test_add_func ("/stress/crash/approval", test_approval);

  return g_test_run ();
}
