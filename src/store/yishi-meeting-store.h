#pragma once

#include "yishi-database.h"
#include "yishi-vote.h"

G_BEGIN_DECLS

typedef enum
{
  YISHI_MEETING_STATE_PLANNED,    /* "planned" */
  YISHI_MEETING_STATE_IN_SESSION, /* "in-session" */
  YISHI_MEETING_STATE_CLOSED,     /* "closed": attendance and votes are final */
} YishiMeetingState;

typedef enum
{
  YISHI_ATTENDANCE_PRESENT, /* "present" */
  YISHI_ATTENDANCE_EXCUSED, /* "excused": 请假 */
  YISHI_ATTENDANCE_ABSENT,  /* "absent" */
} YishiAttendance;

typedef enum
{
  YISHI_VOTE_FORM_HANDS,     /* "hands": 举手表决, counts only */
  YISHI_VOTE_FORM_ROLL_CALL, /* "roll-call": 记名表决, each member's choice */
  YISHI_VOTE_FORM_SECRET,    /* "secret": 无记名投票, totals only, ever */
} YishiVoteForm;

typedef enum
{
  YISHI_ROLL_CALL_YES,     /* "yes" */
  YISHI_ROLL_CALL_NO,      /* "no" */
  YISHI_ROLL_CALL_ABSTAIN, /* "abstain" */
  YISHI_ROLL_CALL_NONE,    /* "none": present, did not vote */
} YishiRollCallChoice;

typedef enum
{
  YISHI_FOLLOW_UP_OPEN,        /* "open" */
  YISHI_FOLLOW_UP_IN_PROGRESS, /* "in-progress" */
  YISHI_FOLLOW_UP_DONE,        /* "done" */
} YishiFollowUp;

typedef struct
{
  gint64              person_id;
  YishiRollCallChoice choice;
} YishiRollCallEntry;

const char *yishi_meeting_state_to_key      (YishiMeetingState    state);
gboolean    yishi_meeting_state_from_key    (const char          *key,
                                             YishiMeetingState   *out_state);
const char *yishi_attendance_to_key         (YishiAttendance      status);
gboolean    yishi_attendance_from_key       (const char          *key,
                                             YishiAttendance     *out_status);
const char *yishi_vote_form_to_key          (YishiVoteForm        form);
gboolean    yishi_vote_form_from_key        (const char          *key,
                                             YishiVoteForm       *out_form);
const char *yishi_roll_call_choice_to_key   (YishiRollCallChoice  choice);
gboolean    yishi_roll_call_choice_from_key (const char          *key,
                                             YishiRollCallChoice *out_choice);
const char *yishi_follow_up_to_key          (YishiFollowUp        follow_up);
gboolean    yishi_follow_up_from_key        (const char          *key,
                                             YishiFollowUp       *out_follow_up);

/* Each write is one transaction and returns the new row's id, or 0 (or
 * FALSE) with @error set. @starts_at is "YYYY-MM-DD HH:MM[:SS]". */
gint64   yishi_meeting_store_add            (YishiDatabase            *db,
                                             gint64                    council_id,
                                             const char               *title,
                                             const char               *starts_at,
                                             const char               *place,
                                             gint64                    chair_id,
                                             gint64                    secretary_id,
                                             GError                  **error);
gint64   yishi_meeting_store_add_item       (YishiDatabase            *db,
                                             gint64                    meeting_id,
                                             const char               *title,
                                             gint64                    proposal_id,
                                             GError                  **error);
/* 列席人员: someone in the register (@person_id > 0) or, with
 * @person_id 0, only a @name. Refused once the meeting is closed. */
gint64   yishi_meeting_store_add_observer   (YishiDatabase            *db,
                                             gint64                    meeting_id,
                                             gint64                    person_id,
                                             const char               *name,
                                             GError                  **error);
gboolean yishi_meeting_store_set_state      (YishiDatabase            *db,
                                             gint64                    meeting_id,
                                             YishiMeetingState         state,
                                             GError                  **error);
gboolean yishi_meeting_store_attend         (YishiDatabase            *db,
                                             gint64                    meeting_id,
                                             gint64                    person_id,
                                             YishiAttendance           status,
                                             GError                  **error);
gint64   yishi_meeting_store_add_motion     (YishiDatabase            *db,
                                             gint64                    item_id,
                                             gint64                    parent_motion_id,
                                             const char               *text,
                                             gint64                    mover_id,
                                             const YishiVoteRule      *rule,
                                             YishiVoteForm             form,
                                             GError                  **error);
gboolean yishi_meeting_store_set_motion_rule (YishiDatabase           *db,
                                             gint64                    motion_id,
                                             const YishiVoteRule      *rule,
                                             YishiVoteForm             form,
                                             GError                  **error);
/* Recording the vote on an item's main motion (not an amendment) also
 * moves the item's proposal, if any, to accepted (passed) or rejected
 * (failed) in the same transaction, where its lifecycle allows that. */
gint64   yishi_meeting_store_record_vote    (YishiDatabase            *db,
                                             gint64                    motion_id,
                                             guint                     yes,
                                             guint                     no,
                                             guint                     abstain,
                                             guint                     invalid,
                                             YishiVoteResult          *out_result,
                                             GError                  **error);
gint64   yishi_meeting_store_record_roll_call (YishiDatabase          *db,
                                             gint64                    motion_id,
                                             const YishiRollCallEntry *entries,
                                             guint                     n_entries,
                                             YishiVoteResult          *out_result,
                                             GError                  **error);
gboolean yishi_meeting_store_get_item_rule  (YishiDatabase            *db,
                                             gint64                    item_id,
                                             YishiVoteRule            *out_rule,
                                             GError                  **error);
gint64   yishi_meeting_store_add_resolution (YishiDatabase            *db,
                                             gint64                    item_id,
                                             gint64                    motion_id,
                                             const char               *text,
                                             gint64                    responsible_id,
                                             const char               *due_on,
                                             GError                  **error);
gboolean yishi_meeting_store_set_follow_up  (YishiDatabase            *db,
                                             gint64                    resolution_id,
                                             YishiFollowUp             follow_up,
                                             GError                  **error);

/* Takes an observer off the list; refused once the meeting is closed. */
gboolean yishi_meeting_store_remove_observer (YishiDatabase          *db,
                                             gint64                    observer_id,
                                             GError                  **error);
/* The notice (会议通知) sent before the meeting; refused once closed. */
gboolean yishi_meeting_store_set_notice     (YishiDatabase            *db,
                                             gint64                    meeting_id,
                                             const char               *notice,
                                             GError                  **error);
/* Title, time, place, chair and secretary; refused once closed. */
gboolean yishi_meeting_store_set_details    (YishiDatabase            *db,
                                             gint64                    meeting_id,
                                             const char               *title,
                                             const char               *starts_at,
                                             const char               *place,
                                             gint64                    chair_id,
                                             gint64                    secretary_id,
                                             GError                  **error);
/* Moves an item to @position (1-based) and renumbers the others. */
gboolean yishi_meeting_store_move_item      (YishiDatabase            *db,
                                             gint64                    item_id,
                                             guint                     position,
                                             GError                  **error);
/* Only an item without motions, speeches or resolutions. */
gboolean yishi_meeting_store_remove_item    (YishiDatabase            *db,
                                             gint64                    item_id,
                                             GError                  **error);
/* 附议: the seconder, a member present other than the mover; a vote on
 * a motion of a council that requires one is refused without it. */
gboolean yishi_meeting_store_set_seconder   (YishiDatabase            *db,
                                             gint64                    motion_id,
                                             gint64                    seconder_id,
                                             GError                  **error);

G_END_DECLS
