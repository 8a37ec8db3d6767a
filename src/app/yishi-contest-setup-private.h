#pragma once

#include <adwaita.h>

#include "yishi-contest-roster.h"
#include "yishi-store-task.h"

G_BEGIN_DECLS

/* The lists the view shows, each in its own group. */
typedef enum
{
  YISHI_SETUP_LIST_CRITERIA,
  YISHI_SETUP_LIST_JUDGES,
  YISHI_SETUP_LIST_ENTRIES,
  YISHI_SETUP_LIST_RECUSALS,
  YISHI_SETUP_N_LISTS
} YishiContestSetupList;

/* A change the view makes: one store call. */
typedef enum
{
  YISHI_SETUP_WRITE_REMOVE_CRITERION, /* @a: criterion id */
  YISHI_SETUP_WRITE_REMOVE_JUDGE,     /* @a: person id */
  YISHI_SETUP_WRITE_REMOVE_ENTRY,     /* @a: proposal id */
  YISHI_SETUP_WRITE_REMOVE_RECUSAL,   /* @a: judge id, @b: proposal id */
  YISHI_SETUP_WRITE_ADD_JUDGE,        /* @a: person id */
} YishiContestSetupWriteKind;

typedef struct
{
  YishiContestSetupWriteKind kind;
  gint64                     contest_id;
  gint64                     a;
  gint64                     b;
} YishiContestSetupWrite;

/* Everything the view shows, read in one job. */
typedef struct
{
  YishiContestRow *contest;
  /* criteria, judges, entries and recusals, as the store lists them */
  GPtrArray       *lists[YISHI_SETUP_N_LISTS];
} YishiContestSetupData;

void       _yishi_contest_setup_data_free     (YishiContestSetupData          *data);
/* Worker functions for yishi_store_run_async (): reads a
 * YishiContestSetupData for the contest whose id @data points to;
 * carries out the YishiContestSetupWrite @data points to, returning
 * non-NULL when it was done. */
gpointer   _yishi_contest_setup_load_func     (YishiDatabase                  *db,
                                               gpointer                        data,
                                               GCancellable                   *cancellable,
                                               GDestroyNotify                 *out_free,
                                               GError                        **error);
gpointer   _yishi_contest_setup_write_func    (YishiDatabase                  *db,
                                               gpointer                        data,
                                               GCancellable                   *cancellable,
                                               GDestroyNotify                 *out_free,
                                               GError                        **error);

/* The rows of YishiContestSetupView. A row that can be taken away gets
 * a remove button, returned in @out_button (NULL otherwise) for the view
 * to connect; its accessible name says what it takes away. */

GtkWidget *_yishi_contest_setup_criterion_row (const YishiContestCriterionRow *criterion,
                                               gboolean                        removable,
                                               GtkWidget                     **out_button);
GtkWidget *_yishi_contest_setup_judge_row     (const YishiContestJudgeRow     *judge,
                                               gboolean                        removable,
                                               GtkWidget                     **out_button);
GtkWidget *_yishi_contest_setup_entry_row     (const YishiContestEntryRow     *entry,
                                               gboolean                        removable,
                                               GtkWidget                     **out_button);
GtkWidget *_yishi_contest_setup_recusal_row   (const YishiContestRecusalRow   *recusal,
                                               gboolean                        removable,
                                               GtkWidget                     **out_button);
/* A dim row saying a list is empty. */
GtkWidget *_yishi_contest_setup_empty_row     (const char                     *text);
/* What the criteria's maxima add up to; @out_usual is FALSE when that
 * is not the usual 100 points. */
char      *_yishi_contest_setup_total_text    (GPtrArray                      *criteria,
                                               gboolean                       *out_usual);
/* The rows of the settings group, floating, in the order shown. */
GPtrArray *_yishi_contest_setup_settings_rows (const YishiContestRow          *contest);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiContestSetupData, _yishi_contest_setup_data_free)

G_END_DECLS
