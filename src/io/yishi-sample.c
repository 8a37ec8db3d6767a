#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "yishi-council-store.h"
#include "yishi-error.h"
#include "yishi-io-resources.h"
#include "yishi-money.h"
#include "yishi-person-store.h"
#include "yishi-sample-private.h"
#include "yishi-sample.h"

#define SAMPLE_COMMUNITY_PATH "/org/yishi/Yishi/sample/community.json"

/* The sample community, read from its JSON into drafts. */
typedef struct
{
  char       *community;
  GStrv       grids;
  GPtrArray  *people;    /* YishiPersonDraft */
  GHashTable *by_key;    /* person key → YishiPersonDraft, borrowed */
  GPtrArray  *proposals; /* YishiProposalDraft */
  JsonNode   *council;   /* its council, its meetings and their records */
} Sample;

static void
sample_free (Sample *sample)
{
  g_free (sample->community);
  g_strfreev (sample->grids);
  g_ptr_array_unref (sample->people);
  g_hash_table_unref (sample->by_key);
  g_ptr_array_unref (sample->proposals);
  g_clear_pointer (&sample->council, json_node_unref);
  g_free (sample);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sample, sample_free)

/* The sample ships inside the program, so a fault in it is a bug: one
 * message for users, with the JSON path for whoever fixes it. */
gboolean
_yishi_sample_damaged (GError     **error,
                       const char  *where,
                       const char  *member)
{
  g_autofree char *path = member ? g_strdup_printf ("%s.%s", where, member) : g_strdup (where);

  g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
               /* Translators: %s is a place in a JSON file, such as people[3].name */
               _("The built-in sample data is damaged (at %s)."), path);
  return FALSE;
}

gboolean
_yishi_sample_refused (GError     **error,
                       const char  *where)
{
  /* Translators: %s is a place in a JSON file, such as council.meetings[0].items[1] */
  g_prefix_error (error, _("In the built-in sample data, at %s: "), where);
  return FALSE;
}

/* json-glib's getters warn on a missing member or a node of the wrong
 * type; these return NULL instead. */
