#include "config.h"

#include "yishi-fuzz.h"
#include "yishi-minutes-xml.h"

/* A minutes XML file as `yishictl minutes verify` and `minutes import`
 * read it: verified against its digest, then imported into a new empty
 * database, twice: the second import of a file must find it there and
 * change nothing. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *xml_path, *db_path;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;
  YishiDatabase *db;

  if (xml_path == NULL)
    {
      xml_path = yishi_fuzz_path ("minutes.xml");
      db_path = yishi_fuzz_path ("minutes.db");
    }
  yishi_fuzz_write (xml_path, data, size);

  mismatches = yishi_minutes_xml_verify (xml_path, &error);
  if (mismatches == NULL)
    return 0;

  db = yishi_fuzz_empty_db (db_path);
  if (yishi_minutes_xml_import (db, xml_path, &created, &error))
    {
      g_assert_true (created);
      g_assert_true (yishi_minutes_xml_import (db, xml_path, &created, &error));
      g_assert_no_error (error);
      g_assert_false (created);
    }
  yishi_fuzz_drop_db (db, db_path);
  return 0;
}
