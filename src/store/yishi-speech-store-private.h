#pragma once

#include <sqlite3.h>

#include "yishi-speech-store.h"

G_BEGIN_DECLS

/* The columns _yishi_speech_read_row () reads, for the queue of one
 * item and for a meeting's snapshot. */
#define YISHI_SPEECH_COLUMNS \
  "s.id, s.agenda_item_id, coalesce(s.motion_id, 0), s.person_id, p.name, s.state, s.turn," \
  " s.started_at, s.ended_at, s.note"
#define YISHI_SPEECH_FROM " FROM speech s JOIN person p ON p.id = s.person_id"

/* Fills the zeroed YishiSpeechRow @row; FALSE for a state this Yishi
 * does not know. */
gboolean _yishi_speech_read_row (sqlite3_stmt *stmt,
                                 gpointer      row);

/* Inside the transaction that closes a meeting: the turn in progress
 * ends now, and whoever still waits will not speak at this meeting. */
gboolean _yishi_speech_close_meeting (YishiDatabase  *db,
                                      gint64          meeting_id,
                                      GError        **error);

G_END_DECLS
