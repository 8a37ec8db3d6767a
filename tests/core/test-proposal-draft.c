#include <locale.h>

#include <glib.h>

#include "yishi-error.h"
#include "yishi-money.h"
#include "yishi-proposal-draft.h"

static YishiProposalDraft *
valid_draft (void)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();

  draft->title = g_strdup ("3号楼道路硬化");
  draft->summary = g_strdup ("雨天积水");
  draft->body = g_strdup ("建议硬化道路。");
  draft->proposer_name = g_strdup ("张秀英");
  draft->proposer_phone = g_strdup ("13800000001");
  draft->community = g_strdup ("幸福里社区");
  draft->location = g_strdup ("3号楼东侧");
  draft->category = YISHI_CATEGORY_ROADS_TRAFFIC;
  draft->cost_fen = 8650000;
  draft->households = 120;
  draft->people = 300;
  draft->submitted_on = g_strdup ("2024-03-15");
  return draft;
}

static void
assert_invalid (const YishiProposalDraft *draft,
                gint                      code,
                const char               *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (yishi_proposal_draft_validate (draft, &error));
  g_assert_error (error, YISHI_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, in_message);
}

static void
test_defaults (void)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (draft->category, ==, YISHI_CATEGORY_OTHER);
  g_assert_cmpint (draft->status, ==, YISHI_PROPOSAL_STATUS_DRAFT);
  g_assert_cmpint (draft->cost_fen, ==, YISHI_UNKNOWN);
  g_assert_cmpint (draft->households, ==, YISHI_UNKNOWN);
  g_assert_cmpint (draft->people, ==, YISHI_UNKNOWN);

  /* a new draft lacks only its title */
  assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "Title");
  draft->title = g_strdup ("增设路灯");
  g_assert_true (yishi_proposal_draft_validate (draft, &error));
  g_assert_no_error (error);
}

static void
test_valid (void)
{
  g_autoptr(YishiProposalDraft) draft = valid_draft ();
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_proposal_draft_validate (draft, &error));
  g_assert_no_error (error);
}

static void
test_title (void)
{
  const char *blank[] = { NULL, "", " ", "\t\n", "\u3000", "\u3000 \u3000", "\u00a0" };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      g_free (draft->title);
      draft->title = g_strdup (blank[i]);
      assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "Title");
    }

  {
    g_autoptr(YishiProposalDraft) draft = valid_draft ();

    g_free (draft->title);
    draft->title = g_strdup ("\u3000道路\u3000");
    g_assert_true (yishi_proposal_draft_validate (draft, NULL));
  }
}

