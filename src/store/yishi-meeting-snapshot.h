#pragma once

#include "yishi-council-store.h"
#include "yishi-meeting-store.h"
#include "yishi-speech-store.h"

G_BEGIN_DECLS

/* Everything about one meeting, read in one go: for `meeting show`. */
typedef struct
{
  gint64           person_id;
  char            *name;
  YishiAttendance  status;
  char            *signed_in_at; /* NULL unless signed in */
} YishiSnapshotAttendance;

/* 列席人员: who sat in without a vote. */
typedef struct
{
  gint64  id;
  gint64  person_id; /* 0: not in the register */
  char   *name;      /* the person's name, or the name given */
} YishiSnapshotObserver;

typedef struct
{
  gint64  id;
  guint   position;
  char   *title;
  gint64  proposal_id; /* 0: none */
} YishiSnapshotItem;

typedef struct
{
  gint64              person_id;
  char               *name;
  YishiRollCallChoice choice;
} YishiSnapshotChoice;

typedef struct
{
  gint64           id;
  gint64           item_id;
  gint64           parent_id; /* 0: not an amendment */
  char            *text;
  char            *mover;     /* "" when not known */
  char            *seconder;  /* "" when none */
  YishiVoteRule    rule;
  YishiVoteForm    form;
  gboolean         voted;
  YishiVoteCounts  counts;
  YishiVoteVerdict verdict;
  guint            required;
  char            *taken_at;
  GPtrArray       *roll_call; /* of YishiSnapshotChoice; empty unless a roll call */
} YishiSnapshotMotion;

typedef struct
{
  gint64  id;
  gint64  item_id;   /* 0: none */
  gint64  motion_id; /* 0: none */
  char   *text;
  char   *responsible;
  char   *due_on;    /* NULL: no date */
  char   *follow_up; /* "open", "in-progress" or "done" */
} YishiSnapshotResolution;

typedef struct
{
  gint64             id;
  char              *uuid;
  gint64             council_id;
  char              *council;
  char              *title;
  char              *starts_at;
  char              *place;
  char              *chair;
  char              *secretary;
  gint64             chair_id;     /* 0: none */
  gint64             secretary_id; /* 0: none */
  YishiVoteRule      council_rule; /* the council's default, for the quorum on screen */
  char              *notice;   /* 会议通知; "" when none */
  YishiMeetingState  state;
  guint              members; /* on the meeting's date */
  guint              present;
  YishiSpeakingRules speaking; /* the council's */
  GPtrArray         *attendance;
  GPtrArray         *observers;   /* of YishiSnapshotObserver, in the order added */
  GPtrArray         *items;
  GPtrArray         *motions;
  GPtrArray         *resolutions;
  GPtrArray         *speeches;    /* of YishiSpeechRow, by item position, then in queue order */
} YishiMeetingSnapshot;

/* A line of `meeting list`. */
typedef struct
{
  gint64             id;
  gint64             council_id;
  char              *council;
  char              *title;
  char              *starts_at;
  char              *place;
  YishiMeetingState  state;
} YishiMeetingRow;

/* A resolution still to follow up, with the meeting it came from. */
typedef struct
{
  YishiSnapshotResolution resolution;
  gint64                  meeting_id;
  char                   *meeting;
  gboolean                overdue; /* due before today, local time */
} YishiFollowUpRow;

GPtrArray            *yishi_meeting_store_list     (YishiDatabase        *db,
                                                    GError              **error);
GPtrArray            *yishi_meeting_store_list_follow_ups (YishiDatabase  *db,
                                                    GError              **error);
YishiMeetingSnapshot *yishi_meeting_store_show     (YishiDatabase        *db,
                                                    gint64                meeting_id,
                                                    GError              **error);
/* An empty snapshot, its arrays ready to own rows allocated with
 * g_malloc0 and strings with g_strdup, each motion made with
 * yishi_snapshot_motion_new (): for a reader that rebuilds a meeting
 * from an exported file. */
YishiMeetingSnapshot *yishi_meeting_snapshot_new   (void);
YishiSnapshotMotion  *yishi_snapshot_motion_new    (void);
void                  yishi_meeting_snapshot_free  (YishiMeetingSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiMeetingSnapshot, yishi_meeting_snapshot_free)

G_END_DECLS
