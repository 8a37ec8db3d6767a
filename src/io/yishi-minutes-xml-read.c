#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "yishi-error.h"
#include "yishi-minutes-xml.h"

/* Reading Yishi's minutes XML back into a YishiMinutes. The file may
 * come from anyone: it is parsed without network access, entity
 * substitution or DTD loading, with libxml2's limits on huge texts, and
 * a document type declaration stops the parser at once, before any
 * entity in it is declared. The reader then walks the tree in the order
 * the schema gives, refusing anything else. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  const char *path;
  GError     *error;
} Reader;

static YishiMinutes *
minutes_new (void)
{
  YishiMinutes *minutes = yishi_minutes_new ();

  minutes->meeting->state = YISHI_MEETING_STATE_CLOSED;
  minutes->meeting->notice = g_strdup ("");
  yishi_vote_rule_init_default (&minutes->meeting->council_rule);
  minutes->approved_by = g_strdup ("");
  minutes->previous_digest = g_strdup ("");
  return minutes;
}

/* Sets the reader's error once, naming the file and the line. Returns
 * FALSE, for chaining. */
static gboolean fail (Reader     *reader,
                      xmlNode    *node,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader     *reader,
      xmlNode    *node,
      const char *format,
      ...)
{
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (reader->error != NULL)
    return FALSE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  display_name = g_filename_display_name (reader->path);
  g_set_error (&reader->error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               /* Translators: a file's name, a line number in it, then what is wrong there */
               _("“%s” is not valid Yishi minutes (line %ld): %s"),
               display_name, xmlGetLineNo (node), message);
  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, YISHI_MINUTES_XML_NAMESPACE) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static gboolean
is_blank (xmlNode *node)
{
  return node->type == XML_TEXT_NODE && xmlIsBlankNode (node);
}

/* The next element from @node on, past comments, processing
 * instructions and the white space of indentation. */
static xmlNode *
skip (Reader  *reader,
      xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        return node;
      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE || is_blank (node))
        continue;
      fail (reader, node, _("there is text between elements"));
      return NULL;
    }
  return NULL;
}

/* The element at @cursor if it is @name, moving @cursor past it. */
static xmlNode *
take (Reader      *reader,
      xmlNode    **cursor,
      const char  *name)
{
  xmlNode *node = *cursor;

  if (reader->error != NULL || !is_element (node, name))
    return NULL;
  *cursor = skip (reader, node->next);
  return node;
}

static xmlNode *
expect (Reader      *reader,
        xmlNode    **cursor,
        xmlNode     *parent,
        const char  *name)
{
  xmlNode *node = take (reader, cursor, name);

  if (node == NULL)
    fail (reader, *cursor != NULL ? *cursor : parent,
          /* Translators: two element names, such as <title> and <meeting> */
          _("<%s> is missing in <%s>"), name, (const char *) parent->name);
  return node;
}

/* Nothing may follow what was read of @parent. */
static gboolean
expect_end (Reader  *reader,
            xmlNode *cursor,
            xmlNode *parent)
{
  if (reader->error != NULL)
    return FALSE;
  if (cursor != NULL)
    return fail (reader, cursor,
                 /* Translators: two element names */
                 _("<%s> is not expected here in <%s>"),
                 (const char *) cursor->name, (const char *) parent->name);
  return TRUE;
}

static xmlNode *
first_child (Reader  *reader,
             xmlNode *parent)
{
  return skip (reader, parent->children);
}

/* The text of an element that holds text only. */
static char *
text_of (Reader  *reader,
         xmlNode *node)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type != XML_COMMENT_NODE && child->type != XML_PI_NODE)
        fail (reader, child,
              /* Translators: an element name */
              _("<%s> may hold text only"), (const char *) node->name);
    }
  return g_string_free (text, FALSE);
}

/* The text of the element @name at @cursor, or NULL when it is not
 * there. */
static char *
take_text (Reader      *reader,
           xmlNode    **cursor,
           const char  *name)
{
  xmlNode *node = take (reader, cursor, name);

  return node != NULL ? text_of (reader, node) : NULL;
}

static char *
expect_text (Reader      *reader,
             xmlNode    **cursor,
             xmlNode     *parent,
             const char  *name)
{
  xmlNode *node = expect (reader, cursor, parent, name);

  return node != NULL ? text_of (reader, node) : g_strdup ("");
}

