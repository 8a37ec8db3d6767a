#include <locale.h>

#include <sqlite3.h>

#include "yishi-community-store.h"
#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"
#include "yishi-text.h"

typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean ok = FALSE;

  /* whatever a test did, it left a sound database */
  report = yishi_database_check (fixture->db, &ok, &error);
  g_assert_no_error (error);
  if (!ok)
    g_error ("%s", report);

  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static YishiProposalDraft *
full_draft (void)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();

  draft->title = g_strdup ("3号楼道路硬化");
  draft->summary = g_strdup ("雨天积水，老人出行不便");
  draft->body = g_strdup ("建议对3号楼至小区东门约120米道路进行硬化。\n分两期施工。");
  draft->proposer_name = g_strdup ("张秀英");
  draft->proposer_phone = g_strdup ("13800000001");
  draft->community = g_strdup ("幸福里社区");
  draft->category = YISHI_CATEGORY_ROADS_TRAFFIC;
  draft->location = g_strdup ("3号楼东侧");
  draft->cost_fen = 8650000;
  draft->households = 120;
  draft->people = 300;
  draft->submitted_on = g_strdup ("2024-03-15");
  return draft;
}

static YishiProposalDraft *
titled_draft (const char *title)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();

  draft->title = g_strdup (title);
  return draft;
}

static YishiProposal *
add_ok (YishiDatabase            *db,
        const YishiProposalDraft *draft)
{
  g_autoptr(GError) error = NULL;
  YishiProposal *proposal = yishi_proposal_store_add (db, draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (proposal);
  return proposal;
}

static YishiProposal *
add_titled (YishiDatabase *db,
            const char    *title)
{
  g_autoptr(YishiProposalDraft) draft = titled_draft (title);

  return add_ok (db, draft);
}

static guint
count (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  guint n = yishi_proposal_store_count (db, &error);

  g_assert_no_error (error);
  return n;
}

/* Every row of every table, read through a connection of its own: to
 * see that a failed call changed nothing at all. */
static char *
dump_tables (YishiDatabase *db)
{
  const char *tables[] = { "community", "grid", "person", "person_role", "proposal" };
  GString *dump = g_string_new (NULL);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (yishi_database_get_path (db), &handle, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, i);

              g_string_append_printf (dump, "%s%s", i ? "|" : "", text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return g_string_free (dump, FALSE);
}

static void
assert_same_proposal (YishiProposal *a,
                      YishiProposal *b)
{
  g_assert_cmpint (yishi_proposal_get_id (a), ==, yishi_proposal_get_id (b));
  g_assert_cmpstr (yishi_proposal_get_uuid (a), ==, yishi_proposal_get_uuid (b));
  g_assert_cmpstr (yishi_proposal_get_title (a), ==, yishi_proposal_get_title (b));
  g_assert_cmpstr (yishi_proposal_get_summary (a), ==, yishi_proposal_get_summary (b));
  g_assert_cmpstr (yishi_proposal_get_body (a), ==, yishi_proposal_get_body (b));
  g_assert_cmpint (yishi_proposal_get_proposer_id (a), ==, yishi_proposal_get_proposer_id (b));
  g_assert_cmpstr (yishi_proposal_get_proposer_name (a), ==, yishi_proposal_get_proposer_name (b));
  g_assert_cmpstr (yishi_proposal_get_community (a), ==, yishi_proposal_get_community (b));
  g_assert_cmpint (yishi_proposal_get_category (a), ==, yishi_proposal_get_category (b));
  g_assert_cmpstr (yishi_proposal_get_location (a), ==, yishi_proposal_get_location (b));
  g_assert_cmpint (yishi_proposal_get_cost_fen (a), ==, yishi_proposal_get_cost_fen (b));
  g_assert_cmpint (yishi_proposal_get_households (a), ==, yishi_proposal_get_households (b));
  g_assert_cmpint (yishi_proposal_get_people (a), ==, yishi_proposal_get_people (b));
  g_assert_cmpstr (yishi_proposal_get_submitted_on (a), ==, yishi_proposal_get_submitted_on (b));
  g_assert_cmpint (yishi_proposal_get_status (a), ==, yishi_proposal_get_status (b));
  g_assert_cmpstr (yishi_proposal_get_status_reason (a), ==, yishi_proposal_get_status_reason (b));
}

static void
test_add_get (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  g_autoptr(YishiProposal) added = add_ok (fixture->db, draft);
  g_autoptr(YishiProposal) got = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (yishi_proposal_get_id (added), >, 0);
  g_assert_true (g_uuid_string_is_valid (yishi_proposal_get_uuid (added)));
  g_assert_cmpstr (yishi_proposal_get_title (added), ==, "3号楼道路硬化");
  g_assert_cmpstr (yishi_proposal_get_summary (added), ==, "雨天积水，老人出行不便");
  g_assert_cmpstr (yishi_proposal_get_body (added), ==, draft->body);
  g_assert_cmpstr (yishi_proposal_get_proposer_name (added), ==, "张秀英");
  g_assert_cmpint (yishi_proposal_get_proposer_id (added), >, 0);
  g_assert_cmpstr (yishi_proposal_get_community (added), ==, "幸福里社区");
  g_assert_cmpint (yishi_proposal_get_category (added), ==, YISHI_CATEGORY_ROADS_TRAFFIC);
  g_assert_cmpstr (yishi_proposal_get_location (added), ==, "3号楼东侧");
  g_assert_cmpint (yishi_proposal_get_cost_fen (added), ==, 8650000);
  g_assert_cmpint (yishi_proposal_get_households (added), ==, 120);
  g_assert_cmpint (yishi_proposal_get_people (added), ==, 300);
  g_assert_cmpstr (yishi_proposal_get_submitted_on (added), ==, "2024-03-15");
  g_assert_cmpint (yishi_proposal_get_status (added), ==, YISHI_PROPOSAL_STATUS_DRAFT);
  g_assert_cmpstr (yishi_proposal_get_status_reason (added), ==, "");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       yishi_proposal_get_created_at (added), 0, 0));
  g_assert_cmpstr (yishi_proposal_get_updated_at (added), ==, yishi_proposal_get_created_at (added));

  got = yishi_proposal_store_get (fixture->db, yishi_proposal_get_id (added), &error);
  g_assert_no_error (error);
  assert_same_proposal (got, added);
  g_assert_cmpuint (count (fixture->db), ==, 1);
}

