#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "yishi-cli.h"
#include "yishi-council-store.h"
#include "yishi-meeting-json.h"
#include "yishi-meeting-store.h"

static int
print_id (gint64 id)
{
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return YISHI_CLI_EXIT_OK;
}

/* An optional person: NULL stays 0. */
static gboolean
find_optional_person (YishiDatabase  *db,
                      const char     *name,
                      gint64         *out_id,
                      GError        **error)
{
  *out_id = 0;
  return name == NULL || yishi_council_store_find_person (db, name, out_id, error);
}

static int
meeting_add (YishiCli  *cli,
             int        argc,
             char     **argv)
{
  g_autofree char *council = NULL, *title = NULL, *at = NULL, *place = NULL;
  g_autofree char *chair = NULL, *secretary = NULL;
  const GOptionEntry entries[] = {
    { "council", 0, 0, G_OPTION_ARG_STRING, &council, N_("The council’s id"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The meeting’s title"), N_("TITLE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it starts"), N_("\"YYYY-MM-DD HH:MM\"") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where it takes place"), N_("PLACE") },
    { "chair", 0, 0, G_OPTION_ARG_STRING, &chair, N_("The chair’s name or id"), N_("NAME") },
    { "secretary", 0, 0, G_OPTION_ARG_STRING, &secretary, N_("The secretary’s name or id"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Plans a meeting of a council."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 council_id = 0, chair_id = 0, secretary_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--council", council, &council_id))
    return YISHI_CLI_EXIT_USAGE;
  if (title == NULL || at == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), title == NULL ? "--title" : "--at");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !find_optional_person (db, chair, &chair_id, &error) ||
      !find_optional_person (db, secretary, &secretary_id, &error) ||
      (id = yishi_meeting_store_add (db, council_id, title, at, place, chair_id, secretary_id,
                                     &error)) == 0)
    return yishi_cli_fail (error);
  return print_id (id);
}

static int
meeting_item_add (YishiCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autofree char *meeting = NULL, *title = NULL, *proposal = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting’s id"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The agenda item’s title"), N_("TITLE") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &proposal, N_("The proposal it discusses"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Adds an item at the end of a meeting’s agenda."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0, proposal_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--meeting", meeting, &meeting_id) ||
      (proposal != NULL && !yishi_cli_parse_id ("--proposal", proposal, &proposal_id)))
    return YISHI_CLI_EXIT_USAGE;
  if (title == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--title");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (id = yishi_meeting_store_add_item (db, meeting_id, title, proposal_id, &error)) == 0)
    return yishi_cli_fail (error);
  return print_id (id);
}