static char *
optional_text (Reader      *reader,
               xmlNode    **cursor,
               const char  *name)
{
  char *text = take_text (reader, cursor, name);

  return text != NULL ? text : g_strdup ("");
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
required_attr (Reader     *reader,
               xmlNode    *node,
               const char *name)
{
  char *value = attr (node, name);

  if (value == NULL)
    {
      fail (reader, node,
            /* Translators: an attribute name, then an element name */
            _("the attribute %s of <%s> is missing"), name, (const char *) node->name);
      return g_strdup ("");
    }
  return value;
}

static gboolean
bad_attr (Reader     *reader,
          xmlNode    *node,
          const char *name,
          const char *value)
{
  return fail (reader, node,
               /* Translators: an attribute name, an element name, then the value found */
               _("the attribute %s of <%s> holds “%s”, which is not allowed there"),
               name, (const char *) node->name, value);
}

static guint
uint_attr (Reader     *reader,
           xmlNode    *node,
           const char *name)
{
  g_autofree char *value = required_attr (reader, node, name);
  guint64 number = 0;

  if (reader->error == NULL &&
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    bad_attr (reader, node, name, value);
  return (guint) number;
}

/* An attribute holding one of an enum's keys: @known says whether
 * its from_key () knew @value. */
static void
check_key (Reader     *reader,
           xmlNode    *node,
           const char *name,
           const char *value,
           gboolean    known)
{
  if (reader->error == NULL && !known)
    bad_attr (reader, node, name, value);
}

static void
read_header (Reader               *reader,
             xmlNode              *node,
             YishiMeetingSnapshot *meeting)
{
  xmlNode *cursor = first_child (reader, node);

  meeting->uuid = required_attr (reader, node, "uuid");
  meeting->council = expect_text (reader, &cursor, node, "council");
  meeting->title = expect_text (reader, &cursor, node, "title");
  meeting->starts_at = expect_text (reader, &cursor, node, "starts-at");
  meeting->place = expect_text (reader, &cursor, node, "place");
  meeting->chair = expect_text (reader, &cursor, node, "chair");
  meeting->secretary = expect_text (reader, &cursor, node, "secretary");
  expect_end (reader, cursor, node);
}

static void
read_attendance (Reader               *reader,
                 xmlNode              *node,
                 YishiMeetingSnapshot *meeting)
{
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;

  meeting->members = uint_attr (reader, node, "members");
  meeting->present = uint_attr (reader, node, "present");
  while ((child = take (reader, &cursor, "member")) != NULL)
    {
      YishiSnapshotAttendance *row = g_new0 (YishiSnapshotAttendance, 1);
      g_autofree char *status = required_attr (reader, child, "status");

      g_ptr_array_add (meeting->attendance, row);
      check_key (reader, child, "status", status, yishi_attendance_from_key (status, &row->status));
      row->signed_in_at = attr (child, "signed-in-at");
      row->name = text_of (reader, child);
    }
  expect_end (reader, cursor, node);
}

static void
read_observers (Reader               *reader,
                xmlNode              *node,
                YishiMeetingSnapshot *meeting)
{
  xmlNode *cursor = first_child (reader, node);
  char *name;

  while ((name = take_text (reader, &cursor, "observer")) != NULL)
    {
      YishiSnapshotObserver *row = g_new0 (YishiSnapshotObserver, 1);

      row->name = name;
      g_ptr_array_add (meeting->observers, row);
    }
  expect_end (reader, cursor, node);
}

static void
read_rule (Reader        *reader,
           xmlNode       *node,
           YishiVoteRule *rule)
{
  g_autofree char *quorum = required_attr (reader, node, "quorum");
  g_autofree char *majority = required_attr (reader, node, "majority");
  g_autofree char *base = required_attr (reader, node, "base");

  check_key (reader, node, "quorum", quorum, yishi_vote_quorum_from_key (quorum, &rule->quorum));
  check_key (reader, node, "majority", majority, yishi_vote_majority_from_key (majority, &rule->majority));
  check_key (reader, node, "base", base, yishi_vote_base_from_key (base, &rule->base));
  expect_end (reader, first_child (reader, node), node);
}

static void
read_vote (Reader              *reader,
           xmlNode             *node,
           YishiSnapshotMotion *motion)
{
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;
  g_autofree char *verdict = NULL;
  YishiVoteResult result;

  motion->voted = TRUE;
  motion->counts.yes = uint_attr (reader, node, "yes");
  motion->counts.no = uint_attr (reader, node, "no");
  motion->counts.abstain = uint_attr (reader, node, "abstain");
  motion->counts.invalid = uint_attr (reader, node, "invalid");
  verdict = required_attr (reader, node, "verdict");
  check_key (reader, node, "verdict", verdict, yishi_vote_verdict_from_key (verdict, &motion->verdict));
  motion->counts.members = uint_attr (reader, node, "members");
  motion->counts.present = uint_attr (reader, node, "present");
  motion->taken_at = attr (node, "taken-at");
  /* what the store keeps alongside; verifying compares the verdicts */
  if (yishi_vote_tally (&motion->counts, &motion->rule, &result, NULL))
    motion->required = result.required;
  while ((child = take (reader, &cursor, "voter")) != NULL)
    {
      YishiSnapshotChoice *choice = g_new0 (YishiSnapshotChoice, 1);
      g_autofree char *key = required_attr (reader, child, "choice");

      g_ptr_array_add (motion->roll_call, choice);
      check_key (reader, child, "choice", key, yishi_roll_call_choice_from_key (key, &choice->choice));
      choice->name = text_of (reader, child);
    }
  expect_end (reader, cursor, node);
}

/* Motions and resolutions take their numbers as ids, put in order and
 * checked once the whole agenda has been read. */
static gint64
number_attr (Reader     *reader,
             xmlNode    *node,
             const char *name)
{
  guint number = uint_attr (reader, node, name);

  if (reader->error == NULL && number == 0)
    bad_attr (reader, node, name, "0");
  return number;
}

static void
read_motion (Reader               *reader,
             xmlNode              *node,
             gint64                item_id,
             YishiMeetingSnapshot *meeting)
{
  YishiSnapshotMotion *motion = yishi_snapshot_motion_new ();
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;
  g_autofree char *form = required_attr (reader, node, "form");

  g_ptr_array_add (meeting->motions, motion);
  motion->item_id = item_id;
  motion->id = number_attr (reader, node, "number");
  if (xmlHasProp (node, (const xmlChar *) "amends"))
    motion->parent_id = number_attr (reader, node, "amends");
  check_key (reader, node, "form", form, yishi_vote_form_from_key (form, &motion->form));
  motion->text = expect_text (reader, &cursor, node, "text");
  motion->mover = optional_text (reader, &cursor, "mover");
  motion->seconder = optional_text (reader, &cursor, "seconder");
  if ((child = expect (reader, &cursor, node, "rule")) != NULL)
    read_rule (reader, child, &motion->rule);
  if ((child = take (reader, &cursor, "vote")) != NULL)
    read_vote (reader, child, motion);
  expect_end (reader, cursor, node);
}

static void
read_resolution (Reader               *reader,
                 xmlNode              *node,
                 gint64                item_id,
                 YishiMeetingSnapshot *meeting)
{
  YishiSnapshotResolution *resolution = g_new0 (YishiSnapshotResolution, 1);
  xmlNode *cursor = first_child (reader, node);
  g_autofree char *key = required_attr (reader, node, "follow-up");
  YishiFollowUp follow_up = YISHI_FOLLOW_UP_OPEN;

  g_ptr_array_add (meeting->resolutions, resolution);
  resolution->item_id = item_id;
  resolution->id = number_attr (reader, node, "number");
  if (xmlHasProp (node, (const xmlChar *) "motion"))
    resolution->motion_id = number_attr (reader, node, "motion");
  resolution->due_on = attr (node, "due-on");
  check_key (reader, node, "follow-up", key, yishi_follow_up_from_key (key, &follow_up));
  resolution->follow_up = g_strdup (yishi_follow_up_to_key (follow_up));
  resolution->text = expect_text (reader, &cursor, node, "text");
  resolution->responsible = optional_text (reader, &cursor, "responsible");
  expect_end (reader, cursor, node);
}

static void
read_item (Reader       *reader,
           xmlNode      *node,
           YishiMinutes *minutes)
{
  YishiMeetingSnapshot *meeting = minutes->meeting;
  YishiSnapshotItem *item = g_new0 (YishiSnapshotItem, 1);
  YishiMinutesItem *text = g_new0 (YishiMinutesItem, 1);
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;

  g_ptr_array_add (meeting->items, item);
  g_ptr_array_add (minutes->items, text);
  item->id = meeting->items->len;
  item->position = uint_attr (reader, node, "position");
  item->title = expect_text (reader, &cursor, node, "title");
  text->agenda_item_id = item->id;
  text->discussion = expect_text (reader, &cursor, node, "discussion");
  while ((child = take (reader, &cursor, "motion")) != NULL)
    read_motion (reader, child, item->id, meeting);
  while ((child = take (reader, &cursor, "resolution")) != NULL)
    read_resolution (reader, child, item->id, meeting);
  expect_end (reader, cursor, node);
}

static void
read_agenda (Reader       *reader,
             xmlNode      *node,
             YishiMinutes *minutes)
{
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;
  guint last_position = 0;

  while ((child = take (reader, &cursor, "item")) != NULL)
    {
      const YishiSnapshotItem *item;

      read_item (reader, child, minutes);
      item = g_ptr_array_index (minutes->meeting->items, minutes->meeting->items->len - 1);
      if (reader->error == NULL && item->position <= last_position)
        fail (reader, child, _("the items are not in the order of their positions"));
      last_position = item->position;
    }
  expect_end (reader, cursor, node);
}

static void
read_loose_resolutions (Reader       *reader,
                        xmlNode      *node,
                        YishiMinutes *minutes)
{
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;

  while ((child = take (reader, &cursor, "resolution")) != NULL)
    read_resolution (reader, child, 0, minutes->meeting);
  expect_end (reader, cursor, node);
}

static void
read_approval (Reader       *reader,
               xmlNode      *node,
               YishiMinutes *minutes)
{
  xmlNode *cursor = first_child (reader, node);
  g_autofree char *by = required_attr (reader, node, "by");

  check_key (reader, node, "by", by, *by != '\0' && yishi_approval_kind_from_key (by, &minutes->approval));
  minutes->approved_at = required_attr (reader, node, "approved-at");
  g_free (minutes->approved_by);
  minutes->approved_by = optional_text (reader, &cursor, "approved-by");
  minutes->approval_meeting = take_text (reader, &cursor, "approval-meeting");
  expect_end (reader, cursor, node);
}

static void
read_corrigenda (Reader       *reader,
                 xmlNode      *node,
                 YishiMinutes *minutes)
{
  xmlNode *cursor = first_child (reader, node);
  xmlNode *child;

  while ((child = take (reader, &cursor, "corrigendum")) != NULL)
    {
      YishiCorrigendum *corrigendum = g_new0 (YishiCorrigendum, 1);

      g_ptr_array_add (minutes->corrigenda, corrigendum);
      corrigendum->uuid = required_attr (reader, child, "uuid");
      corrigendum->made_at = required_attr (reader, child, "made-at");
      corrigendum->text = text_of (reader, child);
    }
  expect_end (reader, cursor, node);
}

static gboolean
is_digest (const char *text)
{
  if (strlen (text) != YISHI_MINUTES_DIGEST_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
read_digest (Reader       *reader,
             xmlNode      *node,
             YishiMinutes *minutes)
{
  g_autofree char *short_digest = required_attr (reader, node, "short");
  g_autofree char *previous = attr (node, "previous");
  g_autofree char *digest = text_of (reader, node);

  if (reader->error != NULL)
    return;
  if (!is_digest (digest))
    fail (reader, node, _("the digest is not 64 hexadecimal digits"));
  else if (strlen (short_digest) != YISHI_MINUTES_SHORT_DIGEST ||
           strncmp (digest, short_digest, YISHI_MINUTES_SHORT_DIGEST) != 0)
    bad_attr (reader, node, "short", short_digest);
  else if (previous != NULL && !is_digest (previous))
    bad_attr (reader, node, "previous", previous);
  if (reader->error != NULL)
    return;
  minutes->digest = g_steal_pointer (&digest);
  g_free (minutes->previous_digest);
  minutes->previous_digest = previous != NULL ? g_steal_pointer (&previous) : g_strdup ("");
}

static gint
compare_motions (gconstpointer a,
                 gconstpointer b)
{
  const YishiSnapshotMotion *motion_a = *(YishiSnapshotMotion * const *) a;
  const YishiSnapshotMotion *motion_b = *(YishiSnapshotMotion * const *) b;

  return motion_a->id < motion_b->id ? -1 : motion_a->id > motion_b->id;
}

static gint
compare_resolutions (gconstpointer a,
                     gconstpointer b)
{
  const YishiSnapshotResolution *resolution_a = *(YishiSnapshotResolution * const *) a;
  const YishiSnapshotResolution *resolution_b = *(YishiSnapshotResolution * const *) b;

  return resolution_a->id < resolution_b->id ? -1 : resolution_a->id > resolution_b->id;
}

/* Motions and resolutions are numbered 1, 2, … through the minutes,
 * each number once, and refer only to motions that exist: an amendment
 * to an earlier motion of its own item. */
static void
check_numbers (Reader               *reader,
               xmlNode              *root,
               YishiMeetingSnapshot *meeting)
{
  g_ptr_array_sort (meeting->motions, compare_motions);
  g_ptr_array_sort (meeting->resolutions, compare_resolutions);
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = meeting->motions->pdata[i];
      const YishiSnapshotMotion *parent = motion->parent_id != 0 && motion->parent_id <= i ?
                                          meeting->motions->pdata[motion->parent_id - 1] : NULL;

      if (motion->id != i + 1)
        fail (reader, root, _("the motions are not numbered 1, 2, 3… through the minutes"));
      else if (motion->parent_id != 0 && (parent == NULL || parent->item_id != motion->item_id))
        fail (reader, root, _("motion %u amends a motion that is not before it in its item"), i + 1);
    }
  for (guint i = 0; i < meeting->resolutions->len; i++)
    {
      const YishiSnapshotResolution *resolution = meeting->resolutions->pdata[i];

      if (resolution->id != i + 1)
        fail (reader, root, _("the resolutions are not numbered 1, 2, 3… through the minutes"));
      else if (resolution->motion_id > meeting->motions->len)
        fail (reader, root, _("resolution %u refers to a motion the minutes do not hold"), i + 1);
    }
}

static void
read_minutes (Reader       *reader,
              xmlNode      *root,
              YishiMinutes *minutes)
{
  xmlNode *cursor = first_child (reader, root);
  xmlNode *child;
  g_autofree char *state = required_attr (reader, root, "state");

  minutes->uuid = required_attr (reader, root, "uuid");
  check_key (reader, root, "state", state, yishi_minutes_state_from_key (state, &minutes->state));
  minutes->submitted_at = attr (root, "submitted-at");
  minutes->frozen_at = attr (root, "frozen-at");
  if ((child = expect (reader, &cursor, root, "meeting")) != NULL)
    read_header (reader, child, minutes->meeting);
  if ((child = expect (reader, &cursor, root, "attendance")) != NULL)
    read_attendance (reader, child, minutes->meeting);
  if ((child = take (reader, &cursor, "observers")) != NULL)
    read_observers (reader, child, minutes->meeting);
  if ((child = expect (reader, &cursor, root, "agenda")) != NULL)
    read_agenda (reader, child, minutes);
  if ((child = take (reader, &cursor, "resolutions")) != NULL)
    read_loose_resolutions (reader, child, minutes);
  minutes->other_matters = optional_text (reader, &cursor, "other-matters");
  if ((child = take (reader, &cursor, "approval")) != NULL)
    read_approval (reader, child, minutes);
  if ((child = take (reader, &cursor, "corrigenda")) != NULL)
    read_corrigenda (reader, child, minutes);
  if ((child = take (reader, &cursor, "digest")) != NULL)
    read_digest (reader, child, minutes);
  if (expect_end (reader, cursor, root))
    check_numbers (reader, root, minutes->meeting);
}

/* Called by the parser on <!DOCTYPE …>, before the declarations in it:
 * stops it there. */
static void
refuse_doctype (void          *data,
                const xmlChar *name,
                const xmlChar *external_id,
                const xmlChar *system_id)
{
  xmlParserCtxtPtr context = data;

  *(gboolean *) context->_private = TRUE;
  xmlStopParser (context);
}

/* The reason is taken from the parser context instead of printed. */
static void
ignore_error (void        *data,
              xmlErrorPtr  error)
{
}

static void
set_parse_error (xmlParserCtxtPtr   context,
                 const char        *path,
                 gboolean           doctype,
                 GError           **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  xmlErrorPtr reason = xmlCtxtGetLastError (context);

  if (doctype)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                 /* Translators: %s is a file name */
                 _("“%s” declares a document type (DOCTYPE), which Yishi minutes never do; it was not read"),
                 display_name);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                 /* Translators: a file name, a line number, then libxml2's reason (in English) */
                 _("“%s” is not well-formed XML (line %d): %s"), display_name,
                 reason != NULL ? reason->line : 0,
                 reason != NULL && reason->message != NULL ? g_strchomp (reason->message) : "");
}

static xmlDoc *
parse (const char  *path,
       const char  *data,
       gsize        length,
       GError     **error)
{
  xmlParserCtxtPtr context = length > 0 ? xmlCreateMemoryParserCtxt (data, (int) length) : NULL;
  gboolean doctype = FALSE;
  xmlDoc *doc;

  /* libxml2 makes no context for an empty file */
  if (context == NULL)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("“%s” is empty, or could not be read as XML"), display_name);
      return NULL;
    }
  /* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE */
  xmlCtxtUseOptions (context, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  context->sax->internalSubset = refuse_doctype;
  context->sax->serror = ignore_error;
  context->_private = &doctype;
  xmlParseDocument (context);
  doc = g_steal_pointer (&context->myDoc);
  if (doctype || !context->wellFormed || doc == NULL)
    {
      set_parse_error (context, path, doctype, error);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (context);
  return doc;
}

/* XML may hold no NUL byte, and libxml2 stops at one with “Premature
 * end of data”, which tells nothing of the cause: say where it is. */
static gboolean
has_nul (const char  *data,
         gsize        length,
         const char  *display_name,
         GError     **error)
{
  const char *nul = memchr (data, '\0', length);
  guint line = 1;

  if (nul == NULL)
    return FALSE;

  for (const char *p = data; (p = memchr (p, '\n', nul - p)) != NULL; p++)
    line++;
  g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
               /* Translators: a file name, then a line number */
               _("“%s” is not well-formed XML (line %u): it holds a NUL byte, which XML never "
                 "does; the file is damaged or not text"),
               display_name, line);
  return TRUE;
}

