#include "config.h"

#include <glib/gi18n.h>

#include "yishi-contest-dialog-private.h"
#include "yishi-contest-labels.h"
#include "yishi-date-text.h"
#include "yishi-field-error.h"
#include "yishi-money.h"
#include "yishi-text.h"

/* A pause in typing this long shows what is wrong with a field. */
#define REVEAL_DELAY_MS 1200

char *
_yishi_contest_dialog_row_text (AdwEntryRow *row)
{
  return yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Validation */

gboolean
_yishi_contest_dialog_read_date (AdwEntryRow  *row,
                                 GDate        *out_date,
                                 char        **out_text)
{
  g_autofree char *text = _yishi_contest_dialog_row_text (row);

  g_date_clear (out_date, 1);
  if (out_text != NULL)
    *out_text = NULL;
  if (*text == '\0')
    return TRUE;
  if (!yishi_date_text_parse_date (text, out_date))
    return FALSE;
  if (out_text != NULL)
    *out_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (out_date), g_date_get_month (out_date),
                                 g_date_get_day (out_date));
  return TRUE;
}

static gboolean
check_budget (YishiContestDialog *self,
              gint64             *out_fen)
{
  g_autofree char *text = _yishi_contest_dialog_row_text (self->budget_row);
  g_autoptr(GError) error = NULL;
  gboolean ok = yishi_money_parse_yuan (text, out_fen, &error) && *out_fen >= 0;
  const char *problem = NULL;

  if (!ok && (self->touched & YISHI_CONTEST_FIELD_BUDGET))
    problem = *text == '\0' ? _("Enter the budget in yuan, such as 200000.")
              : error != NULL ? error->message : _("The budget cannot be below 0.");
  yishi_field_error_show (self->budget_error, GTK_WIDGET (self->budget_row), problem);
  return ok;
}

static gboolean
check_window (YishiContestDialog *self)
{
  const char *wrong_date = _("Enter the date as YYYY-MM-DD, such as 2025-06-01, or leave it blank.");
  GDate opens, closes;
  gboolean opens_ok = _yishi_contest_dialog_read_date (self->opens_row, &opens, NULL);
  gboolean closes_ok = _yishi_contest_dialog_read_date (self->closes_row, &closes, NULL);
  gboolean in_order = !opens_ok || !closes_ok || !g_date_valid (&opens) || !g_date_valid (&closes) ||
                      g_date_compare (&opens, &closes) <= 0;

  yishi_field_error_show (self->opens_error, GTK_WIDGET (self->opens_row),
                          opens_ok || !(self->touched & YISHI_CONTEST_FIELD_OPENS) ? NULL : wrong_date);
  if (!closes_ok)
    yishi_field_error_show (self->closes_error, GTK_WIDGET (self->closes_row),
                            (self->touched & YISHI_CONTEST_FIELD_CLOSES) ? wrong_date : NULL);
  else
    yishi_field_error_show (self->closes_error, GTK_WIDGET (self->closes_row),
                            in_order ? NULL : _("Submissions cannot close before they open."));
  return opens_ok && closes_ok && in_order;
}

gboolean
_yishi_contest_dialog_validate (YishiContestDialog *self)
{
  g_autofree char *name = _yishi_contest_dialog_row_text (self->name_row);
  gint64 budget;
  gboolean budget_ok = check_budget (self, &budget);
  gboolean window_ok = check_window (self);

  yishi_field_error_show (self->name_error, GTK_WIDGET (self->name_row),
                          *name == '\0' && (self->touched & YISHI_CONTEST_FIELD_NAME)
                          ? _("A contest needs a name.") : NULL);
  return *name != '\0' && budget_ok && window_ok;
}

void
_yishi_contest_dialog_update_buttons (YishiContestDialog *self)
{
  gboolean valid;

  if (self->disposed)
    return;

  valid = _yishi_contest_dialog_validate (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            self->loaded && !self->saving && !self->published && valid);
}

static gboolean
reveal_errors_cb (gpointer user_data)
{
  YishiContestDialog *self = user_data;
  AdwEntryRow *rows[] = { self->budget_row, self->opens_row, self->closes_row };
  const YishiContestField fields[] = {
    YISHI_CONTEST_FIELD_BUDGET, YISHI_CONTEST_FIELD_OPENS, YISHI_CONTEST_FIELD_CLOSES
  };

  self->reveal_source = 0;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (gtk_editable_get_text (GTK_EDITABLE (rows[i]))[0] != '\0')
      self->touched |= fields[i];
  _yishi_contest_dialog_update_buttons (self);
  return G_SOURCE_REMOVE;
}

void
_yishi_contest_dialog_field_changed_cb (YishiContestDialog *self)
{
  if (self->disposed)
    return;

  _yishi_contest_dialog_update_buttons (self);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->loaded)
    self->reveal_source = g_timeout_add (REVEAL_DELAY_MS, reveal_errors_cb, self);
}

void
_yishi_contest_dialog_field_left_cb (GtkEventControllerFocus *controller,
                                     YishiContestDialog      *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (field == GTK_WIDGET (self->name_row))
    self->touched |= YISHI_CONTEST_FIELD_NAME;
  else if (field == GTK_WIDGET (self->budget_row))
    self->touched |= YISHI_CONTEST_FIELD_BUDGET;
  else if (field == GTK_WIDGET (self->opens_row))
    self->touched |= YISHI_CONTEST_FIELD_OPENS;
  else if (field == GTK_WIDGET (self->closes_row))
    self->touched |= YISHI_CONTEST_FIELD_CLOSES;
  _yishi_contest_dialog_update_buttons (self);
}

/* The rules: each says what it does under its name. */

void
_yishi_contest_dialog_aggregation_changed_cb (YishiContestDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->aggregation_row);

  if (self->disposed || selected >= YISHI_N_CONTEST_AGGREGATIONS)
    return;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->aggregation_row), yishi_contest_aggregation_describe (selected));
}

void
_yishi_contest_dialog_funding_changed_cb (YishiContestDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->funding_row);
  g_autofree char *words = NULL;

  if (self->disposed || selected >= YISHI_N_CONTEST_FUNDING_RULES)
    return;
  words = yishi_contest_funding_rule_describe (selected, gtk_spin_button_get_value_as_int (self->top_n_spin));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->funding_row), words);
  gtk_widget_set_visible (GTK_WIDGET (self->top_n_row), selected == YISHI_CONTEST_FUNDING_TOP_N);
}

void
_yishi_contest_dialog_fill_rules (YishiContestDialog *self)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) aggregations = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);

  gtk_string_list_append (scopes, yishi_contest_scope_label (YISHI_CONTEST_SCOPE_COMMUNITY));
  gtk_string_list_append (scopes, yishi_contest_scope_label (YISHI_CONTEST_SCOPE_DISTRICT));
  for (guint i = 0; i < YISHI_N_CONTEST_AGGREGATIONS; i++)
    gtk_string_list_append (aggregations, yishi_contest_aggregation_label (i));
  for (guint i = 0; i < YISHI_N_CONTEST_FUNDING_RULES; i++)
    gtk_string_list_append (rules, yishi_contest_funding_rule_label (i));
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  adw_combo_row_set_model (self->aggregation_row, G_LIST_MODEL (aggregations));
  adw_combo_row_set_model (self->funding_row, G_LIST_MODEL (rules));
  _yishi_contest_dialog_aggregation_changed_cb (self);
  _yishi_contest_dialog_funding_changed_cb (self);
}
