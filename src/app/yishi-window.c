#include "config.h"

#include <glib/gi18n.h>

#include "yishi-import-dialog.h"
#include "yishi-contests-page.h"
#include "yishi-meetings-page.h"
#include "yishi-people-page.h"
#include "yishi-proposal-export.h"
#include "yishi-proposal-store.h"
#include "yishi-proposals-page.h"
#include "yishi-sample.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

#define RECENT_MIME_TYPE "application/vnd.sqlite3"
#define MAX_RECENT 8

struct _YishiWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  YishiSession         *session;
  GCancellable         *cancellable;
  gint64                data_version;
  gulong                after_paint_id;
  gboolean              painted;     /* the first frame is on screen */
  gboolean              load_sample; /* for the database being opened */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwStatusPage        *loading_page;
  AdwViewStack         *view_stack;
  AdwBin               *proposals_slot;
  AdwBin               *people_slot;
  AdwBin               *meetings_slot;
  AdwBin               *contests_slot;
  YishiProposalsPage   *proposals_page; /* built once the window is on screen */
  YishiPeoplePage      *people_page;
  YishiMeetingsPage    *meetings_page;
  YishiContestsPage    *contests_page;
  GMenu                *recent_menu;
};

G_DEFINE_FINAL_TYPE (YishiWindow, yishi_window, ADW_TYPE_APPLICATION_WINDOW)

static void refresh_recent_menu (YishiWindow *self);

/* Opening */

static gpointer
load_sample_func (YishiDatabase   *db,
                  gpointer         data,
                  GCancellable    *cancellable,
                  GDestroyNotify  *out_free,
                  GError         **error)
{
  if (!yishi_database_is_empty (db))
    return GINT_TO_POINTER (TRUE);

  return GINT_TO_POINTER (yishi_sample_load_community (db, error));
}

static void
remember_database (YishiWindow *self,
                   const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .mime_type = (char *) RECENT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "yishi --db %f",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  g_settings_set_string (self->settings, "last-database", path);
}

/* The pages are built, and given the session, once the window has shown
 * its first frame: a window on screen at once, and its content right after,
 * beat a window that appears only when everything in it is ready. */
static void
show_content (YishiWindow *self)
{
  if (self->proposals_page == NULL)
    {
      self->proposals_page = g_object_new (YISHI_TYPE_PROPOSALS_PAGE, NULL);
      self->people_page = g_object_new (YISHI_TYPE_PEOPLE_PAGE, NULL);
      adw_bin_set_child (self->proposals_slot, GTK_WIDGET (self->proposals_page));
      adw_bin_set_child (self->people_slot, GTK_WIDGET (self->people_page));
      self->meetings_page = g_object_new (YISHI_TYPE_MEETINGS_PAGE, NULL);
      adw_bin_set_child (self->meetings_slot, GTK_WIDGET (self->meetings_page));
      self->contests_page = g_object_new (YISHI_TYPE_CONTESTS_PAGE, NULL);
      adw_bin_set_child (self->contests_slot, GTK_WIDGET (self->contests_page));
    }

  yishi_proposals_page_set_session (self->proposals_page, self->session);
  yishi_people_page_set_session (self->people_page, self->session);
  yishi_meetings_page_set_session (self->meetings_page, self->session);
  yishi_contests_page_set_session (self->contests_page, self->session);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

static void
set_session (YishiWindow  *self,
             YishiSession *session)
{
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  g_set_object (&self->session, session);
  self->data_version = yishi_database_get_data_version (yishi_session_get_database (session));

  basename = g_path_get_basename (yishi_database_get_path (yishi_session_get_database (session)));
  /* Translators: the window title; %s is the database file's name */
  title = g_strdup_printf (_("%s — Yishi"), basename);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);

  if (self->painted)
    show_content (self);
}

