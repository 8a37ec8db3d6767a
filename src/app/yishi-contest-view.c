#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-results-view.h"
#include "yishi-contest-roster.h"
#include "yishi-contest-setup-view.h"
#include "yishi-contest-labels.h"
#include "yishi-contest-view.h"
#include "yishi-money.h"
#include "yishi-scoring-grid.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiContestView
{
  GtkWidget                parent_instance;

  YishiSession            *session;
  gint64                   contest_id;
  YishiContestRow         *contest;
  GCancellable            *cancellable;
  YishiContestSetupView   *setup_view;

  /* template children */
  GtkWidget *root_child;
  GtkLabel                *title_label;
  GtkLabel                *details_label;
  GtkWidget               *start_button;
  GtkWidget               *publish_button;
  AdwViewStack            *view_stack;
  AdwBin                  *setup_slot;
  YishiScoringGrid        *scoring_grid;
  YishiContestResultsView *results_view;
};

G_DEFINE_FINAL_TYPE (YishiContestView, yishi_contest_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* “Organised by 佳园社区居委会 · Community · Budget ¥300,000.00 ·
 * Trimmed mean · Published on 2026-05-20” */
static char *
describe (const YishiContestRow *contest)
{
  g_autofree char *budget = yishi_contest_yuan_text (contest->budget_fen);
  GString *text = g_string_new (NULL);

  if (*contest->organiser != '\0')
    /* Translators: %s is who organises a contest, e.g. 佳园社区居委会 */
    g_string_append_printf (text, _("Organised by %s · "), contest->organiser);
  /* Translators: a contest's scope, its budget and how scores are combined */
  g_string_append_printf (text, _("%s · Budget %s · %s"), yishi_contest_scope_label (contest->scope), budget,
                          yishi_contest_aggregation_label (contest->aggregation));
  g_string_append (text, " · ");
  if (contest->published_on != NULL)
    /* Translators: %s is the day a contest's results were published (公示) */
    g_string_append_printf (text, _("Results published on %s"), contest->published_on);
  else
    g_string_append (text, yishi_contest_state_label (contest->state));
  return g_string_free (text, FALSE);
}

static void
show_contest (YishiContestView *self)
{
  const YishiContestRow *contest = self->contest;
  g_autofree char *details = describe (contest);

  gtk_label_set_label (self->title_label, contest->name);
  gtk_label_set_label (self->details_label, details);
  gtk_widget_set_visible (self->start_button, contest->state == YISHI_CONTEST_STATE_SETUP);
  gtk_widget_set_visible (self->publish_button, contest->state == YISHI_CONTEST_STATE_JUDGING);
}

static gpointer
load_func (YishiDatabase   *db,
           gpointer         data,
           GCancellable    *cancellable,
           GDestroyNotify  *out_free,
           GError         **error)
{
  *out_free = (GDestroyNotify) yishi_contest_row_free;
  return yishi_contest_store_get (db, *(gint64 *) data, error);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiContestView) self = user_data;
  g_autoptr(GError) error = NULL;
  YishiContestRow *contest = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (contest == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Contest Could Not Be Read"), error);
      return;
    }
  g_clear_pointer (&self->contest, yishi_contest_row_free);
  self->contest = contest;
  show_contest (self);
}

static void
load (YishiContestView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  yishi_store_run_async (yishi_session_get_database (self->session), load_func,
                         g_memdup2 (&self->contest_id, sizeof self->contest_id), g_free,
                         self->cancellable, loaded_cb, g_object_ref (self));
}

/* Everything the contest shows is read again: the header, and each page
 * but @source, which is up to date already (a publication changes the
 * setup's buttons, the grid's locks and the results at once). */