/* Amounts and counts that were not given stay unknown, not zero. */
static void
test_add_unknowns (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(YishiProposal) added = add_titled (fixture->db, "增设路灯");
  g_autoptr(YishiProposalDraft) zeros = titled_draft ("零成本");
  g_autoptr(YishiProposal) zero = NULL;
  g_autofree char *cost_text = NULL;

  g_assert_cmpint (yishi_proposal_get_cost_fen (added), ==, YISHI_UNKNOWN);
  g_assert_cmpint (yishi_proposal_get_households (added), ==, YISHI_UNKNOWN);
  g_assert_cmpint (yishi_proposal_get_people (added), ==, YISHI_UNKNOWN);
  g_assert_cmpstr (yishi_proposal_get_submitted_on (added), ==, "");
  g_assert_cmpint (yishi_proposal_get_proposer_id (added), <=, 0);
  g_assert_cmpstr (yishi_proposal_get_proposer_name (added), ==, "");
  g_assert_cmpstr (yishi_proposal_get_community (added), ==, "");
  g_assert_cmpint (yishi_proposal_get_category (added), ==, YISHI_CATEGORY_OTHER);
  g_object_get (added, "cost-text", &cost_text, NULL);
  g_assert_cmpstr (cost_text, ==, "");

  zeros->cost_fen = 0;
  zeros->households = 0;
  zeros->people = 0;
  zero = add_ok (fixture->db, zeros);
  g_assert_cmpint (yishi_proposal_get_cost_fen (zero), ==, 0);
  g_assert_cmpint (yishi_proposal_get_households (zero), ==, 0);
  g_assert_cmpint (yishi_proposal_get_people (zero), ==, 0);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  g_autoptr(YishiProposal) added = add_ok (fixture->db, draft);
  g_autofree char *cost_text = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *category_label = NULL;
  g_autofree char *title = NULL;
  YishiProposalStatus status;
  gint64 id;

  g_object_get (added, "cost-text", &cost_text, "status-label", &status_label,
                "category-label", &category_label, "title", &title, "status", &status,
                "id", &id, NULL);
  g_assert_cmpstr (cost_text, ==, "86,500.00");
  g_assert_cmpstr (status_label, ==, "Draft");
  g_assert_cmpstr (category_label, ==, "Roads and Traffic");
  g_assert_cmpstr (title, ==, "3号楼道路硬化");
  g_assert_cmpint (status, ==, YISHI_PROPOSAL_STATUS_DRAFT);
  g_assert_cmpint (id, ==, yishi_proposal_get_id (added));
}

