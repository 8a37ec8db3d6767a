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

/* @text written to @name in the fixture's folder; its path. */
static char *
write_file (MinutesFixture *fixture,
            const char     *name,
            const char     *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir->path, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* A second, empty database beside the fixture's. */
static YishiDatabase *
open_other (MinutesFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir->path, "other.db", NULL);
  YishiDatabase *db = yishi_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* The exported text with the place 社区活动室 changed to 居委活动室, a
 * change of the same length. */
static void
change_place (char *text)
{
  char *place = strstr (text, MINUTES_PLACE);

  g_assert_nonnull (place);
  memcpy (place, "居委", strlen ("居委"));
}

static void
test_round_trip (void)
{
  MinutesFixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = NULL;
  g_autoptr(YishiDatabase) other = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, TRUE);
  first = export_string (fixture.db, fixture.meeting);
  path = write_file (&fixture, "minutes.xml", first);
  other = open_other (&fixture);

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
  g_autoptr(YishiDatabase) other = NULL;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, FALSE);
  first = export_string (fixture.db, fixture.meeting);
  path = write_file (&fixture, "draft.xml", first);
  other = open_other (&fixture);
  g_assert_true (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_no_error (error);
  second = export_string (other, only_meeting (other));
  g_assert_cmpstr (second, ==, first);
  minutes_fixture_tear_down (&fixture);
}

/* @path imported into a new database: refused as changed (its message
 * holding @fragment, unless NULL), and nothing stored. */
static void
assert_refused (MinutesFixture *fixture,
                const char     *path,
                const char     *fragment)
{
  g_autoptr(YishiDatabase) other = open_other (fixture);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;

  g_assert_false (yishi_minutes_xml_import (other, path, &created, &error));
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
  g_clear_error (&error);
  meetings = yishi_meeting_store_list (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (meetings->len, ==, 0);
}

/* A changed file is refused, and leaves the database as it was. */
static void
test_tampered (void)
{
  MinutesFixture fixture;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  text = export_string (fixture.db, fixture.meeting);
  change_place (text);
  path = write_file (&fixture, "changed.xml", text);
  assert_refused (&fixture, path, NULL);
  minutes_fixture_tear_down (&fixture);
}

/* A changed count of members, which the import would make come out
 * right in the record it stores: the file itself no longer matches its
 * digest, so it is refused the first time, as `verify` says (found by
 * fuzzing: it was caught only on a second import). */
static void
test_tampered_members (void)
{
  MinutesFixture fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  char *members;

  minutes_fixture_set_up (&fixture, TRUE);
  text = export_string (fixture.db, fixture.meeting);
  members = strstr (text, "<attendance members=\"");
  g_assert_nonnull (members);
  members += strlen ("<attendance members=\"");
  g_assert_true (g_ascii_isdigit (*members));
  *members = *members == '1' ? '2' : '1';
  path = write_file (&fixture, "members.xml", text);

  mismatches = yishi_minutes_xml_verify (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 1);
  assert_refused (&fixture, path, "no longer match their digest");
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
  g_autoptr(YishiDatabase) other = NULL;
  gboolean created = FALSE;

  minutes_fixture_set_up (&fixture, TRUE);
  text = export_string (fixture.db, fixture.meeting);
  path = write_file (&fixture, "minutes.xml", text);
  change_place (text);
  changed_path = write_file (&fixture, "changed.xml", text);
  other = open_other (&fixture);
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
  g_test_add_func ("/minutes-import/tampered-members", test_tampered_members);

  return g_test_run ();
}
