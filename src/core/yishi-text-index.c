#include "config.h"

#include <string.h>

#include "yishi-text-index.h"

typedef struct
{
  guint32 *slots; /* ascending slot numbers of documents holding the key */
  guint32  len;
  guint32  cap;
} Postings;

typedef struct
{
  guint  id;
  char  *folded; /* NULL once the document was replaced or removed */
} Slot;

struct _YishiTextIndex
{
  GArray     *slots;      /* Slot, in insertion order */
  GHashTable *id_slots;   /* id → slot number + 1 */
  guint       n_dead;

  /* open addressing: keys[i] == 0 marks an empty cell */
  guint64    *keys;
  Postings   *postings;
  gsize       capacity;   /* a power of two */
  gsize       n_keys;
};

#define UNIGRAM_LIMIT (G_GUINT64_CONSTANT (1) << 21)

static inline guint64
bigram_key (gunichar a,
            gunichar b)
{
  /* Code points fit in 21 bits; a is never 0, so bigram keys never
   * collide with the unigram keys (plain code points) below 2^21. */
  return ((guint64) a << 21) | b;
}

static inline gsize
key_hash (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (gsize) key;
}

static Postings *
lookup (YishiTextIndex *index,
        guint64         key)
{
  gsize mask = index->capacity - 1;

  for (gsize i = key_hash (key) & mask; index->keys[i] != 0; i = (i + 1) & mask)
    if (index->keys[i] == key)
      return &index->postings[i];

  return NULL;
}

static void
grow_table (YishiTextIndex *index)
{
  guint64 *old_keys = index->keys;
  Postings *old_postings = index->postings;
  gsize old_capacity = index->capacity;

  index->capacity = old_capacity ? old_capacity * 2 : 4096;
  index->keys = g_new0 (guint64, index->capacity);
  index->postings = g_new0 (Postings, index->capacity);

  for (gsize i = 0; i < old_capacity; i++)
    {
      gsize mask = index->capacity - 1;
      gsize j;

      if (old_keys[i] == 0)
        continue;
      for (j = key_hash (old_keys[i]) & mask; index->keys[j] != 0; j = (j + 1) & mask)
        ;
      index->keys[j] = old_keys[i];
      index->postings[j] = old_postings[i];
    }

  g_free (old_keys);
  g_free (old_postings);
}

static Postings *
lookup_or_insert (YishiTextIndex *index,
                  guint64         key)
{
  gsize mask;
  gsize i;

  if ((index->n_keys + 1) * 4 > index->capacity * 3)
    grow_table (index);

  mask = index->capacity - 1;
  for (i = key_hash (key) & mask; index->keys[i] != 0; i = (i + 1) & mask)
    if (index->keys[i] == key)
      return &index->postings[i];

  index->keys[i] = key;
  index->n_keys++;
  return &index->postings[i];
}

static void
postings_add (Postings *postings,
              guint32   slot)
{
  /* Documents are added in slot order, so a repeat is always the last. */
  if (postings->len > 0 && postings->slots[postings->len - 1] == slot)
    return;

  if (postings->len == postings->cap)
    {
      postings->cap = postings->cap ? postings->cap * 2 : 4;
      postings->slots = g_renew (guint32, postings->slots, postings->cap);
    }
  postings->slots[postings->len++] = slot;
}

/* Lower case, and full-width ASCII (ＡＢＣ１２３) as plain ASCII, so
 * what an input method typed matches what a spreadsheet holds. */
static inline gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  else if (c == 0x3000)
    c = ' ';
  return g_unichar_tolower (c);
}

/* Folds @text into a new string, and its characters into @chars. */
static char *
fold_text (const char *text,
           GArray     *chars)
{
  GString *folded = g_string_sized_new (strlen (text));

  g_array_set_size (chars, 0);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));

      g_array_append_val (chars, c);
      g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

YishiTextIndex *
yishi_text_index_new (void)
{
  YishiTextIndex *index = g_new0 (YishiTextIndex, 1);

  index->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  index->id_slots = g_hash_table_new (NULL, NULL);
  grow_table (index);

  return index;
}

void
yishi_text_index_free (YishiTextIndex *index)
{
  if (index == NULL)
    return;

  for (guint i = 0; i < index->slots->len; i++)
    g_free (g_array_index (index->slots, Slot, i).folded);
  for (gsize i = 0; i < index->capacity; i++)
    g_free (index->postings[i].slots);

  g_array_unref (index->slots);
  g_hash_table_unref (index->id_slots);
  g_free (index->keys);
  g_free (index->postings);
  g_free (index);
}

