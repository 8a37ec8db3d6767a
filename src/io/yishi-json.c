#include "config.h"

#include "yishi-json.h"

/* Empty text becomes null, for members where "" would mean "none". */
static void
add_text_or_null (JsonBuilder *builder,
                  const char  *member,
                  const char  *text)
{
  json_builder_set_member_name (builder, member);
  if (text == NULL || *text == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text ? text : "");
}

/* YISHI_UNKNOWN (or an id of 0, no record) becomes null. */
static void
add_int_or_null (JsonBuilder *builder,
                 const char  *member,
                 gint64       value,
                 gint64       none)
{
  json_builder_set_member_name (builder, member);
  if (value == none)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_proposal_fields (JsonBuilder *builder,
                     gpointer     object)
{
  YishiProposal *proposal = object;

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, yishi_proposal_get_id (proposal));
  add_text (builder, "uuid", yishi_proposal_get_uuid (proposal));
  add_text (builder, "title", yishi_proposal_get_title (proposal));
  add_text (builder, "summary", yishi_proposal_get_summary (proposal));
  add_text (builder, "body", yishi_proposal_get_body (proposal));
  add_text (builder, "status", yishi_proposal_status_to_key (yishi_proposal_get_status (proposal)));
  add_text (builder, "status_reason", yishi_proposal_get_status_reason (proposal));
  add_text (builder, "category", yishi_category_to_key (yishi_proposal_get_category (proposal)));
  add_int_or_null (builder, "cost_fen", yishi_proposal_get_cost_fen (proposal), YISHI_UNKNOWN);
  add_int_or_null (builder, "households", yishi_proposal_get_households (proposal), YISHI_UNKNOWN);
  add_int_or_null (builder, "people", yishi_proposal_get_people (proposal), YISHI_UNKNOWN);
  add_text_or_null (builder, "proposer", yishi_proposal_get_proposer_name (proposal));
  add_int_or_null (builder, "proposer_id", yishi_proposal_get_proposer_id (proposal), 0);
  add_text_or_null (builder, "community", yishi_proposal_get_community (proposal));
  add_text (builder, "location", yishi_proposal_get_location (proposal));
  add_text_or_null (builder, "submitted_on", yishi_proposal_get_submitted_on (proposal));
  add_text (builder, "created_at", yishi_proposal_get_created_at (proposal));
  add_text (builder, "updated_at", yishi_proposal_get_updated_at (proposal));
}

static void
add_person_fields (JsonBuilder *builder,
                   gpointer     object)
{
  YishiPerson *person = object;
  guint roles = yishi_person_get_roles (person);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, yishi_person_get_id (person));
  add_text (builder, "uuid", yishi_person_get_uuid (person));
  add_text (builder, "name", yishi_person_get_name (person));
  add_text_or_null (builder, "community", yishi_person_get_community (person));
  add_text_or_null (builder, "grid", yishi_person_get_grid (person));
  add_text (builder, "building", yishi_person_get_building (person));
  add_text (builder, "phone", yishi_person_get_phone (person));

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < YISHI_N_ROLES; i++)
    if ((roles & (1u << i)) != 0)
      json_builder_add_string_value (builder, yishi_role_to_key (i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "n_proposals");
  json_builder_add_int_value (builder, yishi_person_get_n_proposals (person));
}

typedef void (*AddFieldsFunc) (JsonBuilder *builder,
                               gpointer     object);

static JsonNode *
build_object (gpointer      object,
              AddFieldsFunc add_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_fields (builder, object);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
build_list (GPtrArray     *objects,
            AddFieldsFunc  add_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < objects->len; i++)
    {
      json_builder_begin_object (builder);
      add_fields (builder, objects->pdata[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/**
 * yishi_json_proposal:
 * An object with the proposal's id, uuid, title, summary, body, status,
 * status_reason, category, cost_fen, households, people, proposer (the
 * name), proposer_id, community, location, submitted_on, created_at and
 * updated_at.
 */
JsonNode *
yishi_json_proposal (YishiProposal *proposal)
{
  g_return_val_if_fail (YISHI_IS_PROPOSAL (proposal), NULL);

  return build_object (proposal, add_proposal_fields);
}

JsonNode *
yishi_json_proposal_list (GPtrArray *proposals)
{
  g_return_val_if_fail (proposals != NULL, NULL);

  return build_list (proposals, add_proposal_fields);
}

/**
 * yishi_json_person:
 * An object with the person's id, uuid, name, community, grid, building,
 * phone, roles (an array of keys) and n_proposals.
 */
JsonNode *
yishi_json_person (YishiPerson *person)
{
  g_return_val_if_fail (YISHI_IS_PERSON (person), NULL);

  return build_object (person, add_person_fields);
}

JsonNode *
yishi_json_person_list (GPtrArray *people)
{
  g_return_val_if_fail (people != NULL, NULL);

  return build_list (people, add_person_fields);
}

/* Indented UTF-8 text, without a final newline. */
char *
yishi_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
