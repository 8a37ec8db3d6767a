/* Edits proposals through the detail pane, and deletes one with Undo. */
#include "config.h"

#include "yishi-proposal-editor.h"
#include "yishi-proposal-store.h"
#include "yishi-proposals-page.h"
#include "yishi-ui-test-util.h"

typedef YishiUiFixture Fixture;

static GtkWidget *
page_of (Fixture *f)
{
  return yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PROPOSALS_PAGE);
}

/* Selects the first visible proposal with @status; returns it. */
static YishiProposal *
select_with_status (Fixture             *f,
                    YishiProposalStatus  status)
{
  GListModel *visible = yishi_ui_visible_proposals (f);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(YishiProposal) proposal = g_list_model_get_item (visible, i);

      if (yishi_proposal_get_status (proposal) == status)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (visible), i);
          return g_steal_pointer (&proposal);
        }
    }

  g_assert_not_reached ();
}

typedef struct
{
  Fixture    *f;
  gint64      id;
  const char *title;
  YishiProposalStatus status;
} Expect;

static YishiProposal *
stored (Expect *expect)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (expect->f);
  g_autoptr(GError) error = NULL;
  YishiProposal *proposal = yishi_proposal_store_get (db, expect->id, &error);

  g_assert_no_error (error);
  return proposal;
}

static gboolean
title_stored (gpointer data)
{
  g_autoptr(YishiProposal) proposal = stored (data);

  return g_strcmp0 (yishi_proposal_get_title (proposal), ((Expect *) data)->title) == 0;
}

static gboolean
status_stored (gpointer data)
{
  g_autoptr(YishiProposal) proposal = stored (data);

  return yishi_proposal_get_status (proposal) == ((Expect *) data)->status;
}

static void
test_edit_title (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(YishiProposal) proposal = select_with_status (f, YISHI_PROPOSAL_STATUS_SUBMITTED);
  GtkWidget *row = yishi_ui_find_named (page_of (f), ADW_TYPE_ENTRY_ROW, "Title");
  g_autofree char *title = g_strconcat (yishi_proposal_get_title (proposal), "（修订）", NULL);
  Expect expect = { f, yishi_proposal_get_id (proposal), title, 0 };

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, yishi_proposal_get_title (proposal));
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  yishi_ui_type_text (GTK_EDITABLE (row), "（修订）");
  yishi_ui_wait_until (title_stored, &expect);
}

/* The page's row for @expect's proposal shows its title: the reply to
 * a save has been taken in. */
static gboolean
row_shows_title (gpointer data)
{
  Expect *expect = data;
  GListModel *visible = yishi_ui_visible_proposals (expect->f);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(YishiProposal) proposal = g_list_model_get_item (visible, i);

      if (yishi_proposal_get_id (proposal) == expect->id)
        return g_strcmp0 (yishi_proposal_get_title (proposal), expect->title) == 0;
    }
  return FALSE;
}

/* Typing goes on where it was when a save's reply comes in: the stored
 * row replacing the edited one must not put the stored text back and
 * move the cursor. */
static void
test_type_during_save (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autoptr(YishiProposal) proposal = select_with_status (f, YISHI_PROPOSAL_STATUS_SUBMITTED);
  GtkWidget *editor = yishi_ui_find_child (page_of (f), YISHI_TYPE_PROPOSAL_EDITOR);
  GtkWidget *row = yishi_ui_find_named (page_of (f), ADW_TYPE_ENTRY_ROW, "Title");
  g_autofree char *half = g_strconcat (yishi_proposal_get_title (proposal), "（修", NULL);
  g_autofree char *whole = g_strconcat (half, "订）", NULL);
  Expect saved_half = { f, yishi_proposal_get_id (proposal), half, 0 };
  Expect saved_whole = { f, yishi_proposal_get_id (proposal), whole, 0 };

  gtk_widget_grab_focus (row);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  yishi_ui_type_text (GTK_EDITABLE (row), "（修");
  yishi_proposal_editor_save_now (YISHI_PROPOSAL_EDITOR (editor));
  yishi_ui_wait_until (row_shows_title, &saved_half);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, half);
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (row)), ==, g_utf8_strlen (half, -1));
  yishi_ui_type_text (GTK_EDITABLE (row), "订）");
  yishi_ui_wait_until (title_stored, &saved_whole);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, whole);
}