static void
test_add_with_uuid (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = titled_draft ("带编号的提案");
  g_autoptr(YishiProposal) added = NULL;
  g_autoptr(YishiProposal) again = NULL;
  g_autoptr(GError) error = NULL;

  /* one spelling: an upper-case UUID is stored in lower case */
  draft->uuid = g_strdup ("0D3D4A5E-7B0C-4B8E-9F1A-2C3D4E5F6A7B");
  added = add_ok (fixture->db, draft);
  g_assert_cmpstr (yishi_proposal_get_uuid (added), ==, "0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b");

  /* the same record twice is refused, in either spelling */
  again = yishi_proposal_store_add (fixture->db, draft, &error);
  g_assert_null (again);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE);
  g_clear_error (&error);
  g_free (draft->uuid);
  draft->uuid = g_strdup ("0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b");
  g_assert_null (yishi_proposal_store_add (fixture->db, draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE);
  g_clear_error (&error);

  /* something that is not a UUID is refused before the database sees it */
  g_free (draft->uuid);
  draft->uuid = g_strdup ("not-a-uuid-but-exactly-36-characters");
  g_assert_null (yishi_proposal_store_add (fixture->db, draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpuint (count (fixture->db), ==, 1);
}

static void
test_title_stripped (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiProposal) added = add_titled (fixture->db, "\u3000 道路 硬化 \n");

  g_assert_cmpstr (yishi_proposal_get_title (added), ==, "道路 硬化");
}

static void
test_get_missing (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (yishi_proposal_store_get (fixture->db, 42, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  g_autoptr(YishiProposal) added = add_ok (fixture->db, draft);
  g_autoptr(YishiProposal) other = add_titled (fixture->db, "另一个提案");
  g_autoptr(YishiProposal) updated = NULL;
  g_autoptr(YishiProposal) got = NULL;
  g_autoptr(YishiProposal) untouched = NULL;
  g_autoptr(YishiProposalDraft) edit = yishi_proposal_to_draft (added);
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_proposal_get_id (added);

  g_free (edit->title);
  edit->title = g_strdup ("3号楼道路硬化（修改）");
  g_free (edit->location);
  edit->location = g_strdup ("东门");
  edit->cost_fen = YISHI_UNKNOWN;
  edit->households = 0;
  edit->category = YISHI_CATEGORY_SAFETY;
  g_clear_pointer (&edit->submitted_on, g_free);
  g_free (edit->community);
  edit->community = g_strdup ("光明社区");

  updated = yishi_proposal_store_update (fixture->db, id, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_proposal_get_id (updated), ==, id);
  g_assert_cmpstr (yishi_proposal_get_uuid (updated), ==, yishi_proposal_get_uuid (added));
  g_assert_cmpstr (yishi_proposal_get_title (updated), ==, "3号楼道路硬化（修改）");
  g_assert_cmpstr (yishi_proposal_get_location (updated), ==, "东门");
  g_assert_cmpint (yishi_proposal_get_cost_fen (updated), ==, YISHI_UNKNOWN);
  g_assert_cmpint (yishi_proposal_get_households (updated), ==, 0);
  g_assert_cmpint (yishi_proposal_get_people (updated), ==, 300);
  g_assert_cmpint (yishi_proposal_get_category (updated), ==, YISHI_CATEGORY_SAFETY);
  g_assert_cmpstr (yishi_proposal_get_submitted_on (updated), ==, "");
  g_assert_cmpstr (yishi_proposal_get_community (updated), ==, "光明社区");
  g_assert_cmpstr (yishi_proposal_get_proposer_name (updated), ==, "张秀英");
  g_assert_cmpstr (yishi_proposal_get_created_at (updated), ==, yishi_proposal_get_created_at (added));

  got = yishi_proposal_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  assert_same_proposal (got, updated);

  /* the other row is as it was */
  untouched = yishi_proposal_store_get (fixture->db, yishi_proposal_get_id (other), &error);
  g_assert_no_error (error);
  assert_same_proposal (untouched, other);
  g_assert_cmpuint (count (fixture->db), ==, 2);
}

/* The status moves only through set_status: an update with another
 * status (or no reason) leaves status and reason as stored. */
static void
test_update_keeps_status (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(YishiProposal) added = add_titled (fixture->db, "垃圾分类亭改造");
  gint64 id = yishi_proposal_get_id (added);
  g_autoptr(YishiProposalDraft) edit = NULL;
  g_autoptr(GError) error = NULL;
  YishiProposal *moved;

  moved = yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SUBMITTED, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (moved);
  moved = yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_OUT,
                                           "重复提案", &error);
  g_assert_no_error (error);

  edit = yishi_proposal_to_draft (moved);
  g_object_unref (moved);
  edit->status = YISHI_PROPOSAL_STATUS_ACCEPTED;
  g_clear_pointer (&edit->status_reason, g_free); /* screened out needs one: not looked at */
  g_free (edit->title);
  edit->title = g_strdup ("垃圾分类亭改造二期");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(YishiProposal) updated = yishi_proposal_store_update (fixture->db, id, edit, &error);
      g_autoptr(YishiProposal) got = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (yishi_proposal_get_title (updated), ==, "垃圾分类亭改造二期");
      g_assert_cmpint (yishi_proposal_get_status (updated), ==, YISHI_PROPOSAL_STATUS_SCREENED_OUT);
      g_assert_cmpstr (yishi_proposal_get_status_reason (updated), ==, "重复提案");
      got = yishi_proposal_store_get (fixture->db, id, &error);
      g_assert_cmpint (yishi_proposal_get_status (got), ==, YISHI_PROPOSAL_STATUS_SCREENED_OUT);
      edit->status = YISHI_PROPOSAL_STATUS_DRAFT;
    }
}

static void
test_update_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (fixture->db);
  g_autofree char *after = NULL;

  g_assert_null (yishi_proposal_store_update (fixture->db, 77, draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  /* no proposer or community was created on the way */
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_update_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  g_autoptr(YishiProposal) added = add_ok (fixture->db, draft);
  g_autofree char *before = dump_tables (fixture->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_free (draft->title);
  draft->title = g_strdup ("\u3000");
  g_free (draft->proposer_name);
  draft->proposer_name = g_strdup ("新来的人");
  g_assert_null (yishi_proposal_store_update (fixture->db, yishi_proposal_get_id (added), draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_free (draft->title);
  draft->title = g_strdup ("好标题");
  g_free (draft->summary);
  draft->summary = g_strdup ("坏\xff摘要");
  g_assert_null (yishi_proposal_store_update (fixture->db, yishi_proposal_get_id (added), draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);

  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

/* Delete, then Undo: the row comes back under its id and UUID. */
static void
test_delete_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  G_GNUC_UNUSED g_autoptr(YishiProposal) first = add_titled (fixture->db, "第一");
  g_autoptr(YishiProposal) added = add_ok (fixture->db, draft);
  g_autoptr(YishiProposal) last = add_titled (fixture->db, "最后");
  g_autoptr(YishiProposal) moved = NULL;
  g_autoptr(YishiProposal) restored = NULL;
  g_autoptr(YishiProposal) got = NULL;
  g_autoptr(YishiProposal) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_proposal_get_id (added);

  g_object_unref (yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SUBMITTED,
                                                   NULL, &error));
  moved = yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_OUT,
                                           "超出预算", &error);
  g_assert_no_error (error);

  g_assert_true (yishi_proposal_store_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db), ==, 2);
  g_assert_null (yishi_proposal_store_get (fixture->db, id, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* deleting again: nothing there */
  g_assert_false (yishi_proposal_store_delete (fixture->db, id, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  restored = yishi_proposal_store_restore (fixture->db, moved, &error);
  g_assert_no_error (error);
  assert_same_proposal (restored, moved);
  got = yishi_proposal_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  assert_same_proposal (got, moved);
  g_assert_cmpuint (count (fixture->db), ==, 3);

  /* restoring what is there already is refused */
  g_assert_null (yishi_proposal_store_restore (fixture->db, moved, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture->db), ==, 3);

  /* a new proposal takes a new id */
  later = add_titled (fixture->db, "之后");
  g_assert_cmpint (yishi_proposal_get_id (later), >, yishi_proposal_get_id (last));
}

static void
move_ok (YishiDatabase       *db,
         gint64               id,
         YishiProposalStatus  status,
         const char          *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) moved = yishi_proposal_store_set_status (db, id, status, reason, &error);

  g_assert_no_error (error);
  g_assert_cmpint (yishi_proposal_get_status (moved), ==, status);
  g_assert_cmpint (yishi_proposal_get_id (moved), ==, id);
}

static YishiProposalStatus
stored_status (YishiDatabase *db,
               gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) proposal = yishi_proposal_store_get (db, id, &error);

  g_assert_no_error (error);
  return yishi_proposal_get_status (proposal);
}

static void
test_status_lifecycle (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(YishiProposal) a = add_titled (fixture->db, "走完全程");
  g_autoptr(YishiProposal) b = add_titled (fixture->db, "直接采纳");
  g_autoptr(YishiProposal) c = add_titled (fixture->db, "入围后未采纳");
  gint64 ia = yishi_proposal_get_id (a), ib = yishi_proposal_get_id (b), ic = yishi_proposal_get_id (c);

  move_ok (fixture->db, ia, YISHI_PROPOSAL_STATUS_SUBMITTED, NULL);
  move_ok (fixture->db, ia, YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL);
  move_ok (fixture->db, ia, YISHI_PROPOSAL_STATUS_SHORTLISTED, NULL);
  move_ok (fixture->db, ia, YISHI_PROPOSAL_STATUS_ACCEPTED, NULL);
  move_ok (fixture->db, ia, YISHI_PROPOSAL_STATUS_IMPLEMENTED, NULL);

  move_ok (fixture->db, ib, YISHI_PROPOSAL_STATUS_SUBMITTED, NULL);
  move_ok (fixture->db, ib, YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL);
  move_ok (fixture->db, ib, YISHI_PROPOSAL_STATUS_ACCEPTED, "议事会表决通过");

  move_ok (fixture->db, ic, YISHI_PROPOSAL_STATUS_SUBMITTED, NULL);
  move_ok (fixture->db, ic, YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL);
  move_ok (fixture->db, ic, YISHI_PROPOSAL_STATUS_SHORTLISTED, NULL);
  move_ok (fixture->db, ic, YISHI_PROPOSAL_STATUS_REJECTED, NULL);

  g_assert_cmpint (stored_status (fixture->db, ia), ==, YISHI_PROPOSAL_STATUS_IMPLEMENTED);
  g_assert_cmpint (stored_status (fixture->db, ib), ==, YISHI_PROPOSAL_STATUS_ACCEPTED);
  g_assert_cmpint (stored_status (fixture->db, ic), ==, YISHI_PROPOSAL_STATUS_REJECTED);
}

static void
test_status_illegal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiProposal) added = add_titled (fixture->db, "跳级");
  gint64 id = yishi_proposal_get_id (added);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = dump_tables (fixture->db);
  g_assert_null (yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_ACCEPTED,
                                                  NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_assert_nonnull (strstr (error->message, "Allowed: Submitted"));
  g_clear_error (&error);

  g_assert_null (yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_DRAFT,
                                                  NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
  g_clear_error (&error);
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);

  /* final statuses stay final */
  move_ok (fixture->db, id, YISHI_PROPOSAL_STATUS_SUBMITTED, NULL);
  move_ok (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL);
  move_ok (fixture->db, id, YISHI_PROPOSAL_STATUS_REJECTED, NULL);
  for (guint s = 0; s < YISHI_N_PROPOSAL_STATUSES; s++)
    {
      g_assert_null (yishi_proposal_store_set_status (fixture->db, id, s, "理由", &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
      g_clear_error (&error);
    }
  g_assert_cmpint (stored_status (fixture->db, id), ==, YISHI_PROPOSAL_STATUS_REJECTED);
}

static void
test_status_reason (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(YishiProposal) added = add_titled (fixture->db, "初审");
  gint64 id = yishi_proposal_get_id (added);
  g_autoptr(YishiProposal) moved = NULL;
  g_autoptr(GError) error = NULL;
  const char *blank[] = { NULL, "", "  ", "\u3000" };
  g_autofree char *cut = g_strdup ("理由\xe7");

  move_ok (fixture->db, id, YISHI_PROPOSAL_STATUS_SUBMITTED, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_assert_null (yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_OUT,
                                                      blank[i], &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_cmpint (stored_status (fixture->db, id), ==, YISHI_PROPOSAL_STATUS_SUBMITTED);
    }

  /* a reason that is not text is refused, not stored */
  g_assert_null (yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_OUT,
                                                  cut, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_null (yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_IN,
                                                  "\xff\xfe", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_clear_error (&error);

  moved = yishi_proposal_store_set_status (fixture->db, id, YISHI_PROPOSAL_STATUS_SCREENED_OUT,
                                           "不属于社区自治范围", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_proposal_get_status_reason (moved), ==, "不属于社区自治范围");
}

static void
test_status_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (yishi_proposal_store_set_status (fixture->db, 5, YISHI_PROPOSAL_STATUS_SUBMITTED,
                                                  NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_assert_cmpuint (count (fixture->db), ==, 0);
}

static GPtrArray *
list_people (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = yishi_person_store_list (db, &error);

  g_assert_no_error (error);
  return people;
}

static YishiProposal *
add_by (YishiDatabase *db,
        const char    *title,
        const char    *name,
        const char    *phone,
        GError       **error)
{
  g_autoptr(YishiProposalDraft) draft = titled_draft (title);

  draft->proposer_name = g_strdup (name);
  draft->proposer_phone = g_strdup (phone);
  return yishi_proposal_store_add (db, draft, error);
}

static void
test_proposer_created_and_reused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) first = add_by (fixture->db, "一", "陈小明", NULL, &error);
  g_autoptr(YishiProposal) second = NULL;
  g_autoptr(YishiProposal) third = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_assert_no_error (error);
  people = list_people (fixture->db);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (yishi_person_get_name (people->pdata[0]), ==, "陈小明");
  g_assert_cmpint (yishi_proposal_get_proposer_id (first), ==, yishi_person_get_id (people->pdata[0]));
  g_assert_cmpstr (yishi_proposal_get_proposer_name (first), ==, "陈小明");
  g_clear_pointer (&people, g_ptr_array_unref);

  /* the same name again, with spaces around it: the same person */
  second = add_by (fixture->db, "二", "\u3000陈小明 ", NULL, &error);
  g_assert_no_error (error);
  third = add_by (fixture->db, "三", "陈小明", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_proposal_get_proposer_id (second), ==, yishi_proposal_get_proposer_id (first));
  g_assert_cmpint (yishi_proposal_get_proposer_id (third), ==, yishi_proposal_get_proposer_id (first));
  people = list_people (fixture->db);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpuint (yishi_person_get_n_proposals (people->pdata[0]), ==, 3);
}

static void
test_proposer_with_phone (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  G_GNUC_UNUSED g_autoptr(YishiProposal) first = add_by (fixture->db, "一", "陈小明", "13900000006", &error);
  g_autoptr(GPtrArray) people = NULL;

  g_assert_no_error (error);
  people = list_people (fixture->db);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (yishi_person_get_phone (people->pdata[0]), ==, "13900000006");
}

/* Two namesakes: the name alone cannot tell them apart, the phone can. */
static void
test_proposer_ambiguous (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) one = yishi_person_draft_new ();
  g_autoptr(YishiPersonDraft) two = yishi_person_draft_new ();
  g_autoptr(YishiPerson) first = NULL;
  g_autoptr(YishiPerson) second = NULL;
  g_autoptr(YishiProposal) by_first = NULL;
  g_autoptr(YishiProposal) by_second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  one->name = g_strdup ("张伟");
  one->phone = g_strdup ("13800000011");
  two->name = g_strdup ("张伟");
  two->phone = g_strdup ("13800000022");
  first = yishi_person_store_add (fixture->db, one, &error);
  g_assert_no_error (error);
  second = yishi_person_store_add (fixture->db, two, &error);
  g_assert_no_error (error);

  before = dump_tables (fixture->db);
  g_assert_null (add_by (fixture->db, "谁的提案", "张伟", NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "张伟"));
  g_assert_nonnull (strstr (error->message, "2 people"));
  g_clear_error (&error);
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);

  by_first = add_by (fixture->db, "第一位的提案", "张伟", "13800000011", &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_proposal_get_proposer_id (by_first), ==, yishi_person_get_id (first));
  by_second = add_by (fixture->db, "第二位的提案", " 张伟 ", " 13800000022 ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_proposal_get_proposer_id (by_second), ==, yishi_person_get_id (second));

  {
    g_autoptr(GPtrArray) people = list_people (fixture->db);

    g_assert_cmpuint (people->len, ==, 2);
  }
}

static void
test_proposer_by_id (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) person_draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(YishiProposalDraft) draft = titled_draft ("按编号");
  g_autoptr(YishiProposal) added = NULL;
  g_autoptr(GError) error = NULL;

  person_draft->name = g_strdup ("王芳");
  person = yishi_person_store_add (fixture->db, person_draft, &error);
  g_assert_no_error (error);

  draft->proposer_id = yishi_person_get_id (person);
  draft->proposer_name = g_strdup ("这个名字不用");
  added = add_ok (fixture->db, draft);
  g_assert_cmpint (yishi_proposal_get_proposer_id (added), ==, yishi_person_get_id (person));
  g_assert_cmpstr (yishi_proposal_get_proposer_name (added), ==, "王芳");

  draft->proposer_id = 999;
  g_assert_null (yishi_proposal_store_add (fixture->db, draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_assert_cmpuint (count (fixture->db), ==, 1);
}

static void
test_community (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = titled_draft ("社区提案");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  draft->community = g_strdup ("幸福里社区");
  g_object_unref (add_ok (fixture->db, draft));
  g_free (draft->community);
  draft->community = g_strdup (" 幸福里社区\u3000");
  g_object_unref (add_ok (fixture->db, draft));
  g_free (draft->community);
  draft->community = g_strdup ("光明社区");
  g_object_unref (add_ok (fixture->db, draft));
  g_free (draft->community);
  draft->community = g_strdup ("  ");
  g_object_unref (add_ok (fixture->db, draft));

  names = yishi_community_store_list_names (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "幸福里社区");
  g_assert_cmpstr (names[1], ==, "光明社区");
}

static GPtrArray *
make_drafts (guint        n,
             const char  *prefix)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_proposal_draft_free);

  for (guint i = 0; i < n; i++)
    {
      YishiProposalDraft *draft = yishi_proposal_draft_new ();

      draft->title = g_strdup_printf ("%s %u", prefix, i);
      draft->proposer_name = g_strdup_printf ("%s居民%u", prefix, i % 7);
      draft->community = g_strdup_printf ("%s社区%u", prefix, i % 3);
      draft->category = i % YISHI_N_CATEGORIES;
      draft->cost_fen = i * 100;
      g_ptr_array_add (drafts, draft);
    }

  return drafts;
}

typedef struct
{
  guint calls;
  guint last_done;
  guint last_total;
} Progress;

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  progress->calls++;
  progress->last_done = done;
  progress->last_total = total;
}

static void
test_add_many (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = make_drafts (2500, "批量");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, 0, 0 };
  guint failed = 12345;

  g_assert_true (yishi_proposal_store_add_many (fixture->db, drafts, progress_cb, &progress, NULL,
                                                &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db), ==, 2500);
  g_assert_cmpuint (progress.last_done, ==, 2500);
  g_assert_cmpuint (progress.last_total, ==, 2500);
  g_assert_cmpuint (progress.calls, ==, 3);

  listed = yishi_proposal_store_list (fixture->db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    {
      g_autofree char *title = g_strdup_printf ("批量 %u", i);
      g_autofree char *proposer = g_strdup_printf ("批量居民%u", i % 7);

      g_assert_cmpstr (yishi_proposal_get_title (listed->pdata[i]), ==, title);
      g_assert_cmpstr (yishi_proposal_get_proposer_name (listed->pdata[i]), ==, proposer);
      g_assert_cmpint (yishi_proposal_get_cost_fen (listed->pdata[i]), ==, i * 100);
    }

  {
    g_autoptr(GPtrArray) people = list_people (fixture->db);
    g_auto(GStrv) communities = yishi_community_store_list_names (fixture->db, &error);

    g_assert_cmpuint (people->len, ==, 7);
    g_assert_cmpuint (g_strv_length (communities), ==, 3);
  }
}

/* One bad draft in the middle of a batch: nothing of the batch stays —
 * no proposal, no proposer, no community. */
static void
test_add_many_all_or_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) existing = full_draft ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  struct { guint at; gint code; } failures[] = {
    { 5, YISHI_ERROR_INVALID_VALUE },   /* blank title */
    { 9, YISHI_ERROR_ENCODING },        /* bytes that are not text */
    { 7, YISHI_ERROR_DATABASE },        /* a UUID used earlier in the batch */
    { 0, YISHI_ERROR_INVALID_VALUE },
  };

  g_object_unref (add_ok (fixture->db, existing));
  before = dump_tables (fixture->db);

  for (guint f = 0; f < G_N_ELEMENTS (failures); f++)
    {
      g_autoptr(GPtrArray) drafts = make_drafts (10, "回滚");
      YishiProposalDraft *bad = drafts->pdata[failures[f].at];
      g_autofree char *after = NULL;
      guint failed = 999;

      switch (failures[f].code)
        {
        case YISHI_ERROR_INVALID_VALUE:
          g_free (bad->title);
          bad->title = g_strdup ("  ");
          break;
        case YISHI_ERROR_ENCODING:
          g_free (bad->body);
          bad->body = g_strdup ("\xc3\x28");
          break;
        default:
          ((YishiProposalDraft *) drafts->pdata[2])->uuid = g_strdup ("0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b");
          bad->uuid = g_strdup ("0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b");
          break;
        }

      g_assert_false (yishi_proposal_store_add_many (fixture->db, drafts, NULL, NULL, NULL,
                                                     &failed, &error));
      g_assert_error (error, YISHI_ERROR, failures[f].code);
      g_clear_error (&error);
      g_assert_cmpuint (failed, ==, failures[f].at);

      after = dump_tables (fixture->db);
      g_assert_cmpstr (after, ==, before);
    }

  /* the connection is usable afterwards */
  g_object_unref (add_titled (fixture->db, "之后照常"));
  g_assert_cmpuint (count (fixture->db), ==, 2);
}

static void
test_add_many_cancelled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = make_drafts (10, "取消");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (yishi_proposal_store_add_many (fixture->db, drafts, NULL, NULL, cancellable,
                                                 NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count (fixture->db), ==, 0);
}

static void
test_add_many_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_proposal_store_add_many (fixture->db, drafts, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db), ==, 0);
}

static char *
list_titles (YishiDatabase             *db,
             const YishiProposalFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = yishi_proposal_store_list (db, filter, &error);
  GString *titles = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "", yishi_proposal_get_title (rows->pdata[i]));

  return g_string_free (titles, FALSE);
}

