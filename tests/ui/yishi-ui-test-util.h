#pragma once

#include <adwaita.h>

#include "yishi-application.h"
#include "yishi-test-util.h"
#include "yishi-window.h"

G_BEGIN_DECLS

/* A real window on a fresh copy of the sample community. */
typedef struct
{
  YishiTestDir *dir;
  char         *db_path;
  YishiWindow  *window;
} YishiUiFixture;

void        yishi_ui_test_init       (int             *argc,
                                      char          ***argv);
int         yishi_ui_test_run        (void);
void        yishi_ui_fixture_set_up  (YishiUiFixture  *f,
                                      gconstpointer    user_data);
void        yishi_ui_fixture_tear_down (YishiUiFixture *f,
                                      gconstpointer    user_data);
void        yishi_ui_wait_until      (gboolean       (*done) (gpointer),
                                      gpointer         data);
void        yishi_ui_wait_ms         (guint            ms);
GtkWidget  *yishi_ui_find_child      (GtkWidget       *root,
                                      GType            type);
GtkWidget  *yishi_ui_find_named      (GtkWidget       *root,
                                      GType            type,
                                      const char      *title);
void        yishi_ui_type_text       (GtkEditable     *entry,
                                      const char      *text);
GListModel *yishi_ui_visible_proposals (YishiUiFixture *f);
YishiDatabase *yishi_ui_open_db      (YishiUiFixture  *f);

G_END_DECLS
