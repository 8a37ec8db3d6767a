#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-key-table.h"
#include "yishi-text.h"
#include "yishi-vote.h"

#define COUNT_PREFIX "count:"

/* The last entry names count:K, whose key carries a number: only the
 * entries before it are whole keys. */
static const YishiKeyEntry quorum_kinds[YISHI_N_VOTE_QUORUM_KINDS] = {
  { "none", N_("No quorum rule"), "不设法定人数" },
  { "more-than-half", N_("More than half of the members"), "过半数" },
  { "two-thirds", N_("Two thirds of the members"), "三分之二" },
  { "count", N_("A fixed number of members"), "固定人数" },
};

static const YishiKeyEntry bases[YISHI_N_VOTE_BASES] = {
  { "yes-no", N_("Yes and no votes"), "赞成票和反对票" },
  { "yes-no-abstain", N_("Yes, no and abstain votes"), "赞成、反对和弃权票" },
  { "cast", N_("Ballots cast"), "投票总数" },
  { "present", N_("Members present"), "实到人数" },
  { "members", N_("All members"), "应到人数" },
};

static const YishiKeyEntry majorities[YISHI_N_VOTE_MAJORITIES] = {
  { "simple", N_("Simple majority"), "过半数" },
  { "two-thirds", N_("Two-thirds majority"), "三分之二多数" },
  { "three-quarters", N_("Three-quarters majority"), "四分之三多数" },
  { "unanimous", N_("Unanimity"), "全体一致" },
};

static const YishiKeyEntry verdicts[YISHI_N_VOTE_VERDICTS] = {
  { "passed", N_("Passed"), "通过" },
  { "failed", N_("Failed"), "未通过" },
  { "no-quorum", N_("No quorum"), "不足法定人数" },
  { "no-verdict", N_("No verdict"), "无法表决" },
};

/* Whole sentences, one per majority and base, so that translators never
 * assemble fragments. */
static const char * const majority_phrases[YISHI_N_VOTE_MAJORITIES][YISHI_N_VOTE_BASES] = {
  [YISHI_VOTE_MAJORITY_SIMPLE] = {
    /* Translators: a majority rule: more than half of the yes and no votes; abstentions do not count */
    N_("yes votes outnumber no votes"),
    /* Translators: a majority rule */
    N_("yes votes exceed half of the yes, no and abstain votes"),
    /* Translators: a majority rule; invalid ballots count as cast */
    N_("yes votes exceed half of the ballots cast, invalid ones included"),
    /* Translators: a majority rule */
    N_("yes votes exceed half of the members present"),
    /* Translators: a majority rule */
    N_("yes votes exceed half of all members"),
  },
  [YISHI_VOTE_MAJORITY_TWO_THIRDS] = {
    /* Translators: a majority rule; abstentions do not count */
    N_("yes votes are at least two thirds of the yes and no votes"),
    /* Translators: a majority rule */
    N_("yes votes are at least two thirds of the yes, no and abstain votes"),
    /* Translators: a majority rule; invalid ballots count as cast */
    N_("yes votes are at least two thirds of the ballots cast, invalid ones included"),
    /* Translators: a majority rule */
    N_("yes votes are at least two thirds of the members present"),
    /* Translators: a majority rule */
    N_("yes votes are at least two thirds of all members"),
  },
  [YISHI_VOTE_MAJORITY_THREE_QUARTERS] = {
    /* Translators: a majority rule; abstentions do not count */
    N_("yes votes are at least three quarters of the yes and no votes"),
    /* Translators: a majority rule */
    N_("yes votes are at least three quarters of the yes, no and abstain votes"),
    /* Translators: a majority rule; invalid ballots count as cast */
    N_("yes votes are at least three quarters of the ballots cast, invalid ones included"),
    /* Translators: a majority rule */
    N_("yes votes are at least three quarters of the members present"),
    /* Translators: a majority rule */
    N_("yes votes are at least three quarters of all members"),
  },
  [YISHI_VOTE_MAJORITY_UNANIMOUS] = {
    /* Translators: a majority rule: no one votes no; abstentions do not count */
    N_("every vote is yes, abstentions aside"),
    /* Translators: a majority rule: an abstention also stops the motion */
    N_("every vote is yes, with no abstentions"),
    /* Translators: a majority rule: an abstention or an invalid ballot also stops the motion */
    N_("every ballot cast is a yes vote, with no abstentions or invalid ballots"),
    /* Translators: a majority rule */
    N_("every member present votes yes"),
    /* Translators: a majority rule: every member, present or not */
    N_("every member votes yes"),
  },
};

