#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "minutes-fixture.h"
#include "yishi-minutes-akn.h"
#include "yishi-test-text.h"

/* The minutes as Akoma Ntoso 3.0: valid against the OASIS schema, with
 * every name and count of the record in the text. The program stays in
 * the C locale, so the labels are the msgids. */

static void
assert_valid (const char *path)
{
  const char *schemas = g_getenv ("YISHI_SCHEMAS_DIR");
  g_autofree char *schema = NULL;

  if (schemas == NULL || !g_file_test (schemas, G_FILE_TEST_IS_DIR))
    g_error ("YISHI_SCHEMAS_DIR is %s: set the schemas_dir build option to the folder holding "
             "akn/akomantoso30.xsd", schemas != NULL ? schemas : "unset");
  schema = g_build_filename (schemas, "akn", "akomantoso30.xsd", NULL);
  {
    const char *argv[] = { "xmllint", "--noout", "--schema", schema, path, NULL };

    /* fails the test, showing xmllint's errors, unless the file is valid */
    g_free (yishi_test_run (argv));
  }
}

static char *
export (MinutesFixture *fixture)
{
  g_autoptr(YishiMinutes) minutes = minutes_fixture_get (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (fixture->dir, "minutes.akn.xml");
  char *text = NULL;

  g_assert_true (yishi_minutes_write_akn (minutes, path, &error));
  g_assert_no_error (error);
  assert_valid (path);
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is missing from:\n%s", part, text);
}

static void
test_approved (void)
{
  static const char *const parts[] = {
    "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">",
    "<debate name=\"minutes\">",
    "<docTitle>" MINUTES_COUNCIL ", " MINUTES_TITLE ": Minutes</docTitle>",
    "<docDate date=\"2026-03-26\">26 March 2026, 19:00</docDate>",
    "Place: " MINUTES_PLACE,
    "<FRBRdate date=\"2026-03-26\" name=\"session\"/>",
    "showAs=\"" MINUTES_SECRETARY "\"",
    "<TLCRole eId=\"chair\"",
    "<TLCRole eId=\"secretary\"",
    "as=\"#chair\">" MINUTES_CHAIR "</person>",
    "Members: 5. Present: 4.",
    MINUTES_EXCUSED "</person>",
    MINUTES_OBSERVER,
    "<heading>3号楼道路硬化</heading>",
    "<heading>垃圾分类定时定点投放</heading>",
    "<from>李建国</from>",
    "<p>道路破损严重，建议尽快硬化。</p>",
    "<from>蔡文静</from>",
    "预算 &lt;约12万元&gt; &amp; 工期",
    "<narrative eId=\"motion_2\">Motion 2 (amending motion 1): 工期改为两个月</narrative>",
    "<p>Moved by 蔡文静.</p>",
    "<p>Moved by 李建国, seconded by 赵淑芬.</p>",
    "yes 3, no 1, abstain 0. Result: Passed.",
    "yes 4, no 0, abstain 0. Result: Passed.",
    "yes 2, no 1, abstain 0, invalid 1. Result: Failed.",
    "<count eId=\"vote_3__count_invalid\" value=\"1\" refersTo=\"#invalid\"/>",
    "李建国 (No)",
    MINUTES_RESOLUTION,
    "Responsible: 李建国. Due: 2026-06-30.",
    "下次会议定于4月下旬召开。",
    "Approved by the chair, " MINUTES_CHAIR,
    "第一项决议的完成时限应为6月30日。",
    "Chair (signature):",
  };
  MinutesFixture fixture;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *short_digest = NULL;
  g_autofree char *digest_line = NULL;

  minutes_fixture_set_up (&fixture, TRUE);
  text = export (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    assert_contains (text, parts[i]);

  minutes = minutes_fixture_get (&fixture);
  short_digest = g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST);
  digest_line = g_strdup_printf ("<p>Digest: %s</p>", short_digest);
  assert_contains (text, digest_line);
  assert_contains (text, minutes->digest);
  assert_contains (text, minutes->meeting->uuid);
  minutes_fixture_tear_down (&fixture);
}

static void
test_draft (void)
{
  MinutesFixture fixture;
  g_autofree char *text = NULL;

  minutes_fixture_set_up (&fixture, FALSE);
  text = export (&fixture);
  assert_contains (text, "Not approved yet");
  assert_contains (text, "<FRBRdate date=\"2026-03-26\" name=\"draft\"/>");
  g_assert_null (strstr (text, "<proprietary"));
  g_assert_null (strstr (text, "Digest:"));
  minutes_fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minutes-akn/approved", test_approved);
  g_test_add_func ("/minutes-akn/draft", test_draft);

  return g_test_run ();
}
