#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-meeting-text.h"
#include "yishi-minutes-doc.h"

/* Two ideographic spaces, as Chinese forms space fields on one line. */
#define FIELD_GAP "\u3000\u3000"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
is_approved (const YishiMinutes *minutes)
{
  return (minutes->state == YISHI_MINUTES_APPROVED || minutes->state == YISHI_MINUTES_FROZEN) &&
         minutes->digest != NULL;
}

static char *
format_day (GDateTime *date)
{
  /* Translators: a date in printed minutes, a format for
   * g_date_time_format(); zh_CN: “%Y年%-m月%-d日”.
   * xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* A stored "YYYY-MM-DD" as the reader writes dates; the text itself
 * when it is not one. */
static char *
format_date_text (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (text != NULL ? text : "");
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  return date != NULL ? format_day (date) : g_strdup (text);
}

/* The local day of a stored timestamp. */
static char *
format_timestamp_day (const char *timestamp)
{
  g_autoptr(GDateTime) parsed = yishi_parse_timestamp (timestamp);
  g_autoptr(GDateTime) local = NULL;

  if (parsed == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");
  local = g_date_time_to_local (parsed);
  return format_day (local);
}

/* A meeting's "YYYY-MM-DD HH:MM[:SS]" with its weekday. */
static char *
format_meeting_time (const char *starts_at)
{
  g_autoptr(GDateTime) when = NULL;
  int year, month, day, hour, minute;

  if (starts_at == NULL ||
      sscanf (starts_at, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) != 5)
    return g_strdup (starts_at != NULL ? starts_at : "");
  when = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (when == NULL)
    return g_strdup (starts_at);

  /* Translators: the date and time of a meeting, a format for
   * g_date_time_format(); zh_CN: “%Y年%-m月%-d日（%A）%H:%M”.
   * xgettext:no-c-format */
  return g_date_time_format (when, _("%A %-d %B %Y at %H:%M"));
}

/* “张三、李四”; @none when there is no one. */
static char *
join_names (GPtrArray  *names,
            const char *none)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  if (names->len == 0)
    return g_strdup (none);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a list; zh_CN “、” */
        g_string_append (joined, _(", "));
      g_string_append (joined, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static const char *
none_text (void)
{
  /* Translators: in printed minutes, where there is nothing to list,
   * e.g. no observers; zh_CN “无” */
  return C_("minutes", "None");
}

/* “佳园社区居民议事会会议记录”, as the heading of printed minutes. */
static char *
format_title (const YishiMeetingSnapshot *meeting)
{
  if (is_blank (meeting->council))
    /* Translators: the title of printed minutes; %s is the meeting's
     * title; zh_CN “%s记录” */
    return g_strdup_printf (_("Minutes of the %s"), meeting->title);

  /* Translators: the title of printed minutes; %s is the council's
   * name; zh_CN “%s会议记录” */
  return g_strdup_printf (_("Minutes of the %s meeting"), meeting->council);
}

/* The meeting under the title, without the council's name when its
 * title starts with it: “2026年第一次会议”. */
static const char *
meeting_subtitle (const YishiMeetingSnapshot *meeting)
{
  if (is_blank (meeting->council) || is_blank (meeting->title))
    return NULL;
  if (g_str_has_prefix (meeting->title, meeting->council))
    {
      const char *rest = meeting->title + strlen (meeting->council);

      return *rest != '\0' ? rest : NULL;
    }
  return meeting->title;
}

static void
add_title (YishiDoc           *doc,
           const YishiMinutes *minutes)
{
  const char *subtitle = meeting_subtitle (minutes->meeting);
  g_autofree char *title = format_title (minutes->meeting);

  yishi_doc_add_title (doc, title);
  if (subtitle != NULL)
    yishi_doc_add_subtitle (doc, subtitle);
  if (!is_approved (minutes))
    /* Translators: under the title of printed minutes that are not
     * approved yet; zh_CN “（草稿，尚未审定）” */
    yishi_doc_add_subtitle (doc, _("Draft: not yet approved"));
}

/* 缺席人员: the absent members, “（请假）” after those excused. Members
 * the record has no attendance for are counted, so that the list adds
 * up to 应到 − 实到. */
static char *
format_absent (const YishiMeetingSnapshot *meeting)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint unrecorded;

  for (guint i = 0; i < meeting->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = g_ptr_array_index (meeting->attendance, i);

      if (row->status == YISHI_ATTENDANCE_EXCUSED)
        /* Translators: a member absent with leave, in the list of
         * absent members of printed minutes; zh_CN “%s（请假）” */
        g_ptr_array_add (names, g_strdup_printf (_("%s (excused)"), row->name));
      else if (row->status == YISHI_ATTENDANCE_ABSENT)
        g_ptr_array_add (names, g_strdup (row->name));
    }
  unrecorded = meeting->members > meeting->present + names->len ?
               meeting->members - meeting->present - names->len : 0;
  if (unrecorded > 0)
    g_ptr_array_add (names, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          /* Translators: at the end of the list of absent
                                                           * members of printed minutes; zh_CN “另有 %u 人未签到” */
                                                          "%u other member who did not sign in",
                                                          "%u other members who did not sign in",
                                                          unrecorded), unrecorded));
  return join_names (names, none_text ());
}

