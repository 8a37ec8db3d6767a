#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "yishi-person-form.h"
#include "yishi-text.h"

struct _YishiPersonForm
{
  GtkWidget             parent_instance;
  gboolean              populating;
  GtkCheckButton       *role_checks[YISHI_N_ROLES];

  /* template children */
  GtkWidget            *box;
  AdwEntryRow          *name_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *community_row;
  AdwEntryRow          *grid_row;
  AdwEntryRow          *building_row;
  AdwPreferencesGroup  *roles_group;
};

G_DEFINE_FINAL_TYPE (YishiPersonForm, yishi_person_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (YishiPersonForm *self)
{
  if (!self->populating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

void
yishi_person_form_set_person (YishiPersonForm *self,
                              YishiPerson     *person)
{
  guint roles = person ? yishi_person_get_roles (person) : 0;

  g_return_if_fail (YISHI_IS_PERSON_FORM (self));

  self->populating = TRUE;
  set_text (self->name_row, person ? yishi_person_get_name (person) : NULL);
  set_text (self->phone_row, person ? yishi_person_get_phone (person) : NULL);
  set_text (self->community_row, person ? yishi_person_get_community (person) : NULL);
  set_text (self->grid_row, person ? yishi_person_get_grid (person) : NULL);
  set_text (self->building_row, person ? yishi_person_get_building (person) : NULL);
  for (guint i = 0; i < YISHI_N_ROLES; i++)
    gtk_check_button_set_active (self->role_checks[i], (roles & (1u << i)) != 0);
  self->populating = FALSE;
}

static char *
optional_text (AdwEntryRow *row)
{
  char *text = yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The form as a draft, or NULL with @error saying what is wrong. */
YishiPersonDraft *
yishi_person_form_read (YishiPersonForm  *self,
                        GError          **error)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();

  g_return_val_if_fail (YISHI_IS_PERSON_FORM (self), NULL);

  draft->name = yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  draft->phone = yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  draft->building = yishi_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->building_row)));
  draft->community = optional_text (self->community_row);
  draft->grid = optional_text (self->grid_row);
  for (guint i = 0; i < YISHI_N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      draft->roles |= 1u << i;

  if (!yishi_person_draft_validate (draft, error))
    return NULL;

  return g_steal_pointer (&draft);
}

void
yishi_person_form_focus_name (YishiPersonForm *self)
{
  g_return_if_fail (YISHI_IS_PERSON_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_role_rows (YishiPersonForm *self)
{
  for (guint i = 0; i < YISHI_N_ROLES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), yishi_role_label (i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      yishi_role_label (i), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (field_changed_cb), self);
      adw_preferences_group_add (self->roles_group, row);
      self->role_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

static void
yishi_person_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), YISHI_TYPE_PERSON_FORM);

  G_OBJECT_CLASS (yishi_person_form_parent_class)->dispose (object);
}

static void
yishi_person_form_class_init (YishiPersonFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = yishi_person_form_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/yishi/Yishi/yishi-person-form.ui");
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, box);
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, community_row);
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, grid_row);
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, building_row);
  gtk_widget_class_bind_template_child (widget_class, YishiPersonForm, roles_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
yishi_person_form_init (YishiPersonForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_role_rows (self);
}
