#include <locale.h>
#include <string.h>

#include "minutes-fixture.h"
#include "yishi-error.h"
#include "yishi-minutes-xml.h"

/* Minutes exported from one database and imported into another: the
 * record comes across with the same digest, a second import changes
 * nothing, and export → import → export gives the same bytes. */

static char *
export_string (YishiDatabase *db,
               gint64         meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = yishi_minutes_store_get (db, meeting_id, &error);

  g_assert_no_error (error);
  return yishi_minutes_xml_to_string (minutes);
}

static gint64
only_meeting (YishiDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = yishi_meeting_store_list (db, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 1);
  return ((YishiMeetingRow *) meetings->pdata[0])->id;
}

static void
test_round_trip (void)
{
  MinutesFixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(YishiDatabase) other = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, TRUE);
  first = export_string (fixture.db, fixture.meeting);
  path = g_build_filename (fixture.dir->path, "minutes.xml", NULL);
  g_assert_true (g_file_set_contents (path, first, -1, &error));
  other_path = g_build_filename (fixture.dir->path, "other.db", NULL);
  other = yishi_database_open (other_path, &error);
  g_assert_no_error (error);

  g_assert_true (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  second = export_string (other, only_meeting (other));
  g_assert_cmpstr (second, ==, first);
  mismatches = yishi_minutes_store_verify (other, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);

  /* again: nothing changes */
  g_assert_true (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (only_meeting (other), >, 0);
  minutes_fixture_tear_down (&fixture);
}

static void
test_draft (void)
{
  MinutesFixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(YishiDatabase) other = NULL;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, FALSE);
  first = export_string (fixture.db, fixture.meeting);
  path = g_build_filename (fixture.dir->path, "draft.xml", NULL);
  g_assert_true (g_file_set_contents (path, first, -1, &error));
  other_path = g_build_filename (fixture.dir->path, "other.db", NULL);
  other = yishi_database_open (other_path, &error);
  g_assert_true (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_no_error (error);
  second = export_string (other, only_meeting (other));
  g_assert_cmpstr (second, ==, first);
  minutes_fixture_tear_down (&fixture);
}

/* A changed file is refused, and leaves the database as it was. */
static void
test_tampered (void)
{
  MinutesFixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(YishiDatabase) other = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  char *place;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, TRUE);
  text = export_string (fixture.db, fixture.meeting);
  place = strstr (text, MINUTES_PLACE);
  g_assert_nonnull (place);
  memcpy (place, "居委", strlen ("居委")); /* 社区 → 居委, same length */
  path = g_build_filename (fixture.dir->path, "changed.xml", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  other_path = g_build_filename (fixture.dir->path, "other.db", NULL);
  other = yishi_database_open (other_path, &error);

  g_assert_false (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT);
  g_clear_error (&error);
  meetings = yishi_meeting_store_list (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 0);
  minutes_fixture_tear_down (&fixture);
}

/* The same minutes again, from a copy altered since: not "nothing
 * changed", but refused. */
static void
test_tampered_again (void)
{
  MinutesFixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(YishiDatabase) other = NULL;
  char *place;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, TRUE);
  text = export_string (fixture.db, fixture.meeting);
  path = g_build_filename (fixture.dir->path, "minutes.xml", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  place = strstr (text, MINUTES_PLACE);
  memcpy (place, "居委", strlen ("居委"));
  changed_path = g_build_filename (fixture.dir->path, "changed.xml", NULL);
  g_assert_true (g_file_set_contents (changed_path, text, -1, &error));
  other_path = g_build_filename (fixture.dir->path, "other.db", NULL);
  other = yishi_database_open (other_path, &error);
  g_assert_true (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_no_error (error);

  g_assert_false (yishi_minutes_xml_import (other, changed_path, &created, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, MINUTES_TITLE));
  minutes_fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minutes-import/round-trip", test_round_trip);
  g_test_add_func ("/minutes-import/draft", test_draft);
  g_test_add_func ("/minutes-import/tampered", test_tampered);
  g_test_add_func ("/minutes-import/tampered-again", test_tampered_again);

  return g_test_run ();
}
