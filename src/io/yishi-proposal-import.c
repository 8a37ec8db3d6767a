#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-bulk-private.h"
#include "yishi-csv-formula.h"
#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-proposal-import.h"
#include "yishi-text.h"

/* Longer cell values are cut in messages, which must stay readable. */
#define QUOTE_MAX_CHARS 40

typedef struct _ImportRow ImportRow;

/* Reads one non-empty cell into the row's draft — text as it is, other
 * values without the spaces around them — and returns what is wrong
 * with it, or NULL. @offset is where the field lives in the draft. */
typedef char *(*CellFunc) (ImportRow  *row,
                           const char *text,
                           gsize       offset);

typedef struct
{
  const char *label;       /* N_(): shown translated, also a header */
  CellFunc    read;
  gsize       offset;      /* for text and count fields */
  const char *aliases[14]; /* headers that mean this field, casefolded */
} FieldInfo;

/* The drafts borrow their text from the table, which lives as long as
 * they do: copying every cell of 100,000 rows would double the memory
 * the import needs. The few strings made for them (a UUID in lower case,
 * a date rewritten as YYYY-MM-DD) belong to the import, and the drafts
 * themselves lie in one array. */
struct _YishiProposalImport
{
  char               *filename;  /* for messages */
  YishiCsvTable      *table;
  GPtrArray          *columns;   /* char *: each header, trimmed */
  YishiProposalField *mapping;   /* the field of each column */
  int                 field_columns[YISHI_N_PROPOSAL_FIELDS]; /* or -1 */
  YishiProposalDraft *slots;     /* room for a draft of every row */
  GPtrArray          *drafts;    /* YishiProposalDraft in slots: rows without problems */
  GPtrArray          *strings;   /* char *: made for the drafts */
  GArray             *lines;     /* guint: the line of each draft */
  GPtrArray          *problems;  /* YishiImportProblem */
  guint               n_bad_rows;
  GHashTable         *uuid_lines;  /* lower-case UUID (in strings) → line, to catch repeats */
  GHashTable         *categories;  /* cell text → category + 1, or -1 */
  GHashTable         *statuses;    /* cell text → status + 1, or -1 */
};

/* The row being checked. */
struct _ImportRow
{
  YishiProposalImport *import;
  guint                record;
  guint                line;
  YishiProposalDraft  *draft;
  guint                n_problems;
  const YishiCsvField *fields;
  guint                n_fields;
};

static char *read_text     (ImportRow *row, const char *text, gsize offset);
static char *read_cost     (ImportRow *row, const char *text, gsize offset);
static char *read_count    (ImportRow *row, const char *text, gsize offset);
static char *read_date     (ImportRow *row, const char *text, gsize offset);
static char *read_category (ImportRow *row, const char *text, gsize offset);
static char *read_status   (ImportRow *row, const char *text, gsize offset);
static char *read_uuid     (ImportRow *row, const char *text, gsize offset);

#define TEXT(member) read_text, G_STRUCT_OFFSET (YishiProposalDraft, member)
#define COUNT(member) read_count, G_STRUCT_OFFSET (YishiProposalDraft, member)

/* The aliases cover what spreadsheets and online forms (问卷星, 腾讯问卷)
 * call these columns; the labels, in English and translated, match too,
 * so a file this program exported always maps back. */
