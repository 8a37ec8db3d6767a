#include "config.h"

#include "yishi-database-private.h"
#include "yishi-enums.h"
#include "yishi-money.h"
#include "yishi-proposal-private.h"

struct _YishiProposal
{
  GObject              parent_instance;
  gint64               id;
  gint64               proposer_id;
  gint64               cost_fen;
  gint64               households;
  gint64               people;
  YishiCategory        category;
  YishiProposalStatus  status;
  char                *uuid;
  char                *title;
  char                *summary;
  char                *body;
  char                *proposer_name;
  char                *community;
  char                *location;
  char                *submitted_on;
  char                *status_reason;
  char                *created_at;
  char                *updated_at;
};

G_DEFINE_FINAL_TYPE (YishiProposal, yishi_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_PROPOSER_NAME,
  PROP_COMMUNITY,
  PROP_CATEGORY,
  PROP_CATEGORY_LABEL,
  PROP_LOCATION,
  PROP_COST_FEN,
  PROP_COST_TEXT,
  PROP_SUBMITTED_ON,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
yishi_proposal_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  YishiProposal *self = YISHI_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case PROP_PROPOSER_NAME: g_value_set_string (value, self->proposer_name); break;
    case PROP_COMMUNITY: g_value_set_string (value, self->community); break;
    case PROP_CATEGORY: g_value_set_enum (value, self->category); break;
    case PROP_CATEGORY_LABEL: g_value_set_string (value, yishi_category_label (self->category)); break;
    case PROP_LOCATION: g_value_set_string (value, self->location); break;
    case PROP_COST_FEN: g_value_set_int64 (value, self->cost_fen); break;
    case PROP_COST_TEXT:
      g_value_take_string (value, self->cost_fen < 0 ? g_strdup ("")
                                                     : yishi_money_format_yuan (self->cost_fen));
      break;
    case PROP_SUBMITTED_ON: g_value_set_string (value, self->submitted_on); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_STATUS_LABEL: g_value_set_string (value, yishi_proposal_status_label (self->status)); break;
    case PROP_UPDATED_AT: g_value_set_string (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
yishi_proposal_finalize (GObject *object)
{
  YishiProposal *self = YISHI_PROPOSAL (object);

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->body);
  g_free (self->proposer_name);
  g_free (self->community);
  g_free (self->location);
  g_free (self->submitted_on);
  g_free (self->status_reason);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (yishi_proposal_parent_class)->finalize (object);
}

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define INT64_PROP(id, name) \
  properties[id] = g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, -1, \
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
yishi_proposal_class_init (YishiProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = yishi_proposal_get_property;
  object_class->finalize = yishi_proposal_finalize;

  INT64_PROP (PROP_ID, "id");
  STRING_PROP (PROP_UUID, "uuid");
  STRING_PROP (PROP_TITLE, "title");
  STRING_PROP (PROP_SUMMARY, "summary");
  STRING_PROP (PROP_PROPOSER_NAME, "proposer-name");
  STRING_PROP (PROP_COMMUNITY, "community");
  STRING_PROP (PROP_CATEGORY_LABEL, "category-label");
  STRING_PROP (PROP_LOCATION, "location");
  INT64_PROP (PROP_COST_FEN, "cost-fen");
  STRING_PROP (PROP_COST_TEXT, "cost-text");
  STRING_PROP (PROP_SUBMITTED_ON, "submitted-on");
  STRING_PROP (PROP_STATUS_LABEL, "status-label");
  STRING_PROP (PROP_UPDATED_AT, "updated-at");
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, YISHI_TYPE_CATEGORY, YISHI_CATEGORY_OTHER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, YISHI_TYPE_PROPOSAL_STATUS,
                       YISHI_PROPOSAL_STATUS_DRAFT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

#undef STRING_PROP
#undef INT64_PROP

static void
yishi_proposal_init (YishiProposal *self)
{
}

/* Builds a row object from the columns of YISHI_PROPOSAL_COLUMNS. The
 * CHECK constraints guarantee the keys; a row edited by hand to hold
 * something else is shown as "other" or "draft" rather than crash. */
YishiProposal *
_yishi_proposal_new_from_row (sqlite3_stmt *stmt)
{
  YishiProposal *self = g_object_new (YISHI_TYPE_PROPOSAL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = g_strdup (_yishi_column_text (stmt, 1));
  self->title = g_strdup (_yishi_column_text (stmt, 2));
  self->summary = g_strdup (_yishi_column_text (stmt, 3));
  self->body = g_strdup (_yishi_column_text (stmt, 4));
  self->proposer_id = _yishi_column_optional_int (stmt, 5);
  self->proposer_name = g_strdup (_yishi_column_text (stmt, 6));
  self->community = g_strdup (_yishi_column_text (stmt, 7));
  if (!yishi_category_from_key ((const char *) sqlite3_column_text (stmt, 8), &self->category))
    self->category = YISHI_CATEGORY_OTHER;
  self->location = g_strdup (_yishi_column_text (stmt, 9));
  self->cost_fen = _yishi_column_optional_int (stmt, 10);
  self->households = _yishi_column_optional_int (stmt, 11);
  self->people = _yishi_column_optional_int (stmt, 12);
  self->submitted_on = g_strdup (_yishi_column_text (stmt, 13));
  if (!yishi_proposal_status_from_key ((const char *) sqlite3_column_text (stmt, 14), &self->status))
    self->status = YISHI_PROPOSAL_STATUS_DRAFT;
  self->status_reason = g_strdup (_yishi_column_text (stmt, 15));
  self->created_at = g_strdup (_yishi_column_text (stmt, 16));
  self->updated_at = g_strdup (_yishi_column_text (stmt, 17));

  return self;
}

#define GETTER(type, field) \
  type yishi_proposal_get_##field (YishiProposal *self) \
  { \
    g_return_val_if_fail (YISHI_IS_PROPOSAL (self), 0); \
    return self->field; \
  }

GETTER (gint64, id)
GETTER (const char *, uuid)
GETTER (const char *, title)
GETTER (const char *, summary)
GETTER (const char *, body)
GETTER (gint64, proposer_id)
GETTER (const char *, proposer_name)
GETTER (const char *, community)
GETTER (YishiCategory, category)
GETTER (const char *, location)
GETTER (gint64, cost_fen)
GETTER (gint64, households)
GETTER (gint64, people)
GETTER (const char *, submitted_on)
GETTER (YishiProposalStatus, status)
GETTER (const char *, status_reason)
GETTER (const char *, created_at)
GETTER (const char *, updated_at)

#undef GETTER

/* The values of this row as a draft, for editing or restoring it. */
YishiProposalDraft *
yishi_proposal_to_draft (YishiProposal *self)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();

  g_return_val_if_fail (YISHI_IS_PROPOSAL (self), draft);

  draft->uuid = g_strdup (self->uuid);
  draft->title = g_strdup (self->title);
  draft->summary = g_strdup (self->summary);
  draft->body = g_strdup (self->body);
  draft->proposer_id = MAX (self->proposer_id, 0);
  draft->proposer_name = g_strdup (self->proposer_name);
  draft->community = *self->community ? g_strdup (self->community) : NULL;
  draft->category = self->category;
  draft->location = g_strdup (self->location);
  draft->cost_fen = self->cost_fen;
  draft->households = self->households;
  draft->people = self->people;
  draft->submitted_on = *self->submitted_on ? g_strdup (self->submitted_on) : NULL;
  draft->status = self->status;
  draft->status_reason = g_strdup (self->status_reason);

  return draft;
}

/* What search as you type looks through: title, summary, full text and
 * the proposer's name. */
char *
yishi_proposal_dup_search_text (YishiProposal *self)
{
  g_return_val_if_fail (YISHI_IS_PROPOSAL (self), NULL);

  return g_strjoin ("\n", self->title, self->summary, self->body, self->proposer_name, NULL);
}