static const char * const quorum_phrases[YISHI_VOTE_QUORUM_COUNT] = {
  /* Translators: a quorum rule, shown after “quorum:” */
  N_("not required"),
  /* Translators: a quorum rule, shown after “quorum:”: present > members / 2 */
  N_("more than half of the members present"),
  /* Translators: a quorum rule, shown after “quorum:”: present ≥ members × 2/3 */
  N_("at least two thirds of the members present"),
};

static gboolean
quorum_is_valid (const YishiVoteQuorum *quorum)
{
  if (quorum->kind == YISHI_VOTE_QUORUM_COUNT)
    return quorum->count > 0;

  return quorum->kind < YISHI_N_VOTE_QUORUM_KINDS;
}

static gboolean
rule_is_valid (const YishiVoteRule *rule)
{
  return quorum_is_valid (&rule->quorum) &&
         rule->majority < YISHI_N_VOTE_MAJORITIES &&
         rule->base < YISHI_N_VOTE_BASES;
}

/* "count:K" with K a positive decimal number and nothing else. */
static gboolean
parse_count_key (const char *key,
                 guint      *out_count)
{
  guint64 count;

  if (g_ascii_strncasecmp (key, COUNT_PREFIX, strlen (COUNT_PREFIX)) != 0)
    return FALSE;
  if (!g_ascii_string_to_unsigned (key + strlen (COUNT_PREFIX), 10, 1, G_MAXUINT, &count, NULL))
    return FALSE;

  *out_count = count;
  return TRUE;
}

static void
set_quorum (YishiVoteQuorum     *quorum,
            YishiVoteQuorumKind  kind,
            guint                count)
{
  quorum->kind = kind;
  quorum->count = count;
}

/* Whether enough members are present, counted against all members. */
static gboolean
quorum_holds (const YishiVoteQuorum *quorum,
              const YishiVoteCounts *counts)
{
  guint64 present = counts->present;
  guint64 members = counts->members;

  switch (quorum->kind)
    {
    case YISHI_VOTE_QUORUM_NONE:
      return TRUE;
    case YISHI_VOTE_QUORUM_MORE_THAN_HALF:
      return 2 * present > members;
    case YISHI_VOTE_QUORUM_TWO_THIRDS:
      return 3 * present >= 2 * members;
    case YISHI_VOTE_QUORUM_COUNT:
      return present >= quorum->count;
    default:
      g_assert_not_reached ();
    }
}

