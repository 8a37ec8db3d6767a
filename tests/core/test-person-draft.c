#include <locale.h>

#include <glib.h>

#include "yishi-error.h"
#include "yishi-person-draft.h"

static YishiPersonDraft *
valid_draft (void)
{
  YishiPersonDraft *draft = yishi_person_draft_new ();

  draft->name = g_strdup ("李建国");
  draft->community = g_strdup ("幸福里社区");
  draft->grid = g_strdup ("第二网格");
  draft->building = g_strdup ("7号楼");
  draft->phone = g_strdup ("13800000002");
  draft->roles = (1u << YISHI_ROLE_GRID_WORKER) | (1u << YISHI_ROLE_VOLUNTEER);
  return draft;
}

static void
assert_invalid (const YishiPersonDraft *draft,
                gint                    code,
                const char             *in_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (yishi_person_draft_validate (draft, &error));
  g_assert_error (error, YISHI_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, in_message);
}

static void
test_valid (void)
{
  g_autoptr(YishiPersonDraft) draft = valid_draft ();
  g_autoptr(YishiPersonDraft) minimal = yishi_person_draft_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (yishi_person_draft_validate (draft, &error));
  g_assert_no_error (error);

  assert_invalid (minimal, YISHI_ERROR_INVALID_VALUE, "Name");
  minimal->name = g_strdup ("王芳");
  g_assert_true (yishi_person_draft_validate (minimal, NULL));

  draft->roles = (1u << YISHI_N_ROLES) - 1;
  g_assert_true (yishi_person_draft_validate (draft, NULL));
}

static void
test_name (void)
{
  const char *blank[] = { NULL, "", "  ", "\u3000" };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_autoptr(YishiPersonDraft) draft = valid_draft ();

      g_free (draft->name);
      draft->name = g_strdup (blank[i]);
      assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "Name");
    }
}

static void
test_invalid_utf8 (void)
{
  const struct { gsize offset; const char *name; } fields[] = {
    { G_STRUCT_OFFSET (YishiPersonDraft, name), "Name" },
    { G_STRUCT_OFFSET (YishiPersonDraft, community), "Community" },
    { G_STRUCT_OFFSET (YishiPersonDraft, grid), "Grid" },
    { G_STRUCT_OFFSET (YishiPersonDraft, building), "Building" },
    { G_STRUCT_OFFSET (YishiPersonDraft, phone), "Phone" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autoptr(YishiPersonDraft) draft = valid_draft ();
      char **field = G_STRUCT_MEMBER_P (draft, fields[f].offset);

      g_free (*field);
      *field = g_strdup ("李\xe5");
      assert_invalid (draft, YISHI_ERROR_ENCODING, fields[f].name);
    }
}

static void
test_roles (void)
{
  g_autoptr(YishiPersonDraft) draft = valid_draft ();

  draft->roles = 1u << YISHI_N_ROLES;
  assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "role");
  draft->roles = G_MAXUINT;
  assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "role");
}

static void
test_uuid (void)
{
  g_autoptr(YishiPersonDraft) draft = valid_draft ();

  draft->uuid = g_strdup ("4b71c2a4-4138-4580-946a-159cf3ee7926");
  g_assert_true (yishi_person_draft_validate (draft, NULL));
  g_free (draft->uuid);
  draft->uuid = g_strdup ("4b71c2a4-4138-4580-946a-159cf3ee792");
  assert_invalid (draft, YISHI_ERROR_INVALID_VALUE, "UUID");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person-draft/valid", test_valid);
  g_test_add_func ("/person-draft/name", test_name);
  g_test_add_func ("/person-draft/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/person-draft/roles", test_roles);
  g_test_add_func ("/person-draft/uuid", test_uuid);

  return g_test_run ();
}
