#include "config.h"

#include "yishi-fuzz.h"
#include "yishi-proposal-import.h"

/* A proposal CSV as the import dialog and `yishictl proposal import`
 * read it: prepare () decodes, maps and checks the file; a file without
 * problems is then stored, each into a new empty database so that no
 * proposal from an earlier input turns a new row into an update. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *csv_path, *db_path;
  g_autoptr(YishiProposalImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  YishiDatabase *db;

  if (csv_path == NULL)
    {
      csv_path = yishi_fuzz_path ("proposals.csv");
      db_path = yishi_fuzz_path ("proposals.db");
    }
  yishi_fuzz_write (csv_path, data, size);

  import = yishi_proposal_import_prepare (csv_path, YISHI_ENCODING_AUTO, &error);
  if (import == NULL)
    return 0;

  /* what the dialog shows before anything is stored */
  for (guint i = 0; i < yishi_proposal_import_get_n_columns (import); i++)
    {
      YishiProposalField field = yishi_proposal_import_get_mapping (import, i);

      g_assert_nonnull (yishi_proposal_import_get_column (import, i));
      if (field != YISHI_PROPOSAL_FIELD_IGNORED)
        g_assert_nonnull (yishi_proposal_field_label (field));
    }
  problems = yishi_proposal_import_get_problems (import);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_free (yishi_import_problem_to_string (problems->pdata[i], csv_path));
  if (problems != NULL && problems->len > 0)
    return 0;

  db = yishi_fuzz_empty_db (db_path);
  yishi_proposal_import_run (import, db, NULL, NULL, NULL, &error);
  yishi_fuzz_drop_db (db, db_path);
  return 0;
}
