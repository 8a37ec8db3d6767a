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

/* Version 3: council sessions (居民议事会). Membership has a history, so
 * a meeting counts the members on its own date. A secret ballot keeps
 * totals only: roll_call_vote is the one table that links a member to a
 * choice, and a trigger refuses it any vote not taken by roll call. */
#define POSITION_CHECK(col) \
  "CHECK (" col " = 'director' OR " col " = 'deputy-director' OR " col " = 'member' OR " \
  col " = 'representative')"
#define QUORUM_CHECK(col) \
  "CHECK (" col " = 'none' OR " col " = 'more-than-half' OR " col " = 'two-thirds' OR" \
  " (substr(" col ", 1, 6) = 'count:' AND length(" col ") BETWEEN 7 AND 16" \
  " AND substr(" col ", 7) NOT GLOB '*[^0-9]*' AND substr(" col ", 7, 1) <> '0'))"
static const char migration_3[] =
  "CREATE TABLE council ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  quorum TEXT NOT NULL DEFAULT 'more-than-half' " QUORUM_CHECK ("quorum") ","
  "  majority TEXT NOT NULL DEFAULT 'simple' CHECK (majority = 'simple' OR majority = 'two-thirds' OR"
  "    majority = 'three-quarters' OR majority = 'unanimous'),"
  "  base TEXT NOT NULL DEFAULT 'present' CHECK (base = 'yes-no' OR base = 'yes-no-abstain' OR"
  "    base = 'cast' OR base = 'present' OR base = 'members'),"
  "  speech_seconds INTEGER NOT NULL DEFAULT 120 CHECK (speech_seconds > 0),"
  "  max_turns INTEGER NOT NULL DEFAULT 2 CHECK (max_turns > 0),"
  "  requires_seconder INTEGER NOT NULL DEFAULT 0 CHECK (requires_seconder = 0 OR requires_seconder = 1),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE TABLE council_member ("
  "  id INTEGER PRIMARY KEY,"
  "  council_id INTEGER NOT NULL REFERENCES council (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  position TEXT NOT NULL " POSITION_CHECK ("position") ","
  "  joined_on TEXT NOT NULL CHECK (date(joined_on) = joined_on),"
  "  left_on TEXT CHECK (left_on IS NULL OR (date(left_on) = left_on AND left_on >= joined_on)),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX council_member_council ON council_member (council_id, person_id);"
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  council_id INTEGER NOT NULL REFERENCES council (id) ON DELETE RESTRICT,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  starts_at TEXT NOT NULL CHECK (datetime(starts_at) IS NOT NULL),"
  "  place TEXT NOT NULL DEFAULT '',"
  "  chair_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  secretary_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  notice TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT 'planned' CHECK (state = 'planned' OR state = 'in-session' OR state = 'closed'),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX meeting_council ON meeting (council_id);"
  "CREATE TABLE meeting_observer ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  CHECK (person_id IS NOT NULL OR length(trim(name)) > 0)"
  ");"
  "CREATE TABLE attendance ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  status TEXT NOT NULL CHECK (status = 'present' OR status = 'excused' OR status = 'absent'),"
  "  signed_in_at TEXT,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  PRIMARY KEY (meeting_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE agenda_item ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 1),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  proposal_id INTEGER REFERENCES proposal (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  UNIQUE (meeting_id, position)"
  ");"
  "CREATE TABLE motion ("
  "  id INTEGER PRIMARY KEY,"
  "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,"
  "  parent_motion_id INTEGER REFERENCES motion (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  mover_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  seconder_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  quorum TEXT NOT NULL " QUORUM_CHECK ("quorum") ","
  "  majority TEXT NOT NULL CHECK (majority = 'simple' OR majority = 'two-thirds' OR"
  "    majority = 'three-quarters' OR majority = 'unanimous'),"
  "  base TEXT NOT NULL CHECK (base = 'yes-no' OR base = 'yes-no-abstain' OR"
  "    base = 'cast' OR base = 'present' OR base = 'members'),"
  "  form TEXT NOT NULL DEFAULT 'hands' CHECK (form = 'hands' OR form = 'roll-call' OR form = 'secret'),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX motion_item ON motion (agenda_item_id);"
  "CREATE TABLE vote ("
  "  id INTEGER PRIMARY KEY,"
  "  motion_id INTEGER NOT NULL UNIQUE REFERENCES motion (id) ON DELETE CASCADE,"
  "  members INTEGER NOT NULL CHECK (members >= 1),"
  "  present INTEGER NOT NULL CHECK (present >= 0 AND present <= members),"
  "  yes INTEGER NOT NULL CHECK (yes >= 0),"
  "  no INTEGER NOT NULL CHECK (no >= 0),"
  "  abstain INTEGER NOT NULL CHECK (abstain >= 0),"
  "  invalid INTEGER NOT NULL DEFAULT 0 CHECK (invalid >= 0),"
  "  verdict TEXT NOT NULL CHECK (verdict = 'passed' OR verdict = 'failed' OR verdict = 'no-quorum' OR"
  "    verdict = 'no-verdict'),"
  "  required INTEGER NOT NULL CHECK (required >= 0),"
  "  taken_at TEXT NOT NULL,"
  "  CHECK (yes + no + abstain + invalid <= present)"
  ");"
  "CREATE TABLE roll_call_vote ("
  "  vote_id INTEGER NOT NULL REFERENCES vote (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  choice TEXT NOT NULL CHECK (choice = 'yes' OR choice = 'no' OR choice = 'abstain' OR choice = 'none'),"
  "  PRIMARY KEY (vote_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER roll_call_vote_only_roll_call BEFORE INSERT ON roll_call_vote"
  "  WHEN (SELECT m.form FROM vote v JOIN motion m ON m.id = v.motion_id WHERE v.id = NEW.vote_id)"
  "    IS NOT 'roll-call'"
  "  BEGIN SELECT RAISE (ABORT, 'only a roll-call vote records who voted how'); END;"
  "CREATE TABLE resolution ("
  "  id INTEGER PRIMARY KEY,"
  "  agenda_item_id INTEGER REFERENCES agenda_item (id) ON DELETE CASCADE,"
  "  motion_id INTEGER REFERENCES motion (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  responsible_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,"
  "  due_on TEXT CHECK (due_on IS NULL OR date(due_on) = due_on),"
  "  follow_up TEXT NOT NULL DEFAULT 'open' CHECK (follow_up = 'open' OR follow_up = 'in-progress' OR"
  "    follow_up = 'done'),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK (agenda_item_id IS NOT NULL OR motion_id IS NOT NULL)"
  ");"
  "CREATE INDEX resolution_item ON resolution (agenda_item_id);"
  "CREATE INDEX resolution_follow_up ON resolution (follow_up);";

