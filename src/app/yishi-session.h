#pragma once

#include <gio/gio.h>

#include "yishi-database.h"
#include "yishi-person.h"

G_BEGIN_DECLS

#define YISHI_TYPE_SESSION (yishi_session_get_type ())

G_DECLARE_FINAL_TYPE (YishiSession, yishi_session, YISHI, SESSION, GObject)

/* One open database and the directory of people every page shares. */
YishiSession  *yishi_session_new             (YishiDatabase *db);
YishiDatabase *yishi_session_get_database    (YishiSession  *self);
GListModel    *yishi_session_get_people      (YishiSession  *self);
YishiPerson   *yishi_session_find_person     (YishiSession  *self,
                                              gint64         id,
                                              guint         *out_position);
void           yishi_session_reload_people   (YishiSession  *self);
void           yishi_session_add_person      (YishiSession  *self,
                                              YishiPerson   *person);
void           yishi_session_replace_person  (YishiSession  *self,
                                              YishiPerson   *person);
void           yishi_session_remove_person   (YishiSession  *self,
                                              gint64         id);
void           yishi_session_proposals_changed (YishiSession *self);
void           yishi_session_meetings_changed (YishiSession *self);
void           yishi_session_contests_changed (YishiSession *self);

G_END_DECLS
