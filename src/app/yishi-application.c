#include "config.h"

#include <glib/gi18n.h>

#include "yishi-application.h"
#include "yishi-database.h"
#include "yishi-window.h"

struct _YishiApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  char           *db_path; /* from --db, or NULL */
};

G_DEFINE_FINAL_TYPE (YishiApplication, yishi_application, ADW_TYPE_APPLICATION)

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("Yishi developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Yishi"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Yishi developers"),
                        "developers", developers,
                        "comments", _("Residents’ proposals, proposal contests and council sessions for community committees."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* closing the windows lets them save their size first */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_entries[] = {
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
};

static void
apply_color_scheme (YishiApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "force-light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "force-dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
color_scheme_changed_cb (GSettings        *settings,
                         const char       *key,
                         YishiApplication *self)
{
  apply_color_scheme (self);
}

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new-database", { "<Control><Shift>n", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-page('proposals')", { "<Alt>1", NULL } },
    { "win.show-page('people')", { "<Alt>2", NULL } },
    { "win.show-page('contests')", { "<Alt>3", NULL } },
    { "win.show-page('meetings')", { "<Alt>4", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
yishi_application_startup (GApplication *application)
{
  YishiApplication *self = YISHI_APPLICATION (application);
  g_autoptr(GAction) scheme_action = NULL;

  G_APPLICATION_CLASS (yishi_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  scheme_action = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), scheme_action);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, 0);
  apply_color_scheme (self);
  set_accels (GTK_APPLICATION (self));
}

/* The database to open: --db, else the last one used if it still
 * exists, else the default one under the XDG data folder. */
static char *
choose_database (YishiApplication *self,
                 gboolean         *out_is_default)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  *out_is_default = FALSE;
  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);

  *out_is_default = TRUE;
  return yishi_database_default_path ();
}

static void
yishi_application_activate (GApplication *application)
{
  YishiApplication *self = YISHI_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;
  gboolean is_default;

  if (window == NULL)
    {
      path = choose_database (self, &is_default);
      window = GTK_WINDOW (yishi_window_new (self));
      /* a newcomer's first run fills the new default database with the
       * sample community, so there is something real to look at */
      yishi_window_open_database (YISHI_WINDOW (window), path,
                                  is_default && !g_file_test (path, G_FILE_TEST_EXISTS));
    }

  gtk_window_present (window);
}

static int
yishi_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  YishiApplication *self = YISHI_APPLICATION (application);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      self->db_path = g_file_get_path (file);
    }

  return -1;
}

static void
yishi_application_finalize (GObject *object)
{
  YishiApplication *self = YISHI_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (yishi_application_parent_class)->finalize (object);
}

static void
yishi_application_class_init (YishiApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = yishi_application_finalize;
  app_class->startup = yishi_application_startup;
  app_class->activate = yishi_application_activate;
  app_class->handle_local_options = yishi_application_handle_local_options;
}

static void
yishi_application_init (YishiApplication *self)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database FILE instead of the default one"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

YishiApplication *
yishi_application_new (void)
{
  /* NON_UNIQUE: two windows on two archives must not share one process
   * by accident, and --db must reach the process that opens it */
  return g_object_new (YISHI_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/yishi/Yishi",
                       NULL);
}

GSettings *
yishi_application_get_settings (YishiApplication *self)
{
  g_return_val_if_fail (YISHI_IS_APPLICATION (self), NULL);

  return self->settings;
}
