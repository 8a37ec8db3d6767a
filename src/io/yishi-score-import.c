#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-score-import.h"
#include "yishi-text.h"

/* Points with more integer digits than this are refused before they
 * could overflow: no criterion is worth a billion points. */
#define MAX_INTEGER_DIGITS 9

/* Longer cells are cut in messages, which must stay readable: a cell
 * may hold megabytes. */
#define QUOTE_MAX_CHARS 40

struct _YishiContestLookup
{
  GPtrArray  *judges;           /* YishiContestJudgeRow */
  GPtrArray  *entries;          /* YishiContestEntryRow */
  GPtrArray  *criteria;         /* YishiContestCriterionRow */
  GPtrArray  *recusals;         /* YishiContestRecusalRow */
  GHashTable *judge_ids;        /* gint64 * → row */
  GHashTable *judge_names;      /* name → GArray of gint64 */
  GHashTable *entry_ids;        /* gint64 * → row */
  GHashTable *entry_codes;      /* lower-case code → GArray of gint64 */
  GHashTable *entry_titles;     /* title → GArray of gint64 */
  GHashTable *criterion_ids;    /* gint64 * → row */
  GHashTable *criterion_names;  /* name → row */
  GHashTable *recusal_pairs;    /* "judge:proposal" → row */
};

static GHashTable *
names_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

/* Several records may share a name: each name keeps all their ids. */
static void
names_add (GHashTable *names,
           const char *name,
           gint64      id)
{
  GArray *ids = g_hash_table_lookup (names, name);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (names, g_strdup (name), ids);
    }
  g_array_append_val (ids, id);
}

/* "3, 7" for a message. */
static char *
format_ids (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

static char *
recusal_key (gint64 judge_id,
             gint64 proposal_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, judge_id, proposal_id);
}

static void
index_lookup (YishiContestLookup *self)
{
  for (guint i = 0; i < self->judges->len; i++)
    {
      YishiContestJudgeRow *row = self->judges->pdata[i];

      g_hash_table_insert (self->judge_ids, &row->person_id, row);
      names_add (self->judge_names, row->name, row->person_id);
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      YishiContestEntryRow *row = self->entries->pdata[i];

      g_autofree char *code = g_ascii_strdown (row->code, -1);

      g_hash_table_insert (self->entry_ids, &row->proposal_id, row);
      names_add (self->entry_codes, code, row->proposal_id);
      names_add (self->entry_titles, row->title, row->proposal_id);
    }
  for (guint i = 0; i < self->criteria->len; i++)
    {
      YishiContestCriterionRow *row = self->criteria->pdata[i];

      g_hash_table_insert (self->criterion_ids, &row->id, row);
      g_hash_table_insert (self->criterion_names, row->name, row);
    }
  for (guint i = 0; i < self->recusals->len; i++)
    {
      YishiContestRecusalRow *row = self->recusals->pdata[i];

      g_hash_table_insert (self->recusal_pairs, recusal_key (row->judge_id, row->proposal_id), row);
    }
}

/**
 * yishi_contest_lookup_new:
 * Reads the contest's judges, entries, criteria and recusals, or fails
 * when there is no such contest.
 */
YishiContestLookup *
yishi_contest_lookup_new (YishiDatabase  *db,
                          gint64          contest_id,
                          GError        **error)
{
  g_autoptr(YishiContestLookup) self = g_new0 (YishiContestLookup, 1);
  g_autoptr(YishiContestRow) contest = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->judge_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->judge_names = names_new ();
  self->entry_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->entry_codes = names_new ();
  self->entry_titles = names_new ();
  self->criterion_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->criterion_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->recusal_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((contest = yishi_contest_store_get (db, contest_id, error)) == NULL ||
      (self->judges = yishi_contest_store_list_judges (db, contest_id, error)) == NULL ||
      (self->entries = yishi_contest_store_list_entries (db, contest_id, error)) == NULL ||
      (self->criteria = yishi_contest_store_list_criteria (db, contest_id, error)) == NULL ||
      (self->recusals = yishi_contest_store_list_recusals (db, contest_id, error)) == NULL)
    return NULL;

  index_lookup (self);
  return g_steal_pointer (&self);
}

