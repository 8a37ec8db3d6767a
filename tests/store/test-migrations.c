#include <locale.h>

#include <sqlite3.h>

#include "yishi-contest-results.h"
#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-migrations.h"
#include "yishi-minutes-store.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-speech-store.h"
#include "yishi-test-util.h"

#define YISHI_APPLICATION_ID 0x59495348

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* @sql is refused by a constraint whose message holds @fragment. */
static void
assert_refused_sql (const char *path,
                    const char *sql,
                    const char *fragment)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, &message), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (message, fragment));
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* Every row of a query, columns separated by '|', rows by '\n'. */
static char *
raw_rows (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *rows = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
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

static void
assert_rows (const char *path,
             const char *sql,
             const char *expected)
{
  g_autofree char *rows = raw_rows (path, sql);

  g_assert_cmpstr (rows, ==, expected);
}

/* A database file at @path made from a fixture of an earlier version. */
static void
load_fixture (const char *path,
              const char *name)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures", name, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  raw_exec (path, sql);
}

/* The schema a database ends with, to compare a migrated one with a new one. */
static char *
schema_of (const char *path)
{
  return raw_rows (path, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name");
}

/* The file at @path, migrated and closed, has the schema of a new
 * database, @table of the latest version included. */
static void
assert_schema_as_new (const char *path,
                      const char *fresh_path,
                      const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) fresh = yishi_database_open (fresh_path, &error);
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = NULL;

  g_assert_no_error (error);
  g_clear_object (&fresh);
  schema = schema_of (path);
  fresh_schema = schema_of (fresh_path);
  g_assert_cmpstr (schema, ==, fresh_schema);
  g_assert_nonnull (strstr (schema, table));
}

static void
test_list (void)
{
  const char * const *migrations;
  guint n = 0;

  migrations = _yishi_migrations_get (&n);
  g_assert_cmpuint (n, ==, YISHI_SCHEMA_VERSION);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (migrations[i]);
      g_assert_cmpstr (migrations[i], !=, "");
      /* each step is complete SQL */
      g_assert_true (sqlite3_complete (migrations[i]));
    }
  g_assert_null (migrations[n]);
  g_assert_true (_yishi_migrations_get (NULL) == migrations);
}

/* Version 0, a file of zero bytes: every migration runs. */
static void
test_from_0_empty_file (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v0.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiDatabase) fresh = NULL;

  yishi_test_write_file (path, "", 0);
  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  g_clear_object (&db);

  fresh = yishi_database_open (fresh_path, &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);

  schema = schema_of (path);
  fresh_schema = schema_of (fresh_path);
  g_assert_cmpstr (schema, ==, fresh_schema);
  g_assert_nonnull (strstr (schema, "CREATE TABLE proposal"));
  g_assert_nonnull (strstr (schema, "community_id INTEGER"));
}

/* Version 0, an SQLite file with no tables and no version yet. */
static void
test_from_0_empty_sqlite (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v0.db");
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  raw_exec (path, "CREATE TABLE t (x); DROP TABLE t;");
  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  g_assert_true (yishi_database_is_empty (db));
  g_clear_object (&db);

  version = raw_rows (path, "SELECT * FROM pragma_application_id, pragma_user_version");
  {
    g_autofree char *expected = g_strdup_printf ("%d|%d\n", YISHI_APPLICATION_ID, YISHI_SCHEMA_VERSION);

    g_assert_cmpstr (version, ==, expected);
  }
}

static YishiPerson *
find_person (GPtrArray  *people,
             const char *name)
{
  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (yishi_person_get_name (people->pdata[i]), name))
      return people->pdata[i];

  g_error ("no person called %s", name);
  return NULL;
}

/* Version 1 with data, dumped from a real version 1 database: nothing is
 * lost, and what version 2 adds is filled in from what version 1 knew. */
