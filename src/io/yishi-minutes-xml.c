#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-minutes-xml.h"
#include "yishi-xml-out-private.h"

/* Writing Yishi's minutes XML, and verifying a written file. The layout
 * follows the printed minutes, so that a clerk can read the file:
 * header, attendance, the agenda with each item's discussion, motions,
 * votes and resolutions, other matters, approval, corrigenda, and the
 * digest at the end like the footer of a printout. Database ids never
 * appear; motions and resolutions are numbered through the minutes and
 * refer to each other by those numbers. */

static guint
motion_number (const YishiMeetingSnapshot *meeting,
               gint64                      motion_id)
{
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = meeting->motions->pdata[i];

      if (motion->id == motion_id)
        return i + 1;
    }
  return 0;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
write_header (YishiXmlOut                *out,
              const YishiMeetingSnapshot *meeting)
{
  _yishi_xml_out_start (out, "meeting");
  _yishi_xml_out_attr (out, "uuid", meeting->uuid);
  _yishi_xml_out_element (out, "council", meeting->council);
  _yishi_xml_out_element (out, "title", meeting->title);
  _yishi_xml_out_element (out, "starts-at", meeting->starts_at);
  _yishi_xml_out_element (out, "place", meeting->place != NULL ? meeting->place : "");
  _yishi_xml_out_element (out, "chair", meeting->chair != NULL ? meeting->chair : "");
  _yishi_xml_out_element (out, "secretary", meeting->secretary != NULL ? meeting->secretary : "");
  _yishi_xml_out_end (out);
}

static void
write_attendance (YishiXmlOut                *out,
                  const YishiMeetingSnapshot *meeting)
{
  _yishi_xml_out_start (out, "attendance");
  _yishi_xml_out_attr_uint (out, "members", meeting->members);
  _yishi_xml_out_attr_uint (out, "present", meeting->present);
  for (guint i = 0; i < meeting->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = meeting->attendance->pdata[i];

      _yishi_xml_out_start (out, "member");
      _yishi_xml_out_attr (out, "status", yishi_attendance_to_key (row->status));
      _yishi_xml_out_attr (out, "signed-in-at", row->signed_in_at);
      _yishi_xml_out_text (out, row->name);
      _yishi_xml_out_end (out);
    }
  _yishi_xml_out_end (out);

  if (meeting->observers == NULL || meeting->observers->len == 0)
    return;
  _yishi_xml_out_start (out, "observers");
  for (guint i = 0; i < meeting->observers->len; i++)
    {
      const YishiSnapshotObserver *row = meeting->observers->pdata[i];

      _yishi_xml_out_element (out, "observer", row->name);
    }
  _yishi_xml_out_end (out);
}

static void
write_vote (YishiXmlOut               *out,
            const YishiSnapshotMotion *motion)
{
  _yishi_xml_out_start (out, "vote");
  _yishi_xml_out_attr_uint (out, "yes", motion->counts.yes);
  _yishi_xml_out_attr_uint (out, "no", motion->counts.no);
  _yishi_xml_out_attr_uint (out, "abstain", motion->counts.abstain);
  _yishi_xml_out_attr_uint (out, "invalid", motion->counts.invalid);
  _yishi_xml_out_attr (out, "verdict", yishi_vote_verdict_to_key (motion->verdict));
  _yishi_xml_out_attr_uint (out, "members", motion->counts.members);
  _yishi_xml_out_attr_uint (out, "present", motion->counts.present);
  _yishi_xml_out_attr (out, "taken-at", motion->taken_at);
  for (guint i = 0; motion->roll_call != NULL && i < motion->roll_call->len; i++)
    {
      const YishiSnapshotChoice *choice = motion->roll_call->pdata[i];

      _yishi_xml_out_start (out, "voter");
      _yishi_xml_out_attr (out, "choice", yishi_roll_call_choice_to_key (choice->choice));
      _yishi_xml_out_text (out, choice->name);
      _yishi_xml_out_end (out);
    }
  _yishi_xml_out_end (out);
}

static void
write_rule (YishiXmlOut         *out,
            const YishiVoteRule *rule)
{
  g_autofree char *quorum = yishi_vote_quorum_to_key (&rule->quorum);

  _yishi_xml_out_start (out, "rule");
  _yishi_xml_out_attr (out, "quorum", quorum);
  _yishi_xml_out_attr (out, "majority", yishi_vote_majority_to_key (rule->majority));
  _yishi_xml_out_attr (out, "base", yishi_vote_base_to_key (rule->base));
  _yishi_xml_out_end (out);
}

