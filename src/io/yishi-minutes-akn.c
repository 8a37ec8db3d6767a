#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-meeting-text.h"
#include "yishi-minutes-akn.h"
#include "yishi-xml-out-private.h"

/* The minutes as Akoma Ntoso 3.0, following the structure of the
 * printed minutes: the preface holds the title, date and place; the
 * roll call who came; a debate section per agenda item its discussion
 * (a line “Name: …” of someone named in the minutes becomes a speech by
 * them), each motion and its vote, and its resolutions; the conclusions
 * hold the approval, the corrigenda, the signature lines and the short
 * digest. Everyone named is a TLCPerson in the references, and each
 * vote's counts are in the parliamentary analysis as well. */

#define COUNTRY "cn"

typedef struct
{
  YishiXmlOut                 out;
  const YishiMinutes         *minutes;
  const YishiMeetingSnapshot *meeting;
  GHashTable                 *people; /* name → eId, in the order first named */
  GPtrArray                  *names;
  char                       *date;   /* of the meeting, YYYY-MM-DD */
} Akn;

typedef void (*InlineFunc) (Akn           *akn,
                            gconstpointer  data);

static const char *const verdict_concepts[] = { "passed", "failed", "noQuorum", "noVerdict" };

/* ---- people ---- */

static void
add_person (Akn        *akn,
            const char *name)
{
  if (name == NULL || *name == '\0' || g_hash_table_contains (akn->people, name))
    return;
  g_hash_table_insert (akn->people, g_strdup (name), g_strdup_printf ("person_%u", akn->names->len + 1));
  g_ptr_array_add (akn->names, g_strdup (name));
}

static void
collect_motion_people (Akn *akn)
{
  for (guint i = 0; i < akn->meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = akn->meeting->motions->pdata[i];

      add_person (akn, motion->mover);
      add_person (akn, motion->seconder);
      for (guint j = 0; motion->roll_call != NULL && j < motion->roll_call->len; j++)
        add_person (akn, ((const YishiSnapshotChoice *) motion->roll_call->pdata[j])->name);
    }
  for (guint i = 0; i < akn->meeting->resolutions->len; i++)
    add_person (akn, ((const YishiSnapshotResolution *) akn->meeting->resolutions->pdata[i])->responsible);
}

static void
collect_people (Akn *akn)
{
  const YishiMeetingSnapshot *meeting = akn->meeting;

  add_person (akn, meeting->chair);
  add_person (akn, meeting->secretary);
  for (guint i = 0; i < meeting->attendance->len; i++)
    add_person (akn, ((const YishiSnapshotAttendance *) meeting->attendance->pdata[i])->name);
  for (guint i = 0; meeting->observers != NULL && i < meeting->observers->len; i++)
    add_person (akn, ((const YishiSnapshotObserver *) meeting->observers->pdata[i])->name);
  collect_motion_people (akn);
  add_person (akn, akn->minutes->approved_by);
}

/* "#person_3" for a person named in the minutes; NULL for no one. */
static char *
person_ref (Akn        *akn,
            const char *name)
{
  const char *id = name != NULL ? g_hash_table_lookup (akn->people, name) : NULL;

  return id != NULL ? g_strconcat ("#", id, NULL) : NULL;
}

/* ---- small writers ---- */

static void
start (Akn        *akn,
       const char *element)
{
  _yishi_xml_out_start (&akn->out, element);
}

static void
end (Akn *akn)
{
  _yishi_xml_out_end (&akn->out);
}

static void
attr (Akn        *akn,
      const char *name,
      const char *value)
{
  _yishi_xml_out_attr (&akn->out, name, value);
}

static void
text (Akn        *akn,
      const char *value)
{
  _yishi_xml_out_text (&akn->out, value);
}

static void
empty (Akn        *akn,
       const char *element,
       const char *name,
       const char *value,
       const char *name2,
       const char *value2)
{
  start (akn, element);
  attr (akn, name, value);
  if (name2 != NULL)
    attr (akn, name2, value2);
  end (akn);
}

static void
paragraph (Akn        *akn,
           const char *value)
{
  _yishi_xml_out_element (&akn->out, "p", value);
}