const char *
_yishi_sample_node_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
_yishi_sample_node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
_yishi_sample_member_array (JsonObject *object,
                            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A text member: NULL in @out when it is null or missing and not @required. */
gboolean
_yishi_sample_get_text (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        const char  *where,
                        const char **out,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || _yishi_sample_damaged (error, where, member);
  if ((*out = _yishi_sample_node_text (node)) == NULL)
    return _yishi_sample_damaged (error, where, member);

  return TRUE;
}

/* A count of households or people: YISHI_UNKNOWN when null or missing. */
static gboolean
get_count (JsonObject  *object,
           const char  *member,
           const char  *where,
           gint64      *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = YISHI_UNKNOWN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    return _yishi_sample_damaged (error, where, member);

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_roles (JsonObject  *object,
           const char  *where,
           guint       *out_roles,
           GError     **error)
{
  JsonArray *roles = _yishi_sample_member_array (object, "roles");

  *out_roles = 0;
  if (roles == NULL)
    return _yishi_sample_damaged (error, where, "roles");

  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      const char *key = _yishi_sample_node_text (json_array_get_element (roles, i));
      YishiRole role;

      if (key == NULL || !yishi_role_from_key (key, &role))
        return _yishi_sample_damaged (error, where, "roles");
      *out_roles |= 1u << role;
    }

  return TRUE;
}

static gboolean
read_person (Sample      *sample,
             JsonObject  *object,
             const char  *where,
             GError     **error)
{
  g_autoptr(YishiPersonDraft) draft = yishi_person_draft_new ();
  const char *key, *name, *grid, *building, *phone;

  if (!_yishi_sample_get_text (object, "key", TRUE, where, &key, error) ||
      !_yishi_sample_get_text (object, "name", TRUE, where, &name, error) ||
      !_yishi_sample_get_text (object, "grid", FALSE, where, &grid, error) ||
      !_yishi_sample_get_text (object, "building", FALSE, where, &building, error) ||
      !_yishi_sample_get_text (object, "phone", TRUE, where, &phone, error) ||
      !get_roles (object, where, &draft->roles, error))
    return FALSE;

  /* a key names one person, and a grid is one the community has */
  if (g_hash_table_contains (sample->by_key, key))
    return _yishi_sample_damaged (error, where, "key");
  if (grid != NULL && !g_strv_contains ((const char * const *) sample->grids, grid))
    return _yishi_sample_damaged (error, where, "grid");

  draft->name = g_strdup (name);
  draft->community = g_strdup (sample->community);
  draft->grid = g_strdup (grid);
  draft->building = g_strdup (building);
  draft->phone = g_strdup (phone);
  g_hash_table_insert (sample->by_key, g_strdup (key), draft);
  g_ptr_array_add (sample->people, g_steal_pointer (&draft));

  return TRUE;
}

/* Keys in the file: the sample reads the same in every language. */
static gboolean
read_keys (JsonObject          *object,
           const char          *where,
           YishiProposalDraft  *draft,
           GError             **error)
{
  const char *category, *status, *cost;

  if (!_yishi_sample_get_text (object, "category", TRUE, where, &category, error) ||
      !_yishi_sample_get_text (object, "status", TRUE, where, &status, error) ||
      !_yishi_sample_get_text (object, "cost_yuan", FALSE, where, &cost, error))
    return FALSE;

  if (!yishi_category_from_key (category, &draft->category))
    return _yishi_sample_damaged (error, where, "category");
  if (!yishi_proposal_status_from_key (status, &draft->status))
    return _yishi_sample_damaged (error, where, "status");
  if (cost != NULL && !yishi_money_parse_yuan (cost, &draft->cost_fen, NULL))
    return _yishi_sample_damaged (error, where, "cost_yuan");

  return TRUE;
}

static gboolean
read_proposal (Sample      *sample,
               JsonObject  *object,
               const char  *where,
               GError     **error)
{
  g_autoptr(YishiProposalDraft) draft = yishi_proposal_draft_new ();
  const char *title, *summary, *body, *proposer, *location, *submitted_on, *reason;
  YishiPersonDraft *person;

  if (!_yishi_sample_get_text (object, "title", TRUE, where, &title, error) ||
      !_yishi_sample_get_text (object, "summary", FALSE, where, &summary, error) ||
      !_yishi_sample_get_text (object, "body", FALSE, where, &body, error) ||
      !_yishi_sample_get_text (object, "proposer", TRUE, where, &proposer, error) ||
      !_yishi_sample_get_text (object, "location", FALSE, where, &location, error) ||
      !_yishi_sample_get_text (object, "submitted_on", FALSE, where, &submitted_on, error) ||
      !_yishi_sample_get_text (object, "status_reason", FALSE, where, &reason, error) ||
      !get_count (object, "households", where, &draft->households, error) ||
      !get_count (object, "people", where, &draft->people, error) ||
      !read_keys (object, where, draft, error))
    return FALSE;

  if ((person = g_hash_table_lookup (sample->by_key, proposer)) == NULL)
    return _yishi_sample_damaged (error, where, "proposer");

  draft->title = g_strdup (title);
  draft->summary = g_strdup (summary);
  draft->body = g_strdup (body);
  /* name and phone: the sample has two residents called 张秀英 */
  draft->proposer_name = g_strdup (person->name);
  draft->proposer_phone = g_strdup (person->phone);
  draft->community = g_strdup (sample->community);
  draft->location = g_strdup (location);
  draft->submitted_on = g_strdup (submitted_on);
  draft->status_reason = g_strdup (reason);
  g_ptr_array_add (sample->proposals, g_steal_pointer (&draft));

  return TRUE;
}

typedef gboolean (*ReadFunc) (Sample      *sample,
                              JsonObject  *object,
                              const char  *where,
                              GError     **error);

static gboolean
read_array (Sample      *sample,
            JsonObject  *root,
            const char  *member,
            ReadFunc     read_func,
            GError     **error)
{
  JsonArray *array = _yishi_sample_member_array (root, member);

  if (array == NULL)
    return _yishi_sample_damaged (error, member, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", member, i);
      JsonObject *object = _yishi_sample_node_object (json_array_get_element (array, i));

      if (object == NULL)
        return _yishi_sample_damaged (error, where, NULL);
      if (!read_func (sample, object, where, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_community (Sample      *sample,
                JsonObject  *root,
                GError     **error)
{
  JsonObject *community = _yishi_sample_node_object (json_object_get_member (root, "community"));
  JsonArray *grids = _yishi_sample_member_array (community, "grids");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  if (grids == NULL)
    return _yishi_sample_damaged (error, "community", "grids");
  if (!_yishi_sample_get_text (community, "name", TRUE, "community", &name, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (grids); i++)
    {
      const char *grid = _yishi_sample_node_text (json_array_get_element (grids, i));

      if (grid == NULL)
        return _yishi_sample_damaged (error, "community", "grids");
      g_strv_builder_add (builder, grid);
    }

  sample->community = g_strdup (name);
  sample->grids = g_strv_builder_end (builder);
  return TRUE;
}

static Sample *
sample_read (GError **error)
{
  g_autoptr(Sample) sample = g_new0 (Sample, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *root = NULL;

  sample->people = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_person_draft_free);
  sample->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sample->proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) yishi_proposal_draft_free);

  /* looked up on the library's own resource, so nothing depends on it
   * having been registered with g_resources_register () */
  bytes = g_resource_lookup_data (yishi_io_get_resource (), SAMPLE_COMMUNITY_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), NULL))
    root = _yishi_sample_node_object (json_parser_get_root (parser));
  if (root == NULL)
    {
      _yishi_sample_damaged (error, "$", NULL);
      return NULL;
    }

  if (!read_community (sample, root, error) ||
      !read_array (sample, root, "people", read_person, error) ||
      !read_array (sample, root, "proposals", read_proposal, error))
    return NULL;
  if (_yishi_sample_node_object (json_object_get_member (root, "council")) == NULL)
    {
      _yishi_sample_damaged (error, "council", NULL);
      return NULL;
    }

  sample->council = json_node_ref (json_object_get_member (root, "council"));
  return g_steal_pointer (&sample);
}

/* A council of the sample council's name would stop the load halfway,
 * after the residents: it is refused before anything is stored. */
static gboolean
check_council_name (YishiDatabase  *db,
                    JsonObject     *council,
                    GError        **error)
{
  g_autoptr(GPtrArray) councils = yishi_council_store_list (db, error);
  const char *name;

  if (councils == NULL || !_yishi_sample_get_text (council, "name", TRUE, "council", &name, error))
    return FALSE;

  for (guint i = 0; i < councils->len; i++)
    {
      const YishiCouncilRow *row = councils->pdata[i];

      if (g_str_equal (row->name, name))
        {
          g_set_error (error, YISHI_ERROR, YISHI_ERROR_INVALID_VALUE,
                       /* Translators: %s is a council's name */
                       _("There is already a council called “%s”."), name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_people_and_proposals (YishiDatabase  *db,
                           Sample         *sample,
                           GError        **error)
{
  return yishi_person_store_add_many (db, sample->people, sample->proposals,
                                      YISHI_ADD_MANY_INTO_EMPTY, NULL, NULL, error);
}

/* The whole load in a scratch database that lives only in memory
 * (SQLite's name ":memory:"), which is thrown away afterwards. */
static gboolean
rehearse (Sample  *sample,
          GError **error)
{
  g_autoptr(YishiDatabase) scratch = yishi_database_open (":memory:", error);

  return scratch != NULL &&
         load_people_and_proposals (scratch, sample, error) &&
         _yishi_sample_council_load (scratch, json_node_get_object (sample->council), sample->by_key, error) &&
         _yishi_sample_contest_load (scratch, sample->by_key, error);
}

/**
 * yishi_sample_load_community:
 * Loads the sample community 佳园社区 — its grids, residents and
 * proposals in one transaction, then its resident council with its
 * members, meetings, votes and resolutions, then its proposal contests
 * (one published, one in judging). Refuses, storing nothing,
 * when the database already holds people or proposals, so it never
 * doubles them.
 *
 * The council and the contests go in through their stores, one
 * transaction per step as a user makes them, and those cannot be
 * joined into one. So the whole load is first rehearsed in a scratch
 * database: a sample that breaks a rule fails there, leaving @db as it
 * was. Only a failure of @db itself during the council's or the
 * contests' steps (a full disk, say, or another program creating a
 * council or contest of the same name in between) can leave the load
 * halfway; the error then says what was loaded.
 */
gboolean
yishi_sample_load_community (YishiDatabase  *db,
                             GError        **error)
{
  g_autoptr(Sample) sample = NULL;
  JsonObject *council;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  sample = sample_read (error);
  if (sample == NULL)
    return FALSE;

  /* a database that is not empty is refused by the load itself, which
   * says why; only an empty one is worth a rehearsal */
  council = json_node_get_object (sample->council);
  if ((yishi_database_is_empty (db) &&
       (!check_council_name (db, council, error) || !_yishi_sample_contest_check_names (db, error) ||
        !rehearse (sample, error))) ||
      !load_people_and_proposals (db, sample, error))
    {
      g_prefix_error (error, _("The sample community was not loaded: "));
      return FALSE;
    }

  if (!_yishi_sample_council_load (db, council, sample->by_key, error))
    {
      g_prefix_error (error, _("The sample community’s residents and proposals were loaded, "
                               "but not its council: "));
      return FALSE;
    }

  if (!_yishi_sample_contest_load (db, sample->by_key, error))
    {
      g_prefix_error (error, _("The sample community’s residents, proposals and council were loaded, "
                               "but not its contests: "));
      return FALSE;
    }

  return TRUE;
}

/* Generated data, for benchmarks and for trying the program at scale.
 * Every random choice comes from one GRand in a fixed order, so a seed
 * gives the same people and proposals on every machine. */

/* One subject of a proposal: its title, the problem and the remedy,
 * which make the summary, and a plausible range of cost in yuan. */
typedef struct
{
  YishiCategory category;
  const char   *title;
  const char   *problem;
  const char   *remedy;
  guint         min_yuan;
  guint         max_yuan;
  gboolean      per_building; /* the title names a building */
} Topic;

static const Topic topics[] = {
  { YISHI_CATEGORY_ENVIRONMENT, "垃圾分类投放点改造", "垃圾堆放点没有顶棚，雨天污水横流、夏天异味很重",
    "建议改建为带顶棚和洗手池的定时定点投放亭", 30000, 80000, FALSE },
  { YISHI_CATEGORY_ENVIRONMENT, "雨污管网疏通", "雨污管道老化堵塞，一下大雨单元门口就积水",
    "建议全面疏通并更换破损管段，实行雨污分流", 50000, 300000, FALSE },
  { YISHI_CATEGORY_ENVIRONMENT, "闲置地改造口袋公园", "一块闲置地长期堆放建筑垃圾，夏天蚊蝇滋生",
    "建议清理后改造为有座椅和绿化的口袋公园", 40000, 120000, FALSE },
  { YISHI_CATEGORY_ENVIRONMENT, "绿化补植与修剪", "绿化带多处黄土裸露，高大树木遮挡低层住户采光",
    "建议补植本地灌木并修剪遮光树枝", 10000, 40000, FALSE },
  { YISHI_CATEGORY_ENVIRONMENT, "化粪池清掏改造", "化粪池容量不足，雨季经常外溢到单元门口",
    "建议彻底清掏并扩容改造，同时更换老化的排污管", 60000, 200000, FALSE },
  { YISHI_CATEGORY_ELDERLY_DISABLED, "加装电梯", "共7层没有电梯，60岁以上的住户超过一半，老人下楼困难",
    "建议加装电梯并申请财政补助，其余费用按楼层分摊", 500000, 800000, TRUE },
  { YISHI_CATEGORY_ELDERLY_DISABLED, "长者助餐点", "独居和高龄老人多，自己做饭既不方便也不安全",
    "建议开设长者助餐点，提供平价午餐，并为行动不便的老人送餐", 60000, 150000, FALSE },
  { YISHI_CATEGORY_ELDERLY_DISABLED, "适老化扶手改造", "高龄老人家中卫生间和楼梯容易跌倒",
    "建议加装扶手和防滑地垫，并配备一键紧急呼叫器", 20000, 60000, FALSE },
  { YISHI_CATEGORY_ELDERLY_DISABLED, "残疾人康复角", "残疾居民做康复训练要跑很远的医院",
    "建议在社区活动室设置康复角，配备基本的康复器材", 30000, 80000, FALSE },
  { YISHI_CATEGORY_ELDERLY_DISABLED, "独居老人结对探访", "独居老人平时无人照应，生病了也没人知道",
    "建议组织志愿者与独居老人结对，每周上门探访一次", 8000, 30000, FALSE },
  { YISHI_CATEGORY_ROADS_TRAFFIC, "道路硬化", "内部道路仍是土路，雨天泥泞、坑洼积水",
    "建议整体硬化为水泥路面，并完善两侧排水沟", 200000, 2000000, FALSE },
  { YISHI_CATEGORY_ROADS_TRAFFIC, "停车位施划", "车位不足，私家车沿路乱停，消防通道经常被堵",
    "建议重新施划车位并在转角处设置禁停标识", 10000, 40000, FALSE },
  { YISHI_CATEGORY_ROADS_TRAFFIC, "减速带安装", "主干道车速过快，孩子和老人过路很危险",
    "建议在路口和转角处安装减速带和警示牌", 5000, 20000, FALSE },
  { YISHI_CATEGORY_ROADS_TRAFFIC, "人行道修补", "人行道地砖松动破损，雨天一踩就溅出泥水",
    "建议更换破损地砖，并把盲道一并修好", 15000, 60000, FALSE },
  { YISHI_CATEGORY_ROADS_TRAFFIC, "无障碍坡道改造", "单元门口只有台阶，轮椅和婴儿车进出困难",
    "建议在各单元门口加建无障碍坡道和扶手", 10000, 50000, FALSE },
  { YISHI_CATEGORY_CULTURE_SPORTS, "篮球场翻新", "篮球场地面开裂起砂，篮架锈蚀，已有孩子摔伤",
    "建议改铺硅PU地面，并更换篮架和照明", 40000, 90000, FALSE },
  { YISHI_CATEGORY_CULTURE_SPORTS, "健身器材更新", "健身器材使用多年，部分已经损坏",
    "建议更换一批适合老人和儿童使用的健身器材", 20000, 60000, FALSE },
  { YISHI_CATEGORY_CULTURE_SPORTS, "社区书屋", "附近没有可以安静看书的地方",
    "建议利用闲置用房开设社区书屋，周末向居民开放借阅", 20000, 50000, FALSE },
  { YISHI_CATEGORY_CULTURE_SPORTS, "四点半课堂", "双职工家庭多，孩子放学后无人照看",
    "建议开设四点半课堂，由退休教师和大学生志愿者辅导作业", 15000, 45000, FALSE },
  { YISHI_CATEGORY_CULTURE_SPORTS, "文艺队活动室改造", "文艺队和合唱队没有固定的排练场地",
    "建议改造闲置用房作为活动室，并约定开放时间和音量", 20000, 70000, FALSE },
  { YISHI_CATEGORY_SAFETY, "监控补盲", "出入口和背街通道没有监控，夜间多次发生电动车被盗",
    "建议增设高清摄像头并接入社区监控室", 30000, 100000, FALSE },
  { YISHI_CATEGORY_SAFETY, "电动自行车充电棚", "没有集中充电设施，住户飞线充电、推车进楼充电",
    "建议建设带智能充电口的集中充电棚", 60000, 150000, FALSE },
  { YISHI_CATEGORY_SAFETY, "消防通道整治", "楼道堆放杂物，私家车长期占用消防通道",
    "建议集中清理楼道并施划消防通道标线", 5000, 20000, FALSE },
  { YISHI_CATEGORY_SAFETY, "楼道灯更换", "楼道声控灯大多损坏，晚上上下楼全靠手机照明",
    "建议全部更换为人体感应LED灯", 2000, 10000, TRUE },
  { YISHI_CATEGORY_SAFETY, "单元门禁维修", "单元门禁损坏多年，陌生人可以随意进出",
    "建议更换单元门禁并为住户登记门卡", 10000, 40000, TRUE },
  { YISHI_CATEGORY_OTHER, "屋面防水维修", "屋面防水层老化开裂，顶层住户每逢下雨就漏水",
    "建议统一重做屋面防水，不足部分申请专项维修资金", 50000, 250000, TRUE },
  { YISHI_CATEGORY_OTHER, "邻里调解室", "因漏水、噪音、停车引发的邻里纠纷越来越多",
    "建议设立邻里调解室，由议事会成员和退休法官轮流坐班", 10000, 30000, FALSE },
  { YISHI_CATEGORY_OTHER, "居民公约宣传栏更新", "宣传栏内容陈旧，很多居民不了解新修订的居民公约",
    "建议统一更新宣传栏，并增设议事结果公示栏", 5000, 15000, FALSE },
  { YISHI_CATEGORY_OTHER, "便民服务点", "附近没有修鞋、理发、配钥匙的地方，老人很不方便",
    "建议在小区门口设立便民服务点，每周定期服务", 8000, 30000, FALSE },
  { YISHI_CATEGORY_OTHER, "快递柜设置", "快递堆放在门卫室，经常丢失或被错拿",
    "建议在小区内设置智能快递柜并规范投递时间", 2000, 10000, FALSE },
};

static const char * const consultations[] = {
  "经楼栋长逐户征求意见，绝大多数住户签字支持。",
  "网格员已组织两次居民座谈会，大家的意见比较一致。",
  "十户长收集了住户的联名签字，希望尽快解决。",
  "议事会成员实地查看后，认为确有必要。",
  "物业已多次临时处理，但问题反复出现。",
};

static const char * const arrangements[] = {
  "项目建成后由物业负责日常维护，楼栋长定期巡查。",
  "施工前将提前张贴公告，尽量减少对居民生活的影响。",
  "资金不足部分拟申请街道民生小实事经费。",
  "建议由社区统筹实施，完工后在公示栏公示费用明细。",
  "希望志愿者参与后续管理，形成长效机制。",
};

static const char * const screened_out_reasons[] = {
  "与已提交的同类提案重复，已合并办理。",
  "超出社区职责范围，已转交相关职能部门办理。",
  "预算超出本次大赛的资助上限。",
  "不需要经费，已转居民议事会协商解决。",
};

static const char * const rejected_reasons[] = {
  "评审得分未进入本次资助名单。",
  "实施条件暂不成熟，建议下一轮重新申报。",
  "",
};

static const char * const community_names[] = {
  "佳园社区", "东骧社区", "青云社区", "金马社区", "白塔社区", "翠湖社区", "龙泉社区",
  "书林社区", "北辰社区", "和平社区", "茨坝社区", "虹山社区", "莲华社区", "学府社区",
  "新迎社区", "穿金社区", "园西社区", "大树营社区", "福德社区", "金康社区", "兴苑社区",
  "南窑社区", "拓东社区", "盘江社区", "金鼎社区", "桃源社区", "春城社区", "关上社区",
  "官南社区", "前卫社区",
};

static const char * const places[] = {
  "金马小区", "青云花园", "佳园新村", "翠苑小区", "东骧小区", "龙泉苑", "白塔小区",
  "书林苑", "云纺小区", "金星苑", "北辰小区", "和平小区", "小坝村", "茨坝小区",
  "世博花园", "银海小区", "春城花园", "虹山小区", "莲花池小区", "学府苑", "新迎小区",
  "穿金小区", "园西小区", "大树营小区", "福德小区", "金康园", "兴苑小区", "南窑小区",
  "教工宿舍", "桃源小区", "拓东小区", "盘江小区", "金鼎苑", "关上小区", "官南小区",
  "前卫小区", "铁路新村", "电力宿舍", "兰花苑", "梨园小区",
};

/* the commonest surnames twice, as they are in life */
static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
  "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
  "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "段", "普",
  "杞", "李", "王", "张",
};

static const char * const given_names[] = {
  "桂兰", "建国", "秀英", "德明", "志强", "淑芬", "凤英", "国华", "海燕", "文静",
  "建华", "玉珍", "红梅", "志刚", "秀珍", "家伟", "玉兰", "晓东", "文斌", "永福",
  "丽芬", "德胜", "兰芬", "丽华", "振宇", "春燕", "小芳", "国庆", "雪梅", "建军",
  "建平", "桂芳", "志明", "庆云", "明辉", "春花", "秀兰", "志远", "雨婷", "家乐",
  "子涵", "敏", "静", "伟", "芳", "磊", "丽", "勇", "艳", "军", "杰", "娟", "涛",
  "明", "超", "霞", "平", "刚", "浩然", "思琪", "欣怡", "宇轩", "梓涵", "一鸣",
};

static const char * const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八",
};

/* Relative weights of the statuses, in YishiProposalStatus order. */
static const guint status_weights[YISHI_N_PROPOSAL_STATUSES] = {
  8, 25, 15, 10, 12, 12, 10, 8,
};

#define GRIDS_PER_COMMUNITY G_N_ELEMENTS (numerals)

typedef struct
{
  const char *community;
  const char *place;
} Grid;

typedef struct
{
  GRand     *rand;
  GPtrArray *communities; /* char * */
  GArray    *grids;       /* Grid */
  GPtrArray *people;      /* YishiPersonDraft */
  GArray    *person_grid; /* guint: each person's grid */
  GPtrArray *proposals;   /* YishiProposalDraft */
} Generator;

static void
generator_free (Generator *gen)
{
  g_rand_free (gen->rand);
  g_ptr_array_unref (gen->communities);
  g_array_unref (gen->grids);
  g_ptr_array_unref (gen->people);
  g_array_unref (gen->person_grid);
  g_ptr_array_unref (gen->proposals);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Generator, generator_free)

#define PICK(gen, array) ((array)[g_rand_int_range ((gen)->rand, 0, G_N_ELEMENTS (array))])

static guint
pick_below (Generator *gen,
            guint      n)
{
  return (guint) g_rand_int_range (gen->rand, 0, (gint32) n);
}

/* TRUE with a probability of @percent in a hundred. */
static gboolean
chance (Generator *gen,
        guint      percent)
{
  return pick_below (gen, 100) < percent;
}

static void
add_grids (Generator *gen,
           guint      n_grids)
{
  for (guint i = 0; i < n_grids; i++)
    {
      guint c = i / GRIDS_PER_COMMUNITY;
      Grid grid;

      /* past the list of names, communities are numbered: 金马社区（2） */
      if (c == gen->communities->len && c < G_N_ELEMENTS (community_names))
        g_ptr_array_add (gen->communities, g_strdup (community_names[c]));
      else if (c == gen->communities->len)
        g_ptr_array_add (gen->communities,
                         g_strdup_printf ("%s（%u）", community_names[c % G_N_ELEMENTS (community_names)],
                                          c / (guint) G_N_ELEMENTS (community_names) + 1));

      grid.community = gen->communities->pdata[c];
      grid.place = places[i % G_N_ELEMENTS (places)];
      g_array_append_val (gen->grids, grid);
    }
}

static guint
random_roles (Generator *gen)
{
  guint roles = 0;

  /* most residents hold no role; a few hold one or two */
  if (chance (gen, 15))
    roles |= 1u << pick_below (gen, YISHI_N_ROLES);
  if (chance (gen, 3))
    roles |= 1u << pick_below (gen, YISHI_N_ROLES);

  return roles;
}

static void
add_person (Generator *gen,
            guint      index)
{
  YishiPersonDraft *draft = yishi_person_draft_new ();
  guint grid_index = pick_below (gen, gen->grids->len);
  const Grid *grid = &g_array_index (gen->grids, Grid, grid_index);
  const char *surname = PICK (gen, surnames);
  const char *given = PICK (gen, given_names);
  guint building = pick_below (gen, 20) + 1;
  guint entrance = pick_below (gen, 4) + 1;

  draft->name = g_strconcat (surname, given, NULL);
  draft->community = g_strdup (grid->community);
  draft->grid = g_strdup_printf ("第%s网格", numerals[grid_index % GRIDS_PER_COMMUNITY]);
  draft->building = g_strdup_printf ("%s%u栋%u单元", grid->place, building, entrance);
  /* unique, so name and phone find each proposer; 1380000…, 1390000… are
   * not real numbers */
  draft->phone = g_strdup_printf ("1%02u0000%04u", 38 + index / 10000, index % 10000);
  draft->roles = random_roles (gen);

  g_ptr_array_add (gen->people, draft);
  g_array_append_val (gen->person_grid, grid_index);
}

static YishiProposalStatus
random_status (Generator *gen)
{
  guint total = 0, pick;

  for (guint i = 0; i < YISHI_N_PROPOSAL_STATUSES; i++)
    total += status_weights[i];

  pick = pick_below (gen, total);
  for (guint i = 0; i + 1 < YISHI_N_PROPOSAL_STATUSES; i++)
    {
      if (pick < status_weights[i])
        return i;
      pick -= status_weights[i];
    }

  return YISHI_N_PROPOSAL_STATUSES - 1;
}

static char *
random_date (Generator *gen)
{
  g_autoptr(GDate) date = g_date_new_dmy (5, G_DATE_JANUARY, 2026);
  char text[16];

  g_date_add_days (date, pick_below (gen, 180));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
set_status (Generator          *gen,
            YishiProposalDraft *draft)
{
  draft->status = random_status (gen);
  if (draft->status != YISHI_PROPOSAL_STATUS_DRAFT)
    draft->submitted_on = random_date (gen);

  if (draft->status == YISHI_PROPOSAL_STATUS_SCREENED_OUT)
    draft->status_reason = g_strdup (PICK (gen, screened_out_reasons));
  else if (draft->status == YISHI_PROPOSAL_STATUS_REJECTED)
    draft->status_reason = g_strdup (PICK (gen, rejected_reasons));
}

static void
set_numbers (Generator          *gen,
             YishiProposalDraft *draft,
             const Topic        *topic)
{
  /* whole hundreds of yuan, as estimates are written */
  guint hundreds = topic->min_yuan / 100 +
                   pick_below (gen, (topic->max_yuan - topic->min_yuan) / 100 + 1);

  if (!chance (gen, 5))
    draft->cost_fen = (gint64) hundreds * 100 * 100;
  if (!chance (gen, 8))
    {
      draft->households = 10 + pick_below (gen, 390);
      draft->people = draft->households * (20 + pick_below (gen, 16)) / 10;
    }
}

static char *
make_body (Generator                *gen,
           const YishiProposalDraft *draft)
{
  GString *body = g_string_new (draft->summary);

  if (draft->households != YISHI_UNKNOWN)
    g_string_append_printf (body, "这里涉及%" G_GINT64_FORMAT "户、%" G_GINT64_FORMAT
                            "名居民，其中老人和孩子最为不便。",
                            draft->households, draft->people);
  else
    g_string_append (body, "周边居民对此反映强烈，多次向网格员和物业提出。");
  g_string_append (body, PICK (gen, consultations));
  if (chance (gen, 70))
    g_string_append (body, PICK (gen, arrangements));

  return g_string_free (body, FALSE);
}

static void
add_proposal (Generator *gen)
{
  YishiProposalDraft *draft = yishi_proposal_draft_new ();
  guint person = pick_below (gen, gen->people->len);
  const YishiPersonDraft *proposer = gen->people->pdata[person];
  const Grid *grid = &g_array_index (gen->grids, Grid,
                                     g_array_index (gen->person_grid, guint, person));
  const Topic *topic = &PICK (gen, topics);
  g_autofree char *place = topic->per_building
    ? g_strdup_printf ("%s%u栋", grid->place, pick_below (gen, 20) + 1)
    : g_strdup (grid->place);

  draft->title = g_strconcat (place, topic->title, NULL);
  draft->summary = g_strconcat (place, topic->problem, "，", topic->remedy, "。", NULL);
  draft->proposer_name = g_strdup (proposer->name);
  draft->proposer_phone = g_strdup (proposer->phone);
  draft->community = g_strdup (grid->community);
  draft->category = topic->category;
  draft->location = g_steal_pointer (&place);
  set_numbers (gen, draft, topic);
  set_status (gen, draft);
  draft->body = make_body (gen, draft);

  g_ptr_array_add (gen->proposals, draft);
}

static Generator *
generator_new (guint   n_proposals,
               guint32 seed)
{
  Generator *gen = g_new0 (Generator, 1);
  guint n_people = n_proposals > 0 ? MAX (n_proposals / 3, 1) : 0;

  gen->rand = g_rand_new_with_seed (seed);
  gen->communities = g_ptr_array_new_with_free_func (g_free);
  gen->grids = g_array_new (FALSE, FALSE, sizeof (Grid));
  gen->people = g_ptr_array_new_full (n_people, (GDestroyNotify) yishi_person_draft_free);
  gen->person_grid = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_people);
  gen->proposals = g_ptr_array_new_full (n_proposals, (GDestroyNotify) yishi_proposal_draft_free);

  add_grids (gen, n_proposals / 500 + 5);
  for (guint i = 0; i < n_people; i++)
    add_person (gen, i);
  for (guint i = 0; i < n_proposals; i++)
    add_proposal (gen);

  return gen;
}

/**
 * yishi_sample_generate:
 * Adds @n_proposals made-up proposals, about a third as many residents
 * and a grid per 500 proposals (plus five), eight grids to a community,
 * in one transaction. The same @seed always makes the same records
 * (except their UUIDs and timestamps). Like the sample community, it
 * refuses a database that already holds people or proposals.
 */
gboolean
yishi_sample_generate (YishiDatabase      *db,
                       guint               n_proposals,
                       guint32             seed,
                       YishiProgressFunc   progress,
                       gpointer            progress_data,
                       GError            **error)
{
  g_autoptr(Generator) gen = NULL;

  g_return_val_if_fail (YISHI_IS_DATABASE (db), FALSE);

  gen = generator_new (n_proposals, seed);
  if (!yishi_person_store_add_many (db, gen->people, gen->proposals, YISHI_ADD_MANY_INTO_EMPTY,
                                    progress, progress_data, error))
    {
      g_prefix_error (error, _("The generated data was not loaded: "));
      return FALSE;
    }

  return TRUE;
}
