#pragma once

#include "yishi-contest-store.h"

G_BEGIN_DECLS

/* The sample's proposal contests as data, in
 * yishi-sample-contest-scores.c; yishi-sample-contest.c enters them. */

#define SAMPLE_MAX_CRITERIA 5

typedef struct
{
  const char *name;
  const char *description;
  gint64      max_points;  /* hundredths; the step is the default half point */
} SampleCriterion;

/* An entry and the points a judge of middling severity gives it on
 * each criterion, in hundredths. */
typedef struct
{
  const char *title;
  gint64      points[SAMPLE_MAX_CRITERIA];
} SampleEntry;

typedef struct
{
  const char *person;      /* the sample's key */
  int         lenience;    /* twentieths of each criterion's maximum, added to every score */
  const char *scores_at;   /* when the judge sat down to score; NULL: not yet */
  guint       n_entries;   /* how many entries, in table order, the judge has scored */
} SampleJudge;

typedef struct
{
  const char         *judge;
  const char         *title;
  YishiRecusalReason  reason;
  const char         *note;
} SampleRecusal;

typedef struct
{
  const char              *name;
  const char              *organiser;
  gint64                   budget_yuan;
  const char              *opens_on;
  const char              *closes_on;
  YishiContestAggregation  aggregation;
  YishiContestFundingRule  funding;
  guint                    top_n;
  gboolean                 recuse_same_grid;
  gint64                   lots_seed;
  const char              *created_at;   /* contest, criteria and judges */
  const char              *entered_at;   /* entries screened in and entered, recusals declared */
  const char              *judging_at;
  const SampleCriterion   *criteria;
  guint                    n_criteria;
  const SampleEntry       *entries;
  guint                    n_entries;
  const SampleJudge       *judges;
  guint                    n_judges;
  const SampleRecusal     *recusals;
  guint                    n_recusals;
  const char              *override_title; /* funded by the organiser; NULL: none */
  const char              *override_reason;
  const char              *published_at;   /* NULL: still judging */
} SampleContest;

extern const SampleContest _yishi_sample_contests[];
extern const guint         _yishi_sample_n_contests;

/* The points judge @judge gives entry @entry on criterion @criterion
 * (indices into the contest's tables), in hundredths. */
gint64 _yishi_sample_contest_points (const SampleContest *contest,
                                     guint                judge,
                                     guint                entry,
                                     guint                criterion);

G_END_DECLS