/* @format with its one “%s” replaced by what @inline_func writes: a
 * translated sentence around an inline element. */
static void
write_around (Akn           *akn,
              const char    *format,
              InlineFunc     inline_func,
              gconstpointer  data)
{
  const char *mark = strstr (format, "%s");
  g_autofree char *before = NULL;

  if (mark == NULL)
    {
      text (akn, format);
      return;
    }
  before = g_strndup (format, mark - format);
  text (akn, before);
  inline_func (akn, data);
  text (akn, mark + 2);
}

/* <person refersTo="#person_N">name</person> */
static void
write_person (Akn           *akn,
              gconstpointer  data)
{
  const char *name = data;
  g_autofree char *ref = person_ref (akn, name);

  _yishi_xml_out_inline (&akn->out, "person", name, "refersTo", ref, NULL);
}

static void
write_people (Akn           *akn,
              gconstpointer  data)
{
  const GPtrArray *names = data;

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a list; zh_CN “、” */
        text (akn, C_("list separator", ", "));
      write_person (akn, names->pdata[i]);
    }
}

/* A stored timestamp; a meeting's time may be stored without seconds. */
static GDateTime *
parse_time (const char *timestamp)
{
  g_autofree char *with_seconds = NULL;

  if (timestamp != NULL && strlen (timestamp) == 16)
    timestamp = with_seconds = g_strconcat (timestamp, ":00", NULL);
  return yishi_parse_timestamp (timestamp);
}

/* YYYY-MM-DD of a stored timestamp, in local time. */
static char *
date_of (const char *timestamp)
{
  g_autoptr(GDateTime) parsed = parse_time (timestamp);
  g_autoptr(GDateTime) local = parsed != NULL ? g_date_time_to_local (parsed) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
}

static void
write_date (Akn           *akn,
            gconstpointer  data)
{
  const char *starts_at = data;
  g_autoptr(GDateTime) parsed = parse_time (starts_at);
  g_autoptr(GDateTime) local = parsed != NULL ? g_date_time_to_local (parsed) : NULL;
  /* Translators: the meeting's date and time, a g_date_time_format () format; zh_CN “%Y年%-m月%-d日 %H:%M” */
  g_autofree char *shown = local != NULL ? g_date_time_format (local, _("%-d %B %Y, %H:%M")) : NULL;

  _yishi_xml_out_inline (&akn->out, "docDate", shown != NULL ? shown : starts_at, "date", akn->date, NULL);
}

/* ---- meta ---- */

/* Starts one FRBR level with its IRIs, date and author; the caller adds
 * what only that level has and ends it. */
static void
start_frbr (Akn        *akn,
            const char *element,
            const char *this,
            const char *uri,
            const char *date,
            const char *date_name,
            const char *author)
{
  start (akn, element);
  empty (akn, "FRBRthis", "value", this, NULL, NULL);
  empty (akn, "FRBRuri", "value", uri, NULL, NULL);
  if (g_str_equal (element, "FRBRWork"))
    empty (akn, "FRBRalias", "name", "uuid", "value", akn->meeting->uuid);
  empty (akn, "FRBRdate", "date", date, "name", date_name);
  empty (akn, "FRBRauthor", "href", author, NULL, NULL);
}

/* The work is the meeting's record; the expression and manifestation
 * are these minutes, dated by their approval. */
