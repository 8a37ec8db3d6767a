#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkDropDown that chooses a person from the session's directory, with
 * search by name; with @allow_none, its first item is “None”. */
void     yishi_person_choice_setup  (GtkDropDown *drop_down,
                                     GListModel  *people,
                                     gboolean     allow_none);
/* The chosen person's id, or 0 for none. */
gint64   yishi_person_choice_get_id (GtkDropDown *drop_down);
/* Chooses the person with @id (0: none); FALSE when they are not listed. */
gboolean yishi_person_choice_set_id (GtkDropDown *drop_down,
                                     gint64       id);

G_END_DECLS
