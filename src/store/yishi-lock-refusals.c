#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-lock-refusals.h"

/* The triggers of the schema refuse changes to what approval or
 * publication has locked, with a fixed English reason (SQLite's RAISE
 * takes no translation). The store reports each with a message of its
 * own, in the user's language, instead of a bare “Database error”. */
static const struct
{
  const char *reason;  /* as the trigger raises it */
  const char *message;
} refusals[] = {
  { "the record of a meeting with approved minutes cannot change",
    N_("This is part of the record of approved minutes, so it cannot change.") },
  { "the name of a person in the record of a meeting with approved minutes cannot change",
    N_("This person is named in approved minutes, so their name cannot change.") },
  { "the name of a council with approved minutes cannot change",
    N_("This council has approved minutes, so its name cannot change.") },
  { "approved minutes cannot change: add a corrigendum",
    N_("Approved minutes cannot be edited: add a corrigendum instead.") },
  { "approved minutes cannot be deleted",
    N_("Approved minutes cannot be deleted.") },
  { "only approved minutes take a corrigendum",
    N_("Only approved minutes can take a corrigendum.") },
  { "a corrigendum cannot change",
    N_("A corrigendum cannot change once it is added.") },
  { "only a roll-call vote records who voted how",
    N_("Only a roll-call vote records how each member voted.") },
  { "a recused judge cannot score that proposal",
    N_("This judge is recused from that proposal and cannot score it.") },
  { "the scores of a published contest cannot change",
    N_("The results of this contest are published, so its scores cannot change.") },
  { "the funding of a published contest cannot change",
    N_("The results of this contest are published, so its funding cannot change.") },
};

/**
 * _yishi_lock_refusal_message:
 * @reason: SQLite's message for a failed statement
 *
 * Returns: (nullable): the translated message for a refusal by one of
 *   the schema's triggers, or %NULL when @reason is not one
 */
const char *
_yishi_lock_refusal_message (const char *reason)
{
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (refusals); i++)
    if (strcmp (reason, refusals[i].reason) == 0)
      return _(refusals[i].message);

  return NULL;
}