static const FieldInfo fields[YISHI_N_PROPOSAL_FIELDS] = {
  [YISHI_PROPOSAL_FIELD_TITLE] = { N_("Title"), TEXT (title),
    { "标题", "提案标题", "提案名称", "提案题目", "题目", "项目名称", "title",
      "proposal title", NULL } },
  [YISHI_PROPOSAL_FIELD_SUMMARY] = { N_("Summary"), TEXT (summary),
    { "摘要", "简介", "提案摘要", "概要", "summary", "abstract", NULL } },
  [YISHI_PROPOSAL_FIELD_BODY] = { N_("Full text"), TEXT (body),
    { "正文", "全文", "提案内容", "内容", "详细内容", "具体内容", "text", "body",
      "description", "full text", "details", NULL } },
  [YISHI_PROPOSAL_FIELD_PROPOSER] = { N_("Proposer"), TEXT (proposer_name),
    { "提案人", "姓名", "提案人姓名", "提议人", "proposer", "name", "proposer name", NULL } },
  [YISHI_PROPOSAL_FIELD_PHONE] = { N_("Phone"), TEXT (proposer_phone),
    { "电话", "联系电话", "手机", "手机号", "手机号码", "联系方式", "phone", "telephone",
      "mobile", "phone number", NULL } },
  [YISHI_PROPOSAL_FIELD_COMMUNITY] = { N_("Community"), TEXT (community),
    { "社区", "所属社区", "所在社区", "community", NULL } },
  [YISHI_PROPOSAL_FIELD_CATEGORY] = { N_("Category"), read_category, 0,
    { "类别", "分类", "提案类别", "类型", "提案类型", "category", NULL } },
  [YISHI_PROPOSAL_FIELD_LOCATION] = { N_("Location"), TEXT (location),
    { "地点", "位置", "实施地点", "location", "place", NULL } },
  [YISHI_PROPOSAL_FIELD_COST] = { N_("Estimated cost (yuan)"), read_cost, 0,
    { "预算", "估算费用", "预计费用", "费用", "金额", "预算金额", "所需经费", "经费", "cost",
      "estimated cost", "estimated cost (yuan)", "budget", NULL } },
  [YISHI_PROPOSAL_FIELD_HOUSEHOLDS] = { N_("Households"), COUNT (households),
    { "受益户数", "户数", "households", "beneficiary households", NULL } },
  [YISHI_PROPOSAL_FIELD_PEOPLE] = { N_("People"), COUNT (people),
    { "受益人数", "人数", "受益人口", "people", "beneficiaries", NULL } },
  [YISHI_PROPOSAL_FIELD_SUBMITTED_ON] = { N_("Submitted on"), read_date, 0,
    { "提交日期", "日期", "提交时间", "submitted", "submitted on", "date",
      "submission date", NULL } },
  [YISHI_PROPOSAL_FIELD_STATUS] = { N_("Status"), read_status, 0,
    { "状态", "提案状态", "status", NULL } },
  [YISHI_PROPOSAL_FIELD_STATUS_REASON] = { N_("Reason"), TEXT (status_reason),
    { "原因", "理由", "状态原因", "reason", "status reason", NULL } },
  [YISHI_PROPOSAL_FIELD_UUID] = { N_("UUID"), read_uuid, 0,
    { "uuid", NULL } },
};

#undef TEXT
#undef COUNT

const char *
yishi_proposal_field_label (YishiProposalField field)
{
  g_return_val_if_fail (field >= 0 && field < YISHI_N_PROPOSAL_FIELDS, NULL);

  return _(fields[field].label);
}

static void
import_problem_free (gpointer data)
{
  YishiImportProblem *problem = data;

  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

char *
yishi_import_problem_to_string (const YishiImportProblem *problem,
                                const char               *filename)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (problem->column == NULL)
    return g_strdup_printf (_("%s:%u: %s"), filename, problem->line, problem->message);

  /* Translators: a bad cell in an imported file: the file name, the line
   * number, the column's header and what is wrong, as in
   * “提案.csv:12: 预算: …”. Keep the order or use %1$s-style numbers. */
  return g_strdup_printf (_("%s:%u: %s: %s"), filename, problem->line,
                          problem->column, problem->message);
}

/* Takes @message. */
static void
add_problem (ImportRow          *row,
             YishiProposalField  field,
             char               *message)
{
  YishiProposalImport *self = row->import;
  YishiImportProblem *problem = g_new0 (YishiImportProblem, 1);
  int column = field == YISHI_PROPOSAL_FIELD_IGNORED ? -1 : self->field_columns[field];

  problem->line = row->line;
  problem->column = column >= 0 ? g_strdup (self->columns->pdata[column]) : NULL;
  problem->message = message;
  g_ptr_array_add (self->problems, problem);

  if (row->n_problems++ == 0)
    self->n_bad_rows++;
}

/* The draft borrows the text from the table, without the quote that
 * guards a formula in an export (yishi-csv-formula.h): as Excel, which
 * hides it, the text is what follows. */
static char *
read_text (ImportRow  *row,
           const char *text,
           gsize       offset)
{
  G_STRUCT_MEMBER (const char *, row->draft, offset) = yishi_csv_formula_unguard (text);
  return NULL;
}

/* Takes @text, for the drafts. */
static char *
keep_string (YishiProposalImport *self,
             char                *text)
{
  g_ptr_array_add (self->strings, text);
  return text;
}

