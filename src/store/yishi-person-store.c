#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "yishi-community-store-private.h"
#include "yishi-database-private.h"
#include "yishi-error.h"
#include "yishi-person-private.h"
#include "yishi-person-store-private.h"
#include "yishi-proposal-store-private.h"
#include "yishi-text.h"

GPtrArray *
yishi_person_store_list (YishiDatabase  *db,
                         GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " YISHI_PERSON_COLUMNS YISHI_PERSON_FROM
                                      " ORDER BY pe.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, _yishi_person_new_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&people);
}

YishiPerson *
yishi_person_store_get (YishiDatabase  *db,
                        gint64          id,
                        GError        **error)
{
  g_autoptr(YishiDatabaseLocker) locker = NULL;
  g_autoptr(YishiStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);

  locker = _yishi_database_locker_new (db);
  stmt = _yishi_database_prepare (db, "SELECT " YISHI_PERSON_COLUMNS YISHI_PERSON_FROM
                                      " WHERE pe.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _yishi_person_new_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                 _("There is no person with id %" PRId64 "."), id);
  else
    _yishi_database_set_error (db, error);
  return NULL;
}

static gboolean
clear_roles (YishiDatabase  *db,
             gint64          person_id,
             GError        **error)
{
  g_autoptr(YishiStmt) clear = _yishi_database_prepare (db,
      "DELETE FROM person_role WHERE person_id = ?1", error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, person_id);
  return _yishi_database_step_done (db, clear, error);
}

/* Adds @roles to a person who has none. */
static gboolean
add_roles (YishiDatabase  *db,
           gint64          person_id,
           guint           roles,
           GError        **error)
{
  g_autoptr(YishiStmt) add = NULL;

  if (roles == 0)
    return TRUE;

  add = _yishi_database_prepare (db, "INSERT INTO person_role (person_id, role) VALUES (?1, ?2)", error);
  for (guint i = 0; add != NULL && i < YISHI_N_ROLES; i++)
    {
      if ((roles & (1u << i)) == 0)
        continue;
      sqlite3_reset (add);
      sqlite3_bind_int64 (add, 1, person_id);
      _yishi_bind_text (add, 2, yishi_role_to_key (i));
      if (!_yishi_database_step_done (db, add, error))
        return FALSE;
    }

  return add != NULL;
}

/* The community and the grid in it, each 0 when not given. */
static gboolean
resolve_place (YishiDatabase          *db,
               const YishiPersonDraft *draft,
               gint64                 *out_community_id,
               gint64                 *out_grid_id,
               GError                **error)
{
  return _yishi_community_resolve (db, draft->community, out_community_id, error) &&
         _yishi_grid_resolve (db, *out_community_id, draft->grid, out_grid_id, error);
}

/* Binds the columns both INSERT and UPDATE write: ?2 … ?6. */
static void
bind_person (sqlite3_stmt           *stmt,
             const YishiPersonDraft *draft,
             const char             *name,
             gint64                  community_id,
             gint64                  grid_id)
{
  _yishi_bind_text (stmt, 2, name);
  _yishi_bind_optional_int (stmt, 3, grid_id > 0 ? grid_id : -1);
  _yishi_bind_text (stmt, 4, draft->building);
  _yishi_bind_text (stmt, 5, draft->phone);
  _yishi_bind_optional_int (stmt, 6, community_id > 0 ? community_id : -1);
}

gboolean
_yishi_person_insert (YishiDatabase          *db,
                      const YishiPersonDraft *draft,
                      gint64                 *out_id,
                      GError                **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  char new_uuid[YISHI_UUID_LENGTH + 1];
  gint64 community_id = 0, grid_id = 0;

  if (!yishi_person_draft_validate (draft, error) ||
      !resolve_place (db, draft, &community_id, &grid_id, error))
    return FALSE;

  stmt = _yishi_database_prepare (db,
      "INSERT INTO person (uuid, name, grid_id, building, phone, community_id,"
      " created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
      error);
  if (stmt == NULL)
    return FALSE;

  /* one spelling of a UUID, so that merging by UUID never doubles a
   * record; a new one is time-ordered */
  if (draft->uuid != NULL)
    uuid = g_ascii_strdown (draft->uuid, -1);
  else
    _yishi_database_new_uuid (db, new_uuid);
  name = yishi_text_strip (draft->name);
  _yishi_bind_text (stmt, 1, uuid != NULL ? uuid : new_uuid);
  bind_person (stmt, draft, name, community_id, grid_id);
  _yishi_bind_static_text (stmt, 7, _yishi_database_get_now (db));
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (_yishi_database_get_handle (db));
  return add_roles (db, *out_id, draft->roles, error);
}

YishiPerson *
yishi_person_store_add (YishiDatabase          *db,
                        const YishiPersonDraft *draft,
                        GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!_yishi_database_begin (db, error))
    return NULL;
  if (!_yishi_person_insert (db, draft, &id, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_person_store_get (db, id, error);
}

static gboolean
update_row (YishiDatabase          *db,
            gint64                  id,
            const YishiPersonDraft *draft,
            GError                **error)
{
  g_autoptr(YishiStmt) stmt = NULL;
  g_autofree char *name = NULL;
  gint64 community_id = 0, grid_id = 0;

  if (!yishi_person_draft_validate (draft, error) ||
      !resolve_place (db, draft, &community_id, &grid_id, error))
    return FALSE;

  stmt = _yishi_database_prepare (db,
      "UPDATE person SET name = ?2, grid_id = ?3, building = ?4, phone = ?5, community_id = ?6,"
      " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;

  name = yishi_text_strip (draft->name);
  sqlite3_bind_int64 (stmt, 1, id);
  bind_person (stmt, draft, name, community_id, grid_id);
  if (!_yishi_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (_yishi_database_get_handle (db)) == 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_NOT_FOUND,
                   _("There is no person with id %" PRId64 "."), id);
      return FALSE;
    }

  return clear_roles (db, id, error) && add_roles (db, id, draft->roles, error);
}

YishiPerson *
yishi_person_store_update (YishiDatabase          *db,
                           gint64                  id,
                           const YishiPersonDraft *draft,
                           GError                **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!_yishi_database_begin (db, error))
    return NULL;
  if (!update_row (db, id, draft, error))
    {
      _yishi_database_rollback (db);
      return NULL;
    }
  if (!_yishi_database_commit (db, error))
    return NULL;

  return yishi_person_store_get (db, id, error);
}

/* Inside a write transaction. */
static gboolean
delete_row (YishiDatabase  *db,
            gint64          id,
            GError        **error)
{
  g_autoptr(YishiPerson) person = yishi_person_store_get (db, id, error);
  g_autoptr(YishiStmt) stmt = NULL;
  guint n_proposals;

  if (person == NULL)
    return FALSE;

  n_proposals = yishi_person_get_n_proposals (person);
  if (n_proposals > 0)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s cannot be removed: they proposed %u proposal.",
                                "%s cannot be removed: they proposed %u proposals.",
                                n_proposals),
                   yishi_person_get_name (person), n_proposals);
      return FALSE;
    }

  stmt = _yishi_database_prepare (db, "DELETE FROM person WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _yishi_database_step_done (db, stmt, error);
}

