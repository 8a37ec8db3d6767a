#pragma once

#include <gtk/gtk.h>

#include "yishi-person.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PERSON_FORM (yishi_person_form_get_type ())

G_DECLARE_FINAL_TYPE (YishiPersonForm, yishi_person_form, YISHI, PERSON_FORM, GtkWidget)

/* The fields of one resident, shared by the People page and the quick
 * "New Person" dialog. Emits "changed" when the user edits a field. */
void              yishi_person_form_set_person (YishiPersonForm  *self,
                                                YishiPerson      *person);
YishiPersonDraft *yishi_person_form_read       (YishiPersonForm  *self,
                                                GError          **error);
void              yishi_person_form_focus_name (YishiPersonForm  *self);

G_END_DECLS
