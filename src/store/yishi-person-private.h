#pragma once

#include <sqlite3.h>

#include "yishi-person.h"

G_BEGIN_DECLS

/* The columns _yishi_person_new_from_row () reads, in order. */
#define YISHI_PERSON_COLUMNS \
  "pe.id, pe.uuid, pe.name, coalesce(c.name, ''), coalesce(g.name, ''), pe.building, pe.phone, " \
  "(SELECT coalesce(group_concat(role, ' '), '') FROM person_role r WHERE r.person_id = pe.id), " \
  "(SELECT count(*) FROM proposal p WHERE p.proposer_id = pe.id)"

#define YISHI_PERSON_FROM \
  " FROM person pe LEFT JOIN grid g ON g.id = pe.grid_id" \
  " LEFT JOIN community c ON c.id = pe.community_id"

YishiPerson *_yishi_person_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
