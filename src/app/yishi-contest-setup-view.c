#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-dialog.h"
#include "yishi-contest-setup-private.h"
#include "yishi-contest-setup-view.h"
#include "yishi-criterion-dialog.h"
#include "yishi-entries-dialog.h"
#include "yishi-person-choice.h"
#include "yishi-recusal-dialog.h"
#include "yishi-store-task.h"
#include "yishi-window.h"

struct _YishiContestSetupView
{
  GtkWidget            parent_instance;

  YishiSession        *session;
  gint64               contest_id;
  GCancellable        *cancellable;  /* of the load under way */
  GPtrArray           *setting_rows;
  GPtrArray           *rows[YISHI_SETUP_N_LISTS];
  gboolean             writing;
  GtkWidget           *refocus;      /* not owned: a template child */

  /* template children */
  GtkWidget           *content_box;
  AdwPreferencesGroup *settings_group;
  GtkWidget           *edit_button;
  AdwPreferencesGroup *criteria_group;
  GtkWidget           *add_criterion_button;
  GtkLabel            *total_label;
  AdwPreferencesGroup *judges_group;
  GtkWidget           *add_judge_group;
  GtkDropDown         *judge_drop;
  GtkWidget           *add_judge_button;
  AdwPreferencesGroup *entries_group;
  GtkWidget           *enter_button;
  AdwPreferencesGroup *recusals_group;
  GtkWidget           *add_recusal_button;
};

