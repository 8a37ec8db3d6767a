/* bench-vote — times recording a vote, to the frame that shows it.
 *
 *   bench-vote [--members N] [--motions N]
 *
 * Stores, with the store API, a council of 200 members, all signed in to
 * a meeting in session whose one agenda item has 100 motions put to a
 * show of hands, in a new database in a temporary directory. Then opens
 * the real window on it, as yishi does, shows the meeting's agenda, and
 * for each motion: brings its Record Vote button into view, opens the
 * vote dialog through "agenda.vote", types the counts into the dialog's
 * spin buttons and times from clicking _Record Vote to the end of the
 * first frame of the main window painted with the result in the motion's
 * row. The vote is stored on a worker thread, so the time is what the
 * secretary waits for: the store's write, the reply, the motion list
 * rebuilt, the dialog closing, layout and paint. Also timed, to tell
 * those apart: from the click to the agenda view's "recorded" handler
 * done (stored, replied, list rebuilt; not yet laid out or painted).
 *
 * The baseline, in the same run and as many times: one plain frame of
 * the same window (gtk_widget_queue_draw () to the end of the next frame
 * painted), taken just before each vote. Each frame is timed after the
 * window has been idle for a while, so that the frame clock's pacing
 * (at most one frame per 16.7 ms) is never part of a time.
 *
 * At the end every motion must be stored as voted with the counts typed,
 * or the program fails. It prints one tab-separated line per measurement,
 * for bench/run-benchmarks to read:
 *
 *   what  runs  median_ms  p95_ms
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-stats.h"
#include "yishi-agenda-view.h"
#include "yishi-application.h"
#include "yishi-council-store.h"
#include "yishi-meeting-snapshot.h"
#include "yishi-meeting-store.h"
#include "yishi-meeting-view.h"
#include "yishi-meetings-page.h"
#include "yishi-motion-row.h"
#include "yishi-person-store.h"
#include "yishi-vote-dialog.h"
#include "yishi-window.h"

/* How long the window is left alone before each timed frame: longer
 * than a frame, and than the transitions of libadwaita's style (200 ms)
 * when the dialog opens or closes and the window goes to the background
 * or comes back. */
#define SETTLE_MS 300

/* Any wait longer than this is a bug, not a slow machine. */
#define TIMEOUT_S 60

typedef struct
{
  YishiWindow *window;
  GtkWidget   *agenda;
  GtkWidget   *motion_list;
  gint64       start;       /* 0: nothing being timed */
  gboolean     want_result; /* a vote: wait for its result on screen */
  char        *expected;    /* the result the motion's row must show */
  double       frame_ms;
  double       recorded_ms;
  gint64       layout_start; /* when the frame being painted began its layout */
  double       redraw_ms;    /* layout and paint of the frame showing the result */
} Bench;

typedef gboolean (*DoneFunc) (gpointer data);

static void
report (const char *what,
        GArray     *times)
{
  double median, p95;

  bench_summarise (times, &median, &p95);
  g_print ("%s\t%u\t%.3f\t%.3f\n", what, times->len, median, p95);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (DoneFunc    done,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, timeout_cb, &timed_out);

  while (!done (data))
    {
      if (timed_out)
        g_error ("bench-vote: waited %d s for %s", TIMEOUT_S, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
}

static void
wait_ms (guint ms)
{
  gboolean fired = FALSE;

  g_timeout_add (ms, timeout_cb, &fired);
  while (!fired)
    g_main_context_iteration (NULL, TRUE);
}

/* Finding widgets as a person finds them: by type, and by the title or
 * label on screen, in the language shown. */

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *name = NULL;

      if (ADW_IS_PREFERENCES_ROW (root))
        name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (GTK_IS_BUTTON (root))
        name = gtk_button_get_label (GTK_BUTTON (root));
      if (title == NULL || g_strcmp0 (name, title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  return find_named (root, type, NULL);
}

static GtkWidget *
find_translated (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  GtkWidget *found = find_named (root, type, g_dgettext (GETTEXT_PACKAGE, title));

  if (found == NULL)
    g_error ("bench-vote: no “%s” on screen", title);
  return found;
}

/* The Record Vote button of a motion: the one that activates
 * "agenda.vote" with its id, whatever its label says. */
static GtkWidget *
find_vote_button (GtkWidget *root,
                  gint64     motion_id)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "agenda.vote") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (motion_id == 0 || (target != NULL && g_variant_get_int64 (target) == motion_id))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_vote_button (child, motion_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The assembly */

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
};
static const char *const given_names[] = {
  "桂兰", "建国", "秀英", "志强", "丽华", "卫东", "淑芬", "海燕", "德明", "春梅",
};

static GPtrArray *
make_people (guint n)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_person_draft_free);
  guint n_names = G_N_ELEMENTS (surnames) * G_N_ELEMENTS (given_names);

  for (guint i = 0; i < n; i++)
    {
      YishiPersonDraft *draft = yishi_person_draft_new ();
      const char *surname = surnames[i % G_N_ELEMENTS (surnames)];
      const char *given = given_names[(i / G_N_ELEMENTS (surnames)) % G_N_ELEMENTS (given_names)];

      /* the same name twice only past 200 people, told apart by a number */
      draft->name = i < n_names ? g_strconcat (surname, given, NULL)
                                : g_strdup_printf ("%s%s%u", surname, given, i / n_names + 1);
      draft->building = g_strdup_printf ("%u号楼", i % 24 + 1);
      draft->phone = g_strdup_printf ("139%08u", i);
      g_ptr_array_add (people, draft);
    }
  return people;
}

