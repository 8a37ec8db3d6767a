#pragma once

#include "yishi-meeting-store.h"

G_BEGIN_DECLS

/* Translated names of the meeting record's keys, for windows and
 * printouts. */
const char *yishi_meeting_state_label  (YishiMeetingState   state);
const char *yishi_attendance_label     (YishiAttendance     status);
const char *yishi_vote_form_label      (YishiVoteForm       form);
const char *yishi_roll_call_choice_label (YishiRollCallChoice choice);
const char *yishi_follow_up_label      (YishiFollowUp       follow_up);
/* “一、” in Chinese, “1.” in English: how agenda items are numbered. */
char       *yishi_agenda_number        (guint               position);
/* “2:00”, “0:09”, “-0:15” once over time. */
char       *yishi_format_countdown     (gint64              seconds);

/* A stored timestamp: UTC "YYYY-MM-DDTHH:MM:SSZ" or local
 * "YYYY-MM-DD HH:MM:SS"; NULL when there is none or it is not one. */
GDateTime  *yishi_parse_timestamp      (const char         *timestamp);
/* The local “HH:MM” of a stored timestamp; "" when there is none. */
char       *yishi_format_clock_time    (const char         *timestamp);

G_END_DECLS
