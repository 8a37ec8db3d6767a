#include "config.h"

#include <glib/gi18n.h>

#include "yishi-doc-print.h"
#include "yishi-file-choice.h"
#include "yishi-meeting-text.h"
#include "yishi-minutes-dialogs.h"
#include "yishi-minutes-doc.h"
#include "yishi-minutes-export.h"
#include "yishi-minutes-store.h"
#include "yishi-minutes-view.h"
#include "yishi-motion-row.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* What one trip to the worker does. Every trip first stores the text
 * typed since the last save, when there is some, and comes back with
 * the minutes read afresh. */
typedef enum
{
  MINUTES_LOAD,
  MINUTES_SAVE,
  MINUTES_SUBMIT,
  MINUTES_REOPEN,
  MINUTES_APPROVE,
  MINUTES_APPROVE_BY_VOTE,
  MINUTES_FREEZE,
  MINUTES_CORRIGENDUM,
  MINUTES_EXPORT,
  MINUTES_PRINT,
} MinutesOp;

typedef struct
{
  MinutesOp           op;
  YishiDatabase      *db;            /* the one the job was asked of */
  gint64              meeting_id;
  GStrv               discussions;   /* NULL: nothing to store first */
  char               *other_matters;
  guint               edits;         /* the view's edit count when sent */
  gint64              motion_id;     /* approving by a vote */
  char               *text;          /* a corrigendum */
  char               *path;          /* export, print to a file */
  YishiMinutesFormat  format;
} MinutesJob;

struct _YishiMinutesView
{
  GtkWidget       parent_instance;

  YishiSession   *session;
  gint64          meeting_id;
  gboolean        closed;
  YishiMinutes   *minutes;
  GPtrArray      *discussion_views; /* GtkTextView, one per agenda item */
  guint           edits;            /* text changes typed, ever */
  guint           saved_edits;      /* … of which stored */
  gboolean        filling;
  MinutesJob     *running;
  GQueue          queue;            /* MinutesJob waiting their turn */
  GCancellable   *cancellable;

  /* template children */
  GtkStack       *pages;
  GtkLabel       *state_label;
  GtkLabel       *digest_label;
  GtkWidget      *save_button;
  GtkWidget      *submit_button;
  GtkWidget      *reopen_button;
  GtkWidget      *approve_button;
  GtkWidget      *approve_vote_button;
  GtkWidget      *corrigendum_button;
  GtkWidget      *freeze_button;
  GtkLabel       *title_label;
  GtkGrid        *facts_grid;
  GtkBox         *items_box;
  GtkTextView    *other_view;
  GtkWidget      *corrigenda_heading;
  GtkLabel       *corrigenda_label;
};

G_DEFINE_FINAL_TYPE (YishiMinutesView, yishi_minutes_view, GTK_TYPE_WIDGET)

static void run_next (YishiMinutesView *self);

static void
minutes_job_free (MinutesJob *job)
{
  g_object_unref (job->db);
  g_strfreev (job->discussions);
  g_free (job->other_matters);
  g_free (job->text);
  g_free (job->path);
  g_free (job);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
has_changes (YishiMinutesView *self)
{
  return self->minutes != NULL && self->minutes->state == YISHI_MINUTES_DRAFT &&
         self->edits != self->saved_edits;
}

/* The text as typed, for the worker to store before anything else. */
static void
take_text (YishiMinutesView *self,
           MinutesJob       *job)
{
  GPtrArray *texts;

  job->edits = self->edits;
  if (!has_changes (self))
    return;
  texts = g_ptr_array_new ();
  for (guint i = 0; i < self->discussion_views->len; i++)
    g_ptr_array_add (texts, buffer_text (self->discussion_views->pdata[i]));
  g_ptr_array_add (texts, NULL);
  job->discussions = (GStrv) g_ptr_array_free (texts, FALSE);
  job->other_matters = buffer_text (self->other_view);
}

/* Facts from the record */

/* A stored timestamp as the local “YYYY-MM-DD HH:MM”. */
static char *
format_time (const char *timestamp)
{
  g_autoptr(GDateTime) parsed = yishi_parse_timestamp (timestamp);
  g_autoptr(GDateTime) local = parsed ? g_date_time_to_local (parsed) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (timestamp ? timestamp : "");
}

static char *
join_names (GPtrArray *names)
{
  if (names->len == 0)
    /* Translators: no absent members, or no observers, in the minutes: 无 */
    return g_strdup (C_("minutes", "None"));
  g_ptr_array_add (names, NULL);
  /* Translators: between names in a list of the minutes: “、” in Chinese */
  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

static char *
describe_absent (const YishiMeetingSnapshot *meeting)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < meeting->attendance->len; i++)
    {
      const YishiSnapshotAttendance *member = meeting->attendance->pdata[i];

      if (member->status == YISHI_ATTENDANCE_EXCUSED)
        /* Translators: an absent member with leave in the minutes: 王桂兰（请假） */
        g_ptr_array_add (names, g_strdup_printf (_("%s (excused)"), member->name));
      else if (member->status == YISHI_ATTENDANCE_ABSENT)
        g_ptr_array_add (names, g_strdup (member->name));
    }
  return join_names (names);
}