static void
test_from_1_keeps_data (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v1.db");
  g_autofree char *proposals_before = NULL;
  g_autofree char *proposals_after = NULL;
  g_autofree char *people_before = NULL;
  g_autofree char *people_after = NULL;
  g_autofree char *rest_before = NULL;
  g_autofree char *rest_after = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gboolean ok = FALSE;
  const char *rest_sql = "SELECT 'community', * FROM community UNION ALL "
                         "SELECT 'grid', id, uuid, community_id, name, created_at, updated_at FROM grid "
                         "UNION ALL SELECT 'role', person_id, role, '', '', '', '' FROM person_role "
                         "ORDER BY 1, 2, 3";

  load_fixture (path, "schema-v1.sql");
  assert_rows (path, "PRAGMA user_version", "1\n");
  proposals_before = raw_rows (path, "SELECT * FROM proposal ORDER BY id");
  people_before = raw_rows (path, "SELECT id, uuid, name, grid_id, building, phone, created_at,"
                                  " updated_at FROM person ORDER BY id");
  rest_before = raw_rows (path, rest_sql);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* every row as it was, byte for byte */
  proposals_after = raw_rows (path, "SELECT * FROM proposal ORDER BY id");
  people_after = raw_rows (path, "SELECT id, uuid, name, grid_id, building, phone, created_at,"
                                 " updated_at FROM person ORDER BY id");
  rest_after = raw_rows (path, rest_sql);
  g_assert_cmpstr (proposals_after, ==, proposals_before);
  g_assert_cmpstr (people_after, ==, people_before);
  g_assert_cmpstr (rest_after, ==, rest_before);

  /* and through the store */
  proposals = yishi_proposal_store_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 6);
  {
    YishiProposal *road = proposals->pdata[0];
    YishiProposal *gate = proposals->pdata[2];
    YishiProposal *light = proposals->pdata[5];

    g_assert_cmpstr (yishi_proposal_get_uuid (road), ==, "6f1c2d3e-1111-4a5b-8c9d-0123456789ab");
    g_assert_cmpstr (yishi_proposal_get_title (road), ==, "3号楼道路硬化");
    g_assert_cmpstr (yishi_proposal_get_body (road), ==,
                     "建议对3号楼至小区东门约120米道路进行硬化。\n分两期施工。");
    g_assert_cmpstr (yishi_proposal_get_proposer_name (road), ==, "张秀英");
    g_assert_cmpstr (yishi_proposal_get_community (road), ==, "幸福里社区");
    g_assert_cmpint (yishi_proposal_get_category (road), ==, YISHI_CATEGORY_ROADS_TRAFFIC);
    g_assert_cmpint (yishi_proposal_get_cost_fen (road), ==, 8650000);
    g_assert_cmpint (yishi_proposal_get_households (road), ==, 120);
    g_assert_cmpint (yishi_proposal_get_people (road), ==, 300);
    g_assert_cmpstr (yishi_proposal_get_submitted_on (road), ==, "2024-03-15");
    g_assert_cmpint (yishi_proposal_get_status (road), ==, YISHI_PROPOSAL_STATUS_IMPLEMENTED);

    g_assert_cmpstr (yishi_proposal_get_title (gate), ==, "Repair the \"O'Brien\" gate; replace lock");
    g_assert_cmpint (yishi_proposal_get_status (gate), ==, YISHI_PROPOSAL_STATUS_SCREENED_OUT);
    g_assert_cmpstr (yishi_proposal_get_status_reason (gate), ==, "不属于社区自治范围，已转交物业");
    g_assert_cmpint (yishi_proposal_get_cost_fen (gate), ==, 0);

    g_assert_cmpint (yishi_proposal_get_cost_fen (proposals->pdata[1]), ==, YISHI_UNKNOWN);
    g_assert_cmpstr (yishi_proposal_get_proposer_name (light), ==, "陈小明");
  }

  /* version 2 gives each person their community, taken from their grid */
  people = yishi_person_store_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 5);
  g_assert_cmpstr (yishi_person_get_community (find_person (people, "张秀英")), ==, "幸福里社区");
  g_assert_cmpstr (yishi_person_get_grid (find_person (people, "张秀英")), ==, "第一网格");
  g_assert_cmpstr (yishi_person_get_community (find_person (people, "李建国")), ==, "幸福里社区");
  g_assert_cmpstr (yishi_person_get_community (find_person (people, "王芳")), ==, "光明社区");
  g_assert_cmpstr (yishi_person_get_community (find_person (people, "赵志强")), ==, "");
  g_assert_cmpuint (yishi_person_get_roles (find_person (people, "张秀英")), ==,
                    (1u << YISHI_ROLE_COUNCIL_MEMBER) | (1u << YISHI_ROLE_BUILDING_LEADER));
  g_assert_cmpuint (yishi_person_get_n_proposals (find_person (people, "张秀英")), ==, 2);

  /* the migrated database works as a new one does */
  {
    g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
    g_autoptr(YishiProposal) added = NULL;
    g_autoptr(YishiProposal) moved = NULL;

    draft->title = g_strdup ("迁移之后的新提案");
    draft->proposer_name = g_strdup ("王芳");
    added = yishi_proposal_store_add (db, draft, &error);
    g_assert_no_error (error);
    g_assert_cmpint (yishi_proposal_get_id (added), ==, 7);
    g_assert_cmpint (yishi_proposal_get_proposer_id (added), ==,
                     yishi_person_get_id (find_person (people, "王芳")));
    moved = yishi_proposal_store_set_status (db, 2, YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL, &error);
    g_assert_no_error (error);
  }
}

