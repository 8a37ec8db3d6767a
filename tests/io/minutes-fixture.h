#pragma once

#include "yishi-minutes-store.h"
#include "yishi-test-util.h"

G_BEGIN_DECLS

/* The approved minutes of a closed meeting, for the export tests.
 *
 * 佳园社区居民议事会, five members; four come, 马玉珍 is excused; one
 * observer. The secretary 唐晓芳 is not a member.
 *
 *   1. 3号楼道路硬化        motion 1 by show of hands, seconded; motion 2
 *                           amends it and passes by roll call 3–1–0
 *                           first, then motion 1 passes 4–0–0; a
 *                           resolution with a person responsible and a
 *                           deadline
 *   2. 垃圾分类定时定点投放  motion 3 by secret ballot, 2–1–0 with 1
 *                           invalid, fails (more than half of those
 *                           present, the default, needs 3)
 *
 * The discussion holds characters XML escapes, a backslash and lines
 * “Name：…”. Approved by the chair, then one corrigendum. */

#define MINUTES_COUNCIL   "佳园社区居民议事会"
#define MINUTES_TITLE     "2026年第一次会议"
#define MINUTES_PLACE     "社区活动室"
#define MINUTES_CHAIR     "王桂兰"
#define MINUTES_SECRETARY "唐晓芳"
#define MINUTES_OBSERVER  "沈立平（街道民政科）"
#define MINUTES_EXCUSED   "马玉珍"
#define MINUTES_RESOLUTION "3号楼道路硬化工程于6月底前完工"

typedef struct
{
  YishiTestDir  *dir;
  YishiDatabase *db;
  gint64         meeting;
} MinutesFixture;

/* With @approve FALSE the minutes stay a draft. */
void          minutes_fixture_set_up    (MinutesFixture *fixture,
                                         gboolean        approve);
void          minutes_fixture_tear_down (MinutesFixture *fixture);
YishiMinutes *minutes_fixture_get       (MinutesFixture *fixture);

G_END_DECLS