static void
write_identification (Akn *akn)
{
  /* Translators: the ISO 639-2 code of this language, for Akoma Ntoso; zh_CN “zho” */
  const char *language = C_("Akoma Ntoso language", "eng");
  g_autofree char *work = g_strdup_printf ("/akn/" COUNTRY "/debate/%s/%s", akn->date, akn->meeting->uuid);
  g_autofree char *expression = g_strdup_printf ("%s/%s@", work, language);
  g_autofree char *work_this = g_strconcat (work, "/!main", NULL);
  g_autofree char *expression_this = g_strconcat (expression, "/!main", NULL);
  g_autofree char *manifestation_this = g_strconcat (expression, "/!main.xml", NULL);
  g_autofree char *manifestation = g_strconcat (expression, ".akn", NULL);
  g_autofree char *approved = date_of (akn->minutes->approved_at);
  const char *version_date = approved != NULL ? approved : akn->date;
  g_autofree char *secretary = person_ref (akn, akn->meeting->secretary);

  start (akn, "identification");
  attr (akn, "source", "#yishi");
  start_frbr (akn, "FRBRWork", work_this, work, akn->date, "session", "#council");
  empty (akn, "FRBRcountry", "value", COUNTRY, NULL, NULL);
  end (akn);
  start_frbr (akn, "FRBRExpression", expression_this, expression, version_date,
              approved != NULL ? "approval" : "draft", secretary != NULL ? secretary : "#council");
  empty (akn, "FRBRlanguage", "language", language, NULL, NULL);
  end (akn);
  start_frbr (akn, "FRBRManifestation", manifestation_this, manifestation, version_date, "generation", "#yishi");
  end (akn);
  end (akn);
}

static void
write_count (Akn        *akn,
             guint       number,
             const char *concept,
             guint       value)
{
  g_autofree char *id = g_strdup_printf ("vote_%u__count_%s", number, concept);
  g_autofree char *ref = g_strconcat ("#", concept, NULL);
  char count[16];

  g_snprintf (count, sizeof count, "%u", value);
  start (akn, "count");
  attr (akn, "eId", id);
  attr (akn, "value", count);
  attr (akn, "refersTo", ref);
  end (akn);
}

static gboolean
any_vote (const YishiMeetingSnapshot *meeting)
{
  for (guint i = 0; i < meeting->motions->len; i++)
    if (((const YishiSnapshotMotion *) meeting->motions->pdata[i])->voted)
      return TRUE;
  return FALSE;
}

/* Each vote's counts and outcome, pointing at the narrative that
 * states them. */
static void
write_analysis (Akn *akn)
{
  if (!any_vote (akn->meeting))
    return;
  start (akn, "analysis");
  attr (akn, "source", "#yishi");
  start (akn, "parliamentary");
  for (guint i = 0; i < akn->meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = akn->meeting->motions->pdata[i];
      g_autofree char *id = g_strdup_printf ("vote_%u", i + 1);
      g_autofree char *outcome = g_strconcat ("#", verdict_concepts[motion->verdict], NULL);
      g_autofree char *href = g_strdup_printf ("#motion_%u__vote", i + 1);

      if (!motion->voted)
        continue;
      start (akn, "voting");
      attr (akn, "eId", id);
      attr (akn, "outcome", outcome);
      attr (akn, "href", href);
      write_count (akn, i + 1, "for", motion->counts.yes);
      write_count (akn, i + 1, "against", motion->counts.no);
      write_count (akn, i + 1, "abstain", motion->counts.abstain);
      if (motion->form == YISHI_VOTE_FORM_SECRET)
        write_count (akn, i + 1, "invalid", motion->counts.invalid);
      end (akn);
    }
  end (akn);
  end (akn);
}

static void
write_tlc (Akn        *akn,
           const char *element,
           const char *id,
           const char *href,
           const char *show_as)
{
  start (akn, element);
  attr (akn, "eId", id);
  attr (akn, "href", href);
  attr (akn, "showAs", show_as);
  end (akn);
}