/* Refuses to delete a proposer: their proposals would lose their author. */
gboolean
yishi_person_store_delete (YishiDatabase  *db,
                           gint64          id,
                           GError        **error)
{
  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  /* one transaction, so that no proposal can name the person between
   * the check and the delete */
  if (!_yishi_database_begin (db, error))
    return FALSE;
  if (!delete_row (db, id, error))
    {
      _yishi_database_rollback (db);
      return FALSE;
    }

  return _yishi_database_commit (db, error);
}

static gboolean
match_people (YishiDatabase  *db,
              const char     *name,
              const char     *phone,
              GArray         *ids,
              GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT id FROM person WHERE name = ?1 AND (?2 = '' OR phone = ?2) ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _yishi_bind_text (stmt, 1, name);
  _yishi_bind_text (stmt, 2, phone);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }

  return TRUE;
}

/* "name\nphone", both without the spaces around them, into @buffer if
 * it is large enough, else into a new string in @owned. */
static char *
make_key (const char  *name,
          gsize        name_length,
          const char  *phone,
          gsize        phone_length,
          char        *buffer,
          gsize        buffer_size,
          char       **owned)
{
  char *key = buffer;

  if (name_length + phone_length + 2 > buffer_size)
    key = *owned = g_malloc (name_length + phone_length + 2);

  memcpy (key, name, name_length);
  key[name_length] = '\n';
  memcpy (key + name_length + 1, phone, phone_length);
  key[name_length + 1 + phone_length] = '\0';
  return key;
}

/**
 * _yishi_person_resolve:
 * The id of the person called @name — with @phone, if given, to tell
 * namesakes apart — adding them to the directory when there is none.
 * Two or more matches are an error, since guessing would credit a
 * proposal to the wrong resident. @cache (name → id), if not NULL, saves
 * look-ups during a large import. Both texts must be valid UTF-8 (of a
 * validated draft).
 */
