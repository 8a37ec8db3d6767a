#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-labels.h"
#include "yishi-money.h"

const char *
yishi_contest_state_label (YishiContestState state)
{
  switch (state)
    {
    case YISHI_CONTEST_STATE_SETUP:
      /* Translators: a contest's state: criteria, judges and proposals are being set up */
      return C_("contest state", "Setting up");
    case YISHI_CONTEST_STATE_JUDGING:
      /* Translators: a contest's state: the judges are scoring */
      return C_("contest state", "Judging");
    case YISHI_CONTEST_STATE_PUBLISHED:
      /* Translators: a contest's state: its results are published (公示) and locked */
      return C_("contest state", "Results published");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
yishi_contest_scope_label (YishiContestScope scope)
{
  switch (scope)
    {
    case YISHI_CONTEST_SCOPE_COMMUNITY:
      /* Translators: the scope of a proposal contest: one residents' community (社区) */
      return C_("contest scope", "Community");
    case YISHI_CONTEST_SCOPE_DISTRICT:
      /* Translators: the scope of a proposal contest: a whole district (区) */
      return C_("contest scope", "District");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
yishi_contest_text_summary (const YishiContestRow *contest)
{
  g_autofree char *budget = NULL;

  g_return_val_if_fail (contest != NULL, NULL);

  budget = yishi_contest_yuan_text (contest->budget_fen);

  /* Translators: a contest in a list: its state, its aggregation, then its budget, e.g.
   * “Judging · Trimmed mean · ¥300,000.00” */
  return g_strdup_printf (_("%s · %s · %s"), yishi_contest_state_label (contest->state),
                          yishi_contest_aggregation_label (contest->aggregation), budget);
}

char *
yishi_contest_text_progress (guint n_scored,
                             guint n_expected)
{
  if (n_expected > 0 && n_scored >= n_expected)
    /* Translators: scoring progress of a judge or a proposal, when every score is in */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u score is in", "All %u scores are in",
                                         n_expected), n_expected);
  /* Translators: scoring progress of a judge or a proposal */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u score in", "%u of %u scores in", n_expected),
                          n_scored, n_expected);
}

char *
yishi_contest_yuan_text (gint64 fen)
{
  g_autofree char *amount = yishi_money_format_yuan (fen);

  /* Translators: an amount of money in yuan, such as ¥200,000.00 */
  return g_strdup_printf (_("¥%s"), amount);
}

const char *
yishi_recusal_reason_label (YishiRecusalReason reason)
{
  switch (reason)
    {
    case YISHI_RECUSAL_PROPOSER:
      /* Translators: why a judge does not score a proposal (回避) */
      return _("Is the proposer");
    case YISHI_RECUSAL_SAME_GRID:
      /* Translators: why a judge does not score a proposal (回避) */
      return _("Same grid");
    case YISHI_RECUSAL_RELATIVE:
      /* Translators: why a judge does not score a proposal (回避) */
      return _("Relative of the proposer");
    case YISHI_RECUSAL_OTHER:
    default:
      /* Translators: why a judge does not score a proposal (回避); a note says more */
      return C_("recusal reason", "Other");
    }
}

const char *
yishi_recusal_reason_phrase (YishiRecusalReason reason)
{
  switch (reason)
    {
    case YISHI_RECUSAL_PROPOSER:
      /* Translators: follows a judge's name and a proposal, as in “王芳 — 加装电梯: is the proposer” */
      return _("is the proposer");
    case YISHI_RECUSAL_SAME_GRID:
      /* Translators: follows a judge's name and a proposal; the judge and the proposer share a grid */
      return _("lives in the proposer’s grid");
    case YISHI_RECUSAL_RELATIVE:
      /* Translators: follows a judge's name and a proposal */
      return _("is a relative of the proposer");
    case YISHI_RECUSAL_OTHER:
    default:
      /* Translators: follows a judge's name and a proposal; a note says why */
      return _("other reason");
    }
}
