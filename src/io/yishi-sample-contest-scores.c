#include "config.h"

#include "yishi-sample-contest-private.h"

/* The sample's contests: what they judge, who judges, and how each
 * judge scores. A judge's points follow from the entry's points in the
 * table, the judge's lenience and a fixed per-judge view of each
 * proposal, so every load gives the same ranking. The published
 * contest is tuned to have exactly one tie on its trimmed mean, at the
 * funding line (places 5 and 6), which the untrimmed mean breaks. */

static const SampleCriterion resident_criteria[] = {
  { "必要性", "是否回应居民的迫切需求，问题是否突出", 3000 },
  { "可行性", "方案是否具体可行，预算是否合理", 2500 },
  { "受益面", "受益居民的数量和范围", 2000 },
  { "居民参与度", "提出和实施过程中居民的参与程度", 1500 },
  { "创新性", "做法是否新颖，能否在其他小区推广", 1000 },
};

static const SampleEntry resident_entries[] = {
  { "青云花园楼道堆物清理与消防通道整治", { 2500, 2100, 1500, 1100, 600 } },
  { "教工宿舍长者助餐点", { 2700, 1900, 1700, 1200, 750 } },
  { "佳园新村篮球场地面翻新", { 2000, 2100, 1400, 1000, 500 } },
  { "小坝村口闲置地改造口袋公园", { 2100, 1800, 1500, 1050, 750 } },
  { "佳园小区单元门禁系统更换", { 2400, 2200, 1400, 950, 500 } },
  { "青云花园二次供水水箱清洗与管道更换", { 2600, 1900, 1800, 800, 550 } },
  { "教工宿舍楼道扶手与休息座椅加装", { 2400, 2250, 1300, 1000, 600 } },
  { "小坝村民小组垃圾收集点建设", { 2200, 2000, 1400, 1150, 600 } },
  { "青云街88号院雨污管网疏通改造", { 2700, 1700, 1600, 900, 600 } },
  { "金星苑儿童游乐设施更新", { 1800, 2000, 1300, 1000, 650 } },
  { "佳园新村单元无障碍坡道改造", { 2200, 2150, 1000, 900, 650 } },
  { "社区应急救护培训与AED配置", { 2000, 1900, 1500, 900, 850 } },
  { "佳园小区休闲长廊修缮", { 1500, 1900, 1200, 850, 500 } },
  { "金星苑邻里互助“时间银行”", { 1600, 1600, 1100, 1250, 850 } },
  { "佳园社区智慧健康小屋", { 1900, 1550, 1400, 900, 800 } },
};

/* Two strict judges, two lenient ones; 何家伟 proposed the AED and is
 * recused from it, and each judge with a grid from its proposals. */
static const SampleJudge resident_judges[] = {
  { "li-jianguo", 1, "2026-04-23 19:30:00", G_MAXUINT },
  { "wu-guohua", -2, "2026-04-24 09:00:00", G_MAXUINT },
  { "he-jiawei", 0, "2026-04-24 14:30:00", G_MAXUINT },
  { "liang-zhenyu", 2, "2026-04-25 10:00:00", G_MAXUINT },
  { "cao-zhiming", -1, "2026-04-26 20:00:00", G_MAXUINT },
  { "jiang-xiulan", 3, "2026-04-27 09:30:00", G_MAXUINT },
  { "pan-zhiyuan", -3, "2026-04-28 15:00:00", G_MAXUINT },
};

static const SampleRecusal resident_recusals[] = {
  { "jiang-xiulan", "佳园社区智慧健康小屋", YISHI_RECUSAL_RELATIVE, "评委蒋秀兰系提案人田家乐的姨母" },
};

static const SampleCriterion livelihood_criteria[] = {
  { "紧迫性", "问题是否突出、居民是否急需解决", 4000 },
  { "受益面", "受益居民的数量和范围", 3000 },
  { "可行性", "方案是否具体可行，费用是否合理", 3000 },
};

