#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-contest-funding.h"
#include "yishi-error.h"
#include "yishi-key-table.h"
#include "yishi-money.h"
#include "yishi-text.h"

static const YishiKeyEntry funding_rules[YISHI_N_CONTEST_FUNDING_RULES] = {
  /* Translators: a funding rule of a proposal contest: in rank order, fund each proposal that still fits the budget */
  { "greedy", N_("In rank order within the budget"), "按名次在预算内依次资助" },
  /* Translators: a funding rule of a proposal contest: fund a fixed number of the best proposals */
  { "top-n", N_("The top N"), "前N名" },
};

static void
clear_grant (gpointer data)
{
  YishiContestGrant *grant = data;

  g_clear_pointer (&grant->reason, g_free);
}

/* The rule's decisions, before any override. */
static void
apply_rule (YishiContestFunding       *funding,
            const YishiContestRanking *ranking)
{
  gint64 left = funding->budget;
  guint ranked = 0;

  for (guint i = 0; i < funding->grants->len; i++)
    {
      YishiContestGrant *grant = &g_array_index (funding->grants, YishiContestGrant, i);
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);

      /* no one scored it: the rules do not fund it */
      if (place->rank == 0)
        continue;

      ranked++;
      if (funding->rule == YISHI_CONTEST_FUNDING_TOP_N)
        grant->funded = ranked <= funding->top_n;
      else if (grant->cost <= left)
        grant->funded = TRUE;

      grant->by_rule = grant->funded;
      if (grant->funded)
        left -= grant->cost;
    }
}

guint
yishi_contest_funding_get_line (const YishiContestFunding *funding)
{
  guint line = 0;

  g_return_val_if_fail (funding != NULL, 0);

  while (line < funding->grants->len && g_array_index (funding->grants, YishiContestGrant, line).by_rule)
    line++;
  return line;
}

static YishiContestGrant *
find_grant (YishiContestFunding *funding,
            gint64               proposal_id)
{
  for (guint i = 0; i < funding->grants->len; i++)
    {
      YishiContestGrant *grant = &g_array_index (funding->grants, YishiContestGrant, i);

      if (grant->proposal_id == proposal_id)
        return grant;
    }

  return NULL;
}

/* Each override replaces one decision and keeps its reason; the rule is
 * not run again, so funding one more proposal by hand does not silently
 * drop another. */
static gboolean
apply_overrides (YishiContestFunding         *funding,
                 const YishiContestOverride  *overrides,
                 guint                        n_overrides,
                 GError                     **error)
{
  for (guint i = 0; i < n_overrides; i++)
    {
      const YishiContestOverride *override = &overrides[i];
      YishiContestGrant *grant = find_grant (funding, override->proposal_id);
      g_autofree char *reason = override->reason != NULL ? yishi_text_strip (override->reason) : NULL;

      if (grant == NULL)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                       /* Translators: the number is the id of a proposal */
                       _("proposal %" PRId64 " is not in this contest's ranking"),
                       (int64_t) override->proposal_id);
          return FALSE;
        }
      if (reason == NULL || reason[0] == '\0')
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: an organiser changed whether a proposal is funded; the number is its id */
                       _("the funding decision on proposal %" PRId64 " is overridden without a reason"),
                       (int64_t) override->proposal_id);
          return FALSE;
        }
      if (grant->overridden)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: the number is the id of a proposal */
                       _("the funding decision on proposal %" PRId64 " is overridden twice"),
                       (int64_t) override->proposal_id);
          return FALSE;
        }

      grant->funded = override->funded;
      grant->overridden = TRUE;
      grant->reason = g_steal_pointer (&reason);
    }

  return TRUE;
}

static void
count_remaining (YishiContestFunding *funding)
{
  gint64 left = funding->budget;

  for (guint i = 0; i < funding->grants->len; i++)
    {
      YishiContestGrant *grant = &g_array_index (funding->grants, YishiContestGrant, i);

      if (grant->funded)
        left -= grant->cost;
      grant->remaining = left;
    }

  funding->spent = funding->budget - left;
}

/* Decides every proposal of @ranking by @rule (@top_n only counts for
 * top N), then applies @overrides. An override without a reason, of a
 * proposal not in the ranking or of one already overridden is refused
 * and nothing is returned. Proposals no judge scored are funded only by
 * an override. */
