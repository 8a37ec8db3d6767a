#pragma once

#include <sqlite3.h>

#include "yishi-meeting-snapshot.h"

G_BEGIN_DECLS

/* What a write needs to know about the meeting it changes. */
typedef struct
{
  gint64            id;
  gint64            council_id;
  YishiMeetingState state;
  char              date[11]; /* the meeting's own date, for membership */
} YishiMeetingInfo;

/* What a vote or a seconder needs to know about a motion. */
typedef struct
{
  gint64        id;
  gint64        item_id;
  gint64        parent_id;   /* 0: the item's main motion */
  gint64        meeting_id;
  gint64        mover_id;    /* 0: not known */
  gint64        seconder_id; /* 0: none */
  YishiVoteRule rule;
  YishiVoteForm form;
} YishiMotionInfo;

/* Shared by the meeting store's files (meetings, votes, edits,
 * speeches); all with the lock held, inside the caller's transaction. */
gboolean _yishi_meeting_step_row         (YishiDatabase           *db,
                                          sqlite3_stmt            *stmt,
                                          const char              *what,
                                          gint64                   id,
                                          GError                 **error);
gboolean _yishi_meeting_load             (YishiDatabase           *db,
                                          gint64                   meeting_id,
                                          YishiMeetingInfo        *info,
                                          GError                 **error);
gboolean _yishi_meeting_load_open        (YishiDatabase           *db,
                                          gint64                   meeting_id,
                                          YishiMeetingInfo        *info,
                                          GError                 **error);
gboolean _yishi_meeting_check_not_closed (const YishiMeetingInfo  *info,
                                          GError                 **error);
gboolean _yishi_meeting_item_meeting     (YishiDatabase           *db,
                                          gint64                   item_id,
                                          gint64                  *out_meeting_id,
                                          GError                 **error);
gboolean _yishi_meeting_load_motion      (YishiDatabase           *db,
                                          gint64                   motion_id,
                                          YishiMotionInfo         *info,
                                          GError                 **error);
gboolean _yishi_meeting_check_not_voted  (YishiDatabase           *db,
                                          gint64                   motion_id,
                                          GError                 **error);
gboolean _yishi_meeting_count_present    (YishiDatabase           *db,
                                          const YishiMeetingInfo  *meeting,
                                          gint64                   person_id,
                                          guint                   *out_count,
                                          GError                 **error);
gboolean _yishi_meeting_check_person     (YishiDatabase           *db,
                                          gint64                   person_id,
                                          GError                 **error);
gboolean _yishi_meeting_check_starts_at  (const char              *starts_at,
                                          GError                 **error);
gboolean _yishi_meeting_insert_vote      (YishiDatabase           *db,
                                          gint64                   motion_id,
                                          const YishiVoteCounts   *counts,
                                          YishiVoteVerdict         verdict,
                                          guint                    required,
                                          const char              *taken_at,
                                          gint64                  *out_id,
                                          GError                 **error);
YishiMeetingSnapshot *_yishi_meeting_snapshot_read (YishiDatabase *db,
                                          gint64                   meeting_id,
                                          GError                 **error);

G_END_DECLS