static void
show_open_error (YishiWindow  *self,
                 const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
use_database (YishiWindow   *self,
              YishiDatabase *db)
{
  g_autoptr(YishiSession) session = yishi_session_new (db);

  set_session (self, session);
  remember_database (self, yishi_database_get_path (db));
}

static void
sample_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(YishiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    show_open_error (self, error);
  else
    use_database (self, YISHI_DATABASE (source));
}

static void
database_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(YishiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiDatabase) db = yishi_database_open_finish (result, &error);
  if (db == NULL)
    show_open_error (self, error);
  else if (self->load_sample)
    yishi_store_run_async (db, load_sample_func, NULL, NULL, self->cancellable,
                           sample_loaded_cb, g_object_ref (self));
  else
    use_database (self, db);
}

/**
 * yishi_window_open_database:
 * Opens @path on a worker thread, showing a spinner meanwhile and a clear
 * message if the file cannot be used. With @load_sample, a new empty
 * database receives the sample community.
 */
void
yishi_window_open_database (YishiWindow *self,
                            const char  *path,
                            gboolean     load_sample)
{
  g_return_if_fail (YISHI_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->load_sample = load_sample;
  adw_status_page_set_title (self->loading_page,
                             load_sample ? _("Preparing the Sample Community…")
                                         : _("Opening the Database…"));
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  yishi_database_open_async (path, self->cancellable, database_opened_cb, g_object_ref (self));
}

/* File choosers */

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Yishi Databases"));
  gtk_file_filter_add_mime_type (filter, RECENT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "yishi");
  gtk_file_filter_add_suffix (filter, "sqlite");
  return filter;
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

typedef void (*ChosenFunc) (YishiWindow *self,
                            GFile       *file);

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     YishiWindow     *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (dialog), "chosen-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        func (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (YishiWindow          *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GtkFileFilter        *filter,
             const char           *suggested_name,
             ChosenFunc            func)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, NULL);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data (G_OBJECT (chooser), "chosen-func", func);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (filter);
}

static void
open_chosen (YishiWindow *self,
             GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);

  yishi_window_open_database (self, path, FALSE);
}

static void
new_chosen (YishiWindow *self,
            GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);

  /* never replace a file with an empty archive: the old one may be the
   * only copy of a community's records */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      AdwToast *toast = adw_toast_new (_("A file of that name already exists. Choose a new name for the new database."));

      yishi_window_show_toast (self, toast);
      return;
    }

  yishi_window_open_database (self, path, FALSE);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(YishiWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!yishi_database_backup_to_finish (YISHI_DATABASE (source), result, &error))
    yishi_window_show_error (GTK_WIDGET (self), _("The Copy Could Not Be Saved"), error);
  else
    yishi_window_show_toast (self, adw_toast_new (_("Copy saved")));
}

static void
copy_chosen (YishiWindow *self,
             GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);

  yishi_database_backup_to_async (yishi_session_get_database (self->session), path,
                                  self->cancellable, backup_done_cb, g_object_ref (self));
}

static void
import_chosen (YishiWindow *self,
               GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);
  YishiImportDialog *dialog = yishi_import_dialog_new (GTK_WINDOW (self), self->session, path);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
export_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  g_autoptr(GPtrArray) proposals = yishi_proposal_store_list (db, NULL, error);

  if (proposals == NULL || !yishi_proposal_export_csv (proposals, data, error))
    return NULL;

  return GUINT_TO_POINTER (proposals->len + 1);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(YishiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (yishi_store_run_finish (YISHI_DATABASE (source), result, &error));
  g_autofree char *message = NULL;

  if (n == 0)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Proposals Could Not Be Exported"), error);
      return;
    }

  message = g_strdup_printf (ngettext ("Exported %u proposal", "Exported %u proposals", n - 1), n - 1);
  yishi_window_show_toast (self, adw_toast_new (message));
}

