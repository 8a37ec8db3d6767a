#include <locale.h>

#include <glib.h>

#include "yishi-text-index.h"

/* Searches and returns the ids found as a string "1 5 9" for easy asserts. */
static char *
search (YishiTextIndex *index,
        const char     *query)
{
  g_autoptr(GArray) ids = yishi_text_index_search (index, query);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%u", i ? " " : "", g_array_index (ids, guint, i));

  return g_string_free (text, FALSE);
}

#define assert_search(index, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search ((index), (query)); \
    if (g_strcmp0 (found_, (expected)) != 0) \
      g_error ("search “%s”: found “%s”, expected “%s”", (query), found_, (expected)); \
  } G_STMT_END

static YishiTextIndex *
sample_index (void)
{
  YishiTextIndex *index = yishi_text_index_new ();

  yishi_text_index_set (index, 1, "3号楼道路硬化");
  yishi_text_index_set (index, 2, "增设老年人助餐点");
  yishi_text_index_set (index, 3, "小区道路照明改造");
  yishi_text_index_set (index, 4, "硬化停车场地面");
  yishi_text_index_set (index, 5, "Install LED Lights in the Stairwell");
  yishi_text_index_set (index, 6, "更换ＬＥＤ路灯");
  yishi_text_index_set (index, 7, "路");
  yishi_text_index_set (index, 8, "");
  return index;
}

static void
test_two_characters (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();

  assert_search (index, "道路", "1 3");
  assert_search (index, "硬化", "1 4");
  assert_search (index, "老年", "2");
  assert_search (index, "路硬", "1");
  assert_search (index, "楼路", "");   /* both characters exist, not side by side */
  assert_search (index, "路道", "");
}

static void
test_long_query (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();

  assert_search (index, "道路硬化", "1");
  assert_search (index, "3号楼道路硬化", "1");
  assert_search (index, "道路照明", "3");
  assert_search (index, "老年人助餐点", "2");
  /* every bigram occurs somewhere, but not in this order in one document */
  assert_search (index, "道路硬化停车", "");
  assert_search (index, "硬化道路", "");
  assert_search (index, "3号楼道路硬化了", "");
}

static void
test_single_character (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();

  assert_search (index, "路", "1 3 6 7");
  assert_search (index, "3", "1");
  assert_search (index, "楼", "1");     /* first character of a bigram… */
  assert_search (index, "化", "1 4");   /* …and the last */
  assert_search (index, "点", "2");
  assert_search (index, "鸟", "");
  assert_search (index, "l", "5 6");
  assert_search (index, "Ｌ", "5 6");
}

/* A one-character document needs its own entry: it has no bigram. */
static void
test_single_character_document (void)
{
  g_autoptr(YishiTextIndex) index = yishi_text_index_new ();

  yishi_text_index_set (index, 1, "路");
  yishi_text_index_set (index, 2, "a");
  assert_search (index, "路", "1");
  assert_search (index, "道路", "");
  assert_search (index, "A", "2");
  assert_search (index, "Ａ", "2");
}

static void
test_multi_word (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();

  assert_search (index, "道路 硬化", "1");
  assert_search (index, "硬化 道路", "1");
  assert_search (index, "道路 照明", "3");
  assert_search (index, "道路  硬化 ", "1");
  assert_search (index, "道路\u3000硬化", "1");  /* the full-width space of input methods */
  assert_search (index, "道路\t硬化", "1");
  assert_search (index, "道路\u00a0硬化", "1");  /* a no-break space pasted from a web page */
  assert_search (index, "路 化", "1");
  assert_search (index, "路 改造", "3");
  assert_search (index, "道路 老年", "");
  assert_search (index, "LED 路灯", "6");
  assert_search (index, "led", "5 6");
  assert_search (index, "道路 鸟", "");
}

static void
test_case_insensitive (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();

  assert_search (index, "led", "5 6");
  assert_search (index, "LED", "5 6");
  assert_search (index, "Led", "5 6");
  assert_search (index, "ｌｅｄ", "5 6");       /* full-width, lower case */
  assert_search (index, "ＬＥＤ", "5 6");
  assert_search (index, "stairwell", "5");
  assert_search (index, "STAIRWELL LIGHTS", "5");
  assert_search (index, "ＳＴＡＩＲ", "5");
  assert_search (index, "lights in the", "5");
  assert_search (index, "lights_in", "");
}

static void
test_blank (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();
  const char *blank[] = { NULL, "", " ", "\u3000", " \t\n\u3000\u00a0 " };

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    g_assert_true (yishi_text_query_is_blank (blank[i]));
  g_assert_false (yishi_text_query_is_blank (" 路 "));
  g_assert_false (yishi_text_query_is_blank ("\u3000a"));
  g_assert_false (yishi_text_query_is_blank ("\xff"));

  /* a blank query is not a search: it finds no document */
  assert_search (index, "", "");
  assert_search (index, "\u3000 ", "");
}

