#include "config.h"

#include <string.h>

#include <csv.h>

#include "yishi-csv-formula.h"
#include "yishi-money.h"
#include "yishi-proposal-export.h"
#include "yishi-proposal-import.h"
#include "yishi-proposal.h"

/* Excel reads a CSV file as UTF-8 only when it starts with a BOM;
 * without one, Chinese Excel takes it for GBK and shows garbage. */
static const char utf8_bom[] = "\xEF\xBB\xBF";

/* The columns, headed by the fields' translated labels, which the import
 * maps back in either language. The proposer's phone is not part of a
 * stored proposal, so there is no column for it. */
static const YishiProposalField columns[] = {
  YISHI_PROPOSAL_FIELD_TITLE,
  YISHI_PROPOSAL_FIELD_SUMMARY,
  YISHI_PROPOSAL_FIELD_BODY,
  YISHI_PROPOSAL_FIELD_PROPOSER,
  YISHI_PROPOSAL_FIELD_COMMUNITY,
  YISHI_PROPOSAL_FIELD_CATEGORY,
  YISHI_PROPOSAL_FIELD_LOCATION,
  YISHI_PROPOSAL_FIELD_COST,
  YISHI_PROPOSAL_FIELD_HOUSEHOLDS,
  YISHI_PROPOSAL_FIELD_PEOPLE,
  YISHI_PROPOSAL_FIELD_SUBMITTED_ON,
  YISHI_PROPOSAL_FIELD_STATUS,
  YISHI_PROPOSAL_FIELD_STATUS_REASON,
  YISHI_PROPOSAL_FIELD_UUID,
};

/* The amounts and counts, which Yishi formats itself as plain numbers
 * and a spreadsheet must read as numbers: they are never guarded. */
static gboolean
is_number_column (YishiProposalField field)
{
  return field == YISHI_PROPOSAL_FIELD_COST || field == YISHI_PROPOSAL_FIELD_HOUSEHOLDS ||
         field == YISHI_PROPOSAL_FIELD_PEOPLE;
}

/* Appends @text quoted, its quotes doubled, as libcsv writes fields;
 * text that a spreadsheet would run as a formula gets the guard of
 * yishi-csv-formula.h before it, unless @number. */
static void
append_field (GString    *out,
              const char *text,
              gboolean    number)
{
  g_autofree char *guarded = NULL;
  gsize length, start, room;

  if (!number && yishi_csv_formula_needs_guard (text))
    text = guarded = g_strconcat (YISHI_CSV_FORMULA_GUARD, text, NULL);

  length = strlen (text);
  start = out->len;
  room = 2 * length + 2;

  g_string_set_size (out, start + room);
  g_string_truncate (out, start + csv_write (out->str + start, room, text, length));
}

/* "" for an amount or count that was not given. */
static char *
format_number (gint64   value,
               gboolean money)
{
  if (value == YISHI_UNKNOWN)
    return NULL;

  return money ? yishi_money_format_plain (value) : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The text of one cell; @out_owned keeps what had to be made. */
static const char *
cell_text (YishiProposal       *proposal,
           YishiProposalField   field,
           char               **out_owned)
{
  switch (field)
    {
    case YISHI_PROPOSAL_FIELD_TITLE:
      return yishi_proposal_get_title (proposal);
    case YISHI_PROPOSAL_FIELD_SUMMARY:
      return yishi_proposal_get_summary (proposal);
    case YISHI_PROPOSAL_FIELD_BODY:
      return yishi_proposal_get_body (proposal);
    case YISHI_PROPOSAL_FIELD_PROPOSER:
      return yishi_proposal_get_proposer_name (proposal);
    case YISHI_PROPOSAL_FIELD_COMMUNITY:
      return yishi_proposal_get_community (proposal);
    case YISHI_PROPOSAL_FIELD_CATEGORY:
      return yishi_category_label (yishi_proposal_get_category (proposal));
    case YISHI_PROPOSAL_FIELD_LOCATION:
      return yishi_proposal_get_location (proposal);
    case YISHI_PROPOSAL_FIELD_COST:
      return *out_owned = format_number (yishi_proposal_get_cost_fen (proposal), TRUE);
    case YISHI_PROPOSAL_FIELD_HOUSEHOLDS:
      return *out_owned = format_number (yishi_proposal_get_households (proposal), FALSE);
    case YISHI_PROPOSAL_FIELD_PEOPLE:
      return *out_owned = format_number (yishi_proposal_get_people (proposal), FALSE);
    case YISHI_PROPOSAL_FIELD_SUBMITTED_ON:
      return yishi_proposal_get_submitted_on (proposal);
    case YISHI_PROPOSAL_FIELD_STATUS:
      return yishi_proposal_status_label (yishi_proposal_get_status (proposal));
    case YISHI_PROPOSAL_FIELD_STATUS_REASON:
      return yishi_proposal_get_status_reason (proposal);
    case YISHI_PROPOSAL_FIELD_UUID:
      return yishi_proposal_get_uuid (proposal);
    case YISHI_PROPOSAL_FIELD_PHONE:
    case YISHI_PROPOSAL_FIELD_IGNORED:
    case YISHI_N_PROPOSAL_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_proposal (GString       *out,
                 YishiProposal *proposal)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *owned = NULL;
      const char *text = cell_text (proposal, columns[i], &owned);

      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, text != NULL ? text : "", is_number_column (columns[i]));
    }
  g_string_append (out, "\r\n");
}

/**
 * yishi_proposal_export_csv:
 * @proposals: (element-type YishiProposal):
 *
 * Writes @proposals to @path as Excel reads CSV: UTF-8 with a BOM, CRLF
 * line ends, every field quoted, text that would start a formula
 * guarded (yishi-csv-formula.h). Category and status are written as their
 * translated labels, for people; yishi_proposal_import_prepare () reads
 * them back. An existing file is replaced atomically: it keeps its old
 * contents if writing fails.
 */
gboolean
yishi_proposal_export_csv (GPtrArray   *proposals,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GString) out = g_string_new (utf8_bom);
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (proposals != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, yishi_proposal_field_label (columns[i]), FALSE);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < proposals->len; i++)
    append_proposal (out, g_ptr_array_index (proposals, i));

  /* unlike g_file_set_contents (), names the file itself in errors,
   * not the temporary file it writes first */
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}