void
yishi_contest_lookup_free (YishiContestLookup *lookup)
{
  if (lookup == NULL)
    return;

  /* the tables borrow from the rows: they go first */
  g_clear_pointer (&lookup->judge_ids, g_hash_table_unref);
  g_clear_pointer (&lookup->judge_names, g_hash_table_unref);
  g_clear_pointer (&lookup->entry_ids, g_hash_table_unref);
  g_clear_pointer (&lookup->entry_codes, g_hash_table_unref);
  g_clear_pointer (&lookup->entry_titles, g_hash_table_unref);
  g_clear_pointer (&lookup->criterion_ids, g_hash_table_unref);
  g_clear_pointer (&lookup->criterion_names, g_hash_table_unref);
  g_clear_pointer (&lookup->recusal_pairs, g_hash_table_unref);
  g_clear_pointer (&lookup->judges, g_ptr_array_unref);
  g_clear_pointer (&lookup->entries, g_ptr_array_unref);
  g_clear_pointer (&lookup->criteria, g_ptr_array_unref);
  g_clear_pointer (&lookup->recusals, g_ptr_array_unref);
  g_free (lookup);
}

/* Digits only, from 1: an id. */
static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_id = (gint64) id;
  return TRUE;
}

gboolean
yishi_contest_lookup_judge (YishiContestLookup  *lookup,
                            const char          *text,
                            gint64              *out_person_id,
                            GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *ids_text = NULL;
  GArray *ids;
  gint64 id;

  g_return_val_if_fail (lookup != NULL && text != NULL && out_person_id != NULL, FALSE);

  name = yishi_text_strip (text);
  if (parse_id (name, &id))
    {
      if (g_hash_table_contains (lookup->judge_ids, &id))
        return *out_person_id = id, TRUE;
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   /* Translators: %s is a person id */
                   _("Person %s is not a judge of this contest."), name);
      return FALSE;
    }

  ids = g_hash_table_lookup (lookup->judge_names, name);
  if (ids != NULL && ids->len == 1)
    return *out_person_id = g_array_index (ids, gint64, 0), TRUE;
  if (ids == NULL)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   /* Translators: %s is a name, as typed */
                   _("“%s” is not a judge of this contest."), (quoted = yishi_text_shorten (name, QUOTE_MAX_CHARS)));
      return FALSE;
    }
  ids_text = format_ids (ids);
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS,
               /* Translators: a name, then a list of person ids such as “3, 7” */
               _("More than one judge is called “%s”: give the person id instead (%s)."),
               name, ids_text);
  return FALSE;
}

/* The proposal with @text as its id, its code, or its title, in that
 * order, in @out_id; 0 there and the ids that share the code or title
 * returned when there are several. */
static GArray *
find_entry (YishiContestLookup *self,
            const char         *text,
            gint64             *out_id)
{
  g_autofree char *code = g_ascii_strdown (text, -1);
  GArray *ids;

  if (parse_id (text, out_id) && g_hash_table_contains (self->entry_ids, out_id))
    return NULL;
  *out_id = 0;
  if ((ids = g_hash_table_lookup (self->entry_codes, code)) == NULL)
    ids = g_hash_table_lookup (self->entry_titles, text);
  if (ids != NULL && ids->len == 1)
    *out_id = g_array_index (ids, gint64, 0);
  return ids;
}

gboolean
yishi_contest_lookup_entry (YishiContestLookup  *lookup,
                            const char          *text,
                            gint64              *out_proposal_id,
                            GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *ids_text = NULL;
  GArray *ids;
  gint64 id = 0;

  g_return_val_if_fail (lookup != NULL && text != NULL && out_proposal_id != NULL, FALSE);

  name = yishi_text_strip (text);
  ids = find_entry (lookup, name, &id);
  if (id != 0)
    return *out_proposal_id = id, TRUE;
  if (ids == NULL)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   /* Translators: %s is a proposal's id, code or title, as typed */
                   _("“%s” is not a proposal entered in this contest."),
                   (quoted = yishi_text_shorten (name, QUOTE_MAX_CHARS)));
      return FALSE;
    }
  ids_text = format_ids (ids);
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS,
               /* Translators: a title or code, then a list of proposal ids such as “3, 7” */
               _("More than one proposal of this contest is “%s”: give the proposal id instead (%s)."),
               name, ids_text);
  return FALSE;
}

