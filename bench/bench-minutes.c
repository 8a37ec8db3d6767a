/* bench-minutes — times exporting the minutes of a large meeting.
 *
 *   bench-minutes [--runs N] [--items N] [--members N] [--keep FILE]
 *
 * Stores, with the store API, a council of 200 members and a closed
 * meeting of 200 agenda items in a new database: most members present,
 * some excused or absent, three observers, and for each item a speech
 * with a note, a motion with its mover, seconder and vote (every tenth a
 * roll call of everyone present), a resolution, and the secretary's
 * discussion. The minutes are submitted and approved by the chair, so
 * that every export carries the digest. Then, for each format (XML, ODT,
 * PDF, Akoma Ntoso), times yishi_minutes_export (): reading nothing, it
 * lays out and writes the file from the one snapshot of the minutes.
 *
 * The baseline, in the same run and as many times per format: writing a
 * plain text file of the same size as that format's export with
 * g_file_set_contents (), which writes to a temporary file and renames
 * it as the exports do; the ratio is what laying out and encoding the
 * document costs over putting its bytes on disk.
 *
 * Last, it times the part of the PDF export that is Yishi's own layout
 * (building the document and breaking it into pages with Pango), the
 * line `part pdf-layout`: the rest is cairo drawing and writing the pages.
 * And it times a PDF of one page set in the same four faces (title,
 * heading, body text, a table with its head row), the line
 * `part pdf-one-page`: what a PDF costs whatever its length, mostly
 * cairo reading each face's font program to embed a subset of it.
 *
 * It prints one tab-separated line per measurement, for
 * bench/run-benchmarks to read:
 *
 *   what  format  items  members  bytes  runs  median_ms  p95_ms
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-stats.h"
#include "yishi-council-store.h"
#include "yishi-doc-pdf.h"
#include "yishi-minutes-doc.h"
#include "yishi-minutes-export.h"
#include "yishi-minutes-store.h"
#include "yishi-person-store.h"
#include "yishi-speech-store.h"

/* Warm-up runs before each timed series: caches, fonts, lazy setup. */
#define N_WARMUP 3

static const char * const format_keys[] = { "xml", "odt", "pdf", "akn" };

typedef struct
{
  YishiDatabase *db;
  GArray        *people;  /* gint64 person ids, members in order */
  GArray        *present; /* gint64 person ids of those present */
  gint64         meeting;
  guint          items;
} Meeting;

static void
check (GError *error)
{
  if (error != NULL)
    g_error ("bench-minutes: %s", error->message);
}

static void
check_id (gint64  id,
          GError *error)
{
  check (error);
  if (id == 0)
    g_error ("bench-minutes: the store refused a step");
}

/* 200 distinct Chinese names, as on a real sign-in sheet. */
static char *
person_name (guint index)
{
  static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
  static const char * const given[] = { "桂兰", "建国", "秀英", "志强", "海燕", "德胜", "春燕", "玉珍",
                                         "永福", "红梅", "国庆", "淑芬", "家伟", "丽芬", "振宇", "雪梅",
                                         "文静", "志明", "凤英", "庆云" };

  return g_strdup_printf ("%s%s%s", surnames[index % G_N_ELEMENTS (surnames)],
                          given[(index / G_N_ELEMENTS (surnames)) % G_N_ELEMENTS (given)],
                          index < G_N_ELEMENTS (surnames) * G_N_ELEMENTS (given) ? "" : "乙");
}

static void
add_members (Meeting *meeting,
             gint64   council,
             guint    n_members)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
      g_autoptr(YishiPerson) person = NULL;
      gint64 id;

      draft->name = person_name (i);
      draft->phone = g_strdup_printf ("139%08u", i);
      person = yishi_person_store_add (meeting->db, draft, &error);
      check (error);
      id = yishi_person_get_id (person);
      g_array_append_val (meeting->people, id);
      check_id (yishi_council_store_add_member (meeting->db, council, id,
                                                i == 0 ? YISHI_COUNCIL_POSITION_DIRECTOR
                                                       : YISHI_COUNCIL_POSITION_REPRESENTATIVE,
                                                "2025-01-01", &error), error);
    }
}

/* Nearly everyone signs in; every twentieth member is excused and every
 * fiftieth absent. */
