#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "yishi-council-store.h"
#include "yishi-minutes-export.h"
#include "yishi-person-store.h"
#include "yishi-test-util.h"
#include "yishi-test-text.h"

/* The minutes of a closed meeting as printed, in PDF and ODF, and the
 * ODF as LibreOffice reads it. The program stays in the C locale, so
 * the labels are the msgids; the record is in Chinese.
 *
 * Seven members; five come, 段永福 is excused and 徐国庆 absent:
 *
 *   1. 3号楼道路硬化        an amendment fails by show of hands 1–3–1,
 *                           the motion passes 4–0–1; a resolution
 *   2. 垃圾分类定时定点投放  roll call 3–1–1, passes
 *   3. 小区增设休息座椅      secret ballot 2–2–0 with 1 invalid, fails
 *
 * The discussion of the first item is long enough to need a second
 * page, so that the footer is seen on more than one. */

#define COUNCIL   "幸福里社区居民议事会"
#define TITLE     COUNCIL "2026年第一次会议"
#define SECOND_TITLE COUNCIL "2026年第二次会议"
#define PLACE     "社区党群服务中心二楼议事厅"
#define SECRETARY "唐晓芳"
#define OBSERVER  "沈立平（街道民政科）"
#define REGISTERED_OBSERVER "郑丽华"
#define RESOLUTION "3号楼道路硬化工程于6月底前完工"

enum { WANG, LI, ZHAO, CAI, MA, DUAN, XU, N_MEMBERS };
enum { ROAD, WASTE, BENCHES, N_ITEMS };

static const char *const names[N_MEMBERS] = { "王桂兰", "李建国", "赵淑芬", "蔡文静", "马玉珍", "段永福", "徐国庆" };
static const char *const items[N_ITEMS] = { "3号楼道路硬化", "垃圾分类定时定点投放", "小区增设休息座椅" };

typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         council;
  gint64         meeting;
  gint64         people[N_MEMBERS];
  gint64         secretary;
  gint64         items[N_ITEMS];
} Fixture;

static void
add_council (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->council = yishi_council_store_add (fixture->db, COUNCIL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      fixture->people[i] = yishi_test_add_person (fixture->db, names[i]);
      yishi_council_store_add_member (fixture->db, fixture->council, fixture->people[i],
                                      i == WANG ? YISHI_COUNCIL_POSITION_DIRECTOR : YISHI_COUNCIL_POSITION_MEMBER,
                                      "2025-01-08", &error);
      g_assert_no_error (error);
    }
  fixture->secretary = yishi_test_add_person (fixture->db, SECRETARY);
}

static void
add_meeting (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->meeting = yishi_meeting_store_add (fixture->db, fixture->council, TITLE, "2026-03-26 14:30", PLACE,
                                              fixture->people[WANG], fixture->secretary, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      fixture->items[i] = yishi_meeting_store_add_item (fixture->db, fixture->meeting, items[i], 0, &error);
      g_assert_no_error (error);
    }
  yishi_meeting_store_add_observer (fixture->db, fixture->meeting, 0, OBSERVER, &error);
  g_assert_no_error (error);
  yishi_meeting_store_add_observer (fixture->db, fixture->meeting, yishi_test_add_person (fixture->db, REGISTERED_OBSERVER),
                                    NULL, &error);
  g_assert_no_error (error);
}

static void
sign_in (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting, YISHI_MEETING_STATE_IN_SESSION,
                                                &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      YishiAttendance status = i == DUAN ? YISHI_ATTENDANCE_EXCUSED :
                               i == XU ? YISHI_ATTENDANCE_ABSENT : YISHI_ATTENDANCE_PRESENT;

      g_assert_true (yishi_meeting_store_attend (fixture->db, fixture->meeting, fixture->people[i], status,
                                                 &error));
      g_assert_no_error (error);
    }
}

static gint64
add_motion (Fixture       *fixture,
            guint          item,
            gint64         parent,
            const char    *text,
            guint          mover,
            YishiVoteForm  form)
{
  g_autoptr(GError) error = NULL;
  gint64 id = yishi_meeting_store_add_motion (fixture->db, fixture->items[item], parent, text,
                                              fixture->people[mover], NULL, form, &error);

  g_assert_no_error (error);
  return id;
}