const YishiContestCriterionRow *
yishi_contest_lookup_criterion (YishiContestLookup  *lookup,
                                const char          *text,
                                GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *quoted = NULL;
  const YishiContestCriterionRow *row;
  gint64 id;

  g_return_val_if_fail (lookup != NULL && text != NULL, NULL);

  name = yishi_text_strip (text);
  if (parse_id (name, &id) && (row = g_hash_table_lookup (lookup->criterion_ids, &id)) != NULL)
    return row;
  if ((row = g_hash_table_lookup (lookup->criterion_names, name)) != NULL)
    return row;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
               /* Translators: %s is a criterion's id or name, as typed */
               _("“%s” is not a criterion of this contest."), (quoted = yishi_text_shorten (name, QUOTE_MAX_CHARS)));
  return NULL;
}

const YishiContestRecusalRow *
yishi_contest_lookup_recusal (YishiContestLookup *lookup,
                              gint64              judge_id,
                              gint64              proposal_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (lookup != NULL, NULL);

  key = recusal_key (judge_id, proposal_id);
  return g_hash_table_lookup (lookup->recusal_pairs, key);
}

/* Reads "27", "27.5", "27.50" or ".5"; @text is stripped and in NFKC. */
static gboolean
read_decimal (const char *text,
              gint64     *out_points,
              gboolean   *out_too_precise)
{
  const char *p = text;
  gint64 whole = 0, fraction = 0;
  guint n_digits = 0, n_decimals = 0;

  *out_too_precise = FALSE;
  for (; g_ascii_isdigit (*p) && n_digits <= MAX_INTEGER_DIGITS; p++, n_digits++)
    whole = whole * 10 + (*p - '0');
  if (n_digits > MAX_INTEGER_DIGITS)
    return FALSE;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_decimals++)
        if (n_decimals < 2)
          fraction = fraction * 10 + (*p - '0');
      if (n_decimals == 0)
        return FALSE;
    }
  if (*p != '\0' || n_digits + n_decimals == 0)
    return FALSE;
  if (n_decimals > 2)
    return *out_too_precise = TRUE, FALSE;

  *out_points = whole * 100 + (n_decimals == 1 ? fraction * 10 : fraction);
  return TRUE;
}

gboolean
yishi_contest_parse_points (const char  *text,
                            gint64      *out_points,
                            GError     **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *shown = NULL;
  gboolean too_precise;

  g_return_val_if_fail (text != NULL && out_points != NULL, FALSE);

  /* full-width digits and point, as Chinese input methods type them */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  stripped = yishi_text_strip (normal != NULL ? normal : "");
  if (read_decimal (stripped, out_points, &too_precise))
    return TRUE;

  shown = yishi_text_shorten (stripped, QUOTE_MAX_CHARS);

  if (too_precise)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: %s is the points as typed */
                 _("“%s” has more than two decimals."), shown);
  else if (*stripped == '-')
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: %s is the points as typed */
                 _("“%s” is below 0, the fewest points a judge can give."), shown);
  else if (strchr (stripped, ',') != NULL)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: %s is the points as typed, such as “27,5” */
                 _("“%s” is not a number of points: write decimals with a point, as in 27.5."),
                 shown);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 /* Translators: %s is the points as typed */
                 _("“%s” is not a number of points, such as 27 or 27.5."), shown);
  return FALSE;
}

gboolean
yishi_contest_check_points (const YishiContestCriterionRow  *criterion,
                            gint64                           points,
                            GError                         **error)
{
  g_autofree char *text = NULL;
  g_autofree char *limit = NULL;

  g_return_val_if_fail (criterion != NULL, FALSE);

  if (yishi_contest_points_fit (points, criterion->max_points, criterion->step))
    return TRUE;

  text = yishi_contest_points_format (points);
  if (points < 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is the points as typed */
                   _("“%s” is below 0, the fewest points a judge can give."), text);
      return FALSE;
    }
  if (points > criterion->max_points)
    {
      limit = yishi_contest_points_format (criterion->max_points);
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: points such as “31.00”, the maximum such as
                    * “30.00”, and the criterion's name */
                   _("%s is more than %s, the most “%s” allows."),
                   text, limit, criterion->name);
      return FALSE;
    }
  limit = yishi_contest_points_format (criterion->step);
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: points such as “27.30”, the step such as “0.50”,
                * and the criterion's name */
               _("%s is not a multiple of %s, the step of “%s”."),
               text, limit, criterion->name);
  return FALSE;
}