/* Version 4: the speakers' queue (发言). A turn is on an agenda item, or
 * on one motion of it. started_at and ended_at are the meeting room's
 * local time, "YYYY-MM-DD HH:MM:SS", as the chair's clock shows it. A
 * person waits (queued or speaking) at most once per item: a partial
 * unique index says so. */
static const char migration_4[] =
  "CREATE TABLE speech ("
  "  id INTEGER PRIMARY KEY,"
  "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,"
  "  motion_id INTEGER REFERENCES motion (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  state TEXT NOT NULL DEFAULT 'queued' CHECK (state = 'queued' OR state = 'speaking' OR state = 'done'),"
  "  turn INTEGER NOT NULL CHECK (turn >= 1),"
  "  started_at TEXT CHECK (started_at IS NULL OR datetime(started_at) = started_at),"
  "  ended_at TEXT CHECK (ended_at IS NULL OR datetime(ended_at) = ended_at),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK ((state = 'queued') = (started_at IS NULL)),"
  "  CHECK ((state = 'done') = (ended_at IS NOT NULL))"
  ");"
  "CREATE INDEX speech_item ON speech (agenda_item_id);"
  "CREATE INDEX speech_motion ON speech (motion_id);"
  "CREATE INDEX speech_person ON speech (person_id);"
  "CREATE UNIQUE INDEX speech_waiting ON speech (agenda_item_id, person_id) WHERE state <> 'done';";