static void
vote (Fixture *fixture,
      gint64   motion,
      guint    yes,
      guint    no,
      guint    abstain,
      guint    invalid)
{
  g_autoptr(GError) error = NULL;

  yishi_meeting_store_record_vote (fixture->db, motion, yes, no, abstain, invalid, NULL, &error);
  g_assert_no_error (error);
}

static void
decide_road (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 motion = add_motion (fixture, ROAD, 0, "同意实施3号楼道路硬化", LI, YISHI_VOTE_FORM_HANDS);
  gint64 amendment = add_motion (fixture, ROAD, motion, "改用透水砖铺设", CAI, YISHI_VOTE_FORM_HANDS);

  g_assert_true (yishi_meeting_store_set_seconder (fixture->db, motion, fixture->people[ZHAO], &error));
  g_assert_no_error (error);
  vote (fixture, amendment, 1, 3, 1, 0);
  vote (fixture, motion, 4, 0, 1, 0);
  yishi_meeting_store_add_resolution (fixture->db, fixture->items[ROAD], motion, RESOLUTION,
                                      fixture->people[LI], "2026-06-30", &error);
  g_assert_no_error (error);
}

static void
decide_waste (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 motion = add_motion (fixture, WASTE, 0, "同意垃圾分类定时定点投放方案", ZHAO, YISHI_VOTE_FORM_ROLL_CALL);
  const YishiRollCallEntry entries[] = {
    { fixture->people[WANG], YISHI_ROLL_CALL_YES },
    { fixture->people[LI], YISHI_ROLL_CALL_YES },
    { fixture->people[ZHAO], YISHI_ROLL_CALL_YES },
    { fixture->people[CAI], YISHI_ROLL_CALL_NO },
    { fixture->people[MA], YISHI_ROLL_CALL_ABSTAIN },
  };

  yishi_meeting_store_record_roll_call (fixture->db, motion, entries, G_N_ELEMENTS (entries), NULL, &error);
  g_assert_no_error (error);
}

static void
decide_benches (Fixture *fixture)
{
  gint64 motion = add_motion (fixture, BENCHES, 0, "同意在小区增设休息座椅", MA, YISHI_VOTE_FORM_SECRET);

  vote (fixture, motion, 2, 2, 0, 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  add_council (fixture);
  add_meeting (fixture);
  yishi_database_set_clock (fixture->db, 1774506600); /* 2026-03-26T06:30:00Z: 14:30 in Kunming */
  sign_in (fixture);
  decide_road (fixture);
  decide_waste (fixture);
  decide_benches (fixture);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, fixture->meeting, YISHI_MEETING_STATE_CLOSED,
                                                &error));
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

/* The discussion of the first item: long enough for a second page. */
static char *
long_discussion (void)
{
  g_autoptr(GString) text = g_string_new ("李建国介绍了3号楼道路的现状：路面破损严重，雨天积水，老人出行不便。");

  for (guint i = 0; i < 12; i++)
    g_string_append (text, "\n赵淑芬表示支持，建议施工期间做好安全围挡，并提前在楼栋公示施工时间，方便居民安排出行。");
  g_string_append (text, "\n" "蔡文静提出改用透水砖铺设，以减少积水。");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_draft (Fixture *fixture)
{
  g_autofree char *road = long_discussion ();
  const char *discussions[N_ITEMS] = { road, "居民普遍赞成定时定点投放。", "" };
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GError) error = NULL;

  /* the first reading makes the draft */
  minutes = yishi_minutes_store_get (fixture->db, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_minutes_store_save (fixture->db, fixture->meeting, discussions, N_ITEMS,
                                           "下次会议定于4月下旬召开。", &error));
  g_assert_no_error (error);
}

/* Approved by the chair on 30 March, with a correction on 2 April. */
static void
approve (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_minutes_store_submit (fixture->db, fixture->meeting, &error));
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, 1774836000); /* 2026-03-30T02:00:00Z */
  g_assert_true (yishi_minutes_store_approve_by_chair (fixture->db, fixture->meeting, &error));
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, 1775095200); /* 2026-04-02T02:00:00Z */
  yishi_minutes_store_add_corrigendum (fixture->db, fixture->meeting, "第二项议题表决时间应为15:40。", &error);
  g_assert_no_error (error);
  yishi_database_set_clock (fixture->db, 0);
}

