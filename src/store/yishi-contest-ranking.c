#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"

/* A contest's ranking, from the file: the contest's aggregation and
 * seed, its criteria, its entries and every score, read in one
 * transaction so that they agree, then handed to the pure rules of
 * yishi-contest-rank.c. The scores are streamed once, in the order of
 * their table's key (proposal, judge, criterion): a judge's total and a
 * proposal's criterion sums are added up as the rows go by, with no sort
 * and no copy of the rows. */

typedef struct
{
  YishiContestAggregation aggregation;
  guint64                 seed;
  GArray                 *criteria; /* gint64 criterion ids, by position */
  GArray                 *maxima;   /* gint64 hundredths, by position */
  GArray                 *entries;  /* gint64 proposal ids, ascending; index = the sheet's */
} RankInput;

static void
rank_input_clear (RankInput *input)
{
  g_clear_pointer (&input->criteria, g_array_unref);
  g_clear_pointer (&input->maxima, g_array_unref);
  g_clear_pointer (&input->entries, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RankInput, rank_input_clear)

/* What one pass over the scores has gathered for the current proposal. */
typedef struct
{
  YishiContestSheet *sheet;
  guint              proposal;   /* the sheet's index of the current proposal */
  gint64             judge;      /* the current judge; 0 before the first */
  gint64             total;      /* the current judge's points so far */
  gint64            *sums;       /* per criterion, for the current proposal */
  guint              n_criteria;
} ScoreWalk;

static gboolean
set_corrupt (gint64    contest_id,
             GError  **error)
{
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               /* Translators: the number is a contest's id */
               _("Contest %" PRId64 " has a score for a proposal or criterion it does not have."),
               contest_id);
  return FALSE;
}

static gboolean
read_contest (YishiDatabase  *db,
              gint64          contest_id,
              RankInput      *input,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT aggregation, lots_seed FROM contest WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  /* Translators: the thing in “There is no %s with id %d.”: a proposal contest (提案大赛) */
  if (!_yishi_meeting_step_row (db, stmt, _("contest"), contest_id, error))
    return FALSE;
  input->seed = (guint64) sqlite3_column_int64 (stmt, 1);
  if (yishi_contest_aggregation_from_key (_yishi_column_text (stmt, 0), &input->aggregation))
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               _("Contest %" PRId64 " has a setting this Yishi does not know."), contest_id);
  return FALSE;
}

static gboolean
read_criteria (YishiDatabase  *db,
               gint64          contest_id,
               RankInput      *input,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT id, max_points FROM contest_criterion WHERE contest_id = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 max_points = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (input->criteria, id);
      g_array_append_val (input->maxima, max_points);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), FALSE;
  return TRUE;
}

