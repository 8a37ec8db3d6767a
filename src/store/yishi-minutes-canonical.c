#include "config.h"

#include <string.h>

#include "yishi-minutes-store.h"

/* The canonical form of minutes, the text their digest is taken over,
 * as docs/minutes-digest.md describes it. It holds no database id, so
 * that a copy of the minutes read into another database, or back from
 * an exported file, gives the same text. */

/* "\" as "\\" and a newline as "\n": one field, one line. */
static void
append_escaped (GString    *out,
                const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

static void
append_field (GString    *out,
              const char *key,
              const char *value)
{
  g_string_append (out, key);
  g_string_append_c (out, '=');
  append_escaped (out, value);
  g_string_append_c (out, '\n');
}

/* "key=a|b|…": each part escaped, NULL ending the list. */
G_GNUC_NULL_TERMINATED static void
append_parts (GString    *out,
              const char *key,
              ...)
{
  va_list args;
  const char *part;
  gboolean first = TRUE;

  g_string_append (out, key);
  g_string_append_c (out, '=');
  va_start (args, key);
  while ((part = va_arg (args, const char *)) != NULL)
    {
      if (!first)
        g_string_append_c (out, '|');
      append_escaped (out, part);
      first = FALSE;
    }
  va_end (args);
  g_string_append_c (out, '\n');
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Adds @lines, sorted as whole strings (bytewise), and frees them. */
static void
append_sorted (GString   *out,
               GPtrArray *lines)
{
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append (out, lines->pdata[i]);
  g_ptr_array_unref (lines);
}

static char *
line_of (const char *key,
         const char *first,
         const char *second,
         const char *third)
{
  g_autoptr(GString) line = g_string_new (NULL);

  append_parts (line, key, first, second, third, NULL);
  return g_strdup (line->str);
}

static void
append_people (GString                    *out,
               const YishiMeetingSnapshot *meeting)
{
  GPtrArray *attendance = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *observers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < meeting->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = meeting->attendance->pdata[i];

      g_ptr_array_add (attendance, line_of ("attendance", row->name, yishi_attendance_to_key (row->status),
                                            row->signed_in_at != NULL ? row->signed_in_at : ""));
    }
  append_sorted (out, attendance);
  for (guint i = 0; i < meeting->observers->len; i++)
    {
      const YishiSnapshotObserver *row = meeting->observers->pdata[i];

      g_ptr_array_add (observers, line_of ("observer", row->name, NULL, NULL));
    }
  append_sorted (out, observers);
}

/* A motion's number in the whole minutes: its place among the
 * snapshot's motions, from 1; 0 for none. */
static guint
motion_number (const YishiMeetingSnapshot *meeting,
               gint64                      motion_id)
{
  for (guint i = 0; motion_id != 0 && i < meeting->motions->len; i++)
    if (((const YishiSnapshotMotion *) meeting->motions->pdata[i])->id == motion_id)
      return i + 1;
  return 0;
}

static void
append_motion (GString                    *out,
               const YishiMeetingSnapshot *meeting,
               const YishiSnapshotMotion  *motion)
{
  g_autofree char *quorum = yishi_vote_quorum_to_key (&motion->rule.quorum);
  g_autofree char *rule = g_strdup_printf ("%s/%s/%s", quorum, yishi_vote_majority_to_key (motion->rule.majority),
                                           yishi_vote_base_to_key (motion->rule.base));
  g_autofree char *number = g_strdup_printf ("%u", motion_number (meeting, motion->id));
  g_autofree char *amends = g_strdup_printf ("%u", motion_number (meeting, motion->parent_id));
  const YishiVoteCounts *counts = &motion->counts;
  g_autofree char *yes = g_strdup_printf ("%u", motion->voted ? counts->yes : 0);
  g_autofree char *no = g_strdup_printf ("%u", motion->voted ? counts->no : 0);
  g_autofree char *abstain = g_strdup_printf ("%u", motion->voted ? counts->abstain : 0);
  g_autofree char *invalid = g_strdup_printf ("%u", motion->voted ? counts->invalid : 0);
  g_autofree char *members = g_strdup_printf ("%u", motion->voted ? counts->members : 0);
  g_autofree char *present = g_strdup_printf ("%u", motion->voted ? counts->present : 0);
  GPtrArray *roll_call = g_ptr_array_new_with_free_func (g_free);

  append_parts (out, "motion", number, amends, motion->text, motion->mover, motion->seconder,
                yishi_vote_form_to_key (motion->form), rule, motion->voted ? "1" : "0", yes, no, abstain,
                invalid, members, present, motion->voted ? yishi_vote_verdict_to_key (motion->verdict) : "",
                motion->voted && motion->taken_at != NULL ? motion->taken_at : "", NULL);
  for (guint i = 0; motion->roll_call != NULL && i < motion->roll_call->len; i++)
    {
      const YishiSnapshotChoice *choice = motion->roll_call->pdata[i];

      g_ptr_array_add (roll_call, line_of ("roll_call", choice->name,
                                           yishi_roll_call_choice_to_key (choice->choice), NULL));
    }
  append_sorted (out, roll_call);
}

/* With the number of the motion it carries out, or 0. */
static void
append_resolution (GString                       *out,
                   const YishiMeetingSnapshot    *meeting,
                   const YishiSnapshotResolution *resolution)
{
  g_autofree char *motion = g_strdup_printf ("%u", motion_number (meeting, resolution->motion_id));

  append_parts (out, "resolution", motion, resolution->text, resolution->responsible,
                resolution->due_on != NULL ? resolution->due_on : "", NULL);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const YishiSnapshotItem *first = *(const YishiSnapshotItem * const *) a;
  const YishiSnapshotItem *second = *(const YishiSnapshotItem * const *) b;

  return (first->position > second->position) - (first->position < second->position);
}

static gboolean
has_item (const YishiMeetingSnapshot *meeting,
          gint64                      item_id)
{
  for (guint i = 0; item_id != 0 && i < meeting->items->len; i++)
    if (((const YishiSnapshotItem *) meeting->items->pdata[i])->id == item_id)
      return TRUE;
  return FALSE;
}

static void
append_items (GString            *out,
              const YishiMinutes *minutes)
{
  const YishiMeetingSnapshot *meeting = minutes->meeting;
  g_autoptr(GPtrArray) items = g_ptr_array_sized_new (meeting->items->len);

  for (guint i = 0; i < meeting->items->len; i++)
    g_ptr_array_add (items, meeting->items->pdata[i]);
  g_ptr_array_sort (items, compare_items);
  for (guint i = 0; i < items->len; i++)
    {
      const YishiSnapshotItem *item = items->pdata[i];
      g_autofree char *position = g_strdup_printf ("%u", item->position);

      append_parts (out, "item", position, item->title, NULL);
      append_field (out, "discussion", yishi_minutes_get_discussion (minutes, item->id));
      for (guint j = 0; j < meeting->motions->len; j++)
        if (((const YishiSnapshotMotion *) meeting->motions->pdata[j])->item_id == item->id)
          append_motion (out, meeting, meeting->motions->pdata[j]);
      for (guint j = 0; j < meeting->resolutions->len; j++)
        if (((const YishiSnapshotResolution *) meeting->resolutions->pdata[j])->item_id == item->id)
          append_resolution (out, meeting, meeting->resolutions->pdata[j]);
    }
  /* a resolution on a motion alone, with no item of its own */
  for (guint j = 0; j < meeting->resolutions->len; j++)
    if (!has_item (meeting, ((const YishiSnapshotResolution *) meeting->resolutions->pdata[j])->item_id))
      append_resolution (out, meeting, meeting->resolutions->pdata[j]);
}

char *
yishi_minutes_canonical_form (const YishiMinutes *minutes)
{
  const YishiMeetingSnapshot *meeting;
  GString *out;
  g_autofree char *members = NULL;
  g_autofree char *present = NULL;

  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, NULL);

  meeting = minutes->meeting;
  out = g_string_new ("yishi-minutes=1\n");
  members = g_strdup_printf ("%u", meeting->members);
  present = g_strdup_printf ("%u", meeting->present);
  append_field (out, "minutes", minutes->uuid);
  append_field (out, "meeting", meeting->uuid);
  append_field (out, "council", meeting->council);
  append_field (out, "title", meeting->title);
  append_field (out, "starts_at", meeting->starts_at);
  append_field (out, "place", meeting->place);
  append_field (out, "chair", meeting->chair);
  append_field (out, "secretary", meeting->secretary);
  append_field (out, "members", members);
  append_field (out, "present", present);
  append_people (out, meeting);
  append_items (out, minutes);
  append_field (out, "other_matters", minutes->other_matters);
  append_parts (out, "approval", yishi_approval_kind_to_key (minutes->approval),
                minutes->approved_by != NULL ? minutes->approved_by : "",
                minutes->approval_meeting != NULL ? minutes->approval_meeting : "", NULL);
  append_field (out, "approved_at", minutes->approved_at);
  append_field (out, "previous_digest", minutes->previous_digest);
  return g_string_free (out, FALSE);
}

char *
yishi_minutes_compute_digest (const YishiMinutes *minutes)
{
  g_autofree char *form = yishi_minutes_canonical_form (minutes);

  g_return_val_if_fail (form != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, form, -1);
}
