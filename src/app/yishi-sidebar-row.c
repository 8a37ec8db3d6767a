#include "config.h"

#include "yishi-sidebar-row.h"

GtkWidget *
yishi_sidebar_row_new (gint64      id,
                       const char *title,
                       const char *subtitle,
                       const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub = gtk_label_new (subtitle);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (labels), label);
  gtk_box_append (GTK_BOX (labels), sub);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "yishi-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

gint64
yishi_sidebar_row_get_id (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "yishi-id") : NULL;

  return id ? *id : 0;
}

void
yishi_sidebar_select_id (GtkListBox *sidebar,
                         gint64      id,
                         gpointer    blocked_data)
{
  GtkListBoxRow *keep = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && yishi_sidebar_row_get_id (GTK_LIST_BOX_ROW (row)) == id)
      keep = GTK_LIST_BOX_ROW (row);
  g_signal_handlers_block_matched (sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, blocked_data);
  gtk_list_box_select_row (sidebar, keep);
  g_signal_handlers_unblock_matched (sidebar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, blocked_data);
}
