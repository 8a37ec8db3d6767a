#pragma once

#include <glib-object.h>

#include "yishi-person-draft.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PERSON (yishi_person_get_type ())

G_DECLARE_FINAL_TYPE (YishiPerson, yishi_person, YISHI, PERSON, GObject)

gint64            yishi_person_get_id             (YishiPerson *self);
const char       *yishi_person_get_uuid           (YishiPerson *self);
const char       *yishi_person_get_name           (YishiPerson *self);
const char       *yishi_person_get_community      (YishiPerson *self);
const char       *yishi_person_get_grid           (YishiPerson *self);
const char       *yishi_person_get_building       (YishiPerson *self);
const char       *yishi_person_get_phone          (YishiPerson *self);
guint             yishi_person_get_roles          (YishiPerson *self);
guint             yishi_person_get_n_proposals    (YishiPerson *self);
char             *yishi_person_dup_roles_label    (YishiPerson *self);
char             *yishi_person_dup_display_name   (YishiPerson *self);
YishiPersonDraft *yishi_person_to_draft           (YishiPerson *self);

G_END_DECLS
