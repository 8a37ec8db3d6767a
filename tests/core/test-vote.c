#include <locale.h>
#include <string.h>

#include <glib.h>

#include "yishi-error.h"
#include "yishi-vote.h"

#define PASSED     YISHI_VOTE_VERDICT_PASSED
#define FAILED     YISHI_VOTE_VERDICT_FAILED
#define NO_QUORUM  YISHI_VOTE_VERDICT_NO_QUORUM
#define NO_VERDICT YISHI_VOTE_VERDICT_NO_VERDICT

#define UMAX G_MAXUINT

/* One vote: counts, rule (as keys), and what must come out. */
typedef struct
{
  const char       *name;
  guint             members, present, yes, no, abstain, invalid;
  const char       *quorum;
  const char       *majority;
  const char       *base;
  YishiVoteVerdict  verdict;
  guint             b;
  guint             required;  /* 0 for no-quorum and no-verdict */
  guint             yes_share; /* hundredths of a percent */
} VoteCase;

/* Every example in ../shared/domain/VOTING.md, in its order. */
static const VoteCase voting_md_cases[] = {
  { "1-exactly-half", 20, 20, 10, 5, 5, 0, "none", "simple", "yes-no-abstain", FAILED, 20, 11, 5000 },
  { "2-abstentions-aside", 20, 20, 10, 5, 5, 0, "none", "simple", "yes-no", PASSED, 15, 8, 6667 },
  { "3-half-of-members", 25, 20, 12, 3, 5, 0, "more-than-half", "simple", "members", FAILED, 25, 13, 4800 },
  { "4-half-of-present", 25, 20, 12, 3, 5, 0, "more-than-half", "simple", "present", PASSED, 20, 11, 6000 },
  { "5-no-quorum", 24, 12, 12, 0, 0, 0, "more-than-half", "simple", "present", NO_QUORUM, 12, 0, 10000 },
  { "6-tie", 15, 15, 6, 6, 3, 0, "none", "simple", "yes-no", FAILED, 12, 7, 5000 },
};