static void
reload_all (YishiContestView *self,
            gpointer          source)
{
  load (self);
  if (source != self->setup_view)
    yishi_contest_setup_view_reload (self->setup_view);
  if (source != self->scoring_grid)
    yishi_scoring_grid_reload (self->scoring_grid);
  if (source != self->results_view)
    yishi_contest_results_view_reload (self->results_view);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
part_changed_cb (YishiContestView *self,
                 GtkWidget        *source)
{
  reload_all (self, source);
}

typedef struct
{
  gint64            contest_id;
  YishiContestState state;
} StateChange;

static gpointer
state_func (YishiDatabase   *db,
            gpointer         data,
            GCancellable    *cancellable,
            GDestroyNotify  *out_free,
            GError         **error)
{
  const StateChange *change = data;

  if (!yishi_contest_store_set_state (db, change->contest_id, change->state, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
state_set_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(YishiContestView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (yishi_store_run_finish (YISHI_DATABASE (source), result, &error) == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Contest Could Not Move On"), error);
      return;
    }
  reload_all (self, NULL);
  /* publishing moved proposals: the Proposals page reads them again */
  yishi_session_proposals_changed (self->session);
}

static void
set_state (YishiContestView  *self,
           YishiContestState  state)
{
  StateChange *change = g_new0 (StateChange, 1);

  change->contest_id = self->contest_id;
  change->state = state;
  yishi_store_run_async (yishi_session_get_database (self->session), state_func, change, g_free,
                         self->cancellable, state_set_cb, g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  YishiContestView *self = YISHI_CONTEST_VIEW (widget);

  if (self->contest != NULL)
    set_state (self, YISHI_CONTEST_STATE_JUDGING);
}

static void
publish_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     YishiContestView *self)
{
  if (g_strcmp0 (response, "publish") == 0)
    set_state (self, YISHI_CONTEST_STATE_PUBLISHED);
}

/* How many scores are still missing, and from whom: “王桂兰, 李建国 and
 * 2 more”. */
static char *
describe_missing (GPtrArray *judges,
                  guint     *out_missing)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;
  guint missing = 0, late = 0;

  for (guint i = 0; i < judges->len; i++)
    {
      const YishiContestJudgeRow *judge = judges->pdata[i];

      if (judge->n_scored >= judge->n_expected)
        continue;
      missing += judge->n_expected - judge->n_scored;
      if (++late <= 3)
        g_ptr_array_add (names, judge->name);
    }
  g_ptr_array_add (names, NULL);
  *out_missing = missing;
  /* Translators: the separator between judges' names in a list */
  list = g_strjoinv (C_("list", ", "), (char **) names->pdata);
  if (late <= 3)
    return g_steal_pointer (&list);

  /* Translators: %s is a list of judges' names, %u how many more judges there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more", late - 3),
                          list, late - 3);
}

static char *
publish_body (GPtrArray *judges,
              gboolean  *out_incomplete)
{
  const char *consequences = _("Publishing locks every score and funding decision, moves each funded "
                               "proposal to accepted and the others to rejected, and starts the "
                               "objection period of the public notice. It cannot be undone.");
  g_autofree char *who = NULL;
  g_autofree char *warning = NULL;
  guint missing;

  who = describe_missing (judges, &missing);
  *out_incomplete = missing > 0;
  if (missing == 0)
    return g_strdup (consequences);

  /* Translators: %u is how many scores judges have not given yet, %s who they are */
  warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u score is still missing, from %s: the ranking leaves it out.",
                                          "%u scores are still missing, from %s: the ranking leaves them out.",
                                          missing),
                             missing, who);
  return g_strconcat (warning, "\n\n", consequences, NULL);
}

static void
present_publish_dialog (YishiContestView *self,
                        GPtrArray        *judges)
{
  gboolean incomplete;
  g_autofree char *body = publish_body (judges, &incomplete);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Publish the Results?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "publish", incomplete ? _("_Publish Anyway") : _("_Publish"),
                                    NULL);
  /* with scores missing, publishing is the risky choice, not the expected one */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish",
                                              incomplete ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gpointer
judges_func (YishiDatabase   *db,
             gpointer         data,
             GCancellable    *cancellable,
             GDestroyNotify  *out_free,
             GError         **error)
{
  *out_free = (GDestroyNotify) g_ptr_array_unref;
  return yishi_contest_store_list_judges (db, *(gint64 *) data, error);
}

static void
judges_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(YishiContestView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) judges = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (judges == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Contest Could Not Be Read"), error);
      return;
    }
  present_publish_dialog (self, judges);
}

/* The judges' progress is read first, so that the question says which
 * scores are still missing. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  YishiContestView *self = YISHI_CONTEST_VIEW (widget);

  if (self->contest == NULL)
    return;
  yishi_store_run_async (yishi_session_get_database (self->session), judges_func,
                         g_memdup2 (&self->contest_id, sizeof self->contest_id), g_free,
                         self->cancellable, judges_read_cb, g_object_ref (self));
}

void
yishi_contest_view_set_contest (YishiContestView *self,
                                YishiSession     *session,
                                gint64            contest_id)
{
  g_return_if_fail (YISHI_IS_CONTEST_VIEW (self));
  g_return_if_fail (YISHI_IS_SESSION (session));

  g_set_object (&self->session, session);
  self->contest_id = contest_id;
  g_clear_pointer (&self->contest, yishi_contest_row_free);
  gtk_widget_set_visible (self->start_button, FALSE);
  gtk_widget_set_visible (self->publish_button, FALSE);
  load (self);
  yishi_contest_setup_view_set_contest (self->setup_view, session, contest_id);
  yishi_scoring_grid_set_contest (self->scoring_grid, session, contest_id);
  yishi_contest_results_view_set_contest (self->results_view, session, contest_id);
}

void
yishi_contest_view_show_page (YishiContestView *self,
                              const char       *name)
{
  g_return_if_fail (YISHI_IS_CONTEST_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
yishi_contest_view_dispose (GObject *object)
{
  YishiContestView *self = YISHI_CONTEST_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_CONTEST_VIEW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->contest, yishi_contest_row_free);

  G_OBJECT_CLASS (yishi_contest_view_parent_class)->dispose (object);
}

static void
yishi_contest_view_class_init (YishiContestViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_contest_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (YISHI_TYPE_SCORING_GRID);
  g_type_ensure (YISHI_TYPE_CONTEST_RESULTS_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-contest-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, root_child);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, title_label);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, details_label);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, start_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, publish_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, setup_slot);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, scoring_grid);
  gtk_widget_class_bind_template_child (widget_class, YishiContestView, results_view);
  gtk_widget_class_bind_template_callback (widget_class, part_changed_cb);

  gtk_widget_class_install_action (widget_class, "contest.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "contest.publish", NULL, publish_action);
}

static void
yishi_contest_view_init (YishiContestView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->setup_view = g_object_new (YISHI_TYPE_CONTEST_SETUP_VIEW, NULL);
  adw_bin_set_child (self->setup_slot, GTK_WIDGET (self->setup_view));
  g_signal_connect_object (self->setup_view, "changed", G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
}