/* b; it fits a guint once the counts are consistent. */
static guint
base_value (YishiVoteBase          base,
            const YishiVoteCounts *counts)
{
  guint64 yes_no = (guint64) counts->yes + counts->no;
  guint64 value;

  switch (base)
    {
    case YISHI_VOTE_BASE_YES_NO:
      value = yes_no;
      break;
    case YISHI_VOTE_BASE_YES_NO_ABSTAIN:
      value = yes_no + counts->abstain;
      break;
    case YISHI_VOTE_BASE_CAST:
      value = yes_no + counts->abstain + counts->invalid;
      break;
    case YISHI_VOTE_BASE_PRESENT:
      value = counts->present;
      break;
    case YISHI_VOTE_BASE_MEMBERS:
      value = counts->members;
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert (value <= G_MAXUINT);
  return value;
}

static gboolean
majority_holds (YishiVoteMajority majority,
                guint64           yes,
                guint64           base)
{
  switch (majority)
    {
    case YISHI_VOTE_MAJORITY_SIMPLE:
      return 2 * yes > base;
    case YISHI_VOTE_MAJORITY_TWO_THIRDS:
      return 3 * yes >= 2 * base;
    case YISHI_VOTE_MAJORITY_THREE_QUARTERS:
      return 4 * yes >= 3 * base;
    case YISHI_VOTE_MAJORITY_UNANIMOUS:
      return yes == base;
    default:
      g_assert_not_reached ();
    }
}

/* ⌊b/2⌋ + 1, ⌈2b/3⌉, ⌈3b/4⌉ or b: the least Y that passes. */
static guint
votes_required (YishiVoteMajority majority,
                guint64           base)
{
  switch (majority)
    {
    case YISHI_VOTE_MAJORITY_SIMPLE:
      return base / 2 + 1;
    case YISHI_VOTE_MAJORITY_TWO_THIRDS:
      return (2 * base + 2) / 3;
    case YISHI_VOTE_MAJORITY_THREE_QUARTERS:
      return (3 * base + 3) / 4;
    case YISHI_VOTE_MAJORITY_UNANIMOUS:
      return base;
    default:
      g_assert_not_reached ();
    }
}

/* Y/b in hundredths of a percent, rounded half up: ⌊(20000·Y + b) / 2b⌋. */
static guint
yes_share (guint64 yes,
           guint64 base)
{
  if (base == 0)
    return 0;

  return (20000 * yes + base) / (2 * base);
}

char *
yishi_vote_quorum_to_key (const YishiVoteQuorum *quorum)
{
  g_return_val_if_fail (quorum != NULL, NULL);
  g_return_val_if_fail (quorum_is_valid (quorum), NULL);

  if (quorum->kind == YISHI_VOTE_QUORUM_COUNT)
    return g_strdup_printf (COUNT_PREFIX "%u", quorum->count);

  return g_strdup (quorum_kinds[quorum->kind].key);
}

/* Exactly a stored key: none, more-than-half, two-thirds or count:K. */
gboolean
yishi_vote_quorum_from_key (const char      *key,
                            YishiVoteQuorum *out_quorum)
{
  guint found;
  guint count;

  g_return_val_if_fail (out_quorum != NULL, FALSE);

  if (key != NULL && g_str_has_prefix (key, COUNT_PREFIX))
    {
      if (!parse_count_key (key, &count))
        return FALSE;
      set_quorum (out_quorum, YISHI_VOTE_QUORUM_COUNT, count);
      return TRUE;
    }

  if (!yishi_key_table_find (quorum_kinds, YISHI_VOTE_QUORUM_COUNT, key, &found))
    return FALSE;

  set_quorum (out_quorum, found, 0);
  return TRUE;
}

/* As people type it: a key (count:K in any case) or a name in Chinese
 * or English, with spaces around it. */
gboolean
yishi_vote_quorum_parse (const char      *text,
                         YishiVoteQuorum *out_quorum)
{
  g_autofree char *stripped = NULL;
  guint found;
  guint count;

  g_return_val_if_fail (out_quorum != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  stripped = yishi_text_strip (text);
  if (parse_count_key (stripped, &count))
    {
      set_quorum (out_quorum, YISHI_VOTE_QUORUM_COUNT, count);
      return TRUE;
    }

  if (!yishi_key_table_parse (quorum_kinds, YISHI_VOTE_QUORUM_COUNT, stripped, &found))
    return FALSE;

  set_quorum (out_quorum, found, 0);
  return TRUE;
}

const char *
yishi_vote_quorum_kind_label (YishiVoteQuorumKind kind)
{
  g_return_val_if_fail (kind < YISHI_N_VOTE_QUORUM_KINDS, NULL);

  return _(quorum_kinds[kind].label);
}

char *
yishi_vote_quorum_describe (const YishiVoteQuorum *quorum)
{
  g_return_val_if_fail (quorum != NULL, NULL);
  g_return_val_if_fail (quorum_is_valid (quorum), NULL);

  if (quorum->kind == YISHI_VOTE_QUORUM_COUNT)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a quorum rule, shown after “quorum:”; %u is a number of members */
                                         "at least %u member present",
                                         "at least %u members present", quorum->count),
                            quorum->count);

  return g_strdup (_(quorum_phrases[quorum->kind]));
}