static void
kill_slot (YishiTextIndex *index,
           guint           id)
{
  gpointer value = g_hash_table_lookup (index->id_slots, GUINT_TO_POINTER (id));
  Slot *slot;

  if (value == NULL)
    return;

  slot = &g_array_index (index->slots, Slot, GPOINTER_TO_UINT (value) - 1);
  g_clear_pointer (&slot->folded, g_free);
  g_hash_table_remove (index->id_slots, GUINT_TO_POINTER (id));
  index->n_dead++;
}

static void compact (YishiTextIndex *index);

/**
 * yishi_text_index_set:
 * Indexes @text as the document @id, replacing what @id held before.
 * @text must be valid UTF-8.
 */
void
yishi_text_index_set (YishiTextIndex *index,
                      guint           id,
                      const char     *text)
{
  g_autoptr(GArray) chars = NULL;
  guint32 slot_number;
  Slot slot = { id, NULL };
  const gunichar *c;

  g_return_if_fail (index != NULL);
  g_return_if_fail (text != NULL);

  chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  slot_number = index->slots->len;
  kill_slot (index, id);
  slot.folded = fold_text (text, chars);
  g_array_append_val (index->slots, slot);
  g_hash_table_insert (index->id_slots, GUINT_TO_POINTER (id),
                       GUINT_TO_POINTER (slot_number + 1));

  /* Every character of a document of two or more characters belongs to
   * some bigram, so single-character queries are answered from bigrams;
   * only a one-character document needs its unigram. */
  c = (const gunichar *) (gpointer) chars->data;
  if (chars->len == 1)
    postings_add (lookup_or_insert (index, c[0]), slot_number);
  for (guint i = 0; i + 1 < chars->len; i++)
    postings_add (lookup_or_insert (index, bigram_key (c[i], c[i + 1])), slot_number);

  if (index->n_dead > 1024 && index->n_dead > index->slots->len / 2)
    compact (index);
}

void
yishi_text_index_remove (YishiTextIndex *index,
                         guint           id)
{
  g_return_if_fail (index != NULL);

  kill_slot (index, id);
}

guint
yishi_text_index_get_size (YishiTextIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return g_hash_table_size (index->id_slots);
}

/* Rebuilds the postings without the dead slots. */
static void
compact (YishiTextIndex *index)
{
  g_autoptr(GArray) old_slots = g_steal_pointer (&index->slots);

  for (gsize i = 0; i < index->capacity; i++)
    g_free (index->postings[i].slots);
  g_clear_pointer (&index->keys, g_free);
  g_clear_pointer (&index->postings, g_free);
  index->capacity = index->n_keys = 0;
  index->n_dead = 0;
  index->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_hash_table_remove_all (index->id_slots);
  grow_table (index);

  for (guint i = 0; i < old_slots->len; i++)
    {
      g_autofree char *folded = g_array_index (old_slots, Slot, i).folded;

      if (folded != NULL)
        yishi_text_index_set (index, g_array_index (old_slots, Slot, i).id, folded);
    }
}

/* A bitmap over slots: set bits are candidates still in the running. */
typedef struct
{
  guint64 *bits;
  guint    n_slots;
} SlotSet;

static void
slot_set_mark_postings (SlotSet        *set,
                        const Postings *postings)
{
  for (guint32 i = 0; i < postings->len; i++)
    set->bits[postings->slots[i] / 64] |= G_GUINT64_CONSTANT (1) << (postings->slots[i] % 64);
}

/* Keeps only the set bits that @postings also has. */
static void
slot_set_intersect (SlotSet        *set,
                    const Postings *postings)
{
  guint words = (set->n_slots + 63) / 64;
  g_autofree guint64 *other = g_new0 (guint64, words);

  for (guint32 i = 0; i < postings->len; i++)
    other[postings->slots[i] / 64] |= G_GUINT64_CONSTANT (1) << (postings->slots[i] % 64);
  for (guint w = 0; w < words; w++)
    set->bits[w] &= other[w];
}

/* One character: the documents where it is part of any bigram. */
static void
mark_single_char (YishiTextIndex *index,
                  gunichar        c,
                  SlotSet        *set)
{
  for (gsize i = 0; i < index->capacity; i++)
    {
      guint64 key = index->keys[i];

      if (key == 0)
        continue;
      if (key < UNIGRAM_LIMIT ? key == c
                              : ((key >> 21) == c || (key & (UNIGRAM_LIMIT - 1)) == c))
        slot_set_mark_postings (set, &index->postings[i]);
    }
}