static YishiMinutes *
read_minutes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  YishiMinutes *minutes = yishi_minutes_store_get (fixture->db, fixture->meeting, &error);

  g_assert_no_error (error);
  g_assert_nonnull (minutes);
  return minutes;
}

static char *
export (Fixture            *fixture,
        const YishiMinutes *minutes,
        YishiMinutesFormat  format,
        const char         *name)
{
  g_autoptr(GError) error = NULL;
  char *path = yishi_test_dir_file (fixture->dir, name);

  g_assert_true (yishi_minutes_export (minutes, format, path, &error));
  g_assert_no_error (error);
  return path;
}

/* Some line of @text reads @cells, in this order and nothing else. */
static void
assert_row (const char *text,
            const char *cells)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *wanted = yishi_test_squeeze (cells);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = yishi_test_squeeze (lines[i]);

      if (g_str_equal (line, wanted))
        return;
    }
  g_error ("No line reads “%s” in:\n%s", cells, text);
}

/* The text of a PDF as laid out on its pages: a table row on one line. */
static char *
pdf_layout_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return yishi_test_run (argv);
}

/* What every printed form of the minutes says: the record's names,
 * titles and counts. */
static void
assert_minutes_say (const char *text)
{
  yishi_test_assert_says (text, "Minutes of the " COUNCIL " meeting");
  yishi_test_assert_says (text, "2026年第一次会议");
  yishi_test_assert_says (text, "Meeting time: Thursday 26 March 2026 at 14:30");
  yishi_test_assert_says (text, "Meeting place: " PLACE);
  yishi_test_assert_says (text, "Chair: " "王桂兰");
  yishi_test_assert_says (text, "Secretary: " SECRETARY);
  yishi_test_assert_says (text, "Members: 7");
  yishi_test_assert_says (text, "Present: 5");
  yishi_test_assert_says (text, "Absent: 徐国庆, 段永福 (excused)");
  yishi_test_assert_says (text, "Observers: " OBSERVER ", " REGISTERED_OBSERVER);
  for (guint i = 0; i < N_MEMBERS; i++)
    yishi_test_assert_says (text, names[i]);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, items[i]);

      yishi_test_assert_says (text, numbered);
    }
  yishi_test_assert_says (text, "Amendment: 改用透水砖铺设");
  yishi_test_assert_says (text, "Passed (3 needed)");
  yishi_test_assert_says (text, "Failed (3 needed)");
  yishi_test_assert_says (text, "Resolution: " RESOLUTION);
  yishi_test_assert_says (text, "Responsible: 李建国");
  yishi_test_assert_says (text, "Due: 30 June 2026");
  yishi_test_assert_says (text, "下次会议定于4月下旬召开。");
  yishi_test_assert_says (text, "Chair (signature):");
  yishi_test_assert_says (text, "Secretary (signature):");
}

/* Every page has its number and @footer; returns the number of pages. */
static guint
assert_every_page_says (const char *text,
                        const char *footer)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n_pages = g_strv_length (pages);

  /* pdftotext ends the last page with a form feed too */
  if (n_pages > 0 && *g_strstrip (pages[n_pages - 1]) == '\0')
    n_pages--;
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      yishi_test_assert_says (pages[i], number);
      yishi_test_assert_says (pages[i], footer);
    }
  return n_pages;
}

static char *
short_digest (const YishiMinutes *minutes)
{
  g_assert_nonnull (minutes->digest);
  g_assert_cmpuint (strlen (minutes->digest), ==, YISHI_MINUTES_DIGEST_LENGTH);
  return g_strndup (minutes->digest, YISHI_MINUTES_SHORT_DIGEST);
}