static char *
describe_observers (const YishiMeetingSnapshot *meeting)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < meeting->observers->len; i++)
    g_ptr_array_add (names, ((YishiSnapshotObserver *) meeting->observers->pdata[i])->name);
  return join_names (names);
}

static GtkWidget *
fact_label (const char *text,
            gboolean    name)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* names and values of mixed scripts line up on their first line */
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  if (name)
    gtk_widget_add_css_class (label, "dim-label");
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

static void
add_fact (YishiMinutesView *self,
          int               row,
          const char       *name,
          const char       *value)
{
  GtkWidget *name_label = fact_label (name, TRUE);
  GtkWidget *value_label = fact_label (*value != '\0' ? value : "—", FALSE);

  gtk_grid_attach (self->facts_grid, name_label, 0, row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  name_label, NULL, -1);
}

static void
show_facts (YishiMinutesView *self)
{
  const YishiMeetingSnapshot *meeting = self->minutes->meeting;
  g_autofree char *time = g_strdup_printf ("%.16s", meeting->starts_at);
  g_autofree char *members = g_strdup_printf ("%u", meeting->members);
  g_autofree char *present = g_strdup_printf ("%u", meeting->present);
  g_autofree char *absent = describe_absent (meeting);
  g_autofree char *observers = describe_observers (meeting);
  /* Translators: the title of the minutes: 佳园社区居民议事会会议记录 is “%s会议记录” */
  g_autofree char *title = g_strdup_printf (_("Minutes of %s"), meeting->title);
  GtkWidget *child;
  int row = 0;

  gtk_label_set_label (self->title_label, title);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);
  /* Translators: the header of the minutes: 会议时间 */
  add_fact (self, row++, C_("minutes", "Time"), time);
  /* Translators: 会议地点 */
  add_fact (self, row++, C_("minutes", "Place"), meeting->place);
  /* Translators: 主持人 */
  add_fact (self, row++, C_("minutes", "Chair"), meeting->chair);
  /* Translators: 记录人 */
  add_fact (self, row++, C_("minutes", "Secretary"), meeting->secretary);
  /* Translators: 应到人数 */
  add_fact (self, row++, C_("minutes", "Members"), members);
  /* Translators: 实到人数 */
  add_fact (self, row++, C_("minutes", "Present"), present);
  /* Translators: 缺席人员 */
  add_fact (self, row++, C_("minutes", "Absent"), absent);
  /* Translators: 列席人员 */
  add_fact (self, row, C_("minutes", "Observers"), observers);
}

/* Agenda items */

static GtkWidget *
line_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
verdict_class (const YishiSnapshotMotion *motion)
{
  if (!motion->voted)
    return "dim-label";
  return motion->verdict == YISHI_VOTE_VERDICT_PASSED ? "success" : "error";
}

