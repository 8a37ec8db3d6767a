#include "config.h"

#include "yishi-database.h"
#include "yishi-migrations.h"

/* Timestamps are UTC, ISO 8601, to the second. */
#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
#define UUID_CHECK(col) "CHECK (length(" col ") = 36)"

/* Version 1: communities and grids, people and their roles, proposals.
 * Key columns are checked with OR chains, not IN lists: SQLite builds a
 * temporary table for every IN list it evaluates, which made inserts
 * four times slower. */
static const char migration_1[] =
  "CREATE TABLE community ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  district TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE TABLE grid ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  community_id INTEGER REFERENCES community (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  UNIQUE (community_id, name)"
  ");"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  grid_id INTEGER REFERENCES grid (id) ON DELETE SET NULL,"
  "  building TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX person_name ON person (name);"
  "CREATE INDEX person_grid ON person (grid_id);"
  "CREATE TABLE person_role ("
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role = 'council-member' OR role = 'building-leader' OR role = 'ten-household-leader' OR"
  "    role = 'grid-worker' OR role = 'judge' OR role = 'volunteer'),"
  "  PRIMARY KEY (person_id, role)"
  ") WITHOUT ROWID;"
  "CREATE TABLE proposal ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  proposer_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  community_id INTEGER REFERENCES community (id) ON DELETE RESTRICT,"
  "  category TEXT NOT NULL CHECK (category = 'environment' OR category = 'elderly-disabled' OR category = 'roads-traffic' OR"
  "    category = 'culture-sports' OR category = 'safety' OR category = 'other'),"
  "  location TEXT NOT NULL DEFAULT '',"
  "  cost_fen INTEGER CHECK (cost_fen IS NULL OR (typeof(cost_fen) = 'integer'"
  "    AND cost_fen BETWEEN 0 AND 10000000000000)),"
  "  households INTEGER CHECK (households IS NULL OR (typeof(households) = 'integer' AND households >= 0)),"
  "  people INTEGER CHECK (people IS NULL OR (typeof(people) = 'integer' AND people >= 0)),"
  "  submitted_on TEXT CHECK (submitted_on IS NULL OR date(submitted_on) = submitted_on),"
  "  status TEXT NOT NULL CHECK (status = 'draft' OR status = 'submitted' OR status = 'screened-in' OR"
  "    status = 'screened-out' OR status = 'shortlisted' OR status = 'accepted' OR"
  "    status = 'rejected' OR status = 'implemented'),"
  "  status_reason TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK (status <> 'screened-out' OR length(trim(status_reason)) > 0)"
  ");"
  "CREATE INDEX proposal_proposer ON proposal (proposer_id);"
  "CREATE INDEX proposal_community ON proposal (community_id);"
  "CREATE INDEX proposal_status ON proposal (status);";

/* Version 2: a person's own community. Version 1 reached it only through
 * the grid, so a resident given a community but no grid lost it. And no
 * index on the proposals' status. */
static const char migration_2[] =
  "ALTER TABLE person ADD COLUMN community_id INTEGER"
  "  REFERENCES community (id) ON DELETE SET NULL;"
  "UPDATE person SET community_id ="
  "  (SELECT g.community_id FROM grid g WHERE g.id = person.grid_id)"
  "  WHERE grid_id IS NOT NULL;"
  "CREATE INDEX person_community ON person (community_id);"
  /* proposals are filtered by status in memory: the index only slowed
   * every insert and status change */
  "DROP INDEX proposal_status;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == YISHI_SCHEMA_VERSION + 1);

const char * const *
_yishi_migrations_get (guint *n_migrations)
{
  if (n_migrations != NULL)
    *n_migrations = G_N_ELEMENTS (migrations) - 1;

  return migrations;
}