static void
test_pdf_approved (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *digest_line = NULL;

  write_draft (fixture);
  approve (fixture);
  minutes = read_minutes (fixture);
  path = export (fixture, minutes, YISHI_MINUTES_FORMAT_PDF, "会议记录.pdf");
  text = pdf_layout_text (path);

  assert_minutes_say (text);
  /* the vote table: a column per motion, the amendment beside its motion */
  assert_row (text, "Vote 同意实施3号楼道路硬化 Amendment: 改用透水砖铺设");
  assert_row (text, "Yes 4 1");
  assert_row (text, "No 0 3");
  assert_row (text, "Abstain 1 1");
  assert_row (text, "Seconded by 赵淑芬 —");
  assert_row (text, "Form Roll Call");
  assert_row (text, "Invalid 1");
  yishi_test_assert_says (text, "Roll call on “同意垃圾分类定时定点投放方案”: Yes: 李建国, 王桂兰, 赵淑芬; No: 蔡文静; "
                     "Abstain: 马玉珍");
  yishi_test_assert_says (text, "yes votes exceed half of the members present");
  yishi_test_assert_says (text, "These minutes were approved by the chair, 王桂兰, on 30 March 2026.");
  digest_line = g_strconcat ("Digest (SHA-256): ", minutes->digest, NULL);
  yishi_test_assert_says (text, digest_line);
  yishi_test_assert_says (text, "1. Correction of 2 April 2026: 第二项议题表决时间应为15:40。");
  g_assert_false (yishi_test_says (text, "Draft"));

  digest = short_digest (minutes);
  footer = g_strconcat ("Digest ", digest, NULL);
  g_assert_cmpuint (assert_every_page_says (text, footer), >=, 2);
}

/* A second meeting a month later, whose first item approves the
 * minutes of the first by a show of hands; returns the motion. */
static gint64
hold_second_meeting (Fixture *fixture,
                     gint64  *out_meeting)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting, item, motion;

  meeting = yishi_meeting_store_add (fixture->db, fixture->council, SECOND_TITLE, "2026-04-20 14:30", PLACE,
                                     fixture->people[WANG], fixture->secretary, &error);
  g_assert_no_error (error);
  item = yishi_meeting_store_add_item (fixture->db, meeting, "审议上次会议记录", 0, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, meeting, YISHI_MEETING_STATE_IN_SESSION, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_assert_true (yishi_meeting_store_attend (fixture->db, meeting, fixture->people[i],
                                                 YISHI_ATTENDANCE_PRESENT, &error));
      g_assert_no_error (error);
    }
  motion = yishi_meeting_store_add_motion (fixture->db, item, 0, "通过第一次会议记录", fixture->people[LI], NULL,
                                           YISHI_VOTE_FORM_HANDS, &error);
  g_assert_no_error (error);
  vote (fixture, motion, 7, 0, 0, 0);
  g_assert_true (yishi_meeting_store_set_state (fixture->db, meeting, YISHI_MEETING_STATE_CLOSED, &error));
  g_assert_no_error (error);
  *out_meeting = meeting;
  return motion;
}

/* Minutes approved by a vote at a later meeting say so; the later
 * meeting's own minutes, approved after them, print their digest as
 * the previous link of the chain. */
