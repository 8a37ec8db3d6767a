#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-error.h"
#include "yishi-person-draft.h"
#include "yishi-text.h"

YishiPersonDraft *
yishi_person_draft_new (void)
{
  return g_new0 (YishiPersonDraft, 1);
}

void
yishi_person_draft_free (YishiPersonDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->uuid);
  g_free (draft->name);
  g_free (draft->community);
  g_free (draft->grid);
  g_free (draft->building);
  g_free (draft->phone);
  g_free (draft);
}

/* The text fields, in the order they are checked, with the names that
 * errors give them: translated only when there is an error to tell. */
static const struct
{
  gsize       offset;
  const char *label;
  gboolean    required;
} text_fields[] = {
  { G_STRUCT_OFFSET (YishiPersonDraft, name), N_("Name"), TRUE },
  { G_STRUCT_OFFSET (YishiPersonDraft, community), N_("Community"), FALSE },
  { G_STRUCT_OFFSET (YishiPersonDraft, grid), N_("Grid"), FALSE },
  { G_STRUCT_OFFSET (YishiPersonDraft, building), N_("Building"), FALSE },
  { G_STRUCT_OFFSET (YishiPersonDraft, phone), N_("Phone"), FALSE },
};

gboolean
yishi_person_draft_validate (const YishiPersonDraft  *draft,
                             GError                 **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, draft, text_fields[i].offset);

      if ((text != NULL && !g_utf8_validate (text, -1, NULL)) ||
          (text_fields[i].required && yishi_text_is_blank (text)))
        return yishi_text_check_field (text, -1, _(text_fields[i].label),
                                       text_fields[i].required, error);
    }

  if (draft->uuid != NULL && !g_uuid_string_is_valid (draft->uuid))
    {
      g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                   /* Translators: %s is the identifier given */
                   _("“%s” is not a UUID (such as 0d3d4a5e-7b0c-4b8e-9f1a-2c3d4e5f6a7b)."),
                   g_utf8_validate (draft->uuid, -1, NULL) ? draft->uuid : "?");
      return FALSE;
    }

  if (draft->roles >= (1u << YISHI_N_ROLES))
    {
      g_set_error_literal (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE, _("Unknown role."));
      return FALSE;
    }

  return TRUE;
}