/* A meeting in session, every member present, one item with @n_motions
 * motions by show of hands; their ids go into @motion_ids. */
static gint64
make_meeting (const char  *path,
              guint        n_members,
              guint        n_motions,
              GArray      *motion_ids,
              GError     **error)
{
  g_autoptr(YishiDatabase) db = yishi_database_open (path, error);
  g_autoptr(GPtrArray) drafts = make_people (n_members);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *starts_at = g_date_time_format (now, "%Y-%m-%d 19:00");
  gint64 council_id, meeting_id, item_id;

  if (db == NULL ||
      !yishi_person_store_add_many (db, drafts, NULL, YISHI_ADD_MANY_INTO_EMPTY, NULL, NULL, error) ||
      (people = yishi_person_store_list (db, error)) == NULL ||
      (council_id = yishi_council_store_add (db, "南塘社区居民议事会", NULL, error)) == 0)
    return 0;

  for (guint i = 0; i < people->len; i++)
    if (yishi_council_store_add_member (db, council_id, yishi_person_get_id (people->pdata[i]),
                                        YISHI_COUNCIL_POSITION_REPRESENTATIVE, NULL, error) == 0)
      return 0;

  meeting_id = yishi_meeting_store_add (db, council_id, "第十二次居民议事会", starts_at, "社区议事厅",
                                        0, 0, error);
  if (meeting_id == 0 || !yishi_meeting_store_set_state (db, meeting_id, YISHI_MEETING_STATE_IN_SESSION, error))
    return 0;
  for (guint i = 0; i < people->len; i++)
    if (!yishi_meeting_store_attend (db, meeting_id, yishi_person_get_id (people->pdata[i]),
                                     YISHI_ATTENDANCE_PRESENT, error))
      return 0;

  item_id = yishi_meeting_store_add_item (db, meeting_id, "小区公共收益使用方案", 0, error);
  if (item_id == 0)
    return 0;
  for (guint i = 0; i < n_motions; i++)
    {
      g_autofree char *text = g_strdup_printf ("同意《小区公共收益使用方案》第 %u 条", i + 1);
      gint64 id = yishi_meeting_store_add_motion (db, item_id, 0, text,
                                                  yishi_person_get_id (people->pdata[i % people->len]),
                                                  NULL, YISHI_VOTE_FORM_HANDS, error);

      if (id == 0)
        return 0;
      g_array_append_val (motion_ids, id);
    }

  return meeting_id;
}

/* Counts that differ for every motion (up to half the members), so that
 * each result on screen can be told from the others; everyone present
 * votes yes or no. */
static void
counts_for (guint  i,
            guint  n_members,
            guint *out_yes,
            guint *out_no)
{
  *out_no = i % (n_members / 2 + 1);
  *out_yes = n_members - *out_no;
}

/* Getting to the agenda */

static gboolean
pages_built (gpointer data)
{
  Bench *bench = data;

  /* the window builds its pages once its first frame is on screen */
  return find_child (GTK_WIDGET (bench->window), YISHI_TYPE_MEETINGS_PAGE) != NULL;
}

typedef struct
{
  Bench *bench;
  guint  n;
} RowCount;

static gboolean
all_motions_shown (gpointer data)
{
  RowCount *count = data;
  GtkWidget *button = find_vote_button (count->bench->agenda, 0);
  guint n = 0;

  if (button == NULL || !gtk_widget_get_mapped (button))
    return FALSE;

  count->bench->motion_list = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = gtk_widget_get_first_child (count->bench->motion_list); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n == count->n;
}