static void
write_concepts (Akn *akn)
{
  static const char *const counts[] = { "for", "against", "abstain", "invalid" };

  for (guint i = 0; i < G_N_ELEMENTS (verdict_concepts); i++)
    {
      g_autofree char *href = g_strconcat ("/ontology/concept/vote/", verdict_concepts[i], NULL);

      write_tlc (akn, "TLCConcept", verdict_concepts[i], href, yishi_vote_verdict_label ((YishiVoteVerdict) i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *href = g_strconcat ("/ontology/concept/vote/", counts[i], NULL);

      write_tlc (akn, "TLCConcept", counts[i], href, counts[i]);
    }
}

static void
write_references (Akn *akn)
{
  g_autofree char *council = g_uri_escape_string (akn->meeting->council, NULL, FALSE);
  g_autofree char *council_href = g_strconcat ("/ontology/organization/", council, NULL);

  start (akn, "references");
  attr (akn, "source", "#yishi");
  write_tlc (akn, "TLCOrganization", "council", council_href, akn->meeting->council);
  write_tlc (akn, "TLCOrganization", "yishi", "/ontology/organization/yishi", "Yishi");
  for (guint i = 0; i < akn->names->len; i++)
    {
      const char *name = akn->names->pdata[i];
      g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
      g_autofree char *href = g_strconcat ("/ontology/person/", escaped, NULL);

      write_tlc (akn, "TLCPerson", g_hash_table_lookup (akn->people, name), href, name);
    }
  /* Translators: a role at a meeting, for Akoma Ntoso's references */
  write_tlc (akn, "TLCRole", "chair", "/ontology/role/chair", _("Chair"));
  /* Translators: a role at a meeting (记录人), for Akoma Ntoso's references */
  write_tlc (akn, "TLCRole", "secretary", "/ontology/role/secretary", _("Secretary"));
  write_concepts (akn);
  end (akn);
}

/* The full digest, in Yishi's own namespace, for a program to check. */
static void
write_proprietary (Akn *akn)
{
  const YishiMinutes *minutes = akn->minutes;
  g_autofree char *short_digest = NULL;

  if (minutes->digest == NULL)
    return;
  short_digest = g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST);
  start (akn, "proprietary");
  attr (akn, "source", "#yishi");
  start (akn, "digest");
  attr (akn, "xmlns", "urn:x-yishi:minutes");
  attr (akn, "algorithm", "sha-256");
  attr (akn, "short", short_digest);
  if (minutes->previous_digest != NULL && *minutes->previous_digest != '\0')
    attr (akn, "previous", minutes->previous_digest);
  text (akn, minutes->digest);
  end (akn);
  end (akn);
}

static void
write_meta (Akn *akn)
{
  start (akn, "meta");
  write_identification (akn);
  write_analysis (akn);
  write_references (akn);
  write_proprietary (akn);
  end (akn);
}

/* ---- preface and roll call ---- */

static void
write_preface (Akn *akn)
{
  const YishiMeetingSnapshot *meeting = akn->meeting;
  /* Translators: the title of the minutes: the council, then the meeting; zh_CN “%1$s%2$s会议记录” */
  g_autofree char *title = g_strdup_printf (_("%1$s, %2$s: Minutes"), meeting->council, meeting->title);

  start (akn, "preface");
  start (akn, "p");
  attr (akn, "class", "title");
  _yishi_xml_out_element (&akn->out, "docTitle", title);
  end (akn);
  start (akn, "p");
  /* Translators: %s is the meeting's date and time; zh_CN “会议时间：%s” */
  write_around (akn, _("Time: %s"), write_date, meeting->starts_at);
  end (akn);
  if (meeting->place != NULL && *meeting->place != '\0')
    {
      /* Translators: %s is the meeting's place; zh_CN “会议地点：%s” */
      g_autofree char *place = g_strdup_printf (_("Place: %s"), meeting->place);

      paragraph (akn, place);
    }
  end (akn);
}

static void
write_role_line (Akn        *akn,
                 const char *format,
                 const char *name,
                 const char *role)
{
  g_autofree char *ref = person_ref (akn, name);
  const char *mark = strstr (format, "%s");
  g_autofree char *before = mark != NULL ? g_strndup (format, mark - format) : g_strdup (format);

  if (ref == NULL)
    return;
  start (akn, "p");
  text (akn, before);
  _yishi_xml_out_inline (&akn->out, "person", name, "refersTo", ref, "as", role, NULL);
  text (akn, mark != NULL ? mark + 2 : "");
  end (akn);
}

static void
write_list_line (Akn             *akn,
                 const char      *format,
                 const GPtrArray *names)
{
  if (names->len == 0)
    return;
  start (akn, "p");
  write_around (akn, format, write_people, names);
  end (akn);
}

static GPtrArray *
names_with_status (const YishiMeetingSnapshot *meeting,
                   YishiAttendance             status)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < meeting->attendance->len; i++)
    {
      const YishiSnapshotAttendance *row = meeting->attendance->pdata[i];

      if (row->status == status)
        g_ptr_array_add (names, row->name);
    }
  return names;
}