static char *
read_cost (ImportRow  *row,
           const char *text,
           gsize       offset)
{
  g_autofree char *quoted = NULL;

  if (yishi_money_parse_yuan (text, &row->draft->cost_fen, NULL))
    return NULL;

  quoted = yishi_text_shorten (text, QUOTE_MAX_CHARS);
  /* Translators: %s is what the user typed */
  return g_strdup_printf (_("“%s” is not an amount in yuan (for example 12000 or 12,000.50)."),
                          quoted);
}

/* A count as spreadsheets write it: "82", "1,200", "８２", "82户", "294人"
 * or "82.00" (a number cell formatted with decimals). */
static gboolean
parse_count (const char *text,
             gint64     *out_count)
{
  gint64 count = 0;
  guint n_digits = 0;
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = c >= '0' && c <= '9' ? (int) (c - '0') :
                  c >= 0xFF10 && c <= 0xFF19 ? (int) (c - 0xFF10) : -1;

      if (digit >= 0)
        {
          count = count * 10 + digit;
          n_digits++;
          if (count > G_MAXINT32)
            return FALSE;
        }
      else if (c != ',' && c != 0xFF0C) /* , ， */
        break;
    }

  if (*p == '.')
    for (p++; *p == '0'; p++)
      ;
  if (g_str_equal (p, "户") || g_str_equal (p, "人"))
    p += strlen (p);

  *out_count = count;
  return n_digits > 0 && *p == '\0';
}

static char *
read_count (ImportRow  *row,
            const char *text,
            gsize       offset)
{
  g_autofree char *quoted = NULL;

  if (parse_count (text, &G_STRUCT_MEMBER (gint64, row->draft, offset)))
    return NULL;

  quoted = yishi_text_shorten (text, QUOTE_MAX_CHARS);
  /* Translators: %s is what the user typed */
  return g_strdup_printf (_("“%s” is not a whole number of zero or more."), quoted);
}

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *out_value)
{
  guint n = 0;

  *out_value = 0;
  for (; g_ascii_isdigit (**p) && n < max_digits; (*p)++, n++)
    *out_value = *out_value * 10 + (**p - '0');

  return n >= min_digits && !g_ascii_isdigit (**p);
}

static gboolean
skip (const char **p,
      const char  *prefix)
{
  if (!g_str_has_prefix (*p, prefix))
    return FALSE;

  *p += strlen (prefix);
  return TRUE;
}

/* Online forms export the time of submission after the date. */
static gboolean
is_time_of_day (const char *p)
{
  if (*p != ' ' && *p != 'T')
    return FALSE;

  for (p++; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != ':' && *p != '.' && *p != ' ')
      return FALSE;

  return TRUE;
}

/* "2024-03-15", "2024/3/15", "2024.3.15" or "2024年3月15日", with or
 * without a time after it, as "2024-03-15" in @iso; FALSE if it is no
 * real date. */
static gboolean
parse_date (const char *text,
            char        iso[11])
{
  const char *p = text;
  guint year, month, day;

  if (!read_number (&p, 4, 4, &year))
    return FALSE;

  if (skip (&p, "年"))
    {
      if (!read_number (&p, 1, 2, &month) || !skip (&p, "月") || !read_number (&p, 1, 2, &day))
        return FALSE;
      if (!skip (&p, "日"))
        skip (&p, "号");
    }
  else if (*p == '-' || *p == '/' || *p == '.')
    {
      char separator = *p++;

      if (!read_number (&p, 1, 2, &month) || *p++ != separator || !read_number (&p, 1, 2, &day))
        return FALSE;
    }
  else
    return FALSE;

  if (*p != '\0' && !is_time_of_day (p))
    return FALSE;

  /* by hand, since printf () takes longer than all the rest here; the
   * year has 4 digits, month and day at most 2 */
  memcpy (iso, "YYYY-MM-DD", 11);
  for (guint i = 0; i < 4; i++, year /= 10)
    iso[3 - i] = '0' + year % 10;
  iso[5] = '0' + month / 10;
  iso[6] = '0' + month % 10;
  iso[8] = '0' + day / 10;
  iso[9] = '0' + day % 10;
  return yishi_date_is_valid (iso);
}

