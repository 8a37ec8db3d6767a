#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "yishi-sign-in-sheet.h"

/* The form, in points, as a committee lays one out in a word processor. */
#define MM            (72.0 / 25.4)
#define MARGIN        (20 * MM)
#define HEADING_GAP   (4 * MM)
#define HEADER_HEIGHT (10 * MM)
#define ROW_HEIGHT    (12 * MM) /* room to sign by hand */
#define CELL_PADDING  (1.5 * MM)
#define FOOTER_OFFSET (6 * MM)  /* from the bottom margin's top, inside it */
#define THIN_RULE     0.5
#define THICK_RULE    1.2

/* Songti for Chinese, as on printed notices; the others when it is missing. */
#define FONT_FAMILIES "Noto Serif CJK SC, Noto Sans CJK SC, serif"
#define TITLE_SIZE    18.0 /* 小二 */
#define TEXT_SIZE     12.0 /* 小四 */
#define SMALL_SIZE    9.0  /* 小五 */

/* the msgctxt of the column headings, spelt out in NC_ () for xgettext */
#define SHEET_CONTEXT "sign-in sheet"

/* The columns, left to right, with their share of the page's width. */
static const struct
{
  const char *label;
  double      share;
} columns[] = {
  /* Translators: column heading of a printed sign-in sheet; zh_CN “序号” */
  { NC_("sign-in sheet", "No."), 12 },
  /* Translators: column heading of a printed sign-in sheet; zh_CN “姓名” */
  { NC_("sign-in sheet", "Name"), 27 },
  /* Translators: column heading of a printed sign-in sheet: the member's
   * post on the council; zh_CN “职务” */
  { NC_("sign-in sheet", "Position"), 27 },
  /* Translators: column heading of a printed sign-in sheet, left blank for
   * the time to be written in by hand; zh_CN “签到时间” */
  { NC_("sign-in sheet", "Time in"), 24 },
  /* Translators: column heading of a printed sign-in sheet, where members
   * sign by hand; zh_CN “签名” */
  { NC_("sign-in sheet", "Signature"), 52 },
  /* Translators: column heading of a printed sign-in sheet, showing e.g.
   * excused absence; zh_CN “备注” */
  { NC_("sign-in sheet", "Remarks"), 28 },
};

enum
{
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_POSITION,
  COLUMN_TIME,
  COLUMN_SIGNATURE,
  COLUMN_REMARKS,
  N_COLUMNS
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

/* Where things go on a page; every page has the same layout. */
typedef struct
{
  double left;
  double width;     /* between the side margins */
  double table_top;
  guint  rows;      /* member rows on a page, at least one */
} Geometry;

static void
line_free (YishiSignInLine *line)
{
  g_free (line->name);
  g_free (line->position);
  g_free (line->status);
  g_free (line);
}

/* A context whose measurements do not depend on the target: one unit is
 * one point and metrics are unhinted, so the text on paper, in a print
 * preview and in the PDF breaks where yishi_sign_in_sheet_count_pages ()
 * measured it. */
static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  if (cr != NULL)
    pango_cairo_update_context (cr, context);

  return context;
}