static int
meeting_state (YishiCli  *cli,
               int        argc,
               char     **argv)
{
  g_autofree char *meeting = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, "planned|in-session|closed",
      N_("Moves a meeting from planned to in session to closed."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiMeetingState state;
  gint64 meeting_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("--meeting", meeting, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  if (!yishi_meeting_state_from_key (argv[1], &state))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown meeting state “%s”."), argv[1]);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_meeting_store_set_state (db, meeting_id, state, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static int
meeting_attend (YishiCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *meeting = NULL, *person = NULL, *status = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting’s id"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The member’s name or id"), N_("NAME|ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("present, excused or absent"), N_("KEY") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Signs a member in, or records them as excused or absent."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiAttendance key;
  gint64 meeting_id = 0, person_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--meeting", meeting, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  if (person == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--person");
  if (!yishi_attendance_from_key (status, &key))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown attendance “%s”."), status ? status : "");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_council_store_find_person (db, person, &person_id, &error) ||
      !yishi_meeting_store_attend (db, meeting_id, person_id, key, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static int
meeting_observer_add (YishiCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autofree char *meeting = NULL, *person = NULL, *name = NULL;
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The meeting’s id"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The observer’s name or id in the register"),
      N_("NAME|ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The observer’s name, when not in the register"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      /* Translators: an observer is 列席人员, who attends without a vote */
      N_("Adds an observer to a meeting: a person in the register, or a name."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0, person_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--meeting", meeting, &meeting_id))
    return YISHI_CLI_EXIT_USAGE;
  if ((person == NULL) == (name == NULL))
    /* Translators: the two options, which are not translated */
    return yishi_cli_usage_error (_("Give one of %s or %s."), "--person", "--name");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !find_optional_person (db, person, &person_id, &error) ||
      (id = yishi_meeting_store_add_observer (db, meeting_id, person_id, name, &error)) == 0)
    return yishi_cli_fail (error);
  return print_id (id);
}

/* The council's rule, with the majority and the base given on the
 * command line, parsed already into @rule. */
static gboolean
override_rule (YishiDatabase  *db,
               gint64          item_id,
               const char     *majority,
               const char     *base,
               YishiVoteRule  *rule,
               GError        **error)
{
  YishiVoteRule council;

  if (!yishi_meeting_store_get_item_rule (db, item_id, &council, error))
    return FALSE;
  if (majority == NULL)
    rule->majority = council.majority;
  if (base == NULL)
    rule->base = council.base;
  rule->quorum = council.quorum;
  return TRUE;
}

static int
meeting_motion_add (YishiCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autofree char *item = NULL, *text = NULL, *mover = NULL, *form = NULL;
  g_autofree char *majority = NULL, *base = NULL, *parent = NULL;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("The agenda item’s id"), N_("ID") },
    /* Translators: an amendment is 修正案 */
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent,
      N_("The motion this one amends, voted on after this amendment"), N_("MOTION_ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What the motion proposes"), N_("TEXT") },
    { "mover", 0, 0, G_OPTION_ARG_STRING, &mover, N_("Who moves it: a name or id"), N_("NAME") },
    { "majority", 0, 0, G_OPTION_ARG_STRING, &majority,
      N_("The majority, instead of the council’s"), N_("KEY") },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base, N_("The base, instead of the council’s"), N_("KEY") },
    { "form", 0, 0, G_OPTION_ARG_STRING, &form, N_("hands, roll-call or secret (default hands)"),
      N_("KEY") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Puts a motion on an agenda item, with the council’s vote rule unless told otherwise."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiVoteForm form_key = YISHI_VOTE_FORM_HANDS;
  YishiVoteRule rule;
  gint64 item_id = 0, mover_id = 0, parent_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--item", item, &item_id) ||
      (parent != NULL && !yishi_cli_parse_id ("--parent", parent, &parent_id)))
    return YISHI_CLI_EXIT_USAGE;
  if (text == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--text");
  if (form != NULL && !yishi_vote_form_from_key (form, &form_key))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown voting form “%s”."), form);
  if (majority != NULL && !yishi_vote_majority_parse (majority, &rule.majority))
    return yishi_cli_usage_error (_("Unknown majority “%s”."), majority);
  if (base != NULL && !yishi_vote_base_parse (base, &rule.base))
    return yishi_cli_usage_error (_("Unknown base “%s”."), base);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !find_optional_person (db, mover, &mover_id, &error) ||
      !override_rule (db, item_id, majority, base, &rule, &error) ||
      (id = yishi_meeting_store_add_motion (db, item_id, parent_id, text, mover_id, &rule, form_key, &error)) == 0)
    return yishi_cli_fail (error);
  return print_id (id);
}

/* "NAME=yes,NAME=no,…" into entries, people found by name or id. */
static GArray *
parse_roll (YishiDatabase  *db,
            const char     *roll,
            GError        **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (YishiRollCallEntry));
  g_auto(GStrv) parts = g_strsplit (roll, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *equals = strrchr (parts[i], '=');
      YishiRollCallEntry entry;

      if (equals == NULL || (*equals = '\0', !yishi_roll_call_choice_from_key (g_strstrip (equals + 1),
                                                                               &entry.choice)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is a part of --roll the user typed */
                       _("“%s” is not NAME=yes, NAME=no, NAME=abstain or NAME=none."), parts[i]);
          return NULL;
        }
      if (!yishi_council_store_find_person (db, g_strstrip (parts[i]), &entry.person_id, error))
        return NULL;
      g_array_append_val (entries, entry);
    }
  return g_steal_pointer (&entries);
}

