#pragma once

#include <sqlite3.h>

#include "yishi-contest-results.h"

G_BEGIN_DECLS

/* What a write needs to know about the contest it changes. */
typedef struct
{
  gint64            id;
  YishiContestState state;
} YishiContestInfo;

/* Shared by the contest store's files; with the lock held, inside the
 * caller's transaction. */
gboolean _yishi_contest_load          (YishiDatabase           *db,
                                       gint64                   contest_id,
                                       YishiContestInfo        *info,
                                       GError                 **error);
/* Refuses unless the contest is in @state. */
gboolean _yishi_contest_check_state   (const YishiContestInfo  *info,
                                       YishiContestState        state,
                                       GError                 **error);
gboolean _yishi_contest_check_not_published (const YishiContestInfo  *info,
                                       GError                 **error);
gboolean _yishi_contest_is_blank      (const char              *text);
/* @out_name is the judge's name; refused unless a judge of the contest. */
gboolean _yishi_contest_load_judge    (YishiDatabase           *db,
                                       gint64                   contest_id,
                                       gint64                   person_id,
                                       char                   **out_name,
                                       GError                 **error);
/* @out_title is the proposal's title; refused unless entered. */
gboolean _yishi_contest_load_entry    (YishiDatabase           *db,
                                       gint64                   contest_id,
                                       gint64                   proposal_id,
                                       char                   **out_title,
                                       GError                 **error);
/* Refused unless a criterion of the contest. */
gboolean _yishi_contest_load_criterion_position (YishiDatabase *db,
                                       gint64                   contest_id,
                                       gint64                   criterion_id,
                                       gint64                  *out_position,
                                       GError                 **error);
gboolean _yishi_contest_is_recused    (YishiDatabase           *db,
                                       gint64                   contest_id,
                                       gint64                   judge_id,
                                       gint64                   proposal_id,
                                       gboolean                *out_recused,
                                       GError                 **error);
/* Recuses automatically where the rules say so: for the judge
 * @judge_id, the entry @proposal_id, or (both 0) the whole contest. */
gboolean _yishi_contest_apply_auto_recusals (YishiDatabase     *db,
                                       gint64                   contest_id,
                                       gint64                   judge_id,
                                       gint64                   proposal_id,
                                       GError                 **error);
YishiContestRanking *_yishi_contest_rank_locked (YishiDatabase *db,
                                       gint64                   contest_id,
                                       GError                 **error);
/* The results, inside the caller's transaction. */
YishiContestResults *_yishi_contest_read_results (YishiDatabase *db,
                                       gint64                   contest_id,
                                       GError                 **error);

G_END_DECLS
