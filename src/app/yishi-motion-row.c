#include "config.h"

#include <glib/gi18n.h>

#include "yishi-meeting-text.h"
#include "yishi-motion-row.h"

char *
yishi_motion_describe_result (const YishiSnapshotMotion *motion)
{
  const YishiVoteCounts *c = &motion->counts;

  if (!motion->voted)
    return g_strdup ("");
  if (motion->verdict == YISHI_VOTE_VERDICT_NO_QUORUM || motion->verdict == YISHI_VOTE_VERDICT_NO_VERDICT)
    /* Translators: %s the verdict, %u present, %u members */
    return g_strdup_printf (_("%s (%u of %u members present)"), yishi_vote_verdict_label (motion->verdict),
                            c->present, c->members);
  if (motion->form == YISHI_VOTE_FORM_SECRET)
    /* Translators: the result of a secret ballot: 通过：赞成 12 票，反对 3 票，弃权 1 票，无效 1 票；需 10 票 */
    return g_strdup_printf (_("%s: %u yes, %u no, %u abstain, %u invalid; %u needed"),
                            yishi_vote_verdict_label (motion->verdict), c->yes, c->no, c->abstain,
                            c->invalid, motion->required);
  /* Translators: the result of a vote: 通过：赞成 12 票，反对 3 票，弃权 1 票；需 10 票 */
  return g_strdup_printf (_("%s: %u yes, %u no, %u abstain; %u needed"),
                          yishi_vote_verdict_label (motion->verdict), c->yes, c->no, c->abstain,
                          motion->required);
}

static char *
describe_motion (const YishiSnapshotMotion *motion)
{
  g_autofree char *rule = yishi_vote_rule_describe (&motion->rule);
  GString *text = g_string_new (NULL);

  if (*motion->mover != '\0')
    /* Translators: who moved a motion: 动议人 */
    g_string_append_printf (text, _("Moved by %s"), motion->mover);
  if (motion->seconder != NULL && *motion->seconder != '\0')
    /* Translators: who seconded a motion: 附议人 */
    g_string_append_printf (text, _(", seconded by %s"), motion->seconder);
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append_printf (text, "%s · %s", yishi_vote_form_label (motion->form), rule);
  return g_string_free (text, FALSE);
}

static GtkWidget *
make_button (const char *label,
             const char *accessible,
             const char *action,
             gint64      motion_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", motion_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

/* The result line: “not voted yet” until the vote, then the verdict.
 * It is there from the start, so that recording a vote changes one
 * label's text and no row's height. */
static void
show_verdict (GtkLabel                  *label,
              const YishiSnapshotMotion *motion)
{
  g_autofree char *result = yishi_motion_describe_result (motion);
  GtkWidget *widget = GTK_WIDGET (label);

  /* Translators: a motion's result before it is put to the vote: 尚未表决 */
  gtk_label_set_label (label, motion->voted ? result : _("Not voted yet"));
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");
  if (!motion->voted)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_add_css_class (widget, motion->verdict == YISHI_VOTE_VERDICT_PASSED ? "success" : "error");
}

static GtkWidget *
make_verdict (const YishiSnapshotMotion *motion)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_bottom (label, 10);
  show_verdict (GTK_LABEL (label), motion);
  return label;
}

void
yishi_motion_row_show_vote (GtkWidget                 *row,
                            const YishiSnapshotMotion *motion)
{
  GtkWidget *buttons = g_object_get_data (G_OBJECT (row), "yishi-buttons");

  show_verdict (g_object_get_data (G_OBJECT (row), "yishi-verdict"), motion);
  /* a motion is voted on once; the buttons' room stays, empty, so that
   * the motion's text keeps its line breaks */
  if (buttons != NULL && motion->voted)
    gtk_stack_set_visible_child_name (GTK_STACK (buttons), "voted");
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The motion's text and its rule beside the buttons; laid out here, not
 * with an AdwActionRow, which is a list row of its own and may not sit
 * inside another. */
static GtkWidget *
make_heading (const YishiSnapshotMotion *motion,
              GtkWidget                 *suffix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *subtitle = describe_motion (motion);
  g_autofree char *title = motion->parent_id > 0
    /* Translators: an amendment to a motion: 修正案 */
    ? g_strdup_printf (_("Amendment: %s"), motion->text) : g_strdup (motion->text);
  GtkWidget *subtitle_label = make_label (subtitle, "dim-label");

  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), make_label (title, NULL));
  gtk_box_append (GTK_BOX (texts), subtitle_label);
  gtk_box_append (GTK_BOX (box), texts);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (box), suffix);
  return box;
}

GtkWidget *
yishi_motion_row_new (const YishiSnapshotMotion *motion,
                      gboolean                   can_vote)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *stack = NULL;
  GtkWidget *verdict;
  /* Translators: accessible names of buttons; %s is the motion's text */
  g_autofree char *vote_name = g_strdup_printf (_("Record the vote on “%s”"), motion->text);
  g_autofree char *amend_name = g_strdup_printf (_("Amend “%s”"), motion->text);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, motion->text, -1);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, motion->parent_id > 0 ? 36 : 12);
  gtk_widget_set_margin_end (box, 12);
  if (can_vote && !motion->voted)
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      stack = gtk_stack_new ();
      gtk_widget_set_valign (stack, GTK_ALIGN_CENTER);
      if (motion->parent_id == 0)
        gtk_box_append (GTK_BOX (buttons), make_button (_("_Amend…"), amend_name, "agenda.amend", motion->id));
      gtk_box_append (GTK_BOX (buttons), make_button (_("Record _Vote…"), vote_name, "agenda.vote", motion->id));
      gtk_stack_add_named (GTK_STACK (stack), buttons, "buttons");
      gtk_stack_add_named (GTK_STACK (stack), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0), "voted");
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "buttons");
      g_object_set_data (G_OBJECT (row), "yishi-buttons", stack);
    }
  verdict = make_verdict (motion);
  gtk_widget_set_margin_start (verdict, 0);
  gtk_widget_set_margin_bottom (verdict, 0);
  g_object_set_data (G_OBJECT (row), "yishi-verdict", verdict);
  gtk_box_append (GTK_BOX (box), make_heading (motion, stack));
  gtk_box_append (GTK_BOX (box), verdict);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}