/* The motion, how it was put, and what the vote decided: facts. */
static void
add_motion (GtkBox                    *box,
            const YishiSnapshotMotion *motion)
{
  g_autofree char *rule = yishi_vote_rule_describe (&motion->rule);
  g_autofree char *result = yishi_motion_describe_result (motion);
  g_autofree char *text = motion->parent_id != 0
    ? g_strdup_printf (_("Amendment: %s"), motion->text)
    /* Translators: a motion (动议) in the minutes */
    : g_strdup_printf (_("Motion: %s"), motion->text);
  g_autofree char *how = g_strdup_printf ("%s · %s", yishi_vote_form_label (motion->form), rule);

  gtk_box_append (box, line_label (text, NULL));
  gtk_box_append (box, line_label (how, "dim-label"));
  gtk_box_append (box, line_label (motion->voted ? result : _("Not voted yet"), verdict_class (motion)));
}

static void
add_resolution (GtkBox                        *box,
                const YishiSnapshotResolution *resolution)
{
  /* Translators: a resolution (决议) in the minutes */
  g_autofree char *text = g_strdup_printf (_("Resolution: %s"), resolution->text);
  GString *who = g_string_new (NULL);
  g_autofree char *line = NULL;

  if (*resolution->responsible != '\0')
    g_string_append_printf (who, _("Responsible: %s"), resolution->responsible);
  if (resolution->due_on != NULL)
    {
      if (who->len > 0)
        g_string_append (who, " · ");
      g_string_append_printf (who, _("Due: %s"), resolution->due_on);
    }
  line = g_string_free (who, FALSE);
  gtk_box_append (box, line_label (text, NULL));
  if (*line != '\0')
    gtk_box_append (box, line_label (line, "dim-label"));
}

static void
text_changed_cb (YishiMinutesView *self)
{
  if (!self->filling)
    self->edits++;
}

static GtkWidget *
make_text_view (YishiMinutesView *self,
                const char       *text,
                const char       *accessible_name)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab leaves the text, so the page can be crossed with the keyboard */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 100);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  return view;
}

