#include "config.h"

#include <glib/gi18n.h>

#include "yishi-proposal-editor.h"
#include "yishi-proposal-store.h"
#include "yishi-proposals-page.h"
#include "yishi-store-task.h"
#include "yishi-text-index.h"
#include "yishi-window.h"

struct _YishiProposalsPage
{
  GtkWidget            parent_instance;

  YishiSession        *session;
  GCancellable        *cancellable;
  GListStore          *proposals;  /* every proposal of the database */
  GtkSortListModel    *sorted;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GtkCustomFilter     *filter;
  YishiTextIndex      *index;
  GArray              *search_ids; /* NULL: no search */
  GHashTable          *deleted;    /* id → YishiProposal, while Undo is offered */
  gboolean             loading;

  /* template children */
  GtkPaned            *paned;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  YishiProposalEditor *editor;
};

G_DEFINE_FINAL_TYPE (YishiProposalsPage, yishi_proposals_page, GTK_TYPE_WIDGET)

static void selection_changed_cb (YishiProposalsPage *self);

typedef struct
{
  GPtrArray      *rows;
  YishiTextIndex *index;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_ptr_array_unref (loaded->rows);
  yishi_text_index_free (loaded->index);
  g_free (loaded);
}

/* Filtering */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  YishiProposalsPage *self = user_data;
  YishiProposal *proposal = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  /* position 0 of each drop-down is "all" */
  if (status > 0 && yishi_proposal_get_status (proposal) != status - 1)
    return FALSE;
  if (category > 0 && yishi_proposal_get_category (proposal) != category - 1)
    return FALSE;

  return self->search_ids == NULL ||
         yishi_id_array_contains (self->search_ids, (guint) yishi_proposal_get_id (proposal));
}

static void
update_view_state (YishiProposalsPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (self->loading)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  if (shown == total)
    count = g_strdup_printf (ngettext ("%u proposal", "%u proposals", total), total);
  else
    /* Translators: shown while searching or filtering: "12 of 340 proposals" */
    count = g_strdup_printf (ngettext ("%u of %u proposal", "%u of %u proposals", total),
                             shown, total);
  gtk_label_set_label (self->count_label, count);
}

static void
refilter (YishiProposalsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_ids, g_array_unref);
  /* the index answers in well under a frame even for 100,000 proposals,
   * so searching as one types runs right here */
  if (self->index != NULL && !yishi_text_query_is_blank (query))
    self->search_ids = yishi_text_index_search (self->index, query);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view_state (self);
}

static void
search_changed_cb (YishiProposalsPage *self)
{
  refilter (self);
}

static void
stop_search_cb (YishiProposalsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filter_changed_cb (YishiProposalsPage *self)
{
  refilter (self);
}

/* Loading */

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  Loaded *loaded;
  GPtrArray *rows = yishi_proposal_store_list (db, NULL, error);

  *out_free = (GDestroyNotify) loaded_free;
  if (rows == NULL)
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->rows = rows;
  loaded->index = yishi_proposal_store_build_index (rows);
  return loaded;
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  YishiProposalsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Proposals Could Not Be Read"), error);
      return;
    }

  g_clear_pointer (&self->index, yishi_text_index_free);
  self->index = g_steal_pointer (&loaded->index);
  self->loading = FALSE;
  g_list_store_splice (self->proposals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->proposals)),
                       loaded->rows->pdata, loaded->rows->len);
  loaded_free (loaded);
  refilter (self);
}

static void
reload (YishiProposalsPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->loading = TRUE;
  update_view_state (self);
  yishi_store_run_async (yishi_session_get_database (self->session), load_func, NULL, NULL,
                         self->cancellable, loaded_cb, self);
}

static void
proposals_changed_cb (YishiProposalsPage *self)
{
  reload (self);
}

/* Keeping the list in step with edits */

