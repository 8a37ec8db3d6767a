#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of a page's navigation sidebar: an icon, a title and a dim
 * subtitle, standing for the record @id. */
GtkWidget *yishi_sidebar_row_new    (gint64         id,
                                     const char    *title,
                                     const char    *subtitle,
                                     const char    *icon_name);
/* The record a row stands for; 0 for none (or no row). */
gint64     yishi_sidebar_row_get_id (GtkListBoxRow *row);
/* Selects the row of @id, or none, without a row-selected signal to
 * @blocked_data's handlers: a list refilled keeps what is on screen. */
void       yishi_sidebar_select_id  (GtkListBox    *sidebar,
                                     gint64         id,
                                     gpointer       blocked_data);

G_END_DECLS