static void
sign_in (Meeting *meeting)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < meeting->people->len; i++)
    {
      gint64 id = g_array_index (meeting->people, gint64, i);
      YishiAttendance status = i % 50 == 49 ? YISHI_ATTENDANCE_ABSENT
                               : i % 20 == 19 ? YISHI_ATTENDANCE_EXCUSED : YISHI_ATTENDANCE_PRESENT;

      if (!yishi_meeting_store_attend (meeting->db, meeting->meeting, id, status, &error))
        check (error);
      if (status == YISHI_ATTENDANCE_PRESENT)
        g_array_append_val (meeting->present, id);
    }
}

static void
speak (Meeting *meeting,
       gint64   item,
       guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strdup_printf ("介绍第%u项议题：居民反映的问题已经实地查看，建议按方案实施，"
                                           "费用由公共收益列支，施工前在楼栋公示。", index + 1);
  gint64 speaker = g_array_index (meeting->present, gint64, index % meeting->present->len);
  gint64 speech = yishi_speech_store_enqueue (meeting->db, item, 0, speaker, &error);

  check_id (speech, error);
  if (!yishi_speech_store_give_floor (meeting->db, speech, &error) ||
      !yishi_speech_store_end (meeting->db, speech, note, &error))
    check (error);
}

/* Every tenth motion by roll call of everyone present; the others by a
 * show of hands with counts that differ from item to item. */
static gint64
vote (Meeting *meeting,
      gint64   item,
      guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("同意第%u项议题的实施方案，费用从小区公共收益中列支，"
                                           "由物业服务中心组织实施，议事会监督。", index + 1);
  guint n = meeting->present->len;
  gint64 mover = g_array_index (meeting->present, gint64, index % n);
  gint64 seconder = g_array_index (meeting->present, gint64, (index + 1) % n);
  YishiVoteForm form = index % 10 == 9 ? YISHI_VOTE_FORM_ROLL_CALL : YISHI_VOTE_FORM_HANDS;
  gint64 motion = yishi_meeting_store_add_motion (meeting->db, item, 0, text, mover, NULL, form, &error);

  check_id (motion, error);
  if (!yishi_meeting_store_set_seconder (meeting->db, motion, seconder, &error))
    check (error);
  if (form == YISHI_VOTE_FORM_ROLL_CALL)
    {
      g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (YishiRollCallEntry));

      for (guint i = 0; i < n; i++)
        {
          YishiRollCallEntry entry = { g_array_index (meeting->present, gint64, i),
                                       i % 7 == 0 ? YISHI_ROLL_CALL_NO : YISHI_ROLL_CALL_YES };

          g_array_append_val (entries, entry);
        }
      check_id (yishi_meeting_store_record_roll_call (meeting->db, motion, (YishiRollCallEntry *) entries->data,
                                                      entries->len, NULL, &error), error);
    }
  else
    {
      guint no = index % (n / 4), abstain = index % 5;

      check_id (yishi_meeting_store_record_vote (meeting->db, motion, n - no - abstain, no, abstain, 0, NULL,
                                                 &error), error);
    }
  return motion;
}

static void
add_item (Meeting *meeting,
          guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%u号楼周边公共设施改造（第%u项）", index % 24 + 1, index + 1);
  g_autofree char *resolution = g_strdup_printf ("由物业服务中心于三十日内完成第%u项改造，"
                                                 "完工后议事会组织居民代表验收。", index + 1);
  gint64 item = yishi_meeting_store_add_item (meeting->db, meeting->meeting, title, 0, &error);
  gint64 motion;

  check_id (item, error);
  speak (meeting, item, index);
  motion = vote (meeting, item, index);
  check_id (yishi_meeting_store_add_resolution (meeting->db, item, motion, resolution,
                                                g_array_index (meeting->people, gint64, index % meeting->people->len),
                                                "2027-06-30", &error), error);
}

