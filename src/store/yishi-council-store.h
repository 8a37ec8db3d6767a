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
/* Translated: 主任, 副主任, 委员, 居民代表. */
const char *yishi_council_position_label    (YishiCouncilPosition  position);

/* How debate runs (南塘十三条: 2 minutes a turn, at most 2 turns per
 * person per motion), and whether a motion needs a seconder. */
typedef struct
{
  guint    speech_seconds;
  guint    max_turns;
  gboolean requires_seconder;
} YishiSpeakingRules;

/* A member of a council on a given date. */
typedef struct
{
  gint64                id;        /* the membership */
  gint64                person_id;
  char                 *name;
  YishiCouncilPosition  position;
  char                 *joined_on;
  char                 *left_on;   /* NULL: still a member */
} YishiCouncilMemberRow;

void        yishi_council_member_row_free   (YishiCouncilMemberRow *row);

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

/* Members on @date ("YYYY-MM-DD"; NULL: today), directors first, then
 * by name. */
GPtrArray  *yishi_council_store_list_members (YishiDatabase       *db,
                                             gint64                council_id,
                                             const char           *date,
                                             GError              **error);
gboolean    yishi_council_store_get_speaking_rules (YishiDatabase *db,
                                             gint64                council_id,
                                             YishiSpeakingRules   *out_rules,
                                             GError              **error);
/* Refuses 0 seconds or 0 turns. One transaction. */
gboolean    yishi_council_store_set_speaking_rules (YishiDatabase *db,
                                             gint64                council_id,
                                             const YishiSpeakingRules *rules,
                                             GError              **error);
/* The default vote rule of new motions. */
gboolean    yishi_council_store_set_rule    (YishiDatabase        *db,
                                             gint64                council_id,
                                             const YishiVoteRule  *rule,
                                             GError              **error);
/* Both at once, in one transaction; NULL leaves that part as it is. */
gboolean    yishi_council_store_set_rules   (YishiDatabase        *db,
                                             gint64                council_id,
                                             const YishiVoteRule  *rule,
                                             const YishiSpeakingRules *speaking,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiCouncilMemberRow, yishi_council_member_row_free)

G_END_DECLS