static void
write_roll_call (Akn *akn)
{
  const YishiMeetingSnapshot *meeting = akn->meeting;
  g_autoptr(GPtrArray) present = names_with_status (meeting, YISHI_ATTENDANCE_PRESENT);
  g_autoptr(GPtrArray) excused = names_with_status (meeting, YISHI_ATTENDANCE_EXCUSED);
  g_autoptr(GPtrArray) absent = names_with_status (meeting, YISHI_ATTENDANCE_ABSENT);
  g_autoptr(GPtrArray) observers = g_ptr_array_new ();
  /* Translators: 应到人数 and 实到人数; zh_CN “应到 %1$u 人，实到 %2$u 人。” */
  g_autofree char *counts = g_strdup_printf (_("Members: %1$u. Present: %2$u."), meeting->members, meeting->present);

  for (guint i = 0; meeting->observers != NULL && i < meeting->observers->len; i++)
    g_ptr_array_add (observers, ((YishiSnapshotObserver *) meeting->observers->pdata[i])->name);
  start (akn, "rollCall");
  attr (akn, "eId", "rollcall_1");
  /* Translators: %s is a name; zh_CN “主持人：%s” */
  write_role_line (akn, _("Chair: %s"), meeting->chair, "#chair");
  /* Translators: %s is a name; zh_CN “记录人：%s” */
  write_role_line (akn, _("Secretary: %s"), meeting->secretary, "#secretary");
  paragraph (akn, counts);
  /* Translators: %s is a list of names; zh_CN “出席人员：%s” */
  write_list_line (akn, _("Present: %s"), present);
  /* Translators: %s is a list of names (请假); zh_CN “请假人员：%s” */
  write_list_line (akn, _("Excused: %s"), excused);
  /* Translators: %s is a list of names; zh_CN “缺席人员：%s” */
  write_list_line (akn, _("Absent: %s"), absent);
  /* Translators: %s is a list of names (列席人员); zh_CN “列席人员：%s” */
  write_list_line (akn, _("Observers: %s"), observers);
  end (akn);
}

/* ---- agenda items ---- */

/* The speaker of a discussion line “Name: …” or “Name：…”, when Name
 * is someone named in the minutes; @out_rest gets what they said. */
static const char *
speaker_of (Akn         *akn,
            const char  *line,
            const char **out_rest)
{
  for (guint i = 0; i < akn->names->len; i++)
    {
      const char *name = akn->names->pdata[i];
      gsize length = strlen (name);
      const char *rest = line + length;

      if (strncmp (line, name, length) != 0)
        continue;
      if (g_str_has_prefix (rest, ":"))
        rest += 1;
      else if (g_str_has_prefix (rest, "："))
        rest += strlen ("：");
      else
        continue;
      while (*rest == ' ')
        rest++;
      *out_rest = rest;
      return name;
    }
  return NULL;
}

static void
write_discussion (Akn        *akn,
                  guint       item_number,
                  const char *discussion)
{
  g_auto(GStrv) lines = g_strsplit (discussion != NULL ? discussion : "", "\n", -1);
  guint speeches = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = NULL;
      const char *speaker = NULL;
      g_autofree char *id = NULL;
      g_autofree char *ref = NULL;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      speaker = speaker_of (akn, lines[i], &rest);
      if (speaker == NULL)
        {
          paragraph (akn, lines[i]);
          continue;
        }
      id = g_strdup_printf ("dbsect_%u__spc_%u", item_number, ++speeches);
      ref = person_ref (akn, speaker);
      start (akn, "speech");
      attr (akn, "eId", id);
      attr (akn, "by", ref);
      _yishi_xml_out_element (&akn->out, "from", speaker);
      paragraph (akn, rest);
      end (akn);
    }
}