static gboolean
find_by_id (GListModel *model,
            gint64      id,
            guint      *out_position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YishiProposal) proposal = g_list_model_get_item (model, i);

      if (yishi_proposal_get_id (proposal) == id)
        {
          *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
select_id (YishiProposalsPage *self,
           gint64              id)
{
  guint position;

  if (find_by_id (G_LIST_MODEL (self->selection), id, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
    }
}

/* Puts @row in place of the proposal with the same id, or adds it. */
static void
put_row (YishiProposalsPage *self,
         YishiProposal      *row)
{
  gint64 id = yishi_proposal_get_id (row);
  g_autofree char *text = yishi_proposal_dup_search_text (row);
  guint position;

  if (self->proposals == NULL) /* disposed while a save was under way */
    return;

  /* Replacing the row drops the selection for a moment: the editor must
   * not follow it to nothing and back, which would put back the stored
   * text over what was typed while the save was under way. It is told
   * once, of the new row, which it knows as the one it edits. */
  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  if (find_by_id (G_LIST_MODEL (self->proposals), id, &position))
    g_list_store_splice (self->proposals, position, 1, (gpointer *) &row, 1);
  else
    g_list_store_append (self->proposals, row);

  if (self->index != NULL)
    yishi_text_index_set (self->index, (guint) id, text);
  refilter (self);
  select_id (self, id);
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);
  selection_changed_cb (self);
}

static void
remove_row (YishiProposalsPage *self,
            gint64              id)
{
  guint position;

  if (find_by_id (G_LIST_MODEL (self->proposals), id, &position))
    g_list_store_remove (self->proposals, position);
  if (self->index != NULL)
    yishi_text_index_remove (self->index, (guint) id);
  refilter (self);
}

static void
editor_saved_cb (YishiProposalsPage *self,
                 YishiProposal      *row)
{
  put_row (self, row);
}

static void
selection_changed_cb (YishiProposalsPage *self)
{
  YishiProposal *proposal = gtk_single_selection_get_selected_item (self->selection);

  yishi_proposal_editor_set_proposal (self->editor, proposal);
}

static void
row_activated_cb (YishiProposalsPage *self,
                  guint               position)
{
  yishi_proposal_editor_focus_title (self->editor);
}

/* Adding and deleting */

static gpointer
add_func (YishiDatabase   *db,
          gpointer         data,
          GCancellable    *cancellable,
          GDestroyNotify  *out_free,
          GError         **error)
{
  *out_free = g_object_unref;
  return yishi_proposal_store_add (db, data, error);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiProposalsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) row = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (row == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Proposal Could Not Be Added"), error);
      return;
    }

  /* a new proposal must be visible even if the filters would hide it */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  put_row (self, row);
  yishi_proposal_editor_focus_title (self->editor);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  YishiProposalsPage *self = YISHI_PROPOSALS_PAGE (widget);
  YishiProposalDraft *draft = yishi_proposal_draft_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->session == NULL)
    return;

  draft->title = g_strdup (_("New proposal"));
  draft->submitted_on = g_date_time_format (now, "%Y-%m-%d");
  yishi_store_run_async (yishi_session_get_database (self->session), add_func, draft,
                         (GDestroyNotify) yishi_proposal_draft_free, self->cancellable,
                         added_cb, g_object_ref (self));
}

static gpointer
restore_func (YishiDatabase   *db,
              gpointer         data,
              GCancellable    *cancellable,
              GDestroyNotify  *out_free,
              GError         **error)
{
  *out_free = g_object_unref;
  return yishi_proposal_store_restore (db, data, error);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(YishiProposalsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) row = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (row == NULL)
    yishi_window_show_error (GTK_WIDGET (self), _("The Proposal Could Not Be Restored"), error);
  else
    put_row (self, row);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiProposalsPage *self = YISHI_PROPOSALS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  YishiProposal *snapshot = NULL;

  g_autofree gint64 *key = NULL;

  if (!g_hash_table_steal_extended (self->deleted, &id, (gpointer *) &key, (gpointer *) &snapshot))
    return;

  yishi_store_run_async (yishi_session_get_database (self->session), restore_func,
                         snapshot, g_object_unref, self->cancellable, restored_cb, g_object_ref (self));
}