static void
add_item (YishiMinutesView        *self,
          const YishiSnapshotItem *item)
{
  const YishiMeetingSnapshot *meeting = self->minutes->meeting;
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  g_autofree char *number = yishi_agenda_number (item->position);
  g_autofree char *heading = g_strconcat (number, item->title, NULL);
  /* Translators: the accessible name of the text of one agenda item in the minutes; %s is “一、item title” */
  g_autofree char *name = g_strdup_printf (_("Discussion of %s"), heading);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = make_text_view (self, yishi_minutes_get_discussion (self->minutes, item->id), name);
  /* Translators: over the secretary's text for one agenda item: 讨论情况 */
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Discussion"));

  gtk_box_append (box, line_label (heading, "title-4"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (box, frame);
  g_ptr_array_add (self->discussion_views, view);
  for (guint i = 0; i < meeting->motions->len; i++)
    if (((YishiSnapshotMotion *) meeting->motions->pdata[i])->item_id == item->id)
      add_motion (box, meeting->motions->pdata[i]);
  for (guint i = 0; i < meeting->resolutions->len; i++)
    if (((YishiSnapshotResolution *) meeting->resolutions->pdata[i])->item_id == item->id)
      add_resolution (box, meeting->resolutions->pdata[i]);
  gtk_box_append (self->items_box, GTK_WIDGET (box));
}

/* Resolutions of the meeting as a whole, after the items, as printed. */
static void
add_other_resolutions (YishiMinutesView *self)
{
  const GPtrArray *resolutions = self->minutes->meeting->resolutions;
  GtkBox *box = NULL;

  for (guint i = 0; i < resolutions->len; i++)
    {
      const YishiSnapshotResolution *resolution = resolutions->pdata[i];

      if (resolution->item_id != 0)
        continue;
      if (box == NULL)
        {
          box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
          /* Translators: a heading in the minutes over resolutions of no agenda item (其他决议) */
          gtk_box_append (box, line_label (_("Other Resolutions"), "title-4"));
          gtk_box_append (self->items_box, GTK_WIDGET (box));
        }
      add_resolution (box, resolution);
    }
}

static void
show_items (YishiMinutesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  g_ptr_array_set_size (self->discussion_views, 0);
  for (guint i = 0; i < self->minutes->meeting->items->len; i++)
    add_item (self, self->minutes->meeting->items->pdata[i]);
  add_other_resolutions (self);
}

static void
show_corrigenda (YishiMinutesView *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *shown = NULL;

  for (guint i = 0; i < self->minutes->corrigenda->len; i++)
    {
      const YishiCorrigendum *corrigendum = self->minutes->corrigenda->pdata[i];
      g_autofree char *made_at = format_time (corrigendum->made_at);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* Translators: one correction of approved minutes: its date and time, then its text */
      g_string_append_printf (text, C_("corrigendum", "%s: %s"), made_at, corrigendum->text);
    }
  shown = g_string_free (text, FALSE);
  gtk_label_set_label (self->corrigenda_label, shown);
  gtk_widget_set_visible (self->corrigenda_heading, *shown != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->corrigenda_label), *shown != '\0');
}

/* The state line and what can be done in that state */

static char *
describe_state (const YishiMinutes *minutes)
{
  g_autofree char *submitted_at = format_time (minutes->submitted_at);
  g_autofree char *approved_at = format_time (minutes->approved_at);

  switch (minutes->state)
    {
    case YISHI_MINUTES_DRAFT:
      /* Translators: the state of the minutes */
      return g_strdup (_("Draft"));
    case YISHI_MINUTES_SUBMITTED:
      /* Translators: %s the date and time the minutes went to the chair */
      return g_strdup_printf (_("Submitted to the chair on %s"), submitted_at);
    case YISHI_MINUTES_APPROVED:
    case YISHI_MINUTES_FROZEN:
    default:
      break;
    }
  if (minutes->approval == YISHI_APPROVAL_VOTE)
    /* Translators: the date and time of approval, then the later meeting whose vote approved the minutes */
    return g_strdup_printf (_("Approved on %s by a vote at %s"), approved_at,
                            minutes->approval_meeting ? minutes->approval_meeting : "");
  /* Translators: the date and time of approval, then the chair's name */
  return g_strdup_printf (_("Approved on %s by the chair, %s"), approved_at, minutes->approved_by);
}

static void
show_state (YishiMinutesView *self)
{
  const YishiMinutes *minutes = self->minutes;
  YishiMinutesState state = minutes->state;
  g_autofree char *line = describe_state (minutes);
  gboolean approved = state == YISHI_MINUTES_APPROVED || state == YISHI_MINUTES_FROZEN;

  if (state == YISHI_MINUTES_FROZEN)
    {
      g_autofree char *approval = g_steal_pointer (&line);
      g_autofree char *frozen_at = format_time (minutes->frozen_at);

      /* Translators: the state of filed minutes: when they were frozen, then how they were approved */
      line = g_strdup_printf (_("Frozen on %s · %s"), frozen_at, approval);
    }
  /* cut short beside the buttons when the window is narrow: the tooltip has it all */
  gtk_label_set_label (self->state_label, line);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_label), line);
  if (approved && minutes->digest != NULL)
    {
      g_autofree char *digest = g_strdup_printf (_("Digest: %.*s"), YISHI_MINUTES_SHORT_DIGEST, minutes->digest);

      gtk_label_set_label (self->digest_label, digest);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->digest_label), minutes->digest);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->digest_label), approved && minutes->digest != NULL);

  gtk_widget_set_visible (self->save_button, state == YISHI_MINUTES_DRAFT);
  gtk_widget_set_visible (self->submit_button, state == YISHI_MINUTES_DRAFT);
  gtk_widget_set_visible (self->reopen_button, state == YISHI_MINUTES_SUBMITTED);
  gtk_widget_set_visible (self->approve_button, state == YISHI_MINUTES_SUBMITTED);
  gtk_widget_set_visible (self->approve_vote_button, state == YISHI_MINUTES_SUBMITTED);
  gtk_widget_set_visible (self->freeze_button, state == YISHI_MINUTES_APPROVED);
  gtk_widget_set_visible (self->corrigendum_button, approved);

  /* the store takes text in draft only: anything typed later would be lost */
  for (guint i = 0; i < self->discussion_views->len; i++)
    gtk_text_view_set_editable (self->discussion_views->pdata[i], state == YISHI_MINUTES_DRAFT);
  gtk_text_view_set_editable (self->other_view, state == YISHI_MINUTES_DRAFT);
}

