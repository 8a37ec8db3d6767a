#include <locale.h>

#include <glib.h>

#include "yishi-error.h"
#include "yishi-proposal-status.h"

#define DRAFT        YISHI_PROPOSAL_STATUS_DRAFT
#define SUBMITTED    YISHI_PROPOSAL_STATUS_SUBMITTED
#define SCREENED_IN  YISHI_PROPOSAL_STATUS_SCREENED_IN
#define SCREENED_OUT YISHI_PROPOSAL_STATUS_SCREENED_OUT
#define SHORTLISTED  YISHI_PROPOSAL_STATUS_SHORTLISTED
#define ACCEPTED     YISHI_PROPOSAL_STATUS_ACCEPTED
#define REJECTED     YISHI_PROPOSAL_STATUS_REJECTED
#define IMPLEMENTED  YISHI_PROPOSAL_STATUS_IMPLEMENTED

/* The lifecycle, written out independently of the code under test:
 * draft → submitted → screened-in | screened-out (reason) → shortlisted →
 * accepted | rejected → implemented; screened-in may also go straight to
 * accepted or rejected. */
static const struct
{
  YishiProposalStatus from;
  YishiProposalStatus to;
} allowed_moves[] = {
  { DRAFT, SUBMITTED },
  { SUBMITTED, SCREENED_IN },
  { SUBMITTED, SCREENED_OUT },
  { SCREENED_IN, SHORTLISTED },
  { SCREENED_IN, ACCEPTED },
  { SCREENED_IN, REJECTED },
  { SHORTLISTED, ACCEPTED },
  { SHORTLISTED, REJECTED },
  { ACCEPTED, IMPLEMENTED },
};

static gboolean
expected_allowed (YishiProposalStatus from,
                  YishiProposalStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_moves); i++)
    if (allowed_moves[i].from == from && allowed_moves[i].to == to)
      return TRUE;
  return FALSE;
}

static const char *
reason_for (YishiProposalStatus to)
{
  return to == SCREENED_OUT ? "不属于社区自治范围" : NULL;
}

static void
test_can_move_matrix (void)
{
  guint n_allowed = 0;

  for (guint from = 0; from < YISHI_N_PROPOSAL_STATUSES; from++)
    for (guint to = 0; to < YISHI_N_PROPOSAL_STATUSES; to++)
      {
        gboolean expected = expected_allowed (from, to);

        if (yishi_proposal_status_can_move (from, to) != expected)
          g_error ("%s → %s: expected %s", yishi_proposal_status_to_key (from),
                   yishi_proposal_status_to_key (to), expected ? "allowed" : "forbidden");
        n_allowed += expected;
      }

  g_assert_cmpuint (n_allowed, ==, G_N_ELEMENTS (allowed_moves));
}

static void
test_check_move_allowed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_moves); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (yishi_proposal_status_check_move (allowed_moves[i].from, allowed_moves[i].to,
                                                       reason_for (allowed_moves[i].to), &error));
      g_assert_no_error (error);
    }
}

/* Every forbidden move fails with ILLEGAL_TRANSITION, and the message
 * names both statuses and lists exactly the moves that are allowed. */
static void
test_check_move_forbidden (void)
{
  for (guint from = 0; from < YISHI_N_PROPOSAL_STATUSES; from++)
    for (guint to = 0; to < YISHI_N_PROPOSAL_STATUSES; to++)
      {
        g_autoptr(GError) error = NULL;

        if (expected_allowed (from, to))
          continue;

        g_assert_false (yishi_proposal_status_check_move (from, to, "a reason", &error));
        g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
        g_assert_nonnull (strstr (error->message, yishi_proposal_status_label (from)));
        g_assert_nonnull (strstr (error->message, yishi_proposal_status_label (to)));

        /* no label is part of another, so each can be looked for alone */
        for (guint other = 0; other < YISHI_N_PROPOSAL_STATUSES; other++)
          {
            const char *allowed_part = strstr (error->message, "Allowed:");
            const char *label = yishi_proposal_status_label (other);

            if (expected_allowed (from, other))
              g_assert_nonnull (allowed_part != NULL ? strstr (allowed_part, label) : NULL);
            else if (allowed_part != NULL)
              g_assert_null (strstr (allowed_part, label));
          }
      }
}