static char *
format_observers (const YishiMeetingSnapshot *meeting)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < meeting->observers->len; i++)
    g_ptr_array_add (names, ((YishiSnapshotObserver *) g_ptr_array_index (meeting->observers, i))->name);
  return join_names (names, none_text ());
}

static char *
format_people_line (const YishiMeetingSnapshot *meeting)
{
  /* Translators: in the header of printed minutes; zh_CN “主持人：%s” */
  g_autofree char *chair = g_strdup_printf (_("Chair: %s"), meeting->chair);
  /* Translators: in the header of printed minutes; zh_CN “记录人：%s” */
  g_autofree char *secretary = g_strdup_printf (_("Secretary: %s"), meeting->secretary);

  return g_strconcat (chair, FIELD_GAP, secretary, NULL);
}

static char *
format_counts_line (const YishiMeetingSnapshot *meeting)
{
  /* Translators: in the header of printed minutes, the members entitled
   * to attend; zh_CN “应到人数：%u人” */
  g_autofree char *members = g_strdup_printf (_("Members: %u"), meeting->members);
  /* Translators: in the header of printed minutes; zh_CN “实到人数：%u人” */
  g_autofree char *present = g_strdup_printf (_("Present: %u"), meeting->present);

  return g_strconcat (members, FIELD_GAP, present, NULL);
}

/* 会议时间 … 列席人员, one line each. */
static void
add_header (YishiDoc                   *doc,
            const YishiMeetingSnapshot *meeting)
{
  g_autofree char *when = format_meeting_time (meeting->starts_at);
  g_autofree char *absent = format_absent (meeting);
  g_autofree char *observers = format_observers (meeting);
  g_autofree char *people = format_people_line (meeting);
  g_autofree char *counts = format_counts_line (meeting);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: in the header of printed minutes; zh_CN “会议时间：%s” */
  g_string_append_printf (text, _("Meeting time: %s"), when);
  g_string_append_c (text, '\n');
  /* Translators: in the header of printed minutes; zh_CN “会议地点：%s” */
  g_string_append_printf (text, _("Meeting place: %s"), meeting->place);
  g_string_append_printf (text, "\n%s\n%s\n", people, counts);
  /* Translators: in the header of printed minutes, the members absent;
   * zh_CN “缺席人员：%s” */
  g_string_append_printf (text, _("Absent: %s"), absent);
  g_string_append_c (text, '\n');
  /* Translators: in the header of printed minutes, those who sat in
   * without a vote; zh_CN “列席人员：%s” */
  g_string_append_printf (text, _("Observers: %s"), observers);
  yishi_doc_add_paragraph (doc, text->str, YISHI_DOC_ALIGN_START);
}

static const YishiSnapshotItem *
get_item (const YishiMinutes *minutes,
          guint               index)
{
  return g_ptr_array_index (minutes->meeting->items, index);
}

/* “一、小坝村民小组道路硬化” */
static char *
format_item_heading (const YishiSnapshotItem *item)
{
  g_autofree char *number = yishi_agenda_number (item->position);

  return g_strconcat (number, item->title, NULL);
}