/* Version 5: proposal contests (提案大赛). Points are integers in
 * hundredths of a point (87.5 is 8750), compared exactly. Judges,
 * entries and criteria belong to one contest: a recusal or a score
 * names its contest and refers to (contest, judge), (contest, proposal)
 * and (contest, criterion) together, so it cannot mix contests. A score
 * is keyed by contest first, without a rowid, so the ranking reads a
 * whole contest as one range of the table; since a criterion belongs to
 * one contest, the key also makes (judge, proposal, criterion) unique.
 * A trigger refuses any score of a judge recused from the proposal,
 * whoever writes it. */
#define CONTEST_STATE_CHECK(col) \
  "CHECK (" col " = 'setup' OR " col " = 'judging' OR " col " = 'published')"
#define AGGREGATION_CHECK(col) \
  "CHECK (" col " = 'mean' OR " col " = 'trimmed-mean' OR " col " = 'median' OR " col " = 'normalised')"
#define RECUSED_SQL \
  "EXISTS (SELECT 1 FROM contest_recusal r WHERE r.contest_id = NEW.contest_id" \
  " AND r.person_id = NEW.person_id AND r.proposal_id = NEW.proposal_id)"
static const char migration_5[] =
  "CREATE TABLE contest ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),"
  "  organiser TEXT NOT NULL DEFAULT '',"
  "  scope TEXT NOT NULL DEFAULT 'community' CHECK (scope = 'community' OR scope = 'district'),"
  "  budget_fen INTEGER NOT NULL DEFAULT 0 CHECK (typeof(budget_fen) = 'integer'"
  "    AND budget_fen BETWEEN 0 AND 10000000000000),"
  "  opens_on TEXT CHECK (opens_on IS NULL OR date(opens_on) = opens_on),"
  "  closes_on TEXT CHECK (closes_on IS NULL OR date(closes_on) = closes_on),"
  "  state TEXT NOT NULL DEFAULT 'setup' " CONTEST_STATE_CHECK ("state") ","
  "  aggregation TEXT NOT NULL DEFAULT 'mean' " AGGREGATION_CHECK ("aggregation") ","
  "  funding TEXT NOT NULL DEFAULT 'greedy' CHECK (funding = 'greedy' OR funding = 'top-n'),"
  "  top_n INTEGER CHECK (top_n IS NULL OR (typeof(top_n) = 'integer' AND top_n >= 1)),"
  "  recuse_same_grid INTEGER NOT NULL DEFAULT 0 CHECK (recuse_same_grid = 0 OR recuse_same_grid = 1),"
  "  lots_seed INTEGER NOT NULL CHECK (typeof(lots_seed) = 'integer' AND lots_seed >= 0),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK (opens_on IS NULL OR closes_on IS NULL OR closes_on >= opens_on),"
  "  CHECK ((funding = 'top-n') = (top_n IS NOT NULL))"
  ");"
  "CREATE TABLE contest_criterion ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  contest_id INTEGER NOT NULL REFERENCES contest (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 1),"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  max_points INTEGER NOT NULL CHECK (typeof(max_points) = 'integer' AND max_points BETWEEN 1 AND 1000000),"
  "  step INTEGER NOT NULL DEFAULT 50 CHECK (typeof(step) = 'integer' AND step >= 1),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK (max_points % step = 0),"
  "  UNIQUE (contest_id, position),"
  "  UNIQUE (contest_id, name),"
  "  UNIQUE (contest_id, id)"
  ");"
  "CREATE TABLE contest_judge ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  contest_id INTEGER NOT NULL REFERENCES contest (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  UNIQUE (contest_id, person_id)"
  ");"
  "CREATE INDEX contest_judge_person ON contest_judge (person_id);"
  "CREATE TABLE contest_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  contest_id INTEGER NOT NULL REFERENCES contest (id) ON DELETE CASCADE,"
  "  proposal_id INTEGER NOT NULL REFERENCES proposal (id) ON DELETE RESTRICT,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  UNIQUE (contest_id, proposal_id)"
  ");"
  "CREATE INDEX contest_entry_proposal ON contest_entry (proposal_id);"
  "CREATE TABLE contest_recusal ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  contest_id INTEGER NOT NULL,"
  "  person_id INTEGER NOT NULL,"
  "  proposal_id INTEGER NOT NULL,"
  "  reason TEXT NOT NULL CHECK (reason = 'proposer' OR reason = 'same-grid' OR reason = 'relative' OR"
  "    reason = 'other'),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  UNIQUE (contest_id, person_id, proposal_id),"
  "  FOREIGN KEY (contest_id, person_id) REFERENCES contest_judge (contest_id, person_id) ON DELETE CASCADE,"
  "  FOREIGN KEY (contest_id, proposal_id) REFERENCES contest_entry (contest_id, proposal_id) ON DELETE CASCADE"
  ");"
  "CREATE INDEX contest_recusal_entry ON contest_recusal (contest_id, proposal_id);"
  "CREATE TABLE contest_score ("
  "  contest_id INTEGER NOT NULL,"
  "  proposal_id INTEGER NOT NULL,"
  "  person_id INTEGER NOT NULL,"
  "  criterion_id INTEGER NOT NULL,"
  "  points INTEGER NOT NULL CHECK (typeof(points) = 'integer' AND points >= 0),"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  PRIMARY KEY (contest_id, proposal_id, person_id, criterion_id),"
  "  FOREIGN KEY (contest_id, person_id) REFERENCES contest_judge (contest_id, person_id) ON DELETE CASCADE,"
  "  FOREIGN KEY (contest_id, proposal_id) REFERENCES contest_entry (contest_id, proposal_id) ON DELETE CASCADE,"
  "  FOREIGN KEY (contest_id, criterion_id) REFERENCES contest_criterion (contest_id, id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE INDEX contest_score_judge ON contest_score (contest_id, person_id);"
  "CREATE TRIGGER contest_score_not_recused BEFORE INSERT ON contest_score"
  "  WHEN " RECUSED_SQL
  "  BEGIN SELECT RAISE (ABORT, 'a recused judge cannot score that proposal'); END;"
  "CREATE TRIGGER contest_score_not_recused_update BEFORE UPDATE ON contest_score"
  "  WHEN " RECUSED_SQL
  "  BEGIN SELECT RAISE (ABORT, 'a recused judge cannot score that proposal'); END;";