static void
export_chosen (YishiWindow *self,
               GFile       *file)
{
  yishi_store_run_async (yishi_session_get_database (self->session), export_func,
                         g_file_get_path (file), g_free, self->cancellable,
                         export_done_cb, g_object_ref (self));
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (YISHI_WINDOW (widget), _("Open Database"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), database_filter (), NULL, open_chosen);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (YISHI_WINDOW (widget), _("New Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Create"), database_filter (),
               /* Translators: the suggested file name of a new database */
               _("community.db"), new_chosen);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YishiWindow *self = YISHI_WINDOW (widget);
  g_autofree char *basename =
    g_path_get_basename (yishi_database_get_path (yishi_session_get_database (self->session)));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d");
  g_autofree char *stem = g_strndup (basename, strcspn (basename, "."));
  g_autofree char *name = g_strdup_printf ("%s-%s.db", stem, stamp);

  choose_file (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
               database_filter (), name, copy_chosen);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (YISHI_WINDOW (widget), _("Import Proposals"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Import"), csv_filter (), NULL, import_chosen);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_file (YISHI_WINDOW (widget), _("Export Proposals"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Export"), csv_filter (),
               /* Translators: the suggested file name for exported proposals */
               _("proposals.csv"), export_chosen);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  yishi_window_open_database (YISHI_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  YishiWindow *self = YISHI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Recent files */

static gboolean
is_our_recent (GtkRecentInfo *info)
{
  return gtk_recent_info_has_application (info, g_get_application_name ()) &&
         gtk_recent_info_exists (info);
}

static void
refresh_recent_menu (YishiWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!is_our_recent (info))
        continue;
      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      path = g_file_get_path (file);
      if (path == NULL)
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", path);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
recent_changed_cb (GtkRecentManager *manager,
                   YishiWindow      *self)
{
  refresh_recent_menu (self);
}

/* Another program — yishictl, or a second window — may have written the
 * file while we were in the background: read it again if so. */
static void
is_active_changed_cb (YishiWindow *self)
{
  gint64 version;

  if (self->session == NULL || !gtk_window_is_active (GTK_WINDOW (self)))
    return;

  version = yishi_database_get_data_version (yishi_session_get_database (self->session));
  if (version == self->data_version)
    return;

  self->data_version = version;
  yishi_session_reload_people (self->session);
  yishi_session_proposals_changed (self->session);
  yishi_session_meetings_changed (self->session);
  yishi_session_contests_changed (self->session);
}

static void
after_paint_cb (GdkFrameClock *clock,
                YishiWindow   *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->painted = TRUE;

  /* Benchmarks time start-up to the first frame: with
   * YISHI_EXIT_AFTER_FIRST_FRAME=1 the application quits right after it. */
  if (g_strcmp0 (g_getenv ("YISHI_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    {
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      return;
    }

  if (self->session != NULL)
    show_content (self);
}

static void
yishi_window_realize (GtkWidget *widget)
{
  YishiWindow *self = YISHI_WINDOW (widget);

  GTK_WIDGET_CLASS (yishi_window_parent_class)->realize (widget);

  self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
}

static gboolean
yishi_window_close_request (GtkWindow *window)
{
  YishiWindow *self = YISHI_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (yishi_window_parent_class)->close_request (window);
}

static void
yishi_window_dispose (GObject *object)
{
  YishiWindow *self = YISHI_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_WINDOW);

  G_OBJECT_CLASS (yishi_window_parent_class)->dispose (object);
}

static void
yishi_window_finalize (GObject *object)
{
  g_clear_object (&YISHI_WINDOW (object)->settings);

  G_OBJECT_CLASS (yishi_window_parent_class)->finalize (object);
}

static void
yishi_window_class_init (YishiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = yishi_window_dispose;
  object_class->finalize = yishi_window_finalize;
  widget_class->realize = yishi_window_realize;
  GTK_WINDOW_CLASS (klass)->close_request = yishi_window_close_request;


  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, proposals_slot);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, people_slot);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, meetings_slot);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, contests_slot);
  gtk_widget_class_bind_template_child (widget_class, YishiWindow, recent_menu);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
}

static void
restore_size (YishiWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
yishi_window_init (YishiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();
  restore_size (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, 0);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  refresh_recent_menu (self);
}

YishiWindow *
yishi_window_new (YishiApplication *application)
{
  return g_object_new (YISHI_TYPE_WINDOW, "application", application, NULL);
}

YishiSession *
yishi_window_get_session (YishiWindow *self)
{
  g_return_val_if_fail (YISHI_IS_WINDOW (self), NULL);

  return self->session;
}

void
yishi_window_show_toast (YishiWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (YISHI_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A message dialog for a failure the user must read: @heading says what
 * failed, the error's message says why and where. */
void
yishi_window_show_error (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
