#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "yishi-contest-roster.h"
#include "yishi-doc-private.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-score-sheets.h"
#include "yishi-test-util.h"
#include "yishi-test-text.h"

/* Blank score sheets of a small contest: three judges, four proposals,
 * two criteria; 孙丽 proposed the benches and is recused from them. The
 * program stays in the C locale, so the texts are the msgids. */

#define CONTEST "2026年幸福里社区微更新提案大赛"

enum { WANG, ZHAO, SUN, ZHANG, CHEN, N_PEOPLE };

static const char *const names[N_PEOPLE] = { "王芳", "赵志强", "孙丽", "张秀英", "陈小明" };

static const struct
{
  const char *title;
  guint       proposer;
} ideas[] = {
  { "3号楼道路硬化", ZHANG },
  { "加装电梯", CHEN },
  { "楼道照明更换LED灯", ZHANG },
  { "小区增设休息座椅", SUN },
};

typedef struct
{
  YishiTestDir    *dir;
  YishiDatabase   *db;
  gint64           contest;
  YishiContestRow *row;
  GPtrArray       *criteria;
  GPtrArray       *judges;
  GPtrArray       *entries;
  GPtrArray       *recusals;
} Fixture;

static gint64
add_person (Fixture *fixture,
            guint    index)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (names[index]);
  person = yishi_person_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  return yishi_person_get_id (person);
}

static gint64
add_proposal (Fixture *fixture,
              guint    index,
              gint64   proposer_id)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (ideas[index].title);
  draft->proposer_id = proposer_id;
  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
  proposal = yishi_proposal_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

static void
add_contest (Fixture      *fixture,
             const gint64 *people)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (CONTEST);
  draft->organiser = g_strdup ("幸福里社区居委会");
  draft->budget_fen = 20000000;
  fixture->contest = yishi_contest_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  yishi_contest_store_add_criterion (fixture->db, fixture->contest, "必要性", NULL, 6000, 0, &error);
  g_assert_no_error (error);
  yishi_contest_store_add_criterion (fixture->db, fixture->contest, "可行性", NULL, 4000, 0, &error);
  g_assert_no_error (error);
  for (guint i = WANG; i <= SUN; i++)
    {
      yishi_contest_store_add_judge (fixture->db, fixture->contest, people[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ideas); i++)
    {
      yishi_contest_store_enter (fixture->db, fixture->contest,
                                 add_proposal (fixture, i, people[ideas[i].proposer]), &error);
      g_assert_no_error (error);
    }
}