G_DEFINE_FINAL_TYPE (YishiContestSetupView, yishi_contest_setup_view, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwPreferencesGroup *
group_of (YishiContestSetupView *self,
          YishiContestSetupList  list)
{
  AdwPreferencesGroup *groups[] = { self->criteria_group, self->judges_group,
                                    self->entries_group, self->recusals_group };

  return groups[list];
}

/* Writing */

static void
changed (YishiContestSetupView *self)
{
  yishi_contest_setup_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(YishiContestSetupView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (yishi_store_run_finish (YISHI_DATABASE (source), result, &error) == NULL)
    {
      yishi_window_show_error (GTK_WIDGET (self), _("The Contest Could Not Be Changed"), error);
      return;
    }
  /* the judge just added is not offered again */
  if (self->refocus == GTK_WIDGET (self->judge_drop))
    gtk_drop_down_set_selected (self->judge_drop, GTK_INVALID_LIST_POSITION);
  changed (self);
}

/* @refocus takes the focus once the view shows the change, as the row
 * whose button was pressed goes away. */
static void
run_write (YishiContestSetupView      *self,
           YishiContestSetupWriteKind  kind,
           gint64                      a,
           gint64                      b,
           GtkWidget                  *refocus)
{
  YishiContestSetupWrite write = { kind, self->contest_id, a, b };

  if (self->writing || self->session == NULL)
    return;

  self->writing = TRUE;
  self->refocus = refocus;
  yishi_store_run_async (yishi_session_get_database (self->session), _yishi_contest_setup_write_func,
                         g_memdup2 (&write, sizeof write), g_free, NULL, written_cb, g_object_ref (self));
}

static void
remove_clicked_cb (GtkButton             *button,
                   YishiContestSetupView *self)
{
  const YishiContestSetupWrite *write = g_object_get_data (G_OBJECT (button), "yishi-write");
  GtkWidget *refocus[] = {
    [YISHI_SETUP_WRITE_REMOVE_CRITERION] = self->add_criterion_button,
    [YISHI_SETUP_WRITE_REMOVE_JUDGE] = GTK_WIDGET (self->judge_drop),
    [YISHI_SETUP_WRITE_REMOVE_ENTRY] = self->enter_button,
    [YISHI_SETUP_WRITE_REMOVE_RECUSAL] = self->add_recusal_button,
  };

  run_write (self, write->kind, write->a, write->b, refocus[write->kind]);
}

static void
judge_chosen_cb (YishiContestSetupView *self)
{
  /* the drop-down may notify while the template goes */
  if (self->add_judge_button == NULL)
    return;
  gtk_widget_set_sensitive (self->add_judge_button, yishi_person_choice_get_id (self->judge_drop) != 0);
}

static void
add_judge_clicked_cb (YishiContestSetupView *self)
{
  gint64 person_id = yishi_person_choice_get_id (self->judge_drop);

  if (person_id != 0)
    run_write (self, YISHI_SETUP_WRITE_ADD_JUDGE, person_id, 0, GTK_WIDGET (self->judge_drop));
}

/* Showing */

static void
add_row (YishiContestSetupView      *self,
         YishiContestSetupList       list,
         GtkWidget                  *row,
         GtkWidget                  *button,
         YishiContestSetupWriteKind  kind,
         gint64                      a,
         gint64                      b)
{
  if (button != NULL)
    {
      YishiContestSetupWrite write = { kind, self->contest_id, a, b };

      g_object_set_data_full (G_OBJECT (button), "yishi-write", g_memdup2 (&write, sizeof write), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
    }
  adw_preferences_group_add (group_of (self, list), row);
  g_ptr_array_add (self->rows[list], row);
}

static void
add_empty_row (YishiContestSetupView *self,
               YishiContestSetupList  list,
               const char            *text)
{
  add_row (self, list, _yishi_contest_setup_empty_row (text), NULL, 0, 0, 0);
}

static void
clear_rows (YishiContestSetupView *self)
{
  for (guint list = 0; list < YISHI_SETUP_N_LISTS; list++)
    {
      for (guint i = 0; i < self->rows[list]->len; i++)
        adw_preferences_group_remove (group_of (self, list), self->rows[list]->pdata[i]);
      g_ptr_array_set_size (self->rows[list], 0);
    }
}

static void
show_settings (YishiContestSetupView *self,
               const YishiContestRow *contest)
{
  for (guint i = 0; i < self->setting_rows->len; i++)
    adw_preferences_group_remove (self->settings_group, self->setting_rows->pdata[i]);
  g_ptr_array_unref (self->setting_rows);
  self->setting_rows = _yishi_contest_setup_settings_rows (contest);
  for (guint i = 0; i < self->setting_rows->len; i++)
    adw_preferences_group_add (self->settings_group, self->setting_rows->pdata[i]);
}

static void
show_criteria (YishiContestSetupView *self,
               GPtrArray             *criteria,
               gboolean               setup)
{
  g_autofree char *total = NULL;
  gboolean usual;

  for (guint i = 0; i < criteria->len; i++)
    {
      const YishiContestCriterionRow *criterion = criteria->pdata[i];
      GtkWidget *button;
      GtkWidget *row = _yishi_contest_setup_criterion_row (criterion, setup, &button);

      add_row (self, YISHI_SETUP_LIST_CRITERIA, row, button, YISHI_SETUP_WRITE_REMOVE_CRITERION, criterion->id, 0);
    }
  if (criteria->len == 0)
    add_empty_row (self, YISHI_SETUP_LIST_CRITERIA, _("No criteria yet"));

  total = _yishi_contest_setup_total_text (criteria, &usual);
  gtk_label_set_label (self->total_label, total);
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), criteria->len > 0);
  if (usual)
    gtk_widget_remove_css_class (GTK_WIDGET (self->total_label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->total_label), "warning");
}

static void
show_lists (YishiContestSetupView *self,
            YishiContestSetupData *loaded)
{
  gboolean setup = loaded->contest->state == YISHI_CONTEST_STATE_SETUP;
  gboolean open = loaded->contest->state != YISHI_CONTEST_STATE_PUBLISHED;
  GPtrArray *judges = loaded->lists[YISHI_SETUP_LIST_JUDGES];
  GPtrArray *entries = loaded->lists[YISHI_SETUP_LIST_ENTRIES];
  GPtrArray *recusals = loaded->lists[YISHI_SETUP_LIST_RECUSALS];
  GtkWidget *button;

  clear_rows (self);
  show_criteria (self, loaded->lists[YISHI_SETUP_LIST_CRITERIA], setup);
  for (guint i = 0; i < judges->len; i++)
    {
      const YishiContestJudgeRow *judge = judges->pdata[i];
      GtkWidget *row = _yishi_contest_setup_judge_row (judge, setup, &button);

      add_row (self, YISHI_SETUP_LIST_JUDGES, row, button, YISHI_SETUP_WRITE_REMOVE_JUDGE, judge->person_id, 0);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const YishiContestEntryRow *entry = entries->pdata[i];
      GtkWidget *row = _yishi_contest_setup_entry_row (entry, setup, &button);

      add_row (self, YISHI_SETUP_LIST_ENTRIES, row, button, YISHI_SETUP_WRITE_REMOVE_ENTRY, entry->proposal_id, 0);
    }
  for (guint i = 0; i < recusals->len; i++)
    {
      const YishiContestRecusalRow *recusal = recusals->pdata[i];
      gboolean removable = open && recusal->reason != YISHI_RECUSAL_PROPOSER;
      GtkWidget *row = _yishi_contest_setup_recusal_row (recusal, removable, &button);

      add_row (self, YISHI_SETUP_LIST_RECUSALS, row, button, YISHI_SETUP_WRITE_REMOVE_RECUSAL,
               recusal->judge_id, recusal->proposal_id);
    }
  if (judges->len == 0)
    add_empty_row (self, YISHI_SETUP_LIST_JUDGES, _("No judges yet"));
  if (entries->len == 0)
    add_empty_row (self, YISHI_SETUP_LIST_ENTRIES, _("No proposals entered yet"));
  if (recusals->len == 0)
    add_empty_row (self, YISHI_SETUP_LIST_RECUSALS, _("No recusals"));
}

/* Buttons that cannot act in the contest's state are hidden. */
static void
show_state (YishiContestSetupView *self,
            YishiContestState      state)
{
  gboolean setup = state == YISHI_CONTEST_STATE_SETUP;
  gboolean open = state != YISHI_CONTEST_STATE_PUBLISHED;

  gtk_widget_set_visible (self->edit_button, open);
  gtk_widget_set_visible (self->add_criterion_button, setup);
  gtk_widget_set_visible (self->add_judge_group, open);
  gtk_widget_set_visible (self->enter_button, setup);
  gtk_widget_set_visible (self->add_recusal_button, open);
}

/* Reading */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(YishiContestSetupView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiContestSetupData) loaded = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        yishi_window_show_error (GTK_WIDGET (self), _("The Contest Could Not Be Read"), error);
      return;
    }
  if (loaded->contest->id != self->contest_id)
    return;

  show_settings (self, loaded->contest);
  show_lists (self, loaded);
  show_state (self, loaded->contest->state);
  gtk_widget_set_visible (self->content_box, TRUE);
  if (self->refocus != NULL && gtk_widget_is_visible (self->refocus))
    gtk_widget_grab_focus (self->refocus);
  self->refocus = NULL;
}
/* The dialogs */

