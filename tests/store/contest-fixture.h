#pragma once

#include <sqlite3.h>

#include "yishi-contest-store.h"
#include "yishi-error.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"

G_BEGIN_DECLS

/* Six residents of 幸福里社区 — two in 第一网格, two in 第二网格, two in
 * no grid — and their proposals: four screened in or shortlisted, one
 * only submitted. A contest in setup with two criteria. */
typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         people[6];
  gint64         proposals[5];
  gint64         contest;
  gint64         criteria[2];
} Fixture;

enum { WANG, LI, ZHANG, ZHAO, CHEN, SUN };
enum { ROAD, LIFT, LIGHTS, DANCE, BENCHES };

gint64 add_person (YishiDatabase *db, guint index);
gint64 add_proposal (Fixture *fixture, guint index);
gint64 add_contest (YishiDatabase *db, const char *name, gboolean recuse_same_grid);
gint64 add_criterion (Fixture *fixture, gint64 contest, const char *name, gint64 max_points);
void fixture_set_up (Fixture *fixture, gconstpointer data);
void fixture_tear_down (Fixture *fixture, gconstpointer data);
int raw_exec (Fixture *fixture, const char *sql, char **out_message);
char *raw_rows (Fixture *fixture, const char *sql);
void assert_rows (Fixture *fixture, const char *sql, const char *expected);
char *all_contest_rows (Fixture *fixture);
char *recusals (Fixture *fixture, gint64 contest);
void judge (Fixture *fixture, gint64 contest, guint person);
void enter (Fixture *fixture, gint64 contest, guint proposal);
void set_state (Fixture *fixture, YishiContestState state);
void score (Fixture *fixture, guint person, guint proposal, guint criterion, gint64 points);
void assert_refused (GError *error, int code, ...);

G_END_DECLS