static void
read_contest (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->row = yishi_contest_store_get (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  fixture->criteria = yishi_contest_store_list_criteria (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  fixture->judges = yishi_contest_store_list_judges (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  fixture->entries = yishi_contest_store_list_entries (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  fixture->recusals = yishi_contest_store_list_recusals (fixture->db, fixture->contest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->judges->len, ==, 3);
  g_assert_cmpuint (fixture->entries->len, ==, 4);
  g_assert_cmpuint (fixture->recusals->len, ==, 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 people[N_PEOPLE];

  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  for (guint i = 0; i < N_PEOPLE; i++)
    people[i] = add_person (fixture, i);
  add_contest (fixture, people);
  read_contest (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->row, yishi_contest_row_free);
  g_clear_pointer (&fixture->criteria, g_ptr_array_unref);
  g_clear_pointer (&fixture->judges, g_ptr_array_unref);
  g_clear_pointer (&fixture->entries, g_ptr_array_unref);
  g_clear_pointer (&fixture->recusals, g_ptr_array_unref);
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    n++;
  return n;
}

/* One page a judge, each with the judge's name and person id, every
 * proposal by its id, the criteria with their maxima, and “Recused”
 * only on the sheet of the judge who is. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (fixture->dir, "评分表.pdf");
  g_autofree char *pages = NULL;
  const YishiContestRecusalRow *recusal = g_ptr_array_index (fixture->recusals, 0);

  g_assert_true (yishi_score_sheets_write_pdf (fixture->row, fixture->criteria, fixture->judges,
                                               fixture->entries, fixture->recusals, path, &error));
  g_assert_no_error (error);
  pages = yishi_test_pdf_info (path, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, fixture->judges->len);

  for (guint i = 0; i < fixture->judges->len; i++)
    {
      const YishiContestJudgeRow *judge = g_ptr_array_index (fixture->judges, i);
      g_autofree char *text = yishi_test_pdf_text (path, i + 1);
      g_autofree char *subtitle = g_strdup_printf ("Judge: %s (No. %" G_GINT64_FORMAT ")", judge->name,
                                                   judge->person_id);

      yishi_test_assert_says (text, "Score sheet: " CONTEST);
      yishi_test_assert_says (text, subtitle);
      yishi_test_assert_says (text, "in steps of 0.5 points");
      yishi_test_assert_says (text, "必要性 (60 points)");
      yishi_test_assert_says (text, "可行性 (40 points)");
      yishi_test_assert_says (text, "Total");
      yishi_test_assert_says (text, "Judge’s signature:");
      yishi_test_assert_says (text, "Date:");
      for (guint e = 0; e < fixture->entries->len; e++)
        {
          const YishiContestEntryRow *entry = g_ptr_array_index (fixture->entries, e);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->proposal_id);

          yishi_test_assert_says (text, entry->title);
          yishi_test_assert_says (text, id);
        }
      /* once in the instructions, then in each score cell of the row */
      g_assert_cmpuint (count (text, "Recused"), ==, judge->person_id == recusal->judge_id ? 4 : 1);
    }
}

static guint
count_blocks (const YishiDoc    *doc,
              YishiDocBlockKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < _yishi_doc_get_n_blocks (doc); i++)
    n += _yishi_doc_get_block (doc, i)->kind == kind;
  return n;
}

/* The recused row is still there, with “Recused” in every score cell
 * and the total, so that the rows line up with the other sheets'. */
static void
test_recused_row (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(YishiDoc) doc = yishi_score_sheets_build (fixture->row, fixture->criteria, fixture->judges,
                                                      fixture->entries, fixture->recusals);
  const YishiContestRecusalRow *recusal = g_ptr_array_index (fixture->recusals, 0);
  g_autofree char *recused_id = g_strdup_printf ("%" G_GINT64_FORMAT, recusal->proposal_id);
  guint n_recused = 0;

  g_assert_cmpuint (count_blocks (doc, YISHI_DOC_BLOCK_TABLE), ==, 3);
  g_assert_cmpuint (count_blocks (doc, YISHI_DOC_BLOCK_PAGE_BREAK), ==, 2);
  g_assert_cmpuint (count_blocks (doc, YISHI_DOC_BLOCK_SIGNATURES), ==, 3);
  for (guint i = 0; i < _yishi_doc_get_n_blocks (doc); i++)
    {
      const YishiDocBlock *block = _yishi_doc_get_block (doc, i);

      if (block->kind != YISHI_DOC_BLOCK_TABLE)
        continue;
      /* 编号, 提案, two criteria, 合计; the head and a row an entry */
      g_assert_cmpuint (block->table->n_columns, ==, 5);
      g_assert_cmpuint (block->table->rows->len, ==, 1 + fixture->entries->len);
      for (guint r = 1; r < block->table->rows->len; r++)
        {
          const YishiDocRow *row = g_ptr_array_index (block->table->rows, r);

          if (g_str_equal (row->cells[2], "Recused"))
            {
              n_recused++;
              g_assert_cmpstr (row->cells[0], ==, recused_id);
              g_assert_cmpstr (row->cells[3], ==, "Recused");
              g_assert_cmpstr (row->cells[4], ==, "Recused");
            }
          else
            {
              g_assert_cmpstr (row->cells[2], ==, "");
              g_assert_cmpstr (row->cells[4], ==, "");
            }
        }
    }
  g_assert_cmpuint (n_recused, ==, 1);
}

/* Criteria with different steps each state their own. */
static void
test_steps_differ (Fixture       *fixture,
                   gconstpointer  data)
{
  YishiContestCriterionRow *second = g_ptr_array_index (fixture->criteria, 1);
  g_autoptr(YishiDoc) doc = NULL;
  const YishiDocBlock *instructions;

  second->step = 100;
  doc = yishi_score_sheets_build (fixture->row, fixture->criteria, fixture->judges, fixture->entries, NULL);
  instructions = _yishi_doc_get_block (doc, 2);
  g_assert_cmpint (instructions->kind, ==, YISHI_DOC_BLOCK_PARAGRAPH);
  g_assert_nonnull (strstr (instructions->text, "必要性 0.5, 可行性 1"));
}

#define ADD(path, func) \
  g_test_add ("/score-sheets/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("pdf", test_pdf);
  ADD ("recused-row", test_recused_row);
  ADD ("steps-differ", test_steps_differ);

  return g_test_run ();
}
