#include "config.h"

#include <glib/gi18n.h>

#include "yishi-people-page.h"
#include "yishi-person-form.h"
#include "yishi-person-store.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

#define SAVE_DELAY_MS 600

struct _YishiPeoplePage
{
  GtkWidget           parent_instance;

  YishiSession       *session;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  YishiPerson        *person;  /* the one in the form */
  GHashTable         *deleted; /* id → YishiPerson, while Undo is offered */
  GCancellable       *cancellable;
  guint               save_source;

  /* template children */
  GtkWidget          *paned;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkStack           *editor_stack;
  YishiPersonForm    *form;
  GtkLabel           *message_label;
};

G_DEFINE_FINAL_TYPE (YishiPeoplePage, yishi_people_page, GTK_TYPE_WIDGET)

static void selection_changed_cb (YishiPeoplePage *self);
static void select_person        (YishiPeoplePage *self,
                                   gint64           id);

static gboolean
contains_folded (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  YishiPeoplePage *self = user_data;
  YishiPerson *person = item;
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_strstrip (query);
  return *query == '\0' ||
         contains_folded (yishi_person_get_name (person), query) ||
         contains_folded (yishi_person_get_phone (person), query) ||
         contains_folded (yishi_person_get_grid (person), query) ||
         contains_folded (yishi_person_get_building (person), query);
}

