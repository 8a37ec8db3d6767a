#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-key-table.h"
#include "yishi-proposal-status.h"
#include "yishi-text.h"

static const YishiKeyEntry statuses[YISHI_N_PROPOSAL_STATUSES] = {
  { "draft", N_("Draft"), "草稿" },
  { "submitted", N_("Submitted"), "已提交" },
  { "screened-in", N_("Screened In"), "初审通过" },
  { "screened-out", N_("Screened Out"), "初审未通过" },
  { "shortlisted", N_("Shortlisted"), "入围" },
  { "accepted", N_("Accepted"), "已采纳" },
  { "rejected", N_("Rejected"), "未采纳" },
  { "implemented", N_("Implemented"), "已实施" },
};

#define BIT(s) (1u << YISHI_PROPOSAL_STATUS_##s)

/* For each status, the bit set of the statuses it may move to. */
static const guint next_statuses[YISHI_N_PROPOSAL_STATUSES] = {
  [YISHI_PROPOSAL_STATUS_DRAFT] = BIT (SUBMITTED),
  [YISHI_PROPOSAL_STATUS_SUBMITTED] = BIT (SCREENED_IN) | BIT (SCREENED_OUT),
  [YISHI_PROPOSAL_STATUS_SCREENED_IN] = BIT (SHORTLISTED) | BIT (ACCEPTED) | BIT (REJECTED),
  [YISHI_PROPOSAL_STATUS_SCREENED_OUT] = 0,
  [YISHI_PROPOSAL_STATUS_SHORTLISTED] = BIT (ACCEPTED) | BIT (REJECTED),
  [YISHI_PROPOSAL_STATUS_ACCEPTED] = BIT (IMPLEMENTED),
  [YISHI_PROPOSAL_STATUS_REJECTED] = 0,
  [YISHI_PROPOSAL_STATUS_IMPLEMENTED] = 0,
};

#undef BIT

const char *
yishi_proposal_status_to_key (YishiProposalStatus status)
{
  g_return_val_if_fail (status < YISHI_N_PROPOSAL_STATUSES, NULL);

  return statuses[status].key;
}

gboolean
yishi_proposal_status_from_key (const char          *key,
                                YishiProposalStatus *out_status)
{
  guint found;

  g_return_val_if_fail (out_status != NULL, FALSE);

  if (!yishi_key_table_find (statuses, YISHI_N_PROPOSAL_STATUSES, key, &found))
    return FALSE;

  *out_status = found;
  return TRUE;
}

const char *
yishi_proposal_status_label (YishiProposalStatus status)
{
  g_return_val_if_fail (status < YISHI_N_PROPOSAL_STATUSES, NULL);

  return _(statuses[status].label);
}

gboolean
yishi_proposal_status_parse (const char          *text,
                             YishiProposalStatus *out_status)
{
  guint found;

  g_return_val_if_fail (out_status != NULL, FALSE);

  if (!yishi_key_table_parse (statuses, YISHI_N_PROPOSAL_STATUSES, text, &found))
    return FALSE;

  *out_status = found;
  return TRUE;
}

gboolean
yishi_proposal_status_can_move (YishiProposalStatus from,
                                YishiProposalStatus to)
{
  g_return_val_if_fail (from < YISHI_N_PROPOSAL_STATUSES, FALSE);
  g_return_val_if_fail (to < YISHI_N_PROPOSAL_STATUSES, FALSE);

  return (next_statuses[from] & (1u << to)) != 0;
}

/* Fills @out_next (room for YISHI_N_PROPOSAL_STATUSES) with the statuses
 * @from may move to, in lifecycle order; returns how many there are. */
guint
yishi_proposal_status_next (YishiProposalStatus  from,
                            YishiProposalStatus *out_next)
{
  guint n = 0;

  g_return_val_if_fail (from < YISHI_N_PROPOSAL_STATUSES, 0);

  for (guint i = 0; i < YISHI_N_PROPOSAL_STATUSES; i++)
    if (yishi_proposal_status_can_move (from, i))
      out_next[n++] = i;

  return n;
}

gboolean
yishi_proposal_status_needs_reason (YishiProposalStatus status)
{
  return status == YISHI_PROPOSAL_STATUS_SCREENED_OUT;
}

static char *
allowed_moves_text (YishiProposalStatus from)
{
  YishiProposalStatus next[YISHI_N_PROPOSAL_STATUSES];
  guint n = yishi_proposal_status_next (from, next);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: separates status names in a list */
        g_string_append (text, _(", "));
      g_string_append (text, yishi_proposal_status_label (next[i]));
    }

  return g_string_free (text, FALSE);
}

gboolean
yishi_proposal_status_check_move (YishiProposalStatus   from,
                                  YishiProposalStatus   to,
                                  const char           *reason,
                                  GError              **error)
{
  if (!yishi_proposal_status_can_move (from, to))
    {
      g_autofree char *allowed = allowed_moves_text (from);

      if (*allowed == '\0')
        g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                     /* Translators: both are status names */
                     _("A proposal cannot move from “%s” to “%s”: “%s” is final."),
                     yishi_proposal_status_label (from),
                     yishi_proposal_status_label (to),
                     yishi_proposal_status_label (from));
      else
        g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                     /* Translators: the first two are status names, the last a list of them */
                     _("A proposal cannot move from “%s” to “%s”. Allowed: %s."),
                     yishi_proposal_status_label (from),
                     yishi_proposal_status_label (to),
                     allowed);
      return FALSE;
    }

  return yishi_proposal_status_check_reason (to, reason, error);
}

gboolean
yishi_proposal_status_check_reason (YishiProposalStatus   status,
                                    const char           *reason,
                                    GError              **error)
{
  if (!yishi_text_check_field (reason, -1, _("Reason"), FALSE, error))
    return FALSE;

  if (yishi_proposal_status_needs_reason (status) && yishi_text_is_blank (reason))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   _("A reason is required to mark a proposal “%s”."),
                   yishi_proposal_status_label (status));
      return FALSE;
    }

  return TRUE;
}