static void
test_pdf_approved_by_vote (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(YishiMinutes) first = NULL;
  g_autoptr(YishiMinutes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *path = NULL;
  gint64 meeting, motion;

  write_draft (fixture);
  motion = hold_second_meeting (fixture, &meeting);
  g_assert_true (yishi_minutes_store_submit (fixture->db, fixture->meeting, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_minutes_store_approve_by_vote (fixture->db, fixture->meeting, motion, &error));
  g_assert_no_error (error);
  first = read_minutes (fixture);
  g_assert_cmpint (first->approval, ==, YISHI_APPROVAL_VOTE);
  path = export (fixture, first, YISHI_MINUTES_FORMAT_PDF, "first.pdf");
  first_text = pdf_layout_text (path);
  yishi_test_assert_says (first_text, "These minutes were approved by a vote of the " SECOND_TITLE " on");
  g_assert_false (yishi_test_says (first_text, "Digest of the previous minutes"));

  second = yishi_minutes_store_get (fixture->db, meeting, &error);
  g_assert_no_error (error);
  g_assert_true (yishi_minutes_store_submit (fixture->db, meeting, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_minutes_store_approve_by_chair (fixture->db, meeting, &error));
  g_assert_no_error (error);
  g_clear_pointer (&second, yishi_minutes_free);
  second = yishi_minutes_store_get (fixture->db, meeting, &error);
  g_assert_no_error (error);
  g_clear_pointer (&path, g_free);
  path = export (fixture, second, YISHI_MINUTES_FORMAT_PDF, "second.pdf");
  second_text = pdf_layout_text (path);
  yishi_test_assert_says (second_text, "2026年第二次会议");
  previous = g_strconcat ("Digest of the previous minutes: ", first->digest, NULL);
  yishi_test_assert_says (second_text, previous);
}

static void
test_pdf_draft (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  write_draft (fixture);
  minutes = read_minutes (fixture);
  g_assert_cmpint (minutes->state, ==, YISHI_MINUTES_DRAFT);
  path = export (fixture, minutes, YISHI_MINUTES_FORMAT_PDF, "draft.pdf");
  text = pdf_layout_text (path);

  assert_minutes_say (text);
  yishi_test_assert_says (text, "Draft: not yet approved");
  g_assert_cmpuint (assert_every_page_says (text, "Draft"), >=, 2);
  g_assert_false (yishi_test_says (text, "Digest"));
  g_assert_false (yishi_test_says (text, "approved by"));
  g_assert_false (yishi_test_says (text, "Corrigenda"));
}

static const char *
schemas_dir (void)
{
  const char *schemas = g_getenv ("YISHI_SCHEMAS_DIR");

  if (schemas == NULL || !g_file_test (schemas, G_FILE_TEST_IS_DIR))
    g_error ("No ODF schemas: set YISHI_SCHEMAS_DIR to the folder holding "
             "odf/OpenDocument-v1.3-schema.rng");
  return schemas;
}

static void
validate (const char *unpacked,
          const char *schema,
          const char *part)
{
  g_autofree char *path = g_build_filename (unpacked, part, NULL);
  g_autofree char *rng = g_build_filename (schemas_dir (), "odf", schema, NULL);
  const char *argv[] = { "xmllint", "--noout", "--relaxng", rng, path, NULL };

  g_test_message ("validating %s", part);
  g_free (yishi_test_run (argv));
}

/* Every part passes the OASIS ODF 1.3 schemas, and the content holds
 * the record's words. */
static void
test_odt_valid (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *unpacked = yishi_test_dir_file (fixture->dir, "unpacked");
  const char *unzip[] = { "unzip", "-q", NULL, "-d", unpacked, NULL };
  g_autofree char *content_path = NULL;
  g_autofree char *content = NULL;
  g_autofree char *styles_path = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;

  write_draft (fixture);
  approve (fixture);
  minutes = read_minutes (fixture);
  odt = export (fixture, minutes, YISHI_MINUTES_FORMAT_ODT, "会议记录.odt");
  unzip[2] = odt;
  g_free (yishi_test_run (unzip));
  validate (unpacked, "OpenDocument-v1.3-schema.rng", "content.xml");
  validate (unpacked, "OpenDocument-v1.3-schema.rng", "styles.xml");
  validate (unpacked, "OpenDocument-v1.3-schema.rng", "meta.xml");
  validate (unpacked, "OpenDocument-v1.3-manifest-schema.rng", "META-INF/manifest.xml");

  content_path = g_build_filename (unpacked, "content.xml", NULL);
  g_file_get_contents (content_path, &content, NULL, &error);
  g_assert_no_error (error);
  yishi_test_assert_says (content, "Minutes of the " COUNCIL " meeting");
  yishi_test_assert_says (content, "Absent: 徐国庆, 段永福 (excused)");
  yishi_test_assert_says (content, RESOLUTION);
  /* the short digest is in the page footer, which lives in the styles */
  styles_path = g_build_filename (unpacked, "styles.xml", NULL);
  g_file_get_contents (styles_path, &styles, NULL, &error);
  g_assert_no_error (error);
  digest = short_digest (minutes);
  yishi_test_assert_says (styles, digest);
}

/* LibreOffice opens the ODT and prints every word of the record. soffice
 * exits with 0 even when it converts nothing, so the PDF must be there. */
static void
test_odt_libreoffice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *home = yishi_test_dir_file (fixture->dir, "home");
  g_autofree char *outdir = yishi_test_dir_file (fixture->dir, "converted");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *footer = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "HOME", home, TRUE);
  const char *soffice[] = { "soffice", "--headless", "--convert-to", "pdf", "--outdir", outdir, NULL, NULL };

  write_draft (fixture);
  approve (fixture);
  minutes = read_minutes (fixture);
  odt = export (fixture, minutes, YISHI_MINUTES_FORMAT_ODT, "minutes.odt");
  soffice[6] = odt;
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_free (yishi_test_run_in (soffice, envp));
  pdf = g_build_filename (outdir, "minutes.pdf", NULL);
  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    g_error ("LibreOffice did not convert %s to %s", odt, pdf);

  text = pdf_layout_text (pdf);
  assert_minutes_say (text);
  yishi_test_assert_says (text, "Yes");
  assert_row (text, "Yes 4 1");
  assert_row (text, "No 0 3");
  digest = short_digest (minutes);
  footer = g_strconcat ("Digest ", digest, NULL);
  g_assert_cmpuint (assert_every_page_says (text, footer), >=, 2);
}

static void
test_format_parse (void)
{
  static const struct
  {
    const char         *text;
    YishiMinutesFormat  format;
  } good[] = {
    { "xml", YISHI_MINUTES_FORMAT_XML },
    { "odt", YISHI_MINUTES_FORMAT_ODT },
    { "PDF", YISHI_MINUTES_FORMAT_PDF },
    { "akn", YISHI_MINUTES_FORMAT_AKN },
  };
  const char *bad[] = { "", "doc", "pdf ", "ak", "xmlx", NULL };
  YishiMinutesFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      format = YISHI_MINUTES_FORMAT_XML;
      g_assert_true (yishi_minutes_format_parse (good[i].text, &format));
      g_assert_cmpint (format, ==, good[i].format);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      format = YISHI_MINUTES_FORMAT_ODT;
      g_assert_false (yishi_minutes_format_parse (bad[i], &format));
      g_assert_cmpint (format, ==, YISHI_MINUTES_FORMAT_ODT);
    }
  g_assert_false (yishi_minutes_format_parse (NULL, &format));
}

