#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-proposal-draft.h"
#include "yishi-text.h"

YishiProposalDraft *
yishi_proposal_draft_new (void)
{
  YishiProposalDraft *draft = g_new0 (YishiProposalDraft, 1);

  draft->category = YISHI_CATEGORY_OTHER;
  draft->cost_fen = YISHI_UNKNOWN;
  draft->households = YISHI_UNKNOWN;
  draft->people = YISHI_UNKNOWN;
  draft->status = YISHI_PROPOSAL_STATUS_DRAFT;

  return draft;
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

static gboolean
check_count (gint64       value,
             const char  *field,
             GError     **error)
{
  if (value == YISHI_UNKNOWN || (value >= 0 && value <= G_MAXINT32))
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is a field name */
               _("%s must be a whole number of zero or more."), field);
  return FALSE;
}

gboolean
yishi_proposal_draft_validate (const YishiProposalDraft  *draft,
                               GError                   **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!yishi_text_check_field (draft->title, -1, _("Title"), TRUE, error) ||
      !yishi_text_check_field (draft->summary, -1, _("Summary"), FALSE, error) ||
      !yishi_text_check_field (draft->body, -1, _("Full text"), FALSE, error) ||
      !yishi_text_check_field (draft->proposer_name, -1, _("Proposer"), FALSE, error) ||
      !yishi_text_check_field (draft->proposer_phone, -1, _("Proposer’s phone"), FALSE, error) ||
      !yishi_text_check_field (draft->community, -1, _("Community"), FALSE, error) ||
      !yishi_text_check_field (draft->location, -1, _("Location"), FALSE, error) ||
      !yishi_text_check_field (draft->status_reason, -1, _("Reason"), FALSE, error) ||
      !check_count (draft->households, _("Households"), error) ||
      !check_count (draft->people, _("People"), error) ||
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

  return yishi_proposal_status_check_reason (draft->status, draft->status_reason, error);
}
