#pragma once

#include "yishi-minutes-store.h"

G_BEGIN_DECLS

#define YISHI_AKN_NAMESPACE "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

/* The minutes as an Akoma Ntoso 3.0 debate (<debate name="minutes">),
 * for archives that keep the legal-document standard: the header in the
 * preface, attendance as the roll call, a debate section per agenda
 * item with its discussion, votes and resolutions, and the approval and
 * short digest in the conclusions. Replaces @path atomically. */
gboolean yishi_minutes_write_akn (const YishiMinutes  *minutes,
                                  const char          *path,
                                  GError             **error);

G_END_DECLS