static void
dialog_saved_cb (YishiContestSetupView *self)
{
  changed (self);
}

static void
present (YishiContestSetupView *self,
         GtkWindow             *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static GtkWindow *
parent_window (YishiContestSetupView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_clicked_cb (YishiContestSetupView *self)
{
  present (self, GTK_WINDOW (yishi_contest_dialog_new (parent_window (self), self->session, self->contest_id)));
}

static void
add_criterion_clicked_cb (YishiContestSetupView *self)
{
  present (self, GTK_WINDOW (yishi_criterion_dialog_new (parent_window (self), self->session, self->contest_id)));
}

static void
enter_clicked_cb (YishiContestSetupView *self)
{
  present (self, GTK_WINDOW (yishi_entries_dialog_new (parent_window (self), self->session, self->contest_id)));
}

static void
add_recusal_clicked_cb (YishiContestSetupView *self)
{
  present (self, GTK_WINDOW (yishi_recusal_dialog_new (parent_window (self), self->session, self->contest_id)));
}

static void
yishi_contest_setup_view_dispose (GObject *object)
{
  YishiContestSetupView *self = YISHI_CONTEST_SETUP_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), YISHI_TYPE_CONTEST_SETUP_VIEW);
  /* the scrolled window, which no template child pointer names */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->setting_rows, g_ptr_array_unref);
  for (guint i = 0; i < YISHI_SETUP_N_LISTS; i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (yishi_contest_setup_view_parent_class)->dispose (object);
}

static void
yishi_contest_setup_view_class_init (YishiContestSetupViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_contest_setup_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-contest-setup-view.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, content_box);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, settings_group);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, add_criterion_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, total_label);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, judges_group);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, add_judge_group);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, judge_drop);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, add_judge_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, entries_group);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, enter_button);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, recusals_group);
  gtk_widget_class_bind_template_child (widget_class, YishiContestSetupView, add_recusal_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_criterion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, judge_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_judge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, enter_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_recusal_clicked_cb);
}

static void
yishi_contest_setup_view_init (YishiContestSetupView *self)
{
  self->setting_rows = g_ptr_array_new ();
  for (guint i = 0; i < YISHI_SETUP_N_LISTS; i++)
    self->rows[i] = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
yishi_contest_setup_view_set_contest (YishiContestSetupView *self,
                                      YishiSession          *session,
                                      gint64                 contest_id)
{
  g_return_if_fail (YISHI_IS_CONTEST_SETUP_VIEW (self));
  g_return_if_fail (session == NULL || YISHI_IS_SESSION (session));

  if (session != self->session)
    {
      g_set_object (&self->session, session);
      if (session != NULL)
        yishi_person_choice_setup (self->judge_drop, yishi_session_get_people (session), FALSE);
    }
  self->contest_id = contest_id;
  yishi_contest_setup_view_reload (self);
}

void
yishi_contest_setup_view_reload (YishiContestSetupView *self)
{
  g_return_if_fail (YISHI_IS_CONTEST_SETUP_VIEW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session == NULL || self->contest_id <= 0)
    {
      gtk_widget_set_visible (self->content_box, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  yishi_store_run_async (yishi_session_get_database (self->session), _yishi_contest_setup_load_func,
                         g_memdup2 (&self->contest_id, sizeof self->contest_id), g_free, self->cancellable,
                         loaded_cb, g_object_ref (self));
}
