#pragma once

#include "yishi-contest-dialog.h"

G_BEGIN_DECLS

/* Shared by yishi-contest-dialog.c (loading and saving) and
 * yishi-contest-dialog-fields.c (checking the fields as they change). */

/* Fields the user has left once, or paused on: their errors show from
 * then on. */
typedef enum
{
  YISHI_CONTEST_FIELD_NAME   = 1 << 0,
  YISHI_CONTEST_FIELD_BUDGET = 1 << 1,
  YISHI_CONTEST_FIELD_OPENS  = 1 << 2,
  YISHI_CONTEST_FIELD_CLOSES = 1 << 3,
} YishiContestField;

struct _YishiContestDialog
{
  AdwWindow       parent_instance;

  YishiSession   *session;
  gint64          contest_id;
  GCancellable   *cancellable;
  guint           touched;       /* of YishiContestField */
  guint           reveal_source;
  gboolean        loaded;
  gboolean        saving;
  gboolean        published;
  gboolean        disposed;      /* the combos notify while they go */

  /* template children */
  GtkButton      *save_button;
  GtkStack       *stack;
  GtkWidget      *form_box;
  GtkLabel       *published_label;
  AdwEntryRow    *name_row;
  GtkLabel       *name_error;
  AdwEntryRow    *organiser_row;
  AdwComboRow    *scope_row;
  AdwEntryRow    *budget_row;
  GtkLabel       *budget_error;
  AdwEntryRow    *opens_row;
  GtkLabel       *opens_error;
  AdwEntryRow    *closes_row;
  GtkLabel       *closes_error;
  AdwComboRow    *aggregation_row;
  AdwComboRow    *funding_row;
  AdwActionRow   *top_n_row;
  GtkSpinButton  *top_n_spin;
  GtkSwitch      *grid_switch;
  GtkSpinButton  *objection_spin;
  AdwStatusPage  *error_page;
};

char     *_yishi_contest_dialog_row_text               (AdwEntryRow              *row);
/* An optional date: TRUE when blank (@out_text NULL) or valid, then
 * @out_text is "YYYY-MM-DD". */
gboolean  _yishi_contest_dialog_read_date              (AdwEntryRow              *row,
                                                        GDate                    *out_date,
                                                        char                    **out_text);
/* Shows what is wrong next to each field the user has been through, and
 * says whether the contest can be stored as it is. */
gboolean  _yishi_contest_dialog_validate               (YishiContestDialog       *self);
void      _yishi_contest_dialog_update_buttons         (YishiContestDialog       *self);
void      _yishi_contest_dialog_fill_rules             (YishiContestDialog       *self);
void      _yishi_contest_dialog_field_changed_cb       (YishiContestDialog       *self);
void      _yishi_contest_dialog_field_left_cb          (GtkEventControllerFocus  *controller,
                                                        YishiContestDialog       *self);
void      _yishi_contest_dialog_aggregation_changed_cb (YishiContestDialog       *self);
void      _yishi_contest_dialog_funding_changed_cb     (YishiContestDialog       *self);

G_END_DECLS