static void
show_agenda (Bench  *bench,
             gint64  meeting_id,
             guint   n_motions)
{
  GtkWidget *page, *view, *switcher;
  RowCount count = { bench, n_motions };

  wait_until (pages_built, bench, "the window's pages");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_child (GTK_WIDGET (bench->window),
                                                                     ADW_TYPE_VIEW_STACK)),
                                         "meetings");
  page = find_child (GTK_WIDGET (bench->window), YISHI_TYPE_MEETINGS_PAGE);
  yishi_meetings_page_select_meeting (YISHI_MEETINGS_PAGE (page), meeting_id);
  view = find_child (page, YISHI_TYPE_MEETING_VIEW);
  switcher = find_child (view, GTK_TYPE_STACK_SWITCHER);
  gtk_stack_set_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher)), "agenda");
  bench->agenda = find_child (view, YISHI_TYPE_AGENDA_VIEW);
  wait_until (all_motions_shown, &count, "the motions");
}

/* Timing frames */

/* The motion's row shows its result: the label under the row proper. */
static gboolean
result_shown (Bench *bench)
{
  for (GtkWidget *row = gtk_widget_get_first_child (bench->motion_list); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *label = box ? gtk_widget_get_last_child (box) : NULL;

      if (GTK_IS_LABEL (label) && gtk_widget_get_mapped (label) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), bench->expected) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (bench->start == 0)
    return;
  if (bench->want_result && (bench->expected == NULL || !result_shown (bench)))
    return;

  bench->frame_ms = bench_ms_since (bench->start);
  bench->redraw_ms = bench_ms_since (bench->layout_start);
  bench->start = 0;
}

/* The work of one frame runs from its layout phase to its paint's end. */
static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->layout_start = g_get_monotonic_time ();
}

static gboolean
frame_timed (gpointer data)
{
  return ((Bench *) data)->start == 0;
}

static double
time_plain_frame (Bench *bench)
{
  wait_ms (SETTLE_MS);
  bench->want_result = FALSE;
  bench->start = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  wait_until (frame_timed, bench, "a plain frame");
  return bench->frame_ms;
}

/* Connected after the agenda view's own handler: the motion list has
 * been rebuilt when this runs, but not laid out or painted. */
static void
recorded_cb (YishiVoteDialog       *dialog,
             gint64                 motion_id,
             const YishiVoteCounts *counts,
             const YishiVoteResult *result,
             Bench                 *bench)
{
  YishiSnapshotMotion motion = {
    .id = motion_id,
    .form = YISHI_VOTE_FORM_HANDS,
    .voted = TRUE,
    .counts = *counts,
    .verdict = result->verdict,
    .required = result->required,
  };

  bench->recorded_ms = bench_ms_since (bench->start);
  bench->expected = yishi_motion_describe_result (&motion);
}

static gboolean
vote_dialog_open (gpointer data)
{
  GtkWindow *dialog = find_window (YISHI_TYPE_VOTE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
vote_dialog_closed (gpointer data)
{
  return find_window (YISHI_TYPE_VOTE_DIALOG) == NULL;
}

static void
set_count (GtkWidget  *dialog,
           const char *row_title,
           guint       value)
{
  GtkWidget *row = find_translated (dialog, ADW_TYPE_ACTION_ROW, row_title);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_child (row, GTK_TYPE_SPIN_BUTTON)), value);
}

/* Opens the motion's vote dialog and types the counts, then times the
 * click on _Record Vote to the frame that shows the result. */
static void
time_vote (Bench  *bench,
           gint64  motion_id,
           guint   yes,
           guint   no)
{
  GtkWidget *button = find_vote_button (bench->agenda, motion_id);
  GtkWidget *dialog, *record;

  if (button == NULL)
    g_error ("bench-vote: motion %" G_GINT64_FORMAT " has no Record Vote button", motion_id);
  /* focus scrolls the motion into view, as a click on it would have it */
  gtk_widget_grab_focus (button);
  gtk_widget_activate_action_variant (bench->agenda, "agenda.vote", g_variant_new_int64 (motion_id));
  wait_until (vote_dialog_open, NULL, "the vote dialog");
  dialog = GTK_WIDGET (find_window (YISHI_TYPE_VOTE_DIALOG));
  set_count (dialog, "Yes", yes);
  set_count (dialog, "No", no);
  record = find_translated (dialog, GTK_TYPE_BUTTON, "_Record Vote");
  if (!gtk_widget_is_sensitive (record))
    g_error ("bench-vote: the vote dialog refuses %u yes, %u no", yes, no);
  g_signal_connect (dialog, "recorded", G_CALLBACK (recorded_cb), bench);
  wait_ms (SETTLE_MS);

  g_clear_pointer (&bench->expected, g_free);
  bench->want_result = TRUE;
  bench->start = g_get_monotonic_time ();
  /* what a click does when the mouse button is released; not
   * gtk_widget_activate (), which is the keyboard's activation and
   * shows the button pressed for 250 ms before it emits "clicked" */
  g_signal_emit_by_name (record, "clicked");
  wait_until (frame_timed, bench, "the vote's result on screen");
  wait_until (vote_dialog_closed, NULL, "the vote dialog to close");
}

