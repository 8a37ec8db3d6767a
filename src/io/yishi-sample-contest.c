#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-contest-results.h"
#include "yishi-error.h"
#include "yishi-meeting-text.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-sample-contest-private.h"
#include "yishi-sample-private.h"

/* The sample's proposal contests go in through the contest store one
 * action at a time, on the database clock of the day each was taken,
 * as an organiser and the judges would enter them. What they enter is
 * in yishi-sample-contest-scores.c. */

/* The pace of judging, in seconds: a judge enters a score every 20 s. */
#define PACE_SCORE 20
/* the override is decided an hour before the results are published */
#define PACE_DECISION (60 * 60)

typedef struct
{
  YishiDatabase *db;
  GHashTable    *people;    /* person key → gint64 id */
  GHashTable    *proposals; /* title → YishiProposal, borrowed from @all */
  GPtrArray     *all;       /* YishiProposal */
  GHashTable    *recused;   /* "judge id:proposal id" of the contest being loaded */
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->people, g_hash_table_unref);
  g_clear_pointer (&loader->proposals, g_hash_table_unref);
  g_clear_pointer (&loader->all, g_ptr_array_unref);
  g_clear_pointer (&loader->recused, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* What is entered next happened at @timestamp, local time. */
static gboolean
set_clock (Loader      *loader,
           const char  *timestamp,
           gint64       later,
           GError     **error)
{
  g_autoptr(GDateTime) time = yishi_parse_timestamp (timestamp);

  if (time == NULL)
    return _yishi_sample_damaged (error, "contests", timestamp);

  yishi_database_set_clock (loader->db, g_date_time_to_unix (time) + later);
  return TRUE;
}

/* A store refused a step: its message says what, this says where. */
static gboolean
refused (GError              **error,
         const SampleContest  *contest)
{
  /* Translators: %s is the name of a proposal contest */
  g_prefix_error (error, _("In the built-in sample contest “%s”: "), contest->name);
  return FALSE;
}

/* The register as loaded, by name and phone: the sample has two
 * residents called 张秀英. */
static gboolean
map_people (Loader      *loader,
            GHashTable  *drafts,
            GError     **error)
{
  g_autoptr(GPtrArray) people = yishi_person_store_list (loader->db, error);
  GHashTableIter iter;
  gpointer key, value;

  if (people == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const YishiPersonDraft *draft = value;

      for (guint i = 0; i < people->len; i++)
        if (g_strcmp0 (yishi_person_get_name (people->pdata[i]), draft->name) == 0 &&
            g_strcmp0 (yishi_person_get_phone (people->pdata[i]), draft->phone) == 0)
          {
            gint64 id = yishi_person_get_id (people->pdata[i]);

            g_hash_table_insert (loader->people, g_strdup (key), g_memdup2 (&id, sizeof id));
          }
    }

  return TRUE;
}

static gboolean
map_proposals (Loader  *loader,
               GError **error)
{
  YishiProposalFilter all = { NULL };

  if ((loader->all = yishi_proposal_store_list (loader->db, &all, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < loader->all->len; i++)
    g_hash_table_insert (loader->proposals, (gpointer) yishi_proposal_get_title (loader->all->pdata[i]),
                         loader->all->pdata[i]);
  return TRUE;
}

static gboolean
person_id (Loader               *loader,
           const SampleContest  *contest,
           const char           *key,
           gint64               *out_id,
           GError              **error)
{
  gint64 *id = g_hash_table_lookup (loader->people, key);

  if (id == NULL)
    return _yishi_sample_damaged (error, contest->name, key);
  *out_id = *id;
  return TRUE;
}

static gboolean
proposal_id (Loader               *loader,
             const SampleContest  *contest,
             const char           *title,
             gint64               *out_id,
             GError              **error)
{
  YishiProposal *proposal = g_hash_table_lookup (loader->proposals, title);

  if (proposal == NULL)
    return _yishi_sample_damaged (error, contest->name, title);
  *out_id = yishi_proposal_get_id (proposal);
  return TRUE;
}

static gint64
add_contest (Loader               *loader,
             const SampleContest  *contest,
             GError              **error)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();

  draft->name = g_strdup (contest->name);
  draft->organiser = g_strdup (contest->organiser);
  draft->scope = YISHI_CONTEST_SCOPE_COMMUNITY;
  draft->budget_fen = contest->budget_yuan * 100;
  draft->opens_on = g_strdup (contest->opens_on);
  draft->closes_on = g_strdup (contest->closes_on);
  draft->aggregation = contest->aggregation;
  draft->funding = contest->funding;
  draft->top_n = contest->top_n;
  draft->recuse_same_grid = contest->recuse_same_grid;
  draft->lots_seed = contest->lots_seed;
  draft->objection_days = YISHI_CONTEST_DEFAULT_OBJECTION_DAYS;

  return yishi_contest_store_add (loader->db, draft, error);
}

/* The contest as set up before proposals came in. */
static gint64
set_up (Loader               *loader,
        const SampleContest  *contest,
        GError              **error)
{
  gint64 contest_id, judge_id = 0;

  if (!set_clock (loader, contest->created_at, 0, error) ||
      (contest_id = add_contest (loader, contest, error)) == 0)
    return 0;

  for (guint i = 0; i < contest->n_criteria; i++)
    if (yishi_contest_store_add_criterion (loader->db, contest_id, contest->criteria[i].name,
                                           contest->criteria[i].description,
                                           contest->criteria[i].max_points, 0, error) == 0)
      return 0;

  for (guint i = 0; i < contest->n_judges; i++)
    if (!person_id (loader, contest, contest->judges[i].person, &judge_id, error) ||
        yishi_contest_store_add_judge (loader->db, contest_id, judge_id, error) == 0)
      return 0;

  return contest_id;
}

/* Screening takes a submitted proposal in first. */
static gboolean
enter (Loader               *loader,
       const SampleContest  *contest,
       gint64                contest_id,
       const char           *title,
       GError              **error)
{
  YishiProposal *proposal = g_hash_table_lookup (loader->proposals, title);
  g_autoptr(YishiProposal) screened = NULL;

  if (proposal == NULL)
    return _yishi_sample_damaged (error, contest->name, title);
  if (yishi_proposal_get_status (proposal) == YISHI_PROPOSAL_STATUS_SUBMITTED &&
      (screened = yishi_proposal_store_set_status (loader->db, yishi_proposal_get_id (proposal),
                                                   YISHI_PROPOSAL_STATUS_SCREENED_IN, NULL, error)) == NULL)
    return FALSE;

  return yishi_contest_store_enter (loader->db, contest_id, yishi_proposal_get_id (proposal), error) != 0;
}

static gboolean
declare_recusal (Loader               *loader,
                 const SampleContest  *contest,
                 gint64                contest_id,
                 const SampleRecusal  *recusal,
                 GError              **error)
{
  gint64 judge_id = 0, entry_id = 0;

  return person_id (loader, contest, recusal->judge, &judge_id, error) &&
         proposal_id (loader, contest, recusal->title, &entry_id, error) &&
         yishi_contest_store_recuse (loader->db, contest_id, judge_id, entry_id,
                                     recusal->reason, recusal->note, error) != 0;
}

/* Every recusal, declared or automatic, so scoring skips them. */
static gboolean
note_recusals (Loader  *loader,
               gint64   contest_id,
               GError **error)
{
  g_autoptr(GPtrArray) recusals = yishi_contest_store_list_recusals (loader->db, contest_id, error);

  if (recusals == NULL)
    return FALSE;

  g_hash_table_remove_all (loader->recused);
  for (guint i = 0; i < recusals->len; i++)
    {
      const YishiContestRecusalRow *row = recusals->pdata[i];

      g_hash_table_add (loader->recused, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                          row->judge_id, row->proposal_id));
    }
  return TRUE;
}

static gboolean
enter_all (Loader               *loader,
           const SampleContest  *contest,
           gint64                contest_id,
           GError              **error)
{
  if (!set_clock (loader, contest->entered_at, 0, error))
    return FALSE;

  for (guint i = 0; i < contest->n_entries; i++)
    if (!enter (loader, contest, contest_id, contest->entries[i].title, error))
      return FALSE;
  for (guint i = 0; i < contest->n_recusals; i++)
    if (!declare_recusal (loader, contest, contest_id, &contest->recusals[i], error))
      return FALSE;

  return note_recusals (loader, contest_id, error);
}

static gboolean
score_entry (Loader               *loader,
             const SampleContest  *contest,
             gint64                contest_id,
             GPtrArray            *criteria,
             guint                 judge,
             guint                 entry,
             gint64               *clock,
             GError              **error)
{
  g_autofree char *pair = NULL;
  gint64 judge_id = 0, entry_id = 0;

  if (!person_id (loader, contest, contest->judges[judge].person, &judge_id, error) ||
      !proposal_id (loader, contest, contest->entries[entry].title, &entry_id, error))
    return FALSE;

  pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, judge_id, entry_id);
  if (g_hash_table_contains (loader->recused, pair))
    return TRUE;

  for (guint c = 0; c < criteria->len; c++)
    {
      const YishiContestCriterionRow *row = criteria->pdata[c];

      *clock += PACE_SCORE;
      if (!set_clock (loader, contest->judges[judge].scores_at, *clock, error) ||
          !yishi_contest_store_set_score (loader->db, contest_id, judge_id, entry_id, row->id,
                                          _yishi_sample_contest_points (contest, judge, entry, c), error))
        return FALSE;
    }
  return TRUE;
}