/* Version 6: what a contest's results need. The objection period of
 * its public notice (公示) and the day it was published; an organiser's
 * funding decisions that replace the rule's, each with its reason; and
 * published scores locked for anyone who writes to the file, as the
 * store already refuses to change them. */
#define CONTEST_PUBLISHED_SQL(row) \
  "(SELECT state FROM contest WHERE id = " row ".contest_id) = 'published'"
static const char migration_6[] =
  "ALTER TABLE contest ADD COLUMN objection_days INTEGER NOT NULL DEFAULT 7"
  "  CHECK (typeof(objection_days) = 'integer' AND objection_days BETWEEN 1 AND 365);"
  "ALTER TABLE contest ADD COLUMN published_on TEXT"
  "  CHECK (published_on IS NULL OR date(published_on) = published_on);"
  "CREATE TABLE contest_override ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  contest_id INTEGER NOT NULL,"
  "  proposal_id INTEGER NOT NULL,"
  "  funded INTEGER NOT NULL CHECK (funded = 0 OR funded = 1),"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  UNIQUE (contest_id, proposal_id),"
  "  FOREIGN KEY (contest_id, proposal_id) REFERENCES contest_entry (contest_id, proposal_id) ON DELETE CASCADE"
  ");"
  "CREATE TRIGGER contest_score_locked_insert BEFORE INSERT ON contest_score"
  "  WHEN " CONTEST_PUBLISHED_SQL ("NEW")
  "  BEGIN SELECT RAISE (ABORT, 'the scores of a published contest cannot change'); END;"
  "CREATE TRIGGER contest_score_locked_update BEFORE UPDATE ON contest_score"
  "  WHEN " CONTEST_PUBLISHED_SQL ("OLD")
  "  BEGIN SELECT RAISE (ABORT, 'the scores of a published contest cannot change'); END;"
  "CREATE TRIGGER contest_score_locked_delete BEFORE DELETE ON contest_score"
  "  WHEN " CONTEST_PUBLISHED_SQL ("OLD")
  "  BEGIN SELECT RAISE (ABORT, 'the scores of a published contest cannot change'); END;"
  "CREATE TRIGGER contest_override_locked_insert BEFORE INSERT ON contest_override"
  "  WHEN " CONTEST_PUBLISHED_SQL ("NEW")
  "  BEGIN SELECT RAISE (ABORT, 'the funding of a published contest cannot change'); END;"
  "CREATE TRIGGER contest_override_locked_update BEFORE UPDATE ON contest_override"
  "  WHEN " CONTEST_PUBLISHED_SQL ("OLD")
  "  BEGIN SELECT RAISE (ABORT, 'the funding of a published contest cannot change'); END;"
  "CREATE TRIGGER contest_override_locked_delete BEFORE DELETE ON contest_override"
  "  WHEN " CONTEST_PUBLISHED_SQL ("OLD")
  "  BEGIN SELECT RAISE (ABORT, 'the funding of a published contest cannot change'); END;";