/* Each text field, one at a time, holding bytes that are not UTF-8. */
static void
test_invalid_utf8 (void)
{
  const char *bad[] = { "\xff", "abc\xe4\xb8", "\xc0\x80", "道路\xed\xa0\x80", "\xe4" };
  const struct { gsize offset; const char *name; } fields[] = {
    { G_STRUCT_OFFSET (YishiProposalDraft, title), "Title" },
    { G_STRUCT_OFFSET (YishiProposalDraft, summary), "Summary" },
    { G_STRUCT_OFFSET (YishiProposalDraft, body), "Full text" },
    { G_STRUCT_OFFSET (YishiProposalDraft, proposer_name), "Proposer" },
    { G_STRUCT_OFFSET (YishiProposalDraft, proposer_phone), "phone" },
    { G_STRUCT_OFFSET (YishiProposalDraft, community), "Community" },
    { G_STRUCT_OFFSET (YishiProposalDraft, location), "Location" },
    { G_STRUCT_OFFSET (YishiProposalDraft, status_reason), "Reason" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint b = 0; b < G_N_ELEMENTS (bad); b++)
      {
        g_autoptr(YishiProposalDraft) draft = valid_draft ();
        char **field = G_STRUCT_MEMBER_P (draft, fields[f].offset);

        g_free (*field);
        *field = g_strdup (bad[b]);
        assert_invalid (draft, YISHI_ERROR_ENCODING, fields[f].name);
      }
}

static void
test_uuid (void)
{
  const char *good[] = { "0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b", "0D3D4A5E-7B0C-4B8E-9F1A-2C3D4E5F6A7B" };
  const char *bad[] = { "", "0d3d4a5e", "0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7", "0d3d4a5e7b0c4b8e9f1a2c3d4e5f6a7b",
                        "0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7g", "0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b ",
                        "道路道路道路道路-道路-道路-道路-道路道路道路道路道路道路", "\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      draft->uuid = g_strdup (good[i]);
      g_assert_true (yishi_proposal_draft_validate (draft, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      draft->uuid = g_strdup (bad[i]);
      assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "UUID");
    }
}

static void
test_dates (void)
{
  const char *good[] = { "2024-03-15", "2024-02-29", "2000-02-29", "1900-01-01", "9999-12-31",
                         "2026-12-31" };
  const char *bad[] = { "2026-02-30", "2023-02-29", "1900-02-29", "2026-2-3", "2026-02-3",
                        "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "26-02-03",
                        "2026/02/03", "2026.02.03", "20260203", "2026-02-03T00:00",
                        " 2026-02-03", "2026-02-03 ", "2026- 2-03", "2026-+2-03",
                        "2026-02- 3", "+202-02-03", "-026-02-03", "1899-12-31", "0000-01-01",
                        "２０２６-０２-０３", "2026年2月3日", "", "yyyy-mm-dd", "\xff\xff\xff\xff-02-03" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      if (!yishi_date_is_valid (good[i]))
        g_error ("%s was refused", good[i]);
      g_free (draft->submitted_on);
      draft->submitted_on = g_strdup (good[i]);
      g_assert_true (yishi_proposal_draft_validate (draft, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      if (yishi_date_is_valid (bad[i]))
        g_error ("“%s” was accepted as a date", bad[i]);
      g_free (draft->submitted_on);
      draft->submitted_on = g_strdup (bad[i]);
      assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "YYYY-MM-DD");
    }

  g_assert_false (yishi_date_is_valid (NULL));
}

static void
test_counts (void)
{
  const gint64 bad[] = { -2, -100, G_MININT64, (gint64) G_MAXINT32 + 1, G_MAXINT64 };
  const gint64 good[] = { YISHI_UNKNOWN, 0, 1, 5000, G_MAXINT32 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      draft->households = good[i];
      draft->people = good[i];
      g_assert_true (yishi_proposal_draft_validate (draft, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(YishiProposalDraft) households = valid_draft ();
      g_autoptr(YishiProposalDraft) people = valid_draft ();

      households->households = bad[i];
      assert_invalid (households, YISHI_ERROR_INVALID_VALUE, "Households");
      people->people = bad[i];
      assert_invalid (people, YISHI_ERROR_INVALID_VALUE, "People");
    }
}

static void
test_cost (void)
{
  const gint64 good[] = { YISHI_UNKNOWN, 0, 1, 8650000, YISHI_MONEY_MAX_FEN };
  const gint64 bad[] = { -2, G_MININT64, YISHI_MONEY_MAX_FEN + 1, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      draft->cost_fen = good[i];
      g_assert_true (yishi_proposal_draft_validate (draft, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(YishiProposalDraft) draft = valid_draft ();

      draft->cost_fen = bad[i];
      assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "cost");
    }
}

static void
test_enums (void)
{
  g_autoptr(YishiProposalDraft) category = valid_draft ();
  g_autoptr(YishiProposalDraft) status = valid_draft ();

  category->category = YISHI_N_CATEGORIES;
  assert_invalid (category, YISHI_ERROR_INVALID_VALUE, NULL);
  status->status = YISHI_N_PROPOSAL_STATUSES;
  assert_invalid (status, YISHI_ERROR_INVALID_VALUE, NULL);
}

static void
test_screened_out_reason (void)
{
  g_autoptr(YishiProposalDraft) draft = valid_draft ();

  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_OUT;
  assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "reason");

  draft->status_reason = g_strdup ("\u3000 ");
  assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "reason");

  g_free (draft->status_reason);
  draft->status_reason = g_strdup ("不属于社区自治范围");
  g_assert_true (yishi_proposal_draft_validate (draft, NULL));

  /* any stored status is valid in a draft (imports carry them) */
  for (guint s = 0; s < YISHI_N_PROPOSAL_STATUSES; s++)
    {
      draft->status = s;
      g_assert_true (yishi_proposal_draft_validate (draft, NULL));
    }
}

static void
test_copy (void)
{
  g_autoptr(YishiProposalDraft) draft = valid_draft ();
  g_autoptr(YishiProposalDraft) copy = NULL;

  draft->uuid = g_strdup ("0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b");
  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_OUT;
  draft->status_reason = g_strdup ("重复");
  draft->proposer_id = 17;
  copy = yishi_proposal_draft_copy (draft);

  /* deep: the copy owns its strings */
  g_assert_true (copy->title != draft->title);
  g_clear_pointer (&draft->title, g_free);
  g_clear_pointer (&draft->status_reason, g_free);
  g_assert_cmpstr (copy->title, ==, "3号楼道路硬化");
  g_assert_cmpstr (copy->uuid, ==, "0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b");
  g_assert_cmpstr (copy->summary, ==, "雨天积水");
  g_assert_cmpstr (copy->body, ==, "建议硬化道路。");
  g_assert_cmpstr (copy->proposer_name, ==, "张秀英");
  g_assert_cmpstr (copy->proposer_phone, ==, "13800000001");
  g_assert_cmpstr (copy->community, ==, "幸福里社区");
  g_assert_cmpstr (copy->location, ==, "3号楼东侧");
  g_assert_cmpstr (copy->submitted_on, ==, "2024-03-15");
  g_assert_cmpstr (copy->status_reason, ==, "重复");
  g_assert_cmpint (copy->proposer_id, ==, 17);
  g_assert_cmpint (copy->cost_fen, ==, 8650000);
  g_assert_cmpint (copy->households, ==, 120);
  g_assert_cmpint (copy->people, ==, 300);
  g_assert_cmpint (copy->category, ==, YISHI_CATEGORY_ROADS_TRAFFIC);
  g_assert_cmpint (copy->status, ==, YISHI_PROPOSAL_STATUS_SCREENED_OUT);
}

/* The rules without the encoding, for text the caller has checked. */
static void
test_validate_values (void)
{
  g_autoptr(YishiProposalDraft) draft = valid_draft ();
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_proposal_draft_validate_values (draft, &error));
  g_assert_no_error (error);

  /* the encoding is what it leaves out */
  g_free (draft->body);
  draft->body = g_strdup ("\xff");
  g_assert_true (yishi_proposal_draft_validate_values (draft, NULL));
  g_assert_false (yishi_proposal_draft_validate (draft, NULL));
  g_clear_pointer (&draft->body, g_free);

  /* every other rule stays, with the same messages */
  g_free (draft->title);
  draft->title = g_strdup ("\u3000 ");
  g_assert_false (yishi_proposal_draft_validate_values (draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "Title is required.");
  g_clear_error (&error);
  g_free (draft->title);
  draft->title = g_strdup ("路灯");

  draft->people = -5;
  g_assert_false (yishi_proposal_draft_validate_values (draft, &error));
  g_assert_nonnull (strstr (error->message, "People"));
  g_clear_error (&error);
  draft->people = 5;

  g_free (draft->submitted_on);
  draft->submitted_on = g_strdup ("2024-02-30");
  g_assert_false (yishi_proposal_draft_validate_values (draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_clear_pointer (&draft->submitted_on, g_free);

  draft->uuid = g_strdup ("not-a-uuid");
  g_assert_false (yishi_proposal_draft_validate_values (draft, &error));
  g_clear_error (&error);
  g_clear_pointer (&draft->uuid, g_free);

  draft->cost_fen = -2;
  g_assert_false (yishi_proposal_draft_validate_values (draft, &error));
  g_clear_error (&error);
  draft->cost_fen = YISHI_UNKNOWN;

  draft->status = YISHI_PROPOSAL_STATUS_SCREENED_OUT;
  g_clear_pointer (&draft->status_reason, g_free);
  g_assert_false (yishi_proposal_draft_validate_values (draft, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  draft->status_reason = g_strdup ("重复");
  g_assert_true (yishi_proposal_draft_validate_values (draft, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/proposal-draft/defaults", test_defaults);
  g_test_add_func ("/proposal-draft/valid", test_valid);
  g_test_add_func ("/proposal-draft/title", test_title);
  g_test_add_func ("/proposal-draft/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/proposal-draft/uuid", test_uuid);
  g_test_add_func ("/proposal-draft/dates", test_dates);
  g_test_add_func ("/proposal-draft/counts", test_counts);
  g_test_add_func ("/proposal-draft/cost", test_cost);
  g_test_add_func ("/proposal-draft/enums", test_enums);
  g_test_add_func ("/proposal-draft/screened-out-reason", test_screened_out_reason);
  g_test_add_func ("/proposal-draft/copy", test_copy);
  g_test_add_func ("/proposal-draft/validate-values", test_validate_values);

  return g_test_run ();
}