/* A migrated database and a new one end with the same schema. */
static void
test_from_1_same_schema (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v1.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiDatabase) fresh = NULL;

  load_fixture (path, "schema-v1.sql");
  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  fresh = yishi_database_open (fresh_path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_clear_object (&fresh);

  schema = schema_of (path);
  fresh_schema = schema_of (fresh_path);
  g_assert_cmpstr (schema, ==, fresh_schema);
}

/* Version 2 with data, dumped from a real version 2 database: every
 * row stays, the schema ends as a new one's, and the council tables of
 * version 3 work. */
static void
test_from_2_keeps_data (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v2.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  gboolean ok = FALSE;
  const char *all_sql = "SELECT 'proposal', id, uuid, title, proposer_id, community_id, status,"
                        " created_at FROM proposal UNION ALL SELECT 'person', id, uuid, name, grid_id,"
                        " community_id, phone, created_at FROM person UNION ALL SELECT 'role', person_id,"
                        " role, '', '', '', '', '' FROM person_role ORDER BY 1, 2, 3";

  load_fixture (path, "schema-v2.sql");
  assert_rows (path, "PRAGMA user_version", "2\n");
  before = raw_rows (path, all_sql);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  after = raw_rows (path, all_sql);
  g_assert_cmpstr (after, ==, before);
  assert_rows (path, "SELECT count(*) FROM council", "0\n");

  g_clear_object (&db);
  assert_schema_as_new (path, fresh_path, "CREATE TABLE roll_call_vote");
}

/* Version 3 with data, made by the version 3 yishictl from
 * schema-v2.sql: every council, meeting and vote row stays, the schema
 * ends as a new one's, and the speakers' queue of version 4 works on
 * the meetings it kept. */
static void
test_from_3_keeps_data (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v3.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gboolean ok = FALSE;
  gint64 speech;
  const char *all_sql = "SELECT 'council', id, uuid, name, quorum, speech_seconds, max_turns, requires_seconder"
                        " FROM council UNION ALL SELECT 'member', id, council_id, person_id, position, joined_on,"
                        " left_on, '' FROM council_member UNION ALL SELECT 'meeting', id, uuid, title, starts_at,"
                        " state, notice, chair_id FROM meeting UNION ALL SELECT 'item', id, meeting_id, position,"
                        " title, proposal_id, '', '' FROM agenda_item UNION ALL SELECT 'motion', id,"
                        " agenda_item_id, text, mover_id, seconder_id, form, '' FROM motion UNION ALL SELECT"
                        " 'vote', id, motion_id, members, present, yes, verdict, taken_at FROM vote UNION ALL"
                        " SELECT 'attendance', meeting_id, person_id, status, signed_in_at, '', '', '' FROM"
                        " attendance UNION ALL SELECT 'resolution', id, agenda_item_id, text, due_on, follow_up,"
                        " '', '' FROM resolution UNION ALL SELECT 'observer', id, meeting_id, name, '', '', '', ''"
                        " FROM meeting_observer UNION ALL SELECT 'proposal', id, status, title, '', '', '', ''"
                        " FROM proposal ORDER BY 1, 2, 3";

  load_fixture (path, "schema-v3.sql");
  assert_rows (path, "PRAGMA user_version", "3\n");
  before = raw_rows (path, all_sql);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  after = raw_rows (path, all_sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "vote|1|1|5|4|3|passed|"));
  assert_rows (path, "SELECT count(*) FROM speech", "0\n");

  /* the closed meeting keeps its record, with the default rules */
  snapshot = yishi_meeting_store_show (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (snapshot->state, ==, YISHI_MEETING_STATE_CLOSED);
  g_assert_cmpuint (snapshot->motions->len, ==, 1);
  g_assert_cmpstr (((YishiSnapshotMotion *) snapshot->motions->pdata[0])->seconder, ==, "");
  g_assert_cmpuint (snapshot->speeches->len, ==, 0);
  g_assert_cmpuint (snapshot->speaking.speech_seconds, ==, 120);
  g_assert_cmpuint (snapshot->speaking.max_turns, ==, 2);
  g_assert_false (snapshot->speaking.requires_seconder);
  g_assert_cmpint (yishi_speech_store_enqueue (db, 1, 0, 3, &error), ==, 0);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);

  /* the planned one takes speakers */
  speech = yishi_speech_store_enqueue (db, 3, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (speech, >, 0);
  members = yishi_council_store_list_members (db, 1, "2024-06-14", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 5);
  g_assert_cmpstr (((YishiCouncilMemberRow *) members->pdata[0])->name, ==, "张秀英");

  g_clear_object (&db);
  assert_schema_as_new (path, fresh_path, "CREATE TABLE speech");
}

