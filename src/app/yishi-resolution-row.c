#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-resolution-row.h"
#include "yishi-store-task.h"
#include "yishi-text.h"
#include "yishi-window.h"

/* How much of a resolution's text names its drop-down to a screen reader. */
#define ACCESSIBLE_TEXT_CHARS 40

struct _YishiResolutionRow
{
  AdwActionRow   parent_instance;

  YishiSession  *session;
  gint64         id;
  gboolean       late;     /* due before today */
  YishiFollowUp  stored;   /* what the database has */
  YishiFollowUp  wanted;   /* what the drop-down shows */
  YishiFollowUp  sending;  /* what the write under way stores */
  gboolean       storing;
  gboolean       updating; /* the drop-down changes from code, not from a person */

  /* template children */
  GtkLabel      *overdue_label;
  GtkDropDown   *follow_up_drop_down;
};

G_DEFINE_FINAL_TYPE (YishiResolutionRow, yishi_resolution_row, ADW_TYPE_ACTION_ROW)

enum {
  FOLLOW_UP_STORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_follow_up (YishiResolutionRow *self,
                YishiFollowUp       follow_up)
{
  self->wanted = follow_up;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->follow_up_drop_down, follow_up);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label),
                          self->late && follow_up != YISHI_FOLLOW_UP_DONE);
}

typedef struct
{
  gint64        id;
  YishiFollowUp follow_up;
} FollowUpRequest;

static gpointer
set_follow_up_func (YishiDatabase   *db,
                    gpointer         data,
                    GCancellable    *cancellable,
                    GDestroyNotify  *out_free,
                    GError         **error)
{
  FollowUpRequest *request = data;

  return GINT_TO_POINTER (yishi_meeting_store_set_follow_up (db, request->id, request->follow_up, error));
}

static void store_follow_up (YishiResolutionRow *self);

static void
follow_up_set_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(YishiResolutionRow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->storing = FALSE;
  if (!yishi_store_run_finish (YISHI_DATABASE (source), result, &error))
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Follow-up Could Not Be Saved"), error);
      show_follow_up (self, self->stored);
      return;
    }

  self->stored = self->sending;
  /* the person chose again while the first choice was being written */
  if (self->wanted != self->stored)
    {
      store_follow_up (self);
      return;
    }
  g_signal_emit (self, signals[FOLLOW_UP_STORED], 0);
}

/* One write at a time, so that the last choice is the one that stays. */
static void
store_follow_up (YishiResolutionRow *self)
{
  FollowUpRequest *request = g_new0 (FollowUpRequest, 1);

  request->id = self->id;
  request->follow_up = self->sending = self->wanted;
  self->storing = TRUE;
  yishi_store_run_async (yishi_session_get_database (self->session), set_follow_up_func, request, g_free,
                         NULL, follow_up_set_cb, g_object_ref (self));
}

static void
follow_up_selected_cb (YishiResolutionRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->follow_up_drop_down);

  if (self->updating || selected > YISHI_FOLLOW_UP_DONE)
    return;

  show_follow_up (self, selected);
  if (!self->storing && self->wanted != self->stored)
    store_follow_up (self);
}

/* Who and by when, joined with “ · ” as in the agenda; the meeting,
 * when given, on a line of its own above. */
static char *
describe (const YishiSnapshotResolution *resolution,
          const char                    *meeting)
{
  GString *text = g_string_new (NULL);

  if (*resolution->responsible != '\0')
    /* Translators: who follows a resolution up: 负责人：王桂兰 */
    g_string_append_printf (text, _("Responsible: %s"), resolution->responsible);
  if (resolution->due_on != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a resolution's deadline: 完成时限：2024-06-30 */
      g_string_append_printf (text, _("Due: %s"), resolution->due_on);
    }
  if (meeting != NULL && text->len > 0)
    g_string_prepend_c (text, '\n');
  if (meeting != NULL)
    g_string_prepend (text, meeting);
  return g_string_free (text, FALSE);
}

/* “Follow-up: 硬化三号楼门前道路…” */
static char *
accessible_name (const char *text)
{
  g_autofree char *shown = yishi_text_shorten (text, ACCESSIBLE_TEXT_CHARS);

  /* Translators: the accessible name of a resolution's follow-up drop-down
   * (跟进情况); %s is its text, cut short */
  return g_strdup_printf (_("Follow-up: %s"), shown);
}

static void
yishi_resolution_row_dispose (GObject *object)
{
  YishiResolutionRow *self = YISHI_RESOLUTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_RESOLUTION_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (yishi_resolution_row_parent_class)->dispose (object);
}

static void
yishi_resolution_row_class_init (YishiResolutionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_resolution_row_dispose;

  signals[FOLLOW_UP_STORED] = g_signal_new ("follow-up-stored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-resolution-row.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, YishiResolutionRow, follow_up_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_selected_cb);
}

static void
yishi_resolution_row_init (YishiResolutionRow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (YishiFollowUp i = YISHI_FOLLOW_UP_OPEN; i <= YISHI_FOLLOW_UP_DONE; i++)
    gtk_string_list_append (labels, yishi_follow_up_label (i));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->follow_up_drop_down, G_LIST_MODEL (labels));
  self->updating = FALSE;
}

GtkWidget *
yishi_resolution_row_new (YishiSession                  *session,
                          const YishiSnapshotResolution *resolution,
                          const char                    *meeting,
                          gboolean                       late)
{
  YishiResolutionRow *self;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (YISHI_IS_SESSION (session), NULL);
  g_return_val_if_fail (resolution != NULL, NULL);

  self = g_object_new (YISHI_TYPE_RESOLUTION_ROW, NULL);
  self->session = g_object_ref (session);
  self->id = resolution->id;
  self->late = late;
  if (!yishi_follow_up_from_key (resolution->follow_up, &self->stored))
    self->stored = YISHI_FOLLOW_UP_OPEN;

  subtitle = describe (resolution, meeting);
  name = accessible_name (resolution->text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), resolution->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_up_drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  show_follow_up (self, self->stored);
  return GTK_WIDGET (self);
}

gint64
yishi_resolution_row_get_id (YishiResolutionRow *self)
{
  g_return_val_if_fail (YISHI_IS_RESOLUTION_ROW (self), 0);

  return self->id;
}

YishiFollowUp
yishi_resolution_row_get_follow_up (YishiResolutionRow *self)
{
  g_return_val_if_fail (YISHI_IS_RESOLUTION_ROW (self), YISHI_FOLLOW_UP_OPEN);

  return self->stored;
}

void
yishi_resolution_row_focus_follow_up (YishiResolutionRow *self)
{
  g_return_if_fail (YISHI_IS_RESOLUTION_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->follow_up_drop_down));
}
