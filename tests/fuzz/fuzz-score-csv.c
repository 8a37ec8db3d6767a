#include "config.h"

#include "yishi-contest-store.h"
#include "yishi-fuzz.h"
#include "yishi-proposal-store.h"
#include "yishi-score-import.h"
#include "yishi-test-util.h"

/* A score sheet CSV as the scoring page and `yishictl contest import`
 * read it, against a contest in judging made once per process: judges
 * 王芳, 李建国 and 张秀英 (recused from her own 3号楼道路硬化), two judges
 * both called 刘洋, three entries (coded a1a1a1a1, b2b2b2b2 and c3c3c3c3;
 * two by 赵志强, who does not judge), and the criteria 必要性 (30, step
 * 0.5) and 可行性 (25). The scores an input stores are cleared again, so
 * each input meets the same contest. */

static YishiDatabase *db;
static gint64 contest_id;

static gint64
add_proposal (const char *title,
              const char *uuid,
              gint64      proposer_id)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(YishiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  draft->title = g_strdup (title);
  draft->uuid = g_strdup (uuid);
  draft->proposer_id = proposer_id;
  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
  proposal = yishi_proposal_store_add (db, draft, &error);
  g_assert_no_error (error);
  return yishi_proposal_get_id (proposal);
}

static void
set_up_contest (void)
{
  static const char * const names[] = { "王芳", "李建国", "张秀英", "赵志强", "刘洋", "刘洋" };
  static const char * const titles[] = { "3号楼道路硬化", "加装电梯", "楼道照明更换LED灯" };
  /* UUIDs of their own, so the entries' codes are the same in every run */
  static const char * const uuids[] = {
    "0a1b2c3d-0000-7000-8000-0000a1a1a1a1",
    "1b2c3d4e-0000-7000-8000-0000b2b2b2b2",
    "2c3d4e5f-0000-7000-8000-0000c3c3c3c3",
  };
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autofree char *path = yishi_fuzz_path ("contest.db");
  g_autoptr(GError) error = NULL;
  gint64 people[G_N_ELEMENTS (names)];

  db = yishi_fuzz_empty_db (path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    people[i] = yishi_test_add_person (db, names[i]);
  draft->name = g_strdup ("2024年幸福里社区提案大赛");
  draft->budget_fen = 20000000;
  contest_id = yishi_contest_store_add (db, draft, &error);
  g_assert_no_error (error);
  yishi_contest_store_add_criterion (db, contest_id, "必要性", NULL, 3000, 50, &error);
  g_assert_no_error (error);
  yishi_contest_store_add_criterion (db, contest_id, "可行性", NULL, 2500, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (names[i], "赵志强"))
        continue;
      yishi_contest_store_add_judge (db, contest_id, people[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      /* 张秀英 proposed the first entry, so she is recused from it */
      gint64 proposal_id = add_proposal (titles[i], uuids[i], people[i == 0 ? 2 : 3]);

      yishi_contest_store_enter (db, contest_id, proposal_id, &error);
      g_assert_no_error (error);
    }
  yishi_contest_store_set_state (db, contest_id, YISHI_CONTEST_STATE_JUDGING, &error);
  g_assert_no_error (error);
}

static void
clear_scores (guint n_imported)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GError) error = NULL;

  scores = yishi_contest_store_read_scores (db, contest_id, &error);
  g_assert_no_error (error);
  /* the import refuses two scores for one cell, so none replaced another */
  g_assert_cmpuint (scores->len, ==, n_imported);
  for (guint i = 0; i < scores->len; i++)
    {
      const YishiContestScoreRow *row = &g_array_index (scores, YishiContestScoreRow, i);

      yishi_contest_store_clear_score (db, contest_id, row->judge_id, row->proposal_id,
                                       row->criterion_id, &error);
      g_assert_no_error (error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *csv_path;
  g_autoptr(GError) error = NULL;
  guint n;

  if (db == NULL)
    {
      set_up_contest ();
      csv_path = yishi_fuzz_path ("scores.csv");
    }
  yishi_fuzz_write (csv_path, data, size);

  n = yishi_score_import_file (db, contest_id, csv_path, YISHI_ENCODING_AUTO, &error);
  g_assert ((n > 0) == (error == NULL));
  if (n > 0)
    clear_scores (n);
  return 0;
}