/* A proposal without a cost asks for nothing: it counts as 0 fen. */
static gboolean
read_entries (YishiDatabase      *db,
              gint64              contest_id,
              RankInput          *input,
              YishiContestSheet  *sheet,
              GError            **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT e.proposal_id, coalesce(p.cost_fen, 0) FROM contest_entry e"
      " JOIN proposal p ON p.id = e.proposal_id WHERE e.contest_id = ?1 ORDER BY e.proposal_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (input->entries, id);
      yishi_contest_sheet_add_proposal (sheet, id, sqlite3_column_int64 (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), FALSE;
  return TRUE;
}

/* The current judge's total goes on the sheet. */
static void
walk_flush_judge (ScoreWalk *walk)
{
  if (walk->judge == 0)
    return;
  yishi_contest_sheet_add_total (walk->sheet, walk->proposal, walk->judge, walk->total);
  walk->judge = 0;
  walk->total = 0;
}

/* The current proposal's criterion sums go on the sheet. */
static void
walk_flush_proposal (ScoreWalk *walk)
{
  walk_flush_judge (walk);
  for (guint c = 0; c < walk->n_criteria; c++)
    {
      if (walk->sums[c] != 0)
        yishi_contest_sheet_set_criterion_sum (walk->sheet, walk->proposal, c, walk->sums[c]);
      walk->sums[c] = 0;
    }
}

/* The criteria are few (a handful): a scan beats a hash table. */
static gboolean
find_criterion (const RankInput *input,
                gint64           criterion_id,
                guint           *out_index)
{
  for (guint c = 0; c < input->criteria->len; c++)
    if (g_array_index (input->criteria, gint64, c) == criterion_id)
      return *out_index = c, TRUE;
  return FALSE;
}

/* Both the scores and the entries come by proposal id: the entry of a
 * score is the current one or a later one. */
static gboolean
walk_to_proposal (ScoreWalk        *walk,
                  const RankInput  *input,
                  gint64            proposal_id)
{
  const gint64 *entries = (const gint64 *) (gpointer) input->entries->data;
  guint index = walk->proposal;

  if (entries[index] == proposal_id)
    return TRUE;
  while (index < input->entries->len && entries[index] < proposal_id)
    index++;
  if (index == input->entries->len || entries[index] != proposal_id)
    return FALSE;
  walk_flush_proposal (walk);
  walk->proposal = index;
  return TRUE;
}

static gboolean
read_scores (YishiDatabase      *db,
             gint64              contest_id,
             const RankInput    *input,
             YishiContestSheet  *sheet,
             GError            **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree gint64 *sums = g_new0 (gint64, MAX (input->criteria->len, 1));
  ScoreWalk walk = { sheet, 0, 0, 0, sums, input->criteria->len };
  int rc;

  /* no entry, no score (the scores' foreign key) */
  if (input->entries->len == 0)
    return TRUE;
  /* the order of the table's key: one range, no sort */
  stmt = _yishi_database_prepare (db,
      "SELECT proposal_id, person_id, criterion_id, points FROM contest_score WHERE contest_id = ?1"
      " ORDER BY proposal_id, person_id, criterion_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contest_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 judge = sqlite3_column_int64 (stmt, 1);
      gint64 points = sqlite3_column_int64 (stmt, 3);
      guint criterion = 0;

      if (!walk_to_proposal (&walk, input, sqlite3_column_int64 (stmt, 0)) ||
          !find_criterion (input, sqlite3_column_int64 (stmt, 2), &criterion))
        return set_corrupt (contest_id, error);
      if (judge != walk.judge)
        {
          walk_flush_judge (&walk);
          walk.judge = judge;
        }
      walk.total += points;
      walk.sums[criterion] += points;
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), FALSE;
  walk_flush_proposal (&walk);
  return TRUE;
}

static gboolean
read_sheet (YishiDatabase       *db,
            gint64               contest_id,
            RankInput           *input,
            YishiContestSheet  **out_sheet,
            GError             **error)
{
  g_autoptr(YishiContestSheet) sheet = NULL;

  if (!read_contest (db, contest_id, input, error) ||
      !read_criteria (db, contest_id, input, error))
    return FALSE;
  sheet = yishi_contest_sheet_new ((const gint64 *) (gpointer) input->maxima->data, input->maxima->len);
  if (!read_entries (db, contest_id, input, sheet, error) ||
      !read_scores (db, contest_id, input, sheet, error))
    return FALSE;
  *out_sheet = g_steal_pointer (&sheet);
  return TRUE;
}

/* Inside the caller's transaction. */
YishiContestRanking *
_yishi_contest_rank_locked (YishiDatabase  *db,
                            gint64          contest_id,
                            GError        **error)
{
  g_autoptr(YishiContestSheet) sheet = NULL;
  g_auto(RankInput) input = { 0 };
  YishiContestRanking *ranking;

  input.criteria = g_array_new (FALSE, FALSE, sizeof (gint64));
  input.maxima = g_array_new (FALSE, FALSE, sizeof (gint64));
  input.entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!read_sheet (db, contest_id, &input, &sheet, error))
    return NULL;

  ranking = yishi_contest_rank (sheet, input.aggregation, input.seed, error);
  if (ranking == NULL)
    /* Translators: the number is a contest's id; what follows says what is wrong with its scores */
    g_prefix_error (error, _("Contest %" PRId64 " cannot be ranked: "), contest_id);
  return ranking;
}

/* The contest ranked by its own aggregation and seed, from the scores
 * as they are now; NULL with @error when the contest does not exist or
 * its scores cannot be ranked. Free with yishi_contest_ranking_free (). */
YishiContestRanking *
yishi_contest_store_rank (YishiDatabase  *db,
                          gint64          contest_id,
                          GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiContestRanking) ranking = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  /* one transaction: the scores, the entries and the criteria agree */
  if (!_yishi_database_begin (db, error))
    return NULL;
  ranking = _yishi_contest_rank_locked (db, contest_id, error);
  if (!_yishi_database_finish (db, ranking != NULL, error))
    return NULL;
  return g_steal_pointer (&ranking);
}
