#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "yishi-meeting-notice.h"

static void
test_with_agenda (void)
{
  g_autoptr(GDateTime) starts_at = g_date_time_new_local (2025, 6, 6, 19, 30, 0);
  g_autoptr(GDateTime) issued_on = g_date_time_new_local (2025, 5, 30, 9, 0, 0);
  const char * const items[] = { "金星苑停车位划线", "增设健身器材", NULL };
  g_autofree char *notice = yishi_meeting_notice_compose ("佳园社区居民议事会", "第三次会议", starts_at,
                                                          "社区活动室", items, issued_on);

  g_assert_cmpstr (notice, ==,
                   "To all council members:\n"
                   "The meeting “第三次会议” will be held on Friday 6 June 2025 at 19:30 in 社区活动室,"
                   " to consider the following items:\n"
                   "1. 金星苑停车位划线\n"
                   "2. 增设健身器材\n"
                   "All council members are asked to attend on time; anyone who cannot attend should"
                   " ask the residents’ committee for leave in advance.\n"
                   "\n"
                   "佳园社区居民议事会\n"
                   "30 May 2025\n");
}

/* No agenda yet and no place: the sentence ends after the date. */
static void
test_without_agenda_or_place (void)
{
  g_autoptr(GDateTime) starts_at = g_date_time_new_local (2025, 1, 2, 9, 5, 0);
  const char * const no_items[] = { NULL };
  g_autofree char *bare = yishi_meeting_notice_compose ("议事会", "年度会议", starts_at, "", NULL, starts_at);
  g_autofree char *empty = yishi_meeting_notice_compose ("议事会", "年度会议", starts_at, NULL, no_items,
                                                         starts_at);

  g_assert_true (g_str_has_prefix (bare, "To all council members:\n"
                                         "The meeting “年度会议” will be held on Thursday 2 January 2025"
                                         " at 09:05.\n"
                                         "All council members"));
  g_assert_null (strstr (bare, "following items"));
  g_assert_true (g_str_has_suffix (bare, "\n\n议事会\n2 January 2025\n"));
  g_assert_cmpstr (empty, ==, bare);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-notice/with-agenda", test_with_agenda);
  g_test_add_func ("/meeting-notice/without-agenda-or-place", test_without_agenda_or_place);

  return g_test_run ();
}