static void
write_motion (YishiXmlOut                *out,
              const YishiMeetingSnapshot *meeting,
              guint                       index)
{
  const YishiSnapshotMotion *motion = meeting->motions->pdata[index];
  guint parent = motion->parent_id != 0 ? motion_number (meeting, motion->parent_id) : 0;

  _yishi_xml_out_start (out, "motion");
  _yishi_xml_out_attr_uint (out, "number", index + 1);
  if (parent != 0)
    _yishi_xml_out_attr_uint (out, "amends", parent);
  _yishi_xml_out_attr (out, "form", yishi_vote_form_to_key (motion->form));
  _yishi_xml_out_element (out, "text", motion->text);
  _yishi_xml_out_element (out, "mover", nonempty (motion->mover));
  _yishi_xml_out_element (out, "seconder", nonempty (motion->seconder));
  write_rule (out, &motion->rule);
  if (motion->voted)
    write_vote (out, motion);
  _yishi_xml_out_end (out);
}

static void
write_resolution (YishiXmlOut                *out,
                  const YishiMeetingSnapshot *meeting,
                  guint                       index)
{
  const YishiSnapshotResolution *resolution = meeting->resolutions->pdata[index];
  guint motion = resolution->motion_id != 0 ? motion_number (meeting, resolution->motion_id) : 0;

  _yishi_xml_out_start (out, "resolution");
  _yishi_xml_out_attr_uint (out, "number", index + 1);
  if (motion != 0)
    _yishi_xml_out_attr_uint (out, "motion", motion);
  _yishi_xml_out_attr (out, "due-on", nonempty (resolution->due_on));
  _yishi_xml_out_attr (out, "follow-up", resolution->follow_up);
  _yishi_xml_out_element (out, "text", resolution->text);
  _yishi_xml_out_element (out, "responsible", nonempty (resolution->responsible));
  _yishi_xml_out_end (out);
}

/* The resolutions of item @item_id (0: those of no item). */
static void
write_resolutions_of (YishiXmlOut                *out,
                      const YishiMeetingSnapshot *meeting,
                      gint64                      item_id)
{
  for (guint i = 0; i < meeting->resolutions->len; i++)
    {
      const YishiSnapshotResolution *resolution = meeting->resolutions->pdata[i];

      if (resolution->item_id == item_id)
        write_resolution (out, meeting, i);
    }
}

static void
write_item (YishiXmlOut        *out,
            const YishiMinutes *minutes,
            guint               index)
{
  const YishiMeetingSnapshot *meeting = minutes->meeting;
  const YishiSnapshotItem *item = meeting->items->pdata[index];

  _yishi_xml_out_start (out, "item");
  _yishi_xml_out_attr_uint (out, "position", item->position);
  _yishi_xml_out_element (out, "title", item->title);
  _yishi_xml_out_element (out, "discussion", yishi_minutes_get_discussion (minutes, item->id));
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = meeting->motions->pdata[i];

      if (motion->item_id == item->id)
        write_motion (out, meeting, i);
    }
  write_resolutions_of (out, meeting, item->id);
  _yishi_xml_out_end (out);
}

static gboolean
has_loose_resolutions (const YishiMeetingSnapshot *meeting)
{
  for (guint i = 0; i < meeting->resolutions->len; i++)
    if (((const YishiSnapshotResolution *) meeting->resolutions->pdata[i])->item_id == 0)
      return TRUE;
  return FALSE;
}

static void
write_agenda (YishiXmlOut        *out,
              const YishiMinutes *minutes)
{
  const YishiMeetingSnapshot *meeting = minutes->meeting;

  _yishi_xml_out_start (out, "agenda");
  for (guint i = 0; i < meeting->items->len; i++)
    write_item (out, minutes, i);
  _yishi_xml_out_end (out);

  if (!has_loose_resolutions (meeting))
    return;
  _yishi_xml_out_start (out, "resolutions");
  write_resolutions_of (out, meeting, 0);
  _yishi_xml_out_end (out);
}

static void
write_approval (YishiXmlOut        *out,
                const YishiMinutes *minutes)
{
  if (minutes->approval == YISHI_APPROVAL_NONE)
    return;
  _yishi_xml_out_start (out, "approval");
  _yishi_xml_out_attr (out, "by", yishi_approval_kind_to_key (minutes->approval));
  _yishi_xml_out_attr (out, "approved-at", minutes->approved_at);
  _yishi_xml_out_element (out, "approved-by", nonempty (minutes->approved_by));
  _yishi_xml_out_element (out, "approval-meeting", nonempty (minutes->approval_meeting));
  _yishi_xml_out_end (out);
}

static void
write_corrigenda (YishiXmlOut        *out,
                  const YishiMinutes *minutes)
{
  if (minutes->corrigenda == NULL || minutes->corrigenda->len == 0)
    return;
  _yishi_xml_out_start (out, "corrigenda");
  for (guint i = 0; i < minutes->corrigenda->len; i++)
    {
      const YishiCorrigendum *corrigendum = minutes->corrigenda->pdata[i];

      _yishi_xml_out_start (out, "corrigendum");
      _yishi_xml_out_attr (out, "uuid", corrigendum->uuid);
      _yishi_xml_out_attr (out, "made-at", corrigendum->made_at);
      _yishi_xml_out_text (out, corrigendum->text);
      _yishi_xml_out_end (out);
    }
  _yishi_xml_out_end (out);
}

/* Last, like the footer of a printout: the short digest a reader
 * compares with the paper copy, and the full one that is checked. */
