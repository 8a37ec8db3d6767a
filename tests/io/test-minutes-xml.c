#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "minutes-fixture.h"
#include "yishi-error.h"
#include "yishi-minutes-xml.h"

/* Yishi's minutes XML: valid against the shipped RELAX NG schema, read
 * back into the same canonical form, written again byte for byte,
 * verified, tampering found, and hostile files refused. */

static char *
run (const char *const *argv,
     gboolean          *out_ok)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  *out_ok = g_spawn_check_wait_status (status, NULL);
  return err;
}

static const char *
schema_path (void)
{
  const char *schema = g_getenv ("YISHI_MINUTES_SCHEMA");

  if (schema == NULL || !g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    g_error ("YISHI_MINUTES_SCHEMA is %s: set it to data/schemas/yishi-minutes-1.0.rng",
             schema != NULL ? schema : "unset");
  return schema;
}

static void
assert_valid (const char *path)
{
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema_path (), path, NULL };
  gboolean ok = FALSE;
  g_autofree char *err = run (argv, &ok);

  if (!ok)
    g_error ("%s does not pass the minutes schema:\n%s", path, err);
}

static char *
export (MinutesFixture *fixture,
        const char     *name)
{
  g_autoptr(YishiMinutes) minutes = minutes_fixture_get (fixture);
  g_autoptr(GError) error = NULL;
  char *path = yishi_test_dir_file (fixture->dir, name);

  g_assert_true (yishi_minutes_write_xml (minutes, path, &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_schema (void)
{
  MinutesFixture fixture;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  path = export (&fixture, "minutes.xml");
  assert_valid (path);
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<minutes xmlns=\"urn:x-yishi:minutes\" version=\"1.0\""));
  /* escaped, and found back as written */
  g_assert_nonnull (strstr (text, "预算 &lt;约12万元&gt; &amp; 工期"));
  g_assert_nonnull (strstr (text, "<voter choice=\"no\">李建国</voter>"));
  g_assert_nonnull (strstr (text, "<motion number=\"2\" amends=\"1\" form=\"roll-call\">"));
  g_assert_nonnull (strstr (text, "<vote yes=\"2\" no=\"1\" abstain=\"0\" invalid=\"1\" verdict=\"failed\""));
  g_assert_nonnull (strstr (text, "<resolution number=\"1\" motion=\"1\" due-on=\"2026-06-30\" follow-up=\"open\">"));
  g_assert_nonnull (strstr (text, "<member status=\"excused\">" MINUTES_EXCUSED "</member>"));
  g_assert_nonnull (strstr (text, "<approval by=\"chair\""));
  g_assert_nonnull (strstr (text, "<corrigendum "));
  g_assert_true (g_str_has_suffix (text, "</digest>\n</minutes>\n"));
  minutes_fixture_tear_down (&fixture);
}

/* export → read → export gives the same bytes, and the canonical form
 * read back is the store's. */
static void
test_round_trip (void)
{
  MinutesFixture fixture;
  g_autoptr(YishiMinutes) stored = NULL;
  g_autoptr(YishiMinutes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *stored_form = NULL;
  g_autofree char *read_form = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *as_string = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  stored = minutes_fixture_get (&fixture);
  g_assert_nonnull (stored->digest);
  path = export (&fixture, "minutes.xml");
  read = yishi_minutes_xml_read (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);

  stored_form = yishi_minutes_canonical_form (stored);
  read_form = yishi_minutes_canonical_form (read);
  g_assert_cmpstr (read_form, ==, stored_form);
  digest = yishi_minutes_compute_digest (read);
  g_assert_cmpstr (digest, ==, stored->digest);
  g_assert_cmpstr (read->digest, ==, stored->digest);
  g_assert_cmpuint (read->corrigenda->len, ==, 1);
  g_assert_cmpint (read->state, ==, stored->state);
  g_assert_cmpstr (((YishiSnapshotResolution *) read->meeting->resolutions->pdata[0])->follow_up, ==, "open");
  g_assert_cmpuint (((YishiSnapshotMotion *) read->meeting->motions->pdata[1])->roll_call->len, ==, 4);

  again = yishi_test_dir_file (fixture.dir, "again.xml");
  g_assert_true (yishi_minutes_write_xml (read, again, &error));
  g_assert_no_error (error);
  first = read_text (path);
  second = read_text (again);
  g_assert_cmpstr (second, ==, first);
  as_string = yishi_minutes_xml_to_string (read);
  g_assert_cmpstr (as_string, ==, first);
  minutes_fixture_tear_down (&fixture);
}

static GPtrArray *
verify (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *mismatches = yishi_minutes_xml_verify (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mismatches);
  return mismatches;
}

static void
test_verify_passes (void)
{
  MinutesFixture fixture;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  path = export (&fixture, "minutes.xml");
  mismatches = verify (path);
  g_assert_cmpuint (mismatches->len, ==, 0);
  minutes_fixture_tear_down (&fixture);
}

/* Replaces the one occurrence of @from in the file at @path. */
static void
edit_file (const char *path,
           const char *from,
           const char *to)
{
  g_autofree char *text = read_text (path);
  g_autoptr(GString) edited = g_string_new (text);

  g_assert_cmpuint (g_string_replace (edited, from, to, 0), ==, 1);
  yishi_test_write_file (path, edited->str, edited->len);
}

static void
assert_tampered (const char *path)
{
  g_autoptr(GPtrArray) mismatches = verify (path);

  g_assert_cmpuint (mismatches->len, >=, 1);
  for (guint i = 0; i < mismatches->len; i++)
    {
      const YishiMinutesMismatch *mismatch = mismatches->pdata[i];

      g_assert_cmpstr (mismatch->meeting, ==, MINUTES_TITLE);
      g_assert_cmpstr (mismatch->problem, !=, "");
    }
}

/* One byte of a count, of a name, of a roll-call choice, of the
 * discussion: each is found, and named by its meeting. */
static void
test_tampering (void)
{
  static const char *const edits[][2] = {
    { "<vote yes=\"4\"", "<vote yes=\"5\"" },
    { "<seconder>赵淑芬</seconder>", "<seconder>赵淑分</seconder>" },
    { "<voter choice=\"no\">", "<voter choice=\"yes\">" },
    { "尽快硬化", "尽快硬仳" },
    { "invalid=\"1\"", "invalid=\"0\"" },
    { "2026-06-30", "2026-07-30" },
  };
  MinutesFixture fixture;

  minutes_fixture_set_up (&fixture, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("tampered-%u.xml", i);
      g_autofree char *path = export (&fixture, name);

      edit_file (path, edits[i][0], edits[i][1]);
      assert_tampered (path);
    }
  minutes_fixture_tear_down (&fixture);
}

/* The follow-up of a resolution changes after approval; it is carried
 * along but not covered by the digest. The counts of members and
 * present at a vote are not in the digest either, but the verdict
 * follows from them. */
static void
test_outside_digest (void)
{
  MinutesFixture fixture;
  g_autofree char *path = NULL;
  g_autofree char *present = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  path = export (&fixture, "follow-up.xml");
  edit_file (path, "follow-up=\"open\"", "follow-up=\"done\"");
  assert_valid (path);
  mismatches = verify (path);
  g_assert_cmpuint (mismatches->len, ==, 0);

  present = export (&fixture, "present.xml");
  /* 2 yes of 1 present is impossible */
  edit_file (present, "invalid=\"1\" verdict=\"failed\" members=\"5\" present=\"4\"",
             "invalid=\"1\" verdict=\"failed\" members=\"5\" present=\"1\"");
  assert_tampered (present);
  minutes_fixture_tear_down (&fixture);
}

static void
test_draft (void)
{
  MinutesFixture fixture;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;
  g_autoptr(YishiMinutes) read = NULL;
  g_autoptr(GError) error = NULL;

  minutes_fixture_set_up (&fixture, FALSE);
  path = export (&fixture, "draft.xml");
  assert_valid (path);
  text = read_text (path);
  g_assert_nonnull (strstr (text, "state=\"draft\""));
  g_assert_null (strstr (text, "<digest"));
  g_assert_null (strstr (text, "<approval"));
  read = yishi_minutes_xml_read (path, &error);
  g_assert_no_error (error);
  g_assert_null (read->digest);
  g_assert_cmpint (read->approval, ==, YISHI_APPROVAL_NONE);
  mismatches = verify (path);
  g_assert_cmpuint (mismatches->len, ==, 1);
  minutes_fixture_tear_down (&fixture);
}

/* A text XML cannot carry fails the export and leaves the old file. */
static void
test_unwritable_text (void)
{
  MinutesFixture fixture;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  path = export (&fixture, "minutes.xml");
  before = read_text (path);
  minutes = minutes_fixture_get (&fixture);
  g_free (minutes->other_matters);
  minutes->other_matters = g_strdup ("bell \a");
  g_assert_false (yishi_minutes_write_xml (minutes, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "minutes.xml"));
  g_assert_null (yishi_minutes_xml_to_string (minutes));
  after = read_text (path);
  g_assert_cmpstr (after, ==, before);
  minutes_fixture_tear_down (&fixture);
}

/* Reading @text as a file gives @code, its message naming the file and
 * holding @words. */
static void
assert_refused (const char *text,
                gint        code,
                const char *words)
{
  g_autoptr(YishiTestDir) dir = yishi_test_dir_new ();
  g_autofree char *path = yishi_test_dir_file (dir, "hostile.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GPtrArray) mismatches = NULL;

  yishi_test_write_file (path, text, -1);
  minutes = yishi_minutes_xml_read (path, &error);
  g_assert_null (minutes);
  g_assert_error (error, YISHI_ERROR, code);
  g_assert_nonnull (strstr (error->message, "hostile.xml"));
  g_assert_nonnull (strstr (error->message, words));
  g_clear_error (&error);
  mismatches = yishi_minutes_xml_verify (path, &error);
  g_assert_null (mismatches);
  g_assert_error (error, YISHI_ERROR, code);
}

#define ROOT "<minutes xmlns=\"urn:x-yishi:minutes\" version=\"1.0\" uuid=\"0b0e4a8e-2f4c-4d53-9b1d-6c1c7a7f0e11\"" \
             " state=\"approved\">"

static void
test_external_entity (void)
{
  assert_refused ("<?xml version=\"1.0\"?>\n"
                  "<!DOCTYPE minutes [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                  ROOT "<meeting uuid=\"0b0e4a8e-2f4c-4d53-9b1d-6c1c7a7f0e11\"><council>&secret;</council>"
                  "</meeting></minutes>\n",
                  YISHI_ERROR_CORRUPT, "DOCTYPE");
}

static void
test_billion_laughs (void)
{
  GString *text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE minutes [\n <!ENTITY lol0 \"lol\">\n");
  g_autofree char *file = NULL;
  gint64 started = g_get_monotonic_time ();

  for (guint i = 1; i < 10; i++)
    g_string_append_printf (text, " <!ENTITY lol%u \"&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;"
                            "&lol%u;&lol%u;\">\n", i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                            i - 1, i - 1);
  g_string_append (text, "]>\n" ROOT "<other-matters>&lol9;</other-matters></minutes>\n");
  file = g_string_free (text, FALSE);
  assert_refused (file, YISHI_ERROR_CORRUPT, "DOCTYPE");
  /* refused before any expansion */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

/* An entity without a DOCTYPE is not even well-formed. */
static void
test_undeclared_entity (void)
{
  assert_refused ("<?xml version=\"1.0\"?>\n" ROOT "<other-matters>&lol;</other-matters></minutes>\n",
                  YISHI_ERROR_CORRUPT, "not well-formed");
}

static void
test_wrong_namespace (void)
{
  assert_refused ("<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:x-other:minutes\" version=\"1.0\"/>\n",
                  YISHI_ERROR_NOT_YISHI, "urn:x-yishi:minutes");
  assert_refused ("<?xml version=\"1.0\"?>\n<minutes version=\"1.0\"/>\n",
                  YISHI_ERROR_NOT_YISHI, "urn:x-yishi:minutes");
}

static void
test_version_2 (void)
{
  assert_refused ("<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:x-yishi:minutes\" version=\"2.0\"/>\n",
                  YISHI_ERROR_TOO_NEW, "version 2.0");
}

/* Damaged structure: the line is named. */
static void
test_structure (void)
{
  assert_refused ("<?xml version=\"1.0\"?>\n" ROOT "\n<meeting uuid=\"0b0e4a8e-2f4c-4d53-9b1d-6c1c7a7f0e11\">\n"
                  "<council>议事会</council>\n<place>活动室</place>\n</meeting></minutes>\n",
                  YISHI_ERROR_CORRUPT, "line 5");
  assert_refused ("<?xml version=\"1.0\"?>\n" ROOT "<surprise/></minutes>\n",
                  YISHI_ERROR_CORRUPT, "<meeting> is missing");
  assert_refused ("<?xml version=\"1.0\"?>\n<minutes xmlns=\"urn:x-yishi:minutes\" version=\"1.0\"",
                  YISHI_ERROR_CORRUPT, "not well-formed");
  assert_refused ("", YISHI_ERROR_CORRUPT, "empty");
}

/* An edited file whose amendment points past the motions is refused
 * rather than read into a record that could not exist. */
static void
test_bad_reference (void)
{
  MinutesFixture fixture;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(YishiMinutes) read = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  path = export (&fixture, "minutes.xml");
  edit_file (path, "amends=\"1\"", "amends=\"9\"");
  read = yishi_minutes_xml_read (path, &error);
  g_assert_null (read);
  g_assert_error (error, YISHI_ERROR, YISHI_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "motion 2"));
  minutes_fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minutes-xml/schema", test_schema);
  g_test_add_func ("/minutes-xml/round-trip", test_round_trip);
  g_test_add_func ("/minutes-xml/verify-passes", test_verify_passes);
  g_test_add_func ("/minutes-xml/tampering", test_tampering);
  g_test_add_func ("/minutes-xml/outside-digest", test_outside_digest);
  g_test_add_func ("/minutes-xml/draft", test_draft);
  g_test_add_func ("/minutes-xml/unwritable-text", test_unwritable_text);
  g_test_add_func ("/minutes-xml/hostile/external-entity", test_external_entity);
  g_test_add_func ("/minutes-xml/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/minutes-xml/hostile/undeclared-entity", test_undeclared_entity);
  g_test_add_func ("/minutes-xml/hostile/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/minutes-xml/hostile/version-2", test_version_2);
  g_test_add_func ("/minutes-xml/hostile/structure", test_structure);
  g_test_add_func ("/minutes-xml/hostile/bad-reference", test_bad_reference);

  return g_test_run ();
}