/* The secretary's text: the speech note expanded into a paragraph. */
static void
write_minutes (Meeting *meeting)
{
  g_autoptr(GPtrArray) discussions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < meeting->items; i++)
    g_ptr_array_add (discussions,
                     g_strdup_printf ("提案人介绍了第%u项议题的有关情况：居民反映的问题已经实地查看，"
                                      "涉及周边住户约%u户。\n与会成员进行了讨论，认为方案可行，"
                                      "建议施工前在楼栋公示，施工期间做好安全防护，费用从公共收益中列支，"
                                      "账目向居民公开。\n会议对议案进行了表决。", i + 1, 20 + i % 80));

  minutes = yishi_minutes_store_get (meeting->db, meeting->meeting, &error);
  check (error);
  if (!yishi_minutes_store_save (meeting->db, meeting->meeting, (const char * const *) discussions->pdata,
                                 discussions->len, "一、通报上次会议决议落实情况。\n二、下次会议时间另行通知。",
                                 &error) ||
      !yishi_minutes_store_submit (meeting->db, meeting->meeting, &error) ||
      !yishi_minutes_store_approve_by_chair (meeting->db, meeting->meeting, &error))
    check (error);
}

static void
make_meeting (Meeting *meeting,
              guint    n_members)
{
  g_autoptr(GError) error = NULL;
  gint64 council = yishi_council_store_add (meeting->db, "南塘社区居民议事会", NULL, &error);

  check_id (council, error);
  add_members (meeting, council, n_members);
  meeting->meeting = yishi_meeting_store_add (meeting->db, council, "南塘社区居民议事会2026年第十二次会议",
                                              "2026-06-18 14:30", "南塘社区党群服务中心议事厅",
                                              g_array_index (meeting->people, gint64, 0),
                                              g_array_index (meeting->people, gint64, 1), &error);
  check_id (meeting->meeting, error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("街道办事处列席代表%u", i + 1);

      check_id (yishi_meeting_store_add_observer (meeting->db, meeting->meeting, 0, name, &error), error);
    }
  sign_in (meeting);
  if (!yishi_meeting_store_set_state (meeting->db, meeting->meeting, YISHI_MEETING_STATE_IN_SESSION, &error))
    check (error);
  for (guint i = 0; i < meeting->items; i++)
    add_item (meeting, i);
  if (!yishi_meeting_store_set_state (meeting->db, meeting->meeting, YISHI_MEETING_STATE_CLOSED, &error))
    check (error);
  write_minutes (meeting);
}

static void
report (const char *what,
        const char *format,
        guint       items,
        guint       members,
        gsize       bytes,
        GArray     *times)
{
  double median, p95;

  bench_summarise (times, &median, &p95);
  g_print ("%s\t%s\t%u\t%u\t%" G_GSIZE_FORMAT "\t%u\t%.3f\t%.3f\n", what, format, items, members, bytes,
           times->len, median, p95);
}

static gsize
file_size (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    g_error ("bench-minutes: %s was not written", path);
  return (gsize) buf.st_size;
}

/* Adds the time since @start to @times, unless run @i is a warm-up. */
static void
record (GArray *times,
        guint   i,
        gint64  start)
{
  double ms = bench_ms_since (start);

  if (i >= N_WARMUP)
    g_array_append_val (times, ms);
}

static void
time_export (const YishiMinutes *minutes,
             YishiMinutesFormat  format,
             const char         *path,
             guint               runs,
             GArray             *times)
{
  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gboolean written = yishi_minutes_export (minutes, format, path, &error);

      record (times, i, start);
      if (!written)
        check (error);
    }
}

/* The same number of bytes as the export, as plain text lines. */
static void
time_baseline (gsize        size,
               const char  *path,
               guint        runs,
               GArray      *times)
{
  g_autoptr(GString) text = g_string_sized_new (size);

  while (text->len < size)
    g_string_append (text, "居民议事会会议记录 minutes of the meeting 0123456789\n");
  g_string_truncate (text, size);

  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_file_set_contents (path, text->str, text->len, &error);
      record (times, i, start);
      check (error);
    }
}

/* The PDF's share that is Yishi's own: building the document and
 * laying it out on A4 pages (Pango's shaping and line breaking); the
 * rest of a PDF export is cairo drawing and writing the pages. */
static void
time_pdf_layout (const YishiMinutes *minutes,
                 guint               runs,
                 guint               members)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(YishiDoc) doc = yishi_minutes_doc_build (minutes);
      g_autoptr(YishiDocLayout) layout = yishi_doc_layout_new (doc, YISHI_DOC_A4_WIDTH, YISHI_DOC_A4_HEIGHT);

      record (times, i, start);
      if (yishi_doc_layout_get_n_pages (layout) < minutes->meeting->items->len / 4)
        g_error ("bench-minutes: the minutes were laid out on too few pages");
    }
  report ("part", "pdf-layout", minutes->meeting->items->len, members, 0, times);
}

