#include <string.h>

#include "contest-fixture.h"

/* The people, proposals and contest the contest store's tests share. */



static const struct { const char *name; const char *grid; } residents[] = {
  { "王芳", "第一网格" }, { "李建国", "第一网格" }, { "张秀英", "第二网格" },
  { "赵志强", NULL }, { "陈小明", "第二网格" }, { "孙丽", NULL },
};

static const struct { const char *title; guint proposer; YishiProposalStatus status; } ideas[] = {
  { "3号楼道路硬化", ZHANG, YISHI_PROPOSAL_STATUS_SCREENED_IN },
  { "加装电梯", CHEN, YISHI_PROPOSAL_STATUS_SHORTLISTED },
  { "楼道照明更换LED灯", LI, YISHI_PROPOSAL_STATUS_SCREENED_IN },
  { "广场舞噪音治理", ZHAO, YISHI_PROPOSAL_STATUS_SUBMITTED },
  { "小区增设休息座椅", SUN, YISHI_PROPOSAL_STATUS_SCREENED_IN },
};

gint64
add_person (YishiDatabase *db,
            guint          index)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (residents[index].name);
  draft->community = g_strdup ("幸福里社区");
  draft->grid = g_strdup (residents[index].grid);
  person = yishi_person_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_person_get_id (person);
}

gint64
add_proposal (Fixture *fixture,
              guint    index)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (ideas[index].title);
  draft->proposer_id = fixture->people[ideas[index].proposer];
  draft->status = ideas[index].status;
  proposal = yishi_proposal_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

gint64
add_contest (YishiDatabase *db,
             const char    *name,
             gboolean       recuse_same_grid)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->name = g_strdup (name);
  draft->organiser = g_strdup ("幸福里社区居委会");
  draft->budget_fen = 20000000;
  draft->recuse_same_grid = recuse_same_grid;
  id = yishi_contest_store_add (db, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
add_criterion (Fixture    *fixture,
               gint64      contest,
               const char *name,
               gint64      max_points)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_contest_store_add_criterion (fixture->db, contest, name, NULL, max_points, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->people); i++)
    fixture->people[i] = add_person (fixture->db, i);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->proposals); i++)
    fixture->proposals[i] = add_proposal (fixture, i);
  fixture->contest = add_contest (fixture->db, "2024年幸福里社区提案大赛", FALSE);
  fixture->criteria[0] = add_criterion (fixture, fixture->contest, "必要性", 3000);
  fixture->criteria[1] = add_criterion (fixture, fixture->contest, "可行性", 2500);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  report = yishi_database_check (fixture->db, &ok, &error);
  g_assert_no_error (error);
  if (!ok)
    g_error ("%s", report);
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

/* SQL on a connection of its own, as another program would write. */
int
raw_exec (Fixture     *fixture,
          const char  *sql,
          char       **out_message)
{
  sqlite3 *handle = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (yishi_database_get_path (fixture->db), &handle), ==, SQLITE_OK);
  sqlite3_exec (handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (handle, sql, NULL, NULL, &message);
  if (out_message != NULL)
    *out_message = g_strdup (message);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  return rc;
}

/* Every row of a query, columns separated by '|', rows by '\n'. */
char *
raw_rows (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *rows = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (yishi_database_get_path (fixture->db), &handle, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (rows, "%s%s", i ? "|" : "", text ? text : "NULL");
        }
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  return g_string_free (rows, FALSE);
}

void
assert_rows (Fixture    *fixture,
             const char *sql,
             const char *expected)
{
  g_autofree char *rows = raw_rows (fixture, sql);

  g_assert_cmpstr (rows, ==, expected);
}

/* Every row of every contest table, to show a refusal wrote nothing. */
char *
all_contest_rows (Fixture *fixture)
{
  return raw_rows (fixture,
                   "SELECT 'contest', id, name, state, updated_at, '' FROM contest UNION ALL"
                   " SELECT 'criterion', id, contest_id, name, max_points, step FROM contest_criterion UNION ALL"
                   " SELECT 'judge', id, contest_id, person_id, '', '' FROM contest_judge UNION ALL"
                   " SELECT 'entry', id, contest_id, proposal_id, '', '' FROM contest_entry UNION ALL"
                   " SELECT 'recusal', id, person_id, proposal_id, reason, note FROM contest_recusal UNION ALL"
                   " SELECT 'score', contest_id, proposal_id, person_id, criterion_id, points FROM contest_score"
                   " ORDER BY 1, 2, 3, 4, 5");
}

/* "person|proposal|reason" for each recusal of the contest. */
char *
recusals (Fixture *fixture,
          gint64   contest)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.name, x.title, r.reason FROM contest_recusal r"
                                          " JOIN person p ON p.id = r.person_id JOIN proposal x ON"
                                          " x.id = r.proposal_id WHERE r.contest_id = %" G_GINT64_FORMAT
                                          " ORDER BY r.id", contest);

  return raw_rows (fixture, sql);
}

void
judge (Fixture *fixture,
       gint64   contest,
       guint    person)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_contest_store_add_judge (fixture->db, contest, fixture->people[person], &error), >, 0);
  g_assert_no_error (error);
}

void
enter (Fixture *fixture,
       gint64   contest,
       guint    proposal)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_contest_store_enter (fixture->db, contest, fixture->proposals[proposal], &error), >, 0);
  g_assert_no_error (error);
}

void
set_state (Fixture           *fixture,
           YishiContestState  state)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_contest_store_set_state (fixture->db, fixture->contest, state, &error));
  g_assert_no_error (error);
}

void
score (Fixture *fixture,
       guint    person,
       guint    proposal,
       guint    criterion,
       gint64   points)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[person],
                                                fixture->proposals[proposal], fixture->criteria[criterion],
                                                points, &error));
  g_assert_no_error (error);
}

/* Refused with @code, and the message holds each of the NULL-ended
 * fragments. */
void
assert_refused (GError *error,
                int     code,
                ...)
{
  va_list args;
  const char *fragment;

  g_assert_error (error, YISHI_ERROR, code);
  va_start (args, code);
  while ((fragment = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, fragment) == NULL)
      g_error ("“%s” does not say “%s”", error->message, fragment);
  va_end (args);
}

