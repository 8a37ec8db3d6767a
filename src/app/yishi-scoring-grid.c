#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-labels.h"
#include "yishi-scoring-grid-private.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

/* The scoring grid's life: reading the contest for a judge, the judge
 * list, and the state that decides whether scores can be typed. The
 * cells themselves are in yishi-scoring-cells.c, the score sheets and
 * their import in yishi-scoring-files.c. */

G_DEFINE_FINAL_TYPE (YishiScoringGrid, yishi_scoring_grid, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (YishiScoringGrid *self);

typedef struct
{
  gint64 contest_id;
  gint64 judge_id;
} LoadRequest;

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  const LoadRequest *request = data;

  *out_free = (GDestroyNotify) yishi_scoring_data_free;
  return yishi_scoring_data_read (db, request->contest_id, request->judge_id, error);
}

/* “王芳 (12 of 30 scores in)” for each judge; the chosen one selected. */
static void
fill_judges (YishiScoringGrid *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->data->judges->len; i++)
    {
      const YishiContestJudgeRow *judge = self->data->judges->pdata[i];

      gtk_string_list_append (names, judge->name);
      if (judge->person_id == self->data->judge_id)
        selected = i;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->judge_choice, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->judge_choice, selected);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->judge_choice), self->data->judges->len > 0);
}

static void
show_state (YishiScoringGrid *self)
{
  const char *text = NULL;

  if (self->data->judges->len == 0 || self->data->entries->len == 0 || self->data->criteria->len == 0)
    text = _("Add criteria, judges and proposals on the Setup page first.");
  else if (self->data->contest->state == YISHI_CONTEST_STATE_SETUP)
    text = _("Scores can be typed in once judging has started.");
  else if (self->data->contest->state == YISHI_CONTEST_STATE_PUBLISHED)
    text = _("The results are published: the scores are locked.");
  gtk_label_set_label (self->state_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), text != NULL);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiScoringGrid) self = user_data;
  g_autoptr(GError) error = NULL;
  YishiScoringData *data = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (data == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Scores Could Not Be Read"), error);
      return;
    }
  g_clear_pointer (&self->data, yishi_scoring_data_free);
  self->data = data;
  self->judge_id = data->judge_id;
  fill_judges (self);
  show_state (self);
  _yishi_scoring_grid_show_error (self, NULL);
  _yishi_scoring_grid_build (self);
}

static void
load (YishiScoringGrid *self)
{
  LoadRequest *request;

  if (self->session == NULL)
    return;
  request = g_new0 (LoadRequest, 1);
  request->contest_id = self->contest_id;
  request->judge_id = self->judge_id;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  yishi_store_run_async (yishi_session_get_database (self->session), load_func, request, g_free,
                         self->cancellable, loaded_cb, g_object_ref (self));
}

static void
judge_chosen_cb (YishiScoringGrid *self)
{
  guint position = gtk_drop_down_get_selected (self->judge_choice);
  const YishiContestJudgeRow *judge;

  if (self->filling || self->data == NULL || position >= self->data->judges->len)
    return;
  judge = self->data->judges->pdata[position];
  if (judge->person_id == self->judge_id)
    return;
  self->judge_id = judge->person_id;
  load (self);
}

void
yishi_scoring_grid_set_contest (YishiScoringGrid *self,
                                YishiSession     *session,
                                gint64            contest_id)
{
  g_return_if_fail (YISHI_IS_SCORING_GRID (self));

  g_set_object (&self->session, session);
  if (contest_id != self->contest_id)
    self->judge_id = 0;
  self->contest_id = contest_id;
  load (self);
}

void
yishi_scoring_grid_reload (YishiScoringGrid *self)
{
  g_return_if_fail (YISHI_IS_SCORING_GRID (self));

  load (self);
}

gint64
yishi_scoring_grid_get_judge_id (YishiScoringGrid *self)
{
  g_return_val_if_fail (YISHI_IS_SCORING_GRID (self), 0);

  return self->data != NULL ? self->data->judge_id : 0;
}

gboolean
yishi_scoring_grid_select_judge (YishiScoringGrid *self,
                                 gint64            person_id)
{
  g_return_val_if_fail (YISHI_IS_SCORING_GRID (self), FALSE);

  if (self->data == NULL)
    return FALSE;
  for (guint i = 0; i < self->data->judges->len; i++)
    if (((YishiContestJudgeRow *) self->data->judges->pdata[i])->person_id == person_id)
      {
        gtk_drop_down_set_selected (self->judge_choice, i);
        return TRUE;
      }
  return FALSE;
}

/* For yishi-scoring-files.c: an import changed scores everywhere. */
void
_yishi_scoring_grid_changed (YishiScoringGrid *self)
{
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
yishi_scoring_grid_dispose (GObject *object)
{
  YishiScoringGrid *self = YISHI_SCORING_GRID (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_SCORING_GRID);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->total_labels, g_ptr_array_unref);
  g_clear_pointer (&self->progress_labels, g_ptr_array_unref);
  g_clear_pointer (&self->others_scored, g_free);
  g_clear_pointer (&self->data, yishi_scoring_data_free);

  G_OBJECT_CLASS (yishi_scoring_grid_parent_class)->dispose (object);
}

static void
yishi_scoring_grid_class_init (YishiScoringGridClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_scoring_grid_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-scoring-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiScoringGrid, root_child);
  gtk_widget_class_bind_template_child (widget_class, YishiScoringGrid, judge_choice);
  gtk_widget_class_bind_template_child (widget_class, YishiScoringGrid, judge_progress);
  gtk_widget_class_bind_template_child (widget_class, YishiScoringGrid, state_label);
  gtk_widget_class_bind_template_child (widget_class, YishiScoringGrid, error_label);
  gtk_widget_class_bind_template_child (widget_class, YishiScoringGrid, grid);
  _yishi_scoring_grid_install_file_actions (widget_class);
}

static void
yishi_scoring_grid_init (YishiScoringGrid *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->judge_choice, "notify::selected", G_CALLBACK (judge_chosen_cb), self);
}
