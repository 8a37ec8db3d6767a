#pragma once

#include <adwaita.h>

#include "yishi-session.h"

G_BEGIN_DECLS

#define YISHI_TYPE_PERSON_DIALOG (yishi_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (YishiPersonDialog, yishi_person_dialog, YISHI, PERSON_DIALOG, AdwMessageDialog)

/* Adds a resident on the fly; emits "person-added" with the stored row. */
YishiPersonDialog *yishi_person_dialog_new (GtkWindow    *parent,
                                            YishiSession *session);

G_END_DECLS