const char *
yishi_vote_base_to_key (YishiVoteBase base)
{
  g_return_val_if_fail (base < YISHI_N_VOTE_BASES, NULL);

  return bases[base].key;
}

gboolean
yishi_vote_base_from_key (const char    *key,
                          YishiVoteBase *out_base)
{
  guint found;

  g_return_val_if_fail (out_base != NULL, FALSE);

  if (!yishi_key_table_find (bases, YISHI_N_VOTE_BASES, key, &found))
    return FALSE;

  *out_base = found;
  return TRUE;
}

gboolean
yishi_vote_base_parse (const char    *text,
                       YishiVoteBase *out_base)
{
  guint found;

  g_return_val_if_fail (out_base != NULL, FALSE);

  if (!yishi_key_table_parse (bases, YISHI_N_VOTE_BASES, text, &found))
    return FALSE;

  *out_base = found;
  return TRUE;
}

const char *
yishi_vote_base_label (YishiVoteBase base)
{
  g_return_val_if_fail (base < YISHI_N_VOTE_BASES, NULL);

  return _(bases[base].label);
}

const char *
yishi_vote_majority_to_key (YishiVoteMajority majority)
{
  g_return_val_if_fail (majority < YISHI_N_VOTE_MAJORITIES, NULL);

  return majorities[majority].key;
}

gboolean
yishi_vote_majority_from_key (const char        *key,
                              YishiVoteMajority *out_majority)
{
  guint found;

  g_return_val_if_fail (out_majority != NULL, FALSE);

  if (!yishi_key_table_find (majorities, YISHI_N_VOTE_MAJORITIES, key, &found))
    return FALSE;

  *out_majority = found;
  return TRUE;
}

gboolean
yishi_vote_majority_parse (const char        *text,
                           YishiVoteMajority *out_majority)
{
  guint found;

  g_return_val_if_fail (out_majority != NULL, FALSE);

  if (!yishi_key_table_parse (majorities, YISHI_N_VOTE_MAJORITIES, text, &found))
    return FALSE;

  *out_majority = found;
  return TRUE;
}

const char *
yishi_vote_majority_label (YishiVoteMajority majority)
{
  g_return_val_if_fail (majority < YISHI_N_VOTE_MAJORITIES, NULL);

  return _(majorities[majority].label);
}

/* The majority rule in words, such as “yes votes exceed half of the
 * members present”. */
const char *
yishi_vote_majority_describe (YishiVoteMajority majority,
                              YishiVoteBase     base)
{
  g_return_val_if_fail (majority < YISHI_N_VOTE_MAJORITIES, NULL);
  g_return_val_if_fail (base < YISHI_N_VOTE_BASES, NULL);

  return _(majority_phrases[majority][base]);
}

const char *
yishi_vote_verdict_to_key (YishiVoteVerdict verdict)
{
  g_return_val_if_fail (verdict < YISHI_N_VOTE_VERDICTS, NULL);

  return verdicts[verdict].key;
}

gboolean
yishi_vote_verdict_from_key (const char       *key,
                             YishiVoteVerdict *out_verdict)
{
  guint found;

  g_return_val_if_fail (out_verdict != NULL, FALSE);

  if (!yishi_key_table_find (verdicts, YISHI_N_VOTE_VERDICTS, key, &found))
    return FALSE;

  *out_verdict = found;
  return TRUE;
}

gboolean
yishi_vote_verdict_parse (const char       *text,
                          YishiVoteVerdict *out_verdict)
{
  guint found;

  g_return_val_if_fail (out_verdict != NULL, FALSE);

  if (!yishi_key_table_parse (verdicts, YISHI_N_VOTE_VERDICTS, text, &found))
    return FALSE;

  *out_verdict = found;
  return TRUE;
}