static void
print_result (const YishiVoteResult *result)
{
  g_autofree char *share = yishi_vote_format_share (result);

  /* Translators: the verdict key (passed, failed, no-quorum, no-verdict), the votes required, the yes share */
  g_print (_("%s (required %u, yes %s)\n"), yishi_vote_verdict_to_key (result->verdict),
           result->required, share);
}

static gint64
record_vote (YishiDatabase    *db,
             gint64            motion_id,
             const char       *roll,
             const guint       counts[4],
             YishiVoteResult  *result,
             GError          **error)
{
  g_autoptr(GArray) entries = NULL;

  if (roll == NULL)
    return yishi_meeting_store_record_vote (db, motion_id, counts[0], counts[1], counts[2], counts[3],
                                            result, error);
  if ((entries = parse_roll (db, roll, error)) == NULL)
    return 0;
  return yishi_meeting_store_record_roll_call (db, motion_id, (YishiRollCallEntry *) (gpointer) entries->data,
                                               entries->len, result, error);
}

static gboolean
parse_counts (const char * const texts[4],
              guint              counts[4])
{
  static const char * const options[] = { "--yes", "--no", "--abstain", "--invalid" };

  for (guint i = 0; i < 4; i++)
    {
      guint64 value = 0;

      if (texts[i] == NULL && i < 3)
        return yishi_cli_usage_error (_("The option %s is required."), options[i]), FALSE;
      if (texts[i] != NULL && !g_ascii_string_to_unsigned (texts[i], 10, 0, G_MAXUINT, &value, NULL))
        return yishi_cli_usage_error (_("%s takes a whole number from 0 to %u, not “%s”."),
                                      options[i], G_MAXUINT, texts[i]), FALSE;
      counts[i] = (guint) value;
    }
  return TRUE;
}