/* The columns a score sheet must have. */
typedef enum
{
  COLUMN_JUDGE,
  COLUMN_PROPOSAL,
  COLUMN_CRITERION,
  COLUMN_POINTS,
  N_COLUMNS
} Column;

typedef struct
{
  const char *label;       /* N_(): for a missing column */
  const char *aliases[8];  /* casefolded headers */
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  /* Translators: the column headers of a score sheet, in lower case as
   * in “the column “judge” is missing” */
  [COLUMN_JUDGE] = { N_("judge"), { "judge", "评委", "评委姓名", "judge name", NULL } },
  [COLUMN_PROPOSAL] = { N_("proposal"), { "proposal", "提案", "提案编号", "提案名称", "code",
                                          NULL } },
  [COLUMN_CRITERION] = { N_("criterion"), { "criterion", "评分标准", "指标", "评分指标", "标准",
                                            NULL } },
  [COLUMN_POINTS] = { N_("points"), { "points", "得分", "分数", "分值", "score", NULL } },
};

typedef struct
{
  char               *filename;     /* for messages */
  YishiCsvTable      *table;
  YishiContestLookup *lookup;
  int                 column_of[N_COLUMNS];
  GArray             *scores;       /* YishiContestScoreInput */
  GHashTable         *seen;         /* "judge:proposal:criterion" → line */
  GPtrArray          *problems;     /* char * */
} ScoreImport;

static void
score_import_clear (ScoreImport *self)
{
  g_free (self->filename);
  g_clear_pointer (&self->table, yishi_csv_table_free);
  g_clear_pointer (&self->lookup, yishi_contest_lookup_free);
  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScoreImport, score_import_clear)

static gboolean
is_full (ScoreImport *self)
{
  return self->problems->len >= YISHI_SCORE_IMPORT_MAX_PROBLEMS;
}

/* A problem of a line, in a column when @column ≥ 0. */
static void
add_problem (ScoreImport *self,
             guint        line,
             int          column,
             const char  *message)
{
  if (is_full (self))
    return;
  if (column < 0)
    g_ptr_array_add (self->problems,
                     /* Translators: a file name, a line number and what is wrong */
                     g_strdup_printf (_("%s, line %u: %s"), self->filename, line, message));
  else
    g_ptr_array_add (self->problems,
                     /* Translators: a file name, a line number, a column's header as
                      * the file has it, and what is wrong, as in
                      * “scores.csv, line 7, column “得分”: …” */
                     g_strdup_printf (_("%s, line %u, column “%s”: %s"), self->filename, line,
                                      yishi_csv_table_get_header (self->table, column), message));
}

static gboolean
map_column (ScoreImport *self,
            guint        index)
{
  g_autofree char *stripped = yishi_text_strip (yishi_csv_table_get_header (self->table, index));
  g_autofree char *header = g_utf8_casefold (stripped, -1);

  for (guint c = 0; c < N_COLUMNS; c++)
    for (guint a = 0; columns[c].aliases[a] != NULL; a++)
      {
        g_autofree char *message = NULL;

        if (!g_str_equal (header, columns[c].aliases[a]))
          continue;
        if (self->column_of[c] < 0)
          return self->column_of[c] = index, TRUE;
        message = g_strdup_printf (_("Two columns are the “%s” column: “%s” and “%s”."),
                                   _(columns[c].label),
                                   yishi_csv_table_get_header (self->table, self->column_of[c]),
                                   yishi_csv_table_get_header (self->table, index));
        add_problem (self, yishi_csv_table_get_header_line (self->table), -1, message);
        return FALSE;
      }
  /* other columns, such as notes, are not scores */
  return TRUE;
}

