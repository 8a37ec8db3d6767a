#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-store-keys.h"

static const char * const position_keys[] = {
  "director", "deputy-director", "member", "representative",
};

static const char * const position_labels[] = {
  /* Translators: 主任, who heads a resident council */
  NC_("council position", "Director"),
  /* Translators: 副主任 of a resident council */
  NC_("council position", "Deputy Director"),
  /* Translators: 委员, an ordinary member of a resident council */
  NC_("council position", "Member"),
  /* Translators: 居民代表, a resident elected to sit on the council */
  NC_("council position", "Residents’ Representative"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (position_labels) == G_N_ELEMENTS (position_keys));

/* Directors first, then deputies, members and representatives; the
 * order of YishiCouncilPosition. */
#define MEMBERS_SQL \
  "SELECT c.id, c.person_id, p.name, c.position, c.joined_on, c.left_on FROM council_member c" \
  " JOIN person p ON p.id = c.person_id WHERE c.council_id = ?1 AND c.joined_on <= ?2" \
  " AND (c.left_on IS NULL OR c.left_on > ?2)" \
  " ORDER BY CASE c.position WHEN 'director' THEN 0 WHEN 'deputy-director' THEN 1" \
  " WHEN 'member' THEN 2 ELSE 3 END, p.name, c.id"

#define COUNT_SQL \
  "SELECT count(*) FROM council_member WHERE council_id = ?1 AND joined_on <= ?2" \
  " AND (left_on IS NULL OR left_on > ?2)"

/* Today by the database's clock, which a past meeting being entered
 * sets: the day a membership starts or ends unless told otherwise. */
static char *
dup_today (YishiDatabase *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (_yishi_database_get_time (db));

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Runs @stmt inside its own transaction; its rowid in @out_id. */
static gboolean
insert_one (YishiDatabase  *db,
            sqlite3_stmt   *stmt,
            gint64         *out_id,
            GError        **error)
{
  gboolean ok;

  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_database_step_insert (db, stmt, out_id, error);
  return _yishi_database_finish (db, ok, error);
}

YISHI_STORE_KEY_FUNCS (yishi_council_position, YishiCouncilPosition, position_keys)

/* Translated: 主任, 副主任, 委员, 居民代表. */
const char *
yishi_council_position_label (YishiCouncilPosition position)
{
  g_return_val_if_fail ((guint) position < G_N_ELEMENTS (position_labels), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "council position", position_labels[position]);
}

gboolean
_yishi_store_check_date (const char  *date,
                         GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = g_strconcat (date, "T00:00:00Z", NULL);

  if (strlen (date) == 10 && (parsed = g_date_time_new_from_iso8601 (iso, NULL)) != NULL)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is what the user typed */
               _("“%s” is not a date of the form YYYY-MM-DD."), date);
  return FALSE;
}

gboolean
_yishi_council_count_members (YishiDatabase  *db,
                              gint64          council_id,
                              const char     *date,
                              guint          *out_count,
                              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, COUNT_SQL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  _yishi_bind_text (stmt, 2, date);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }
  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gint64
yishi_council_store_add (YishiDatabase        *db,
                         const char           *name,
                         const YishiVoteRule  *rule,
                         GError              **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *quorum = NULL;
  char uuid[YISHI_UUID_LENGTH + 1];
  YishiVoteRule fallback;
  gint64 id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (rule == NULL)
    yishi_vote_rule_init_default (&fallback), rule = &fallback;
  quorum = yishi_vote_quorum_to_key (&rule->quorum);
  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "INSERT INTO council (uuid, name, quorum, majority, base)"
                                      " VALUES (?1, trim(?2), ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  _yishi_database_new_uuid (db, uuid);
  _yishi_bind_text (stmt, 1, uuid);
  _yishi_bind_text (stmt, 2, name);
  _yishi_bind_text (stmt, 3, quorum);
  _yishi_bind_static_text (stmt, 4, yishi_vote_majority_to_key (rule->majority));
  _yishi_bind_static_text (stmt, 5, yishi_vote_base_to_key (rule->base));
  return insert_one (db, stmt, &id, error) ? id : 0;
}

gint64
yishi_council_store_add_member (YishiDatabase        *db,
                                gint64                council_id,
                                gint64                person_id,
                                YishiCouncilPosition  position,
                                const char           *since,
                                GError              **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *today = NULL;
  gint64 id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), 0);

  if (since == NULL)
    since = today = dup_today (db);
  if (!_yishi_store_check_date (since, error))
    return 0;
  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "INSERT INTO council_member (council_id, person_id, position,"
                                      " joined_on) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, council_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _yishi_bind_static_text (stmt, 3, yishi_council_position_to_key (position));
  _yishi_bind_text (stmt, 4, since);
  return insert_one (db, stmt, &id, error) ? id : 0;
}

gboolean
yishi_council_store_end_member (YishiDatabase  *db,
                                gint64          membership_id,
                                const char     *until,
                                GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *today = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  if (until == NULL)
    until = today = dup_today (db);
  if (!_yishi_store_check_date (until, error))
    return FALSE;
  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "UPDATE council_member SET left_on = ?2, updated_at = ?3"
                                      " WHERE id = ?1 AND left_on IS NULL", error);
  if (stmt == NULL || !_yishi_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, membership_id);
  _yishi_bind_text (stmt, 2, until);
  _yishi_bind_static_text (stmt, 3, _yishi_database_get_now (db));
  ok = _yishi_database_step_done (db, stmt, error);
  if (ok && sqlite3_changes (_yishi_database_get_handle (db)) == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   _("There is no current membership with id %" PRId64 "."), membership_id);
      ok = FALSE;
    }
  return _yishi_database_finish (db, ok, error);
}