static void
add_agenda (YishiDoc           *doc,
            const YishiMinutes *minutes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: a heading of printed minutes; zh_CN “会议议程” */
  yishi_doc_add_heading (doc, C_("minutes", "Agenda"));
  for (guint i = 0; i < minutes->meeting->items->len; i++)
    {
      g_autofree char *line = format_item_heading (get_item (minutes, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }
  if (text->len == 0)
    g_string_append (text, none_text ());
  yishi_doc_add_paragraph (doc, text->str, YISHI_DOC_ALIGN_START);
}

static void
add_discussion (YishiDoc           *doc,
                const YishiMinutes *minutes,
                gint64              item_id)
{
  const char *discussion = yishi_minutes_get_discussion (minutes, item_id);
  g_autofree char *text = NULL;

  if (strchr (discussion, '\n') != NULL)
    {
      /* Translators: in printed minutes, on a line of its own before
       * what was said on an agenda item; zh_CN “讨论情况：” */
      text = g_strconcat (_("Discussion:"), "\n", discussion, NULL);
      yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
      return;
    }
  /* Translators: in printed minutes, before what was said on an agenda
   * item; zh_CN “讨论情况：%s” */
  text = g_strdup_printf (_("Discussion: %s"), is_blank (discussion) ? none_text () : discussion);
  yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
}

/* The vote table: a column of labels, then one column per motion, so
 * that the rule in words has room and the motions' texts, the table's
 * head, come again on every page the table runs onto. At most this many
 * motions a table. */
#define MOTIONS_PER_TABLE 3
#define LABEL_SHARE       1.0
#define MOTIONS_SHARE     4.2

typedef enum
{
  VOTE_ROW_MOVER,
  VOTE_ROW_SECONDER,
  VOTE_ROW_FORM,
  VOTE_ROW_YES,
  VOTE_ROW_NO,
  VOTE_ROW_ABSTAIN,
  VOTE_ROW_INVALID,
  VOTE_ROW_RULE,
  VOTE_ROW_RESULT,
  N_VOTE_ROWS,
} VoteRow;

static const char *
vote_row_label (VoteRow row)
{
  switch (row)
    {
    case VOTE_ROW_MOVER:
      /* Translators: a row of the vote table of printed minutes; zh_CN “提议人” */
      return C_("minutes row", "Moved by");
    case VOTE_ROW_SECONDER:
      /* Translators: a row of the vote table of printed minutes; zh_CN “附议人” */
      return C_("minutes row", "Seconded by");
    case VOTE_ROW_FORM:
      /* Translators: a row of the vote table of printed minutes; zh_CN “表决方式” */
      return C_("minutes row", "Form");
    case VOTE_ROW_YES:
      /* Translators: a row of the vote table of printed minutes; zh_CN “赞成” */
      return C_("minutes row", "Yes");
    case VOTE_ROW_NO:
      /* Translators: a row of the vote table of printed minutes; zh_CN “反对” */
      return C_("minutes row", "No");
    case VOTE_ROW_ABSTAIN:
      /* Translators: a row of the vote table of printed minutes; zh_CN “弃权” */
      return C_("minutes row", "Abstain");
    case VOTE_ROW_INVALID:
      /* Translators: a row of the vote table of printed minutes, the
       * invalid ballots of a secret ballot; zh_CN “无效” */
      return C_("minutes row", "Invalid");
    case VOTE_ROW_RULE:
      /* Translators: a row of the vote table of printed minutes, the rule
       * in words; zh_CN “表决规则” */
      return C_("minutes row", "Rule");
    case VOTE_ROW_RESULT:
      /* Translators: a row of the vote table of printed minutes; zh_CN “表决结果” */
      return C_("minutes row", "Result");
    case N_VOTE_ROWS:
    default:
      g_return_val_if_reached ("");
    }
}

static char *
format_motion_heading (const YishiSnapshotMotion *motion)
{
  if (motion->parent_id != 0)
    /* Translators: an amendment, over its column of the vote table of
     * printed minutes; zh_CN “修正案：%s” */
    return g_strdup_printf (C_("minutes", "Amendment: %s"), motion->text);
  return g_strdup (motion->text);
}

static char *
format_verdict (const YishiSnapshotMotion *motion)
{
  if (!motion->voted)
    /* Translators: the result of a motion never put to the vote, in
     * printed minutes; zh_CN “未表决” */
    return g_strdup (C_("minutes", "Not voted"));
  if (motion->verdict == YISHI_VOTE_VERDICT_PASSED || motion->verdict == YISHI_VOTE_VERDICT_FAILED)
    /* Translators: the result of a vote in printed minutes: the verdict
     * and the yes votes it needed; zh_CN “%s（需 %u 票）” */
    return g_strdup_printf (_("%s (%u needed)"), yishi_vote_verdict_label (motion->verdict),
                            motion->required);
  return g_strdup (yishi_vote_verdict_label (motion->verdict));
}

static char *
format_count (const YishiSnapshotMotion *motion,
              guint                      count)
{
  return motion->voted ? g_strdup_printf ("%u", count) : g_strdup ("—");
}

static char *
format_vote_cell (const YishiSnapshotMotion *motion,
                  VoteRow                    row)
{
  switch (row)
    {
    case VOTE_ROW_MOVER:
      return g_strdup (is_blank (motion->mover) ? "—" : motion->mover);
    case VOTE_ROW_SECONDER:
      return g_strdup (is_blank (motion->seconder) ? "—" : motion->seconder);
    case VOTE_ROW_FORM:
      return g_strdup (yishi_vote_form_label (motion->form));
    case VOTE_ROW_YES:
      return format_count (motion, motion->counts.yes);
    case VOTE_ROW_NO:
      return format_count (motion, motion->counts.no);
    case VOTE_ROW_ABSTAIN:
      return format_count (motion, motion->counts.abstain);
    case VOTE_ROW_INVALID:
      /* only a secret ballot has invalid ballots */
      if (motion->form != YISHI_VOTE_FORM_SECRET)
        return g_strdup ("—");
      return format_count (motion, motion->counts.invalid);
    case VOTE_ROW_RULE:
      return yishi_vote_rule_describe (&motion->rule);
    case VOTE_ROW_RESULT:
      return format_verdict (motion);
    case N_VOTE_ROWS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Rows that would say “—” for every motion of the table are left out:
 * the seconder when none was needed, invalid ballots without a secret
 * ballot. */
static gboolean
shows_row (GPtrArray *motions,
           guint      first,
           guint      n,
           VoteRow    row)
{
  if (row != VOTE_ROW_SECONDER && row != VOTE_ROW_INVALID)
    return TRUE;
  for (guint i = first; i < first + n; i++)
    {
      const YishiSnapshotMotion *motion = g_ptr_array_index (motions, i);

      if (row == VOTE_ROW_SECONDER ? !is_blank (motion->seconder) : motion->form == YISHI_VOTE_FORM_SECRET)
        return TRUE;
    }
  return FALSE;
}

static void
add_vote_row (YishiDocTable *table,
              GPtrArray     *motions,
              guint          first,
              guint          n,
              VoteRow        row)
{
  g_auto(GStrv) cells = g_new0 (char *, n + 2);

  cells[0] = g_strdup (vote_row_label (row));
  for (guint i = 0; i < n; i++)
    cells[i + 1] = format_vote_cell (g_ptr_array_index (motions, first + i), row);
  yishi_doc_table_add_row (table, FALSE, (const char * const *) cells);
}

/* @n motions of @motions from @first, one column each, under their
 * texts. */
static void
add_vote_table (YishiDoc  *doc,
                GPtrArray *motions,
                guint      first,
                guint      n)
{
  g_autofree double *widths = g_new (double, n + 1);
  g_auto(GStrv) head = g_new0 (char *, n + 2);
  YishiDocTable *table;

  widths[0] = LABEL_SHARE;
  for (guint i = 1; i <= n; i++)
    widths[i] = MOTIONS_SHARE / n;
  table = yishi_doc_add_table (doc, n + 1, widths);

  /* Translators: the top left corner of the vote table of printed
   * minutes, beside the motions' texts and over the labels of the rows
   * (表决方式, 赞成, …); zh_CN “表决情况” */
  head[0] = g_strdup (C_("minutes row", "Vote"));
  for (guint i = 0; i < n; i++)
    head[i + 1] = format_motion_heading (g_ptr_array_index (motions, first + i));
  yishi_doc_table_add_row (table, TRUE, (const char * const *) head);
  for (VoteRow row = 0; row < N_VOTE_ROWS; row++)
    if (shows_row (motions, first, n, row))
      add_vote_row (table, motions, first, n, row);
}

/* “赞成：张三、李四；反对：王五”: who chose what, skipping empty choices. */
static char *
format_roll_call (const YishiSnapshotMotion *motion)
{
  static const YishiRollCallChoice choices[] = {
    YISHI_ROLL_CALL_YES, YISHI_ROLL_CALL_NO, YISHI_ROLL_CALL_ABSTAIN, YISHI_ROLL_CALL_NONE,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; i < motion->roll_call->len; i++)
        {
          const YishiSnapshotChoice *choice = g_ptr_array_index (motion->roll_call, i);

          if (choice->choice == choices[c])
            g_ptr_array_add (names, choice->name);
        }
      if (names->len == 0)
        continue;
      joined = join_names (names, "");
      if (text->len > 0)
        /* Translators: between the groups of a roll call in printed
         * minutes; zh_CN “；” */
        g_string_append (text, _("; "));
      /* Translators: a group of a roll call in printed minutes: the
       * choice, then the names; zh_CN “%1$s：%2$s” */
      g_string_append_printf (text, _("%1$s: %2$s"), yishi_roll_call_choice_label (choices[c]), joined);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How each member voted in the roll calls among @motions. */
static void
add_roll_calls (YishiDoc  *doc,
                GPtrArray *motions)
{
  for (guint i = 0; i < motions->len; i++)
    {
      const YishiSnapshotMotion *motion = g_ptr_array_index (motions, i);
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;

      if (!motion->voted || motion->form != YISHI_VOTE_FORM_ROLL_CALL || motion->roll_call->len == 0)
        continue;
      names = format_roll_call (motion);
      /* Translators: in printed minutes, how each member voted on a
       * motion; %1$s is the motion, %2$s the groups of names; zh_CN
       * ““%1$s”记名表决情况：%2$s” */
      text = g_strdup_printf (_("Roll call on “%1$s”: %2$s"), motion->text, names);
      yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
    }
}

/* The item's motions and amendments, in the order of the record. */
static GPtrArray *
item_motions (const YishiMeetingSnapshot *meeting,
              gint64                      item_id)
{
  GPtrArray *motions = g_ptr_array_new ();

  for (guint i = 0; i < meeting->motions->len; i++)
    {
      YishiSnapshotMotion *motion = g_ptr_array_index (meeting->motions, i);

      if (motion->item_id == item_id)
        g_ptr_array_add (motions, motion);
    }
  return motions;
}

static void
add_votes (YishiDoc                   *doc,
           const YishiMeetingSnapshot *meeting,
           gint64                      item_id)
{
  g_autoptr(GPtrArray) motions = item_motions (meeting, item_id);

  if (motions->len == 0)
    {
      /* Translators: in printed minutes, for an agenda item without a
       * motion; zh_CN “表决情况：本议题未付表决。” */
      yishi_doc_add_paragraph (doc, _("Vote: none was taken on this item."), YISHI_DOC_ALIGN_START);
      return;
    }
  for (guint first = 0; first < motions->len; first += MOTIONS_PER_TABLE)
    add_vote_table (doc, motions, first, MIN (MOTIONS_PER_TABLE, motions->len - first));
  add_roll_calls (doc, motions);
}

static void
add_resolution (YishiDoc                      *doc,
                const YishiSnapshotResolution *resolution)
{
  g_autofree char *due = resolution->due_on != NULL ? format_date_text (resolution->due_on) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *responsible = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *who_and_when = NULL;

  /* Translators: in printed minutes; zh_CN “形成决议：%s” */
  text = g_strdup_printf (_("Resolution: %s"), resolution->text);
  /* Translators: in printed minutes, under a resolution; zh_CN “责任人：%s” */
  responsible = g_strdup_printf (_("Responsible: %s"),
                                 is_blank (resolution->responsible) ? none_text () : resolution->responsible);
  /* Translators: in printed minutes, under a resolution, the date by
   * which it is to be done; zh_CN “完成时限：%s” */
  deadline = g_strdup_printf (_("Due: %s"), due != NULL ? due : none_text ());
  who_and_when = g_strconcat (responsible, FIELD_GAP, deadline, NULL);
  yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
  yishi_doc_add_paragraph (doc, who_and_when, YISHI_DOC_ALIGN_START);
}

/* The resolutions of @item_id (0: of no item); FALSE when there are none. */
static gboolean
add_resolutions (YishiDoc                   *doc,
                 const YishiMeetingSnapshot *meeting,
                 gint64                      item_id)
{
  gboolean any = FALSE;

  for (guint i = 0; i < meeting->resolutions->len; i++)
    {
      const YishiSnapshotResolution *resolution = g_ptr_array_index (meeting->resolutions, i);

      if (resolution->item_id != item_id)
        continue;
      add_resolution (doc, resolution);
      any = TRUE;
    }
  return any;
}

static void
add_item (YishiDoc           *doc,
          const YishiMinutes *minutes,
          guint               index)
{
  const YishiSnapshotItem *item = get_item (minutes, index);
  g_autofree char *heading = format_item_heading (item);

  yishi_doc_add_heading (doc, heading);
  add_discussion (doc, minutes, item->id);
  add_votes (doc, minutes->meeting, item->id);
  if (!add_resolutions (doc, minutes->meeting, item->id))
    {
      /* Translators: in printed minutes, for an agenda item without a
       * resolution; zh_CN “形成决议：无” */
      yishi_doc_add_paragraph (doc, _("Resolution: none"), YISHI_DOC_ALIGN_START);
    }
}

static void
add_other_matters (YishiDoc           *doc,
                   const YishiMinutes *minutes)
{
  /* Translators: a heading of printed minutes; zh_CN “其他事项” */
  yishi_doc_add_heading (doc, C_("minutes", "Other Matters"));
  yishi_doc_add_paragraph (doc, is_blank (minutes->other_matters) ? none_text () : minutes->other_matters,
                           YISHI_DOC_ALIGN_START);
  add_resolutions (doc, minutes->meeting, 0);
}

/* Lines for the chair and the secretary to sign on. The day comes with
 * the approval under them: two columns leave the labels room in every
 * language. */
static void
add_signatures (YishiDoc *doc)
{
  const char *labels[] = {
    /* Translators: a signature line at the foot of printed minutes;
     * zh_CN “主持人（签字）：” */
    _("Chair (signature):"),
    /* Translators: a signature line at the foot of printed minutes;
     * zh_CN “记录人（签字）：” */
    _("Secretary (signature):"),
    NULL,
  };

  yishi_doc_add_signatures (doc, labels);
}

static char *
format_approval (const YishiMinutes *minutes)
{
  g_autofree char *day = format_timestamp_day (minutes->approved_at);

  if (minutes->approval == YISHI_APPROVAL_VOTE && !is_blank (minutes->approval_meeting))
    /* Translators: in printed minutes; %1$s is the later meeting that
     * voted, %2$s a date; zh_CN “本记录经%1$s于%2$s表决通过。” */
    return g_strdup_printf (_("These minutes were approved by a vote of the %1$s on %2$s."),
                            minutes->approval_meeting, day);
  if (minutes->approval == YISHI_APPROVAL_VOTE)
    /* Translators: in printed minutes; %s is a date; zh_CN
     * “本记录经后续会议于%s表决通过。” */
    return g_strdup_printf (_("These minutes were approved by a vote of a later meeting on %s."), day);

  /* Translators: in printed minutes; %1$s is the chair's name, %2$s a
   * date; zh_CN “本记录经主持人%1$s于%2$s审定。” */
  return g_strdup_printf (_("These minutes were approved by the chair, %1$s, on %2$s."),
                          is_blank (minutes->approved_by) ? minutes->meeting->chair : minutes->approved_by,
                          day);
}

/* How and when the minutes were approved and filed, and the digests
 * that let a reader check an exported copy. */
static void
add_approval (YishiDoc           *doc,
              const YishiMinutes *minutes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *approval = format_approval (minutes);

  g_string_append (text, approval);
  if (minutes->frozen_at != NULL)
    {
      g_autofree char *day = format_timestamp_day (minutes->frozen_at);

      g_string_append_c (text, '\n');
      /* Translators: in printed minutes; %s is a date; zh_CN “签字原件已于%s归档。” */
      g_string_append_printf (text, _("The signed copy was filed on %s."), day);
    }
  yishi_doc_add_paragraph (doc, text->str, YISHI_DOC_ALIGN_START);
  g_string_truncate (text, 0);
  /* Translators: in printed minutes, before the SHA-256 digest of the
   * approved minutes, which follows on the next line; zh_CN “摘要（SHA-256）：” */
  g_string_append_printf (text, "%s\n%s", _("Digest (SHA-256):"), minutes->digest);
  if (!is_blank (minutes->previous_digest))
    /* Translators: in printed minutes, before the digest of the
     * council's minutes approved before these, which follows on the
     * next line; zh_CN “上一份会议记录摘要：” */
    g_string_append_printf (text, "\n%s\n%s", _("Digest of the previous minutes:"), minutes->previous_digest);
  yishi_doc_add_paragraph (doc, text->str, YISHI_DOC_ALIGN_START);
}

static void
add_corrigenda (YishiDoc           *doc,
                const YishiMinutes *minutes)
{
  if (minutes->corrigenda == NULL || minutes->corrigenda->len == 0)
    return;

  /* Translators: a heading of printed minutes, the corrections made
   * after approval; zh_CN “更正” */
  yishi_doc_add_heading (doc, C_("minutes", "Corrigenda"));
  for (guint i = 0; i < minutes->corrigenda->len; i++)
    {
      const YishiCorrigendum *corrigendum = g_ptr_array_index (minutes->corrigenda, i);
      g_autofree char *day = format_timestamp_day (corrigendum->made_at);
      /* Translators: a correction in printed minutes; %1$u numbers it,
       * %2$s is its date, %3$s its text; zh_CN “%1$u. %2$s更正：%3$s” */
      g_autofree char *text = g_strdup_printf (_("%1$u. Correction of %2$s: %3$s"), i + 1, day,
                                               corrigendum->text);

      yishi_doc_add_paragraph (doc, text, YISHI_DOC_ALIGN_START);
    }
}

static void
set_footer (YishiDoc           *doc,
            const YishiMinutes *minutes)
{
  g_autofree char *short_digest = NULL;
  g_autofree char *footer = NULL;

  if (!is_approved (minutes))
    {
      /* Translators: at the foot of every page of a draft; zh_CN “草稿” */
      yishi_doc_set_footer (doc, _("Draft"));
      return;
    }
  short_digest = g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST);
  /* Translators: at the foot of every page of approved minutes; %s is
   * the start of their SHA-256 digest; zh_CN “摘要 %s” */
  footer = g_strdup_printf (_("Digest %s"), short_digest);
  yishi_doc_set_footer (doc, footer);
}

/**
 * yishi_minutes_doc_build:
 *
 * Returns: (transfer full): the printable minutes; the document does
 * not refer to @minutes, which may be freed before it is written.
 */
YishiDoc *
yishi_minutes_doc_build (const YishiMinutes *minutes)
{
  g_autofree char *title = NULL;
  YishiDoc *doc;

  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, NULL);

  /* Translators: the title in the metadata of exported minutes; %s is
   * the meeting's title; zh_CN “%s记录” */
  title = g_strdup_printf (_("Minutes of the %s"), minutes->meeting->title);
  doc = yishi_doc_new (title);
  set_footer (doc, minutes);
  add_title (doc, minutes);
  add_header (doc, minutes->meeting);
  add_agenda (doc, minutes);
  for (guint i = 0; i < minutes->meeting->items->len; i++)
    add_item (doc, minutes, i);
  add_other_matters (doc, minutes);
  add_signatures (doc);
  if (is_approved (minutes))
    add_approval (doc, minutes);
  add_corrigenda (doc, minutes);

  return doc;
}