static void
update_actions (YishiMinutesView *self)
{
  gboolean ready = self->minutes != NULL && self->running == NULL;
  YishiMinutesState state = self->minutes ? self->minutes->state : YISHI_MINUTES_DRAFT;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "minutes.save", ready && state == YISHI_MINUTES_DRAFT);
  gtk_widget_action_set_enabled (widget, "minutes.submit", ready && state == YISHI_MINUTES_DRAFT);
  gtk_widget_action_set_enabled (widget, "minutes.reopen", ready && state == YISHI_MINUTES_SUBMITTED);
  gtk_widget_action_set_enabled (widget, "minutes.approve", ready && state == YISHI_MINUTES_SUBMITTED);
  gtk_widget_action_set_enabled (widget, "minutes.approve-by-vote", ready && state == YISHI_MINUTES_SUBMITTED);
  gtk_widget_action_set_enabled (widget, "minutes.freeze", ready && state == YISHI_MINUTES_APPROVED);
  gtk_widget_action_set_enabled (widget, "minutes.add-corrigendum",
                                 ready && (state == YISHI_MINUTES_APPROVED || state == YISHI_MINUTES_FROZEN));
  gtk_widget_action_set_enabled (widget, "minutes.export", ready);
  gtk_widget_action_set_enabled (widget, "minutes.print", ready);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  g_autofree char *shown = buffer_text (view);

  /* the same text is left alone, and with it the cursor */
  if (g_strcmp0 (shown, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/* The items are built again only for other minutes: after a save or a
 * change of state the same text views stay, and so does the focus. */
static void
fill_text (YishiMinutesView *self,
           gboolean          rebuild)
{
  const GPtrArray *items = self->minutes->meeting->items;

  self->filling = TRUE;
  if (rebuild || self->discussion_views->len != items->len)
    show_items (self);
  else
    for (guint i = 0; i < items->len; i++)
      set_text (self->discussion_views->pdata[i],
                yishi_minutes_get_discussion (self->minutes, ((YishiSnapshotItem *) items->pdata[i])->id));
  set_text (self->other_view, self->minutes->other_matters);
  self->filling = FALSE;
}

/* Text typed while the worker was busy stays as typed: the page is
 * filled again only when nothing is waiting to be stored. */
static void
show_minutes (YishiMinutesView *self,
              YishiMinutes     *minutes)
{
  gboolean same = self->minutes != NULL && self->minutes->id == minutes->id;

  if (same && has_changes (self))
    {
      g_clear_pointer (&self->minutes, yishi_minutes_free);
      self->minutes = minutes;
    }
  else
    {
      g_clear_pointer (&self->minutes, yishi_minutes_free);
      self->minutes = minutes;
      self->saved_edits = self->edits;
      fill_text (self, !same);
    }
  show_facts (self);
  show_corrigenda (self);
  show_state (self);
  gtk_stack_set_visible_child_name (self->pages, "minutes");
}

/* The worker */

static gboolean
run_step (YishiDatabase     *db,
          const MinutesJob  *job,
          GError           **error)
{
  switch (job->op)
    {
    case MINUTES_SUBMIT:
      return yishi_minutes_store_submit (db, job->meeting_id, error);
    case MINUTES_REOPEN:
      return yishi_minutes_store_reopen (db, job->meeting_id, error);
    case MINUTES_APPROVE:
      return yishi_minutes_store_approve_by_chair (db, job->meeting_id, error);
    case MINUTES_APPROVE_BY_VOTE:
      return yishi_minutes_store_approve_by_vote (db, job->meeting_id, job->motion_id, error);
    case MINUTES_FREEZE:
      return yishi_minutes_store_freeze (db, job->meeting_id, error);
    case MINUTES_CORRIGENDUM:
      return yishi_minutes_store_add_corrigendum (db, job->meeting_id, job->text, error) > 0;
    case MINUTES_LOAD:
    case MINUTES_SAVE:
    case MINUTES_EXPORT:
    case MINUTES_PRINT:
    default:
      return TRUE;
    }
}

static gpointer
minutes_func (YishiDatabase   *db,
              gpointer         data,
              GCancellable    *cancellable,
              GDestroyNotify  *out_free,
              GError         **error)
{
  const MinutesJob *job = data;
  g_autoptr(YishiMinutes) minutes = NULL;

  *out_free = (GDestroyNotify) yishi_minutes_free;
  if (job->discussions != NULL &&
      !yishi_minutes_store_save (db, job->meeting_id, (const char * const *) job->discussions,
                                 g_strv_length (job->discussions), job->other_matters, error))
    return NULL;
  if (!run_step (db, job, error))
    return NULL;
  minutes = yishi_minutes_store_get (db, job->meeting_id, error);
  if (minutes != NULL && job->op == MINUTES_EXPORT &&
      !yishi_minutes_export (minutes, job->format, job->path, error))
    return NULL;
  return g_steal_pointer (&minutes);
}

static const char *
error_title (MinutesOp op)
{
  switch (op)
    {
    case MINUTES_LOAD:
      return _("The Minutes Could Not Be Read");
    case MINUTES_EXPORT:
      return _("The Minutes Could Not Be Exported");
    case MINUTES_PRINT:
      return _("The Minutes Could Not Be Printed");
    case MINUTES_SAVE:
      return _("The Minutes Could Not Be Saved");
    case MINUTES_SUBMIT:
    case MINUTES_REOPEN:
    case MINUTES_APPROVE:
    case MINUTES_APPROVE_BY_VOTE:
    case MINUTES_FREEZE:
    case MINUTES_CORRIGENDUM:
    default:
      return _("The Minutes Could Not Change");
    }
}

static void
toast (YishiMinutesView *self,
       const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (YISHI_IS_WINDOW (root))
    yishi_window_show_toast (YISHI_WINDOW (root), adw_toast_new (text));
}

static void
print_minutes (YishiMinutesView *self,
               const MinutesJob *job)
{
  YishiDoc *doc = yishi_minutes_doc_build (self->minutes);
  g_autoptr(GError) error = NULL;

  if (job->path == NULL)
    yishi_doc_print_run (GTK_WIDGET (self), doc, error_title (MINUTES_PRINT));
  else if (!yishi_doc_print_export (doc, job->path, &error))
    yishi_window_show_error (GTK_WIDGET (self), error_title (MINUTES_PRINT), error);
}

static void
job_done (YishiMinutesView *self,
          const MinutesJob *job,
          YishiMinutes     *minutes)
{
  if (job->discussions != NULL && job->meeting_id == self->meeting_id)
    self->saved_edits = job->edits;
  if (job->meeting_id != self->meeting_id)
    {
      yishi_minutes_free (minutes);
      return;
    }
  show_minutes (self, minutes);
  if (job->op == MINUTES_PRINT)
    print_minutes (self, job);
  else if (job->op == MINUTES_EXPORT)
    /* Translators: a toast after saving the minutes as a file */
    toast (self, _("Minutes exported"));
  else if (job->op == MINUTES_SAVE)
    /* Translators: a toast after saving the minutes */
    toast (self, _("Minutes saved"));
}

static void
minutes_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(YishiMinutesView) self = user_data;
  g_autoptr(GError) error = NULL;
  MinutesJob *job = g_steal_pointer (&self->running);
  YishiMinutes *minutes = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      minutes_job_free (job);
      return;
    }
  if (minutes == NULL)
    yishi_window_show_error (GTK_WIDGET (self), error_title (job->op), error);
  else
    job_done (self, job, minutes);
  minutes_job_free (job);
  update_actions (self);
  run_next (self);
}