static char *
read_head (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Each format goes to its own writer. */
static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *akn = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *head = NULL;

  write_draft (fixture);
  approve (fixture);
  minutes = read_minutes (fixture);
  xml = export (fixture, minutes, YISHI_MINUTES_FORMAT_XML, "minutes.xml");
  akn = export (fixture, minutes, YISHI_MINUTES_FORMAT_AKN, "minutes.akn.xml");
  pdf = export (fixture, minutes, YISHI_MINUTES_FORMAT_PDF, "minutes.pdf");
  odt = export (fixture, minutes, YISHI_MINUTES_FORMAT_ODT, "minutes.odt");

  head = read_head (xml);
  g_assert_nonnull (strstr (head, "urn:x-yishi:minutes"));
  g_assert_nonnull (strstr (head, minutes->digest));
  g_clear_pointer (&head, g_free);
  head = read_head (akn);
  g_assert_nonnull (strstr (head, "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"));
  g_assert_nonnull (strstr (head, "<debate name=\"minutes\""));
  g_clear_pointer (&head, g_free);
  head = read_head (pdf);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_clear_pointer (&head, g_free);
  head = read_head (odt);
  g_assert_true (g_str_has_prefix (head, "PK"));
}

#define ADD(path, func) \
  g_test_add ("/minutes-doc/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("pdf/approved", test_pdf_approved);
  ADD ("pdf/approved-by-vote", test_pdf_approved_by_vote);
  ADD ("pdf/draft", test_pdf_draft);
  ADD ("odt/valid", test_odt_valid);
  ADD ("odt/libreoffice", test_odt_libreoffice);
  ADD ("export/formats", test_export_formats);
  g_test_add_func ("/minutes-doc/format/parse", test_format_parse);

  return g_test_run ();
}