static void
test_check_move_message_text (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (yishi_proposal_status_check_move (DRAFT, ACCEPTED, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "A proposal cannot move from “Draft” to “Accepted”. Allowed: Submitted.");
  g_clear_error (&error);

  g_assert_false (yishi_proposal_status_check_move (SUBMITTED, SHORTLISTED, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "A proposal cannot move from “Submitted” to “Shortlisted”. "
                   "Allowed: Screened In, Screened Out.");
  g_clear_error (&error);

  g_assert_false (yishi_proposal_status_check_move (SCREENED_IN, IMPLEMENTED, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "A proposal cannot move from “Screened In” to “Implemented”. "
                   "Allowed: Shortlisted, Accepted, Rejected.");
}

/* Final statuses say so instead of listing nothing. */
static void
test_check_move_final (void)
{
  YishiProposalStatus finals[] = { SCREENED_OUT, REJECTED, IMPLEMENTED };

  for (guint i = 0; i < G_N_ELEMENTS (finals); i++)
    {
      YishiProposalStatus next[YISHI_N_PROPOSAL_STATUSES];
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (yishi_proposal_status_next (finals[i], next), ==, 0);
      g_assert_false (yishi_proposal_status_check_move (finals[i], DRAFT, NULL, &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
      g_assert_nonnull (strstr (error->message, "is final"));
      g_assert_null (strstr (error->message, "Allowed"));
    }
}

static void
test_next_in_order (void)
{
  YishiProposalStatus next[YISHI_N_PROPOSAL_STATUSES];

  g_assert_cmpuint (yishi_proposal_status_next (DRAFT, next), ==, 1);
  g_assert_cmpint (next[0], ==, SUBMITTED);

  g_assert_cmpuint (yishi_proposal_status_next (SUBMITTED, next), ==, 2);
  g_assert_cmpint (next[0], ==, SCREENED_IN);
  g_assert_cmpint (next[1], ==, SCREENED_OUT);

  g_assert_cmpuint (yishi_proposal_status_next (SCREENED_IN, next), ==, 3);
  g_assert_cmpint (next[0], ==, SHORTLISTED);
  g_assert_cmpint (next[1], ==, ACCEPTED);
  g_assert_cmpint (next[2], ==, REJECTED);

  g_assert_cmpuint (yishi_proposal_status_next (SHORTLISTED, next), ==, 2);
  g_assert_cmpint (next[0], ==, ACCEPTED);
  g_assert_cmpint (next[1], ==, REJECTED);

  g_assert_cmpuint (yishi_proposal_status_next (ACCEPTED, next), ==, 1);
  g_assert_cmpint (next[0], ==, IMPLEMENTED);
}

static void
test_reason_required (void)
{
  const char *blank[] = { NULL, "", "   ", "\u3000\u3000", "\t\n" };

  g_assert_true (yishi_proposal_status_needs_reason (SCREENED_OUT));
  for (guint s = 0; s < YISHI_N_PROPOSAL_STATUSES; s++)
    if (s != SCREENED_OUT)
      g_assert_false (yishi_proposal_status_needs_reason (s));

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (yishi_proposal_status_check_move (SUBMITTED, SCREENED_OUT, blank[i], &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "Screened Out"));
      g_clear_error (&error);

      g_assert_false (yishi_proposal_status_check_reason (SCREENED_OUT, blank[i], &error));
      g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
    }

  /* other statuses take a reason or none */
  g_assert_true (yishi_proposal_status_check_move (SUBMITTED, SCREENED_IN, NULL, NULL));
  g_assert_true (yishi_proposal_status_check_move (SUBMITTED, SCREENED_IN, "符合条件", NULL));
}

/* An illegal move is reported as illegal even without a reason. */
static void
test_illegal_before_reason (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (yishi_proposal_status_check_move (DRAFT, SCREENED_OUT, NULL, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION);
}

static void
test_reason_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cut = g_strdup ("原因\xe4"); /* heap: an over-read shows under ASan */

  g_assert_false (yishi_proposal_status_check_move (SUBMITTED, SCREENED_OUT, cut, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
  g_clear_error (&error);

  g_assert_false (yishi_proposal_status_check_reason (SCREENED_IN, "\xff", &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_ENCODING);
}

static void
test_keys_round_trip (void)
{
  const char *keys[] = { "draft", "submitted", "screened-in", "screened-out", "shortlisted",
                         "accepted", "rejected", "implemented" };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == YISHI_N_PROPOSAL_STATUSES);
  for (guint s = 0; s < YISHI_N_PROPOSAL_STATUSES; s++)
    {
      YishiProposalStatus found = 99;

      g_assert_cmpstr (yishi_proposal_status_to_key (s), ==, keys[s]);
      g_assert_true (yishi_proposal_status_from_key (keys[s], &found));
      g_assert_cmpint (found, ==, s);
    }

  {
    YishiProposalStatus found = 99;

    /* keys are exact: what is stored is never guessed */
    g_assert_false (yishi_proposal_status_from_key ("Draft", &found));
    g_assert_false (yishi_proposal_status_from_key ("草稿", &found));
    g_assert_false (yishi_proposal_status_from_key (" draft", &found));
    g_assert_false (yishi_proposal_status_from_key ("", &found));
    g_assert_false (yishi_proposal_status_from_key (NULL, &found));
    g_assert_cmpint (found, ==, 99);
  }
}

static void
test_parse (void)
{
  struct { const char *text; YishiProposalStatus status; } cases[] = {
    { "draft", DRAFT },
    { "DRAFT", DRAFT },
    { "草稿", DRAFT },
    { "Draft", DRAFT },
    { "submitted", SUBMITTED },
    { "已提交", SUBMITTED },
    { "screened-in", SCREENED_IN },
    { "Screened In", SCREENED_IN },
    { "screened in", SCREENED_IN },
    { "初审通过", SCREENED_IN },
    { "screened-out", SCREENED_OUT },
    { "初审未通过", SCREENED_OUT },
    { "SCREENED OUT", SCREENED_OUT },
    { "shortlisted", SHORTLISTED },
    { "入围", SHORTLISTED },
    { "accepted", ACCEPTED },
    { "已采纳", ACCEPTED },
    { "rejected", REJECTED },
    { "未采纳", REJECTED },
    { "Implemented", IMPLEMENTED },
    { "已实施", IMPLEMENTED },
    { "  已实施  ", IMPLEMENTED },
    { "\u3000已提交\u3000", SUBMITTED },  /* full-width spaces from an input method */
    { "\t入围\n", SHORTLISTED },
  };
  const char *refused[] = { NULL, "", "  ", "草", "已", "screened", "in", "已提交了", "初审",
                            "draft2", "\xff", "Screened-In-", "通过" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      YishiProposalStatus found = 99;

      if (!yishi_proposal_status_parse (cases[i].text, &found))
        g_error ("“%s” was not parsed", cases[i].text);
      g_assert_cmpint (found, ==, cases[i].status);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      YishiProposalStatus found = 99;

      g_assert_false (yishi_proposal_status_parse (refused[i], &found));
      g_assert_cmpint (found, ==, 99);
    }
}

static void
test_labels (void)
{
  for (guint s = 0; s < YISHI_N_PROPOSAL_STATUSES; s++)
    {
      YishiProposalStatus found = 99;
      const char *label = yishi_proposal_status_label (s);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      /* what is shown can be typed back */
      g_assert_true (yishi_proposal_status_parse (label, &found));
      g_assert_cmpint (found, ==, s);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal-status/can-move/matrix", test_can_move_matrix);
  g_test_add_func ("/proposal-status/check-move/allowed", test_check_move_allowed);
  g_test_add_func ("/proposal-status/check-move/forbidden", test_check_move_forbidden);
  g_test_add_func ("/proposal-status/check-move/message", test_check_move_message_text);
  g_test_add_func ("/proposal-status/check-move/final", test_check_move_final);
  g_test_add_func ("/proposal-status/check-move/illegal-before-reason", test_illegal_before_reason);
  g_test_add_func ("/proposal-status/next", test_next_in_order);
  g_test_add_func ("/proposal-status/reason/required", test_reason_required);
  g_test_add_func ("/proposal-status/reason/invalid-utf8", test_reason_invalid_utf8);
  g_test_add_func ("/proposal-status/keys", test_keys_round_trip);
  g_test_add_func ("/proposal-status/parse", test_parse);
  g_test_add_func ("/proposal-status/labels", test_labels);

  return g_test_run ();
}