/* Marks in @set the slots that hold every bigram of @term; FALSE when
 * some bigram occurs nowhere. Rarest list first keeps the work small. */
static gboolean
mark_term_bigrams (YishiTextIndex *index,
                   const gunichar *chars,
                   guint           n_chars,
                   SlotSet        *set)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  for (guint i = 0; i + 1 < n_chars; i++)
    {
      Postings *postings = lookup (index, bigram_key (chars[i], chars[i + 1]));

      if (postings == NULL)
        return FALSE;
      g_ptr_array_add (lists, postings);
    }

  for (guint i = 1; i < lists->len; i++)
    if (((Postings *) lists->pdata[i])->len < ((Postings *) lists->pdata[0])->len)
      {
        gpointer tmp = lists->pdata[0];
        lists->pdata[0] = lists->pdata[i];
        lists->pdata[i] = tmp;
      }

  slot_set_mark_postings (set, lists->pdata[0]);
  for (guint i = 1; i < lists->len; i++)
    slot_set_intersect (set, lists->pdata[i]);

  return TRUE;
}

/* The slots that contain @term, as a new bitmap (NULL: none). */
static guint64 *
search_term (YishiTextIndex *index,
             const char     *term)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree char *folded = fold_text (term, chars);
  guint n_slots = index->slots->len;
  SlotSet set = { g_new0 (guint64, (n_slots + 63) / 64 + 1), n_slots };
  const gunichar *c = (const gunichar *) (gpointer) chars->data;

  if (chars->len == 1)
    mark_single_char (index, c[0], &set);
  else if (!mark_term_bigrams (index, c, chars->len, &set))
    return g_free (set.bits), NULL;

  /* Bigrams in a document need not be adjacent there: check the text,
   * and drop the slots of replaced documents. */
  for (guint s = 0; s < n_slots; s++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << (s % 64);
      const char *doc;

      if ((set.bits[s / 64] & bit) == 0)
        continue;
      doc = g_array_index (index->slots, Slot, s).folded;
      if (doc == NULL || (chars->len > 2 && strstr (doc, folded) == NULL))
        set.bits[s / 64] &= ~bit;
    }

  return set.bits;
}

/* The words of folded @text: the runs between any kind of white space
 * (a tab, a no-break space, the full-width space …), none of them empty. */
static GStrv
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean space = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (space && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!space && start == NULL)
        start = p;
      if (*p == '\0')
        break;
    }

  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (words, FALSE);
}

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * yishi_text_index_search:
 * Returns the ids, ascending, of the documents that contain every word of
 * @query (words are separated by white space). Use
 * yishi_text_query_is_blank() first: a blank query matches everything and
 * is not a search.
 */
GArray *
yishi_text_index_search (YishiTextIndex *index,
                         const char     *query)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;
  g_autofree guint64 *all = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint words;

  g_return_val_if_fail (index != NULL, ids);
  g_return_val_if_fail (query != NULL && g_utf8_validate (query, -1, NULL), ids);

  words = (index->slots->len + 63) / 64;
  folded = fold_text (query, chars);
  terms = split_words (folded);
  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_autofree guint64 *found = search_term (index, terms[t]);

      if (found == NULL)
        return ids;
      if (all == NULL)
        all = g_steal_pointer (&found);
      else
        for (guint w = 0; w < words; w++)
          all[w] &= found[w];
    }

  for (guint s = 0; all != NULL && s < index->slots->len; s++)
    if (all[s / 64] & (G_GUINT64_CONSTANT (1) << (s % 64)))
      g_array_append_val (ids, g_array_index (index->slots, Slot, s).id);

  g_array_sort (ids, compare_uint);
  return ids;
}

gboolean
yishi_text_query_is_blank (const char *query)
{
  if (query == NULL)
    return TRUE;
  if (!g_utf8_validate (query, -1, NULL))
    return FALSE;

  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        return FALSE;
    }

  return TRUE;
}

gboolean
yishi_id_array_contains (GArray *sorted_ids,
                         guint   id)
{
  guint lo = 0, hi = sorted_ids->len;
  const guint *data = (const guint *) (gpointer) sorted_ids->data;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (data[mid] == id)
        return TRUE;
      if (data[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}
