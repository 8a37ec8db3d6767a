#include <locale.h>

#include <glib.h>

#include "yishi-category.h"
#include "yishi-key-table.h"
#include "yishi-role.h"

static const YishiKeyEntry colours[] = {
  { "red", "Red", "红色" },
  { "dark-blue", "Dark Blue", "深蓝" },
  { "green", "Green", "绿色" },
};

static void
test_find (void)
{
  guint index = 99;

  g_assert_true (yishi_key_table_find (colours, G_N_ELEMENTS (colours), "red", &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (yishi_key_table_find (colours, G_N_ELEMENTS (colours), "green", &index));
  g_assert_cmpuint (index, ==, 2);

  index = 99;
  g_assert_false (yishi_key_table_find (colours, G_N_ELEMENTS (colours), "Red", &index));
  g_assert_false (yishi_key_table_find (colours, G_N_ELEMENTS (colours), "红色", &index));
  g_assert_false (yishi_key_table_find (colours, G_N_ELEMENTS (colours), "", &index));
  g_assert_false (yishi_key_table_find (colours, G_N_ELEMENTS (colours), NULL, &index));
  /* only the first n entries count */
  g_assert_false (yishi_key_table_find (colours, 2, "green", &index));
  g_assert_cmpuint (index, ==, 99);
}

static void
test_parse (void)
{
  struct { const char *text; guint index; } cases[] = {
    { "red", 0 }, { "RED", 0 }, { "Red", 0 }, { "红色", 0 }, { " red ", 0 },
    { "dark-blue", 1 }, { "Dark Blue", 1 }, { "dark blue", 1 }, { "DARK BLUE", 1 }, { "深蓝", 1 },
    { "\u3000深蓝\u3000", 1 }, { "\t绿色\r\n", 2 }, { "Green", 2 },
  };
  const char *refused[] = { NULL, "", " ", "\u3000", "re", "redd", "dark", "深", "蓝", "dark_blue",
                            "darkblue", "红 色", "\xff", "red\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint index = 99;

      if (!yishi_key_table_parse (colours, G_N_ELEMENTS (colours), cases[i].text, &index))
        g_error ("“%s” was not parsed", cases[i].text);
      g_assert_cmpuint (index, ==, cases[i].index);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      guint index = 99;

      g_assert_false (yishi_key_table_parse (colours, G_N_ELEMENTS (colours), refused[i], &index));
      g_assert_cmpuint (index, ==, 99);
    }
}

static void
test_category_keys (void)
{
  const char *keys[] = { "environment", "elderly-disabled", "roads-traffic", "culture-sports",
                         "safety", "other" };
  GHashTable *labels = g_hash_table_new (g_str_hash, g_str_equal);

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == YISHI_N_CATEGORIES);
  for (guint c = 0; c < YISHI_N_CATEGORIES; c++)
    {
      YishiCategory found = 99;

      g_assert_cmpstr (yishi_category_to_key (c), ==, keys[c]);
      g_assert_true (yishi_category_from_key (keys[c], &found));
      g_assert_cmpint (found, ==, c);

      /* labels are distinct and read back */
      g_assert_true (g_hash_table_add (labels, (gpointer) yishi_category_label (c)));
      found = 99;
      g_assert_true (yishi_category_parse (yishi_category_label (c), &found));
      g_assert_cmpint (found, ==, c);
    }
  g_hash_table_unref (labels);

  {
    YishiCategory found = 99;

    g_assert_false (yishi_category_from_key ("Environment", &found));
    g_assert_false (yishi_category_from_key ("环境整治", &found));
    g_assert_false (yishi_category_from_key (NULL, &found));
    g_assert_cmpint (found, ==, 99);
  }
}

static void
test_category_parse (void)
{
  struct { const char *text; YishiCategory category; } cases[] = {
    { "环境整治", YISHI_CATEGORY_ENVIRONMENT },
    { "养老助残", YISHI_CATEGORY_ELDERLY_DISABLED },
    { "道路交通", YISHI_CATEGORY_ROADS_TRAFFIC },
    { "文化体育", YISHI_CATEGORY_CULTURE_SPORTS },
    { "平安建设", YISHI_CATEGORY_SAFETY },
    { "其他", YISHI_CATEGORY_OTHER },
    { "environment", YISHI_CATEGORY_ENVIRONMENT },
    { "Elderly and Disabled Care", YISHI_CATEGORY_ELDERLY_DISABLED },
    { "roads and traffic", YISHI_CATEGORY_ROADS_TRAFFIC },
    { "CULTURE-SPORTS", YISHI_CATEGORY_CULTURE_SPORTS },
    { "Public Safety", YISHI_CATEGORY_SAFETY },
    { "safety ", YISHI_CATEGORY_SAFETY },
    { " 其他 ", YISHI_CATEGORY_OTHER },
    { "\u3000道路交通", YISHI_CATEGORY_ROADS_TRAFFIC },
  };
  const char *refused[] = { "道路", "交通", "环境", "public", "其它", "", "safety-" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      YishiCategory found = 99;

      if (!yishi_category_parse (cases[i].text, &found))
        g_error ("“%s” was not parsed", cases[i].text);
      g_assert_cmpint (found, ==, cases[i].category);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      YishiCategory found = 99;

      g_assert_false (yishi_category_parse (refused[i], &found));
      g_assert_cmpint (found, ==, 99);
    }
}

static void
test_role_keys (void)
{
  const char *keys[] = { "council-member", "building-leader", "ten-household-leader",
                         "grid-worker", "judge", "volunteer" };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == YISHI_N_ROLES);
  for (guint r = 0; r < YISHI_N_ROLES; r++)
    {
      YishiRole found = 99;

      g_assert_cmpstr (yishi_role_to_key (r), ==, keys[r]);
      g_assert_true (yishi_role_from_key (keys[r], &found));
      g_assert_cmpint (found, ==, r);
      found = 99;
      g_assert_true (yishi_role_parse (yishi_role_label (r), &found));
      g_assert_cmpint (found, ==, r);
    }
}

