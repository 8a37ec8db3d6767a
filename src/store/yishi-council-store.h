#pragma once

#include "yishi-database.h"
#include "yishi-vote.h"

G_BEGIN_DECLS

/* A member's position on a resident council (居民议事会). */
typedef enum
{
  YISHI_COUNCIL_POSITION_DIRECTOR,        /* "director": 主任 */
  YISHI_COUNCIL_POSITION_DEPUTY_DIRECTOR, /* "deputy-director": 副主任 */
  YISHI_COUNCIL_POSITION_MEMBER,          /* "member": 委员 */
  YISHI_COUNCIL_POSITION_REPRESENTATIVE,  /* "representative": 居民代表 */
} YishiCouncilPosition;

const char *yishi_council_position_to_key   (YishiCouncilPosition  position);
gboolean    yishi_council_position_from_key (const char           *key,
                                             YishiCouncilPosition *out_position);

typedef struct
{
  gint64         id;
  char          *uuid;
  char          *name;
  YishiVoteRule  rule;
  guint          members; /* today */
} YishiCouncilRow;

void        yishi_council_row_free          (YishiCouncilRow      *row);
GPtrArray  *yishi_council_store_list        (YishiDatabase        *db,
                                             GError              **error);

/* Each returns the new row's id, or 0 with @error set. @rule NULL is
 * the default rule; @since NULL is today. Dates are "YYYY-MM-DD". */
gint64      yishi_council_store_add         (YishiDatabase        *db,
                                             const char           *name,
                                             const YishiVoteRule  *rule,
                                             GError              **error);
gint64      yishi_council_store_add_member  (YishiDatabase        *db,
                                             gint64                council_id,
                                             gint64                person_id,
                                             YishiCouncilPosition  position,
                                             const char           *since,
                                             GError              **error);
gboolean    yishi_council_store_end_member  (YishiDatabase        *db,
                                             gint64                membership_id,
                                             const char           *until,
                                             GError              **error);
gboolean    yishi_council_store_count_members (YishiDatabase      *db,
                                             gint64                council_id,
                                             const char           *date,
                                             guint                *out_count,
                                             GError              **error);
gboolean    yishi_council_store_find_person (YishiDatabase      *db,
                                             const char           *name_or_id,
                                             gint64               *out_person_id,
                                             GError              **error);

G_END_DECLS