/* Every motion is stored as voted, with the counts typed for it. */
static gboolean
check_stored (const char  *path,
              gint64       meeting_id,
              GArray      *motion_ids,
              guint        n_members,
              GError     **error)
{
  g_autoptr(YishiDatabase) db = yishi_database_open (path, error);
  g_autoptr(YishiMeetingSnapshot) snapshot = db ? yishi_meeting_store_show (db, meeting_id, error) : NULL;

  if (snapshot == NULL)
    return FALSE;

  for (guint i = 0; i < motion_ids->len; i++)
    {
      gint64 id = g_array_index (motion_ids, gint64, i);
      const YishiSnapshotMotion *motion = NULL;
      guint yes, no;

      for (guint j = 0; j < snapshot->motions->len && motion == NULL; j++)
        if (((YishiSnapshotMotion *) snapshot->motions->pdata[j])->id == id)
          motion = snapshot->motions->pdata[j];
      counts_for (i, n_members, &yes, &no);
      if (motion == NULL || !motion->voted || motion->counts.yes != yes || motion->counts.no != no ||
          motion->counts.present != n_members)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "motion %" G_GINT64_FORMAT " is not stored as voted %u yes, %u no with %u present",
                       id, yes, no, n_members);
          return FALSE;
        }
    }

  return TRUE;
}

static void
remove_database (const char *dir,
                 const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

/* Opens the real window on the database, shows the agenda, and times
 * a plain frame and a vote for each motion, in turn. */
static gboolean
run (YishiApplication *app,
     const char       *path,
     gint64            meeting_id,
     GArray           *motion_ids,
     guint             n_members,
     GError          **error)
{
  g_autoptr(GArray) votes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) recorded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  GdkFrameClock *clock;
  gulong handler, layout_handler;

  bench.window = yishi_window_new (app);
  yishi_window_open_database (bench.window, path, FALSE);
  gtk_window_present (GTK_WINDOW (bench.window));
  show_agenda (&bench, meeting_id, motion_ids->len);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  layout_handler = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &bench);
  for (guint i = 0; i < motion_ids->len; i++)
    {
      double frame = time_plain_frame (&bench);
      guint yes, no;

      g_array_append_val (frames, frame);
      counts_for (i, n_members, &yes, &no);
      time_vote (&bench, g_array_index (motion_ids, gint64, i), yes, no);
      g_array_append_val (votes, bench.frame_ms);
      g_array_append_val (recorded, bench.recorded_ms);
      /* the secretary's wait that is work: storing and the reply, then
       * laying out and painting the frame with the result */
      bench.redraw_ms += bench.recorded_ms;
      g_array_append_val (work, bench.redraw_ms);
    }
  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, layout_handler);
  g_free (bench.expected);
  gtk_window_destroy (GTK_WINDOW (bench.window));

  if (!check_stored (path, meeting_id, motion_ids, n_members, error))
    return FALSE;

  g_print ("# what\truns\tmedian_ms\tp95_ms\n");
  report ("vote", votes);
  report ("recorded", recorded);
  report ("work", work);
  report ("frame", frames);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int n_members = 200, n_motions = 100;
  const GOptionEntry entries[] = {
    { "members", 0, 0, G_OPTION_ARG_INT, &n_members, "Council members, all present (200)", "N" },
    { "motions", 0, 0, G_OPTION_ARG_INT, &n_motions, "Motions, one vote each (100)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time recording a vote to the frame that shows it");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) motion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(YishiApplication) app = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *localedir = g_getenv ("YISHI_LOCALEDIR");
  gint64 meeting_id;
  gboolean ok;

  /* in the language the window speaks, as yishi's main () sets it up */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    goto fail;
  if (argc != 1 || n_members < 2 || n_motions < 1)
    {
      g_printerr ("Usage: %s [--members N] [--motions N]\n", g_get_prgname ());
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("%s: cannot open a display\n", g_get_prgname ());
      return EXIT_FAILURE;
    }
  adw_init ();

  dir = g_dir_make_tmp ("yishi-bench-vote-XXXXXX", &error);
  if (dir == NULL)
    goto fail;
  path = g_build_filename (dir, "council.db", NULL);
  meeting_id = make_meeting (path, n_members, n_motions, motion_ids, &error);
  app = yishi_application_new ();
  ok = meeting_id > 0 && g_application_register (G_APPLICATION (app), NULL, &error) &&
       run (app, path, meeting_id, motion_ids, n_members, &error);
  remove_database (dir, path);
  if (!ok)
    goto fail;
  return EXIT_SUCCESS;

fail:
  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return EXIT_FAILURE;
}