static void
test_role_parse (void)
{
  struct { const char *text; YishiRole role; } cases[] = {
    { "议事会成员", YISHI_ROLE_COUNCIL_MEMBER },
    { "楼栋长", YISHI_ROLE_BUILDING_LEADER },
    { "十户长", YISHI_ROLE_TEN_HOUSEHOLD_LEADER },
    { "网格员", YISHI_ROLE_GRID_WORKER },
    { "评委", YISHI_ROLE_JUDGE },
    { "志愿者", YISHI_ROLE_VOLUNTEER },
    { "Council Member", YISHI_ROLE_COUNCIL_MEMBER },
    { "ten-household-leader", YISHI_ROLE_TEN_HOUSEHOLD_LEADER },
    { "GRID WORKER", YISHI_ROLE_GRID_WORKER },
    { "judge", YISHI_ROLE_JUDGE },
    { "\u3000志愿者 ", YISHI_ROLE_VOLUNTEER },
  };
  const char *refused[] = { "议事会", "楼长", "户长", "网格", "评", "志愿", "member", "", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      YishiRole found = 99;

      if (!yishi_role_parse (cases[i].text, &found))
        g_error ("“%s” was not parsed", cases[i].text);
      g_assert_cmpint (found, ==, cases[i].role);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      YishiRole found = 99;

      g_assert_false (yishi_role_parse (refused[i], &found));
      g_assert_cmpint (found, ==, 99);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-table/find", test_find);
  g_test_add_func ("/key-table/parse", test_parse);
  g_test_add_func ("/category/keys", test_category_keys);
  g_test_add_func ("/category/parse", test_category_parse);
  g_test_add_func ("/role/keys", test_role_keys);
  g_test_add_func ("/role/parse", test_role_parse);

  return g_test_run ();
}
