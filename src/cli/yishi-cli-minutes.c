#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-error.h"
#include "yishi-meeting-text.h"
#include "yishi-minutes-export.h"
#include "yishi-minutes-store.h"
#include "yishi-minutes-xml.h"

/* `yishictl minutes`: the minutes (会议记录) of a closed meeting, from
 * draft to frozen, their exports, and the check of their digests; and
 * `yishictl import`, which reads an exported copy into another
 * database. */

/* A meeting's id as the only argument. */
static gboolean
parse_meeting (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               gint64           *out_id)
{
  return yishi_cli_parse (context, argc, argv, 1, 1) &&
         yishi_cli_parse_id ("MEETING", (*argv)[1], out_id);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static const char *
approval_key (YishiApprovalKind approval)
{
  switch (approval)
    {
    case YISHI_APPROVAL_CHAIR:
      return "chair";
    case YISHI_APPROVAL_VOTE:
      return "vote";
    case YISHI_APPROVAL_NONE:
    default:
      return NULL;
    }
}

static void
add_approval (JsonBuilder        *builder,
              const YishiMinutes *minutes)
{
  json_builder_set_member_name (builder, "approval");
  if (minutes->approval == YISHI_APPROVAL_NONE)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_member (builder, "by", approval_key (minutes->approval));
  add_member (builder, "approved_by", minutes->approved_by);
  add_member (builder, "approved_at", minutes->approved_at);
  json_builder_set_member_name (builder, "motion_id");
  if (minutes->approval == YISHI_APPROVAL_VOTE)
    json_builder_add_int_value (builder, minutes->approval_motion_id);
  else
    json_builder_add_null_value (builder);
  add_member (builder, "meeting", minutes->approval_meeting);
  json_builder_end_object (builder);
}

/* The secretary's text per agenda item, with the item it belongs to. */
static void
add_items (JsonBuilder        *builder,
           const YishiMinutes *minutes)
{
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < minutes->meeting->items->len; i++)
    {
      const YishiSnapshotItem *agenda = minutes->meeting->items->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "item_id");
      json_builder_add_int_value (builder, agenda->id);
      add_member (builder, "title", agenda->title);
      add_member (builder, "discussion", yishi_minutes_get_discussion (minutes, agenda->id));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_corrigenda (JsonBuilder        *builder,
                const YishiMinutes *minutes)
{
  json_builder_set_member_name (builder, "corrigenda");
  json_builder_begin_array (builder);
  for (guint i = 0; i < minutes->corrigenda->len; i++)
    {
      const YishiCorrigendum *corrigendum = minutes->corrigenda->pdata[i];

      json_builder_begin_object (builder);
      add_member (builder, "uuid", corrigendum->uuid);
      add_member (builder, "text", corrigendum->text);
      add_member (builder, "made_at", corrigendum->made_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
minutes_json (const YishiMinutes *minutes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *short_digest = minutes->digest != NULL
                                  ? g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, minutes->id);
  add_member (builder, "uuid", minutes->uuid);
  json_builder_set_member_name (builder, "meeting_id");
  json_builder_add_int_value (builder, minutes->meeting->id);
  add_member (builder, "meeting", minutes->meeting->title);
  add_member (builder, "council", minutes->meeting->council);
  add_member (builder, "state", yishi_minutes_state_to_key (minutes->state));
  add_member (builder, "submitted_at", minutes->submitted_at);
  add_approval (builder, minutes);
  add_member (builder, "frozen_at", minutes->frozen_at);
  add_member (builder, "digest", minutes->digest);
  add_member (builder, "short_digest", short_digest);
  add_member (builder, "previous_digest", minutes->digest != NULL ? minutes->previous_digest : NULL);
  add_items (builder, minutes);
  add_member (builder, "other_matters", minutes->other_matters);
  add_corrigenda (builder, minutes);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* “By the chair, 王桂兰”, or “By a vote at 第三次会议 (motion 12)”. */
static char *
approval_text (const YishiMinutes *minutes)
{
  switch (minutes->approval)
    {
    case YISHI_APPROVAL_CHAIR:
      /* Translators: how minutes were approved; %s is the chair's name */
      return g_strdup_printf (_("By the chair, %s"), minutes->approved_by);
    case YISHI_APPROVAL_VOTE:
      /* Translators: how minutes were approved; a meeting's title and a motion's id */
      return g_strdup_printf (_("By a vote at “%s” (motion %" PRId64 ")"),
                              minutes->approval_meeting ? minutes->approval_meeting : "",
                              (int64_t) minutes->approval_motion_id);
    case YISHI_APPROVAL_NONE:
    default:
      /* Translators: how minutes were approved, when they are not yet */
      return g_strdup (_("Not yet"));
    }
}

/* A stored time as people read it: local, to the minute; NULL for none. */
static char *
local_time (const char *timestamp)
{
  g_autoptr(GDateTime) time = yishi_parse_timestamp (timestamp);
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;
}

/* "Label: value" lines, the labels aligned. */
static void
print_minutes (const YishiMinutes *minutes)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("ll");

  /* Translators: labels of `yishictl minutes show` */
  yishi_cli_table_add (table, _("Meeting:"));
  yishi_cli_table_add (table, minutes->meeting->title);
  yishi_cli_table_add (table, _("State:"));
  yishi_cli_table_add (table, yishi_minutes_state_label (minutes->state));
  yishi_cli_table_add (table, _("Submitted:"));
  yishi_cli_table_take (table, local_time (minutes->submitted_at));
  yishi_cli_table_add (table, _("Approval:"));
  yishi_cli_table_take (table, approval_text (minutes));
  yishi_cli_table_add (table, _("Approved:"));
  yishi_cli_table_take (table, local_time (minutes->approved_at));
  yishi_cli_table_add (table, _("Frozen:"));
  yishi_cli_table_take (table, local_time (minutes->frozen_at));
  yishi_cli_table_add (table, _("Digest:"));
  yishi_cli_table_add (table, minutes->digest);
  yishi_cli_table_add (table, _("Previous digest:"));
  if (minutes->digest == NULL)
    yishi_cli_table_add (table, NULL);
  else if (minutes->previous_digest == NULL || *minutes->previous_digest == '\0')
    /* Translators: in place of the previous digest, for the council's first approved minutes */
    yishi_cli_table_add (table, _("none: the council’s first approved minutes"));
  else
    yishi_cli_table_add (table, minutes->previous_digest);
  yishi_cli_table_add (table, _("Agenda items:"));
  yishi_cli_table_take (table, g_strdup_printf ("%u", minutes->items->len));
  yishi_cli_table_add (table, _("Corrigenda:"));
  yishi_cli_table_take (table, g_strdup_printf ("%u", minutes->corrigenda->len));
  yishi_cli_table_print (table);
}

static int
minutes_show (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the minutes as one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("MEETING"),
      N_("Shows the minutes of a closed meeting: their state, approval and digest. The first time, "
         "this makes them as a draft from the meeting’s record."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;

  if (!parse_meeting (context, &argc, &argv, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (minutes = yishi_minutes_store_get (db, meeting_id, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = minutes_json (minutes);

      yishi_cli_print_json (node);
    }
  else
    print_minutes (minutes);
  return YISHI_CLI_EXIT_OK;
}

static int
minutes_export (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *format_key = NULL, *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_key,
      N_("xml (Yishi’s own, for archives and import), odt, pdf or akn (Akoma Ntoso)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("MEETING"),
      N_("Writes the minutes of a closed meeting as a file, in any state; the footer carries the "
         "short digest once they are approved."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GError) error = NULL;
  YishiMinutesFormat format;
  gint64 meeting_id = 0;

  if (!parse_meeting (context, &argc, &argv, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  if (format_key == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--format");
  if (!yishi_minutes_format_parse (format_key, &format))
    /* Translators: %s is what the user typed; keep the keys untranslated */
    return yishi_cli_usage_error (_("Unknown format “%s”. Use xml, odt, pdf or akn."), format_key);
  if (output == NULL)
    return yishi_cli_usage_error ("%s", _("Say where to write the minutes with --output FILE."));

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (minutes = yishi_minutes_store_get (db, meeting_id, &error)) == NULL ||
      !yishi_minutes_export (minutes, format, output, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

typedef gboolean (*MinutesMove) (YishiDatabase  *db,
                                 gint64          meeting_id,
                                 GError        **error);

/* A command that takes one meeting and makes one move of its minutes. */
static int
run_move (YishiCli     *cli,
          int           argc,
          char        **argv,
          const char   *summary,
          MinutesMove   move)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("MEETING"), summary, NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;

  if (!parse_meeting (context, &argc, &argv, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !move (db, meeting_id, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static int
minutes_submit (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  return run_move (cli, argc, argv, N_("Hands the draft minutes of a meeting to the chair for approval."),
                   yishi_minutes_store_submit);
}

/* A draft is not approved behind the secretary's back: without --submit
 * the store refuses it, and the message says how to go on. */
static void
explain_draft (YishiDatabase  *db,
               gint64          meeting_id,
               GError        **error)
{
  g_autoptr(YishiMinutes) minutes = NULL;

  if (!g_error_matches (*error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION))
    return;
  minutes = yishi_minutes_store_find (db, meeting_id, NULL);
  if (minutes == NULL || minutes->state != YISHI_MINUTES_DRAFT)
    return;

  g_clear_error (error);
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
               /* Translators: a meeting's title, then its id twice */
               _("The minutes of “%s” are still a draft. Submit them first with “yishictl minutes submit "
                 "%" PRId64 "”, or approve them with “yishictl minutes approve %" PRId64 " --submit”."),
               minutes->meeting->title, (int64_t) meeting_id, (int64_t) meeting_id);
}

/* With --submit, a draft is submitted and approved in one transaction. */
static gboolean
approve (YishiDatabase  *db,
         gint64          meeting_id,
         gint64          motion_id,
         gboolean        submit,
         GError        **error)
{
  gboolean approved;

  if (submit)
    return yishi_minutes_store_submit_and_approve (db, meeting_id, motion_id, error);
  approved = motion_id != 0 ? yishi_minutes_store_approve_by_vote (db, meeting_id, motion_id, error)
                            : yishi_minutes_store_approve_by_chair (db, meeting_id, error);
  if (!approved)
    explain_draft (db, meeting_id, error);
  return approved;
}

static int
minutes_approve (YishiCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autofree char *motion = NULL;
  gboolean submit = FALSE;
  const GOptionEntry entries[] = {
    { "by-vote", 0, 0, G_OPTION_ARG_STRING, &motion,
      N_("Approved by this passed motion of a later meeting of the council (default: by the chair)"),
      N_("MOTION") },
    { "submit", 0, 0, G_OPTION_ARG_NONE, &submit,
      N_("Submit the minutes first when they are still a draft"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("MEETING"),
      N_("Approves submitted minutes, by the chair’s sign-off or by a vote at a later meeting, and "
         "prints their digest, chained to the council’s previous approved minutes."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0, motion_id = 0;

  if (!parse_meeting (context, &argc, &argv, &meeting_id) ||
      (motion != NULL && !yishi_cli_parse_id ("--by-vote", motion, &motion_id)))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !approve (db, meeting_id, motion_id, submit, &error) ||
      (minutes = yishi_minutes_store_get (db, meeting_id, &error)) == NULL)
    return yishi_cli_fail (error);
  g_print ("%s\n", minutes->digest);
  return YISHI_CLI_EXIT_OK;
}

static int
minutes_freeze (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  return run_move (cli, argc, argv,
                   N_("Marks approved minutes as filed on paper, signed: nothing in them changes any more."),
                   yishi_minutes_store_freeze);
}

/* The report of the check, on the standard output as its result: one
 * line per mismatch, the meeting, then what is wrong with its minutes. */
static int
report_mismatches (GPtrArray *mismatches)
{
  for (guint i = 0; i < mismatches->len; i++)
    {
      const YishiMinutesMismatch *mismatch = mismatches->pdata[i];

      /* Translators: a meeting's title, then what does not match in its minutes */
      g_print (_("%s: %s\n"), mismatch->meeting, mismatch->problem);
    }
  g_print (ngettext ("%u mismatch found.\n", "%u mismatches found.\n", mismatches->len), mismatches->len);
  return YISHI_CLI_EXIT_FAILURE;
}

static int
verify_database (YishiCli   *cli,
                 const char *meeting)
{
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;
  gint64 n = 1;

  if (meeting != NULL && !yishi_cli_parse_id ("--meeting", meeting, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (mismatches = yishi_minutes_store_verify (db, meeting_id, &error)) == NULL ||
      (meeting_id == 0 && (n = yishi_minutes_store_count_approved (db, &error)) < 0))
    return yishi_cli_fail (error);
  if (mismatches->len > 0)
    return report_mismatches (mismatches);

  if (n == 0)
    {
      g_print ("%s\n", _("No minutes are approved yet: there is no digest to check."));
      return YISHI_CLI_EXIT_OK;
    }
  /* Translators: every approved minutes checked (one meeting's, or all N) matched its digest */
  g_print (ngettext ("%u approved minutes matches its digest.\n", "All %u approved minutes match their digests.\n",
                     (gulong) n), (guint) n);
  return YISHI_CLI_EXIT_OK;
}

/* An exported copy, checked on its own: its digest against what it
 * holds. */
static int
verify_file (const char *path)
{
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;

  if ((mismatches = yishi_minutes_xml_verify (path, &error)) == NULL)
    return yishi_cli_fail (error);
  if (mismatches->len > 0)
    return report_mismatches (mismatches);

  /* Translators: %s is a file's name */
  g_print (_("%s: the minutes match their digest.\n"), path);
  return YISHI_CLI_EXIT_OK;
}

static int
minutes_verify (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *meeting = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("Check the minutes of this meeting only"),
      N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("[FILE.xml]"),
      N_("Checks the digests of every approved minutes in the database, and the chain linking "
         "them, or those of one meeting, or an exported XML file. Exits with 1 and names each "
         "minutes that no longer matches."), entries);

  if (!yishi_cli_parse (context, &argc, &argv, 0, 1))
    return YISHI_CLI_EXIT_USAGE;
  if (argc > 1 && meeting != NULL)
    return yishi_cli_usage_error ("%s", _("Check either a file or a meeting, not both."));
  if (argc > 1)
    return verify_file (argv[1]);
  return verify_database (cli, meeting);
}

/* Each file in its own transaction, in the order given; the first that
 * fails stops the rest, and those before it stay imported. */
static gboolean
import_file (YishiDatabase  *db,
             const char     *path,
             GError        **error)
{
  g_autoptr(YishiMinutes) minutes = yishi_minutes_xml_read (path, error);
  gboolean created = FALSE;

  /* the reader's messages name the file already; the store's do not */
  if (minutes == NULL)
    return FALSE;
  if (!yishi_minutes_store_import (db, minutes, &created, error))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_prefix_error (error, "%s: ", shown);
      return FALSE;
    }
  if (created)
    /* Translators: a meeting's title */
    g_print (_("Imported the minutes of “%s”.\n"), minutes->meeting->title);
  else
    /* Translators: a meeting's title */
    g_print (_("The minutes of “%s” are here already: nothing changed.\n"), minutes->meeting->title);
  return TRUE;
}

/* `yishictl import`: minutes exported from another database. */
int
yishi_cli_import (YishiCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("FILE.xml…"),
      N_("Imports minutes exported as XML from another database, with the meeting they record, "
         "keyed by UUID: importing a file again changes nothing. Their digest must match."), NULL);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 1, G_MAXINT))
    return YISHI_CLI_EXIT_USAGE;
  if ((db = yishi_cli_open_database (cli, TRUE, &error)) == NULL)
    return yishi_cli_fail (error);
  for (int i = 1; i < argc; i++)
    if (!import_file (db, argv[i], &error))
      return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand minutes_commands[] = {
  { "show", minutes_show, N_("Show a meeting’s minutes: state, approval and digest") },
  { "export", minutes_export, N_("Write the minutes as XML, ODT, PDF or Akoma Ntoso") },
  { "submit", minutes_submit, N_("Hand draft minutes to the chair") },
  { "approve", minutes_approve, N_("Approve submitted minutes, by the chair or by a vote") },
  { "freeze", minutes_freeze, N_("Mark approved minutes as signed and filed") },
  { "verify", minutes_verify, N_("Check the digests of approved minutes, or of an exported file") },
  { NULL }
};

int
yishi_cli_minutes (YishiCli  *cli,
                   int        argc,
                   char     **argv)
{
  return yishi_cli_dispatch (cli, "minutes", minutes_commands, argc - 1, argv + 1);
}
