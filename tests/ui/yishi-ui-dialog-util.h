#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Driving dialogs and views as a person does: finding rows by their
 * titles, typing, clicking, and waiting for a dialog to save. */

/* What a dialog did: the id its "saved" reported, and whether it went. */
typedef struct
{
  gint64   saved_id;
  gboolean destroyed;
} YishiUiOutcome;

/* Follows @dialog's "saved" and "destroy" into @outcome, and shows it. */
void        yishi_ui_watch              (GtkWidget      *dialog,
                                         YishiUiOutcome *outcome);
/* For yishi_ui_wait_until (): the dialog saved and went away. */
gboolean    yishi_ui_outcome_done       (gpointer        outcome);
/* For yishi_ui_wait_until (): the widget takes input. */
gboolean    yishi_ui_is_sensitive       (gpointer        widget);
/* The widget of @type titled @title under @root; fails the test if none. */
GtkWidget  *yishi_ui_row                (GtkWidget      *root,
                                         GType           type,
                                         const char     *title);
/* The first widget of @type inside the action row titled @title. */
GtkWidget  *yishi_ui_in_row             (GtkWidget      *root,
                                         const char     *title,
                                         GType           type);
/* A click on a visible button that takes one. */
void        yishi_ui_click              (GtkWidget      *button);
/* Empties @entry, then types @text into it. */
void        yishi_ui_retype             (GtkWidget      *entry,
                                         const char     *text);
/* The text of the first visible label under @root starting with @prefix. */
const char *yishi_ui_label_text         (GtkWidget      *root,
                                         const char     *prefix);
/* Types @text into the entry row titled @title. */
void        yishi_ui_type_into          (GtkWidget      *root,
                                         const char     *title,
                                         const char     *text);
AdwComboRow *yishi_ui_combo             (GtkWidget      *root,
                                         const char     *title);
/* The subtitle of the action row titled @title. */
const char *yishi_ui_subtitle           (GtkWidget      *root,
                                         const char     *title);
/* Needs GTK_A11Y=test, set before GTK starts. */
void        yishi_ui_assert_accessible_name (GtkWidget  *widget,
                                         const char     *name);

G_END_DECLS
