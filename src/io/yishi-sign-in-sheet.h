#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* ISO A4 in PostScript points (1/72 inch): the paper of the PDF. */
#define YISHI_SIGN_IN_SHEET_A4_WIDTH  (210.0 / 25.4 * 72.0)
#define YISHI_SIGN_IN_SHEET_A4_HEIGHT (297.0 / 25.4 * 72.0)

/* One member expected at the meeting: a row of the sheet. */
typedef struct
{
  char *name;
  char *position; /* translated, e.g. 主任; "" when none */
  char *status;   /* translated remark, e.g. 请假; "" when none */
} YishiSignInLine;

/* A printed sign-in sheet (签到表): the meeting, and the members in the
 * order they are listed. The times and signatures are left blank, to be
 * filled in by hand. */
typedef struct
{
  char      *council;
  char      *title;
  char      *starts_at; /* as it is to be printed */
  char      *place;
  GPtrArray *lines;     /* of YishiSignInLine */
} YishiSignInSheet;

YishiSignInSheet *yishi_sign_in_sheet_new         (const char             *council,
                                                   const char             *title,
                                                   const char             *starts_at,
                                                   const char             *place);
void              yishi_sign_in_sheet_free        (YishiSignInSheet       *sheet);
void              yishi_sign_in_sheet_add_line    (YishiSignInSheet       *sheet,
                                                   const char             *name,
                                                   const char             *position,
                                                   const char             *status);
guint             yishi_sign_in_sheet_count_pages (const YishiSignInSheet *sheet,
                                                   double                  width_pt,
                                                   double                  height_pt);
void              yishi_sign_in_sheet_draw_page   (const YishiSignInSheet *sheet,
                                                   cairo_t                *cr,
                                                   double                  width_pt,
                                                   double                  height_pt,
                                                   guint                   page);
gboolean          yishi_sign_in_sheet_write_pdf   (const YishiSignInSheet *sheet,
                                                   const char             *path,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiSignInSheet, yishi_sign_in_sheet_free)

G_END_DECLS