#define assert_list(db, filter, expected) \
  G_STMT_START { \
    g_autofree char *titles_ = list_titles ((db), (filter)); \
    g_assert_cmpstr (titles_, ==, (expected)); \
  } G_STMT_END

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  struct { const char *title; const char *body; const char *proposer; YishiCategory category; } rows[] = {
    { "道路硬化", "3号楼", "张秀英", YISHI_CATEGORY_ROADS_TRAFFIC },
    { "楼道照明", "更换LED灯", "李建国", YISHI_CATEGORY_SAFETY },
    { "助餐点", "老年人吃饭难", "张秀英", YISHI_CATEGORY_ELDERLY_DISABLED },
    { "停车位", "道路两侧划线", "王芳", YISHI_CATEGORY_ROADS_TRAFFIC },
    { "广场舞", "噪音", "王芳", YISHI_CATEGORY_CULTURE_SPORTS },
  };
  YishiProposalFilter filter = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(YishiProposalDraft) draft = titled_draft (rows[i].title);
      g_autoptr(YishiProposal) added = NULL;

      draft->body = g_strdup (rows[i].body);
      draft->proposer_name = g_strdup (rows[i].proposer);
      draft->category = rows[i].category;
      added = add_ok (fixture->db, draft);
      if (i < 3)
        move_ok (fixture->db, yishi_proposal_get_id (added), YISHI_PROPOSAL_STATUS_SUBMITTED, NULL);
    }

  assert_list (fixture->db, NULL, "道路硬化,楼道照明,助餐点,停车位,广场舞");
  assert_list (fixture->db, &filter, "道路硬化,楼道照明,助餐点,停车位,广场舞");

  filter.has_status = TRUE;
  filter.status = YISHI_PROPOSAL_STATUS_SUBMITTED;
  assert_list (fixture->db, &filter, "道路硬化,楼道照明,助餐点");
  filter.status = YISHI_PROPOSAL_STATUS_ACCEPTED;
  assert_list (fixture->db, &filter, "");

  filter.has_status = FALSE;
  filter.has_category = TRUE;
  filter.category = YISHI_CATEGORY_ROADS_TRAFFIC;
  assert_list (fixture->db, &filter, "道路硬化,停车位");

  filter.has_status = TRUE;
  filter.status = YISHI_PROPOSAL_STATUS_DRAFT;
  assert_list (fixture->db, &filter, "停车位");

  /* search looks at title, body and proposer */
  filter = (YishiProposalFilter) { .search = "道路" };
  assert_list (fixture->db, &filter, "道路硬化,停车位");
  filter.search = "led";
  assert_list (fixture->db, &filter, "楼道照明");
  filter.search = "张秀英";
  assert_list (fixture->db, &filter, "道路硬化,助餐点");
  filter.search = "王芳 噪音";
  assert_list (fixture->db, &filter, "广场舞");
  filter.search = "楼";
  assert_list (fixture->db, &filter, "道路硬化,楼道照明");
  filter.search = "不存在";
  assert_list (fixture->db, &filter, "");
  filter.search = "\u3000 ";
  assert_list (fixture->db, &filter, "道路硬化,楼道照明,助餐点,停车位,广场舞");

  /* search and filters together */
  filter.search = "道路";
  filter.has_status = TRUE;
  filter.status = YISHI_PROPOSAL_STATUS_SUBMITTED;
  assert_list (fixture->db, &filter, "道路硬化");
}

