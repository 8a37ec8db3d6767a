#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-meeting-notice.h"
#include "yishi-meeting-text.h"

/* “The meeting … will be held on … in …”, without its full stop: the
 * agenda, if any, follows in the same sentence. */
static char *
compose_opening (const char *title,
                 GDateTime  *starts_at,
                 const char *place)
{
  /* Translators: the date and time of a meeting in its notice, a format
   * for g_date_time_format(); zh_CN: “%Y年%-m月%-d日（%A）%H:%M”.
   * xgettext:no-c-format */
  g_autofree char *when = g_date_time_format (starts_at, _("%A %-d %B %Y at %H:%M"));

  if (place == NULL || *place == '\0')
    /* Translators: the opening of a meeting notice, without a full stop;
     * %1$s is the date and time, %2$s the meeting's title.
     * zh_CN: “定于%1$s召开%2$s” */
    return g_strdup_printf (_("The meeting “%2$s” will be held on %1$s"), when, title);

  /* Translators: the opening of a meeting notice, without a full stop;
   * %1$s is the date and time, %2$s the place, %3$s the meeting's title.
   * zh_CN: “定于%1$s在%2$s召开%3$s” */
  return g_strdup_printf (_("The meeting “%3$s” will be held on %1$s in %2$s"), when, place, title);
}

static void
append_agenda (GString            *notice,
               const char         *opening,
               const char * const *items)
{
  if (items == NULL || items[0] == NULL)
    {
      /* Translators: ends the opening sentence of a meeting notice that
       * has no agenda yet; zh_CN: “%s。” */
      g_string_append_printf (notice, C_("notice", "%s."), opening);
      g_string_append_c (notice, '\n');
      return;
    }

  /* Translators: the opening sentence of a meeting notice, followed by
   * the agenda; zh_CN: “%s，审议以下议题：” */
  g_string_append_printf (notice, _("%s, to consider the following items:"), opening);
  g_string_append_c (notice, '\n');
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *number = yishi_agenda_number (i + 1);

      g_string_append_printf (notice, "%s%s\n", number, items[i]);
    }
}

char *
yishi_meeting_notice_compose (const char         *council,
                              const char         *title,
                              GDateTime          *starts_at,
                              const char         *place,
                              const char * const *items,
                              GDateTime          *issued_on)
{
  g_autoptr(GString) notice = g_string_new (NULL);
  g_autofree char *opening = NULL;
  g_autofree char *issued = NULL;

  g_return_val_if_fail (council != NULL && title != NULL, NULL);
  g_return_val_if_fail (starts_at != NULL && issued_on != NULL, NULL);

  opening = compose_opening (title, starts_at, place);
  /* Translators: a date at the foot of a notice, a format for
   * g_date_time_format(); zh_CN: “%Y年%-m月%-d日”.
   * xgettext:no-c-format */
  issued = g_date_time_format (issued_on, _("%-d %B %Y"));

  /* Translators: the salutation of a meeting notice; zh_CN: “各位议事会成员：” */
  g_string_append (notice, _("To all council members:"));
  g_string_append_c (notice, '\n');
  append_agenda (notice, opening, items);
  /* Translators: the request at the end of a meeting notice; zh_CN:
   * “请各位议事会成员准时参加，因故不能参加的请提前向社区居委会请假。” */
  g_string_append (notice, _("All council members are asked to attend on time; anyone who cannot attend should ask the residents’ committee for leave in advance."));
  g_string_append_printf (notice, "\n\n%s\n%s\n", council, issued);
  return g_string_free (g_steal_pointer (&notice), FALSE);
}