static void
test_replace_and_remove (void)
{
  g_autoptr(YishiTextIndex) index = sample_index ();

  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 8);

  yishi_text_index_set (index, 1, "垃圾分类亭改造");
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 8);
  assert_search (index, "道路", "3");
  assert_search (index, "硬化", "4");
  assert_search (index, "改造", "1 3");
  assert_search (index, "路", "3 6 7");

  yishi_text_index_remove (index, 3);
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 7);
  assert_search (index, "道路", "");
  assert_search (index, "改造", "1");
  assert_search (index, "照", "");

  /* removing what is not there changes nothing */
  yishi_text_index_remove (index, 3);
  yishi_text_index_remove (index, 12345);
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 7);

  /* put back, under the same id */
  yishi_text_index_set (index, 3, "小区道路照明改造");
  assert_search (index, "道路", "3");
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 8);

  /* replaced by the same text: found once */
  yishi_text_index_set (index, 3, "小区道路照明改造");
  assert_search (index, "道路", "3");

  /* emptied */
  yishi_text_index_set (index, 3, "");
  assert_search (index, "道路", "");
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 8);
}

static void
test_ids (void)
{
  g_autoptr(YishiTextIndex) index = yishi_text_index_new ();

  yishi_text_index_set (index, G_MAXUINT, "最大编号道路");
  yishi_text_index_set (index, 0, "零号道路");
  yishi_text_index_set (index, 70000, "道路七万");
  assert_search (index, "道路", "0 70000 4294967295");
  yishi_text_index_remove (index, 0);
  assert_search (index, "道路", "70000 4294967295");
}

/* Many replacements leave dead entries that a compaction drops: the
 * results stay right across it. */
static void
test_compaction (void)
{
  g_autoptr(YishiTextIndex) index = yishi_text_index_new ();
  const char *texts[] = { "道路硬化工程", "楼道照明", "停车位划线", "道路积水治理" };

  for (guint id = 0; id < 100; id++)
    yishi_text_index_set (index, id, texts[id % 4]);

  for (guint round = 0; round < 60; round++)
    {
      for (guint id = 0; id < 100; id++)
        yishi_text_index_set (index, id, texts[(id + round + 1) % 4]);

      if (round % 10 == 9)
        {
          g_autoptr(GArray) road = yishi_text_index_search (index, "道路");
          g_autoptr(GArray) light = yishi_text_index_search (index, "照明");
          g_autoptr(GArray) water = yishi_text_index_search (index, "道路 积水");

          g_assert_cmpuint (road->len, ==, 50);
          g_assert_cmpuint (light->len, ==, 25);
          g_assert_cmpuint (water->len, ==, 25);
          for (guint id = 0; id < 100; id++)
            {
              guint which = (id + round + 1) % 4;

              g_assert_cmpint (yishi_id_array_contains (road, id), ==, which == 0 || which == 3);
              g_assert_cmpint (yishi_id_array_contains (light, id), ==, which == 1);
              g_assert_cmpint (yishi_id_array_contains (water, id), ==, which == 3);
            }
        }
    }
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 100);

  /* after compactions, removal and replacement still work */
  for (guint id = 0; id < 100; id += 2)
    yishi_text_index_remove (index, id);
  g_assert_cmpuint (yishi_text_index_get_size (index), ==, 50);
  yishi_text_index_set (index, 1, "独一无二");
  assert_search (index, "独一无二", "1");
  assert_search (index, "一无", "1");
}

static void
test_id_array_contains (void)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint values[] = { 0, 2, 3, 10, 4000000000u };

  g_assert_false (yishi_id_array_contains (ids, 0));
  g_array_append_vals (ids, values, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_true (yishi_id_array_contains (ids, values[i]));
  g_assert_false (yishi_id_array_contains (ids, 1));
  g_assert_false (yishi_id_array_contains (ids, 4));
  g_assert_false (yishi_id_array_contains (ids, 11));
  g_assert_false (yishi_id_array_contains (ids, G_MAXUINT));
}

/* The naive reference: each document and word folded independently of
 * the index's code, then strstr. */
static char *
naive_fold (const char *text)
{
  GString *folded = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)  /* full-width ASCII */
        c = c - 0xFF01 + '!';
      if (g_unichar_isspace (c))
        c = ' ';
      g_string_append_unichar (folded, g_unichar_tolower (c));
    }

  return g_string_free (folded, FALSE);
}

static gboolean
naive_match (const char *folded_doc,
             const char *query)
{
  g_autofree char *folded = naive_fold (query);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  gboolean any = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      any = TRUE;
      if (strstr (folded_doc, words[i]) == NULL)
        return FALSE;
    }

  return any;
}

static const char *alphabet[] = {
  "道", "路", "硬", "化", "楼", "灯", "老", "人",
  "a", "b", "c", "A", "B", "ａ", "Ｂ", "Ｃ", "1", "１", " ", "\u3000",
};

static char *
random_text (GRand *rand,
             guint  max_len)
{
  GString *text = g_string_new (NULL);
  guint len = g_rand_int_range (rand, 0, max_len + 1);

  for (guint i = 0; i < len; i++)
    g_string_append (text, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);

  return g_string_free (text, FALSE);
}