static char *
read_date (ImportRow  *row,
           const char *text,
           gsize       offset)
{
  g_autofree char *quoted = NULL;
  char iso[11];

  if (parse_date (text, iso))
    {
      /* most files write it so already */
      row->draft->submitted_on = g_str_equal (iso, text) ? (char *) text
                                                         : keep_string (row->import, g_strdup (iso));
      return NULL;
    }

  quoted = yishi_text_shorten (text, QUOTE_MAX_CHARS);
  /* Translators: %s is what the user typed */
  return g_strdup_printf (_("“%s” is not a date: write it as 2024-03-15, 2024/3/15 or "
                            "2024年3月15日."), quoted);
}

/* The categories or statuses, translated, to say what a cell may hold. */
static char *
list_labels (const char *(*label) (guint),
             guint        n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: separates the items of a list */
        g_string_append (text, _(", "));
      g_string_append (text, label (i));
    }

  return g_string_free (text, FALSE);
}

static const char *
category_label (guint i)
{
  return yishi_category_label (i);
}

static const char *
status_label (guint i)
{
  return yishi_proposal_status_label (i);
}

/* Parsing a key compares against every label in two languages; rows
 * repeat the same few texts, so remember each answer. */
static int
parse_cached (GHashTable  *cache,
              const char  *text,
              gboolean   (*parse) (const char *, guint *))
{
  gpointer found = g_hash_table_lookup (cache, text);
  guint value;

  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;

  found = GINT_TO_POINTER (parse (text, &value) ? (int) value + 1 : -1);
  g_hash_table_insert (cache, g_strdup (text), found);
  return GPOINTER_TO_INT (found) - 1;
}

static gboolean
parse_category (const char *text,
                guint      *out_value)
{
  YishiCategory category;

  if (!yishi_category_parse (text, &category))
    return FALSE;

  *out_value = category;
  return TRUE;
}

static gboolean
parse_status (const char *text,
              guint      *out_value)
{
  YishiProposalStatus status;

  if (!yishi_proposal_status_parse (text, &status))
    return FALSE;

  *out_value = status;
  return TRUE;
}

static char *
read_category (ImportRow  *row,
               const char *text,
               gsize       offset)
{
  int category = parse_cached (row->import->categories, text, parse_category);
  g_autofree char *quoted = NULL;
  g_autofree char *known = NULL;

  if (category >= 0)
    {
      row->draft->category = category;
      return NULL;
    }

  quoted = yishi_text_shorten (text, QUOTE_MAX_CHARS);
  known = list_labels (category_label, YISHI_N_CATEGORIES);
  /* Translators: the first %s is what the user typed, the second a list */
  return g_strdup_printf (_("“%s” is not a category; use one of %s."), quoted, known);
}

static char *
read_status (ImportRow  *row,
             const char *text,
             gsize       offset)
{
  int status = parse_cached (row->import->statuses, text, parse_status);
  g_autofree char *quoted = NULL;
  g_autofree char *known = NULL;

  if (status >= 0)
    {
      row->draft->status = status;
      return NULL;
    }

  quoted = yishi_text_shorten (text, QUOTE_MAX_CHARS);
  known = list_labels (status_label, YISHI_N_PROPOSAL_STATUSES);
  /* Translators: the first %s is what the user typed, the second a list */
  return g_strdup_printf (_("“%s” is not a status; use one of %s."), quoted, known);
}

static char *
read_uuid (ImportRow  *row,
           const char *text,
           gsize       offset)
{
  g_autofree char *quoted = NULL;
  gpointer other_line;

  if (!g_uuid_string_is_valid (text))
    {
      quoted = yishi_text_shorten (text, QUOTE_MAX_CHARS);
      /* Translators: %s is what the user typed */
      return g_strdup_printf (_("“%s” is not a UUID."), quoted);
    }

  row->draft->uuid = keep_string (row->import, g_ascii_strdown (text, -1));
  other_line = g_hash_table_lookup (row->import->uuid_lines, row->draft->uuid);
  if (other_line != NULL)
    /* Translators: %u is a line number */
    return g_strdup_printf (_("The same UUID is already on line %u."), GPOINTER_TO_UINT (other_line));

  g_hash_table_insert (row->import->uuid_lines, row->draft->uuid, GUINT_TO_POINTER (row->line));
  return NULL;
}

/* @text without the spaces around it: @text itself when there are
 * none, as in nearly every cell, else a copy that lives as long as the
 * import, since a draft may keep it (read_date () does). */
static const char *
strip_cell (YishiProposalImport *self,
            const char          *text,
            gsize                length)
{
  gsize stripped_length;
  const char *start = yishi_text_strip_span (text, &stripped_length);

  if (stripped_length == length)
    return text;

  return keep_string (self, g_strndup (start, stripped_length));
}

