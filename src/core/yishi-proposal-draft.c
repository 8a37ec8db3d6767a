#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-proposal-draft.h"
#include "yishi-text.h"

YishiProposalDraft *
yishi_proposal_draft_new (void)
{
  YishiProposalDraft *draft = g_new (YishiProposalDraft, 1);

  yishi_proposal_draft_init (draft);
  return draft;
}

/* Sets every field of @draft to its default, for drafts that are not
 * allocated one by one (an import keeps them in one array), and owns
 * none of their strings. */
void
yishi_proposal_draft_init (YishiProposalDraft *draft)
{
  g_return_if_fail (draft != NULL);

  memset (draft, 0, sizeof *draft);
  draft->category = YISHI_CATEGORY_OTHER;
  draft->cost_fen = YISHI_UNKNOWN;
  draft->households = YISHI_UNKNOWN;
  draft->people = YISHI_UNKNOWN;
  draft->status = YISHI_PROPOSAL_STATUS_DRAFT;
}

YishiProposalDraft *
yishi_proposal_draft_copy (const YishiProposalDraft *draft)
{
  YishiProposalDraft *copy = g_memdup2 (draft, sizeof *draft);

  copy->uuid = g_strdup (draft->uuid);
  copy->title = g_strdup (draft->title);
  copy->summary = g_strdup (draft->summary);
  copy->body = g_strdup (draft->body);
  copy->proposer_name = g_strdup (draft->proposer_name);
  copy->proposer_phone = g_strdup (draft->proposer_phone);
  copy->community = g_strdup (draft->community);
  copy->location = g_strdup (draft->location);
  copy->submitted_on = g_strdup (draft->submitted_on);
  copy->status_reason = g_strdup (draft->status_reason);

  return copy;
}

void
yishi_proposal_draft_free (YishiProposalDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->uuid);
  g_free (draft->title);
  g_free (draft->summary);
  g_free (draft->body);
  g_free (draft->proposer_name);
  g_free (draft->proposer_phone);
  g_free (draft->community);
  g_free (draft->location);
  g_free (draft->submitted_on);
  g_free (draft->status_reason);
  g_free (draft);
}

static guint
digits_value (const char *text,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

/* TRUE for a real calendar date written YYYY-MM-DD: exactly ten
 * characters, digits where digits belong (no signs, no spaces). */
gboolean
yishi_date_is_valid (const char *iso_date)
{
  guint y, m, d;

  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;

  y = digits_value (iso_date, 4);
  m = digits_value (iso_date + 5, 2);
  d = digits_value (iso_date + 8, 2);

  return y >= 1900 && g_date_valid_dmy (d, m, y);
}

static gboolean
check_uuid (const char  *uuid,
            GError     **error)
{
  if (uuid == NULL || g_uuid_string_is_valid (uuid))
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is the identifier given */
               _("“%s” is not a UUID (such as 0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b)."),
               g_utf8_validate (uuid, -1, NULL) ? uuid : "?");
  return FALSE;
}

/* The text fields, in the order they are checked, with the names that
 * errors give them: translated only when there is an error to tell. */
static const struct
{
  gsize       offset;
  const char *label;
  gboolean    required;
} text_fields[] = {
  { G_STRUCT_OFFSET (YishiProposalDraft, title), N_("Title"), TRUE },
  { G_STRUCT_OFFSET (YishiProposalDraft, summary), N_("Summary"), FALSE },
  { G_STRUCT_OFFSET (YishiProposalDraft, body), N_("Full text"), FALSE },
  { G_STRUCT_OFFSET (YishiProposalDraft, proposer_name), N_("Proposer"), FALSE },
  { G_STRUCT_OFFSET (YishiProposalDraft, proposer_phone), N_("Proposer’s phone"), FALSE },
  { G_STRUCT_OFFSET (YishiProposalDraft, community), N_("Community"), FALSE },
  { G_STRUCT_OFFSET (YishiProposalDraft, location), N_("Location"), FALSE },
  { G_STRUCT_OFFSET (YishiProposalDraft, status_reason), N_("Reason"), FALSE },
};

/* Valid UTF-8, when @check_encoding, and present when required. */
static gboolean
check_texts (const YishiProposalDraft  *draft,
             gboolean                   check_encoding,
             GError                   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, draft, text_fields[i].offset);

      if (check_encoding && text != NULL && !g_utf8_validate (text, -1, NULL))
        return yishi_text_check_field (text, -1, _(text_fields[i].label), FALSE, error);

      if (text_fields[i].required &&
          (text == NULL || yishi_text_is_blank_len (text, strlen (text))))
        return yishi_text_check_field (text, -1, _(text_fields[i].label), TRUE, error);
    }

  return TRUE;
}

static gboolean
check_count (gint64       value,
             const char  *field,
             GError     **error)
{
  if (value == YISHI_UNKNOWN || (value >= 0 && value <= G_MAXINT32))
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is a field name */
               _("%s must be a whole number of zero or more."), _(field));
  return FALSE;
}

static gboolean
check_reason (const YishiProposalDraft  *draft,
              GError                   **error)
{
  const char *reason = draft->status_reason;

  if (!yishi_proposal_status_needs_reason (draft->status) ||
      (reason != NULL && !yishi_text_is_blank_len (reason, strlen (reason))))
    return TRUE;

  /* says which status needs one */
  return yishi_proposal_status_check_reason (draft->status, reason, error);
}

static gboolean
validate (const YishiProposalDraft  *draft,
          gboolean                   check_encoding,
          GError                   **error)
{
  if (!check_texts (draft, check_encoding, error) ||
      !check_count (draft->households, N_("Households"), error) ||
      !check_count (draft->people, N_("People"), error) ||
      !check_uuid (draft->uuid, error))
    return FALSE;

  if (draft->category >= YISHI_N_CATEGORIES || draft->status >= YISHI_N_PROPOSAL_STATUSES)
    {
      g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                           _("Unknown category or status."));
      return FALSE;
    }

  if (draft->cost_fen != YISHI_UNKNOWN &&
      (draft->cost_fen < 0 || draft->cost_fen > YISHI_MONEY_MAX_FEN))
    {
      g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                           _("Estimated cost must be zero or more, and at most 100 billion yuan."));
      return FALSE;
    }

  if (draft->submitted_on != NULL && !yishi_date_is_valid (draft->submitted_on))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is the date the user gave */
                   _("Submitted date “%s” is not a date written as YYYY-MM-DD."),
                   g_utf8_validate (draft->submitted_on, -1, NULL) ? draft->submitted_on : "?");
      return FALSE;
    }

  return check_reason (draft, error);
}

/**
 * yishi_proposal_draft_validate:
 * Checks every rule a proposal must meet before it is stored, the
 * encoding of its text included.
 */
gboolean
yishi_proposal_draft_validate (const YishiProposalDraft  *draft,
                               GError                   **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  return validate (draft, TRUE, error);
}

/**
 * yishi_proposal_draft_validate_values:
 * yishi_proposal_draft_validate () without checking that the text is
 * valid UTF-8, for a caller that guarantees it is — such as an import
 * that has checked its whole file — so that large batches do not read
 * every text again. A C string cannot hold a NUL byte, so there is none.
 */
gboolean
yishi_proposal_draft_validate_values (const YishiProposalDraft  *draft,
                                      GError                   **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  return validate (draft, FALSE, error);
}