static int
meeting_vote (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  g_autofree char *motion = NULL, *roll = NULL;
  char *texts[4] = { NULL };
  const GOptionEntry entries[] = {
    { "motion", 0, 0, G_OPTION_ARG_STRING, &motion, N_("The motion’s id"), N_("ID") },
    { "yes", 0, 0, G_OPTION_ARG_STRING, &texts[0], N_("Yes votes"), N_("N") },
    { "no", 0, 0, G_OPTION_ARG_STRING, &texts[1], N_("No votes"), N_("N") },
    { "abstain", 0, 0, G_OPTION_ARG_STRING, &texts[2], N_("Abstentions"), N_("N") },
    { "invalid", 0, 0, G_OPTION_ARG_STRING, &texts[3],
      N_("Invalid ballots, in a secret ballot (default 0)"), N_("N") },
    { "roll", 0, 0, G_OPTION_ARG_STRING, &roll,
      N_("A roll call: each member present and their choice"), N_("NAME=yes,NAME=no,…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Records the vote on a motion: its counts, or a roll call. The members and those present "
         "come from the council and the sign-in; the verdict from the motion’s rule."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiVoteResult result;
  guint counts[4] = { 0 };
  gint64 motion_id = 0;
  gboolean ok;

  ok = yishi_cli_parse (context, &argc, &argv, 0, 0) &&
       yishi_cli_parse_id ("--motion", motion, &motion_id) &&
       (roll != NULL || parse_counts ((const char * const *) texts, counts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
  if (!ok)
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || record_vote (db, motion_id, roll, counts, &result, &error) == 0)
    return yishi_cli_fail (error);
  print_result (&result);
  return YISHI_CLI_EXIT_OK;
}

static int
meeting_resolution_add (YishiCli  *cli,
                        int        argc,
                        char     **argv)
{
  g_autofree char *item = NULL, *text = NULL, *responsible = NULL, *due = NULL;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item, N_("The agenda item’s id"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What was resolved"), N_("TEXT") },
    { "responsible", 0, 0, G_OPTION_ARG_STRING, &responsible,
      N_("Who follows it up: a name or id"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("By when"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Records a resolution on an agenda item, with who follows it up and by when."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id = 0, responsible_id = 0, id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0) ||
      !yishi_cli_parse_id ("--item", item, &item_id))
    return YISHI_CLI_EXIT_USAGE;
  if (text == NULL)
    return yishi_cli_usage_error (_("The option %s is required."), "--text");

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !find_optional_person (db, responsible, &responsible_id, &error) ||
      (id = yishi_meeting_store_add_resolution (db, item_id, 0, text, responsible_id, due, &error)) == 0)
    return yishi_cli_fail (error);
  return print_id (id);
}

static int
meeting_resolution_follow_up (YishiCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autofree char *resolution = NULL;
  const GOptionEntry entries[] = {
    { "resolution", 0, 0, G_OPTION_ARG_STRING, &resolution, N_("The resolution’s id"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, "open|in-progress|done",
      N_("Records how far a resolution has been followed up."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  YishiFollowUp key;
  gint64 resolution_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("--resolution", resolution, &resolution_id))
    return YISHI_CLI_EXIT_USAGE;
  if (!yishi_follow_up_from_key (argv[1], &key))
    /* Translators: %s is what the user typed */
    return yishi_cli_usage_error (_("Unknown follow-up state “%s”."), argv[1]);

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || !yishi_meeting_store_set_follow_up (db, resolution_id, key, &error))
    return yishi_cli_fail (error);
  return YISHI_CLI_EXIT_OK;
}

static void
print_motion (const YishiSnapshotMotion *motion)
{
  g_print ("  ");
  if (motion->voted)
    /* Translators: a motion's id and text, then yes, no, abstain and the verdict key */
    g_print (_("Motion %" PRId64 " “%s”: %u yes, %u no, %u abstain: %s\n"), motion->id,
             motion->text, motion->counts.yes, motion->counts.no, motion->counts.abstain,
             yishi_vote_verdict_to_key (motion->verdict));
  else
    /* Translators: a motion's id and text */
    g_print (_("Motion %" PRId64 " “%s”: not voted\n"), motion->id, motion->text);
}

static void
print_speech (const YishiSpeechRow *speech)
{
  g_print ("  ");
  /* Translators: a speech's id, the speaker, which of their turns it is, and its state key */
  g_print (_("Speech %" PRId64 ": %s, turn %u (%s)\n"), speech->id, speech->name, speech->turn,
           yishi_speech_state_to_key (speech->state));
  if (*speech->note != '\0')
    g_print ("    %s\n", speech->note);
}

/* The header, then each agenda item with its motions and speeches. */
static void
print_snapshot (const YishiMeetingSnapshot *snapshot)
{
  /* Translators: a meeting's title, when it starts, and its state key */
  g_print (_("%s — %s (%s)\n"), snapshot->title, snapshot->starts_at,
           yishi_meeting_state_to_key (snapshot->state));
  /* Translators: 应到人数 and 实到人数 */
  g_print (_("Members: %u, present: %u\n"), snapshot->members, snapshot->present);
  if (*snapshot->notice != '\0')
    /* Translators: %s is the meeting's notice (会议通知) */
    g_print (_("Notice: %s\n"), snapshot->notice);
  for (guint i = 0; i < snapshot->items->len; i++)
    {
      const YishiSnapshotItem *item = snapshot->items->pdata[i];

      g_print ("%u. %s\n", item->position, item->title);
      for (guint j = 0; j < snapshot->motions->len; j++)
        if (((YishiSnapshotMotion *) snapshot->motions->pdata[j])->item_id == item->id)
          print_motion (snapshot->motions->pdata[j]);
      for (guint j = 0; j < snapshot->speeches->len; j++)
        if (((YishiSpeechRow *) snapshot->speeches->pdata[j])->item_id == item->id)
          print_speech (snapshot->speeches->pdata[j]);
    }
}

static int
meeting_show (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the meeting as one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, N_("ID"),
      N_("Shows everything about a meeting: attendance, agenda, motions, votes and resolutions."),
      entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMeetingSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting_id = 0;

  if (!yishi_cli_parse (context, &argc, &argv, 1, 1) ||
      !yishi_cli_parse_id ("ID", argv[1], &meeting_id))
    return YISHI_CLI_EXIT_USAGE;

  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (snapshot = yishi_meeting_store_show (db, meeting_id, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = yishi_json_meeting (snapshot);

      yishi_cli_print_json (node);
    }
  else
    print_snapshot (snapshot);
  return YISHI_CLI_EXIT_OK;
}

static JsonNode *
meetings_json (GPtrArray *meetings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < meetings->len; i++)
    {
      const YishiMeetingRow *row = meetings->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, row->id);
      json_builder_set_member_name (builder, "council_id");
      json_builder_add_int_value (builder, row->council_id);
      json_builder_set_member_name (builder, "council");
      json_builder_add_string_value (builder, row->council);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, row->title);
      json_builder_set_member_name (builder, "starts_at");
      json_builder_add_string_value (builder, row->starts_at);
      json_builder_set_member_name (builder, "place");
      json_builder_add_string_value (builder, row->place);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, yishi_meeting_state_to_key (row->state));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
print_meetings (GPtrArray *meetings)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rllll");

  /* Translators: column headings of `yishictl meeting list` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Starts"));
  yishi_cli_table_add (table, C_("column", "Title"));
  yishi_cli_table_add (table, C_("column", "Council"));
  yishi_cli_table_add (table, C_("column", "State"));
  for (guint i = 0; i < meetings->len; i++)
    {
      const YishiMeetingRow *row = meetings->pdata[i];

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, row->id));
      yishi_cli_table_add (table, row->starts_at);
      yishi_cli_table_add (table, row->title);
      yishi_cli_table_add (table, row->council);
      yishi_cli_table_add (table, yishi_meeting_state_to_key (row->state));
    }
  yishi_cli_table_print (table);
}

static int
meeting_list (YishiCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the meetings as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the meetings of every council, the latest first."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (meetings = yishi_meeting_store_list (db, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = meetings_json (meetings);

      yishi_cli_print_json (node);
    }
  else
    print_meetings (meetings);
  return YISHI_CLI_EXIT_OK;
}

static JsonNode *
follow_ups_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const YishiFollowUpRow *row = rows->pdata[i];
      const YishiSnapshotResolution *resolution = &row->resolution;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, resolution->id);
      json_builder_set_member_name (builder, "meeting_id");
      json_builder_add_int_value (builder, row->meeting_id);
      json_builder_set_member_name (builder, "meeting");
      json_builder_add_string_value (builder, row->meeting);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, resolution->text);
      json_builder_set_member_name (builder, "responsible");
      if (*resolution->responsible == '\0')
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, resolution->responsible);
      json_builder_set_member_name (builder, "due_on");
      if (resolution->due_on == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, resolution->due_on);
      json_builder_set_member_name (builder, "follow_up");
      json_builder_add_string_value (builder, resolution->follow_up);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, row->overdue);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
print_follow_ups (GPtrArray *rows)
{
  g_autoptr(YishiCliTable) table = yishi_cli_table_new ("rllllll");

  /* Translators: column headings of `yishictl meeting follow-ups` */
  yishi_cli_table_add (table, C_("column", "ID"));
  yishi_cli_table_add (table, C_("column", "Due"));
  yishi_cli_table_add (table, C_("column", "Overdue"));
  yishi_cli_table_add (table, C_("column", "Follow-up"));
  yishi_cli_table_add (table, C_("column", "Responsible"));
  yishi_cli_table_add (table, C_("column", "Meeting"));
  yishi_cli_table_add (table, C_("column", "Resolution"));
  for (guint i = 0; i < rows->len; i++)
    {
      const YishiFollowUpRow *row = rows->pdata[i];

      yishi_cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, row->resolution.id));
      yishi_cli_table_add (table, row->resolution.due_on ? row->resolution.due_on : "");
      /* Translators: in the Overdue column of `yishictl meeting follow-ups` */
      yishi_cli_table_add (table, row->overdue ? C_("overdue", "yes") : "");
      yishi_cli_table_add (table, row->resolution.follow_up);
      yishi_cli_table_add (table, row->resolution.responsible);
      yishi_cli_table_add (table, row->meeting);
      yishi_cli_table_add (table, row->resolution.text);
    }
  yishi_cli_table_print (table);
}

static int
meeting_follow_ups (YishiCli  *cli,
                    int        argc,
                    char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the follow-ups as one JSON array"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = yishi_cli_context_new (cli, NULL,
      N_("Lists the resolutions not done yet, across meetings, the soonest due first."), entries);
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (!yishi_cli_parse (context, &argc, &argv, 0, 0))
    return YISHI_CLI_EXIT_USAGE;
  db = yishi_cli_open_database (cli, FALSE, &error);
  if (db == NULL || (rows = yishi_meeting_store_list_follow_ups (db, &error)) == NULL)
    return yishi_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonNode) node = follow_ups_json (rows);

      yishi_cli_print_json (node);
    }
  else
    print_follow_ups (rows);
  return YISHI_CLI_EXIT_OK;
}

static const YishiCliCommand observer_commands[] = {
  /* Translators: an observer is 列席人员 */
  { "add", meeting_observer_add, N_("Add an observer") },
  { NULL }
};

static const YishiCliCommand item_commands[] = {
  { "add", meeting_item_add, N_("Add an agenda item") },
  { NULL }
};

static const YishiCliCommand motion_commands[] = {
  { "add", meeting_motion_add, N_("Put a motion on an agenda item") },
  /* Translators: to second is 附议 */
  { "second", yishi_cli_meeting_motion_second, N_("Record who seconds a motion") },
  { NULL }
};

static const YishiCliCommand resolution_commands[] = {
  { "add", meeting_resolution_add, N_("Record a resolution") },
  { "follow-up", meeting_resolution_follow_up, N_("Record how far a resolution is followed up") },
  { NULL }
};

static int
meeting_observer (YishiCli *cli, int argc, char **argv)
{
  return yishi_cli_dispatch (cli, "meeting observer", observer_commands, argc - 1, argv + 1);
}

static int
meeting_item (YishiCli *cli, int argc, char **argv)
{
  return yishi_cli_dispatch (cli, "meeting item", item_commands, argc - 1, argv + 1);
}

static int
meeting_motion (YishiCli *cli, int argc, char **argv)
{
  return yishi_cli_dispatch (cli, "meeting motion", motion_commands, argc - 1, argv + 1);
}

static int
meeting_resolution (YishiCli *cli, int argc, char **argv)
{
  return yishi_cli_dispatch (cli, "meeting resolution", resolution_commands, argc - 1, argv + 1);
}

static const YishiCliCommand meeting_commands[] = {
  { "add", meeting_add, N_("Plan a meeting") },
  /* Translators: the notice is 会议通知 */
  { "notice", yishi_cli_meeting_notice, N_("Write a meeting’s notice") },
  { "item", meeting_item, N_("Add agenda items") },
  { "state", meeting_state, N_("Open or close a meeting") },
  { "attend", meeting_attend, N_("Record a member’s attendance") },
  { "observer", meeting_observer, N_("Add observers") },
  { "motion", meeting_motion, N_("Add motions") },
  { "vote", meeting_vote, N_("Record the vote on a motion") },
  { "resolution", meeting_resolution, N_("Add resolutions") },
  { "show", meeting_show, N_("Show a meeting, as text or as JSON") },
  { "list", meeting_list, N_("List meetings, as a table or as JSON") },
  { "follow-ups", meeting_follow_ups, N_("List resolutions still to follow up, as a table or as JSON") },
  { NULL }
};

int
yishi_cli_meeting (YishiCli  *cli,
                   int        argc,
                   char     **argv)
{
  return yishi_cli_dispatch (cli, "meeting", meeting_commands, argc - 1, argv + 1);
}
