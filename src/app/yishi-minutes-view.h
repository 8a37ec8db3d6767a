#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_MINUTES_VIEW (yishi_minutes_view_get_type ())

G_DECLARE_FINAL_TYPE (YishiMinutesView, yishi_minutes_view, YISHI, MINUTES_VIEW, GtkWidget)

/* The Minutes page (会议记录) of a meeting: the facts from the record,
 * the secretary's text per agenda item, and the way to approval and
 * export. Until the meeting is @closed it only says so. The minutes are
 * read (and made, the first time) when the page is shown. */
void      yishi_minutes_view_set_meeting    (YishiMinutesView *self,
                                             YishiSession     *session,
                                             gint64            meeting_id,
                                             gboolean          closed);
/* Whether the text typed since the last save is still to be stored. */
gboolean  yishi_minutes_view_has_changes    (YishiMinutesView *self);
/* File → Print without the dialog: the very pages the printer gets,
 * written to the PDF file @path once the minutes are saved and read
 * again. For tests and scripted runs. */
void      yishi_minutes_view_print_to_file  (YishiMinutesView *self,
                                             const char       *path);

G_END_DECLS
