#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-council-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"

/* A council's rules: the vote rule its motions start from, and how
 * debate runs (南塘十三条: the length of a turn, the turns a person may
 * take on one motion, whether a motion needs a seconder). */

gboolean
_yishi_council_check_exists (YishiDatabase  *db,
                             gint64          council_id,
                             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db, "SELECT 1 FROM council WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no council with id %" PRId64 "."), council_id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

gboolean
_yishi_council_load_speaking_rules (YishiDatabase       *db,
                                    gint64               council_id,
                                    YishiSpeakingRules  *out_rules,
                                    GError             **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT speech_seconds, max_turns, requires_seconder FROM council WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out_rules->speech_seconds = (guint) sqlite3_column_int64 (stmt, 0);
      out_rules->max_turns = (guint) sqlite3_column_int64 (stmt, 1);
      out_rules->requires_seconder = sqlite3_column_int (stmt, 2) != 0;
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no council with id %" PRId64 "."), council_id);
  else
    _yishi_database_set_error (db, error);
  return FALSE;
}

gboolean
yishi_council_store_get_speaking_rules (YishiDatabase       *db,
                                        gint64               council_id,
                                        YishiSpeakingRules  *out_rules,
                                        GError             **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_rules != NULL, FALSE);

  locker = _yishi_database_locker_new (db);
  return _yishi_council_load_speaking_rules (db, council_id, out_rules, error);
}

static gboolean
check_speaking_rules (const YishiSpeakingRules  *rules,
                      GError                   **error)
{
  if (rules->speech_seconds == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 _("A turn to speak must last at least one second."));
  else if (rules->max_turns == 0)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                 _("The council must allow each person at least one turn on a motion."));
  else
    return TRUE;
  return FALSE;
}

static gboolean
check_rule (const YishiVoteRule  *rule,
            GError              **error)
{
  if (rule->quorum.kind != YISHI_VOTE_QUORUM_COUNT || rule->quorum.count > 0)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               _("A quorum of a number of members needs at least one member."));
  return FALSE;
}

static gboolean
update_speaking_rules (YishiDatabase             *db,
                       gint64                     council_id,
                       const YishiSpeakingRules  *rules,
                       GError                   **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE council SET speech_seconds = ?2, max_turns = ?3, requires_seconder = ?4, updated_at = ?5"
      " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  sqlite3_bind_int64 (stmt, 2, rules->speech_seconds);
  sqlite3_bind_int64 (stmt, 3, rules->max_turns);
  sqlite3_bind_int (stmt, 4, rules->requires_seconder ? 1 : 0);
  _yishi_bind_static_text (stmt, 5, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

static gboolean
update_rule (YishiDatabase        *db,
             gint64                council_id,
             const YishiVoteRule  *rule,
             GError              **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "UPDATE council SET quorum = ?2, majority = ?3, base = ?4, updated_at = ?5 WHERE id = ?1", error);
  g_autofree char *quorum = yishi_vote_quorum_to_key (&rule->quorum);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, council_id);
  _yishi_bind_text (stmt, 2, quorum);
  _yishi_bind_static_text (stmt, 3, yishi_vote_majority_to_key (rule->majority));
  _yishi_bind_static_text (stmt, 4, yishi_vote_base_to_key (rule->base));
  _yishi_bind_static_text (stmt, 5, _yishi_database_get_now (db));
  return _yishi_database_step_done (db, stmt, error);
}

/* Both kinds of rule in one transaction; NULL leaves that kind as it
 * is. Motions already put keep the rule they were put with. */
gboolean
yishi_council_store_set_rules (YishiDatabase             *db,
                               gint64                     council_id,
                               const YishiVoteRule       *rule,
                               const YishiSpeakingRules  *speaking,
                               GError                   **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  if ((rule != NULL && !check_rule (rule, error)) ||
      (speaking != NULL && !check_speaking_rules (speaking, error)))
    return FALSE;
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  ok = _yishi_council_check_exists (db, council_id, error) &&
       (rule == NULL || update_rule (db, council_id, rule, error)) &&
       (speaking == NULL || update_speaking_rules (db, council_id, speaking, error));
  return _yishi_database_finish (db, ok, error);
}

gboolean
yishi_council_store_set_speaking_rules (YishiDatabase             *db,
                                        gint64                     council_id,
                                        const YishiSpeakingRules  *rules,
                                        GError                   **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  return yishi_council_store_set_rules (db, council_id, NULL, rules, error);
}

gboolean
yishi_council_store_set_rule (YishiDatabase        *db,
                              gint64                council_id,
                              const YishiVoteRule  *rule,
                              GError              **error)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return yishi_council_store_set_rules (db, council_id, rule, NULL, error);
}