YishiContestFunding *
yishi_contest_fund (const YishiContestRanking   *ranking,
                    YishiContestFundingRule      rule,
                    gint64                       budget,
                    guint                        top_n,
                    const YishiContestOverride  *overrides,
                    guint                        n_overrides,
                    GError                     **error)
{
  g_autoptr(YishiContestFunding) funding = NULL;
  guint n_places;

  g_return_val_if_fail (ranking != NULL, NULL);
  g_return_val_if_fail (rule < YISHI_N_CONTEST_FUNDING_RULES, NULL);
  g_return_val_if_fail (overrides != NULL || n_overrides == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (budget < 0 || budget > YISHI_MONEY_MAX_FEN)
    {
      g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                           /* Translators: the total budget of a proposal contest is below 0 or absurdly large */
                           _("the contest's budget is out of range"));
      return NULL;
    }

  n_places = yishi_contest_ranking_get_n_places (ranking);
  funding = g_new0 (YishiContestFunding, 1);
  funding->rule = rule;
  funding->budget = budget;
  funding->top_n = rule == YISHI_CONTEST_FUNDING_TOP_N ? top_n : 0;
  funding->grants = g_array_sized_new (FALSE, TRUE, sizeof (YishiContestGrant), n_places);
  g_array_set_clear_func (funding->grants, clear_grant);
  g_array_set_size (funding->grants, n_places);

  for (guint i = 0; i < n_places; i++)
    {
      YishiContestGrant *grant = &g_array_index (funding->grants, YishiContestGrant, i);
      const YishiContestPlace *place = yishi_contest_ranking_get (ranking, i);

      grant->proposal_id = place->proposal_id;
      grant->cost = place->cost;
    }

  apply_rule (funding, ranking);
  if (!apply_overrides (funding, overrides, n_overrides, error))
    return NULL;
  count_remaining (funding);

  return g_steal_pointer (&funding);
}

void
yishi_contest_funding_free (YishiContestFunding *funding)
{
  if (funding == NULL)
    return;

  g_clear_pointer (&funding->grants, g_array_unref);
  g_free (funding);
}

const YishiContestGrant *
yishi_contest_funding_find (const YishiContestFunding *funding,
                            gint64                     proposal_id)
{
  g_return_val_if_fail (funding != NULL, NULL);

  return find_grant ((YishiContestFunding *) funding, proposal_id);
}

const char *
yishi_contest_funding_rule_to_key (YishiContestFundingRule rule)
{
  g_return_val_if_fail (rule < YISHI_N_CONTEST_FUNDING_RULES, NULL);

  return funding_rules[rule].key;
}

gboolean
yishi_contest_funding_rule_from_key (const char              *key,
                                     YishiContestFundingRule *out_rule)
{
  guint found;

  g_return_val_if_fail (out_rule != NULL, FALSE);

  if (!yishi_key_table_find (funding_rules, YISHI_N_CONTEST_FUNDING_RULES, key, &found))
    return FALSE;

  *out_rule = found;
  return TRUE;
}

gboolean
yishi_contest_funding_rule_parse (const char              *text,
                                  YishiContestFundingRule *out_rule)
{
  guint found;

  g_return_val_if_fail (out_rule != NULL, FALSE);

  if (!yishi_key_table_parse (funding_rules, YISHI_N_CONTEST_FUNDING_RULES, text, &found))
    return FALSE;

  *out_rule = found;
  return TRUE;
}

const char *
yishi_contest_funding_rule_label (YishiContestFundingRule rule)
{
  g_return_val_if_fail (rule < YISHI_N_CONTEST_FUNDING_RULES, NULL);

  return _(funding_rules[rule].label);
}

/* The rule in words, for the results and the public notice. */
char *
yishi_contest_funding_rule_describe (YishiContestFundingRule rule,
                                     guint                   top_n)
{
  g_return_val_if_fail (rule < YISHI_N_CONTEST_FUNDING_RULES, NULL);

  if (rule == YISHI_CONTEST_FUNDING_GREEDY)
    /* Translators: describes a funding rule of a proposal contest */
    return g_strdup (_("in rank order, each proposal whose cost still fits in the remaining budget is funded"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: describes a funding rule of a proposal contest; %u is a number of proposals */
                                       "the best-ranked proposal is funded",
                                       "the %u best-ranked proposals are funded", top_n),
                          top_n);
}