static void
run_next (YishiMinutesView *self)
{
  if (self->running != NULL || g_queue_is_empty (&self->queue))
    return;
  self->running = g_queue_pop_head (&self->queue);
  update_actions (self);
  yishi_store_run_async (self->running->db, minutes_func, self->running, NULL, self->cancellable,
                         minutes_done_cb, g_object_ref (self));
}

/* Jobs go one at a time, in order: a save sent on leaving the page is
 * stored before the page is read again on coming back. */
static MinutesJob *
queue_job (YishiMinutesView *self,
           MinutesOp         op)
{
  MinutesJob *job = g_new0 (MinutesJob, 1);

  job->op = op;
  job->db = g_object_ref (yishi_session_get_database (self->session));
  job->meeting_id = self->meeting_id;
  take_text (self, job);
  g_queue_push_tail (&self->queue, job);
  return job;
}

static void
load (YishiMinutesView *self)
{
  if (self->session == NULL || !self->closed)
    return;
  queue_job (self, MINUTES_LOAD);
  run_next (self);
}

static void
save_if_changed (YishiMinutesView *self)
{
  if (self->session != NULL && has_changes (self))
    {
      queue_job (self, MINUTES_SAVE);
      run_next (self);
    }
}

/* The page is read when it shows, and what was typed is kept when it
 * goes (another page, another meeting, the window closing). */