/* Worked out by hand from the rules in VOTING.md. */
static const VoteCase more_cases[] = {
  /* simple majority: more than half, a tie fails */
  { "simple/half-of-present", 10, 10, 5, 3, 2, 0, "none", "simple", "present", FAILED, 10, 6, 5000 },
  { "simple/half-of-members", 10, 9, 5, 4, 0, 0, "none", "simple", "members", FAILED, 10, 6, 5000 },
  { "simple/half-of-cast", 10, 10, 4, 2, 1, 1, "none", "simple", "cast", FAILED, 8, 5, 5000 },
  { "simple/one-over-half", 10, 10, 6, 4, 0, 0, "none", "simple", "present", PASSED, 10, 6, 6000 },
  { "simple/odd-base-pass", 7, 7, 4, 3, 0, 0, "none", "simple", "yes-no", PASSED, 7, 4, 5714 },
  { "simple/odd-base-fail", 7, 7, 3, 4, 0, 0, "none", "simple", "yes-no", FAILED, 7, 4, 4286 },
  { "simple/one-yes", 1, 1, 1, 0, 0, 0, "more-than-half", "simple", "present", PASSED, 1, 1, 10000 },
  { "simple/invalid-counts-in-cast", 20, 20, 10, 5, 0, 5, "none", "simple", "cast", FAILED, 20, 11, 5000 },
  { "simple/invalid-aside-yes-no-abstain", 20, 20, 10, 5, 0, 5, "none", "simple", "yes-no-abstain", PASSED, 15, 8, 6667 },
  /* two thirds: at least */
  { "two-thirds/exactly", 9, 9, 6, 3, 0, 0, "none", "two-thirds", "yes-no", PASSED, 9, 6, 6667 },
  { "two-thirds/just-under", 9, 9, 5, 3, 1, 0, "none", "two-thirds", "present", FAILED, 9, 6, 5556 },
  { "two-thirds/ten-pass", 10, 10, 7, 3, 0, 0, "none", "two-thirds", "present", PASSED, 10, 7, 7000 },
  { "two-thirds/ten-fail", 10, 10, 6, 4, 0, 0, "none", "two-thirds", "present", FAILED, 10, 7, 6000 },
  { "two-thirds/base-one", 5, 5, 1, 0, 4, 0, "none", "two-thirds", "yes-no", PASSED, 1, 1, 10000 },
  { "two-thirds/base-two", 5, 5, 1, 1, 0, 0, "none", "two-thirds", "yes-no", FAILED, 2, 2, 5000 },
  { "two-thirds/of-members", 30, 25, 20, 5, 0, 0, "two-thirds", "two-thirds", "members", PASSED, 30, 20, 6667 },
  { "two-thirds/of-members-fail", 30, 25, 19, 5, 1, 0, "two-thirds", "two-thirds", "members", FAILED, 30, 20, 6333 },
  /* three quarters */
  { "three-quarters/eight-pass", 8, 8, 6, 2, 0, 0, "none", "three-quarters", "present", PASSED, 8, 6, 7500 },
  { "three-quarters/eight-fail", 8, 8, 5, 3, 0, 0, "none", "three-quarters", "present", FAILED, 8, 6, 6250 },
  { "three-quarters/ten-pass", 10, 10, 8, 1, 1, 0, "none", "three-quarters", "yes-no-abstain", PASSED, 10, 8, 8000 },
  { "three-quarters/ten-fail", 10, 10, 7, 2, 1, 0, "none", "three-quarters", "yes-no-abstain", FAILED, 10, 8, 7000 },
  { "three-quarters/four", 4, 4, 3, 1, 0, 0, "none", "three-quarters", "yes-no", PASSED, 4, 3, 7500 },
  { "three-quarters/two-thirds-is-not-enough", 12, 12, 8, 4, 0, 0, "none", "three-quarters", "present", FAILED, 12, 9, 6667 },
  /* unanimity with abstentions, under each base */
  { "unanimous/abstain/yes-no", 12, 10, 7, 0, 3, 0, "none", "unanimous", "yes-no", PASSED, 7, 7, 10000 },
  { "unanimous/abstain/yes-no-abstain", 12, 10, 7, 0, 3, 0, "none", "unanimous", "yes-no-abstain", FAILED, 10, 10, 7000 },
  { "unanimous/abstain/cast", 12, 10, 7, 0, 3, 0, "none", "unanimous", "cast", FAILED, 10, 10, 7000 },
  { "unanimous/abstain/present", 12, 10, 7, 0, 3, 0, "none", "unanimous", "present", FAILED, 10, 10, 7000 },
  { "unanimous/abstain/members", 12, 10, 7, 0, 3, 0, "none", "unanimous", "members", FAILED, 12, 12, 5833 },
  { "unanimous/invalid/yes-no-abstain", 8, 8, 7, 0, 0, 1, "none", "unanimous", "yes-no-abstain", PASSED, 7, 7, 10000 },
  { "unanimous/invalid/cast", 8, 8, 7, 0, 0, 1, "none", "unanimous", "cast", FAILED, 8, 8, 8750 },
  { "unanimous/one-no", 8, 8, 7, 1, 0, 0, "none", "unanimous", "yes-no", FAILED, 8, 8, 8750 },
  { "unanimous/all-present", 12, 10, 10, 0, 0, 0, "none", "unanimous", "present", PASSED, 10, 10, 10000 },
  { "unanimous/all-members", 10, 10, 10, 0, 0, 0, "none", "unanimous", "members", PASSED, 10, 10, 10000 },
  /* quorum at and around its boundary */
  { "quorum/more-than-half/exactly-half", 20, 10, 10, 0, 0, 0, "more-than-half", "simple", "present", NO_QUORUM, 10, 0, 10000 },
  { "quorum/more-than-half/one-over", 20, 11, 6, 5, 0, 0, "more-than-half", "simple", "present", PASSED, 11, 6, 5455 },
  { "quorum/more-than-half/odd-members", 3, 2, 2, 0, 0, 0, "more-than-half", "simple", "present", PASSED, 2, 2, 10000 },
  { "quorum/more-than-half/one-of-two", 2, 1, 1, 0, 0, 0, "more-than-half", "simple", "present", NO_QUORUM, 1, 0, 10000 },
  { "quorum/two-thirds/exactly-half", 20, 10, 10, 0, 0, 0, "two-thirds", "simple", "present", NO_QUORUM, 10, 0, 10000 },
  { "quorum/two-thirds/boundary", 15, 10, 6, 4, 0, 0, "two-thirds", "simple", "present", PASSED, 10, 6, 6000 },
  { "quorum/two-thirds/one-under", 15, 9, 9, 0, 0, 0, "two-thirds", "simple", "present", NO_QUORUM, 9, 0, 10000 },
  { "quorum/two-thirds/twenty-13", 20, 13, 13, 0, 0, 0, "two-thirds", "simple", "present", NO_QUORUM, 13, 0, 10000 },
  { "quorum/two-thirds/twenty-14", 20, 14, 13, 0, 0, 0, "two-thirds", "simple", "present", PASSED, 14, 8, 9286 },
  { "quorum/count/k-minus-one", 30, 11, 11, 0, 0, 0, "count:12", "simple", "present", NO_QUORUM, 11, 0, 10000 },
  { "quorum/count/k", 30, 12, 7, 5, 0, 0, "count:12", "simple", "present", PASSED, 12, 7, 5833 },
  { "quorum/count/k-is-members", 5, 5, 3, 2, 0, 0, "count:5", "simple", "yes-no", PASSED, 5, 3, 6000 },
  { "quorum/count/more-than-members", 5, 5, 5, 0, 0, 0, "count:6", "simple", "yes-no", NO_QUORUM, 5, 0, 10000 },
  { "quorum/none/nobody-present", 5, 0, 0, 0, 0, 0, "none", "simple", "members", FAILED, 5, 3, 0 },
  /* b = 0: no verdict, under every base that can be 0 */
  { "zero/yes-no", 10, 10, 0, 0, 4, 0, "none", "simple", "yes-no", NO_VERDICT, 0, 0, 0 },
  { "zero/yes-no-abstain", 10, 10, 0, 0, 0, 2, "none", "two-thirds", "yes-no-abstain", NO_VERDICT, 0, 0, 0 },
  { "zero/cast", 10, 10, 0, 0, 0, 0, "more-than-half", "three-quarters", "cast", NO_VERDICT, 0, 0, 0 },
  { "zero/present", 5, 0, 0, 0, 0, 0, "none", "unanimous", "present", NO_VERDICT, 0, 0, 0 },
  /* E ≥ 1, so b is never 0 under "members": nobody voting fails */
  { "zero/members-is-never-zero", 1, 1, 0, 0, 0, 0, "none", "simple", "members", FAILED, 1, 1, 0 },
  /* no-quorum wins over everything */
  { "no-quorum/over-unanimous", 10, 5, 5, 0, 0, 0, "more-than-half", "unanimous", "present", NO_QUORUM, 5, 0, 10000 },
  { "no-quorum/over-zero-base", 10, 0, 0, 0, 0, 0, "more-than-half", "simple", "present", NO_QUORUM, 0, 0, 0 },
  { "no-quorum/over-zero-base-count", 10, 3, 0, 0, 3, 0, "count:4", "simple", "yes-no", NO_QUORUM, 0, 0, 0 },
  { "no-quorum/over-members-base", 10, 6, 6, 0, 0, 0, "two-thirds", "simple", "members", NO_QUORUM, 10, 0, 6000 },
  /* a show of hands: members who raise no hand */
  { "show-of-hands/present", 20, 20, 8, 3, 2, 0, "more-than-half", "simple", "present", FAILED, 20, 11, 4000 },
  { "show-of-hands/yes-no", 20, 20, 8, 3, 2, 0, "more-than-half", "simple", "yes-no", PASSED, 11, 6, 7273 },
  { "show-of-hands/yes-no-abstain", 20, 20, 8, 3, 2, 0, "more-than-half", "simple", "yes-no-abstain", PASSED, 13, 7, 6154 },
  /* the yes share, rounded half up */
  { "share/one-third", 3, 3, 1, 2, 0, 0, "none", "simple", "present", FAILED, 3, 2, 3333 },
  { "share/two-thirds", 3, 3, 2, 1, 0, 0, "none", "simple", "present", PASSED, 3, 2, 6667 },
  { "share/one-sixth", 6, 6, 1, 5, 0, 0, "none", "simple", "present", FAILED, 6, 4, 1667 },
  { "share/one-seventh", 7, 7, 1, 6, 0, 0, "none", "simple", "present", FAILED, 7, 4, 1429 },
  { "share/five-sevenths", 7, 7, 5, 2, 0, 0, "none", "simple", "present", PASSED, 7, 4, 7143 },
  { "share/zero", 6, 6, 0, 6, 0, 0, "none", "simple", "present", FAILED, 6, 4, 0 },
  { "share/all", 6, 6, 6, 0, 0, 0, "none", "simple", "present", PASSED, 6, 4, 10000 },
  { "share/half-a-hundredth-rounds-up", 20000, 20000, 1, 0, 0, 0, "none", "simple", "present", FAILED, 20000, 10001, 1 },
  { "share/quarter-hundredth-rounds-down", 40000, 40000, 1, 0, 0, 0, "none", "simple", "present", FAILED, 40000, 20001, 0 },
  /* near G_MAXUINT (4294967295 = 3 × 1431655765): no overflow anywhere */
  { "large/unanimous", UMAX, UMAX, UMAX, 0, 0, 0, "more-than-half", "unanimous", "present", PASSED, UMAX, UMAX, 10000 },
  { "large/simple-pass", UMAX, UMAX, 2147483648u, 2147483647u, 0, 0, "none", "simple", "yes-no", PASSED, UMAX, 2147483648u, 5000 },
  { "large/simple-fail", UMAX, UMAX, 2147483647u, 2147483648u, 0, 0, "none", "simple", "yes-no", FAILED, UMAX, 2147483648u, 5000 },
  { "large/two-thirds-pass", UMAX, UMAX, 2863311530u, 0, 0, 0, "none", "two-thirds", "members", PASSED, UMAX, 2863311530u, 6667 },
  { "large/two-thirds-fail", UMAX, UMAX, 2863311529u, 0, 0, 0, "none", "two-thirds", "members", FAILED, UMAX, 2863311530u, 6667 },
  { "large/three-quarters-pass", UMAX, UMAX, 3221225472u, 1, 0, 0, "none", "three-quarters", "present", PASSED, UMAX, 3221225472u, 7500 },
  { "large/three-quarters-fail", UMAX, UMAX, 3221225471u, 1, 0, 0, "none", "three-quarters", "present", FAILED, UMAX, 3221225472u, 7500 },
  { "large/quorum-more-than-half-met", UMAX, 2147483648u, 1, 0, 0, 0, "more-than-half", "simple", "yes-no", PASSED, 1, 1, 10000 },
  { "large/quorum-more-than-half-short", UMAX, 2147483647u, 1, 0, 0, 0, "more-than-half", "simple", "yes-no", NO_QUORUM, 1, 0, 10000 },
  { "large/quorum-two-thirds-met", UMAX, 2863311530u, 0, 1, 0, 0, "two-thirds", "simple", "yes-no", FAILED, 1, 1, 0 },
  { "large/quorum-two-thirds-short", UMAX, 2863311529u, 0, 1, 0, 0, "two-thirds", "simple", "yes-no", NO_QUORUM, 1, 0, 0 },
  { "large/quorum-count-max", UMAX, UMAX, 1, 0, 0, 0, "count:4294967295", "simple", "yes-no", PASSED, 1, 1, 10000 },
  { "large/share-rounds-to-all", UMAX, UMAX, UMAX - 1, 0, 0, 0, "none", "unanimous", "present", FAILED, UMAX, UMAX, 10000 },
  { "large/share-rounds-to-none", UMAX, UMAX, 1, 0, 0, 0, "none", "simple", "present", FAILED, UMAX, 2147483648u, 0 },
  { "large/cast-at-max", UMAX, UMAX, 1073741824u, 1073741824u, 1073741824u, 1073741823u, "none", "simple", "cast", FAILED, UMAX, 2147483648u, 2500 },
};