static void
read_cell (ImportRow          *row,
           YishiProposalField  field,
           guint               column)
{
  YishiProposalImport *self = row->import;
  const char *text = column < row->n_fields ? row->fields[column].text : "";
  gsize length = column < row->n_fields ? row->fields[column].length : 0;
  char *message;

  /* the text after a NUL byte would be lost without a word */
  if (yishi_csv_table_has_nul (self->table) && memchr (text, '\0', length) != NULL)
    {
      add_problem (row, field,
                   /* Translators: %s is a field name such as “Title” */
                   g_strdup_printf (_("%s contains a NUL character."), _(fields[field].label)));
      return;
    }

  /* an empty cell leaves the draft's default: no value, or for the
   * title a problem that check_draft () reports; text is kept as it is,
   * values are read without the spaces around them */
  if (length == 0)
    return;
  if (fields[field].read != read_text &&
      *(text = strip_cell (self, text, length)) == '\0')
    return;

  message = fields[field].read (row, text, fields[field].offset);
  if (message != NULL)
    add_problem (row, field, message);
}

/* Fields past the header's columns hold data no column names, unless
 * they are empty: some programs end every row with a separator. */
static void
check_row_width (ImportRow *row)
{
  guint n_columns = row->import->columns->len;
  guint n_fields = row->n_fields;

  while (n_fields > n_columns && row->fields[n_fields - 1].length == 0)
    n_fields--;

  if (n_fields > n_columns)
    add_problem (row, YISHI_PROPOSAL_FIELD_IGNORED,
                 g_strdup_printf (ngettext ("This row has %u field more than the header has columns.",
                                            "This row has %u fields more than the header has columns.",
                                            n_fields - n_columns),
                                  n_fields - n_columns));
}

/* Text of the file, which is valid UTF-8, that is empty or blank. */
static gboolean
is_blank (const char *text)
{
  return text == NULL || yishi_text_is_blank_len (text, strlen (text));
}

/* The rules that span fields, once every cell reads well. The whole
 * file is valid UTF-8, and read_cell () refused NUL bytes: the rest is
 * checked without reading the text again. */
static void
check_draft (ImportRow *row)
{
  YishiProposalImport *self = row->import;
  g_autoptr(GError) error = NULL;
  YishiProposalField where;
  YishiProposalStatus status = row->draft->status;

  /* checked before the rest, to name the column */
  if (is_blank (row->draft->title))
    {
      add_problem (row, YISHI_PROPOSAL_FIELD_TITLE,
                   /* Translators: %s is a field name such as “Title” */
                   g_strdup_printf (_("%s is required."),
                                    _(fields[YISHI_PROPOSAL_FIELD_TITLE].label)));
      return;
    }

  if (yishi_proposal_status_needs_reason (status) && is_blank (row->draft->status_reason) &&
      !yishi_proposal_status_check_reason (status, row->draft->status_reason, &error))
    {
      where = self->field_columns[YISHI_PROPOSAL_FIELD_STATUS_REASON] >= 0 ?
              YISHI_PROPOSAL_FIELD_STATUS_REASON : YISHI_PROPOSAL_FIELD_STATUS;
      add_problem (row, where, g_strdup (error->message));
      return;
    }

  if (!yishi_proposal_draft_validate_values (row->draft, &error))
    add_problem (row, YISHI_PROPOSAL_FIELD_IGNORED, g_strdup (error->message));
}

static void
check_record (YishiProposalImport *self,
              guint                record)
{
  /* the next free slot: a row with problems leaves it free */
  YishiProposalDraft *draft = &self->slots[self->drafts->len];
  ImportRow row = { self, record, yishi_csv_table_get_line (self->table, record), draft, 0 };

  row.fields = yishi_csv_table_get_fields (self->table, record, &row.n_fields);
  yishi_proposal_draft_init (draft);

  /* a row from a form is a submission, unless it says otherwise */
  draft->status = YISHI_PROPOSAL_STATUS_SUBMITTED;

  /* left to right, so problems read in the order of the file */
  check_row_width (&row);
  for (guint column = 0; column < self->columns->len; column++)
    if (self->mapping[column] != YISHI_PROPOSAL_FIELD_IGNORED)
      read_cell (&row, self->mapping[column], column);

  if (row.n_problems == 0)
    check_draft (&row);

  if (row.n_problems > 0)
    return;

  g_ptr_array_add (self->drafts, draft);
  g_array_append_val (self->lines, row.line);
}