/* A page with every face the minutes use, and a footer. */
static YishiDoc *
one_page_doc (void)
{
  YishiDoc *doc = yishi_doc_new ("南塘社区居民议事会会议记录");
  const char * const head[] = { "事项", "结果", NULL };
  const char * const row[] = { "表决", "通过（赞成 18 票）", NULL };
  YishiDocTable *table;

  yishi_doc_set_footer (doc, "Digest da99d1360907");
  yishi_doc_add_title (doc, "南塘社区居民议事会会议记录");
  yishi_doc_add_heading (doc, "一、3号楼加装电梯");
  yishi_doc_add_paragraph (doc, "提案人介绍了有关情况，与会成员进行了讨论。", YISHI_DOC_ALIGN_START);
  table = yishi_doc_add_table (doc, 2, NULL);
  yishi_doc_table_add_row (table, TRUE, head);
  yishi_doc_table_add_row (table, FALSE, row);

  return doc;
}

static void
time_pdf_one_page (const char *dir,
                   guint       runs,
                   guint       items,
                   guint       members)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(YishiDoc) doc = one_page_doc ();
  g_autofree char *path = g_build_filename (dir, "one-page.pdf", NULL);

  for (guint i = 0; i < N_WARMUP + runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      yishi_doc_write_pdf (doc, path, &error);
      record (times, i, start);
      check (error);
    }
  report ("part", "pdf-one-page", items, members, file_size (path), times);
  g_unlink (path);
}

static void
bench_format (const YishiMinutes *minutes,
              const char         *dir,
              const char         *key,
              guint               runs,
              guint               members)
{
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("minutes.%s", g_str_equal (key, "akn") ? "akn.xml" : key);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.txt", NULL);
  YishiMinutesFormat format;
  gsize size;

  if (!yishi_minutes_format_parse (key, &format))
    g_error ("bench-minutes: no format “%s”", key);
  time_export (minutes, format, path, runs, ours);
  size = file_size (path);
  time_baseline (size, plain, runs, baseline);
  report ("ours", key, minutes->meeting->items->len, members, size, ours);
  report ("baseline", key, minutes->meeting->items->len, members, size, baseline);
  g_unlink (path);
  g_unlink (plain);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 20, items = 200, members = 200;
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per format each way (20)", "N" },
    { "items", 0, 0, G_OPTION_ARG_INT, &items, "Agenda items (200)", "N" },
    { "members", 0, 0, G_OPTION_ARG_INT, &members, "Council members (200)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Make the meeting in FILE, and keep it", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time exporting the minutes of a meeting");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(YishiDatabase) db = NULL;
  g_autoptr(YishiMinutes) minutes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Meeting meeting;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("bench-minutes: %s", error->message);
  /* four members at least: a chair, a secretary, a mover and a seconder present */
  if (argc != 1 || runs < 1 || items < 1 || members < 4)
    {
      g_printerr ("Usage: %s [--runs N] [--items N] [--members N] [--keep FILE]\n", g_get_prgname ());
      return 2;
    }

  dir = g_dir_make_tmp ("bench-minutes-XXXXXX", &error);
  check (error);
  path = keep != NULL ? g_strdup (keep) : g_build_filename (dir, "minutes.db", NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("bench-minutes: %s already exists", path);

  g_print ("# what\tformat\titems\tmembers\tbytes\truns\tmedian_ms\tp95_ms\n");
  db = yishi_database_open (path, &error);
  check (error);
  meeting = (Meeting) { db, people, present, 0, (guint) items };
  start = g_get_monotonic_time ();
  make_meeting (&meeting, (guint) members);
  minutes = yishi_minutes_store_get (db, meeting.meeting, &error);
  check (error);
  if (minutes->digest == NULL)
    g_error ("bench-minutes: the minutes were not approved");
  g_printerr ("bench-minutes: made the meeting in %.1f s\n", bench_ms_since (start) / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (format_keys); i++)
    bench_format (minutes, dir, format_keys[i], (guint) runs, (guint) members);
  time_pdf_layout (minutes, (guint) runs, (guint) members);
  time_pdf_one_page (dir, (guint) runs, minutes->meeting->items->len, (guint) members);

  g_clear_object (&db);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
    }
  g_rmdir (dir);
  return EXIT_SUCCESS;
}
