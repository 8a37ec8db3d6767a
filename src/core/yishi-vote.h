#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The vote engine: a verdict is a pure function of the counts and the
 * rule, exactly as ../shared/domain/VOTING.md states it. Integer
 * arithmetic only. */

/* When enough members are present for a vote to count (法定人数). */
typedef enum
{
  YISHI_VOTE_QUORUM_NONE,           /* "none": always */
  YISHI_VOTE_QUORUM_MORE_THAN_HALF, /* "more-than-half": 2·P > E */
  YISHI_VOTE_QUORUM_TWO_THIRDS,     /* "two-thirds": 3·P ≥ 2·E */
  YISHI_VOTE_QUORUM_COUNT,          /* "count:K": P ≥ K */
} YishiVoteQuorumKind;

#define YISHI_N_VOTE_QUORUM_KINDS (YISHI_VOTE_QUORUM_COUNT + 1)

/* What the majority is a share of: the base b. */
typedef enum
{
  YISHI_VOTE_BASE_YES_NO,         /* "yes-no": Y + N */
  YISHI_VOTE_BASE_YES_NO_ABSTAIN, /* "yes-no-abstain": Y + N + A */
  YISHI_VOTE_BASE_CAST,           /* "cast": Y + N + A + I */
  YISHI_VOTE_BASE_PRESENT,        /* "present": P */
  YISHI_VOTE_BASE_MEMBERS,        /* "members": E */
} YishiVoteBase;

#define YISHI_N_VOTE_BASES (YISHI_VOTE_BASE_MEMBERS + 1)

typedef enum
{
  YISHI_VOTE_MAJORITY_SIMPLE,         /* "simple": 2·Y > b, a tie fails */
  YISHI_VOTE_MAJORITY_TWO_THIRDS,     /* "two-thirds": 3·Y ≥ 2·b */
  YISHI_VOTE_MAJORITY_THREE_QUARTERS, /* "three-quarters": 4·Y ≥ 3·b */
  YISHI_VOTE_MAJORITY_UNANIMOUS,      /* "unanimous": Y = b */
} YishiVoteMajority;

#define YISHI_N_VOTE_MAJORITIES (YISHI_VOTE_MAJORITY_UNANIMOUS + 1)

typedef enum
{
  YISHI_VOTE_VERDICT_PASSED,     /* "passed" */
  YISHI_VOTE_VERDICT_FAILED,     /* "failed" */
  YISHI_VOTE_VERDICT_NO_QUORUM,  /* "no-quorum": the quorum did not hold */
  YISHI_VOTE_VERDICT_NO_VERDICT, /* "no-verdict": the base is 0 */
} YishiVoteVerdict;

#define YISHI_N_VOTE_VERDICTS (YISHI_VOTE_VERDICT_NO_VERDICT + 1)

/* The counts of one vote. Unsigned, so 0 ≤ Y, N, A, I holds by type;
 * yishi_vote_check_counts() checks the rest. */
typedef struct
{
  guint members; /* E: entitled to vote (应到人数) */
  guint present; /* P: present when the vote is taken (实到人数) */
  guint yes;     /* Y (赞成) */
  guint no;      /* N (反对) */
  guint abstain; /* A (弃权) */
  guint invalid; /* I (无效票): secret ballots only, else 0 */
} YishiVoteCounts;

typedef struct
{
  YishiVoteQuorumKind kind;
  guint               count; /* K ≥ 1 for YISHI_VOTE_QUORUM_COUNT, else 0 */
} YishiVoteQuorum;

typedef struct
{
  YishiVoteQuorum   quorum;
  YishiVoteMajority majority;
  YishiVoteBase     base;
} YishiVoteRule;

typedef struct
{
  YishiVoteVerdict verdict;
  guint            base;       /* b */
  guint            required;   /* yes votes needed to pass; 0 for no-quorum and no-verdict */
  guint            yes_share;  /* Y/b in hundredths of a percent, rounded half up
                                * (6667 is 66.67 %); 0 when b = 0 */
  gboolean         quorum_met;
} YishiVoteResult;

char       *yishi_vote_quorum_to_key      (const YishiVoteQuorum *quorum);
gboolean    yishi_vote_quorum_from_key    (const char            *key,
                                           YishiVoteQuorum       *out_quorum);
gboolean    yishi_vote_quorum_parse       (const char            *text,
                                           YishiVoteQuorum       *out_quorum);
const char *yishi_vote_quorum_kind_label  (YishiVoteQuorumKind    kind);
char       *yishi_vote_quorum_describe    (const YishiVoteQuorum *quorum);

const char *yishi_vote_base_to_key        (YishiVoteBase          base);
gboolean    yishi_vote_base_from_key      (const char            *key,
                                           YishiVoteBase         *out_base);
gboolean    yishi_vote_base_parse         (const char            *text,
                                           YishiVoteBase         *out_base);
const char *yishi_vote_base_label         (YishiVoteBase          base);

const char *yishi_vote_majority_to_key    (YishiVoteMajority      majority);
gboolean    yishi_vote_majority_from_key  (const char            *key,
                                           YishiVoteMajority     *out_majority);
gboolean    yishi_vote_majority_parse     (const char            *text,
                                           YishiVoteMajority     *out_majority);
const char *yishi_vote_majority_label     (YishiVoteMajority      majority);
const char *yishi_vote_majority_describe  (YishiVoteMajority      majority,
                                           YishiVoteBase          base);

const char *yishi_vote_verdict_to_key     (YishiVoteVerdict       verdict);
gboolean    yishi_vote_verdict_from_key   (const char            *key,
                                           YishiVoteVerdict      *out_verdict);
gboolean    yishi_vote_verdict_parse      (const char            *text,
                                           YishiVoteVerdict      *out_verdict);
const char *yishi_vote_verdict_label      (YishiVoteVerdict       verdict);

void        yishi_vote_rule_init_default  (YishiVoteRule         *rule);
char       *yishi_vote_rule_describe      (const YishiVoteRule   *rule);

gboolean    yishi_vote_check_counts       (const YishiVoteCounts *counts,
                                           GError               **error);
gboolean    yishi_vote_tally              (const YishiVoteCounts *counts,
                                           const YishiVoteRule   *rule,
                                           YishiVoteResult       *result,
                                           GError               **error);
char       *yishi_vote_format_share       (const YishiVoteResult *result);

G_END_DECLS
