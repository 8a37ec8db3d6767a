#include <locale.h>

#include <sqlite3.h>

#include "yishi-community-store.h"
#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"

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

  report = yishi_database_check (fixture->db, &ok, &error);
  g_assert_no_error (error);
  if (!ok)
    g_error ("%s", report);

  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static YishiPersonDraft *
full_draft (void)
{
  YishiPersonDraft *draft = yishi_person_draft_new ();

  draft->name = g_strdup ("李建国");
  draft->community = g_strdup ("幸福里社区");
  draft->grid = g_strdup ("第二网格");
  draft->building = g_strdup ("7号楼3单元");
  draft->phone = g_strdup ("13800000002");
  draft->roles = (1u << YISHI_ROLE_GRID_WORKER) | (1u << YISHI_ROLE_VOLUNTEER);
  return draft;
}

static YishiPerson *
add_ok (YishiDatabase          *db,
        const YishiPersonDraft *draft)
{
  g_autoptr(GError) error = NULL;
  YishiPerson *person = yishi_person_store_add (db, draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);
  return person;
}

static YishiPerson *
add_named (YishiDatabase *db,
           const char    *name)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();

  draft->name = g_strdup (name);
  return add_ok (db, draft);
}

static guint
count_people (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = yishi_person_store_list (db, &error);

  g_assert_no_error (error);
  return people->len;
}

static gint64
raw_count (YishiDatabase *db,
           const char    *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (yishi_database_get_path (db), &handle, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return value;
}

static void
test_add_get (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = full_draft ();
  g_autoptr(YishiPerson) added = add_ok (fixture->db, draft);
  g_autoptr(YishiPerson) got = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *roles_label = NULL;
  g_autofree char *display = NULL;

  g_assert_cmpint (yishi_person_get_id (added), >, 0);
  g_assert_true (g_uuid_string_is_valid (yishi_person_get_uuid (added)));
  g_assert_cmpstr (yishi_person_get_name (added), ==, "李建国");
  g_assert_cmpstr (yishi_person_get_community (added), ==, "幸福里社区");
  g_assert_cmpstr (yishi_person_get_grid (added), ==, "第二网格");
  g_assert_cmpstr (yishi_person_get_building (added), ==, "7号楼3单元");
  g_assert_cmpstr (yishi_person_get_phone (added), ==, "13800000002");
  g_assert_cmpuint (yishi_person_get_roles (added), ==, draft->roles);
  g_assert_cmpuint (yishi_person_get_n_proposals (added), ==, 0);

  roles_label = yishi_person_dup_roles_label (added);
  g_assert_cmpstr (roles_label, ==, "Grid Worker, Volunteer");
  display = yishi_person_dup_display_name (added);
  g_assert_cmpstr (display, ==, "李建国 (第二网格 7号楼3单元)");

  got = yishi_person_store_get (fixture->db, yishi_person_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_person_get_uuid (got), ==, yishi_person_get_uuid (added));
  g_assert_cmpstr (yishi_person_get_name (got), ==, "李建国");
  g_assert_cmpuint (yishi_person_get_roles (got), ==, draft->roles);
  g_assert_cmpuint (count_people (fixture->db), ==, 1);
}

static void
test_minimal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(YishiPerson) person = add_named (fixture->db, "\u3000王芳 ");
  g_autofree char *display = yishi_person_dup_display_name (person);
  g_autofree char *roles = yishi_person_dup_roles_label (person);

  g_assert_cmpstr (yishi_person_get_name (person), ==, "王芳");
  g_assert_cmpstr (yishi_person_get_community (person), ==, "");
  g_assert_cmpstr (yishi_person_get_grid (person), ==, "");
  g_assert_cmpstr (yishi_person_get_phone (person), ==, "");
  g_assert_cmpuint (yishi_person_get_roles (person), ==, 0);
  g_assert_cmpstr (display, ==, "王芳");
  g_assert_cmpstr (roles, ==, "");
}

