#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-meeting-text.h"

const char *
yishi_meeting_state_label (YishiMeetingState state)
{
  switch (state)
    {
    case YISHI_MEETING_STATE_PLANNED:
      /* Translators: a meeting's state: 筹备中 */
      return C_("meeting", "Planned");
    case YISHI_MEETING_STATE_IN_SESSION:
      /* Translators: a meeting's state: 进行中 */
      return C_("meeting", "In Session");
    case YISHI_MEETING_STATE_CLOSED:
      /* Translators: a meeting's state: 已闭会 */
      return C_("meeting", "Closed");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
yishi_attendance_label (YishiAttendance status)
{
  switch (status)
    {
    case YISHI_ATTENDANCE_PRESENT:
      /* Translators: attendance: 出席 */
      return C_("attendance", "Present");
    case YISHI_ATTENDANCE_EXCUSED:
      /* Translators: attendance, absent with leave: 请假 */
      return C_("attendance", "Excused");
    case YISHI_ATTENDANCE_ABSENT:
      /* Translators: attendance: 缺席 */
      return C_("attendance", "Absent");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
yishi_vote_form_label (YishiVoteForm form)
{
  switch (form)
    {
    case YISHI_VOTE_FORM_HANDS:
      /* Translators: a voting form: 举手表决 */
      return _("Show of Hands");
    case YISHI_VOTE_FORM_ROLL_CALL:
      /* Translators: a voting form: 记名表决 */
      return _("Roll Call");
    case YISHI_VOTE_FORM_SECRET:
      /* Translators: a voting form: 无记名投票 */
      return _("Secret Ballot");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
yishi_roll_call_choice_label (YishiRollCallChoice choice)
{
  switch (choice)
    {
    case YISHI_ROLL_CALL_YES:
      /* Translators: a vote: 赞成 */
      return C_("vote", "Yes");
    case YISHI_ROLL_CALL_NO:
      /* Translators: a vote: 反对 */
      return C_("vote", "No");
    case YISHI_ROLL_CALL_ABSTAIN:
      /* Translators: a vote: 弃权 */
      return C_("vote", "Abstain");
    case YISHI_ROLL_CALL_NONE:
      /* Translators: present at a roll call but did not vote: 未投票 */
      return C_("vote", "Did Not Vote");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
yishi_follow_up_label (YishiFollowUp follow_up)
{
  switch (follow_up)
    {
    case YISHI_FOLLOW_UP_OPEN:
      /* Translators: a resolution's follow-up: 待办 */
      return C_("follow-up", "Open");
    case YISHI_FOLLOW_UP_IN_PROGRESS:
      /* Translators: a resolution's follow-up: 办理中 */
      return C_("follow-up", "In Progress");
    case YISHI_FOLLOW_UP_DONE:
      /* Translators: a resolution's follow-up: 已办结 */
      return C_("follow-up", "Done");
    default:
      g_return_val_if_reached ("");
    }
}

/* 一 … 九十九, as Chinese documents number their sections. */
static char *
chinese_numeral (guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    return g_strdup (digits[n]);
  if (n < 20)
    return g_strconcat ("十", digits[n % 10], NULL);
  if (n < 100)
    return g_strconcat (digits[n / 10], "十", digits[n % 10], NULL);
  return g_strdup_printf ("%u", n);
}

char *
yishi_agenda_number (guint position)
{
  /* Translators: how agenda items are numbered. Write “chinese” to get
   * 一、二、三、 and anything else to get 1. 2. 3. */
  if (g_str_equal (C_("agenda-numbering", "arabic"), "chinese"))
    {
      g_autofree char *numeral = chinese_numeral (position);

      return g_strconcat (numeral, "、", NULL);
    }
  return g_strdup_printf ("%u. ", position);
}

char *
yishi_format_countdown (gint64 seconds)
{
  gint64 magnitude = ABS (seconds);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ":%02d", seconds < 0 ? "−" : "",
                          magnitude / 60, (int) (magnitude % 60));
}

GDateTime *
yishi_parse_timestamp (const char *timestamp)
{
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  if (timestamp == NULL || strlen (timestamp) < 19)
    return NULL;
  /* ISO 8601 wants a T between the date and the time */
  iso = g_strdup (timestamp);
  iso[10] = 'T';
  return g_date_time_new_from_iso8601 (iso, local);
}

char *
yishi_format_clock_time (const char *timestamp)
{
  g_autoptr(GDateTime) parsed = yishi_parse_timestamp (timestamp);
  g_autoptr(GDateTime) local = parsed ? g_date_time_to_local (parsed) : NULL;

  return local ? g_date_time_format (local, "%H:%M") : g_strdup ("");
}
