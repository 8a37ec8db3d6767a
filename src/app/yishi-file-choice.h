#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file's path once the user accepts. */
typedef void (*YishiFileChosenFunc) (GtkWidget  *widget,
                                     const char *path,
                                     gpointer    user_data);

/* Asks for a file to open or to save (@suggested_name, for saving),
 * showing the files @patterns match (a NULL-ended list, e.g. "*.csv"),
 * then calls @func. @user_data is freed with @destroy in either case. */
void yishi_file_choice_run (GtkWidget             *widget,
                            GtkFileChooserAction   action,
                            const char            *title,
                            const char            *suggested_name,
                            const char            *filter_name,
                            const char * const    *patterns,
                            YishiFileChosenFunc    func,
                            gpointer               user_data,
                            GDestroyNotify         destroy);

G_END_DECLS
