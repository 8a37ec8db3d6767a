#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-meeting-store-private.h"
#include "yishi-minutes-store-private.h"

/* Verifying approved minutes: each digest is taken again over what the
 * file holds now, and each council's chain is walked from its first
 * approved minutes, each link naming the digest of the one before. */

typedef struct
{
  gint64 meeting_id;
  gint64 council_id;
} Approved;

static void
add_mismatch (GPtrArray          *mismatches,
              const YishiMinutes *minutes,
              char               *problem)
{
  YishiMinutesMismatch *mismatch = g_new0 (YishiMinutesMismatch, 1);

  mismatch->minutes_id = minutes->id;
  mismatch->meeting_id = minutes->meeting->id;
  mismatch->meeting = g_strdup (minutes->meeting->title);
  mismatch->problem = problem;
  g_ptr_array_add (mismatches, mismatch);
}

/* The first YISHI_MINUTES_SHORT_DIGEST characters, or “none”. */
static char *
short_digest (const char *digest)
{
  if (digest == NULL || *digest == '\0')
    /* Translators: in “the chain is broken: it follows … ”, for no digest */
    return g_strdup (C_("digest", "none"));
  return g_strndup (digest, YISHI_MINUTES_SHORT_DIGEST);
}

static void
check_digest (GPtrArray          *mismatches,
              const YishiMinutes *minutes)
{
  g_autofree char *digest = yishi_minutes_compute_digest (minutes);

  if (g_strcmp0 (digest, minutes->digest) != 0)
    add_mismatch (mismatches, minutes, g_strdup (_("the digest does not match its content")));
}

static void
check_link (GPtrArray          *mismatches,
            const YishiMinutes *minutes,
            const char         *previous)
{
  g_autofree char *expected = short_digest (previous);
  g_autofree char *found = short_digest (minutes->previous_digest);

  if (g_strcmp0 (minutes->previous_digest, previous) == 0)
    return;
  if (*previous == '\0')
    add_mismatch (mismatches, minutes,
                  /* Translators: %s is the start of a digest */
                  g_strdup_printf (_("the chain is broken: it follows minutes with digest %s, but it is its "
                                     "council’s first approved minutes"), found));
  else
    add_mismatch (mismatches, minutes,
                  /* Translators: %1$s and %2$s are the starts of two digests */
                  g_strdup_printf (_("the chain is broken: it follows minutes with digest %1$s, but its "
                                     "council’s previous approved minutes have digest %2$s"), found, expected));
}

/* The approved minutes of every council, or of @meeting_id's council. */
static gboolean
list_approved (YishiDatabase  *db,
               gint64          meeting_id,
               GArray         *approved,
               GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT n.meeting_id, m.council_id FROM minutes n JOIN meeting m ON m.id = n.meeting_id"
      " WHERE n.approval <> '' AND (?1 = 0 OR m.council_id = (SELECT council_id FROM meeting WHERE id = ?1))"
      " ORDER BY m.council_id, n.approved_at, n.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Approved row = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (approved, row);
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  _yishi_database_set_error (db, error);
  return FALSE;
}

/* The next link of the chain among @rest: the earliest approved that
 * follows @previous, or, the chain being broken, the earliest left. */
static guint
next_link (GPtrArray  *rest,
           const char *previous)
{
  for (guint i = 0; i < rest->len; i++)
    if (g_strcmp0 (((YishiMinutes *) rest->pdata[i])->previous_digest, previous) == 0)
      return i;
  return 0;
}

/* Walks one council's approved minutes, @rest in order of approval. */
static void
walk_chain (GPtrArray *rest,
            gint64     meeting_id,
            GPtrArray *mismatches)
{
  g_autofree char *previous = g_strdup ("");

  while (rest->len > 0)
    {
      YishiMinutes *minutes = g_ptr_array_steal_index (rest, next_link (rest, previous));

      if (meeting_id == 0 || minutes->meeting->id == meeting_id)
        {
          check_digest (mismatches, minutes);
          check_link (mismatches, minutes, previous);
        }
      g_free (previous);
      previous = g_strdup (minutes->digest != NULL ? minutes->digest : "");
      yishi_minutes_free (minutes);
    }
}

static gboolean
verify (YishiDatabase  *db,
        gint64          meeting_id,
        GPtrArray      *mismatches,
        GError        **error)
{
  g_autoptr(GArray) approved = g_array_new (FALSE, FALSE, sizeof (Approved));
  g_autoptr(GPtrArray) council = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_minutes_free);

  if (!list_approved (db, meeting_id, approved, error))
    return FALSE;
  for (guint i = 0; i < approved->len; i++)
    {
      const Approved *row = &g_array_index (approved, Approved, i);
      YishiMinutes *minutes = _yishi_minutes_read (db, row->meeting_id, FALSE, error);

      if (minutes == NULL)
        return FALSE; /* listed above, so an error is set */
      g_ptr_array_add (council, minutes);
      if (i + 1 == approved->len || g_array_index (approved, Approved, i + 1).council_id != row->council_id)
        walk_chain (council, meeting_id, mismatches);
    }
  return TRUE;
}

/* A meeting named alone must have approved minutes to verify. */
static gboolean
check_approved (YishiDatabase  *db,
                gint64          meeting_id,
                GError        **error)
{
  g_autoptr(YishiMeetingSnapshot) meeting = NULL;
  GError *read_error = NULL;
  g_autoptr(YishiMinutes) minutes = _yishi_minutes_read (db, meeting_id, FALSE, &read_error);

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  if (minutes != NULL && minutes->approval != YISHI_APPROVAL_NONE)
    return TRUE;
  if (minutes != NULL)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_ILLEGAL_TRANSITION,
                 _("The minutes of “%s” are not approved yet: they have no digest to verify."),
                 minutes->meeting->title);
  else if ((meeting = _yishi_meeting_snapshot_read (db, meeting_id, error)) != NULL)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("“%s” has no minutes yet: there is no digest to verify."), meeting->title);
  return FALSE;
}

GPtrArray *
yishi_minutes_store_verify (YishiDatabase  *db,
                            gint64          meeting_id,
                            GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gboolean ok;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_minutes_mismatch_free);
  locker = _yishi_database_locker_new (db);
  if (!_yishi_database_begin (db, error))
    return NULL;
  ok = (meeting_id == 0 || check_approved (db, meeting_id, error)) &&
       verify (db, meeting_id, mismatches, error);
  if (!_yishi_database_finish (db, ok, error))
    return NULL;
  return g_steal_pointer (&mismatches);
}

/* How many minutes are approved (or frozen): what a verification that
 * found nothing wrong has checked. -1 with @error when it cannot tell. */
gint64
yishi_minutes_store_count_approved (YishiDatabase  *db,
                                    GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), -1);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT count(*) FROM minutes WHERE digest IS NOT NULL", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _yishi_database_set_error (db, error), -1;
  return sqlite3_column_int64 (stmt, 0);
}
