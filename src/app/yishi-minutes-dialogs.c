#include "config.h"

#include <glib/gi18n.h>

#include "yishi-minutes-dialogs.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* Who asked, and what to call with the answer. */
typedef struct
{
  GtkWidget *widget;
  GCallback  func;
  char      *council;
} Asker;

static Asker *
asker_new (GtkWidget  *widget,
           GCallback   func,
           const char *council)
{
  Asker *asker = g_new0 (Asker, 1);

  asker->widget = g_object_ref (widget);
  asker->func = func;
  asker->council = g_strdup (council);
  return asker;
}

static void
asker_free (Asker *asker)
{
  g_object_unref (asker->widget);
  g_free (asker->council);
  g_free (asker);
}

static AdwMessageDialog *
message_dialog (GtkWidget  *widget,
                const char *heading,
                const char *body)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
}

/* Approval by a vote */

typedef struct
{
  gint64  meeting_id;
  gint64  council_id;
  char   *starts_at;
} Query;

typedef struct
{
  gint64  motion_id;
  char   *label;
} Candidate;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->starts_at);
  g_free (query);
}

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->label);
  g_free (candidate);
}

static gboolean
is_later (const YishiMeetingRow *row,
          const Query           *query)
{
  return row->council_id == query->council_id && row->id != query->meeting_id &&
         strcmp (row->starts_at, query->starts_at) > 0;
}

static gboolean
add_passed_motions (YishiDatabase  *db,
                    gint64          meeting_id,
                    GPtrArray      *candidates,
                    GError        **error)
{
  g_autoptr(YishiMeetingSnapshot) meeting = yishi_meeting_store_show (db, meeting_id, error);

  if (meeting == NULL)
    return FALSE;
  for (guint i = 0; i < meeting->motions->len; i++)
    {
      const YishiSnapshotMotion *motion = meeting->motions->pdata[i];
      Candidate *candidate;

      if (!motion->voted || motion->verdict != YISHI_VOTE_VERDICT_PASSED)
        continue;
      candidate = g_new0 (Candidate, 1);
      candidate->motion_id = motion->id;
      /* Translators: a motion to choose in “Approve by a Vote”: the meeting, its date, then the motion */
      candidate->label = g_strdup_printf (_("%s (%.10s): %s"), meeting->title, meeting->starts_at, motion->text);
      g_ptr_array_add (candidates, candidate);
    }
  return TRUE;
}

static gpointer
candidates_func (YishiDatabase   *db,
                 gpointer         data,
                 GCancellable    *cancellable,
                 GDestroyNotify  *out_free,
                 GError         **error)
{
  const Query *query = data;
  g_autoptr(GPtrArray) rows = yishi_meeting_store_list (db, error);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (candidate_free);

  *out_free = (GDestroyNotify) g_ptr_array_unref;
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    if (is_later (rows->pdata[i], query) && !add_passed_motions (db, ((YishiMeetingRow *) rows->pdata[i])->id,
                                                                 candidates, error))
      return NULL;
  return g_steal_pointer (&candidates);
}

static void
approval_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GtkDropDown      *drop_down)
{
  Asker *asker = g_object_get_data (G_OBJECT (dialog), "yishi-asker");
  GPtrArray *candidates = g_object_get_data (G_OBJECT (dialog), "yishi-candidates");
  guint chosen = gtk_drop_down_get_selected (drop_down);

  if (g_str_equal (response, "approve") && chosen < candidates->len)
    ((YishiMotionChosenFunc) asker->func) (asker->widget,
                                           ((Candidate *) candidates->pdata[chosen])->motion_id);
}

static void
show_no_candidates (Asker *asker)
{
  /* Translators: %s is the council */
  g_autofree char *body = g_strdup_printf (_("No later meeting of %s has passed a motion yet. Record the vote "
                                             "that approves these minutes at the next meeting, then come back."),
                                           asker->council);
  AdwMessageDialog *dialog = message_dialog (asker->widget, _("No Approving Vote Yet"), body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Long motions are cut short, so the dialog keeps its width. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static GtkWidget *
make_drop_down (GPtrArray *candidates)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *drop_down;

  for (guint i = 0; i < candidates->len; i++)
    gtk_string_list_append (labels, ((Candidate *) candidates->pdata[i])->label);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the list of passed motions */
                                  _("Approving motion"), -1);
  return drop_down;
}

static void
show_candidates (Asker     *asker,
                 GPtrArray *candidates)
{
  /* Translators: %s is the council */
  g_autofree char *body = g_strdup_printf (_("Choose the motion, passed at a later meeting of %s, that approved "
                                             "these minutes. Approved minutes never change."), asker->council);
  AdwMessageDialog *dialog = message_dialog (asker->widget, _("Approve by a Vote"), body);
  GtkWidget *drop_down = make_drop_down (candidates);

  adw_message_dialog_set_extra_child (dialog, drop_down);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "approve", _("_Approve"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "approve");
  g_object_set_data_full (G_OBJECT (dialog), "yishi-candidates", candidates, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "yishi-asker", asker, (GDestroyNotify) asker_free);
  g_signal_connect (dialog, "response", G_CALLBACK (approval_response_cb), drop_down);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
candidates_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Asker *asker = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *candidates = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (candidates == NULL)
    yishi_window_show_error (asker->widget, _("The Meetings Could Not Be Read"), error);
  else if (candidates->len == 0)
    show_no_candidates (asker);
  if (candidates == NULL || candidates->len == 0)
    {
      g_clear_pointer (&candidates, g_ptr_array_unref);
      asker_free (asker);
      return;
    }
  show_candidates (asker, candidates);
}

void
yishi_minutes_choose_approval (GtkWidget                  *widget,
                               YishiSession               *session,
                               const YishiMeetingSnapshot *meeting,
                               YishiMotionChosenFunc       func)
{
  Query *query;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (meeting != NULL);

  query = g_new0 (Query, 1);
  query->meeting_id = meeting->id;
  query->council_id = meeting->council_id;
  query->starts_at = g_strdup (meeting->starts_at);
  yishi_store_run_async (yishi_session_get_database (session), candidates_func, query, query_free, NULL,
                         candidates_cb, asker_new (widget, G_CALLBACK (func), meeting->council));
}

/* Corrigenda */

static char *
typed_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
corrigendum_changed_cb (GtkTextBuffer    *buffer,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = typed_text (buffer);

  adw_message_dialog_set_response_enabled (dialog, "add", *text != '\0');
}

static void
corrigendum_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GtkTextBuffer    *buffer)
{
  Asker *asker = g_object_get_data (G_OBJECT (dialog), "yishi-asker");
  g_autofree char *text = typed_text (buffer);

  if (g_str_equal (response, "add") && *text != '\0')
    ((YishiTextGivenFunc) asker->func) (asker->widget, text);
}

static GtkWidget *
make_text_entry (GtkTextBuffer *buffer)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the text of a corrigendum (更正) */
                                  _("Corrigendum text"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  return scrolled;
}

void
yishi_minutes_ask_corrigendum (GtkWidget          *widget,
                               YishiTextGivenFunc  func)
{
  AdwMessageDialog *dialog;
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  dialog = message_dialog (widget, _("Add a Corrigendum"),
                           _("The correction is filed with the approved minutes, which stay as they were."));
  adw_message_dialog_set_extra_child (dialog, make_text_entry (buffer));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "yishi-asker", asker_new (widget, G_CALLBACK (func), NULL),
                          (GDestroyNotify) asker_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (corrigendum_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (corrigendum_response_cb), buffer, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