/* Version 7: the minutes (会议记录) of a meeting. The minutes keep
 * only what the secretary writes; the facts stay in the meeting's
 * record, read each time. Once approved, the minutes and the record
 * they describe are locked for anyone who writes to the file: the
 * digest taken at approval must keep matching them. Only the follow-up
 * of a resolution goes on, and approved minutes may still be frozen. A
 * correction is a corrigendum (更正), added and never changed. The
 * names an approved record shows — of the people in it, of its council
 * and of the meeting whose vote approved it — are locked too, and so is
 * the council's membership on the dates of approved meetings, which
 * gives their numbers of members and present. */
#define MINUTES_LOCKED(meeting) \
  "EXISTS (SELECT 1 FROM minutes WHERE meeting_id = " meeting " AND approval <> '')"
#define ITEM_MEETING(item) "(SELECT meeting_id FROM agenda_item WHERE id = " item ")"
#define MOTION_MEETING(motion) \
  "(SELECT i.meeting_id FROM motion mo JOIN agenda_item i ON i.id = mo.agenda_item_id WHERE mo.id = " motion ")"
#define VOTE_MEETING(vote) \
  "(SELECT i.meeting_id FROM vote v JOIN motion mo ON mo.id = v.motion_id" \
  " JOIN agenda_item i ON i.id = mo.agenda_item_id WHERE v.id = " vote ")"
#define RESOLUTION_MEETING(row) \
  "coalesce (" ITEM_MEETING (row ".agenda_item_id") ", " MOTION_MEETING (row ".motion_id") ")"
#define RECORD_LOCKED "'the record of a meeting with approved minutes cannot change'"
/* Refuses inserts, updates and deletes of @table's rows whose meeting,
 * @meeting_of (NEW) or (OLD), has approved minutes. */
#define RECORD_TRIGGERS(table, meeting_new, meeting_old) \
  "CREATE TRIGGER " table "_locked_insert BEFORE INSERT ON " table \
  "  WHEN " MINUTES_LOCKED (meeting_new) \
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;" \
  "CREATE TRIGGER " table "_locked_update BEFORE UPDATE ON " table \
  "  WHEN " MINUTES_LOCKED (meeting_old) " OR " MINUTES_LOCKED (meeting_new) \
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;" \
  "CREATE TRIGGER " table "_locked_delete BEFORE DELETE ON " table \
  "  WHEN " MINUTES_LOCKED (meeting_old) \
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
#define DIGEST_CHECK(col) \
  "CHECK (" col " IS NULL OR (length(" col ") = 64 AND " col " NOT GLOB '*[^0-9a-f]*'))"
