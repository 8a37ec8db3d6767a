#pragma once

#include <gio/gio.h>

#include "yishi-csv-reader.h"
#include "yishi-database.h"
#include "yishi-proposal-store.h"

G_BEGIN_DECLS

/* The proposal fields a CSV column can fill. */
typedef enum
{
  YISHI_PROPOSAL_FIELD_IGNORED = -1,
  YISHI_PROPOSAL_FIELD_TITLE,
  YISHI_PROPOSAL_FIELD_SUMMARY,
  YISHI_PROPOSAL_FIELD_BODY,
  YISHI_PROPOSAL_FIELD_PROPOSER,
  YISHI_PROPOSAL_FIELD_PHONE,
  YISHI_PROPOSAL_FIELD_COMMUNITY,
  YISHI_PROPOSAL_FIELD_CATEGORY,
  YISHI_PROPOSAL_FIELD_LOCATION,
  YISHI_PROPOSAL_FIELD_COST,
  YISHI_PROPOSAL_FIELD_HOUSEHOLDS,
  YISHI_PROPOSAL_FIELD_PEOPLE,
  YISHI_PROPOSAL_FIELD_SUBMITTED_ON,
  YISHI_PROPOSAL_FIELD_STATUS,
  YISHI_PROPOSAL_FIELD_STATUS_REASON,
  YISHI_PROPOSAL_FIELD_UUID,
  YISHI_N_PROPOSAL_FIELDS
} YishiProposalField;

const char *yishi_proposal_field_label (YishiProposalField field);

/* One bad row: the line it starts on, the column's header, what is wrong. */
typedef struct
{
  guint  line;
  char  *column;  /* NULL when the whole row is wrong */
  char  *message;
} YishiImportProblem;

char *yishi_import_problem_to_string (const YishiImportProblem *problem,
                                      const char               *filename);

/**
 * YishiProposalImport:
 * A CSV import in two steps, so the user sees the column mapping and every
 * bad row before anything is stored: prepare () reads, decodes, maps and
 * checks the file; run () stores all rows in one transaction, or none.
 */
typedef struct _YishiProposalImport YishiProposalImport;

YishiProposalImport *yishi_proposal_import_prepare       (const char           *path,
                                                          YishiEncoding         encoding,
                                                          GError              **error);
void                 yishi_proposal_import_free          (YishiProposalImport  *import);
const char          *yishi_proposal_import_get_filename  (YishiProposalImport  *import);
const char          *yishi_proposal_import_get_encoding  (YishiProposalImport  *import);
guint                yishi_proposal_import_get_n_columns (YishiProposalImport  *import);
const char          *yishi_proposal_import_get_column    (YishiProposalImport  *import,
                                                          guint                 column);
YishiProposalField   yishi_proposal_import_get_mapping   (YishiProposalImport  *import,
                                                          guint                 column);
guint                yishi_proposal_import_get_n_rows    (YishiProposalImport  *import);
GPtrArray           *yishi_proposal_import_get_problems  (YishiProposalImport  *import);
gboolean             yishi_proposal_import_run           (YishiProposalImport  *import,
                                                          YishiDatabase        *db,
                                                          YishiProgressFunc     progress,
                                                          gpointer              progress_data,
                                                          GCancellable         *cancellable,
                                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiProposalImport, yishi_proposal_import_free)

G_END_DECLS
