#pragma once

#include "yishi-doc.h"
#include "yishi-minutes-store.h"

G_BEGIN_DECLS

/* The minutes laid out as Chinese committees print and file them: the
 * title, the header block (time, place, chair, secretary, members,
 * present, absent, observers), the numbered agenda, each item with its
 * discussion, votes and resolutions, other matters, the signature
 * lines, how the minutes were approved and the corrigenda. Every page's
 * footer carries the short digest, or “Draft” before approval. */
YishiDoc *yishi_minutes_doc_build (const YishiMinutes *minutes);

G_END_DECLS
