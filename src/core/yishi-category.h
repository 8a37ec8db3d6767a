#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Proposal categories; stored as their stable keys, shown translated. */
typedef enum
{
  YISHI_CATEGORY_ENVIRONMENT,
  YISHI_CATEGORY_ELDERLY_DISABLED,
  YISHI_CATEGORY_ROADS_TRAFFIC,
  YISHI_CATEGORY_CULTURE_SPORTS,
  YISHI_CATEGORY_SAFETY,
  YISHI_CATEGORY_OTHER,
} YishiCategory;

#define YISHI_N_CATEGORIES (YISHI_CATEGORY_OTHER + 1)

const char *yishi_category_to_key   (YishiCategory  category);
gboolean    yishi_category_from_key (const char    *key,
                                     YishiCategory *out_category);
const char *yishi_category_label    (YishiCategory  category);
gboolean    yishi_category_parse    (const char    *text,
                                     YishiCategory *out_category);

G_END_DECLS
