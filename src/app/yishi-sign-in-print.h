#pragma once

#include <gtk/gtk.h>

#include "yishi-meeting-data.h"
#include "yishi-sign-in-sheet.h"

G_BEGIN_DECLS

/* The sign-in sheet (签到表) of a meeting: the members of its date, with
 * 请假 noted for those excused in advance. */
YishiSignInSheet *yishi_sign_in_print_make_sheet (const YishiMeetingData *data);
/* Asks where to save, then writes the PDF on a worker thread. */
void              yishi_sign_in_print_save_pdf   (GtkWidget              *widget,
                                                  const YishiMeetingData *data);
/* The print dialog, with preview, drawing the same layout. */
void              yishi_sign_in_print_run        (GtkWidget              *widget,
                                                  const YishiMeetingData *data);

G_END_DECLS