/* What people paste into a title: quotes, SQL, format directives. All of
 * it is text, stored and read back as it was. */
static void
test_hostile_titles (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *titles[] = {
    "O'Brien's \"gate\"",
    "a; b; c;",
    "'); DROP TABLE proposal; --",
    "Robert'); DELETE FROM person WHERE ('1' = '1",
    "\" OR 1=1 --",
    "%s%s%n%x %%",
    "back\\slash \\' \\\"",
    "?1 ?2 :name @x $y",
    "多行\n标题\r\n第三行",
    "表情 🏠🚧 和 ｆｕｌｌ－ｗｉｄｔｈ",
    "עברית ومرحبا",
    "NULL",
    "' || (SELECT name FROM sqlite_schema) || '",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(YishiProposalDraft) draft = titled_draft (titles[i]);
      g_autoptr(YishiProposal) added = NULL;
      g_autoptr(YishiProposal) got = NULL;

      draft->summary = g_strdup (titles[i]);
      draft->proposer_name = g_strdup (titles[i]);
      draft->community = g_strdup (titles[i]);
      draft->location = g_strdup (titles[i]);
      added = add_ok (fixture->db, draft);
      got = yishi_proposal_store_get (fixture->db, yishi_proposal_get_id (added), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (yishi_proposal_get_title (got), ==, titles[i]);
      g_assert_cmpstr (yishi_proposal_get_summary (got), ==, titles[i]);
      g_assert_cmpstr (yishi_proposal_get_proposer_name (got), ==, titles[i]);
      g_assert_cmpstr (yishi_proposal_get_community (got), ==, titles[i]);
      g_assert_cmpstr (yishi_proposal_get_location (got), ==, titles[i]);
    }

  /* the tables are all there, with every row */
  g_assert_cmpuint (count (fixture->db), ==, G_N_ELEMENTS (titles));
  {
    g_autoptr(GPtrArray) people = list_people (fixture->db);

    g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (titles));
  }

  /* and searching for them finds them */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      YishiProposalFilter filter = { .search = titles[i] };
      g_autoptr(GPtrArray) found = yishi_proposal_store_list (fixture->db, &filter, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, >=, 1);
    }

  listed = yishi_proposal_store_list (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, G_N_ELEMENTS (titles));
}

