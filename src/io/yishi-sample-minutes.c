#include "config.h"

#include <string.h>

#include "yishi-meeting-text.h"
#include "yishi-minutes-store.h"
#include "yishi-sample-private.h"

/* The minutes of the sample's held meetings, entered as the secretary
 * and the chair would: the secretary drafts them the days after the
 * meeting, writing up each item's debate and the other matters, and
 * submits them; the chair signs them off; the signed copy is filed.
 * Each step is on the database clock of its own day, so approval times
 * and the digests' chain look like those of a real council. A meeting
 * whose minutes stop halfway is left there: the sample keeps a draft. */

typedef struct
{
  YishiDatabase *db;
  GPtrArray     *meetings; /* YishiMeetingRow of the council */
  gint64         council_id;
} Loader;

/* The clock is set to @member's local "YYYY-MM-DD HH:MM" for what is
 * entered next; @out_given FALSE, the clock untouched, when the member
 * is missing. */
static gboolean
set_clock_at (YishiDatabase  *db,
              JsonObject     *minutes,
              const char     *member,
              const char     *where,
              gboolean       *out_given,
              GError        **error)
{
  g_autofree char *timestamp = NULL;
  g_autoptr(GDateTime) time = NULL;
  const char *text;

  if (!_yishi_sample_get_text (minutes, member, FALSE, where, &text, error))
    return FALSE;
  *out_given = text != NULL;
  if (text == NULL)
    return TRUE;

  timestamp = strlen (text) == 16 ? g_strconcat (text, ":00", NULL) : g_strdup (text);
  if ((time = yishi_parse_timestamp (timestamp)) == NULL)
    return _yishi_sample_damaged (error, where, member);
  yishi_database_set_clock (db, g_date_time_to_unix (time));
  return TRUE;
}

/* The meeting of the council titled @title, which the council's load
 * has entered. */
static gint64
find_meeting (const Loader *loader,
              const char   *title)
{
  for (guint i = 0; i < loader->meetings->len; i++)
    {
      const YishiMeetingRow *row = loader->meetings->pdata[i];

      if (row->council_id == loader->council_id && g_str_equal (row->title, title))
        return row->id;
    }

  return 0;
}

/* The draft: one discussion per agenda item, and the other matters. */
static gboolean
write_draft (Loader      *loader,
             gint64       meeting_id,
             JsonObject  *minutes,
             const char  *where,
             GError     **error)
{
  JsonArray *array = _yishi_sample_member_array (minutes, "discussions");
  g_autoptr(GPtrArray) discussions = g_ptr_array_new ();
  g_autoptr(YishiMinutes) draft = NULL;
  const char *other_matters;
  gboolean given;

  if (array == NULL)
    return _yishi_sample_damaged (error, where, "discussions");
  if (!_yishi_sample_get_text (minutes, "other_matters", FALSE, where, &other_matters, error) ||
      !set_clock_at (loader->db, minutes, "drafted_at", where, &given, error))
    return FALSE;
  if (!given)
    return _yishi_sample_damaged (error, where, "drafted_at");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *text = _yishi_sample_node_text (json_array_get_element (array, i));

      if (text == NULL)
        return _yishi_sample_damaged (error, where, "discussions");
      g_ptr_array_add (discussions, (gpointer) text);
    }

  if ((draft = yishi_minutes_store_get (loader->db, meeting_id, error)) == NULL)
    return _yishi_sample_refused (error, where);
  if (draft->items->len != discussions->len)
    return _yishi_sample_damaged (error, where, "discussions");
  if (!yishi_minutes_store_save (loader->db, meeting_id, (const char * const *) discussions->pdata,
                                 discussions->len, other_matters, error))
    return _yishi_sample_refused (error, where);
  return TRUE;
}

/* Submitted, approved by the chair and frozen, as far as the sample
 * goes: each step only when its day is given, and only after the one
 * before it. */
static gboolean
take_steps (Loader      *loader,
            gint64       meeting_id,
            JsonObject  *minutes,
            const char  *where,
            GError     **error)
{
  const char *approval;
  gboolean given;

  if (!set_clock_at (loader->db, minutes, "submitted_at", where, &given, error))
    return FALSE;
  if (!given)
    return TRUE;
  if (!yishi_minutes_store_submit (loader->db, meeting_id, error))
    return _yishi_sample_refused (error, where);

  if (!_yishi_sample_get_text (minutes, "approval", FALSE, where, &approval, error) ||
      !set_clock_at (loader->db, minutes, "approved_at", where, &given, error))
    return FALSE;
  if (!given)
    return TRUE;
  /* the sample's later meeting is only planned: no vote to approve by */
  if (approval == NULL || !g_str_equal (approval, "chair"))
    return _yishi_sample_damaged (error, where, "approval");
  if (!yishi_minutes_store_approve_by_chair (loader->db, meeting_id, error))
    return _yishi_sample_refused (error, where);

  if (!set_clock_at (loader->db, minutes, "frozen_at", where, &given, error))
    return FALSE;
  if (given && !yishi_minutes_store_freeze (loader->db, meeting_id, error))
    return _yishi_sample_refused (error, where);
  return TRUE;
}

static gboolean
add_minutes (Loader      *loader,
             JsonObject  *meeting,
             const char  *meeting_where,
             GError     **error)
{
  JsonObject *minutes = _yishi_sample_node_object (json_object_get_member (meeting, "minutes"));
  g_autofree char *where = g_strdup_printf ("%s.minutes", meeting_where);
  const char *title;
  gint64 meeting_id;
  gboolean done;

  if (minutes == NULL)
    return _yishi_sample_damaged (error, meeting_where, "minutes");
  if (!_yishi_sample_get_text (meeting, "title", TRUE, meeting_where, &title, error))
    return FALSE;
  if ((meeting_id = find_meeting (loader, title)) == 0)
    return _yishi_sample_damaged (error, meeting_where, "title");

  done = write_draft (loader, meeting_id, minutes, where, error) &&
         take_steps (loader, meeting_id, minutes, where, error);
  yishi_database_set_clock (loader->db, 0);
  return done;
}

/* After the council's meetings are all in (a later meeting may be the
 * one that approves): the minutes of each meeting that has some in the
 * sample, in the order of the meetings, so that each council's chain of
 * digests runs in the order of its meetings. */
gboolean
_yishi_sample_minutes_load (YishiDatabase  *db,
                            gint64          council_id,
                            JsonObject     *council,
                            GError        **error)
{
  JsonArray *meetings = _yishi_sample_member_array (council, "meetings");
  Loader loader = { db, NULL, council_id };
  g_autoptr(GPtrArray) rows = NULL;

  if (meetings == NULL)
    return TRUE;
  if ((rows = yishi_meeting_store_list (db, error)) == NULL)
    return FALSE;
  loader.meetings = rows;

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      g_autofree char *where = g_strdup_printf ("council.meetings[%u]", i);
      JsonObject *meeting = _yishi_sample_node_object (json_array_get_element (meetings, i));

      if (meeting == NULL)
        return _yishi_sample_damaged (error, where, NULL);
      if (json_object_has_member (meeting, "minutes") && !add_minutes (&loader, meeting, where, error))
        return FALSE;
    }

  return TRUE;
}