gboolean
yishi_council_store_count_members (YishiDatabase  *db,
                                   gint64          council_id,
                                   const char     *date,
                                   guint          *out_count,
                                   GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (date != NULL && out_count != NULL, FALSE);

  if (!_yishi_store_check_date (date, error))
    return FALSE;
  locker = _yishi_database_locker_new (db);
  return _yishi_council_count_members (db, council_id, date, out_count, error);
}

static gboolean
find_person_by_name (YishiDatabase  *db,
                     const char     *name,
                     gint64         *out_person_id,
                     GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT id FROM person WHERE name = trim(?1) LIMIT 2", error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _yishi_bind_text (stmt, 1, name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_person_id = sqlite3_column_int64 (stmt, 0), n++;
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), FALSE;
  if (n == 1)
    return TRUE;

  if (n == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 /* Translators: %s is a person's name */
                 _("There is no person called “%s”."), name);
  else
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS,
                 /* Translators: %s is a person's name */
                 _("More than one person is called “%s”: give the id instead."), name);
  return FALSE;
}

static gboolean
check_person_id (YishiDatabase  *db,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "SELECT 1 FROM person WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no person with id %" PRId64 "."), id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

/* A person named by their id (digits only) or by their exact name. */
gboolean
yishi_council_store_find_person (YishiDatabase  *db,
                                 const char     *name_or_id,
                                 gint64         *out_person_id,
                                 GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  guint64 id;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (name_or_id != NULL && out_person_id != NULL, FALSE);

  locker = _yishi_database_locker_new (db);
  if (g_ascii_string_to_unsigned (name_or_id, 10, 1, G_MAXINT64, &id, NULL))
    {
      *out_person_id = (gint64) id;
      return check_person_id (db, (gint64) id, error);
    }
  return find_person_by_name (db, name_or_id, out_person_id, error);
}

void
yishi_council_row_free (YishiCouncilRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->name);
  g_free (row);
}

static YishiCouncilRow *
read_council (sqlite3_stmt *stmt)
{
  YishiCouncilRow *row = g_new0 (YishiCouncilRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->uuid = g_strdup (_yishi_column_text (stmt, 1));
  row->name = g_strdup (_yishi_column_text (stmt, 2));
  row->members = (guint) sqlite3_column_int64 (stmt, 6);
  if (yishi_vote_quorum_from_key (_yishi_column_text (stmt, 3), &row->rule.quorum) &&
      yishi_vote_majority_from_key (_yishi_column_text (stmt, 4), &row->rule.majority) &&
      yishi_vote_base_from_key (_yishi_column_text (stmt, 5), &row->rule.base))
    return row;
  yishi_council_row_free (row);
  return NULL;
}

/* The councils by name, each with its members today. */
GPtrArray *
yishi_council_store_list (YishiDatabase  *db,
                          GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_council_row_free);
  g_autofree char *today = NULL;
  YishiCouncilRow *row;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  today = dup_today (db);
  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT k.id, k.uuid, k.name, k.quorum, k.majority, k.base,"
                                      " (SELECT count(*) FROM council_member c WHERE c.council_id = k.id"
                                      " AND c.joined_on <= ?1 AND (c.left_on IS NULL OR c.left_on > ?1))"
                                      " FROM council k ORDER BY k.name, k.id", error);
  if (stmt == NULL)
    return NULL;
  _yishi_bind_text (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((row = read_council (stmt)) == NULL)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                       _("Council %" PRId64 " has a rule this Yishi does not know."),
                       (gint64) sqlite3_column_int64 (stmt, 0));
          return NULL;
        }
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), NULL;
  return g_steal_pointer (&rows);
}

void
yishi_council_member_row_free (YishiCouncilMemberRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->joined_on);
  g_free (row->left_on);
  g_free (row);
}

static YishiCouncilMemberRow *
read_member (sqlite3_stmt *stmt)
{
  g_autoptr(YishiCouncilMemberRow) row = g_new0 (YishiCouncilMemberRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  row->name = g_strdup (_yishi_column_text (stmt, 2));
  row->joined_on = g_strdup (_yishi_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    row->left_on = g_strdup (_yishi_column_text (stmt, 5));
  if (!yishi_council_position_from_key (_yishi_column_text (stmt, 3), &row->position))
    return NULL;
  return g_steal_pointer (&row);
}

static gboolean
read_members (YishiDatabase  *db,
              gint64          council_id,
              const char     *date,
              GPtrArray      *rows,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, MEMBERS_SQL, error);
  YishiCouncilMemberRow *row;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  _yishi_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((row = read_member (stmt)) == NULL)
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT,
                       _("Membership %" PRId64 " has a position this Yishi does not know."),
                       (gint64) sqlite3_column_int64 (stmt, 0));
          return FALSE;
        }
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return _yishi_database_set_error (db, error), FALSE;
  return TRUE;
}

/* The members on @date (NULL: today), directors first, then by
 * position, then by name. */
GPtrArray *
yishi_council_store_list_members (YishiDatabase  *db,
                                  gint64          council_id,
                                  const char     *date,
                                  GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  if (date == NULL)
    date = today = dup_today (db);
  if (!_yishi_store_check_date (date, error))
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_council_member_row_free);
  locker = _yishi_database_locker_new (db);
  if (!_yishi_council_check_exists (db, council_id, error) ||
      !read_members (db, council_id, date, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}