const char *
yishi_vote_verdict_label (YishiVoteVerdict verdict)
{
  g_return_val_if_fail (verdict < YISHI_N_VOTE_VERDICTS, NULL);

  return _(verdicts[verdict].label);
}

/* A new council's rule: quorum more-than-half, majority simple, base present. */
void
yishi_vote_rule_init_default (YishiVoteRule *rule)
{
  g_return_if_fail (rule != NULL);

  set_quorum (&rule->quorum, YISHI_VOTE_QUORUM_MORE_THAN_HALF, 0);
  rule->majority = YISHI_VOTE_MAJORITY_SIMPLE;
  rule->base = YISHI_VOTE_BASE_PRESENT;
}

/* The whole rule in words: the majority, then the quorum. */
char *
yishi_vote_rule_describe (const YishiVoteRule *rule)
{
  g_autofree char *quorum = NULL;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (rule_is_valid (rule), NULL);

  quorum = yishi_vote_quorum_describe (&rule->quorum);

  /* Translators: a vote rule: the first %s is the majority rule, such as
   * “yes votes exceed half of the members present”, the second the quorum
   * rule, such as “more than half of the members present” */
  return g_strdup_printf (_("%s; quorum: %s"),
                          yishi_vote_majority_describe (rule->majority, rule->base), quorum);
}

/* Checks 0 ≤ Y, N, A, I (by type), Y + N + A + I ≤ P ≤ E and E ≥ 1,
 * naming the first relation that does not hold. */
gboolean
yishi_vote_check_counts (const YishiVoteCounts  *counts,
                         GError                **error)
{
  guint64 cast;

  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cast = (guint64) counts->yes + counts->no + counts->abstain + counts->invalid;

  if (counts->members < 1)
    {
      g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                           _("there must be at least one member"));
      return FALSE;
    }
  if (counts->present > counts->members)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: the counts of a vote: members present, members entitled to vote */
                   _("present (%u) exceeds members (%u)"),
                   counts->present, counts->members);
      return FALSE;
    }
  if (cast > counts->present)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: the counts of a vote: the sum of the votes and ballots, members present */
                   _("yes + no + abstain + invalid (%" PRIu64 ") exceeds present (%u)"),
                   (uint64_t) cast, counts->present);
      return FALSE;
    }

  return TRUE;
}

/* The verdict, as VOTING.md defines it: the counts are checked first
 * (an error leaves @result untouched), then the quorum, then the base,
 * then the majority. */
gboolean
yishi_vote_tally (const YishiVoteCounts  *counts,
                  const YishiVoteRule    *rule,
                  YishiVoteResult        *result,
                  GError                **error)
{
  YishiVoteResult tally = { 0 };

  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (rule != NULL && rule_is_valid (rule), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!yishi_vote_check_counts (counts, error))
    return FALSE;

  tally.base = base_value (rule->base, counts);
  tally.yes_share = yes_share (counts->yes, tally.base);
  tally.quorum_met = quorum_holds (&rule->quorum, counts);

  if (!tally.quorum_met)
    tally.verdict = YISHI_VOTE_VERDICT_NO_QUORUM;
  else if (tally.base == 0)
    tally.verdict = YISHI_VOTE_VERDICT_NO_VERDICT;
  else
    {
      tally.required = votes_required (rule->majority, tally.base);
      tally.verdict = majority_holds (rule->majority, counts->yes, tally.base)
                      ? YISHI_VOTE_VERDICT_PASSED : YISHI_VOTE_VERDICT_FAILED;
    }

  *result = tally;
  return TRUE;
}

/* The yes share for people, such as “66.67 %”; “—” when b = 0. */
char *
yishi_vote_format_share (const YishiVoteResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (result->base == 0)
    return g_strdup ("—");

  /* Translators: a percentage with two decimals, such as “66.67 %”;
   * the first %u is the whole part, the second the hundredths */
  return g_strdup_printf (_("%u.%02u %%"), result->yes_share / 100, result->yes_share % 100);
}