static void
update_view_state (YishiPeoplePage *self)
{
  guint total = self->session ? g_list_model_get_n_items (yishi_session_get_people (self->session)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  gtk_stack_set_visible_child_name (self->list_stack,
                                    total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
  if (shown == total)
    count = g_strdup_printf (ngettext ("%u person", "%u people", total), total);
  else
    count = g_strdup_printf (ngettext ("%u of %u person", "%u of %u people", total), shown, total);
  gtk_label_set_label (self->count_label, count);
}

static void
search_changed_cb (YishiPeoplePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view_state (self);
}

static void
show_message (YishiPeoplePage *self,
              const char      *message,
              gboolean         is_error)
{
  gtk_label_set_label (self->message_label, message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "field-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "field-error");
}

/* Saving edits */

typedef struct
{
  gint64            id;
  YishiPersonDraft *draft;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  yishi_person_draft_free (request->draft);
  g_free (request);
}

static gpointer
save_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  SaveRequest *request = data;

  *out_free = g_object_unref;
  return yishi_person_store_update (db, request->id, request->draft, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiPeoplePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiPerson) person = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (person == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, TRUE);
      return;
    }

  show_message (self, _("All changes saved"), FALSE);
  g_set_object (&self->person, person);
  /* The stored row replaces the edited one in the list, which drops the
   * selection for a moment: the form must not follow it, or what was
   * typed while the save was under way would be lost. */
  g_signal_handlers_block_by_func (self->selection, selection_changed_cb, self);
  yishi_session_replace_person (self->session, person);
  select_person (self, yishi_person_get_id (person));
  g_signal_handlers_unblock_by_func (self->selection, selection_changed_cb, self);
  /* proposals show their proposer's name: read them again */
  yishi_session_proposals_changed (self->session);
}

static void
save_now (YishiPeoplePage *self)
{
  g_autoptr(GError) error = NULL;
  SaveRequest *request;
  YishiPersonDraft *draft;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->person == NULL)
    return;

  draft = yishi_person_form_read (self->form, &error);
  if (draft == NULL)
    {
      show_message (self, error->message, TRUE);
      return;
    }

  request = g_new0 (SaveRequest, 1);
  request->id = yishi_person_get_id (self->person);
  request->draft = draft;
  yishi_store_run_async (yishi_session_get_database (self->session), save_func, request,
                         (GDestroyNotify) save_request_free, self->cancellable, saved_cb, g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  YishiPeoplePage *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
form_changed_cb (YishiPeoplePage *self)
{
  show_message (self, _("Saving…"), FALSE);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
selection_changed_cb (YishiPeoplePage *self)
{
  YishiPerson *person = gtk_single_selection_get_selected_item (self->selection);

  /* a saved row replaces the edited one: keep what is being typed */
  if (person != NULL && self->person != NULL &&
      yishi_person_get_id (person) == yishi_person_get_id (self->person))
    return;

  if (self->save_source != 0)
    save_now (self);
  g_set_object (&self->person, person);
  gtk_stack_set_visible_child_name (self->editor_stack, person ? "edit" : "none");
  yishi_person_form_set_person (self->form, person);
  show_message (self, "", FALSE);
}

static void
row_activated_cb (YishiPeoplePage *self,
                  guint            position)
{
  yishi_person_form_focus_name (self->form);
}

/* Adding and removing */

static gpointer
add_func (YishiDatabase   *db,
          gpointer         data,
          GCancellable    *cancellable,
          GDestroyNotify  *out_free,
          GError         **error)
{
  *out_free = g_object_unref;
  return yishi_person_store_add (db, data, error);
}

static void
select_person (YishiPeoplePage *self,
               gint64           id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YishiPerson) person = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (yishi_person_get_id (person) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(YishiPeoplePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiPerson) person = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (person == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Person Could Not Be Added"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  yishi_session_add_person (self->session, person);
  select_person (self, yishi_person_get_id (person));
  yishi_person_form_focus_name (self->form);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  YishiPeoplePage *self = YISHI_PEOPLE_PAGE (widget);
  YishiPersonDraft *draft = yishi_person_draft_new ();

  if (self->session == NULL)
    return;

  draft->name = g_strdup (_("New person"));
  yishi_store_run_async (yishi_session_get_database (self->session), add_func, draft,
                         (GDestroyNotify) yishi_person_draft_free, self->cancellable,
                         added_cb, g_object_ref (self));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  YishiPeoplePage *self = YISHI_PEOPLE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(YishiPerson) person = NULL;

  g_autofree gint64 *key = NULL;

  if (!g_hash_table_steal_extended (self->deleted, &id, (gpointer *) &key, (gpointer *) &person))
    return;

  /* the same UUID comes back, so merges across machines still match */
  yishi_store_run_async (yishi_session_get_database (self->session), add_func,
                         yishi_person_to_draft (person), (GDestroyNotify) yishi_person_draft_free,
                         self->cancellable, added_cb, g_object_ref (self));
}

static gpointer
delete_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  *out_free = g_object_unref;
  if (!yishi_person_store_delete (db, yishi_person_get_id (data), error))
    return NULL;

  return g_object_ref (data);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(YishiPeoplePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiPerson) person = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (person == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Person Could Not Be Removed"), error);
      return;
    }

  yishi_session_remove_person (self->session, yishi_person_get_id (person));
  g_hash_table_insert (self->deleted, g_memdup2 (&(gint64) { yishi_person_get_id (person) }, sizeof (gint64)),
                       g_object_ref (person));

  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s removed"), yishi_person_get_name (person));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "people.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (yishi_person_get_id (person)));
  yishi_window_show_toast (YISHI_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiPeoplePage *self = YISHI_PEOPLE_PAGE (widget);
  YishiPerson *person = gtk_single_selection_get_selected_item (self->selection);

  if (person == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  yishi_store_run_async (yishi_session_get_database (self->session), delete_func,
                         g_object_ref (person), g_object_unref, self->cancellable,
                         deleted_cb, g_object_ref (self));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (YISHI_PEOPLE_PAGE (widget)->search_entry));
}

static void
people_changed_cb (YishiPeoplePage *self)
{
  update_view_state (self);
}

static void
yishi_people_page_dispose (GObject *object)
{
  YishiPeoplePage *self = YISHI_PEOPLE_PAGE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_PEOPLE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorted);
  g_clear_object (&self->person);
  g_clear_object (&self->session);
  g_clear_pointer (&self->deleted, g_hash_table_unref);

  G_OBJECT_CLASS (yishi_people_page_parent_class)->dispose (object);
}

static void
yishi_people_page_class_init (YishiPeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_people_page_dispose;

  g_type_ensure (YISHI_TYPE_PERSON);
  g_type_ensure (YISHI_TYPE_PERSON_FORM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, paned);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, form);
  gtk_widget_class_bind_template_child (widget_class, YishiPeoplePage, message_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "people.undo-delete", "x", undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "people.find", NULL);
}

static void
yishi_people_page_init (YishiPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (people_changed_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  update_view_state (self);
}

void
yishi_people_page_set_session (YishiPeoplePage *self,
                               YishiSession    *session)
{
  g_return_if_fail (YISHI_IS_PEOPLE_PAGE (self));

  g_set_object (&self->session, session);
  g_clear_object (&self->person);
  gtk_sort_list_model_set_model (self->sorted, yishi_session_get_people (session));
  update_view_state (self);
}