static YishiVoteRule
rule_from_keys (const char *quorum,
                const char *majority,
                const char *base)
{
  YishiVoteRule rule;

  g_assert_true (yishi_vote_quorum_from_key (quorum, &rule.quorum));
  g_assert_true (yishi_vote_majority_from_key (majority, &rule.majority));
  g_assert_true (yishi_vote_base_from_key (base, &rule.base));

  return rule;
}

static void
test_case (gconstpointer data)
{
  const VoteCase *c = data;
  YishiVoteCounts counts = { c->members, c->present, c->yes, c->no, c->abstain, c->invalid };
  YishiVoteRule rule = rule_from_keys (c->quorum, c->majority, c->base);
  YishiVoteResult result;
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_vote_tally (&counts, &rule, &result, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (yishi_vote_verdict_to_key (result.verdict), ==, yishi_vote_verdict_to_key (c->verdict));
  g_assert_cmpuint (result.base, ==, c->b);
  g_assert_cmpuint (result.required, ==, c->required);
  g_assert_cmpuint (result.yes_share, ==, c->yes_share);
  g_assert_cmpint (result.quorum_met, ==, c->verdict != NO_QUORUM);
}

static void
add_cases (const char     *prefix,
           const VoteCase *cases,
           guint           n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
}

/* Each broken relation, named with its numbers; nothing is tallied. */
static void
test_bad_counts (void)
{
  static const struct
  {
    YishiVoteCounts  counts;
    const char      *message;
  } cases[] = {
    { { 25, 20, 12, 3, 5, 1 }, "yes + no + abstain + invalid (21) exceeds present (20)" },
    { { 25, 20, 21, 0, 0, 0 }, "yes + no + abstain + invalid (21) exceeds present (20)" },
    { { 25, 20, 0, 0, 0, 21 }, "yes + no + abstain + invalid (21) exceeds present (20)" },
    { { 25, 0, 0, 1, 0, 0 }, "yes + no + abstain + invalid (1) exceeds present (0)" },
    { { 25, 26, 0, 0, 0, 0 }, "present (26) exceeds members (25)" },
    { { 25, 26, 30, 0, 0, 0 }, "present (26) exceeds members (25)" },
    { { 0, 0, 0, 0, 0, 0 }, "there must be at least one member" },
    { { 0, 5, 5, 0, 0, 0 }, "there must be at least one member" },
    { { UMAX, UMAX, UMAX, UMAX, UMAX, UMAX },
      "yes + no + abstain + invalid (17179869180) exceeds present (4294967295)" },
    { { UMAX, UMAX, UMAX, 1, 0, 0 }, "yes + no + abstain + invalid (4294967296) exceeds present (4294967295)" },
    { { UMAX - 1, UMAX, 0, 0, 0, 0 }, "present (4294967295) exceeds members (4294967294)" },
  };
  YishiVoteRule rule;

  yishi_vote_rule_init_default (&rule);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) check_error = NULL;
      g_autoptr(GError) tally_error = NULL;
      YishiVoteResult result = { .verdict = 99, .base = 99, .required = 99, .yes_share = 99 };

      g_assert_false (yishi_vote_check_counts (&cases[i].counts, &check_error));
      g_assert_error (check_error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
      g_assert_cmpstr (check_error->message, ==, cases[i].message);

      g_assert_false (yishi_vote_tally (&cases[i].counts, &rule, &result, &tally_error));
      g_assert_error (tally_error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
      g_assert_cmpstr (tally_error->message, ==, cases[i].message);
      g_assert_cmpint (result.verdict, ==, 99);
      g_assert_cmpuint (result.base, ==, 99);
      g_assert_cmpuint (result.required, ==, 99);
      g_assert_cmpuint (result.yes_share, ==, 99);

      /* a NULL error is fine too */
      g_assert_false (yishi_vote_tally (&cases[i].counts, &rule, &result, NULL));
    }
}

static void
test_good_counts (void)
{
  static const YishiVoteCounts cases[] = {
    { 1, 0, 0, 0, 0, 0 },
    { 1, 1, 1, 0, 0, 0 },
    { 25, 20, 12, 3, 5, 0 },
    { 25, 20, 5, 5, 5, 5 },
    { 25, 25, 0, 0, 0, 0 },
    { 20, 20, 8, 3, 2, 0 },
    { UMAX, UMAX, UMAX, 0, 0, 0 },
    { UMAX, UMAX, 0, 0, 0, UMAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (yishi_vote_check_counts (&cases[i], &error));
      g_assert_no_error (error);
    }
}

static void
check_share_text (guint       yes,
                  guint       present,
                  const char *expected)
{
  YishiVoteCounts counts = { present ? present : 1, present, yes, 0, 0, 0 };
  YishiVoteRule rule = rule_from_keys ("none", "simple", "present");
  YishiVoteResult result;
  g_autofree char *text = NULL;

  g_assert_true (yishi_vote_tally (&counts, &rule, &result, NULL));
  text = yishi_vote_format_share (&result);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_share (void)
{
  check_share_text (2, 3, "66.67 %");
  check_share_text (1, 3, "33.33 %");
  check_share_text (1, 6, "16.67 %");
  check_share_text (0, 6, "0.00 %");
  check_share_text (6, 6, "100.00 %");
  check_share_text (1, 16, "6.25 %");
  check_share_text (1, 200, "0.50 %");
  check_share_text (1, 10000, "0.01 %");
  check_share_text (0, 0, "—");
}

/* The 20 sentences, majority by base, as translators see them. */
static const char * const majority_words[YISHI_N_VOTE_MAJORITIES][YISHI_N_VOTE_BASES] = {
  {
    "yes votes outnumber no votes",
    "yes votes exceed half of the yes, no and abstain votes",
    "yes votes exceed half of the ballots cast, invalid ones included",
    "yes votes exceed half of the members present",
    "yes votes exceed half of all members",
  },
  {
    "yes votes are at least two thirds of the yes and no votes",
    "yes votes are at least two thirds of the yes, no and abstain votes",
    "yes votes are at least two thirds of the ballots cast, invalid ones included",
    "yes votes are at least two thirds of the members present",
    "yes votes are at least two thirds of all members",
  },
  {
    "yes votes are at least three quarters of the yes and no votes",
    "yes votes are at least three quarters of the yes, no and abstain votes",
    "yes votes are at least three quarters of the ballots cast, invalid ones included",
    "yes votes are at least three quarters of the members present",
    "yes votes are at least three quarters of all members",
  },
  {
    "every vote is yes, abstentions aside",
    "every vote is yes, with no abstentions",
    "every ballot cast is a yes vote, with no abstentions or invalid ballots",
    "every member present votes yes",
    "every member votes yes",
  },
};

static void
test_describe_majority (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint m = 0; m < YISHI_N_VOTE_MAJORITIES; m++)
    for (guint b = 0; b < YISHI_N_VOTE_BASES; b++)
      {
        const char *words = yishi_vote_majority_describe (m, b);

        g_assert_cmpstr (words, ==, majority_words[m][b]);
        g_assert_true (g_hash_table_add (seen, (gpointer) words));
      }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 20);
}

static void
check_rule_words (const char *quorum,
                  const char *majority,
                  const char *base,
                  const char *expected)
{
  YishiVoteRule rule = rule_from_keys (quorum, majority, base);
  g_autofree char *words = yishi_vote_rule_describe (&rule);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_describe_rule (void)
{
  static const struct { const char *key; const char *words; } quorums[] = {
    { "none", "not required" },
    { "more-than-half", "more than half of the members present" },
    { "two-thirds", "at least two thirds of the members present" },
    { "count:1", "at least 1 member present" },
    { "count:12", "at least 12 members present" },
  };
  YishiVoteRule rule;
  g_autofree char *default_words = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (quorums); i++)
    {
      YishiVoteQuorum quorum;
      g_autofree char *words = NULL;

      g_assert_true (yishi_vote_quorum_from_key (quorums[i].key, &quorum));
      words = yishi_vote_quorum_describe (&quorum);
      g_assert_cmpstr (words, ==, quorums[i].words);
    }

  /* the default rule of a new council */
  yishi_vote_rule_init_default (&rule);
  default_words = yishi_vote_rule_describe (&rule);
  g_assert_cmpstr (default_words, ==, "yes votes exceed half of the members present; "
                                      "quorum: more than half of the members present");
  g_assert_cmpint (rule.quorum.kind, ==, YISHI_VOTE_QUORUM_MORE_THAN_HALF);
  g_assert_cmpint (rule.majority, ==, YISHI_VOTE_MAJORITY_SIMPLE);
  g_assert_cmpint (rule.base, ==, YISHI_VOTE_BASE_PRESENT);

  check_rule_words ("none", "simple", "yes-no", "yes votes outnumber no votes; quorum: not required");
  check_rule_words ("count:7", "unanimous", "members", "every member votes yes; quorum: at least 7 members present");
  check_rule_words ("two-thirds", "two-thirds", "present",
                    "yes votes are at least two thirds of the members present; "
                    "quorum: at least two thirds of the members present");
}

static void
test_labels (void)
{
  static const char * const verdict_keys[] = { "passed", "failed", "no-quorum", "no-verdict" };
  static const char * const verdict_labels[] = { "Passed", "Failed", "No quorum", "No verdict" };

  for (guint i = 0; i < YISHI_N_VOTE_VERDICTS; i++)
    {
      g_assert_cmpstr (yishi_vote_verdict_to_key (i), ==, verdict_keys[i]);
      g_assert_cmpstr (yishi_vote_verdict_label (i), ==, verdict_labels[i]);
    }
  for (guint i = 0; i < YISHI_N_VOTE_MAJORITIES; i++)
    g_assert_cmpstr (yishi_vote_majority_label (i), !=, "");
  for (guint i = 0; i < YISHI_N_VOTE_BASES; i++)
    g_assert_cmpstr (yishi_vote_base_label (i), !=, "");
  for (guint i = 0; i < YISHI_N_VOTE_QUORUM_KINDS; i++)
    g_assert_cmpstr (yishi_vote_quorum_kind_label (i), !=, "");
}

/* Every key back and forth, and the enums in the order of VOTING.md. */
static void
test_keys_round_trip (void)
{
  static const char * const base_keys[] = { "yes-no", "yes-no-abstain", "cast", "present", "members" };
  static const char * const majority_keys[] = { "simple", "two-thirds", "three-quarters", "unanimous" };

  G_STATIC_ASSERT (G_N_ELEMENTS (base_keys) == YISHI_N_VOTE_BASES);
  G_STATIC_ASSERT (G_N_ELEMENTS (majority_keys) == YISHI_N_VOTE_MAJORITIES);

  for (guint i = 0; i < YISHI_N_VOTE_BASES; i++)
    {
      YishiVoteBase base = 99;

      g_assert_cmpstr (yishi_vote_base_to_key (i), ==, base_keys[i]);
      g_assert_true (yishi_vote_base_from_key (base_keys[i], &base));
      g_assert_cmpint (base, ==, i);
    }
  for (guint i = 0; i < YISHI_N_VOTE_MAJORITIES; i++)
    {
      YishiVoteMajority majority = 99;

      g_assert_cmpstr (yishi_vote_majority_to_key (i), ==, majority_keys[i]);
      g_assert_true (yishi_vote_majority_from_key (majority_keys[i], &majority));
      g_assert_cmpint (majority, ==, i);
    }
  for (guint i = 0; i < YISHI_N_VOTE_VERDICTS; i++)
    {
      YishiVoteVerdict verdict = 99;

      g_assert_true (yishi_vote_verdict_from_key (yishi_vote_verdict_to_key (i), &verdict));
      g_assert_cmpint (verdict, ==, i);
    }
}

static void
test_quorum_keys (void)
{
  static const struct
  {
    const char          *key;
    YishiVoteQuorumKind  kind;
    guint                count;
  } good[] = {
    { "none", YISHI_VOTE_QUORUM_NONE, 0 },
    { "more-than-half", YISHI_VOTE_QUORUM_MORE_THAN_HALF, 0 },
    { "two-thirds", YISHI_VOTE_QUORUM_TWO_THIRDS, 0 },
    { "count:1", YISHI_VOTE_QUORUM_COUNT, 1 },
    { "count:12", YISHI_VOTE_QUORUM_COUNT, 12 },
    { "count:4294967295", YISHI_VOTE_QUORUM_COUNT, G_MAXUINT },
  };
  static const char * const bad[] = {
    NULL, "", " ", "count", "count:", "count:0", "count:-1", "count:abc", "count:+3", "count: 3",
    "count:3 ", "count:3x", "count:0x10", "count:1.5", "count:4294967296", "count:99999999999999999999",
    "count::3", "count;3", "COUNT:3", " none", "None", "more_than_half", "half", "过半数", "固定人数",
    "two-third", "none\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      YishiVoteQuorum quorum = { 99, 99 };
      g_autofree char *key = NULL;

      if (!yishi_vote_quorum_from_key (good[i].key, &quorum))
        g_error ("“%s” was refused", good[i].key);
      g_assert_cmpint (quorum.kind, ==, good[i].kind);
      g_assert_cmpuint (quorum.count, ==, good[i].count);
      key = yishi_vote_quorum_to_key (&quorum);
      g_assert_cmpstr (key, ==, good[i].key);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      YishiVoteQuorum quorum = { 99, 99 };

      if (yishi_vote_quorum_from_key (bad[i], &quorum))
        g_error ("“%s” was accepted as a key", bad[i]);
      g_assert_cmpint (quorum.kind, ==, 99);
      g_assert_cmpuint (quorum.count, ==, 99);
    }
}

/* What people type: keys, Chinese and English names, spaces around. */
static void
test_quorum_parse (void)
{
  static const struct
  {
    const char          *text;
    YishiVoteQuorumKind  kind;
    guint                count;
  } good[] = {
    { "none", YISHI_VOTE_QUORUM_NONE, 0 },
    { "不设法定人数", YISHI_VOTE_QUORUM_NONE, 0 },
    { "过半数", YISHI_VOTE_QUORUM_MORE_THAN_HALF, 0 },
    { " More than half of the members ", YISHI_VOTE_QUORUM_MORE_THAN_HALF, 0 },
    { "三分之二", YISHI_VOTE_QUORUM_TWO_THIRDS, 0 },
    { "\u3000two-thirds\u3000", YISHI_VOTE_QUORUM_TWO_THIRDS, 0 },
    { "count:12", YISHI_VOTE_QUORUM_COUNT, 12 },
    { " COUNT:12 ", YISHI_VOTE_QUORUM_COUNT, 12 },
  };
  static const char * const bad[] = {
    NULL, "", "count", "固定人数", "A fixed number of members", "count:0", "count:-1", "count:abc",
    "count: 12", "half", "\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      YishiVoteQuorum quorum = { 99, 99 };

      if (!yishi_vote_quorum_parse (good[i].text, &quorum))
        g_error ("“%s” was not parsed", good[i].text);
      g_assert_cmpint (quorum.kind, ==, good[i].kind);
      g_assert_cmpuint (quorum.count, ==, good[i].count);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      YishiVoteQuorum quorum = { 99, 99 };

      if (yishi_vote_quorum_parse (bad[i], &quorum))
        g_error ("“%s” was parsed", bad[i]);
      g_assert_cmpint (quorum.kind, ==, 99);
    }
}

static void
test_bad_keys (void)
{
  static const char * const bad[] = {
    NULL, "", " ", "yes_no", "Simple", "simple ", "majority", "two-third", "count:3", "passed!", "\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      YishiVoteBase base = 99;
      YishiVoteMajority majority = 99;
      YishiVoteVerdict verdict = 99;

      g_assert_false (yishi_vote_base_from_key (bad[i], &base));
      g_assert_false (yishi_vote_majority_from_key (bad[i], &majority));
      g_assert_false (yishi_vote_verdict_from_key (bad[i], &verdict));
      g_assert_cmpint (base, ==, 99);
      g_assert_cmpint (majority, ==, 99);
      g_assert_cmpint (verdict, ==, 99);
    }
}

static void
test_parse_names (void)
{
  YishiVoteBase base = 99;
  YishiVoteMajority majority = 99;
  YishiVoteVerdict verdict = 99;

  g_assert_true (yishi_vote_base_parse ("实到人数", &base));
  g_assert_cmpint (base, ==, YISHI_VOTE_BASE_PRESENT);
  g_assert_true (yishi_vote_base_parse (" all members ", &base));
  g_assert_cmpint (base, ==, YISHI_VOTE_BASE_MEMBERS);
  g_assert_true (yishi_vote_base_parse ("YES-NO", &base));
  g_assert_cmpint (base, ==, YISHI_VOTE_BASE_YES_NO);
  g_assert_false (yishi_vote_base_parse ("present members", &base));

  g_assert_true (yishi_vote_majority_parse ("三分之二多数", &majority));
  g_assert_cmpint (majority, ==, YISHI_VOTE_MAJORITY_TWO_THIRDS);
  g_assert_true (yishi_vote_majority_parse ("Unanimity", &majority));
  g_assert_cmpint (majority, ==, YISHI_VOTE_MAJORITY_UNANIMOUS);
  g_assert_true (yishi_vote_majority_parse ("过半数", &majority));
  g_assert_cmpint (majority, ==, YISHI_VOTE_MAJORITY_SIMPLE);
  g_assert_false (yishi_vote_majority_parse ("三分之二", &majority));

  g_assert_true (yishi_vote_verdict_parse ("不足法定人数", &verdict));
  g_assert_cmpint (verdict, ==, YISHI_VOTE_VERDICT_NO_QUORUM);
  g_assert_true (yishi_vote_verdict_parse ("未通过", &verdict));
  g_assert_cmpint (verdict, ==, YISHI_VOTE_VERDICT_FAILED);
  g_assert_true (yishi_vote_verdict_parse ("no verdict", &verdict));
  g_assert_cmpint (verdict, ==, YISHI_VOTE_VERDICT_NO_VERDICT);
  g_assert_false (yishi_vote_verdict_parse ("通", &verdict));
}

/* A rule the key functions never make is a programmer's error. */
static void
test_invalid_rule (void)
{
  if (g_test_subprocess ())
    {
      YishiVoteCounts counts = { 10, 10, 10, 0, 0, 0 };
      YishiVoteRule rule = { { YISHI_VOTE_QUORUM_COUNT, 0 }, YISHI_VOTE_MAJORITY_SIMPLE,
                             YISHI_VOTE_BASE_PRESENT };
      YishiVoteResult result;

      yishi_vote_tally (&counts, &rule, &result, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*rule_is_valid*");
}

/* The rules as VOTING.md writes them, in the plainest code: the
 * randomized test compares the engine with this. */
typedef struct
{
  gboolean         ok;
  YishiVoteVerdict verdict;
  guint64          b;
  guint64          required;
  guint64          yes_share;
} Reference;

static gboolean
reference_passes (const YishiVoteRule *rule,
                  guint64              yes,
                  guint64              b)
{
  switch (rule->majority)
    {
    case YISHI_VOTE_MAJORITY_SIMPLE: return 2 * yes > b;
    case YISHI_VOTE_MAJORITY_TWO_THIRDS: return 3 * yes >= 2 * b;
    case YISHI_VOTE_MAJORITY_THREE_QUARTERS: return 4 * yes >= 3 * b;
    case YISHI_VOTE_MAJORITY_UNANIMOUS: return yes == b;
    default: g_assert_not_reached ();
    }
}

/* Searches for the votes required only when @search: a search up to
 * 4294967295 would take minutes. */
static Reference
reference_tally (const YishiVoteCounts *c,
                 const YishiVoteRule   *rule,
                 gboolean               search)
{
  guint64 E = c->members, P = c->present, Y = c->yes, N = c->no, A = c->abstain, I = c->invalid;
  guint64 bases[] = { Y + N, Y + N + A, Y + N + A + I, P, E };
  gboolean quorum[] = { TRUE, 2 * P > E, 3 * P >= 2 * E, P >= rule->quorum.count };
  Reference r = { FALSE };

  if (!(Y + N + A + I <= P && P <= E && E >= 1))
    return r;

  r.ok = TRUE;
  r.b = bases[rule->base];
  if (r.b > 0)
    {
      /* long division, then round half up */
      r.yes_share = Y * 10000 / r.b;
      if (2 * (Y * 10000 % r.b) >= r.b)
        r.yes_share++;
    }

  if (!quorum[rule->quorum.kind])
    r.verdict = NO_QUORUM;
  else if (r.b == 0)
    r.verdict = NO_VERDICT;
  else
    {
      /* the least yes count that passes, by search */
      while (search && !reference_passes (rule, r.required, r.b))
        r.required++;
      r.verdict = reference_passes (rule, Y, r.b) ? PASSED : FAILED;
    }

  return r;
}

static guint
random_count (GRand *rng,
              guint  limit)
{
  /* often a small number, sometimes 0 or the limit itself */
  switch (g_rand_int_range (rng, 0, 8))
    {
    case 0: return 0;
    case 1: return limit;
    default: return g_rand_int_range (rng, 0, limit + 1);
    }
}

static void
random_vote (GRand           *rng,
             YishiVoteCounts *counts,
             YishiVoteRule   *rule)
{
  guint left;

  counts->members = g_rand_int_range (rng, 0, 41);
  counts->present = random_count (rng, counts->members);
  counts->yes = random_count (rng, counts->present);
  left = counts->present - counts->yes;
  counts->no = random_count (rng, left);
  left -= counts->no;
  counts->abstain = random_count (rng, left);
  left -= counts->abstain;
  counts->invalid = g_rand_boolean (rng) ? 0 : random_count (rng, left);

  /* now and then one too many: present above members, or votes above present */
  switch (g_rand_int_range (rng, 0, 16))
    {
    case 0: counts->present++; break;
    case 1: counts->yes++; break;
    case 2: counts->abstain++; break;
    case 3: counts->invalid++; break;
    default: break;
    }

  rule->quorum.kind = g_rand_int_range (rng, 0, YISHI_N_VOTE_QUORUM_KINDS);
  rule->quorum.count = rule->quorum.kind == YISHI_VOTE_QUORUM_COUNT ? g_rand_int_range (rng, 1, 42) : 0;
  rule->majority = g_rand_int_range (rng, 0, YISHI_N_VOTE_MAJORITIES);
  rule->base = g_rand_int_range (rng, 0, YISHI_N_VOTE_BASES);
}

static void
check_against_reference (const YishiVoteCounts *counts,
                         const YishiVoteRule   *rule,
                         guint                 *n_by_verdict)
{
  Reference expected = reference_tally (counts, rule, TRUE);
  YishiVoteResult result;
  g_autoptr(GError) error = NULL;
  gboolean ok = yishi_vote_tally (counts, rule, &result, &error);

  g_assert_cmpint (ok, ==, expected.ok);
  if (!ok)
    {
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
      n_by_verdict[YISHI_N_VOTE_VERDICTS]++;
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpint (result.verdict, ==, expected.verdict);
  g_assert_cmpuint (result.base, ==, expected.b);
  g_assert_cmpuint (result.required, ==, expected.required);
  g_assert_cmpuint (result.yes_share, ==, expected.yes_share);
  g_assert_cmpuint (result.yes_share, <=, 10000);
  if (result.verdict == PASSED || result.verdict == FAILED)
    g_assert_cmpint (result.verdict == PASSED, ==, counts->yes >= result.required);
  n_by_verdict[result.verdict]++;
}

static void
test_random (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261128);
  guint n_by_verdict[YISHI_N_VOTE_VERDICTS + 1] = { 0 };

  for (guint i = 0; i < 200000; i++)
    {
      YishiVoteCounts counts;
      YishiVoteRule rule;

      random_vote (rng, &counts, &rule);
      check_against_reference (&counts, &rule, n_by_verdict);
    }

  /* every outcome, and input errors, came up many times */
  for (guint i = 0; i <= YISHI_N_VOTE_VERDICTS; i++)
    {
      g_test_message ("outcome %u: %u", i, n_by_verdict[i]);
      g_assert_cmpuint (n_by_verdict[i], >, 1000);
    }
}

/* Every combination for a small council, exhaustively. */
static void
test_exhaustive_small (void)
{
  guint n_by_verdict[YISHI_N_VOTE_VERDICTS + 1] = { 0 };
  YishiVoteCounts c;
  guint n = 0;

  for (c.members = 0; c.members <= 7; c.members++)
    for (c.present = 0; c.present <= 8; c.present++)
      for (c.yes = 0; c.yes <= 8; c.yes++)
        for (c.no = 0; c.no <= 3; c.no++)
          for (c.abstain = 0; c.abstain <= 2; c.abstain++)
            for (c.invalid = 0; c.invalid <= 1; c.invalid++)
              for (guint q = 0; q < YISHI_N_VOTE_QUORUM_KINDS + 2; q++)
                for (guint m = 0; m < YISHI_N_VOTE_MAJORITIES; m++)
                  for (guint b = 0; b < YISHI_N_VOTE_BASES; b++)
                    {
                      YishiVoteRule rule = {
                        /* count:K for K = 1, 3 and 6 */
                        { MIN (q, YISHI_VOTE_QUORUM_COUNT), q < YISHI_VOTE_QUORUM_COUNT ? 0 : 1 + 2 * (q - 3) + (q == 5) },
                        m, b
                      };

                      check_against_reference (&c, &rule, n_by_verdict);
                      n++;
                    }

  g_test_message ("%u combinations", n);
  for (guint i = 0; i <= YISHI_N_VOTE_VERDICTS; i++)
    g_assert_cmpuint (n_by_verdict[i], >, 1000);
}

/* Large random counts: the reference computes in 64 bits as well, so
 * this checks the engine's own arithmetic does not wrap. */
static void
test_random_large (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (7);

  for (guint i = 0; i < 20000; i++)
    {
      YishiVoteCounts c;
      YishiVoteRule rule;
      Reference expected;
      YishiVoteResult result;

      c.members = G_MAXUINT - g_rand_int_range (rng, 0, 1000);
      c.present = c.members - g_rand_int_range (rng, 0, 1000);
      c.yes = g_rand_int_range (rng, 0, G_MAXINT32);
      c.no = g_rand_int_range (rng, 0, G_MAXINT32);
      c.abstain = g_rand_int_range (rng, 0, 1000);
      c.invalid = g_rand_int_range (rng, 0, 1000);
      random_vote (rng, &(YishiVoteCounts) { 0 }, &rule);
      if (rule.quorum.kind == YISHI_VOTE_QUORUM_COUNT)
        rule.quorum.count = G_MAXUINT - g_rand_int_range (rng, 0, 2000);

      expected = reference_tally (&c, &rule, FALSE);
      g_assert_cmpint (yishi_vote_tally (&c, &rule, &result, NULL), ==, expected.ok);
      if (!expected.ok)
        continue;

      g_assert_cmpint (result.verdict, ==, expected.verdict);
      g_assert_cmpuint (result.base, ==, expected.b);
      g_assert_cmpuint (result.yes_share, ==, expected.yes_share);
      if (result.verdict == PASSED || result.verdict == FAILED)
        {
          /* the required count is the least that passes */
          g_assert_true (reference_passes (&rule, result.required, result.base));
          g_assert_false (reference_passes (&rule, result.required - 1, result.base));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_cases ("/vote/voting-md", voting_md_cases, G_N_ELEMENTS (voting_md_cases));
  add_cases ("/vote/case", more_cases, G_N_ELEMENTS (more_cases));
  g_test_add_func ("/vote/counts/bad", test_bad_counts);
  g_test_add_func ("/vote/counts/good", test_good_counts);
  g_test_add_func ("/vote/share/format", test_format_share);
  g_test_add_func ("/vote/describe/majority", test_describe_majority);
  g_test_add_func ("/vote/describe/rule", test_describe_rule);
  g_test_add_func ("/vote/labels", test_labels);
  g_test_add_func ("/vote/keys/round-trip", test_keys_round_trip);
  g_test_add_func ("/vote/keys/quorum", test_quorum_keys);
  g_test_add_func ("/vote/keys/quorum-parse", test_quorum_parse);
  g_test_add_func ("/vote/keys/bad", test_bad_keys);
  g_test_add_func ("/vote/keys/parse-names", test_parse_names);
  g_test_add_func ("/vote/rule/invalid", test_invalid_rule);
  g_test_add_func ("/vote/reference/random", test_random);
  g_test_add_func ("/vote/reference/exhaustive-small", test_exhaustive_small);
  g_test_add_func ("/vote/reference/random-large", test_random_large);

  return g_test_run ();
}