static gpointer
delete_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  *out_free = g_object_unref;
  if (!yishi_proposal_store_delete (db, yishi_proposal_get_id (data), error))
    return NULL;

  return g_object_ref (data);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(YishiProposalsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiProposal) snapshot = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (snapshot == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Proposal Could Not Be Deleted"), error);
      return;
    }

  remove_row (self, yishi_proposal_get_id (snapshot));
  g_hash_table_insert (self->deleted, g_memdup2 (&(gint64) { yishi_proposal_get_id (snapshot) }, sizeof (gint64)),
                       g_object_ref (snapshot));

  /* Translators: %s is the title of the deleted proposal */
  title = g_strdup_printf (_("“%s” deleted"), yishi_proposal_get_title (snapshot));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "proposals.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (yishi_proposal_get_id (snapshot)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  yishi_window_show_toast (YISHI_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiProposalsPage *self = YISHI_PROPOSALS_PAGE (widget);
  YishiProposal *proposal = gtk_single_selection_get_selected_item (self->selection);

  if (proposal == NULL)
    return;

  yishi_store_run_async (yishi_session_get_database (self->session), delete_func,
                         g_object_ref (proposal), g_object_unref, self->cancellable,
                         deleted_cb, g_object_ref (self));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (YISHI_PROPOSALS_PAGE (widget)->search_entry));
}

/* Setup */

static GListModel *
status_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All Statuses"));
  for (guint i = 0; i < YISHI_N_PROPOSAL_STATUSES; i++)
    gtk_string_list_append (list, yishi_proposal_status_label (i));
  return G_LIST_MODEL (list);
}

static GListModel *
category_choices (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All Categories"));
  for (guint i = 0; i < YISHI_N_CATEGORIES; i++)
    gtk_string_list_append (list, yishi_category_label (i));
  return G_LIST_MODEL (list);
}

static void
setup_models (YishiProposalsPage *self)
{
  g_autoptr(GListModel) statuses = status_choices ();
  g_autoptr(GListModel) categories = category_choices ();

  self->proposals = g_list_store_new (YISHI_TYPE_PROPOSAL);
  /* sorting 100,000 rows happens in steps, so the window never stalls */
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->proposals)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sorted, TRUE);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);

  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->category_dropdown, categories);
}

static void
add_delete_shortcut (YishiProposalsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* on the table only: Delete in a text field must edit the text */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete"),
                                                          gtk_named_action_new ("proposals.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

static void
yishi_proposals_page_dispose (GObject *object)
{
  YishiProposalsPage *self = YISHI_PROPOSALS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_PROPOSALS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorted);
  g_clear_object (&self->proposals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->index, yishi_text_index_free);
  g_clear_pointer (&self->search_ids, g_array_unref);
  g_clear_pointer (&self->deleted, g_hash_table_unref);

  G_OBJECT_CLASS (yishi_proposals_page_parent_class)->dispose (object);
}

static void
yishi_proposals_page_class_init (YishiProposalsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_proposals_page_dispose;

  g_type_ensure (YISHI_TYPE_PROPOSAL);
  g_type_ensure (YISHI_TYPE_PROPOSAL_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-proposals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiProposalsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "proposals.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "proposals.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "proposals.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "proposals.undo-delete", "x", undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "proposals.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "proposals.find", NULL);
}

static void
yishi_proposals_page_init (YishiProposalsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  setup_models (self);
  add_delete_shortcut (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  update_view_state (self);
}

void
yishi_proposals_page_set_session (YishiProposalsPage *self,
                                  YishiSession       *session)
{
  g_return_if_fail (YISHI_IS_PROPOSALS_PAGE (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  yishi_proposal_editor_set_session (self->editor, session);
  g_signal_connect_object (session, "proposals-changed", G_CALLBACK (proposals_changed_cb),
                           self, G_CONNECT_SWAPPED);
  reload (self);
}

/* The proposals shown, in the order shown: for tests and exports. */
GListModel *
yishi_proposals_page_get_visible (YishiProposalsPage *self)
{
  g_return_val_if_fail (YISHI_IS_PROPOSALS_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
