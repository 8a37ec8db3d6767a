#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "yishi-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(YishiApplication) app = NULL;
  const char *localedir = g_getenv ("YISHI_LOCALEDIR");

  /* YISHI_LOCALEDIR lets an uninstalled build find its translations */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Yishi"));

  app = yishi_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