static void
map_cb (YishiMinutesView *self)
{
  if (self->closed && (self->minutes == NULL || !has_changes (self)))
    load (self);
}

static void
unmap_cb (YishiMinutesView *self)
{
  save_if_changed (self);
}

/* Actions */

static void
run_op (YishiMinutesView *self,
        MinutesOp         op)
{
  if (self->minutes == NULL)
    return;
  queue_job (self, op);
  run_next (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_op (YISHI_MINUTES_VIEW (widget), MINUTES_SAVE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_op (YISHI_MINUTES_VIEW (widget), MINUTES_SUBMIT);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_op (YISHI_MINUTES_VIEW (widget), MINUTES_REOPEN);
}

static void
confirmed_cb (AdwMessageDialog *dialog,
              const char       *response,
              YishiMinutesView *self)
{
  if (g_str_equal (response, "approve"))
    run_op (self, MINUTES_APPROVE);
  else if (g_str_equal (response, "freeze"))
    run_op (self, MINUTES_FREEZE);
}

static void
confirm (YishiMinutesView *self,
         const char       *heading,
         const char       *body,
         const char       *response,
         const char       *label)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (widget);
  g_autofree char *body = NULL;

  if (self->minutes == NULL)
    return;
  /* Translators: %s is the chair's name, or “The chair” when the meeting has none on record */
  body = g_strdup_printf (_("%s signs the minutes off. Approved minutes never change: a correction is added "
                            "as a corrigendum."),
                          *self->minutes->meeting->chair != '\0' ? self->minutes->meeting->chair
                                                                   : _("The chair"));
  confirm (self, _("Approve the Minutes?"), body, "approve", _("_Approve"));
}

static void
freeze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  confirm (YISHI_MINUTES_VIEW (widget), _("Freeze the Minutes?"),
           _("Freeze once the signed paper copy is filed. Corrigenda can still be added."),
           "freeze", _("_Freeze"));
}

static void
motion_chosen (GtkWidget *widget,
               gint64     motion_id)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (widget);

  if (self->minutes == NULL || self->minutes->state != YISHI_MINUTES_SUBMITTED)
    return;
  queue_job (self, MINUTES_APPROVE_BY_VOTE)->motion_id = motion_id;
  run_next (self);
}

static void
approve_by_vote_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (widget);

  if (self->minutes != NULL)
    yishi_minutes_choose_approval (widget, self->session, self->minutes->meeting, motion_chosen);
}

static void
corrigendum_given (GtkWidget  *widget,
                   const char *text)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (widget);

  if (self->minutes == NULL)
    return;
  queue_job (self, MINUTES_CORRIGENDUM)->text = g_strdup (text);
  run_next (self);
}

static void
add_corrigendum_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  yishi_minutes_ask_corrigendum (widget, corrigendum_given);
}

/* Export */

typedef struct
{
  const char         *key;
  YishiMinutesFormat  format;
  const char         *extension;
  const char         *filter;
} ExportFormat;