static const SampleEntry livelihood_entries[] = {
  { "佳园小区顶层住户屋面漏水维修", { 3400, 2200, 2000 } },
  { "青云花园流浪猫绝育与定点投喂", { 2200, 1800, 2400 } },
  { "青云花园健身步道铺设", { 2600, 2500, 2200 } },
  { "小坝村民小组村史展示墙", { 1800, 1700, 2500 } },
  { "佳园新村微型消防站建设", { 3100, 2400, 2300 } },
  { "金星苑老年活动中心空调更换", { 2900, 1500, 2600 } },
  { "青云街88号院集中晾晒区改造", { 2400, 1300, 2500 } },
};

/* Two judges are done, two half-way, and one has not started. */
static const SampleJudge livelihood_judges[] = {
  { "li-jianguo", 1, "2026-11-17 19:30:00", G_MAXUINT },
  { "jiang-xiulan", 3, "2026-11-18 09:30:00", G_MAXUINT },
  { "he-jiawei", 0, "2026-11-20 14:30:00", 3 },
  { "liang-zhenyu", 2, "2026-11-21 10:00:00", 4 },
  { "pan-zhiyuan", -3, NULL, 0 },
};

const SampleContest _yishi_sample_contests[] = {
  {
    "2026年佳园社区居民提案大赛", "佳园社区居委会", 300000, "2026-03-01", "2026-04-15",
    YISHI_CONTEST_AGGREGATION_TRIMMED_MEAN, YISHI_CONTEST_FUNDING_GREEDY, 0, TRUE, 20260508,
    "2026-02-16 10:00:00", "2026-04-20 09:30:00", "2026-04-22 09:00:00",
    resident_criteria, G_N_ELEMENTS (resident_criteria),
    resident_entries, G_N_ELEMENTS (resident_entries),
    resident_judges, G_N_ELEMENTS (resident_judges),
    resident_recusals, G_N_ELEMENTS (resident_recusals),
    "佳园小区单元门禁系统更换", "与区级“智慧安防小区”建设项目配套，已落实配套资金。",
    "2026-05-08 11:00:00",
  },
  {
    "2027年佳园社区民生小实事项目评选", "佳园社区居委会", 350000, "2026-10-15", "2026-11-10",
    YISHI_CONTEST_AGGREGATION_MEAN, YISHI_CONTEST_FUNDING_TOP_N, 4, FALSE, 20261116,
    "2026-10-12 10:00:00", "2026-11-12 09:30:00", "2026-11-16 09:00:00",
    livelihood_criteria, G_N_ELEMENTS (livelihood_criteria),
    livelihood_entries, G_N_ELEMENTS (livelihood_entries),
    livelihood_judges, G_N_ELEMENTS (livelihood_judges),
    NULL, 0, NULL, NULL, NULL,
  },
};

const guint _yishi_sample_n_contests = G_N_ELEMENTS (_yishi_sample_contests);

/* Hundredths to the nearest half point, halves away from zero. */
static gint64
round_to_step (gint64 hundredths)
{
  gint64 steps = (ABS (hundredths) + YISHI_CONTEST_DEFAULT_STEP / 2) / YISHI_CONTEST_DEFAULT_STEP;

  return (hundredths < 0 ? -steps : steps) * YISHI_CONTEST_DEFAULT_STEP;
}

/* A judge's points: the entry's points moved by the judge's lenience,
 * and by up to a tenth of the maximum either way for the judge's own
 * view of this proposal on this criterion (a fixed mix of the judge's,
 * the entry's and the criterion's positions, in nine steps), on the
 * step and within 0 … maximum. */
gint64
_yishi_sample_contest_points (const SampleContest *contest,
                              guint                judge,
                              guint                entry,
                              guint                criterion)
{
  gint64 max = contest->criteria[criterion].max_points;
  gint64 view = (judge * judge * 7 + entry * 13 + criterion * criterion * 5 +
                 judge * entry * criterion * 3 + entry * entry) % 9;
  gint64 points = contest->entries[entry].points[criterion] +
                  round_to_step (contest->judges[judge].lenience * max / 20) +
                  round_to_step ((view - 4) * max / 40);

  return CLAMP (points, 0, max);
}