gboolean
_yishi_person_resolve (YishiDatabase  *db,
                       const char     *name,
                       const char     *phone,
                       GHashTable     *cache,
                       gint64         *out_id,
                       GError        **error)
{
  gsize name_length, phone_length;
  const char *name_start = yishi_text_strip_span (name, &name_length);
  const char *phone_start = yishi_text_strip_span (phone, &phone_length);
  char buffer[256];
  g_autofree char *owned_key = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *stripped_phone = NULL;
  g_autoptr(GArray) ids = NULL;
  char *key;
  gpointer cached;

  *out_id = 0;
  if (name_length == 0)
    return TRUE;

  /* the same proposers come back row after row in a large import: look
   * them up without a copy */
  key = make_key (name_start, name_length, phone_start, phone_length,
                  buffer, sizeof buffer, &owned_key);
  if (cache != NULL && (cached = g_hash_table_lookup (cache, key)) != NULL)
    return *out_id = *(gint64 *) cached, TRUE;

  stripped = g_strndup (name_start, name_length);
  stripped_phone = g_strndup (phone_start, phone_length);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!match_people (db, stripped, stripped_phone, ids, error))
    return FALSE;

  if (ids->len > 1)
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_AMBIGUOUS,
                   _("%u people are named “%s”: give the proposer’s phone number to tell them apart."),
                   ids->len, stripped);
      return FALSE;
    }

  if (ids->len == 1)
    *out_id = g_array_index (ids, gint64, 0);
  else
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();

      draft->name = g_strdup (stripped);
      draft->phone = g_strdup (stripped_phone);
      if (!_yishi_person_insert (db, draft, out_id, error))
        return FALSE;
    }

  if (cache != NULL)
    g_hash_table_insert (cache, g_strdup (key), g_memdup2 (out_id, sizeof (gint64)));
  return TRUE;
}

static gboolean
check_empty (YishiDatabase  *db,
             GError        **error)
{
  g_autoptr(YishiStmt) stmt = _yishi_database_prepare (db,
      "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM proposal)", error);
  guint n_people, n_proposals;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _yishi_database_set_error (db, error);
      return FALSE;
    }

  n_people = sqlite3_column_int (stmt, 0);
  n_proposals = sqlite3_column_int (stmt, 1);
  if (n_people == 0 && n_proposals == 0)
    return TRUE;

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is a file name, the numbers count records in it */
               _("“%s” is not empty (people: %u, proposals: %u)."),
               yishi_database_get_path (db), n_people, n_proposals);
  return FALSE;
}

/* Reports people and proposals as one count of records. */
typedef struct
{
  YishiProgressFunc func;
  gpointer          data;
  guint             offset;
  guint             total;
} BatchProgress;

static void
proposals_progressed_cb (guint    done,
                         guint    total,
                         gpointer user_data)
{
  BatchProgress *progress = user_data;

  progress->func (progress->offset + done, progress->total, progress->data);
}

static gboolean
insert_people (YishiDatabase  *db,
               GPtrArray      *people,
               BatchProgress  *progress,
               GError        **error)
{
  for (guint i = 0; i < people->len; i++)
    {
      const YishiPersonDraft *draft = people->pdata[i];
      gint64 id;

      if (!_yishi_person_insert (db, draft, &id, error))
        {
          /* Translators: %u counts people from 1, %s is the person's name */
          g_prefix_error (error, _("Person %u (%s): "), i + 1,
                          draft->name && g_utf8_validate (draft->name, -1, NULL) ? draft->name : "?");
          return FALSE;
        }
      if (progress->func != NULL && (i % 1000 == 999 || i + 1 == people->len))
        progress->func (i + 1, progress->total, progress->data);
    }

  return TRUE;
}

static gboolean
insert_people_and_proposals (YishiDatabase      *db,
                             GPtrArray          *people,
                             GPtrArray          *proposals,
                             YishiAddManyFlags   flags,
                             BatchProgress      *progress,
                             GError            **error)
{
  guint failed = 0;

  if ((flags & YISHI_ADD_MANY_INTO_EMPTY) != 0 && !check_empty (db, error))
    return FALSE;
  if (!insert_people (db, people, progress, error))
    return FALSE;
  if (proposals == NULL)
    return TRUE;

  progress->offset = people->len;
  if (_yishi_proposal_insert_batch (db, proposals, flags,
                                    progress->func ? proposals_progressed_cb : NULL, progress,
                                    NULL, &failed, error))
    return TRUE;

  /* Translators: %u counts proposals from 1 */
  g_prefix_error (error, _("Proposal %u: "), failed + 1);
  return FALSE;
}

/**
 * yishi_person_store_add_many:
 * Adds the people in @people (#YishiPersonDraft), then the proposals in
 * @proposals (#YishiProposalDraft, or NULL), in one transaction: all of
 * them or none. Proposers are found by name and phone, so a proposal can
 * name a person added by the same call. With %YISHI_ADD_MANY_INTO_EMPTY
 * the database must hold no people and no proposals; it is checked inside
 * the transaction, so two loads at once cannot both succeed.
 */
gboolean
yishi_person_store_add_many (YishiDatabase      *db,
                             GPtrArray          *people,
                             GPtrArray          *proposals,
                             YishiAddManyFlags   flags,
                             YishiProgressFunc   progress,
                             gpointer            progress_data,
                             GError            **error)
{
  BatchProgress batch_progress = { progress, progress_data, 0, 0 };

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (people != NULL, FALSE);

  batch_progress.total = people->len + (proposals ? proposals->len : 0);
  if (!_yishi_database_begin (db, error))
    return FALSE;
  if (!insert_people_and_proposals (db, people, proposals, flags, &batch_progress, error))
    {
      _yishi_database_rollback (db);
      return FALSE;
    }

  return _yishi_database_commit (db, error);
}
