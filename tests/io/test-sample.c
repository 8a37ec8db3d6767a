#include "config.h"

#include <string.h>

#include "yishi-community-store.h"
#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-sample.h"
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
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static GPtrArray *
list_proposals (YishiDatabase *db,
                const char    *search)
{
  YishiProposalFilter filter = { .search = search };
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals = yishi_proposal_store_list (db, &filter, &error);

  g_assert_no_error (error);
  return proposals;
}

static GPtrArray *
list_people (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = yishi_person_store_list (db, &error);

  g_assert_no_error (error);
  return people;
}

static void
load_community (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_sample_load_community (db, &error));
  g_assert_no_error (error);
}

/* Every category and every status occurs at least once. */
static void
assert_all_kinds (GPtrArray *proposals)
{
  guint categories = 0, statuses = 0;

  for (guint i = 0; i < proposals->len; i++)
    {
      categories |= 1u << yishi_proposal_get_category (proposals->pdata[i]);
      statuses |= 1u << yishi_proposal_get_status (proposals->pdata[i]);
    }

  g_assert_cmphex (categories, ==, (1u << YISHI_N_CATEGORIES) - 1);
  g_assert_cmphex (statuses, ==, (1u << YISHI_N_PROPOSAL_STATUSES) - 1);
}

static void
test_community_contents (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) roads = NULL;
  g_auto(GStrv) grids = NULL;
  g_autoptr(GError) error = NULL;

  load_community (fixture->db);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);
  g_assert_cmpuint (people->len, >=, 35);
  g_assert_cmpuint (proposals->len, >=, 18);
  assert_all_kinds (proposals);

  grids = yishi_community_store_list_grids (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (grids), >=, 6);
  g_assert_cmpuint (g_strv_length (grids), <=, 9);

  /* the road from the Kunming report: 3.2 km, 82 households, 294 people */
  roads = list_proposals (fixture->db, "道路硬化");
  g_assert_cmpuint (roads->len, >=, 1);
  g_assert_cmpint (yishi_proposal_get_households (roads->pdata[0]), ==, 82);
  g_assert_cmpint (yishi_proposal_get_people (roads->pdata[0]), ==, 294);
  g_assert_cmpstr (yishi_proposal_get_community (roads->pdata[0]), ==, "佳园社区");
}

static void
test_community_proposers (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) support = NULL;
  guint namesakes = 0;

  load_community (fixture->db);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);

  /* every proposal has its proposer from the directory, and no
   * proposer was added as a stranger beside the residents */
  for (guint i = 0; i < proposals->len; i++)
    g_assert_cmpint (yishi_proposal_get_proposer_id (proposals->pdata[i]), >, 0);
  for (guint i = 0; i < people->len; i++)
    {
      YishiPerson *person = people->pdata[i];

      g_assert_true (g_str_has_prefix (yishi_person_get_phone (person), "1380000"));
      g_assert_cmpuint (strlen (yishi_person_get_phone (person)), ==, 11);
      if (g_str_equal (yishi_person_get_name (person), "张秀英"))
        {
          namesakes++;
          g_assert_cmpuint (yishi_person_get_n_proposals (person), ==, 1);
        }
    }
  g_assert_cmpuint (namesakes, ==, 2);

  support = list_proposals (fixture->db, "社区老友支持计划");
  g_assert_cmpuint (support->len, ==, 1);
  g_assert_cmpint (yishi_proposal_get_category (support->pdata[0]), ==,
                   YISHI_CATEGORY_ELDERLY_DISABLED);
}

static void
assert_counts (YishiDatabase *db,
               guint          n_people,
               guint          n_proposals)
{
  g_autoptr(GPtrArray) people = list_people (db);
  g_autoptr(GPtrArray) proposals = list_proposals (db, NULL);

  g_assert_cmpuint (people->len, ==, n_people);
  g_assert_cmpuint (proposals->len, ==, n_proposals);
}