static gboolean
header_matches (const char         *header,
                YishiProposalField  field)
{
  g_autofree char *english = g_utf8_casefold (fields[field].label, -1);
  g_autofree char *local = g_utf8_casefold (_(fields[field].label), -1);

  for (guint i = 0; fields[field].aliases[i] != NULL; i++)
    if (g_str_equal (header, fields[field].aliases[i]))
      return TRUE;

  return g_str_equal (header, english) || g_str_equal (header, local);
}

static YishiProposalField
find_field (const char *header)
{
  for (guint field = 0; field < YISHI_N_PROPOSAL_FIELDS; field++)
    if (header_matches (header, field))
      return field;

  return YISHI_PROPOSAL_FIELD_IGNORED;
}

/* What forms add around a header: a question number ("1、", "2."), a
 * mark for required questions ("*") and a note in brackets ("（元）",
 * "(必填)"). */
static char *
simplify_header (const char *header)
{
  g_autofree char *text = g_strdup (header);
  const char *p = text;
  char *bracket;

  while (g_ascii_isdigit (*p))
    p++;
  if (p > text && (skip (&p, "、") || skip (&p, ".") || skip (&p, "．") ||
                   skip (&p, "：") || skip (&p, ":")))
    memmove (text, p, strlen (p) + 1);

  bracket = strstr (text, "（");
  if (bracket == NULL)
    bracket = strchr (text, '(');
  if (bracket != NULL && bracket != text)
    *bracket = '\0';

  g_strdelimit (text, "*", ' ');
  return yishi_text_strip (text);
}

static YishiProposalField
map_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  g_autofree char *simple = NULL;
  YishiProposalField field = find_field (folded);

  if (field != YISHI_PROPOSAL_FIELD_IGNORED)
    return field;

  simple = simplify_header (folded);
  return find_field (simple);
}

/* Each column to the field its header names; when two columns name the
 * same field, the first wins and the mapping shows the other ignored. */
static gboolean
map_columns (YishiProposalImport  *self,
             GError              **error)
{
  guint n_columns = yishi_csv_table_get_n_columns (self->table);

  self->mapping = g_new (YishiProposalField, n_columns);
  for (guint column = 0; column < n_columns; column++)
    {
      char *header = yishi_text_strip (yishi_csv_table_get_header (self->table, column));
      YishiProposalField field = map_header (header);

      g_ptr_array_add (self->columns, header);
      if (field != YISHI_PROPOSAL_FIELD_IGNORED && self->field_columns[field] >= 0)
        field = YISHI_PROPOSAL_FIELD_IGNORED;
      if (field != YISHI_PROPOSAL_FIELD_IGNORED)
        self->field_columns[field] = column;
      self->mapping[column] = field;
    }

  if (self->field_columns[YISHI_PROPOSAL_FIELD_TITLE] >= 0)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
               /* Translators: %s is a file name, %u the line of the headers */
               _("%s:%u: no column holds the proposals’ titles: name one “标题” or “Title”."),
               self->filename, yishi_csv_table_get_header_line (self->table));
  return FALSE;
}

