#pragma once

#include "yishi-minutes-store.h"

G_BEGIN_DECLS

typedef gboolean (*YishiMinutesAction) (YishiDatabase  *db,
                                        YishiMinutes   *minutes,
                                        gpointer        data,
                                        GError        **error);

/* Inside the caller's transaction, with the lock held: the minutes of
 * @meeting_id with the meeting's record. With @create, a closed
 * meeting's first call makes its draft; without, a meeting with no
 * minutes gives NULL with no error. */
YishiMinutes *_yishi_minutes_read        (YishiDatabase       *db,
                                          gint64               meeting_id,
                                          gboolean             create,
                                          GError             **error);
/* Takes the lock and runs @action on the meeting's minutes (made as a
 * draft if it has none yet) in one transaction: all of it or nothing. */
gboolean      _yishi_minutes_run         (YishiDatabase       *db,
                                          gint64               meeting_id,
                                          YishiMinutesAction   action,
                                          gpointer             data,
                                          GError             **error);
/* The digest of the council's approved minutes that no other approved
 * minutes follows yet, the head of its chain; "" when there is none. */
gboolean      _yishi_minutes_chain_head  (YishiDatabase       *db,
                                          gint64               council_id,
                                          char               **out_digest,
                                          GError             **error);

G_END_DECLS