static void
test_community_twice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;

  load_community (fixture->db);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);

  g_assert_false (yishi_sample_load_community (fixture->db, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  assert_counts (fixture->db, people->len, proposals->len);
  g_clear_error (&error);

  g_assert_false (yishi_sample_generate (fixture->db, 10, 1, NULL, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  assert_counts (fixture->db, people->len, proposals->len);
}

static void
test_community_not_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  /* one resident is enough to refuse: nothing is added beside them */
  draft->name = g_strdup ("李四");
  person = yishi_person_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);

  g_assert_false (yishi_sample_load_community (fixture->db, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  assert_counts (fixture->db, 1, 0);
}

static void
generate (YishiDatabase *db,
          guint          n,
          guint32        seed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_sample_generate (db, n, seed, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* What a generated proposal says, without its UUID and timestamps. */
static char *
describe (YishiProposal *proposal)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%d|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%s|%s",
                          yishi_proposal_get_title (proposal),
                          yishi_proposal_get_summary (proposal),
                          yishi_proposal_get_body (proposal),
                          yishi_proposal_get_proposer_name (proposal),
                          yishi_proposal_get_community (proposal),
                          yishi_proposal_get_location (proposal),
                          yishi_proposal_get_category (proposal),
                          yishi_proposal_get_status (proposal),
                          yishi_proposal_get_cost_fen (proposal),
                          yishi_proposal_get_households (proposal),
                          yishi_proposal_get_people (proposal),
                          yishi_proposal_get_submitted_on (proposal),
                          yishi_proposal_get_status_reason (proposal));
}

static gboolean
same_proposals (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *text_a = describe (a->pdata[i]);
      g_autofree char *text_b = describe (b->pdata[i]);

      if (!g_str_equal (text_a, text_b))
        return FALSE;
    }

  return TRUE;
}

static void
test_generate_deterministic (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(YishiTestDir) other_dir = yishi_test_dir_new ();
  g_autoptr(YishiTestDir) third_dir = yishi_test_dir_new ();
  g_autoptr(YishiDatabase) other = yishi_test_open_db (other_dir);
  g_autoptr(YishiDatabase) third = yishi_test_open_db (third_dir);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;

  generate (fixture->db, 300, 7);
  generate (other, 300, 7);
  generate (third, 300, 8);
  a = list_proposals (fixture->db, NULL);
  b = list_proposals (other, NULL);
  c = list_proposals (third, NULL);

  g_assert_cmpuint (a->len, ==, 300);
  g_assert_true (same_proposals (a, b));
  g_assert_false (same_proposals (a, c));
}

static void
test_generate_shape (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) roads = NULL;

  generate (fixture->db, 900, 42);
  people = list_people (fixture->db);
  proposals = list_proposals (fixture->db, NULL);

  g_assert_cmpuint (people->len, ==, 300);
  g_assert_cmpuint (proposals->len, ==, 900);
  assert_all_kinds (proposals);

  for (guint i = 0; i < proposals->len; i++)
    {
      YishiProposal *proposal = proposals->pdata[i];
      glong summary = g_utf8_strlen (yishi_proposal_get_summary (proposal), -1);
      glong body = g_utf8_strlen (yishi_proposal_get_body (proposal), -1);

      g_assert_cmpint (summary, >=, 30);
      g_assert_cmpint (summary, <=, 60);
      g_assert_cmpint (body, >=, 80);
      g_assert_cmpint (body, <=, 200);
      g_assert_cmpint (yishi_proposal_get_proposer_id (proposal), >, 0);
      /* a draft was never submitted; everything else was, in 2026 */
      if (yishi_proposal_get_status (proposal) == YISHI_PROPOSAL_STATUS_DRAFT)
        g_assert_cmpstr (yishi_proposal_get_submitted_on (proposal), ==, "");
      else
        g_assert_true (g_str_has_prefix (yishi_proposal_get_submitted_on (proposal), "2026-"));
    }

  roads = list_proposals (fixture->db, "道路");
  g_assert_cmpuint (roads->len, >, 0);
}

static void
progressed_cb (guint    done,
               guint    total,
               gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, >, *last);
  g_assert_cmpuint (done, <=, total);
  *last = done;
}

static void
test_generate_progress (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint last = 0;

  /* people and proposals are one count: 2,500 + 833 records */
  g_assert_true (yishi_sample_generate (fixture->db, 2500, 3, progressed_cb, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 2500 + 2500 / 3);
}

static YishiProposalDraft *
proposal_by (const char *title,
             const char *proposer,
             const char *phone)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();

  draft->title = g_strdup (title);
  draft->proposer_name = g_strdup (proposer);
  draft->proposer_phone = g_strdup (phone);
  return draft;
}

/* The batch the sample is loaded with keeps all records or none. */
static void
test_batch_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_person_draft_free);
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_proposal_draft_free);
  g_autoptr(GError) error = NULL;
  YishiPersonDraft *person;
  YishiProposalDraft *bad;

  for (guint i = 0; i < 2; i++)
    {
      person = yishi_person_draft_new ();
      person->name = g_strdup ("王芳");
      person->phone = g_strdup_printf ("1380000000%u", i);
      g_ptr_array_add (people, person);
    }
  g_ptr_array_add (proposals, proposal_by ("篮球场翻新", "王芳", "13800000001"));
  /* screened out without a reason: refused, and the batch with it */
  bad = proposal_by ("楼道灯更换", "王芳", "13800000000");
  bad->status = YISHI_PROPOSAL_STATUS_SCREENED_OUT;
  g_ptr_array_add (proposals, bad);

  g_assert_false (yishi_person_store_add_many (fixture->db, people, proposals,
                                               YISHI_ADD_MANY_INTO_EMPTY, NULL, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "Proposal 2: "));
  assert_counts (fixture->db, 0, 0);
  g_clear_error (&error);

  /* without the bad one, the namesakes are told apart by phone */
  g_ptr_array_remove_index (proposals, 1);
  g_assert_true (yishi_person_store_add_many (fixture->db, people, proposals,
                                              YISHI_ADD_MANY_INTO_EMPTY, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_counts (fixture->db, 2, 1);
  {
    g_autoptr(GPtrArray) stored = list_people (fixture->db);

    g_assert_cmpuint (yishi_person_get_n_proposals (stored->pdata[0]), ==, 0);
    g_assert_cmpuint (yishi_person_get_n_proposals (stored->pdata[1]), ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sample/community/contents", test_community_contents);
  ADD ("/sample/community/proposers", test_community_proposers);
  ADD ("/sample/community/twice", test_community_twice);
  ADD ("/sample/community/not-empty", test_community_not_empty);
  ADD ("/sample/generate/deterministic", test_generate_deterministic);
  ADD ("/sample/generate/shape", test_generate_shape);
  ADD ("/sample/generate/progress", test_generate_progress);
  ADD ("/sample/batch/all-or-nothing", test_batch_all_or_nothing);

#undef ADD

  return g_test_run ();
}
