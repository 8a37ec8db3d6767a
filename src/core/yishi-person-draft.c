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

gboolean
yishi_person_draft_validate (const YishiPersonDraft  *draft,
                             GError                 **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!yishi_text_check_field (draft->name, -1, _("Name"), TRUE, error) ||
      !yishi_text_check_field (draft->community, -1, _("Community"), FALSE, error) ||
      !yishi_text_check_field (draft->grid, -1, _("Grid"), FALSE, error) ||
      !yishi_text_check_field (draft->building, -1, _("Building"), FALSE, error) ||
      !yishi_text_check_field (draft->phone, -1, _("Phone"), FALSE, error))
    return FALSE;

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