/* Each judge in one sitting, the entries in table order. */
static gboolean
score_all (Loader               *loader,
           const SampleContest  *contest,
           gint64                contest_id,
           GError              **error)
{
  g_autoptr(GPtrArray) criteria = yishi_contest_store_list_criteria (loader->db, contest_id, error);

  if (criteria == NULL ||
      !set_clock (loader, contest->judging_at, 0, error) ||
      !yishi_contest_store_set_state (loader->db, contest_id, YISHI_CONTEST_STATE_JUDGING, error))
    return FALSE;

  for (guint j = 0; j < contest->n_judges; j++)
    {
      guint n_entries = MIN (contest->judges[j].n_entries, contest->n_entries);
      gint64 clock = 0;

      for (guint e = 0; e < n_entries; e++)
        if (!score_entry (loader, contest, contest_id, criteria, j, e, &clock, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
publish (Loader               *loader,
         const SampleContest  *contest,
         gint64                contest_id,
         GError              **error)
{
  gint64 entry_id = 0;

  if (contest->published_at == NULL)
    return TRUE;

  if (contest->override_title != NULL &&
      (!proposal_id (loader, contest, contest->override_title, &entry_id, error) ||
       !set_clock (loader, contest->published_at, -PACE_DECISION, error) ||
       !yishi_contest_store_set_override (loader->db, contest_id, entry_id, TRUE,
                                          contest->override_reason, error)))
    return FALSE;

  return set_clock (loader, contest->published_at, 0, error) &&
         yishi_contest_store_publish (loader->db, contest_id, error);
}

static gboolean
load_contest (Loader               *loader,
              const SampleContest  *contest,
              GError              **error)
{
  gint64 contest_id = set_up (loader, contest, error);

  if (contest_id == 0 ||
      !enter_all (loader, contest, contest_id, error) ||
      !score_all (loader, contest, contest_id, error) ||
      !publish (loader, contest, contest_id, error))
    return refused (error, contest);
  return TRUE;
}

gboolean
_yishi_sample_contest_check_names (YishiDatabase  *db,
                                   GError        **error)
{
  g_autoptr(GPtrArray) taken = yishi_contest_store_list (db, error);

  if (taken == NULL)
    return FALSE;

  for (guint i = 0; i < taken->len; i++)
    for (guint j = 0; j < _yishi_sample_n_contests; j++)
      if (g_str_equal (((YishiContestRow *) taken->pdata[i])->name, _yishi_sample_contests[j].name))
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: %s is a proposal contest's name */
                       _("There is already a contest called “%s”."), _yishi_sample_contests[j].name);
          return FALSE;
        }
  return TRUE;
}

gboolean
_yishi_sample_contest_load (YishiDatabase  *db,
                            GHashTable     *people,
                            GError        **error)
{
  g_auto(Loader) loader = {
    db, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new (g_str_hash, g_str_equal), NULL,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  gboolean loaded = map_people (&loader, people, error) && map_proposals (&loader, error);

  for (guint i = 0; loaded && i < _yishi_sample_n_contests; i++)
    loaded = load_contest (&loader, &_yishi_sample_contests[i], error);

  /* afterwards, and when it fails halfway, the real clock again */
  yishi_database_set_clock (db, 0);
  return loaded;
}