static const ExportFormat *
find_format (const char *key)
{
  static const ExportFormat formats[] = {
    /* Translators: file types in the Save dialog of the minutes */
    { "pdf", YISHI_MINUTES_FORMAT_PDF, "pdf", N_("PDF document (.pdf)") },
    { "odt", YISHI_MINUTES_FORMAT_ODT, "odt", N_("ODF text document (.odt)") },
    { "xml", YISHI_MINUTES_FORMAT_XML, "xml", N_("Yishi minutes XML (.xml)") },
    { "akn", YISHI_MINUTES_FORMAT_AKN, "akn.xml", N_("Akoma Ntoso XML (.xml)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].key, key))
      return &formats[i];
  return NULL;
}

static void
export_chosen (GtkWidget  *widget,
               const char *path,
               gpointer    user_data)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (widget);
  const ExportFormat *format = user_data;
  MinutesJob *job;

  if (self->minutes == NULL)
    return;
  job = queue_job (self, MINUTES_EXPORT);
  job->format = format->format;
  job->path = g_strdup (path);
  run_next (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (widget);
  const ExportFormat *format = find_format (g_variant_get_string (parameter, NULL));
  g_autofree char *pattern = NULL;
  g_autofree char *name = NULL;

  if (self->minutes == NULL || format == NULL)
    return;
  pattern = g_strconcat ("*.", g_str_has_suffix (format->extension, "xml") ? "xml" : format->extension, NULL);
  /* Translators: the suggested file name of the minutes; %s is the meeting's title, then the extension */
  name = g_strdup_printf (_("%s minutes.%s"), self->minutes->meeting->title, format->extension);
  yishi_file_choice_run (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export the Minutes"), name,
                         _(format->filter), (const char * const []) { pattern, NULL },
                         export_chosen, (gpointer) format, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_op (YISHI_MINUTES_VIEW (widget), MINUTES_PRINT);
}

static void
yishi_minutes_view_dispose (GObject *object)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, (GDestroyNotify) minutes_job_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_MINUTES_VIEW);
  g_clear_pointer (&self->minutes, yishi_minutes_free);
  g_clear_pointer (&self->discussion_views, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_minutes_view_parent_class)->dispose (object);
}

static void
yishi_minutes_view_finalize (GObject *object)
{
  YishiMinutesView *self = YISHI_MINUTES_VIEW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (yishi_minutes_view_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, pages);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, state_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, digest_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, save_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, approve_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, approve_vote_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, corrigendum_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, title_label);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, items_box);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, other_view);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, corrigenda_heading);
  gtk_widget_class_bind_template_child (widget_class, YishiMinutesView, corrigenda_label);
}

static void
yishi_minutes_view_class_init (YishiMinutesViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = yishi_minutes_view_dispose;
  object_class->finalize = yishi_minutes_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-minutes-view.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "minutes.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "minutes.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "minutes.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "minutes.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "minutes.approve-by-vote", NULL, approve_by_vote_action);
  gtk_widget_class_install_action (widget_class, "minutes.freeze", NULL, freeze_action);
  gtk_widget_class_install_action (widget_class, "minutes.add-corrigendum", NULL, add_corrigendum_action);
  gtk_widget_class_install_action (widget_class, "minutes.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "minutes.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "minutes.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "minutes.print", NULL);
}

static void
yishi_minutes_view_init (YishiMinutesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->discussion_views = g_ptr_array_new ();
  g_queue_init (&self->queue);
  g_signal_connect_object (gtk_text_view_get_buffer (self->other_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
  g_signal_connect_swapped (self, "unmap", G_CALLBACK (unmap_cb), self);
  update_actions (self);
}

void
yishi_minutes_view_set_meeting (YishiMinutesView *self,
                                YishiSession     *session,
                                gint64            meeting_id,
                                gboolean          closed)
{
  g_return_if_fail (YISHI_IS_MINUTES_VIEW (self));

  if (self->meeting_id == meeting_id && self->closed == closed && self->session == session)
    return;
  /* what was typed for the meeting left behind is stored first */
  save_if_changed (self);
  g_set_object (&self->session, session);
  self->meeting_id = meeting_id;
  self->closed = closed;
  g_clear_pointer (&self->minutes, yishi_minutes_free);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->pages, "waiting");
  if (closed && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

gboolean
yishi_minutes_view_has_changes (YishiMinutesView *self)
{
  g_return_val_if_fail (YISHI_IS_MINUTES_VIEW (self), FALSE);

  return has_changes (self);
}

void
yishi_minutes_view_print_to_file (YishiMinutesView *self,
                                  const char       *path)
{
  g_return_if_fail (YISHI_IS_MINUTES_VIEW (self));
  g_return_if_fail (path != NULL);

  if (self->minutes == NULL)
    return;
  queue_job (self, MINUTES_PRINT)->path = g_strdup (path);
  run_next (self);
}
