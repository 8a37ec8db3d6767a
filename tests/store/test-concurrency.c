#include <locale.h>

#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"

#define N_PER_WRITER 200

/* Holds every writer until all are ready, so that they really overlap. */
typedef struct
{
  GMutex mutex;
  GCond  cond;
  guint  waiting;
  guint  n_threads;
} StartLine;

static void
start_line_wait (StartLine *line)
{
  g_mutex_lock (&line->mutex);
  if (++line->waiting == line->n_threads)
    g_cond_broadcast (&line->cond);
  while (line->waiting < line->n_threads)
    g_cond_wait (&line->cond, &line->mutex);
  g_mutex_unlock (&line->mutex);
}

typedef struct
{
  YishiDatabase *db;
  StartLine     *line;
  guint          writer;
  GError        *error;
} Writer;

/* Adds proposals one transaction each, with a proposer shared by every
 * writer and one of its own, reading the list now and then as the window
 * does while yishictl writes. */
static gpointer
write_proposals (gpointer data)
{
  Writer *writer = data;

  start_line_wait (writer->line);
  for (guint i = 0; i < N_PER_WRITER && writer->error == NULL; i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
      g_autoptr(YishiProposal) proposal = NULL;

      draft->title = g_strdup_printf ("写入者%u 提案%u", writer->writer, i);
      draft->proposer_name = g_strdup (i % 2 ? "共同提议人" : "");
      if (i % 2 == 0)
        {
          g_free (draft->proposer_name);
          draft->proposer_name = g_strdup_printf ("写入者%u的居民", writer->writer);
        }
      draft->community = g_strdup ("共同社区");
      proposal = yishi_proposal_store_add (writer->db, draft, &writer->error);

      if (proposal != NULL && i % 25 == 0)
        {
          g_autoptr(GPtrArray) all = yishi_proposal_store_list (writer->db, NULL, &writer->error);
          g_autoptr(YishiProposal) moved = NULL;

          if (all != NULL)
            moved = yishi_proposal_store_set_status (writer->db, yishi_proposal_get_id (proposal),
                                                     YISHI_PROPOSAL_STATUS_SUBMITTED, NULL,
                                                     &writer->error);
        }
    }

  return NULL;
}

static void
check_all_stored (YishiDatabase *db,
                  guint          n_writers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = yishi_proposal_store_list (db, NULL, &error);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) people = NULL;
  guint n_shared = 0, n_submitted = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n_writers * N_PER_WRITER);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_true (g_hash_table_add (titles, (gpointer) yishi_proposal_get_title (all->pdata[i])));
      n_submitted += yishi_proposal_get_status (all->pdata[i]) == YISHI_PROPOSAL_STATUS_SUBMITTED;
    }
  for (guint w = 0; w < n_writers; w++)
    for (guint i = 0; i < N_PER_WRITER; i++)
      {
        g_autofree char *title = g_strdup_printf ("写入者%u 提案%u", w, i);

        if (!g_hash_table_contains (titles, title))
          g_error ("lost: %s", title);
      }
  g_assert_cmpuint (n_submitted, ==, n_writers * (N_PER_WRITER / 25));

  /* the shared proposer was added once, whoever came first */
  people = yishi_person_store_list (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    n_shared += g_str_equal (yishi_person_get_name (people->pdata[i]), "共同提议人");
  g_assert_cmpuint (n_shared, ==, 1);
  g_assert_cmpuint (people->len, ==, n_writers + 1);
}

static void
run_writers (YishiDatabase **dbs,
             guint           n_writers)
{
  StartLine line = { .n_threads = n_writers };
  Writer writers[4];
  GThread *threads[4];

  g_assert_cmpuint (n_writers, <=, G_N_ELEMENTS (writers));
  g_mutex_init (&line.mutex);
  g_cond_init (&line.cond);
  for (guint w = 0; w < n_writers; w++)
    {
      writers[w] = (Writer) { dbs[w], &line, w, NULL };
      threads[w] = g_thread_new ("writer", write_proposals, &writers[w]);
    }
  for (guint w = 0; w < n_writers; w++)
    {
      g_thread_join (threads[w]);
      g_assert_no_error (writers[w].error);
    }
  g_mutex_clear (&line.mutex);
  g_cond_clear (&line.cond);
}

/* Two connections to one file — the window and yishictl — each writing
 * from its own thread at the same time: WAL and the busy timeout make one
 * wait for the other, and nothing is lost. */