static YishiProposalImport *
import_new (const char *path)
{
  YishiProposalImport *self = g_new0 (YishiProposalImport, 1);

  self->filename = g_filename_display_name (path);
  self->columns = g_ptr_array_new_with_free_func (g_free);
  for (guint field = 0; field < YISHI_N_PROPOSAL_FIELDS; field++)
    self->field_columns[field] = -1;
  self->drafts = g_ptr_array_new ();
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func (import_problem_free);
  self->uuid_lines = g_hash_table_new (g_str_hash, g_str_equal);
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

/**
 * yishi_proposal_import_prepare:
 * Reads @path, decodes it (@encoding, or guessed), maps its columns and
 * checks every row. Fails only when the file cannot be read as a table of
 * proposals at all; bad rows are listed by get_problems ().
 */
YishiProposalImport *
yishi_proposal_import_prepare (const char     *path,
                               YishiEncoding   encoding,
                               GError        **error)
{
  g_autoptr(YishiProposalImport) self = NULL;
  guint n_records;

  g_return_val_if_fail (path != NULL, NULL);

  self = import_new (path);
  self->table = yishi_csv_table_read_file (path, encoding, self->filename, error);
  if (self->table == NULL || !map_columns (self, error))
    return NULL;

  /* room for every row, at once */
  n_records = yishi_csv_table_get_n_records (self->table);
  self->slots = _yishi_bulk_realloc (NULL, MAX (n_records, 1) * sizeof (YishiProposalDraft));
  g_ptr_array_set_size (self->drafts, n_records);
  g_ptr_array_set_size (self->drafts, 0);
  for (guint record = 0; record < n_records; record++)
    check_record (self, record);

  return g_steal_pointer (&self);
}

void
yishi_proposal_import_free (YishiProposalImport *import)
{
  if (import == NULL)
    return;

  /* the drafts first: they borrow text from the table and strings */
  g_ptr_array_unref (import->drafts);
  g_free (import->slots);
  g_hash_table_unref (import->uuid_lines);
  g_ptr_array_unref (import->strings);
  g_clear_pointer (&import->table, yishi_csv_table_free);
  g_free (import->filename);
  g_ptr_array_unref (import->columns);
  g_free (import->mapping);
  g_array_unref (import->lines);
  g_ptr_array_unref (import->problems);
  g_hash_table_unref (import->categories);
  g_hash_table_unref (import->statuses);
  g_free (import);
}

const char *
yishi_proposal_import_get_filename (YishiProposalImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return import->filename;
}

/* "UTF-8" or "GB18030". */
const char *
yishi_proposal_import_get_encoding (YishiProposalImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return yishi_csv_table_get_encoding (import->table);
}

guint
yishi_proposal_import_get_n_columns (YishiProposalImport *import)
{
  g_return_val_if_fail (import != NULL, 0);

  return import->columns->len;
}

/* The header of @column, without the spaces around it. */
const char *
yishi_proposal_import_get_column (YishiProposalImport *import,
                                  guint                column)
{
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (column < import->columns->len, NULL);

  return import->columns->pdata[column];
}

YishiProposalField
yishi_proposal_import_get_mapping (YishiProposalImport *import,
                                   guint                column)
{
  g_return_val_if_fail (import != NULL, YISHI_PROPOSAL_FIELD_IGNORED);
  g_return_val_if_fail (column < import->columns->len, YISHI_PROPOSAL_FIELD_IGNORED);

  return import->mapping[column];
}

/* Every row of data, good or bad; empty lines are not rows. */
guint
yishi_proposal_import_get_n_rows (YishiProposalImport *import)
{
  g_return_val_if_fail (import != NULL, 0);

  return yishi_csv_table_get_n_records (import->table);
}

/**
 * yishi_proposal_import_get_problems:
 * Every problem of every row, in the order of the file.
 *
 * Returns: (transfer none) (element-type YishiImportProblem):
 */
GPtrArray *
yishi_proposal_import_get_problems (YishiProposalImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);

  return import->problems;
}

/* An error of the store about one draft, located in the file. */
static void
set_row_error (YishiProposalImport  *self,
               guint                 index,
               GError               *row_error,
               GError              **error)
{
  g_set_error (error, row_error->domain, row_error->code,
               /* Translators: %s is a file name, %u a line number, the last
                * %s what went wrong */
               _("%s:%u: %s Nothing was imported."),
               self->filename, g_array_index (self->lines, guint, index), row_error->message);
}

/**
 * yishi_proposal_import_run:
 * Stores every row in one transaction, or none: refuses while there are
 * problems, and names the line of a row the store refuses.
 */
gboolean
yishi_proposal_import_run (YishiProposalImport  *import,
                           YishiDatabase        *db,
                           YishiProgressFunc     progress,
                           gpointer              progress_data,
                           GCancellable         *cancellable,
                           GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  guint failed = G_MAXUINT;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  if (import->n_bad_rows > 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IMPORT,
                   ngettext ("%u row of “%s” has problems; nothing was imported.",
                             "%u rows of “%s” have problems; nothing was imported.",
                             import->n_bad_rows),
                   import->n_bad_rows, import->filename);
      return FALSE;
    }

  /* the whole file was checked to be UTF-8 as it was read */
  if (yishi_proposal_store_add_many_full (db, import->drafts, YISHI_ADD_MANY_TEXT_CHECKED,
                                          progress, progress_data, cancellable, &failed,
                                          &local_error))
    return TRUE;

  if (failed < import->drafts->len &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_row_error (import, failed, local_error, error);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