static gboolean
map_columns (ScoreImport *self)
{
  guint line = yishi_csv_table_get_header_line (self->table);

  for (guint c = 0; c < N_COLUMNS; c++)
    self->column_of[c] = -1;
  for (guint i = 0; i < yishi_csv_table_get_n_columns (self->table); i++)
    map_column (self, i);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->column_of[c] < 0)
      {
        g_autofree char *message =
            /* Translators: %s is a column such as “points” */
            g_strdup_printf (_("The “%s” column is missing: the header needs judge, proposal, "
                               "criterion and points (评委, 提案, 评分标准, 得分)."),
                             _(columns[c].label));

        add_problem (self, line, -1, message);
      }
  return self->problems->len == 0;
}

/* The stripped text of a cell, or NULL with a problem added. */
static char *
read_cell (ScoreImport         *self,
           guint                line,
           const YishiCsvField *fields,
           guint                n_fields,
           Column               column)
{
  int index = self->column_of[column];
  const YishiCsvField *field = (guint) index < n_fields ? &fields[index] : NULL;
  char *text;

  if (field != NULL && strlen (field->text) != field->length)
    {
      add_problem (self, line, index, _("The cell contains a NUL character."));
      return NULL;
    }
  text = yishi_text_strip (field != NULL ? field->text : "");
  if (*text == '\0')
    {
      add_problem (self, line, index, _("The cell is empty."));
      g_clear_pointer (&text, g_free);
    }
  return text;
}

static gboolean
is_blank_record (const YishiCsvField *fields,
                 guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (!yishi_text_is_blank_len (fields[i].text, fields[i].length))
      return FALSE;
  return TRUE;
}

/* Names the judge and the proposal, and refuses a recused judge. */
static gboolean
read_judge_and_entry (ScoreImport            *self,
                      guint                   line,
                      char                  **texts,
                      YishiContestScoreInput *score)
{
  g_autoptr(GError) judge_error = NULL;
  g_autoptr(GError) entry_error = NULL;
  const YishiContestRecusalRow *recusal;
  g_autofree char *message = NULL;

  if (texts[COLUMN_JUDGE] != NULL &&
      !yishi_contest_lookup_judge (self->lookup, texts[COLUMN_JUDGE], &score->judge_id, &judge_error))
    add_problem (self, line, self->column_of[COLUMN_JUDGE], judge_error->message);
  if (texts[COLUMN_PROPOSAL] != NULL &&
      !yishi_contest_lookup_entry (self->lookup, texts[COLUMN_PROPOSAL], &score->proposal_id,
                                   &entry_error))
    add_problem (self, line, self->column_of[COLUMN_PROPOSAL], entry_error->message);
  if (texts[COLUMN_JUDGE] == NULL || texts[COLUMN_PROPOSAL] == NULL ||
      judge_error != NULL || entry_error != NULL)
    return FALSE;

  recusal = yishi_contest_lookup_recusal (self->lookup, score->judge_id, score->proposal_id);
  if (recusal == NULL)
    return TRUE;
  /* Translators: a judge's name and a proposal's title */
  message = g_strdup_printf (_("%s is recused from “%s” and cannot score it."),
                             recusal->judge, recusal->title);
  add_problem (self, line, self->column_of[COLUMN_JUDGE], message);
  return FALSE;
}

static gboolean
read_criterion_and_points (ScoreImport            *self,
                           guint                   line,
                           char                  **texts,
                           YishiContestScoreInput *score)
{
  g_autoptr(GError) error = NULL;
  const YishiContestCriterionRow *criterion = NULL;
  gboolean parsed = FALSE;

  if (texts[COLUMN_CRITERION] != NULL &&
      (criterion = yishi_contest_lookup_criterion (self->lookup, texts[COLUMN_CRITERION], &error)) == NULL)
    {
      add_problem (self, line, self->column_of[COLUMN_CRITERION], error->message);
      g_clear_error (&error);
    }
  if (texts[COLUMN_POINTS] != NULL &&
      !(parsed = yishi_contest_parse_points (texts[COLUMN_POINTS], &score->points, &error)))
    {
      add_problem (self, line, self->column_of[COLUMN_POINTS], error->message);
      g_clear_error (&error);
    }
  if (criterion == NULL || !parsed)
    return FALSE;

  score->criterion_id = criterion->id;
  if (yishi_contest_check_points (criterion, score->points, &error))
    return TRUE;
  add_problem (self, line, self->column_of[COLUMN_POINTS], error->message);
  return FALSE;
}

/* A second score for the same cell of the grid would leave which one
 * counts to the order of the rows. */