/* A query taken from inside a live document, so that most queries hit. */
static char *
random_query (GRand      *rand,
              GPtrArray  *docs)
{
  const char *doc = NULL;

  for (guint tries = 0; tries < 10 && (doc == NULL || *doc == '\0'); tries++)
    doc = docs->pdata[g_rand_int_range (rand, 0, docs->len)];

  if (doc != NULL && *doc != '\0' && g_rand_boolean (rand))
    {
      glong n_chars = g_utf8_strlen (doc, -1);
      glong start = g_rand_int_range (rand, 0, n_chars);
      glong len = g_rand_int_range (rand, 1, MIN (n_chars - start, 6) + 1);
      const char *from = g_utf8_offset_to_pointer (doc, start);
      const char *to = g_utf8_offset_to_pointer (from, len);

      return g_strndup (from, to - from);
    }

  return random_text (rand, 5);
}

static void
compare_with_naive (YishiTextIndex *index,
                    GPtrArray      *docs,
                    GPtrArray      *folded_docs,
                    const char     *query)
{
  g_autoptr(GArray) ids = yishi_text_index_search (index, query);
  guint n_expected = 0;

  for (guint id = 0; id < docs->len; id++)
    {
      gboolean expected = docs->pdata[id] != NULL && naive_match (folded_docs->pdata[id], query);

      if (yishi_id_array_contains (ids, id) != expected)
        g_error ("query “%s”, document %u “%s”: index says %s, a plain scan says %s", query, id,
                 (const char *) docs->pdata[id], expected ? "no" : "yes", expected ? "yes" : "no");
      n_expected += expected;
    }
  g_assert_cmpuint (ids->len, ==, n_expected);

  for (guint i = 1; i < ids->len; i++)
    g_assert_cmpuint (g_array_index (ids, guint, i - 1), <, g_array_index (ids, guint, i));
}

static void
set_doc (YishiTextIndex *index,
         GPtrArray      *docs,
         GPtrArray      *folded_docs,
         guint           id,
         char           *text)
{
  g_free (docs->pdata[id]);
  g_free (folded_docs->pdata[id]);
  docs->pdata[id] = text;
  folded_docs->pdata[id] = text ? naive_fold (text) : NULL;
  if (text != NULL)
    yishi_text_index_set (index, id, text);
  else
    yishi_text_index_remove (index, id);
}

static void
test_random_against_naive (void)
{
  const guint n_docs = 3000;
  g_autoptr(YishiTextIndex) index = yishi_text_index_new ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) folded_docs = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (0x59495348);
  guint n_hits = 0, n_queries = 0;

  g_ptr_array_set_size (docs, n_docs);
  g_ptr_array_set_size (folded_docs, n_docs);
  for (guint id = 0; id < n_docs; id++)
    set_doc (index, docs, folded_docs, id, random_text (rand, 40));

  /* rounds of edits (replacements, removals, re-additions) then queries:
   * 4000 edits a round are enough to set off compactions */
  for (guint round = 0; round < 4; round++)
    {
      for (guint q = 0; q < 300; q++)
        {
          g_autofree char *query = random_query (rand, docs);
          g_autoptr(GArray) ids = NULL;

          compare_with_naive (index, docs, folded_docs, query);
          ids = yishi_text_index_search (index, query);
          n_hits += ids->len > 0;
          n_queries++;
        }

      /* multi-word queries */
      for (guint q = 0; q < 100; q++)
        {
          g_autofree char *a = random_query (rand, docs);
          g_autofree char *b = random_query (rand, docs);
          g_autofree char *query = g_strconcat (a, g_rand_boolean (rand) ? " " : "\u3000", b, NULL);

          compare_with_naive (index, docs, folded_docs, query);
        }

      for (guint e = 0; e < 4000; e++)
        {
          guint id = g_rand_int_range (rand, 0, n_docs);

          if (g_rand_int_range (rand, 0, 10) == 0)
            set_doc (index, docs, folded_docs, id, NULL);
          else
            set_doc (index, docs, folded_docs, id, random_text (rand, 40));
        }

      {
        guint n_live = 0;

        for (guint id = 0; id < n_docs; id++)
          n_live += docs->pdata[id] != NULL;
        g_assert_cmpuint (yishi_text_index_get_size (index), ==, n_live);
      }
    }

  /* the test means something only if many queries found documents */
  g_assert_cmpuint (n_hits, >, n_queries / 2);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-index/two-characters", test_two_characters);
  g_test_add_func ("/text-index/long-query", test_long_query);
  g_test_add_func ("/text-index/single-character", test_single_character);
  g_test_add_func ("/text-index/single-character-document", test_single_character_document);
  g_test_add_func ("/text-index/multi-word", test_multi_word);
  g_test_add_func ("/text-index/case-insensitive", test_case_insensitive);
  g_test_add_func ("/text-index/blank", test_blank);
  g_test_add_func ("/text-index/replace-and-remove", test_replace_and_remove);
  g_test_add_func ("/text-index/ids", test_ids);
  g_test_add_func ("/text-index/compaction", test_compaction);
  g_test_add_func ("/text-index/id-array-contains", test_id_array_contains);
  g_test_add_func ("/text-index/random-against-naive", test_random_against_naive);

  return g_test_run ();
}
