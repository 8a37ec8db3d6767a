#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * YishiTextIndex:
 * An in-memory substring index for search as you type, in Chinese and
 * other languages: a query finds every document that contains each of its
 * words as a substring, ignoring case. It indexes the pairs of adjacent
 * characters (bigrams) of each document, so a two-character query such as
 * 道路 is one posting-list look-up, and longer ones are intersections
 * checked against the text.
 *
 * Why not SQLite FTS5: its trigram tokenizer cannot match fewer than three
 * characters, and keeping an FTS index of bigrams up to date made a large
 * CSV import many times slower than storing the rows. This index is built
 * from the rows in memory in a fraction of that time.
 *
 * Not thread-safe: one thread builds it, then hands it over.
 */
typedef struct _YishiTextIndex YishiTextIndex;

YishiTextIndex *yishi_text_index_new      (void);
void            yishi_text_index_free     (YishiTextIndex *index);
void            yishi_text_index_set      (YishiTextIndex *index,
                                           guint           id,
                                           const char     *text);
void            yishi_text_index_remove   (YishiTextIndex *index,
                                           guint           id);
guint           yishi_text_index_get_size (YishiTextIndex *index);
GArray         *yishi_text_index_search   (YishiTextIndex *index,
                                           const char     *query);
gboolean        yishi_text_query_is_blank (const char     *query);
gboolean        yishi_id_array_contains   (GArray         *sorted_ids,
                                           guint           id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiTextIndex, yishi_text_index_free)

G_END_DECLS