static gboolean
check_repeat (ScoreImport                  *self,
              const YishiContestScoreInput *score)
{
  char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                               score->judge_id, score->proposal_id, score->criterion_id);
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (self->seen, key));
  g_autofree char *message = NULL;

  if (first == 0)
    {
      g_hash_table_insert (self->seen, key, GUINT_TO_POINTER (score->line));
      return TRUE;
    }
  g_free (key);
  /* Translators: %u is the number of an earlier line of the file */
  message = g_strdup_printf (_("The same judge, proposal and criterion as line %u."), first);
  add_problem (self, score->line, -1, message);
  return FALSE;
}

static void
read_record (ScoreImport *self,
             guint        record)
{
  guint line = yishi_csv_table_get_line (self->table, record);
  YishiContestScoreInput score = { line, 0, 0, 0, 0 };
  char *texts[N_COLUMNS] = { NULL };
  const YishiCsvField *fields;
  guint n_fields;
  gboolean ok;

  fields = yishi_csv_table_get_fields (self->table, record, &n_fields);
  if (is_blank_record (fields, n_fields))
    return;

  for (guint c = 0; c < N_COLUMNS; c++)
    texts[c] = read_cell (self, line, fields, n_fields, c);
  /* both run, so that a row shows all that is wrong with it */
  ok = read_judge_and_entry (self, line, texts, &score);
  ok = read_criterion_and_points (self, line, texts, &score) && ok;
  if (ok && check_repeat (self, &score))
    g_array_append_val (self->scores, score);

  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (texts[c]);
}

/* All problems in one message, one a line. */
static void
set_problems_error (ScoreImport  *self,
                    GError      **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->problems->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) self->problems->pdata[i]);
  if (is_full (self))
    {
      g_string_append_printf (text, ngettext ("Stopped after %u problem.",
                                              "Stopped after %u problems.",
                                              YISHI_SCORE_IMPORT_MAX_PROBLEMS),
                              YISHI_SCORE_IMPORT_MAX_PROBLEMS);
      g_string_append_c (text, ' ');
    }
  /* Translators: the last line of a failed score import */
  g_string_append (text, _("No score was imported."));
  g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_IMPORT, text->str);
}

static gboolean
score_import_open (ScoreImport    *self,
                   YishiDatabase  *db,
                   gint64          contest_id,
                   const char     *path,
                   YishiEncoding   encoding,
                   GError        **error)
{
  self->filename = g_filename_display_basename (path);
  self->scores = g_array_new (FALSE, FALSE, sizeof (YishiContestScoreInput));
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func (g_free);

  return (self->lookup = yishi_contest_lookup_new (db, contest_id, error)) != NULL &&
         (self->table = yishi_csv_table_read_file (path, encoding, self->filename, error)) != NULL;
}

GArray *
yishi_score_import_read (YishiDatabase  *db,
                         gint64          contest_id,
                         const char     *path,
                         YishiEncoding   encoding,
                         GError        **error)
{
  g_auto(ScoreImport) self = { NULL };

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!score_import_open (&self, db, contest_id, path, encoding, error))
    return NULL;

  if (map_columns (&self))
    for (guint r = 0; r < yishi_csv_table_get_n_records (self.table) && !is_full (&self); r++)
      read_record (&self, r);

  if (self.problems->len > 0)
    return set_problems_error (&self, error), NULL;
  if (self.scores->len == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
                   /* Translators: %s is a file name */
                   _("%s has no scores."), self.filename);
      return NULL;
    }
  return g_steal_pointer (&self.scores);
}

guint
yishi_score_import_file (YishiDatabase  *db,
                         gint64          contest_id,
                         const char     *path,
                         YishiEncoding   encoding,
                         GError        **error)
{
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *filename = NULL;
  guint n;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  scores = yishi_score_import_read (db, contest_id, path, encoding, error);
  if (scores == NULL)
    return 0;

  /* the store checks again, in its transaction: the contest may have
   * changed since the file was read */
  n = yishi_contest_store_import_scores (db, contest_id, (const YishiContestScoreInput *) scores->data,
                                         scores->len, &local_error);
  if (local_error == NULL)
    return n;

  filename = g_filename_display_basename (path);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", filename);
  return 0;
}
