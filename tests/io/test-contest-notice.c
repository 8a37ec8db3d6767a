#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>

#include "yishi-contest-chart.h"
#include "yishi-contest-notice.h"
#include "yishi-contest-results.h"
#include "yishi-doc-pdf.h"
#include "yishi-person-store.h"
#include "yishi-proposal-store.h"
#include "yishi-test-util.h"
#include "yishi-test-text.h"

/* The public notice of a small contest, in PDF and ODF, and its chart.
 * The program stays in the C locale, so the texts are the msgids.
 *
 * Three judges score four proposals on 必要性 (60) and 可行性 (40), by
 * the trimmed mean; 孙丽 proposed the benches and is recused from them:
 *
 *   benches  90, 95       → 92.50 (two judges: the mean)     10,000 yuan
 *   road     70, 80, 90   → 80.00, mean 80.00                80,000 yuan
 *   lift     60, 80, 85   → 80.00, mean 75.00: after road   150,000 yuan
 *   lights   50, 60, 70   → 60.00                            20,000 yuan
 *
 * With 200,000 yuan the rule funds the benches, the road and the lights
 * (the lift no longer fits); the organiser takes the lights back. */

#define CONTEST   "2026年幸福里社区微更新提案大赛"
#define ORGANISER "幸福里社区居委会"
#define REASON    "该楼道照明已纳入街道统一改造计划"
#define SEED      20260501

enum { WANG, ZHAO, SUN, ZHANG, CHEN, LI, N_PEOPLE };
enum { ROAD, LIFT, LIGHTS, BENCHES, N_PROPOSALS };

static const char *const names[N_PEOPLE] = { "王芳", "赵志强", "孙丽", "张秀英", "陈小明", "李建国" };

static const struct
{
  const char *title;
  guint       proposer;
  gint64      cost_fen;
} ideas[N_PROPOSALS] = {
  { "3号楼道路硬化", ZHANG, 8000000 },
  { "加装电梯", CHEN, 15000000 },
  { "楼道照明更换LED灯", LI, 2000000 },
  { "小区增设休息座椅", SUN, 1000000 },
};

/* Each judge's points on 必要性 and 可行性, in hundredths; -1 when recused. */
static const gint64 points[N_PROPOSALS][3][2] = {
  [ROAD]    = { { 4000, 3000 }, { 4500, 3500 }, { 5500, 3500 } },
  [LIFT]    = { { 3500, 2500 }, { 5000, 3000 }, { 5000, 3500 } },
  [LIGHTS]  = { { 3000, 2000 }, { 3500, 2500 }, { 4000, 3000 } },
  [BENCHES] = { { 5500, 3500 }, { 5750, 3750 }, { -1, -1 } },
};

typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         contest;
  gint64         people[N_PEOPLE];
  gint64         proposals[N_PROPOSALS];
  gint64         criteria[2];
} Fixture;

static void
add_people_and_proposals (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
      g_autoptr(YishiPerson) person = NULL;

      draft->name = g_strdup (names[i]);
      person = yishi_person_store_add (fixture->db, draft, &error);
      g_assert_no_error (error);
      fixture->people[i] = yishi_person_get_id (person);
    }
  for (guint i = 0; i < N_PROPOSALS; i++)
    {
      g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
      g_autoptr(YishiProposal) proposal = NULL;

      draft->title = g_strdup (ideas[i].title);
      draft->proposer_id = fixture->people[ideas[i].proposer];
      draft->cost_fen = ideas[i].cost_fen;
      draft->status = YISHI_PROPOSAL_STATUS_SCREENED_IN;
      proposal = yishi_proposal_store_add (fixture->db, draft, &error);
      g_assert_no_error (error);
      fixture->proposals[i] = yishi_proposal_get_id (proposal);
    }
}