static char *
describe_motion (const YishiMeetingSnapshot *meeting,
                 guint                       index)
{
  const YishiSnapshotMotion *motion = meeting->motions->pdata[index];
  guint parent = 0;

  for (guint i = 0; motion->parent_id != 0 && i < meeting->motions->len; i++)
    if (((const YishiSnapshotMotion *) meeting->motions->pdata[i])->id == motion->parent_id)
      parent = i + 1;
  if (parent != 0)
    /* Translators: a motion's number, the number of the motion it amends, then its text */
    return g_strdup_printf (_("Motion %1$u (amending motion %2$u): %3$s"), index + 1, parent, motion->text);
  /* Translators: a motion's number, then its text */
  return g_strdup_printf (_("Motion %1$u: %2$s"), index + 1, motion->text);
}

/* Who moved and who seconded the motion; NULL when neither is known. */
static char *
describe_movers (const YishiSnapshotMotion *motion)
{
  gboolean mover = motion->mover != NULL && *motion->mover != '\0';
  gboolean seconder = motion->seconder != NULL && *motion->seconder != '\0';

  if (mover && seconder)
    /* Translators: the names of the mover and the seconder (附议人) of a motion */
    return g_strdup_printf (_("Moved by %1$s, seconded by %2$s."), motion->mover, motion->seconder);
  if (mover)
    /* Translators: %s is the name of the mover of a motion */
    return g_strdup_printf (_("Moved by %s."), motion->mover);
  if (seconder)
    /* Translators: %s is the name of the seconder (附议人) of a motion */
    return g_strdup_printf (_("Seconded by %s."), motion->seconder);
  return NULL;
}

static char *
describe_vote (const YishiSnapshotMotion *motion)
{
  g_autofree char *rule = yishi_vote_rule_describe (&motion->rule);
  const YishiVoteCounts *counts = &motion->counts;

  if (!motion->voted)
    return g_strdup (_("Not put to the vote."));
  if (motion->form == YISHI_VOTE_FORM_SECRET)
    /* Translators: the form of the vote, the rule in words, the counts (赞成, 反对, 弃权, 无效), then the verdict */
    return g_strdup_printf (_("Vote (%1$s; %2$s): yes %3$u, no %4$u, abstain %5$u, invalid %6$u. "
                              "Result: %7$s."),
                            yishi_vote_form_label (motion->form), rule, counts->yes, counts->no,
                            counts->abstain, counts->invalid, yishi_vote_verdict_label (motion->verdict));
  /* Translators: the form of the vote, the rule in words, the counts (赞成, 反对, 弃权), then the verdict */
  return g_strdup_printf (_("Vote (%1$s; %2$s): yes %3$u, no %4$u, abstain %5$u. Result: %6$s."),
                          yishi_vote_form_label (motion->form), rule, counts->yes, counts->no,
                          counts->abstain, yishi_vote_verdict_label (motion->verdict));
}

static void
write_roll_call_choices (Akn                       *akn,
                         const YishiSnapshotMotion *motion)
{
  GString *line = g_string_new (NULL);
  g_autofree char *sentence = NULL;

  if (motion->roll_call == NULL || motion->roll_call->len == 0)
    {
      g_string_free (line, TRUE);
      return;
    }
  for (guint i = 0; i < motion->roll_call->len; i++)
    {
      const YishiSnapshotChoice *choice = motion->roll_call->pdata[i];

      if (i > 0)
        g_string_append (line, C_("list separator", ", "));
      /* Translators: a name, then how they voted, in a roll call */
      g_string_append_printf (line, C_("roll call entry", "%1$s (%2$s)"), choice->name,
                              yishi_roll_call_choice_label (choice->choice));
    }
  /* Translators: %s is the list of each member's vote; zh_CN “记名表决：%s” */
  sentence = g_strdup_printf (_("Roll call: %s"), line->str);
  g_string_free (line, TRUE);
  paragraph (akn, sentence);
}

static void
write_motion (Akn   *akn,
              guint  index)
{
  const YishiSnapshotMotion *motion = akn->meeting->motions->pdata[index];
  g_autofree char *description = describe_motion (akn->meeting, index);
  g_autofree char *movers = describe_movers (motion);
  g_autofree char *vote = describe_vote (motion);
  g_autofree char *motion_id = g_strdup_printf ("motion_%u", index + 1);
  g_autofree char *vote_id = g_strdup_printf ("motion_%u__vote", index + 1);

  start (akn, "narrative");
  attr (akn, "eId", motion_id);
  text (akn, description);
  end (akn);
  if (movers != NULL)
    paragraph (akn, movers);
  start (akn, "narrative");
  attr (akn, "eId", vote_id);
  text (akn, vote);
  end (akn);
  write_roll_call_choices (akn, motion);
}