static xmlDoc *
parse_file (const char  *path,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   /* Translators: a file name, then the reason */
                   _("Could not read “%s”: %s"), display_name, local_error->message);
      return NULL;
    }
  if (length > G_MAXINT)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("“%s” is too large to be minutes"), display_name);
      return NULL;
    }
  if (has_nul (data, length, display_name, error))
    return NULL;
  return parse (path, data, length, error);
}

/* The root must be <minutes> in Yishi's namespace, of a version this
 * Yishi reads. */
static gboolean
check_root (const char  *path,
            xmlNode     *root,
            GError     **error)
{
  g_autofree char *version = NULL;

  if (root == NULL || root->ns == NULL ||
      g_strcmp0 ((const char *) root->ns->href, YISHI_MINUTES_XML_NAMESPACE) != 0 ||
      g_strcmp0 ((const char *) root->name, "minutes") != 0)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_YISHI,
                   /* Translators: a file name, then the XML namespace of Yishi minutes */
                   _("“%s” is not Yishi minutes: its root is not <minutes> in the namespace %s"),
                   display_name, YISHI_MINUTES_XML_NAMESPACE);
      return FALSE;
    }
  version = attr (root, "version");
  if (g_strcmp0 (version, YISHI_MINUTES_XML_VERSION) != 0)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, YISHI_ERROR, YISHI_ERROR_TOO_NEW,
                   /* Translators: a file name, a format version such as 2.0, then 1.0 */
                   _("“%s” is in version %s of the minutes format; this Yishi reads version %s"),
                   display_name, version != NULL ? version : "?", YISHI_MINUTES_XML_VERSION);
      return FALSE;
    }
  return TRUE;
}

YishiMinutes *
yishi_minutes_xml_read (const char  *path,
                        GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  Reader reader = { path, NULL };
  xmlNode *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = parse_file (path, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!check_root (path, root, error))
    return NULL;

  minutes = minutes_new ();
  read_minutes (&reader, root, minutes);
  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }
  return g_steal_pointer (&minutes);
}

gboolean
yishi_minutes_xml_import (YishiDatabase  *db,
                          const char     *path,
                          gboolean       *out_created,
                          GError        **error)
{
  g_autoptr(YishiMinutes) minutes = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  minutes = yishi_minutes_xml_read (path, error);
  return minutes != NULL && yishi_minutes_store_import (db, minutes, out_created, error);
}