static void
test_two_connections (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) first = yishi_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) second = yishi_database_open (yishi_database_get_path (first), &error);
  YishiDatabase *dbs[2] = { first, second };
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  g_assert_no_error (error);
  run_writers (dbs, 2);
  check_all_stored (first, 2);
  check_all_stored (second, 2);

  report = yishi_database_check (first, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Four threads sharing one connection take turns on it. */
static void
test_shared_connection (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  YishiDatabase *dbs[4] = { db, db, db, db };

  run_writers (dbs, 4);
  check_all_stored (db, 4);
}

typedef struct
{
  YishiDatabase *db;
  StartLine     *line;
  GError        *error;
} Importer;

static gpointer
import_batch (gpointer data)
{
  Importer *importer = data;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_proposal_draft_free);

  for (guint i = 0; i < 2000; i++)
    {
      YishiProposalDraft *draft = yishi_proposal_draft_new ();

      draft->title = g_strdup_printf ("导入 %u", i);
      draft->proposer_name = g_strdup ("共同提议人");
      g_ptr_array_add (drafts, draft);
    }

  start_line_wait (importer->line);
  yishi_proposal_store_add_many (importer->db, drafts, NULL, NULL, NULL, NULL, &importer->error);
  return NULL;
}

/* A large import in one transaction while another connection adds rows
 * one by one: both finish, the import whole. */
static void
test_import_while_writing (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) other = yishi_database_open (yishi_database_get_path (db), &error);
  g_autoptr(GPtrArray) people = NULL;
  StartLine line = { .n_threads = 2 };
  Importer importer = { other, &line, NULL };
  Writer writer = { db, &line, 0, NULL };
  GThread *threads[2];
  guint n_shared = 0;

  g_assert_no_error (error);
  g_mutex_init (&line.mutex);
  g_cond_init (&line.cond);
  threads[0] = g_thread_new ("import", import_batch, &importer);
  threads[1] = g_thread_new ("writer", write_proposals, &writer);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);
  g_mutex_clear (&line.mutex);
  g_cond_clear (&line.cond);

  g_assert_no_error (importer.error);
  g_assert_no_error (writer.error);
  g_assert_cmpuint (yishi_proposal_store_count (db, &error), ==, 2000 + N_PER_WRITER);

  people = yishi_person_store_list (db, &error);
  for (guint i = 0; i < people->len; i++)
    n_shared += g_str_equal (yishi_person_get_name (people->pdata[i]), "共同提议人");
  g_assert_cmpuint (n_shared, ==, 1);
}

typedef struct
{
  YishiDatabase *db;
  StartLine     *line;
  gint          *done;
  guint          n_deleted;
  GError        *error;
} Racer;

/* Adds a proposal by 钱多多 (added again whenever missing) and removes it. */
static gpointer
propose_and_withdraw (gpointer data)
{
  Racer *racer = data;

  start_line_wait (racer->line);
  for (guint i = 0; i < 400 && racer->error == NULL; i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
      g_autoptr(YishiProposal) proposal = NULL;

      draft->title = g_strdup_printf ("撤回 %u", i);
      draft->proposer_name = g_strdup ("钱多多");
      proposal = yishi_proposal_store_add (racer->db, draft, &racer->error);
      if (proposal != NULL)
        yishi_proposal_store_delete (racer->db, yishi_proposal_get_id (proposal), &racer->error);
    }
  g_atomic_int_set (racer->done, TRUE);

  return NULL;
}

/* Removes 钱多多 whenever they have no proposal: refused (IN_USE) while
 * they have one, never failing on the database's foreign key. */
static gpointer
remove_proposer (gpointer data)
{
  Racer *racer = data;

  start_line_wait (racer->line);
  while (!g_atomic_int_get (racer->done) && racer->error == NULL)
    {
      g_autoptr(GPtrArray) people = yishi_person_store_list (racer->db, &racer->error);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; people != NULL && i < people->len; i++)
        {
          if (yishi_person_store_delete (racer->db, yishi_person_get_id (people->pdata[i]), &error))
            racer->n_deleted++;
          else if (!g_error_matches (error, YISHI_ERROR, YISHI_ERROR_IN_USE) &&
                   !g_error_matches (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND))
            racer->error = g_steal_pointer (&error);
          g_clear_error (&error);
        }
    }

  return NULL;
}

static void
test_delete_proposer_race (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) db = yishi_test_open_db (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) other = yishi_database_open (yishi_database_get_path (db), &error);
  StartLine line = { .n_threads = 2 };
  gint done = FALSE;
  Racer proposer = { db, &line, &done, 0, NULL };
  Racer remover = { other, &line, &done, 0, NULL };
  GThread *threads[2];

  g_assert_no_error (error);
  g_mutex_init (&line.mutex);
  g_cond_init (&line.cond);
  threads[0] = g_thread_new ("proposer", propose_and_withdraw, &proposer);
  threads[1] = g_thread_new ("remover", remove_proposer, &remover);
  g_thread_join (threads[0]);
  g_thread_join (threads[1]);
  g_mutex_clear (&line.mutex);
  g_cond_clear (&line.cond);

  g_assert_no_error (proposer.error);
  g_assert_no_error (remover.error);
  g_assert_cmpuint (yishi_proposal_store_count (db, &error), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/concurrency/two-connections", test_two_connections);
  g_test_add_func ("/concurrency/shared-connection", test_shared_connection);
  g_test_add_func ("/concurrency/import-while-writing", test_import_while_writing);
  g_test_add_func ("/concurrency/delete-proposer-race", test_delete_proposer_race);

  return g_test_run ();
}
