#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the room sees on the projector: the item under discussion, who
 * has the floor and for how long still, and the last result. */
typedef struct
{
  const char *meeting;   /* title */
  const char *item;      /* "" when none */
  const char *speaker;   /* "" when nobody has the floor */
  gint64      remaining; /* seconds left of the turn; negative once over */
  const char *result;    /* the last vote's result in words, "" when none */
  const char *quorum;    /* attendance in words */
} YishiLiveState;

G_END_DECLS
