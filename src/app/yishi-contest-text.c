#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-contest-text.h"
#include "yishi-money.h"

char *
yishi_contest_points_text (gint64 hundredths)
{
  const char *sign = hundredths < 0 ? "-" : "";
  gint64 whole = ABS (hundredths) / 100;
  int part = ABS (hundredths) % 100;

  if (part == 0)
    return g_strdup_printf ("%s%" PRId64, sign, whole);
  if (part % 10 == 0)
    return g_strdup_printf ("%s%" PRId64 ".%d", sign, whole, part / 10);
  return g_strdup_printf ("%s%" PRId64 ".%02d", sign, whole, part);
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