/* Every combination of roles is stored and read back as given. */
static void
test_roles_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint roles = 0; roles < (1u << YISHI_N_ROLES); roles++)
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
      g_autoptr(YishiPerson) added = NULL;
      g_autoptr(YishiPerson) got = NULL;
      g_autoptr(GError) error = NULL;

      draft->name = g_strdup_printf ("居民%u", roles);
      draft->roles = roles;
      added = add_ok (fixture->db, draft);
      got = yishi_person_store_get (fixture->db, yishi_person_get_id (added), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (yishi_person_get_roles (got), ==, roles);
    }

  g_assert_cmpint (raw_count (fixture->db, "SELECT count(*) FROM person_role"), ==,
                   YISHI_N_ROLES << (YISHI_N_ROLES - 1));
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = full_draft ();
  g_autoptr(YishiPerson) added = add_ok (fixture->db, draft);
  g_autoptr(YishiPerson) other = add_named (fixture->db, "王芳");
  g_autoptr(YishiPersonDraft) edit = yishi_person_to_draft (added);
  g_autoptr(YishiPerson) updated = NULL;
  g_autoptr(YishiPerson) got = NULL;
  g_autoptr(YishiPerson) other_after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_person_get_id (added);

  g_assert_cmpstr (edit->community, ==, "幸福里社区");
  g_assert_cmpstr (edit->grid, ==, "第二网格");
  g_free (edit->name);
  edit->name = g_strdup ("李建国（退休）");
  g_free (edit->phone);
  edit->phone = g_strdup ("13900000000");
  g_free (edit->community);
  edit->community = g_strdup ("光明社区");
  g_free (edit->grid);
  edit->grid = g_strdup ("第一网格");
  edit->roles = (1u << YISHI_ROLE_JUDGE) | (1u << YISHI_ROLE_COUNCIL_MEMBER);

  updated = yishi_person_store_update (fixture->db, id, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (yishi_person_get_id (updated), ==, id);
  g_assert_cmpstr (yishi_person_get_uuid (updated), ==, yishi_person_get_uuid (added));
  g_assert_cmpstr (yishi_person_get_name (updated), ==, "李建国（退休）");
  g_assert_cmpstr (yishi_person_get_phone (updated), ==, "13900000000");
  g_assert_cmpstr (yishi_person_get_community (updated), ==, "光明社区");
  g_assert_cmpstr (yishi_person_get_grid (updated), ==, "第一网格");
  g_assert_cmpuint (yishi_person_get_roles (updated), ==, edit->roles);

  got = yishi_person_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_person_get_roles (got), ==, edit->roles);
  g_assert_cmpint (raw_count (fixture->db, "SELECT count(*) FROM person_role"), ==, 2);

  /* no roles at all */
  edit->roles = 0;
  g_clear_object (&updated);
  updated = yishi_person_store_update (fixture->db, id, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_person_get_roles (updated), ==, 0);
  g_assert_cmpint (raw_count (fixture->db, "SELECT count(*) FROM person_role"), ==, 0);

  other_after = yishi_person_store_get (fixture->db, yishi_person_get_id (other), &error);
  g_assert_cmpstr (yishi_person_get_name (other_after), ==, "王芳");
}

