#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The standard notice (会议通知) of a council meeting, in the user's
 * language: to all members, when and where which meeting is held, its
 * agenda, the request to attend or ask for leave, then the council's name
 * and @issued_on. @place NULL or "" leaves the place out; @items is the
 * agenda's titles in order (NULL-terminated; NULL or empty: none yet). */
char *yishi_meeting_notice_compose (const char         *council,
                                    const char         *title,
                                    GDateTime          *starts_at,
                                    const char         *place,
                                    const char * const *items,
                                    GDateTime          *issued_on);

G_END_DECLS