/* @text in at most @max_lines lines of @width, cut short with … beyond. */
static PangoLayout *
create_layout (PangoContext   *context,
               const char     *text,
               double          width,
               double          size_pt,
               gboolean        bold,
               int             max_lines,
               PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILIES);

  pango_font_description_set_size (font, (int) (size_pt * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* A cell's text: one line if it fits, else two smaller ones. */
static PangoLayout *
create_cell_layout (PangoContext *context,
                    const char   *text,
                    double        width,
                    gboolean      bold)
{
  PangoLayout *layout = create_layout (context, text, width, TEXT_SIZE, bold, 1,
                                       PANGO_ALIGN_CENTER);

  if (!pango_layout_is_ellipsized (layout))
    return layout;

  g_object_unref (layout);
  return create_layout (context, text, width, SMALL_SIZE, bold, 2, PANGO_ALIGN_CENTER);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* “{council}{title} 签到表”, whichever of the two is known. */
static char *
format_heading (const YishiSignInSheet *sheet)
{
  /* “佳园社区居民议事会2026年第三次会议” already names its council */
  if (!is_blank (sheet->council) && !is_blank (sheet->title) &&
      g_str_has_prefix (sheet->title, sheet->council))
    /* Translators: the heading of a printed sign-in sheet: the council's
     * name or the meeting's title; zh_CN “%s签到表” */
    return g_strdup_printf (_("Sign-in sheet: %s"), sheet->title);

  if (!is_blank (sheet->council) && !is_blank (sheet->title))
    /* Translators: the heading of a printed sign-in sheet: the council's
     * name, then the meeting's title; zh_CN “%1$s%2$s签到表” */
    return g_strdup_printf (_("Sign-in sheet: %s, %s"), sheet->council, sheet->title);

  if (!is_blank (sheet->council) || !is_blank (sheet->title))
    /* Translators: the heading of a printed sign-in sheet: the council's
     * name or the meeting's title; zh_CN “%s签到表” */
    return g_strdup_printf (_("Sign-in sheet: %s"),
                            is_blank (sheet->council) ? sheet->title : sheet->council);

  /* Translators: the heading of a printed sign-in sheet of a meeting
   * without a name; zh_CN “签到表” */
  return g_strdup (_("Sign-in sheet"));
}

/* 会议时间 and 会议地点 on one line, wrapped when they are long. */
static char *
format_meeting_line (const YishiSignInSheet *sheet)
{
  /* Translators: on a printed sign-in sheet; zh_CN “会议时间：%s” */
  g_autofree char *time = g_strdup_printf (_("Meeting time: %s"),
                                           sheet->starts_at != NULL ? sheet->starts_at : "");
  /* Translators: on a printed sign-in sheet; zh_CN “会议地点：%s” */
  g_autofree char *place = g_strdup_printf (_("Meeting place: %s"),
                                            sheet->place != NULL ? sheet->place : "");

  /* two ideographic spaces, as a Chinese form spaces its fields */
  return g_strconcat (time, "\u3000\u3000", place, NULL);
}

static PangoLayout *
create_title_layout (PangoContext           *context,
                     const YishiSignInSheet *sheet,
                     double                  width)
{
  g_autofree char *heading = format_heading (sheet);

  return create_layout (context, heading, width, TITLE_SIZE, TRUE, 3, PANGO_ALIGN_CENTER);
}

static PangoLayout *
create_meeting_layout (PangoContext           *context,
                       const YishiSignInSheet *sheet,
                       double                  width)
{
  g_autofree char *text = format_meeting_line (sheet);

  return create_layout (context, text, width, TEXT_SIZE, FALSE, 2, PANGO_ALIGN_LEFT);
}

/* Measured without the target's cairo_t, so that counting the pages and
 * drawing them always agree. */
static void
compute_geometry (const YishiSignInSheet *sheet,
                  double                  width_pt,
                  double                  height_pt,
                  Geometry               *geometry)
{
  PangoContext *context = create_context (NULL);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) meeting = NULL;
  double room;

  geometry->left = MARGIN;
  geometry->width = MAX (width_pt - 2 * MARGIN, 1.0);
  title = create_title_layout (context, sheet, geometry->width);
  meeting = create_meeting_layout (context, sheet, geometry->width);
  g_object_unref (context);
  geometry->table_top = MARGIN + layout_height (title) + HEADING_GAP
                        + layout_height (meeting) + HEADING_GAP;

  room = height_pt - MARGIN - geometry->table_top - HEADER_HEIGHT;
  geometry->rows = room >= ROW_HEIGHT ? (guint) (room / ROW_HEIGHT) : 1;
}

static guint
count_pages (const YishiSignInSheet *sheet,
             const Geometry         *geometry)
{
  guint n_lines = sheet->lines != NULL ? sheet->lines->len : 0;

  return MAX (1, (n_lines + geometry->rows - 1) / geometry->rows);
}

static double
column_x (const Geometry *geometry,
          guint           column)
{
  double total = 0;
  double before = 0;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      total += columns[i].share;
      if (i < column)
        before += columns[i].share;
    }

  return geometry->left + geometry->width * before / total;
}

/* @text centred in the cell of @column whose top is @y. */
static void
show_cell (cairo_t        *cr,
           PangoContext   *context,
           const Geometry *geometry,
           guint           column,
           double          y,
           double          height,
           const char     *text,
           gboolean        bold)
{
  double x = column_x (geometry, column) + CELL_PADDING;
  double width = column_x (geometry, column + 1) - CELL_PADDING - x;
  g_autoptr(PangoLayout) layout = NULL;

  if (is_blank (text))
    return;

  layout = create_cell_layout (context, text, width, bold);
  cairo_move_to (cr, x, y + (height - layout_height (layout)) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_heading (cairo_t                *cr,
              PangoContext           *context,
              const YishiSignInSheet *sheet,
              const Geometry         *geometry)
{
  g_autoptr(PangoLayout) title = create_title_layout (context, sheet, geometry->width);
  g_autoptr(PangoLayout) meeting = create_meeting_layout (context, sheet, geometry->width);

  cairo_move_to (cr, geometry->left, MARGIN);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, geometry->left, MARGIN + layout_height (title) + HEADING_GAP);
  pango_cairo_show_layout (cr, meeting);
}

static void
draw_rules (cairo_t        *cr,
            const Geometry *geometry)
{
  double top = geometry->table_top;
  double right = geometry->left + geometry->width;
  double bottom = top + HEADER_HEIGHT + geometry->rows * ROW_HEIGHT;

  cairo_set_line_width (cr, THIN_RULE);
  for (guint row = 0; row < geometry->rows; row++)
    {
      cairo_move_to (cr, geometry->left, top + HEADER_HEIGHT + row * ROW_HEIGHT);
      cairo_line_to (cr, right, top + HEADER_HEIGHT + row * ROW_HEIGHT);
    }
  for (guint column = 1; column < G_N_ELEMENTS (columns); column++)
    {
      cairo_move_to (cr, column_x (geometry, column), top);
      cairo_line_to (cr, column_x (geometry, column), bottom);
    }
  cairo_stroke (cr);

  cairo_set_line_width (cr, THICK_RULE);
  cairo_rectangle (cr, geometry->left, top, geometry->width, bottom - top);
  cairo_stroke (cr);
}

/* The header row, then the members on @page; the rows left over stay
 * blank, for whoever was not on the list. */
static void
draw_table (cairo_t                *cr,
            PangoContext           *context,
            const YishiSignInSheet *sheet,
            const Geometry         *geometry,
            guint                   page)
{
  guint first = page * geometry->rows;
  guint n_lines = sheet->lines != NULL ? sheet->lines->len : 0;

  for (guint column = 0; column < G_N_ELEMENTS (columns); column++)
    show_cell (cr, context, geometry, column, geometry->table_top, HEADER_HEIGHT,
               g_dpgettext2 (GETTEXT_PACKAGE, SHEET_CONTEXT, columns[column].label), TRUE);

  for (guint row = 0; row < geometry->rows && first + row < n_lines; row++)
    {
      const YishiSignInLine *line = g_ptr_array_index (sheet->lines, first + row);
      double y = geometry->table_top + HEADER_HEIGHT + row * ROW_HEIGHT;
      g_autofree char *number = g_strdup_printf ("%u", first + row + 1);

      show_cell (cr, context, geometry, COLUMN_NUMBER, y, ROW_HEIGHT, number, FALSE);
      show_cell (cr, context, geometry, COLUMN_NAME, y, ROW_HEIGHT, line->name, FALSE);
      show_cell (cr, context, geometry, COLUMN_POSITION, y, ROW_HEIGHT, line->position, FALSE);
      show_cell (cr, context, geometry, COLUMN_REMARKS, y, ROW_HEIGHT, line->status, FALSE);
    }

  draw_rules (cr, geometry);
}

static void
draw_footer (cairo_t        *cr,
             PangoContext   *context,
             const Geometry *geometry,
             double          height_pt,
             guint           page,
             guint           n_pages)
{
  /* Translators: the foot of each page of a printed sign-in sheet: this
   * page's number, then how many there are; zh_CN “第 %1$u 页 共 %2$u 页” */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  g_autoptr(PangoLayout) layout = create_layout (context, text, geometry->width, SMALL_SIZE,
                                                 FALSE, 1, PANGO_ALIGN_CENTER);

  cairo_move_to (cr, geometry->left, height_pt - MARGIN + FOOTER_OFFSET);
  pango_cairo_show_layout (cr, layout);
}

static cairo_status_t
append_to_bytes_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The whole PDF in memory: a few pages, and the file is only touched
 * once it is complete. */
static cairo_status_t
render_pdf (const YishiSignInSheet *sheet,
            GByteArray             *out)
{
  const double width = YISHI_SIGN_IN_SHEET_A4_WIDTH;
  const double height = YISHI_SIGN_IN_SHEET_A4_HEIGHT;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes_cb, out,
                                                                  width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *heading = format_heading (sheet);
  guint n_pages = yishi_sign_in_sheet_count_pages (sheet, width, height);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Yishi " PACKAGE_VERSION);
  for (guint page = 0; page < n_pages; page++)
    {
      yishi_sign_in_sheet_draw_page (sheet, cr, width, height, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * yishi_sign_in_sheet_new:
 *
 * A sheet without members; any argument may be %NULL for “not known”.
 */
YishiSignInSheet *
yishi_sign_in_sheet_new (const char *council,
                         const char *title,
                         const char *starts_at,
                         const char *place)
{
  YishiSignInSheet *sheet = g_new0 (YishiSignInSheet, 1);

  sheet->council = g_strdup (council != NULL ? council : "");
  sheet->title = g_strdup (title != NULL ? title : "");
  sheet->starts_at = g_strdup (starts_at != NULL ? starts_at : "");
  sheet->place = g_strdup (place != NULL ? place : "");
  sheet->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);

  return sheet;
}

void
yishi_sign_in_sheet_free (YishiSignInSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_free (sheet->council);
  g_free (sheet->title);
  g_free (sheet->starts_at);
  g_free (sheet->place);
  g_clear_pointer (&sheet->lines, g_ptr_array_unref);
  g_free (sheet);
}

/**
 * yishi_sign_in_sheet_add_line:
 * @position: (nullable): the member's translated position
 * @status: (nullable): a translated remark, such as 请假
 *
 * Adds a member below those already on @sheet.
 */
void
yishi_sign_in_sheet_add_line (YishiSignInSheet *sheet,
                              const char       *name,
                              const char       *position,
                              const char       *status)
{
  YishiSignInLine *line;

  g_return_if_fail (sheet != NULL && sheet->lines != NULL);
  g_return_if_fail (name != NULL);

  line = g_new0 (YishiSignInLine, 1);
  line->name = g_strdup (name);
  line->position = g_strdup (position != NULL ? position : "");
  line->status = g_strdup (status != NULL ? status : "");
  g_ptr_array_add (sheet->lines, line);
}

/**
 * yishi_sign_in_sheet_count_pages:
 *
 * How many pages of @width_pt × @height_pt points @sheet takes: at least
 * one, since a sheet without members is still a blank form.
 */
guint
yishi_sign_in_sheet_count_pages (const YishiSignInSheet *sheet,
                                 double                  width_pt,
                                 double                  height_pt)
{
  Geometry geometry;

  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (width_pt > 0 && height_pt > 0, 0);

  compute_geometry (sheet, width_pt, height_pt, &geometry);
  return count_pages (sheet, &geometry);
}

/**
 * yishi_sign_in_sheet_draw_page:
 * @cr: a context whose user unit is one point, with (0, 0) at the top left
 *   corner of the paper, such as a PDF surface's or a GtkPrintContext's
 *   with GTK_UNIT_POINTS and the full page
 * @page: 0-based, less than yishi_sign_in_sheet_count_pages ()
 *
 * Draws one page of @sheet, inside margins of 20 mm: the heading, the
 * meeting's time and place, the table with its header row, and the page
 * number. @cr is left as it was.
 */
void
yishi_sign_in_sheet_draw_page (const YishiSignInSheet *sheet,
                               cairo_t                *cr,
                               double                  width_pt,
                               double                  height_pt,
                               guint                   page)
{
  PangoContext *context;
  Geometry geometry;
  guint n_pages;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width_pt > 0 && height_pt > 0);

  compute_geometry (sheet, width_pt, height_pt, &geometry);
  n_pages = count_pages (sheet, &geometry);
  g_return_if_fail (page < n_pages);

  cairo_save (cr);
  context = create_context (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_new_path (cr);

  draw_heading (cr, context, sheet, &geometry);
  draw_table (cr, context, sheet, &geometry, page);
  draw_footer (cr, context, &geometry, height_pt, page, n_pages);
  g_object_unref (context);
  cairo_restore (cr);
}

/**
 * yishi_sign_in_sheet_write_pdf:
 *
 * Writes @sheet to @path as an A4 PDF. The file is written under a
 * temporary name in the same folder and renamed into place when complete,
 * so a failure leaves an existing file as it was and no partial file
 * behind. Errors are in the G_IO_ERROR domain.
 */
gboolean
yishi_sign_in_sheet_write_pdf (const YishiSignInSheet  *sheet,
                               const char              *path,
                               GError                 **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  cairo_status_t status;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);
  status = render_pdf (sheet, pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file name, then cairo's reason (in English) */
                   _("Could not make the sign-in sheet “%s”: %s"),
                   display_name, cairo_status_to_string (status));
      return FALSE;
    }

  /* unlike g_file_replace (), writes a new file under a temporary name
   * too, and removes that when it fails */
  if (!g_file_set_contents_full (path, (const char *) pdf->data, pdf->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0666, &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   /* Translators: %s is a file name, then the reason */
                   _("Could not save the sign-in sheet as “%s”: %s"),
                   display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}