/* The meetings a person appears in: chair, secretary, attendance,
 * observer, mover, seconder, roll call, responsible for a resolution. */
#define PERSON_MEETINGS(person) \
  "SELECT id FROM meeting WHERE chair_id = " person " OR secretary_id = " person \
  " UNION SELECT meeting_id FROM attendance WHERE person_id = " person \
  " UNION SELECT meeting_id FROM meeting_observer WHERE person_id = " person \
  " UNION SELECT i.meeting_id FROM motion mo JOIN agenda_item i ON i.id = mo.agenda_item_id" \
  "   WHERE mo.mover_id = " person " OR mo.seconder_id = " person \
  " UNION SELECT " VOTE_MEETING ("r.vote_id") " FROM roll_call_vote r WHERE r.person_id = " person \
  " UNION SELECT " RESOLUTION_MEETING ("r") " FROM resolution r WHERE r.responsible_id = " person
/* A membership that counts on an approved meeting's date: members and
 * present are part of the record. */
#define MEMBERSHIP_COUNTS(row) \
  "(" row ".council_id = m.council_id AND " row ".joined_on <= date(m.starts_at)" \
  " AND (" row ".left_on IS NULL OR " row ".left_on > date(m.starts_at)))"
#define APPROVED_MEETING_WHERE(cond) \
  "EXISTS (SELECT 1 FROM minutes n JOIN meeting m ON m.id = n.meeting_id WHERE n.approval <> '' AND (" cond "))"