static void
add_contest (Fixture *fixture)
{
  g_autoptr(YishiContestDraft) draft = yishi_contest_draft_new ();
  g_autoptr(GError) error = NULL;

  draft->name = g_strdup (CONTEST);
  draft->organiser = g_strdup (ORGANISER);
  draft->budget_fen = 20000000;
  draft->aggregation = YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN;
  draft->funding = YISHI_CONTEST_FUNDING_GREEDY;
  draft->lots_seed = SEED;
  fixture->contest = yishi_contest_store_add (fixture->db, draft, &error);
  g_assert_no_error (error);
  fixture->criteria[0] = yishi_contest_store_add_criterion (fixture->db, fixture->contest, "必要性", NULL,
                                                            6000, 0, &error);
  g_assert_no_error (error);
  fixture->criteria[1] = yishi_contest_store_add_criterion (fixture->db, fixture->contest, "可行性", NULL,
                                                            4000, 0, &error);
  g_assert_no_error (error);
  for (guint i = WANG; i <= SUN; i++)
    {
      yishi_contest_store_add_judge (fixture->db, fixture->contest, fixture->people[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_PROPOSALS; i++)
    {
      yishi_contest_store_enter (fixture->db, fixture->contest, fixture->proposals[i], &error);
      g_assert_no_error (error);
    }
}

static void
score_all (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_contest_store_set_state (fixture->db, fixture->contest, YISHI_CONTEST_STATE_JUDGING,
                                                &error));
  g_assert_no_error (error);
  for (guint p = 0; p < N_PROPOSALS; p++)
    for (guint j = WANG; j <= SUN; j++)
      for (guint c = 0; c < 2; c++)
        {
          if (points[p][j][c] < 0)
            continue;
          g_assert_true (yishi_contest_store_set_score (fixture->db, fixture->contest, fixture->people[j],
                                                        fixture->proposals[p], fixture->criteria[c],
                                                        points[p][j][c], &error));
          g_assert_no_error (error);
        }
  g_assert_true (yishi_contest_store_set_override (fixture->db, fixture->contest, fixture->proposals[LIGHTS],
                                                   FALSE, REASON, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = yishi_test_dir_new ();
  fixture->db = yishi_test_open_db (fixture->dir);
  add_people_and_proposals (fixture);
  add_contest (fixture);
  score_all (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  yishi_test_dir_free (fixture->dir);
}

static void
publish (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  yishi_database_set_clock (fixture->db, 1779269400); /* 2026-05-20T09:30:00Z */
  g_assert_true (yishi_contest_store_publish (fixture->db, fixture->contest, &error));
  g_assert_no_error (error);
}

static YishiContestResults *
read_results (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  YishiContestResults *results = yishi_contest_store_results (fixture->db, fixture->contest, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* What every form of the published notice says. */
static void
assert_notice_says (const char *text)
{
  yishi_test_assert_says (text, "Public notice of the results of “" CONTEST "”");
  for (guint i = 0; i < N_PROPOSALS; i++)
    yishi_test_assert_says (text, ideas[i].title);
  yishi_test_assert_says (text, ORGANISER " organised “" CONTEST "”. 4 proposals were entered, and 3 judges scored them.");
  yishi_test_assert_says (text, "lots drawn with the seed 20260501");
  yishi_test_assert_says (text, "Places 2 and 3 have the same final score; they are ordered by the mean of all the "
                     "judges’ totals.");
  yishi_test_assert_says (text, "Fewer than three judges scored “小区增设休息座椅”");
  yishi_test_assert_says (text, "Within the budget of 200,000.00 yuan, the top 2 proposals are funded, 90,000.00 yuan in all.");
  yishi_test_assert_says (text, "The organiser decided not to fund “楼道照明更换LED灯”. Reason: " REASON);
  yishi_test_assert_says (text, "The objection period is 7 days, from 20 May 2026 to 26 May 2026. Anyone who objects "
                     "should write to " ORGANISER " within that period.");
  yishi_test_assert_says (text, "92.50");
  yishi_test_assert_says (text, "150,000");
  g_assert_null (strstr (text, "Draft"));
}

/* The results are freed before the notice is written: the chart keeps
 * what it draws. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(YishiDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = yishi_test_dir_file (fixture->dir, "公示.pdf");
  g_autofree char *text = NULL;

  publish (fixture);
  results = read_results (fixture);
  doc = yishi_contest_notice_build (results);
  g_clear_pointer (&results, yishi_contest_results_free);
  g_assert_true (yishi_doc_write_pdf (doc, path, &error));
  g_assert_no_error (error);

  text = yishi_test_pdf_text (path, 0);
  assert_notice_says (text);
  /* the chart's labels and its funding line */
  yishi_test_assert_says (text, "Funding line");
  yishi_test_assert_says (text, "1. 小区增设休息座椅");
}

static void
test_write_by_extension (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = yishi_test_dir_file (fixture->dir, "notice.PDF");
  g_autofree char *odt = yishi_test_dir_file (fixture->dir, "notice.odt");
  g_autofree char *txt = yishi_test_dir_file (fixture->dir, "notice.txt");
  g_autofree char *head = NULL;

  publish (fixture);
  results = read_results (fixture);
  g_assert_true (yishi_contest_notice_write (results, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (yishi_contest_notice_write (results, odt, &error));
  g_assert_no_error (error);
  g_file_get_contents (pdf, &head, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_clear_pointer (&head, g_free);
  g_file_get_contents (odt, &head, NULL, &error);
  g_assert_true (g_str_has_prefix (head, "PK"));

  g_assert_false (yishi_contest_notice_write (results, txt, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_nonnull (strstr (error->message, "notice.txt"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
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

/* The ODF says the same, its text is valid ODF 1.3, and the chart is a
 * picture in it. */
static void
test_odt (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(YishiContestResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *odt = yishi_test_dir_file (fixture->dir, "notice.odt");
  g_autofree char *unpacked = yishi_test_dir_file (fixture->dir, "notice");
  g_autofree char *content_path = g_build_filename (unpacked, "content.xml", NULL);
  g_autofree char *picture = g_build_filename (unpacked, "Pictures", "figure1.png", NULL);
  g_autofree char *schema = g_build_filename (schemas_dir (), "odf", "OpenDocument-v1.3-schema.rng", NULL);
  g_autofree char *content = NULL;
  const char *unzip[] = { "unzip", "-q", odt, "-d", unpacked, NULL };
  const char *xmllint[] = { "xmllint", "--noout", "--relaxng", schema, content_path, NULL };

  publish (fixture);
  results = read_results (fixture);
  g_assert_true (yishi_contest_notice_write (results, odt, &error));
  g_assert_no_error (error);
  g_free (yishi_test_run (unzip));
  g_file_get_contents (content_path, &content, NULL, &error);
  g_assert_no_error (error);

  assert_notice_says (content);
  g_assert_true (g_file_test (picture, G_FILE_TEST_IS_REGULAR));
  g_free (yishi_test_run (xmllint));
}

/* Before publishing: marked as a draft, the objection period from today. */
static void
test_draft (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(YishiContestResults) results = read_results (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last = g_date_time_add_days (today, 6);
  g_autofree char *from = g_date_time_format (today, "%-d %B %Y");
  g_autofree char *to = g_date_time_format (last, "%-d %B %Y");
  g_autofree char *period = g_strdup_printf ("from %s to %s.", from, to);
  g_autofree char *path = yishi_test_dir_file (fixture->dir, "draft.pdf");
  g_autofree char *text = NULL;

  g_assert_true (yishi_contest_notice_write (results, path, &error));
  g_assert_no_error (error);
  text = yishi_test_pdf_text (path, 0);
  yishi_test_assert_says (text, "Draft: the results are not yet published");
  yishi_test_assert_says (text, period);
  yishi_test_assert_says (text, "Places 2 and 3 have the same final score");
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x] & 0xffffff;
}

static int
count_in_row (cairo_surface_t *surface,
              int              y,
              guint32          rgb)
{
  int n = 0;

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    n += pixel (surface, x, y) == rgb;
  return n;
}

/* The rows that hold a long run of @rgb, the fill of some bar. */
static void
bar_rows (cairo_surface_t *surface,
          guint32          rgb,
          int             *out_first,
          int             *out_last)
{
  *out_first = -1;
  *out_last = -1;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    if (count_in_row (surface, y, rgb) >= 40)
      {
        if (*out_first < 0)
          *out_first = y;
        *out_last = y;
      }
}

/* Funded bars (the benches, the road) above, dark; the lift and the
 * lights under them, light grey: two colours in the same places. */
static void
test_chart (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(YishiContestResults) results = NULL;
  const double width = 500;
  double height;
  cairo_surface_t *surface;
  cairo_t *cr;
  int funded_first, funded_last, unfunded_first, unfunded_last;

  publish (fixture);
  results = read_results (fixture);
  height = yishi_contest_chart_preferred_height (results, width);
  /* four bars of about 18 points, a legend, an axis and the line */
  g_assert_cmpfloat (height, >=, 4 * 18);
  g_assert_cmpfloat (height, <, 4 * 18 + 100);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  yishi_contest_chart_draw (cr, width, height, results);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);

  bar_rows (surface, YISHI_CONTEST_CHART_FUNDED_RGB, &funded_first, &funded_last);
  bar_rows (surface, YISHI_CONTEST_CHART_UNFUNDED_RGB, &unfunded_first, &unfunded_last);
  g_assert_cmpint (funded_first, >=, 0);
  g_assert_cmpint (unfunded_first, >=, 0);
  g_assert_cmpint (funded_last, <, unfunded_first);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

#define ADD(path, func) \
  g_test_add ("/contest-notice/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("pdf", test_pdf);
  ADD ("write-by-extension", test_write_by_extension);
  ADD ("odt", test_odt);
  ADD ("draft", test_draft);
  ADD ("chart", test_chart);

  return g_test_run ();
}