/* Version 4 with data, made by the version 4 yishictl from
 * schema-v3.sql: every row stays, the speakers' queue included, the
 * schema ends as a new one's, and a contest of version 5 runs on the
 * people and proposals it kept. */
static void
test_from_4_keeps_data (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v4.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiProposal) moved = NULL;
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GPtrArray) speeches = NULL;
  gboolean ok = FALSE;
  gint64 contest;
  const char *all_sql = "SELECT 'speech', id, agenda_item_id, motion_id, person_id, state, turn, started_at,"
                        " ended_at, note, created_at FROM speech UNION ALL SELECT 'meeting', id, uuid, title,"
                        " starts_at, state, notice, chair_id, '', '', updated_at FROM meeting UNION ALL SELECT"
                        " 'motion', id, agenda_item_id, text, mover_id, seconder_id, form, '', '', '', created_at"
                        " FROM motion UNION ALL SELECT 'attendance', meeting_id, person_id, status, signed_in_at,"
                        " '', '', '', '', '', updated_at FROM attendance UNION ALL SELECT 'vote', id, motion_id,"
                        " members, present, yes, verdict, taken_at, '', '', '' FROM vote UNION ALL SELECT"
                        " 'proposal', id, uuid, title, proposer_id, status, '', '', '', '', updated_at FROM"
                        " proposal UNION ALL SELECT 'person', id, uuid, name, grid_id, community_id, '', '', '',"
                        " '', updated_at FROM person ORDER BY 1, 2, 3";

  load_fixture (path, "schema-v4.sql");
  assert_rows (path, "PRAGMA user_version", "4\n");
  before = raw_rows (path, all_sql);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  after = raw_rows (path, all_sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "speech|2|3|2|3|done|1|"));
  assert_rows (path, "SELECT count(*) FROM contest", "0\n");

  speeches = yishi_speech_store_list (db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (speeches->len, ==, 3);
  g_assert_cmpstr (((YishiSpeechRow *) speeches->pdata[0])->note, ==, "建议分类亭加装雨棚");
  g_assert_cmpint (((YishiSpeechRow *) speeches->pdata[2])->state, ==, YISHI_SPEECH_QUEUED);

  /* 李建国 screened in his proposal, then judges a contest it is in */
  moved = yishi_proposal_store_set_status (db, 2, YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL, &error);
  g_assert_no_error (error);
  draft->name = g_strdup ("2024年幸福里社区提案大赛");
  contest = yishi_contest_store_add (db, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_contest_store_add_criterion (db, contest, "必要性", NULL, 3000, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_contest_store_enter (db, contest, 2, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_contest_store_add_judge (db, contest, 2, &error), >, 0);
  g_assert_no_error (error);
  assert_rows (path, "SELECT person_id, proposal_id, reason FROM contest_recusal", "2|2|proposer\n");

  g_clear_object (&db);
  assert_schema_as_new (path, fresh_path, "CREATE TABLE contest_score");
  assert_schema_as_new (path, fresh_path, "contest_score_not_recused");
}

/* Version 5 with a contest in judging: every contest row stays, the
 * contest gains the default objection period and no publication day,
 * its ranking is what its scores say, and publishing it now locks them
 * in the file. */
static void
test_from_5_keeps_data (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v5.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiContestRow) contest = NULL;
  g_autoptr(YishiContestResults) results = NULL;
  const char *all_sql = "SELECT 'contest', id, uuid, name, state, aggregation, lots_seed, updated_at FROM contest"
                        " UNION ALL SELECT 'criterion', id, contest_id, position, name, max_points, step, ''"
                        " FROM contest_criterion UNION ALL SELECT 'judge', id, contest_id, person_id, '', '', '',"
                        " '' FROM contest_judge UNION ALL SELECT 'entry', id, contest_id, proposal_id, '', '', '',"
                        " '' FROM contest_entry UNION ALL SELECT 'recusal', id, person_id, proposal_id, reason,"
                        " note, '', '' FROM contest_recusal UNION ALL SELECT 'score', contest_id, proposal_id,"
                        " person_id, criterion_id, points, uuid, updated_at FROM contest_score ORDER BY 1, 2, 3, 4";

  load_fixture (path, "schema-v5.sql");
  assert_rows (path, "PRAGMA user_version", "5\n");
  before = raw_rows (path, all_sql);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  after = raw_rows (path, all_sql);
  g_assert_cmpstr (after, ==, before);

  contest = yishi_contest_store_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contest->objection_days, ==, YISHI_CONTEST_DEFAULT_OBJECTION_DAYS);
  g_assert_null (contest->published_on);
  /* 增设老年人助餐点: 王芳 47.50 and 陈小明 15.00 — fewer than three judges, so the mean */
  results = yishi_contest_store_results (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_contest_ranking_get (results->ranking, 0)->proposal_id, ==, 2);
  g_assert_true (yishi_contest_ranking_get (results->ranking, 0)->fell_back);
  g_assert_cmpint (yishi_contest_score_hundredths (&yishi_contest_ranking_get (results->ranking, 0)->final_score),
                   ==, 3125);

  g_assert_true (yishi_contest_store_publish (db, 1, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  assert_refused_sql (path, "DELETE FROM contest_score", "published");
  assert_schema_as_new (path, fresh_path, "CREATE TABLE contest_override");
  assert_schema_as_new (path, fresh_path, "contest_score_locked_update");
}

/* Version 6 with a contest's objection period and a funding override:
 * every row stays, the closed meeting gets its minutes, and approving
 * them locks the meeting's record in the file. */
static void
test_from_6_keeps_data (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v6.db");
  g_autofree char *fresh_path = yishi_test_dir_file (dir, "fresh.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(YishiMinutes) approved = NULL;
  g_autoptr(YishiMinutes) in_session = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gboolean ok = FALSE;
  const char *all_sql = "SELECT 'contest', id, uuid, state, objection_days, published_on, updated_at, '' FROM contest"
                        " UNION ALL SELECT 'override', id, uuid, contest_id, proposal_id, funded, reason, updated_at"
                        " FROM contest_override UNION ALL SELECT 'meeting', id, uuid, title, starts_at, state,"
                        " chair_id, updated_at FROM meeting UNION ALL SELECT 'item', id, meeting_id, position,"
                        " title, '', '', '' FROM agenda_item UNION ALL SELECT 'vote', id, motion_id, yes, no,"
                        " verdict, taken_at, '' FROM vote UNION ALL SELECT 'attendance', meeting_id, person_id,"
                        " status, signed_in_at, '', '', '' FROM attendance UNION ALL SELECT 'speech', id,"
                        " agenda_item_id, person_id, state, note, '', '' FROM speech ORDER BY 1, 2, 3";

  load_fixture (path, "schema-v6.sql");
  assert_rows (path, "PRAGMA user_version", "6\n");
  before = raw_rows (path, all_sql);

  db = yishi_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
  report = yishi_database_check (db, &ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  after = raw_rows (path, all_sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "override|1|5c24b7eb-6d80-41df-9ea1-2a3b4c5d6e1b|1|6|1|"));
  g_assert_nonnull (strstr (after, "contest|1|0b7f6a52-3c1e-4d0a-9a53-7c2d1e9f4a10|judging|10|NULL|"));
  assert_rows (path, "SELECT count(*) FROM minutes", "0\n");

  /* the closed 五月议事会 gets a draft, one discussion per item */
  minutes = yishi_minutes_store_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_DRAFT);
  g_assert_cmpuint (minutes->items->len, ==, 2);
  g_assert_cmpuint (minutes->meeting->motions->len, ==, 1);
  /* the meeting in session has none yet */
  in_session = yishi_minutes_store_get (db, 2, &error);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_null (in_session);
  g_clear_error (&error);

  g_assert_true (yishi_minutes_store_submit (db, 1, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_minutes_store_approve_by_chair (db, 1, &error));
  g_assert_no_error (error);
  approved = yishi_minutes_store_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (approved->approved_by, ==, "张秀英");
  g_assert_cmpstr (approved->previous_digest, ==, "");
  g_assert_cmpuint (strlen (approved->digest), ==, YISHI_MINUTES_DIGEST_LENGTH);
  mismatches = yishi_minutes_store_verify (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);

  g_clear_object (&db);
  assert_refused_sql (path, "UPDATE vote SET yes = 4 WHERE id = 1", "approved minutes");
  assert_refused_sql (path, "DELETE FROM attendance WHERE meeting_id = 1", "approved minutes");
  /* the follow-up of a resolution goes on */
  raw_exec (path, "UPDATE resolution SET follow_up = 'done' WHERE id = 1");
  assert_schema_as_new (path, fresh_path, "CREATE TABLE minutes_corrigendum");
  assert_schema_as_new (path, fresh_path, "minutes_locked_update");
}

/* Opening again does not migrate again. */
static void
test_idempotent (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v1.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  load_fixture (path, "schema-v1.sql");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(YishiDatabase) db = yishi_database_open (path, &error);

      g_assert_no_error (error);
      g_assert_cmpint (yishi_database_get_schema_version (db), ==, YISHI_SCHEMA_VERSION);
      g_clear_object (&db);
      if (i == 0)
        first = raw_rows (path, "SELECT * FROM person ORDER BY id");
      else
        second = raw_rows (path, "SELECT * FROM person ORDER BY id");
    }
  g_assert_cmpstr (first, ==, second);
}

/* A migration that fails half-way leaves the database at its old
 * version, with none of the steps applied. */
static void
test_failed_migration_rolls_back (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v1.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = NULL;

  load_fixture (path, "schema-v1.sql");
  /* an index by the name the next migration creates makes its last step fail */
  raw_exec (path, "CREATE INDEX person_community ON person (phone);");
  before = raw_rows (path, "SELECT name, sql FROM sqlite_schema ORDER BY name");

  db = yishi_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "person_community"));

  after = raw_rows (path, "SELECT name, sql FROM sqlite_schema ORDER BY name");
  g_assert_cmpstr (after, ==, before);
  assert_rows (path, "PRAGMA user_version", "1\n");
  assert_rows (path, "SELECT count(*) FROM pragma_table_info('person')"
                                   " WHERE name = 'community_id'", "0\n");
}

