#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

/* A turn to speak (发言) on an agenda item, or on one motion of it. */
typedef enum
{
  YISHI_SPEECH_QUEUED,   /* "queued": waiting for the floor */
  YISHI_SPEECH_SPEAKING, /* "speaking": has the floor */
  YISHI_SPEECH_DONE,     /* "done" */
} YishiSpeechState;

typedef struct
{
  gint64            id;
  gint64            item_id;
  gint64            motion_id;  /* 0: on the item in general */
  gint64            person_id;
  char             *name;
  YishiSpeechState  state;
  guint             turn;       /* 1 for this person's first turn on the motion (or item), … */
  char             *started_at; /* "YYYY-MM-DD HH:MM:SS" local time; NULL while queued */
  char             *ended_at;   /* NULL until done */
  char             *note;       /* what was said, in short; "" if none */
} YishiSpeechRow;

const char *yishi_speech_state_to_key   (YishiSpeechState   state);
gboolean    yishi_speech_state_from_key (const char        *key,
                                         YishiSpeechState  *out_state);
void        yishi_speech_row_free       (YishiSpeechRow    *row);

/* The queue and the past turns of an item, in the order they were
 * queued. */
GPtrArray  *yishi_speech_store_list     (YishiDatabase     *db,
                                         gint64             item_id,
                                         GError           **error);
/* Puts @person_id in the queue. Refused when the meeting is closed,
 * when the person is already waiting on this item, and when they have
 * had the council's max_turns on this motion (or on the item when
 * @motion_id is 0) — the message says how many turns are allowed. */
gint64      yishi_speech_store_enqueue  (YishiDatabase     *db,
                                         gint64             item_id,
                                         gint64             motion_id,
                                         gint64             person_id,
                                         GError           **error);
/* The chair gives the floor: only in session, only to a queued
 * speech, and only while nobody else in the meeting has it. */
gboolean    yishi_speech_store_give_floor (YishiDatabase   *db,
                                         gint64             speech_id,
                                         GError           **error);
/* Ends a turn; @note may be NULL. */
gboolean    yishi_speech_store_end      (YishiDatabase     *db,
                                         gint64             speech_id,
                                         const char        *note,
                                         GError           **error);
/* The note can be corrected at any time before the meeting closes. */
gboolean    yishi_speech_store_set_note (YishiDatabase     *db,
                                         gint64             speech_id,
                                         const char        *note,
                                         GError           **error);
/* Takes a queued speech out of the queue (one who has spoken stays). */
gboolean    yishi_speech_store_withdraw (YishiDatabase     *db,
                                         gint64             speech_id,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiSpeechRow, yishi_speech_row_free)

G_END_DECLS
