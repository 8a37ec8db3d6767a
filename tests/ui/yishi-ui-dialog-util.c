#include "config.h"

#include "yishi-ui-dialog-util.h"
#include "yishi-ui-test-util.h"

static void
saved_cb (GtkWidget      *dialog,
          gint64          id,
          YishiUiOutcome *outcome)
{
  outcome->saved_id = id;
}

static void
destroyed_cb (GtkWidget      *dialog,
              YishiUiOutcome *outcome)
{
  outcome->destroyed = TRUE;
}

void
yishi_ui_watch (GtkWidget      *dialog,
                YishiUiOutcome *outcome)
{
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), outcome);
  g_signal_connect (dialog, "destroy", G_CALLBACK (destroyed_cb), outcome);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
yishi_ui_outcome_done (gpointer data)
{
  YishiUiOutcome *outcome = data;

  return outcome->saved_id != 0 && outcome->destroyed;
}

gboolean
yishi_ui_is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

GtkWidget *
yishi_ui_row (GtkWidget  *root,
              GType       type,
              const char *title)
{
  GtkWidget *found = yishi_ui_find_named (root, type, title);

  g_assert_nonnull (found);
  return found;
}

GtkWidget *
yishi_ui_in_row (GtkWidget  *root,
                 const char *title,
                 GType       type)
{
  GtkWidget *found = yishi_ui_find_child (yishi_ui_row (root, ADW_TYPE_ACTION_ROW, title), type);

  g_assert_nonnull (found);
  return found;
}

void
yishi_ui_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

void
yishi_ui_retype (GtkWidget  *entry,
                 const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  yishi_ui_type_text (GTK_EDITABLE (entry), text);
}

const char *
yishi_ui_label_text (GtkWidget  *root,
                     const char *prefix)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return gtk_label_get_label (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = yishi_ui_label_text (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
yishi_ui_assert_accessible_name (GtkWidget  *widget,
                                 const char *name)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
}

void
yishi_ui_type_into (GtkWidget  *root,
                    const char *title,
                    const char *text)
{
  yishi_ui_type_text (GTK_EDITABLE (yishi_ui_row (root, ADW_TYPE_ENTRY_ROW, title)), text);
}

AdwComboRow *
yishi_ui_combo (GtkWidget  *root,
                const char *title)
{
  return ADW_COMBO_ROW (yishi_ui_row (root, ADW_TYPE_COMBO_ROW, title));
}

const char *
yishi_ui_subtitle (GtkWidget  *root,
                   const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (yishi_ui_row (root, ADW_TYPE_ACTION_ROW, title)));
}