static void
write_digest (YishiXmlOut        *out,
              const YishiMinutes *minutes)
{
  g_autofree char *short_digest = NULL;

  if (minutes->digest == NULL)
    return;
  short_digest = g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST);
  _yishi_xml_out_start (out, "digest");
  _yishi_xml_out_attr (out, "algorithm", "sha-256");
  _yishi_xml_out_attr (out, "short", short_digest);
  _yishi_xml_out_attr (out, "previous", nonempty (minutes->previous_digest));
  _yishi_xml_out_text (out, minutes->digest);
  _yishi_xml_out_end (out);
}

static void
write_minutes (YishiXmlOut        *out,
               const YishiMinutes *minutes)
{
  _yishi_xml_out_start (out, "minutes");
  _yishi_xml_out_attr (out, "xmlns", YISHI_MINUTES_XML_NAMESPACE);
  _yishi_xml_out_attr (out, "version", YISHI_MINUTES_XML_VERSION);
  _yishi_xml_out_attr (out, "uuid", minutes->uuid);
  _yishi_xml_out_attr (out, "state", yishi_minutes_state_to_key (minutes->state));
  _yishi_xml_out_attr (out, "submitted-at", minutes->submitted_at);
  _yishi_xml_out_attr (out, "frozen-at", minutes->frozen_at);
  write_header (out, minutes->meeting);
  write_attendance (out, minutes->meeting);
  write_agenda (out, minutes);
  _yishi_xml_out_element (out, "other-matters", nonempty (minutes->other_matters));
  write_approval (out, minutes);
  write_corrigenda (out, minutes);
  write_digest (out, minutes);
  _yishi_xml_out_end (out);
}

/**
 * yishi_minutes_xml_to_string:
 * Returns: the XML of @minutes, or NULL when a text in them holds a
 * character XML cannot carry.
 */
char *
yishi_minutes_xml_to_string (const YishiMinutes *minutes)
{
  YishiXmlOut out;
  char *text;

  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, NULL);

  _yishi_xml_out_init (&out);
  write_minutes (&out, minutes);
  text = _yishi_xml_out_finish (&out, NULL, NULL);
  _yishi_xml_out_clear (&out);
  return text;
}

gboolean
yishi_minutes_write_xml (const YishiMinutes  *minutes,
                         const char          *path,
                         GError             **error)
{
  YishiXmlOut out;
  gboolean ok;

  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _yishi_xml_out_init (&out);
  write_minutes (&out, minutes);
  ok = _yishi_xml_out_save (&out, path, error);
  _yishi_xml_out_clear (&out);
  return ok;
}

static void
add_mismatch (GPtrArray          *mismatches,
              const YishiMinutes *minutes,
              char               *problem)
{
  YishiMinutesMismatch *mismatch = g_new0 (YishiMinutesMismatch, 1);

  mismatch->meeting = g_strdup (minutes->meeting->title);
  mismatch->problem = problem;
  g_ptr_array_add (mismatches, mismatch);
}

/* The per-vote counts of members and present are not in the canonical
 * form, but the verdict follows from them: a verdict the counts and the
 * rule do not give shows an edit there too. */
static void
check_votes (const YishiMinutes *minutes,
             GPtrArray          *mismatches)
{
  const YishiMeetingSnapshot *meeting = minutes->meeting;

  for (guint i = 0; i < meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = meeting->motions->pdata[i];
      YishiVoteResult result;

      if (!motion->voted)
        continue;
      if (!yishi_vote_tally (&motion->counts, &motion->rule, &result, NULL))
        add_mismatch (mismatches, minutes,
                      /* Translators: %u is the number of a motion in the minutes */
                      g_strdup_printf (_("The counts of the vote on motion %u are impossible."), i + 1));
      else if (result.verdict != motion->verdict)
        add_mismatch (mismatches, minutes,
                      /* Translators: %u is the number of a motion; then two verdicts, such as “passed” */
                      g_strdup_printf (_("The vote on motion %u gives “%s”, but the file says “%s”."), i + 1,
                                       yishi_vote_verdict_label (result.verdict),
                                       yishi_vote_verdict_label (motion->verdict)));
    }
}

GPtrArray *
yishi_minutes_xml_verify (const char  *path,
                          GError     **error)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  minutes = yishi_minutes_xml_read (path, error);
  if (minutes == NULL)
    return NULL;

  mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_minutes_mismatch_free);
  if (minutes->digest == NULL)
    add_mismatch (mismatches, minutes,
                  g_strdup (_("The minutes were not approved: the file carries no digest to check.")));
  else if (g_strcmp0 (digest = yishi_minutes_compute_digest (minutes), minutes->digest) != 0)
    add_mismatch (mismatches, minutes,
                  /* Translators: two short digests, as printed in the footer of the minutes */
                  g_strdup_printf (_("The contents were changed after approval: they give the digest "
                                     "%.12s…, but the file says %.12s…."), digest, minutes->digest));
  check_votes (minutes, mismatches);
  return g_steal_pointer (&mismatches);
}