static void
write_resolution (Akn   *akn,
                  guint  index)
{
  const YishiSnapshotResolution *resolution = akn->meeting->resolutions->pdata[index];
  g_autofree char *id = g_strdup_printf ("resolution_%u", index + 1);
  /* Translators: the heading of a resolution (决议), numbered through the minutes */
  g_autofree char *heading = g_strdup_printf (_("Resolution %u"), index + 1);
  GString *details = g_string_new (NULL);
  YishiFollowUp follow_up = YISHI_FOLLOW_UP_OPEN;

  if (resolution->responsible != NULL && *resolution->responsible != '\0')
    /* Translators: %s is a name (责任人) */
    g_string_append_printf (details, _("Responsible: %s. "), resolution->responsible);
  if (resolution->due_on != NULL && *resolution->due_on != '\0')
    /* Translators: %s is a date (完成时限) */
    g_string_append_printf (details, _("Due: %s. "), resolution->due_on);
  yishi_follow_up_from_key (resolution->follow_up, &follow_up);
  /* Translators: %s is the follow-up state, such as “In progress” */
  g_string_append_printf (details, _("Follow-up: %s."), yishi_follow_up_label (follow_up));

  start (akn, "resolutions");
  attr (akn, "eId", id);
  _yishi_xml_out_element (&akn->out, "heading", heading);
  paragraph (akn, resolution->text);
  paragraph (akn, details->str);
  end (akn);
  g_string_free (details, TRUE);
}

static void
write_item (Akn   *akn,
            guint  index)
{
  const YishiMeetingSnapshot *meeting = akn->meeting;
  const YishiSnapshotItem *item = meeting->items->pdata[index];
  g_autofree char *id = g_strdup_printf ("dbsect_%u", index + 1);
  g_autofree char *number = yishi_agenda_number (item->position);

  start (akn, "debateSection");
  attr (akn, "eId", id);
  attr (akn, "name", "agendaItem");
  _yishi_xml_out_element (&akn->out, "num", g_strstrip (number));
  _yishi_xml_out_element (&akn->out, "heading", item->title);
  write_discussion (akn, index + 1, yishi_minutes_get_discussion (akn->minutes, item->id));
  for (guint i = 0; i < meeting->motions->len; i++)
    if (((const YishiSnapshotMotion *) meeting->motions->pdata[i])->item_id == item->id)
      write_motion (akn, i);
  for (guint i = 0; i < meeting->resolutions->len; i++)
    if (((const YishiSnapshotResolution *) meeting->resolutions->pdata[i])->item_id == item->id)
      write_resolution (akn, i);
  end (akn);
}

static void
write_loose_resolutions (Akn *akn)
{
  const YishiMeetingSnapshot *meeting = akn->meeting;
  gboolean started = FALSE;

  for (guint i = 0; i < meeting->resolutions->len; i++)
    {
      if (((const YishiSnapshotResolution *) meeting->resolutions->pdata[i])->item_id != 0)
        continue;
      if (!started)
        {
          start (akn, "debateSection");
          attr (akn, "eId", "dbsect_resolutions");
          attr (akn, "name", "resolutions");
          /* Translators: the heading of resolutions that belong to no agenda item */
          _yishi_xml_out_element (&akn->out, "heading", _("Other resolutions"));
          started = TRUE;
        }
      write_resolution (akn, i);
    }
  if (started)
    end (akn);
}

static void
write_lines (Akn        *akn,
             const char *lines)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    if (*g_strstrip (split[i]) != '\0')
      paragraph (akn, split[i]);
}

static void
write_other_matters (Akn *akn)
{
  const char *other = akn->minutes->other_matters;

  if (other == NULL || *other == '\0')
    return;
  start (akn, "debateSection");
  attr (akn, "eId", "dbsect_other");
  attr (akn, "name", "otherMatters");
  /* Translators: the heading of the minutes' other matters (其他事项) */
  _yishi_xml_out_element (&akn->out, "heading", _("Other matters"));
  write_lines (akn, other);
  end (akn);
}