static const char migration_7[] =
  "CREATE TABLE minutes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meeting (id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state = 'draft' OR state = 'submitted' OR state = 'approved' OR"
  "    state = 'frozen'),"
  "  other_matters TEXT NOT NULL DEFAULT '',"
  "  submitted_at TEXT,"
  "  approval TEXT NOT NULL DEFAULT '' CHECK (approval = '' OR approval = 'chair' OR approval = 'vote'),"
  "  approved_at TEXT,"
  "  approved_by TEXT NOT NULL DEFAULT '',"
  "  approval_motion_id INTEGER REFERENCES motion (id) ON DELETE RESTRICT,"
  "  frozen_at TEXT,"
  "  digest TEXT " DIGEST_CHECK ("digest") ","
  "  previous_digest TEXT NOT NULL DEFAULT '' CHECK (previous_digest = '' OR (length(previous_digest) = 64"
  "    AND previous_digest NOT GLOB '*[^0-9a-f]*')),"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK ((state = 'draft') = (submitted_at IS NULL)),"
  "  CHECK ((state = 'approved' OR state = 'frozen') = (approval <> '')),"
  "  CHECK ((approval <> '') = (approved_at IS NOT NULL)),"
  "  CHECK ((approval <> '') = (digest IS NOT NULL)),"
  "  CHECK ((approval = 'vote') = (approval_motion_id IS NOT NULL)),"
  "  CHECK ((state = 'frozen') = (frozen_at IS NOT NULL))"
  ");"
  "CREATE INDEX minutes_approval_motion ON minutes (approval_motion_id);"
  "CREATE TABLE minutes_item ("
  "  minutes_id INTEGER NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,"
  "  agenda_item_id INTEGER NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,"
  "  discussion TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (minutes_id, agenda_item_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX minutes_item_agenda_item ON minutes_item (agenda_item_id);"
  "CREATE TABLE minutes_corrigendum ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE " UUID_CHECK ("uuid") ","
  "  minutes_id INTEGER NOT NULL REFERENCES minutes (id) ON DELETE RESTRICT,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  made_at TEXT NOT NULL"
  ");"
  "CREATE INDEX minutes_corrigendum_minutes ON minutes_corrigendum (minutes_id);"
  "CREATE TRIGGER minutes_locked_update BEFORE UPDATE ON minutes"
  "  WHEN OLD.approval <> '' AND NOT (OLD.state = 'approved' AND NEW.state = 'frozen'"
  "    AND NEW.frozen_at IS NOT NULL AND NEW.id = OLD.id AND NEW.uuid IS OLD.uuid"
  "    AND NEW.meeting_id IS OLD.meeting_id AND NEW.other_matters IS OLD.other_matters"
  "    AND NEW.submitted_at IS OLD.submitted_at AND NEW.approval IS OLD.approval"
  "    AND NEW.approved_at IS OLD.approved_at AND NEW.approved_by IS OLD.approved_by"
  "    AND NEW.approval_motion_id IS OLD.approval_motion_id AND NEW.digest IS OLD.digest"
  "    AND NEW.previous_digest IS OLD.previous_digest AND NEW.created_at IS OLD.created_at)"
  "  BEGIN SELECT RAISE (ABORT, 'approved minutes cannot change: add a corrigendum'); END;"
  "CREATE TRIGGER minutes_locked_delete BEFORE DELETE ON minutes"
  "  WHEN OLD.approval <> ''"
  "  BEGIN SELECT RAISE (ABORT, 'approved minutes cannot be deleted'); END;"
  "CREATE TRIGGER minutes_item_locked_insert BEFORE INSERT ON minutes_item"
  "  WHEN (SELECT approval FROM minutes WHERE id = NEW.minutes_id) <> ''"
  "  BEGIN SELECT RAISE (ABORT, 'approved minutes cannot change: add a corrigendum'); END;"
  "CREATE TRIGGER minutes_item_locked_update BEFORE UPDATE ON minutes_item"
  "  WHEN (SELECT approval FROM minutes WHERE id = OLD.minutes_id) <> ''"
  "    OR (SELECT approval FROM minutes WHERE id = NEW.minutes_id) <> ''"
  "  BEGIN SELECT RAISE (ABORT, 'approved minutes cannot change: add a corrigendum'); END;"
  "CREATE TRIGGER minutes_item_locked_delete BEFORE DELETE ON minutes_item"
  "  WHEN (SELECT approval FROM minutes WHERE id = OLD.minutes_id) <> ''"
  "  BEGIN SELECT RAISE (ABORT, 'approved minutes cannot change: add a corrigendum'); END;"
  "CREATE TRIGGER minutes_corrigendum_only_approved BEFORE INSERT ON minutes_corrigendum"
  "  WHEN (SELECT approval FROM minutes WHERE id = NEW.minutes_id) IS NOT 'chair'"
  "    AND (SELECT approval FROM minutes WHERE id = NEW.minutes_id) IS NOT 'vote'"
  "  BEGIN SELECT RAISE (ABORT, 'only approved minutes take a corrigendum'); END;"
  "CREATE TRIGGER minutes_corrigendum_locked_update BEFORE UPDATE ON minutes_corrigendum"
  "  BEGIN SELECT RAISE (ABORT, 'a corrigendum cannot change'); END;"
  "CREATE TRIGGER minutes_corrigendum_locked_delete BEFORE DELETE ON minutes_corrigendum"
  "  BEGIN SELECT RAISE (ABORT, 'a corrigendum cannot change'); END;"
  "CREATE TRIGGER meeting_locked_update BEFORE UPDATE ON meeting"
  "  WHEN " MINUTES_LOCKED ("OLD.id")
  "    OR (NEW.title IS NOT OLD.title AND EXISTS (SELECT 1 FROM minutes n"
  "      WHERE " MOTION_MEETING ("n.approval_motion_id") " = OLD.id))"
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  "CREATE TRIGGER meeting_locked_delete BEFORE DELETE ON meeting"
  "  WHEN " MINUTES_LOCKED ("OLD.id")
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  RECORD_TRIGGERS ("meeting_observer", "NEW.meeting_id", "OLD.meeting_id")
  RECORD_TRIGGERS ("attendance", "NEW.meeting_id", "OLD.meeting_id")
  RECORD_TRIGGERS ("agenda_item", "NEW.meeting_id", "OLD.meeting_id")
  RECORD_TRIGGERS ("motion", ITEM_MEETING ("NEW.agenda_item_id"), ITEM_MEETING ("OLD.agenda_item_id"))
  RECORD_TRIGGERS ("vote", MOTION_MEETING ("NEW.motion_id"), MOTION_MEETING ("OLD.motion_id"))
  RECORD_TRIGGERS ("roll_call_vote", VOTE_MEETING ("NEW.vote_id"), VOTE_MEETING ("OLD.vote_id"))
  RECORD_TRIGGERS ("speech", ITEM_MEETING ("NEW.agenda_item_id"), ITEM_MEETING ("OLD.agenda_item_id"))
  "CREATE TRIGGER resolution_locked_insert BEFORE INSERT ON resolution"
  "  WHEN " MINUTES_LOCKED (RESOLUTION_MEETING ("NEW"))
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  /* the follow-up goes on after approval */
  "CREATE TRIGGER resolution_locked_update BEFORE UPDATE ON resolution"
  "  WHEN (" MINUTES_LOCKED (RESOLUTION_MEETING ("OLD")) " OR " MINUTES_LOCKED (RESOLUTION_MEETING ("NEW")) ")"
  "    AND (NEW.id IS NOT OLD.id OR NEW.agenda_item_id IS NOT OLD.agenda_item_id"
  "      OR NEW.motion_id IS NOT OLD.motion_id OR NEW.text IS NOT OLD.text"
  "      OR NEW.responsible_id IS NOT OLD.responsible_id OR NEW.due_on IS NOT OLD.due_on"
  "      OR NEW.created_at IS NOT OLD.created_at)"
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  "CREATE TRIGGER resolution_locked_delete BEFORE DELETE ON resolution"
  "  WHEN " MINUTES_LOCKED (RESOLUTION_MEETING ("OLD"))
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  "CREATE TRIGGER person_locked_name BEFORE UPDATE OF name ON person"
  "  WHEN NEW.name IS NOT OLD.name AND EXISTS (SELECT 1 FROM minutes"
  "    WHERE approval <> '' AND meeting_id IN (" PERSON_MEETINGS ("OLD.id") "))"
  "  BEGIN SELECT RAISE (ABORT, 'the name of a person in the record of a meeting with approved minutes"
  " cannot change'); END;"
  "CREATE TRIGGER council_member_locked_insert BEFORE INSERT ON council_member"
  "  WHEN " APPROVED_MEETING_WHERE (MEMBERSHIP_COUNTS ("NEW"))
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  "CREATE TRIGGER council_member_locked_update BEFORE UPDATE ON council_member"
  "  WHEN " APPROVED_MEETING_WHERE (MEMBERSHIP_COUNTS ("OLD") " IS NOT " MEMBERSHIP_COUNTS ("NEW")
                                    " OR (" MEMBERSHIP_COUNTS ("OLD") " AND NEW.person_id IS NOT OLD.person_id)")
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  "CREATE TRIGGER council_member_locked_delete BEFORE DELETE ON council_member"
  "  WHEN " APPROVED_MEETING_WHERE (MEMBERSHIP_COUNTS ("OLD"))
  "  BEGIN SELECT RAISE (ABORT, " RECORD_LOCKED "); END;"
  "CREATE TRIGGER council_locked_name BEFORE UPDATE OF name ON council"
  "  WHEN NEW.name IS NOT OLD.name AND EXISTS (SELECT 1 FROM minutes n JOIN meeting m ON m.id = n.meeting_id"
  "    WHERE m.council_id = OLD.id AND n.approval <> '')"
  "  BEGIN SELECT RAISE (ABORT, 'the name of a council with approved minutes cannot change'); END;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
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
