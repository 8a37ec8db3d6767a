#include "config.h"

#include <glib/gi18n-lib.h>

#include "yishi-database-private.h"
#include "yishi-person-private.h"

struct _YishiPerson
{
  GObject  parent_instance;
  gint64   id;
  guint    roles;
  guint    n_proposals;
  char    *uuid;
  char    *name;
  char    *community;
  char    *grid;
  char    *building;
  char    *phone;
};

G_DEFINE_FINAL_TYPE (YishiPerson, yishi_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GRID,
  PROP_BUILDING,
  PROP_PHONE,
  PROP_ROLES_LABEL,
  PROP_DISPLAY_NAME,
  PROP_N_PROPOSALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
yishi_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  YishiPerson *self = YISHI_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_GRID: g_value_set_string (value, self->grid); break;
    case PROP_BUILDING: g_value_set_string (value, self->building); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_ROLES_LABEL: g_value_take_string (value, yishi_person_dup_roles_label (self)); break;
    case PROP_DISPLAY_NAME: g_value_take_string (value, yishi_person_dup_display_name (self)); break;
    case PROP_N_PROPOSALS: g_value_set_uint (value, self->n_proposals); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_person_finalize (GObject *object)
{
  YishiPerson *self = YISHI_PERSON (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->community);
  g_free (self->grid);
  g_free (self->building);
  g_free (self->phone);

  G_OBJECT_CLASS (yishi_person_parent_class)->finalize (object);
}

static void
yishi_person_class_init (YishiPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = yishi_person_get_property;
  object_class->finalize = yishi_person_finalize;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_GRID] = g_param_spec_string ("grid", NULL, NULL, NULL, flags);
  properties[PROP_BUILDING] = g_param_spec_string ("building", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_ROLES_LABEL] = g_param_spec_string ("roles-label", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_N_PROPOSALS] = g_param_spec_uint ("n-proposals", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
yishi_person_init (YishiPerson *self)
{
}

YishiPerson *
_yishi_person_new_from_row (sqlite3_stmt *stmt)
{
  YishiPerson *self = g_object_new (YISHI_TYPE_PERSON, NULL);
  g_auto(GStrv) role_keys = g_strsplit (_yishi_column_text (stmt, 7), " ", -1);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (_yishi_column_text (stmt, 1));
  self->name = g_strdup (_yishi_column_text (stmt, 2));
  self->community = g_strdup (_yishi_column_text (stmt, 3));
  self->grid = g_strdup (_yishi_column_text (stmt, 4));
  self->building = g_strdup (_yishi_column_text (stmt, 5));
  self->phone = g_strdup (_yishi_column_text (stmt, 6));
  self->n_proposals = sqlite3_column_int (stmt, 8);

  for (guint i = 0; role_keys[i] != NULL; i++)
    {
      YishiRole role;

      if (yishi_role_from_key (role_keys[i], &role))
        self->roles |= 1u << role;
    }

  return self;
}

#define GETTER(type, field) \
  type yishi_person_get_##field (YishiPerson *self) \
  { \
    g_return_val_if_fail (YISHI_IS_PERSON (self), 0); \
    return self->field; \
  }

GETTER (gint64, id)
GETTER (const char *, uuid)
GETTER (const char *, name)
GETTER (const char *, community)
GETTER (const char *, grid)
GETTER (const char *, building)
GETTER (const char *, phone)
GETTER (guint, roles)
GETTER (guint, n_proposals)

#undef GETTER

char *
yishi_person_dup_roles_label (YishiPerson *self)
{
  GString *label = g_string_new (NULL);

  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);

  for (guint i = 0; i < YISHI_N_ROLES; i++)
    {
      if ((self->roles & (1u << i)) == 0)
        continue;
      if (label->len > 0)
        /* Translators: separates role names in a list */
        g_string_append (label, _(", "));
      g_string_append (label, yishi_role_label (i));
    }

  return g_string_free (label, FALSE);
}

/* The name, with the grid and building to tell namesakes apart. */
char *
yishi_person_dup_display_name (YishiPerson *self)
{
  g_return_val_if_fail (YISHI_IS_PERSON (self), NULL);

  if (*self->grid == '\0' && *self->building == '\0')
    return g_strdup (self->name);

  if (*self->grid == '\0' || *self->building == '\0')
    /* Translators: a person's name, then their grid or their building */
    return g_strdup_printf (_("%s (%s)"), self->name, *self->grid ? self->grid : self->building);

  /* Translators: a person's name, then their grid and building */
  return g_strdup_printf (_("%s (%s %s)"), self->name, self->grid, self->building);
}

YishiPersonDraft *
yishi_person_to_draft (YishiPerson *self)
{
  YishiPersonDraft *draft = yishi_person_draft_new ();

  g_return_val_if_fail (YISHI_IS_PERSON (self), draft);

  draft->uuid = g_strdup (self->uuid);
  draft->name = g_strdup (self->name);
  draft->community = *self->community ? g_strdup (self->community) : NULL;
  draft->grid = *self->grid ? g_strdup (self->grid) : NULL;
  draft->building = g_strdup (self->building);
  draft->phone = g_strdup (self->phone);
  draft->roles = self->roles;

  return draft;
}