static void
write_body (Akn *akn)
{
  start (akn, "debateBody");
  write_roll_call (akn);
  for (guint i = 0; i < akn->meeting->items->len; i++)
    write_item (akn, i);
  write_loose_resolutions (akn);
  write_other_matters (akn);
  end (akn);
}

/* ---- conclusions ---- */

static char *
describe_approval (const YishiMinutes *minutes)
{
  g_autofree char *date = date_of (minutes->approved_at);

  switch (minutes->approval)
    {
    case YISHI_APPROVAL_CHAIR:
      /* Translators: the chair's name, then a date */
      return g_strdup_printf (_("Approved by the chair, %1$s, on %2$s."), minutes->approved_by,
                              date != NULL ? date : "");
    case YISHI_APPROVAL_VOTE:
      /* Translators: the title of the later meeting that approved the minutes, then a date */
      return g_strdup_printf (_("Approved by a vote at “%1$s” on %2$s."),
                              minutes->approval_meeting != NULL ? minutes->approval_meeting : "",
                              date != NULL ? date : "");
    case YISHI_APPROVAL_NONE:
    default:
      /* Translators: %s is the state of the minutes, such as “Draft” */
      return g_strdup_printf (_("Not approved yet (%s)."), yishi_minutes_state_label (minutes->state));
    }
}

static void
write_conclusions (Akn *akn)
{
  const YishiMinutes *minutes = akn->minutes;
  g_autofree char *approval = describe_approval (minutes);

  start (akn, "conclusions");
  paragraph (akn, approval);
  for (guint i = 0; minutes->corrigenda != NULL && i < minutes->corrigenda->len; i++)
    {
      const YishiCorrigendum *corrigendum = minutes->corrigenda->pdata[i];
      g_autofree char *date = date_of (corrigendum->made_at);
      /* Translators: a correction after approval (更正): its date, then its text */
      g_autofree char *line = g_strdup_printf (_("Corrigendum of %1$s: %2$s"), date != NULL ? date : "",
                                               corrigendum->text);

      paragraph (akn, line);
    }
  /* Translators: a signature line; zh_CN “主持人（签字）：________” */
  paragraph (akn, _("Chair (signature): ________"));
  /* Translators: a signature line; zh_CN “记录人（签字）：________” */
  paragraph (akn, _("Secretary (signature): ________"));
  if (minutes->digest != NULL)
    {
      g_autofree char *short_digest = g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST);
      /* Translators: %s is the short digest of the approved minutes, as in every export's footer */
      g_autofree char *line = g_strdup_printf (_("Digest: %s"), short_digest);

      paragraph (akn, line);
    }
  end (akn);
}

static void
write_document (Akn *akn)
{
  start (akn, "akomaNtoso");
  attr (akn, "xmlns", YISHI_AKN_NAMESPACE);
  start (akn, "debate");
  attr (akn, "name", "minutes");
  write_meta (akn);
  write_preface (akn);
  write_body (akn);
  write_conclusions (akn);
  end (akn);
  end (akn);
}

gboolean
yishi_minutes_write_akn (const YishiMinutes  *minutes,
                         const char          *path,
                         GError             **error)
{
  Akn akn = { 0 };
  gboolean ok;

  g_return_val_if_fail (minutes != NULL && minutes->meeting != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  akn.minutes = minutes;
  akn.meeting = minutes->meeting;
  akn.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  akn.names = g_ptr_array_new_with_free_func (g_free);
  akn.date = date_of (minutes->meeting->starts_at);
  if (akn.date == NULL)
    akn.date = g_strdup ("1970-01-01");
  collect_people (&akn);

  _yishi_xml_out_init (&akn.out);
  write_document (&akn);
  ok = _yishi_xml_out_save (&akn.out, path, error);
  _yishi_xml_out_clear (&akn.out);
  g_hash_table_unref (akn.people);
  g_ptr_array_unref (akn.names);
  g_free (akn.date);
  return ok;
}