static void
test_long_title (Fixture       *fixture,
                 gconstpointer  data)
{
  GString *title = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(YishiProposal) added = NULL;
  g_autoptr(YishiProposal) got = NULL;
  g_autoptr(GError) error = NULL;
  const char *chars[] = { "道", "路", "a", "'", ";", "🏠" };

  for (guint i = 0; i < 10000; i++)
    g_string_append (title, chars[i % G_N_ELEMENTS (chars)]);
  text = g_string_free (title, FALSE);
  g_assert_cmpint (g_utf8_strlen (text, -1), ==, 10000);

  added = add_titled (fixture->db, text);
  got = yishi_proposal_store_get (fixture->db, yishi_proposal_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_proposal_get_title (got), ==, text);
  g_assert_cmpuint (strlen (yishi_proposal_get_title (got)), ==, strlen (text));
}

/* Text that is not UTF-8 is refused with an error naming the field, and
 * nothing is stored. */
static void
test_invalid_utf8 (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct { gsize offset; const char *name; } fields[] = {
    { G_STRUCT_OFFSET (YishiProposalDraft, title), "Title" },
    { G_STRUCT_OFFSET (YishiProposalDraft, summary), "Summary" },
    { G_STRUCT_OFFSET (YishiProposalDraft, body), "Full text" },
    { G_STRUCT_OFFSET (YishiProposalDraft, proposer_name), "Proposer" },
    { G_STRUCT_OFFSET (YishiProposalDraft, proposer_phone), "phone" },
    { G_STRUCT_OFFSET (YishiProposalDraft, community), "Community" },
    { G_STRUCT_OFFSET (YishiProposalDraft, location), "Location" },
  };
  g_autofree char *before = dump_tables (fixture->db);
  g_autofree char *after = NULL;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(YishiProposalDraft) draft = full_draft ();
      g_autoptr(GError) error = NULL;
      char **field = G_STRUCT_MEMBER_P (draft, fields[f].offset);

      g_free (*field);
      *field = g_strdup ("GBK \xb5\xc0\xc2\xb7"); /* 道路 in GBK */
      g_assert_null (yishi_proposal_store_add (fixture->db, draft, &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
      if (strstr (error->message, fields[f].name) == NULL || strstr (error->message, "UTF-8") == NULL)
        g_error ("unclear: %s", error->message);
    }

  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

/* A NUL cannot be passed in a C string; text read with a length can hold
 * one, and the field check refuses it before it would cut the text. */
static void
test_nul_in_field (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char title[] = "道路硬化\0'); DROP TABLE proposal; --";
  g_autoptr(GError) error = NULL;

  g_assert_false (yishi_text_check_field (title, sizeof title - 1, "Title", TRUE, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_assert_nonnull (strstr (error->message, "Title"));
  g_clear_error (&error);

  g_assert_true (yishi_text_check_field (title, strlen (title), "Title", TRUE, &error));
  g_assert_no_error (error);
}

static void
test_to_draft_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(YishiProposalDraft) draft = full_draft ();
  g_autoptr(YishiProposal) added = add_ok (fixture->db, draft);
  g_autoptr(YishiProposalDraft) back = yishi_proposal_to_draft (added);
  g_autoptr(YishiProposal) copy = NULL;

  g_assert_cmpstr (back->uuid, ==, yishi_proposal_get_uuid (added));
  g_clear_pointer (&back->uuid, g_free);
  copy = add_ok (fixture->db, back);
  g_assert_cmpint (yishi_proposal_get_id (copy), !=, yishi_proposal_get_id (added));
  g_assert_cmpstr (yishi_proposal_get_uuid (copy), !=, yishi_proposal_get_uuid (added));
  g_assert_cmpstr (yishi_proposal_get_title (copy), ==, yishi_proposal_get_title (added));
  g_assert_cmpstr (yishi_proposal_get_body (copy), ==, yishi_proposal_get_body (added));
  g_assert_cmpint (yishi_proposal_get_proposer_id (copy), ==, yishi_proposal_get_proposer_id (added));
  g_assert_cmpstr (yishi_proposal_get_community (copy), ==, yishi_proposal_get_community (added));
  g_assert_cmpint (yishi_proposal_get_cost_fen (copy), ==, yishi_proposal_get_cost_fen (added));
  g_assert_cmpstr (yishi_proposal_get_submitted_on (copy), ==, yishi_proposal_get_submitted_on (added));
}

static void
test_build_index (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(YishiProposal) a = add_titled (fixture->db, "道路硬化");
  G_GNUC_UNUSED g_autoptr(YishiProposal) b = add_titled (fixture->db, "楼道照明");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(YishiTextIndex) index = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  rows = yishi_proposal_store_list (fixture->db, NULL, &error);
  g_assert_no_error (error);
  index = yishi_proposal_store_build_index (rows);
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 2);
  found = yishi_text_index_search (index, "道");
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_array_unref);
  found = yishi_text_index_search (index, "硬化");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (g_array_index (found, guint, 0), ==, yishi_proposal_get_id (a));
}

/* What the caller promises with YISHI_ADD_MANY_TEXT_CHECKED is only the
 * encoding: every other rule still holds, all or nothing. */
static void
test_add_many_text_checked (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = make_drafts (10, "已查");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (fixture->db);
  g_autofree char *after = NULL;
  YishiProposalDraft *bad = drafts->pdata[6];
  guint failed = 999;

  bad->submitted_on = g_strdup ("2024-02-30");
  g_assert_false (yishi_proposal_store_add_many_full (fixture->db, drafts, YISHI_ADD_MANY_TEXT_CHECKED,
                                                      NULL, NULL, NULL, &failed, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpuint (failed, ==, 6);
  g_clear_error (&error);
  after = dump_tables (fixture->db);
  g_assert_cmpstr (after, ==, before);

  g_clear_pointer (&bad->submitted_on, g_free);
  g_free (bad->title);
  bad->title = g_strdup ("\u3000");
  g_assert_false (yishi_proposal_store_add_many_full (fixture->db, drafts, YISHI_ADD_MANY_TEXT_CHECKED,
                                                      NULL, NULL, NULL, &failed, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpuint (failed, ==, 6);
  g_clear_error (&error);

  g_free (bad->title);
  bad->title = g_strdup (" 已查 6 ");
  g_assert_true (yishi_proposal_store_add_many_full (fixture->db, drafts, YISHI_ADD_MANY_TEXT_CHECKED,
                                                     NULL, NULL, NULL, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture->db), ==, 10);
}

static void
assert_time_ordered (const char *previous,
                     const char *uuid)
{
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (uuid[14], ==, '7');
  g_assert_cmpstr (previous, <, uuid);
}

/* New records get time-ordered UUIDs (version 7): each greater than the
 * one before, so that the UUID indexes grow at their end. */
static void
test_uuids_time_ordered (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = make_drafts (300, "有序");
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  const char *previous = "";

  g_assert_true (yishi_proposal_store_add_many (fixture->db, drafts, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (add_titled (fixture->db, "之后"));

  proposals = yishi_proposal_store_list (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposals->len, ==, 301);
  for (guint i = 0; i < proposals->len; i++)
    {
      const char *uuid = yishi_proposal_get_uuid (proposals->pdata[i]);

      assert_time_ordered (previous, uuid);
      previous = uuid;
    }

  people = yishi_person_store_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 7);
  previous = "";
  for (guint i = 0; i < people->len; i++)
    {
      const char *uuid = yishi_person_get_uuid (people->pdata[i]);

      assert_time_ordered (previous, uuid);
      previous = uuid;
    }
}

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ADD ("/proposal-store/add-get", test_add_get);
  ADD ("/proposal-store/add/unknowns", test_add_unknowns);
  ADD ("/proposal-store/add/uuid", test_add_with_uuid);
  ADD ("/proposal-store/add/title-stripped", test_title_stripped);
  ADD ("/proposal-store/properties", test_properties);
  ADD ("/proposal-store/get/missing", test_get_missing);
  ADD ("/proposal-store/update", test_update);
  ADD ("/proposal-store/update/keeps-status", test_update_keeps_status);
  ADD ("/proposal-store/update/missing", test_update_missing);
  ADD ("/proposal-store/update/invalid", test_update_invalid);
  ADD ("/proposal-store/delete-restore", test_delete_restore);
  ADD ("/proposal-store/status/lifecycle", test_status_lifecycle);
  ADD ("/proposal-store/status/illegal", test_status_illegal);
  ADD ("/proposal-store/status/reason", test_status_reason);
  ADD ("/proposal-store/status/missing", test_status_missing);
  ADD ("/proposal-store/proposer/created-and-reused", test_proposer_created_and_reused);
  ADD ("/proposal-store/proposer/with-phone", test_proposer_with_phone);
  ADD ("/proposal-store/proposer/ambiguous", test_proposer_ambiguous);
  ADD ("/proposal-store/proposer/by-id", test_proposer_by_id);
  ADD ("/proposal-store/community", test_community);
  ADD ("/proposal-store/add-many", test_add_many);
  ADD ("/proposal-store/add-many/all-or-nothing", test_add_many_all_or_nothing);
  ADD ("/proposal-store/add-many/cancelled", test_add_many_cancelled);
  ADD ("/proposal-store/add-many/empty", test_add_many_empty);
  ADD ("/proposal-store/add-many/text-checked", test_add_many_text_checked);
  ADD ("/proposal-store/uuids/time-ordered", test_uuids_time_ordered);
  ADD ("/proposal-store/list/filters", test_list_filters);
  ADD ("/proposal-store/hostile/titles", test_hostile_titles);
  ADD ("/proposal-store/hostile/long-title", test_long_title);
  ADD ("/proposal-store/hostile/invalid-utf8", test_invalid_utf8);
  ADD ("/proposal-store/hostile/nul", test_nul_in_field);
  ADD ("/proposal-store/to-draft", test_to_draft_round_trip);
  ADD ("/proposal-store/build-index", test_build_index);

  return g_test_run ();
}