static void
test_update_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = full_draft ();
  g_autoptr(YishiPerson) added = add_ok (fixture->db, draft);
  g_autoptr(YishiPerson) got = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (yishi_person_store_update (fixture->db, 999, draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_free (draft->name);
  draft->name = g_strdup ("  ");
  draft->roles = 0;
  g_assert_null (yishi_person_store_update (fixture->db, yishi_person_get_id (added), draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  got = yishi_person_store_get (fixture->db, yishi_person_get_id (added), &error);
  g_assert_cmpstr (yishi_person_get_name (got), ==, "李建国");
  g_assert_cmpuint (yishi_person_get_roles (got), ==,
                    (1u << YISHI_ROLE_GRID_WORKER) | (1u << YISHI_ROLE_VOLUNTEER));
}

/* A community without a grid is kept (version 1 lost it). */
static void
test_community_without_grid (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) added = NULL;
  g_autoptr(YishiPerson) got = NULL;
  g_autoptr(YishiPersonDraft) back = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup ("赵志强");
  draft->community = g_strdup ("光明社区");
  added = add_ok (fixture->db, draft);
  g_assert_cmpstr (yishi_person_get_community (added), ==, "光明社区");
  g_assert_cmpstr (yishi_person_get_grid (added), ==, "");

  got = yishi_person_store_get (fixture->db, yishi_person_get_id (added), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (yishi_person_get_community (got), ==, "光明社区");
  back = yishi_person_to_draft (got);
  g_assert_cmpstr (back->community, ==, "光明社区");
  g_assert_null (back->grid);
}

/* Grids belong to a community: two communities may have a 第一网格 each. */
static void
test_grids (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) a = yishi_person_draft_new ();
  g_autoptr(YishiPersonDraft) b = yishi_person_draft_new ();
  g_autoptr(YishiPersonDraft) c = yishi_person_draft_new ();
  g_autoptr(YishiPerson) pa = NULL;
  g_autoptr(YishiPerson) pb = NULL;
  g_autoptr(YishiPerson) pc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) communities = NULL;
  g_auto(GStrv) grids = NULL;

  a->name = g_strdup ("甲");
  a->community = g_strdup ("幸福里社区");
  a->grid = g_strdup ("第一网格");
  b->name = g_strdup ("乙");
  b->community = g_strdup ("光明社区");
  b->grid = g_strdup ("第一网格");
  c->name = g_strdup ("丙");
  c->community = g_strdup ("幸福里社区");
  c->grid = g_strdup (" 第一网格 ");
  pa = add_ok (fixture->db, a);
  pb = add_ok (fixture->db, b);
  pc = add_ok (fixture->db, c);

  g_assert_cmpstr (yishi_person_get_community (pb), ==, "光明社区");
  g_assert_cmpstr (yishi_person_get_grid (pc), ==, "第一网格");
  g_assert_cmpint (raw_count (fixture->db, "SELECT count(*) FROM grid"), ==, 2);
  g_assert_cmpint (raw_count (fixture->db, "SELECT count(DISTINCT grid_id) FROM person"), ==, 2);

  communities = yishi_community_store_list_names (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (communities), ==, 2);
  grids = yishi_community_store_list_grids (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (grids), ==, 1);
  g_assert_cmpstr (grids[0], ==, "第一网格");
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = full_draft ();
  g_autoptr(YishiPerson) added = add_ok (fixture->db, draft);
  G_GNUC_UNUSED g_autoptr(YishiPerson) other = add_named (fixture->db, "王芳");
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_person_get_id (added);

  g_assert_true (yishi_person_store_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_null (yishi_person_store_get (fixture->db, id, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (count_people (fixture->db), ==, 1);
  /* their roles went with them */
  g_assert_cmpint (raw_count (fixture->db, "SELECT count(*) FROM person_role"), ==, 0);

  g_assert_false (yishi_person_store_delete (fixture->db, id, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND);
}

/* A proposer cannot be removed: their proposals would lose their author. */
static void
test_delete_proposer (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(YishiPerson) person = add_named (fixture->db, "张秀英");
  g_autoptr(YishiProposal) first = NULL;
  g_autoptr(YishiProposal) second = NULL;
  g_autoptr(YishiPerson) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_person_get_id (person);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();

      draft->title = g_strdup_printf ("提案%u", i);
      draft->proposer_id = id;
      if (i == 0)
        first = yishi_proposal_store_add (fixture->db, draft, &error);
      else
        second = yishi_proposal_store_add (fixture->db, draft, &error);
      g_assert_no_error (error);
    }

  g_assert_false (yishi_person_store_delete (fixture->db, id, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "张秀英"));
  g_assert_nonnull (strstr (error->message, "2 proposals"));
  g_clear_error (&error);
  got = yishi_person_store_get (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (yishi_person_get_n_proposals (got), ==, 2);

  /* one proposal left: still refused, in the singular */
  g_assert_true (yishi_proposal_store_delete (fixture->db, yishi_proposal_get_id (first), &error));
  g_assert_false (yishi_person_store_delete (fixture->db, id, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 proposal."));
  g_clear_error (&error);

  /* none left: removed */
  g_assert_true (yishi_proposal_store_delete (fixture->db, yishi_proposal_get_id (second), &error));
  g_assert_true (yishi_person_store_delete (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (fixture->db), ==, 0);
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  const struct { gsize offset; const char *name; } fields[] = {
    { G_STRUCT_OFFSET (YishiPersonDraft, name), "Name" },
    { G_STRUCT_OFFSET (YishiPersonDraft, community), "Community" },
    { G_STRUCT_OFFSET (YishiPersonDraft, grid), "Grid" },
    { G_STRUCT_OFFSET (YishiPersonDraft, building), "Building" },
    { G_STRUCT_OFFSET (YishiPersonDraft, phone), "Phone" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(YishiPersonDraft) draft = full_draft ();
      g_autoptr(GError) error = NULL;
      char **field = G_STRUCT_MEMBER_P (draft, fields[f].offset);

      g_free (*field);
      *field = g_strdup ("\x80\x80"); /* heap: an under-read shows under ASan */
      g_assert_null (yishi_person_store_add (fixture->db, draft, &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
      g_assert_nonnull (strstr (error->message, fields[f].name));
    }

  {
    g_autoptr(YishiPersonDraft) draft = full_draft ();
    g_autoptr(GError) error = NULL;

    draft->roles = 1u << YISHI_N_ROLES;
    g_assert_null (yishi_person_store_add (fixture->db, draft, &error));
    g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  }

  g_assert_cmpuint (count_people (fixture->db), ==, 0);
  g_assert_cmpint (raw_count (fixture->db, "SELECT count(*) FROM community"), ==, 0);
}

static void
test_uuid (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = full_draft ();
  g_autoptr(YishiPerson) added = NULL;
  g_autoptr(GError) error = NULL;

  draft->uuid = g_strdup ("4B71C2A4-4138-4580-946A-159CF3EE7926");
  added = add_ok (fixture->db, draft);
  g_assert_cmpstr (yishi_person_get_uuid (added), ==, "4b71c2a4-4138-4580-946a-159cf3ee7926");

  g_assert_null (yishi_person_store_add (fixture->db, draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_DATABASE);
  g_assert_cmpuint (count_people (fixture->db), ==, 1);
}

static void
test_list_order (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *names[] = { "丙", "甲", "乙", "A", "b" };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_named (fixture->db, names[i]));

  people = yishi_person_store_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < people->len; i++)
    {
      g_assert_cmpstr (yishi_person_get_name (people->pdata[i]), ==, names[i]);
      if (i > 0)
        g_assert_cmpint (yishi_person_get_id (people->pdata[i - 1]), <,
                         yishi_person_get_id (people->pdata[i]));
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

  ADD ("/person-store/add-get", test_add_get);
  ADD ("/person-store/add/minimal", test_minimal);
  ADD ("/person-store/add/uuid", test_uuid);
  ADD ("/person-store/add/invalid", test_invalid);
  ADD ("/person-store/roles/round-trip", test_roles_round_trip);
  ADD ("/person-store/update", test_update);
  ADD ("/person-store/update/refused", test_update_refused);
  ADD ("/person-store/community-without-grid", test_community_without_grid);
  ADD ("/person-store/grids", test_grids);
  ADD ("/person-store/delete", test_delete);
  ADD ("/person-store/delete/proposer", test_delete_proposer);
  ADD ("/person-store/list/order", test_list_order);

  return g_test_run ();
}
