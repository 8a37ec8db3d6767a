#include "config.h"

#include <glib/gstdio.h>

#include "yishi-fuzz.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"

/* A database file as the window and yishictl open it: probed without
 * writing, then opened, migrated and configured. One that opens is read
 * as the window reads it first, its proposals and people, whose rows
 * are outside data too. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  static char *db_path;
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (db_path == NULL)
    db_path = yishi_fuzz_path ("fuzz.db");
  /* no log of an earlier input may be applied to this one */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (side);
    }
  yishi_fuzz_write (db_path, data, size);

  db = yishi_database_open (db_path, &error);
  if (db == NULL)
    return 0;

  yishi_database_is_empty (db);
  proposals = yishi_proposal_store_list (db, NULL, NULL);
  people = yishi_person_store_list (db, NULL);
  return 0;
}
