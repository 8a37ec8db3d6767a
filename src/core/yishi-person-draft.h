#pragma once

#include <glib.h>

#include "yishi-role.h"

G_BEGIN_DECLS

/* The plain values of a resident in the directory. */
typedef struct
{
  char  *uuid;      /* NULL: a new one is made */
  char  *name;
  char  *community; /* community name, or NULL */
  char  *grid;      /* grid name, or NULL */
  char  *building;
  char  *phone;
  guint  roles;     /* bit set of 1 << YishiRole */
} YishiPersonDraft;

YishiPersonDraft *yishi_person_draft_new      (void);
void              yishi_person_draft_free     (YishiPersonDraft       *draft);
gboolean          yishi_person_draft_validate (const YishiPersonDraft *draft,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiPersonDraft, yishi_person_draft_free)

G_END_DECLS