typedef struct
{
  const char    *path;
  YishiDatabase *db;
  GError        *error;
} OpenCall;

static gpointer
open_thread (gpointer data)
{
  OpenCall *call = data;

  call->db = yishi_database_open (call->path, &call->error);
  return NULL;
}

/* The window and yishictl opening one old file at once: one migrates,
 * the other finds it done. */
static void
test_concurrent_open (void)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "v1.db");
  OpenCall calls[4];
  GThread *threads[G_N_ELEMENTS (calls)];

  load_fixture (path, "schema-v1.sql");
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      calls[i] = (OpenCall) { path, NULL, NULL };
      threads[i] = g_thread_new ("open", open_thread, &calls[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (calls[i].error);
      g_assert_cmpint (yishi_database_get_schema_version (calls[i].db), ==, YISHI_SCHEMA_VERSION);
    }
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    g_object_unref (calls[i].db);

  assert_rows (path, "SELECT count(*) FROM proposal", "6\n");
  assert_rows (path, "SELECT count(*) FROM pragma_table_info('person')"
                                   " WHERE name = 'community_id'", "1\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/list", test_list);
  g_test_add_func ("/migrations/from-0/empty-file", test_from_0_empty_file);
  g_test_add_func ("/migrations/from-0/empty-sqlite", test_from_0_empty_sqlite);
  g_test_add_func ("/migrations/from-1/keeps-data", test_from_1_keeps_data);
  g_test_add_func ("/migrations/from-1/same-schema", test_from_1_same_schema);
  g_test_add_func ("/migrations/from-2/keeps-data", test_from_2_keeps_data);
  g_test_add_func ("/migrations/from-3/keeps-data", test_from_3_keeps_data);
  g_test_add_func ("/migrations/from-4/keeps-data", test_from_4_keeps_data);
  g_test_add_func ("/migrations/from-5/keeps-data", test_from_5_keeps_data);
  g_test_add_func ("/migrations/from-6/keeps-data", test_from_6_keeps_data);
  g_test_add_func ("/migrations/idempotent", test_idempotent);
  g_test_add_func ("/migrations/failed-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/migrations/concurrent-open", test_concurrent_open);

  return g_test_run ();
}