static void
test_bad_cost_not_saved (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autoptr(YishiProposal) proposal = select_with_status (f, YISHI_PROPOSAL_STATUS_SUBMITTED);
  GtkWidget *page = page_of (f);
  GtkWidget *cost = yishi_ui_find_named (page, ADW_TYPE_ENTRY_ROW, "Estimated Cost (yuan)");
  GtkWidget *title = yishi_ui_find_named (page, ADW_TYPE_ENTRY_ROW, "Title");
  Expect expect = { f, yishi_proposal_get_id (proposal), NULL, 0 };
  g_autoptr(YishiProposal) after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (title), "不应保存的标题");
  gtk_editable_set_text (GTK_EDITABLE (cost), "十二元");
  yishi_ui_wait_ms (1200);

  /* one bad field keeps the whole edit from being stored */
  after = stored (&expect);
  g_assert_cmpstr (yishi_proposal_get_title (after), ==, yishi_proposal_get_title (proposal));
  g_assert_cmpint (yishi_proposal_get_cost_fen (after), ==, yishi_proposal_get_cost_fen (proposal));
}

static void
test_change_status (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autoptr(YishiProposal) proposal = select_with_status (f, YISHI_PROPOSAL_STATUS_SUBMITTED);
  GtkWidget *editor = yishi_ui_find_child (page_of (f), YISHI_TYPE_PROPOSAL_EDITOR);
  Expect expect = { f, yishi_proposal_get_id (proposal), NULL, YISHI_PROPOSAL_STATUS_SCREENED_IN };

  g_assert_true (gtk_widget_activate_action (editor, "editor.set-status", "s", "screened-in"));
  yishi_ui_wait_until (status_stored, &expect);
}

typedef struct
{
  Fixture *f;
  guint    count;
} Count;

static gboolean
stored_count_is (gpointer data)
{
  Count *count = data;
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (count->f);

  return yishi_proposal_store_count (db, NULL) == count->count &&
         g_list_model_get_n_items (yishi_ui_visible_proposals (count->f)) == count->count;
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(YishiProposal) proposal = select_with_status (f, YISHI_PROPOSAL_STATUS_DRAFT);
  guint before = g_list_model_get_n_items (yishi_ui_visible_proposals (f));
  Count count = { f, before - 1 };
  Expect expect = { f, yishi_proposal_get_id (proposal), NULL, 0 };
  g_autoptr(YishiProposal) restored = NULL;

  g_assert_true (gtk_widget_activate_action (page_of (f), "proposals.delete", NULL));
  yishi_ui_wait_until (stored_count_is, &count);

  count.count = before;
  g_assert_true (gtk_widget_activate_action (page_of (f), "proposals.undo-delete", "x",
                                             yishi_proposal_get_id (proposal)));
  yishi_ui_wait_until (stored_count_is, &count);

  /* Undo brings back the same record, not a copy */
  restored = stored (&expect);
  g_assert_cmpstr (yishi_proposal_get_uuid (restored), ==, yishi_proposal_get_uuid (proposal));
  g_assert_cmpstr (yishi_proposal_get_title (restored), ==, yishi_proposal_get_title (proposal));
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/editor/edit-title", Fixture, NULL,
              yishi_ui_fixture_set_up, test_edit_title, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/editor/type-during-save", Fixture, NULL,
              yishi_ui_fixture_set_up, test_type_during_save, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/editor/bad-cost-not-saved", Fixture, NULL,
              yishi_ui_fixture_set_up, test_bad_cost_not_saved, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/editor/change-status", Fixture, NULL,
              yishi_ui_fixture_set_up, test_change_status, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/editor/delete-and-undo", Fixture, NULL,
              yishi_ui_fixture_set_up, test_delete_and_undo, yishi_ui_fixture_tear_down);

  return yishi_ui_test_run ();
}
