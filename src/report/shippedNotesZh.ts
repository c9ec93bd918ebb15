import type { Lang } from './lang.js';

/**
 * Chinese renderings of the English notes that ship with the plans and the observed counts: the
 * source notes of base counts known only as a range (seeds/*.yaml, `base.<measure>.source`), the
 * English quote behind an observed base count, and the English titles of the sources of
 * seeds/data/observed_counts.csv that the run report lists, and the notes of the priors that the
 * shipped what-if scenarios (scenarios/*.yaml) set. Keyed by the English text itself, so
 * a note a user wrote or changed is shown as written; test/shippedNotesZh.test.ts checks that
 * every English note the shipped plans carry has its entry and that no entry is stale. Figures,
 * file references (observed_counts.csv: region,measure,year) and document names are kept.
 */
const ENTRIES: readonly (readonly [string, string])[] = [
  // hunan-zones-2017 · base tsme
  [
    'No count in the plan or the data. 1.0–2.5 × the zones\' 高企 prior (central ≈ 1.8 ×): MODEL.md row "share of registered tech SMEs already 高企" (0.45–0.50). The plan\'s 科技型中小微企业 is a broad notion, hence the wide range (I).',
    '规划和数据中都没有此数。取园区高企先验的1.0–2.5倍（中值约1.8倍）：MODEL.md 中“已入库科技型中小企业中的高企占比”一行（0.45–0.50）。规划所说的科技型中小微企业口径较宽，因此区间较宽（I）。',
  ],
  // hunan-zones-2017 · base hnte
  [
    "The plan states no base count. The zones' share (40–80%, central 60%) of Hunan's 2,212 valid 高企 at end-2016 (observed_counts.csv: hunan,hnte,2016), held by 22 zones (observed_counts.csv: hunan,zone_count,2016); the share itself is an inference, no MODEL.md row (I).",
    '规划未给出基年数量。取湖南省2016年底2,212家有效高企中园区所占份额（40–80%，中值60%）（observed_counts.csv: hunan,hnte,2016），这些高企分布在22个园区（observed_counts.csv: hunan,zone_count,2016）；该份额本身为推断，MODEL.md 中没有对应的行（I）。',
  ],
  // hunan-zones-2017 · base srdi
  [
    'No count. A few % to 15% of the zones\' ≈ 1,330 高企 (central ≈ 7.5%): MODEL.md row "高企 → provincial 专精特新" (0.03–0.08 a year) over 3-year titles (I).',
    '没有此数。取园区约1,330家高企的百分之几至15%（中值约7.5%）：MODEL.md 中“高企 → 省级专精特新”一行（每年0.03–0.08），按称号有效期3年累计（I）。',
  ],
  // hunan-zones-2017 · base giant
  [
    'None could exist at end-2016: the first national 小巨人 batch is 2019 (observed_counts.csv: china,giant_new,2019; MODEL.md "小巨人 batches").',
    '2016年底不可能有：第一批国家级小巨人认定于2019年（observed_counts.csv: china,giant_new,2019；MODEL.md 中“小巨人批次”一行）。',
  ],
  // hunan-zones-2017 · base listed
  [
    'No count. Jiangmen\'s plan-implied ratio (≈ 10 listed of ≈ 1,850 高企, ≈ 0.5%) gives ≈ 7 on ≈ 1,330; the zones include the provincial capital\'s, where listings concentrate, so the range is skewed upward; MODEL.md "other 高企 list" row (I).',
    '没有此数。按江门规划隐含的比例（约1,850家高企中约10家上市，约0.5%），在约1,330家上约为7家；园区包括省会的园区，上市企业较集中，因此区间向上偏；MODEL.md 中“其他高企上市”一行（I）。',
  ],
  // jiangmen-2021 · base tsme
  [
    'No count in the plan or the data. 1.0–2.5 × the plan-implied 1,850 高企 (central ≈ 1.6 ×): MODEL.md row "share of registered tech SMEs already 高企" (0.45–0.50), allowing for 高企 that are not SMEs.',
    '规划和数据中都没有此数。取规划隐含的1,850家高企的1.0–2.5倍（中值约1.6倍）：MODEL.md 中“已入库科技型中小企业中的高企占比”一行（0.45–0.50），并考虑到有些高企并非中小企业。',
  ],
  // jiangmen-2021 · base hnte:rd50m
  [
    'No count (the goal is a doubling of an unstated 2020 count). R&D ≥ 50M yuan needs revenue ≳ 1–1.7 bn yuan at the 3–5% intensity of MODEL.md "高企 criteria", so a minority of the ≈ 90 高企 with revenue ≥ 500M yuan (I).',
    '没有此数（该目标是让一个未说明的2020年数量翻一番）。按 MODEL.md 中“高企认定条件”一行所列3–5%的研发投入强度，研发投入 ≥ 5000万元需要营业收入 ≳ 10亿–17亿元，因此只占营业收入 ≥ 5亿元的约90家高企中的少数（I）。',
  ],
  // jiangmen-2021 · base hnte:revenue500m
  [
    "No count. Below the plan's 2023 goal of 120 (the plan asks for growth, 涌现出一批龙头企业); about 5% of the plan-implied 1,850 高企; no MODEL.md row (I).",
    '没有此数。低于规划2023年120家的目标（规划要求增长：涌现出一批龙头企业）；约为规划隐含的1,850家高企的5%；MODEL.md 中没有对应的行（I）。',
  ],
  // jiangmen-2021 · base hnte:iuCentre
  [
    'No count. The plan builds 100 centres (双百工程) and sets 100 as the 2023 goal, so few existed in 2020; "深入实施" suggests the programme had begun; no MODEL.md row (I).',
    '没有此数。规划要建设100个中心（双百工程），并以100个为2023年目标，因此2020年已有的很少；“深入实施”说明该工程此前已经开始；MODEL.md 中没有对应的行（I）。',
  ],
  // jiangmen-2021 · base srdi
  [
    'No count. 3–15% of the 1,850 高企 (central ≈ 8%): MODEL.md row "高企 → provincial 专精特新" (0.03–0.08 a year) over 3-year titles; Zhanjiang\'s observed cohorts give ≈ 10% of 高企 (I).',
    '没有此数。取1,850家高企的3–15%（中值约8%）：MODEL.md 中“高企 → 省级专精特新”一行（每年0.03–0.08），按称号有效期3年累计；湛江已公布的各批数据约为高企的10%（I）。',
  ],
  // jiangmen-2021 · base giant
  [
    'Bounded by the later observation of 6 in 2022 (observed_counts.csv: jiangmen,giant,2022): national batches 1–2 (248 + 1,744) are ≈ 21% of batches 1–4 (MODEL.md "小巨人 batches"), so ≈ 1 by end-2020 (D+I).',
    '以后来的观测值为界：2022年有6家（observed_counts.csv: jiangmen,giant,2022）；国家级第1–2批（248 + 1,744家）约占第1–4批的21%（MODEL.md 中“小巨人批次”一行），因此2020年底约为1家（D+I）。',
  ],
  // jieyang-2024 · base tsme
  [
    'No count in the plan or the data. 1.0–2.5 × the observed 417 高企 (central ≈ 1.7 ×): MODEL.md row "share of registered tech SMEs already 高企" (0.45–0.50), allowing for 高企 that are not SMEs.',
    '规划和数据中都没有此数。取已公布的417家高企的1.0–2.5倍（中值约1.7倍）：MODEL.md 中“已入库科技型中小企业中的高企占比”一行（0.45–0.50），并考虑到有些高企并非中小企业。',
  ],
  // jieyang-2024 · base hnte:manufacturing
  [
    "No count. The plan's own 2026 ratio (500 manufacturing of 600 高企 ≈ 83%) applied to the observed 417 and widened to 65–90% (the plan's 制造业当家 emphasis suggests the share is already high); no MODEL.md row (I).",
    '没有此数。按规划自身2026年的比例（600家高企中制造业500家，约83%）乘以已公布的417家，并放宽到65–90%（规划强调制造业当家，说明这一比例已经较高）；MODEL.md 中没有对应的行（I）。',
  ],
  // jieyang-2024 · base srdi
  [
    'No count. A few % to 15% of the 417 高企 (central ≈ 8%): MODEL.md row "高企 → provincial 专精特新" (0.03–0.08 a year) accumulated over 3-year titles; Zhanjiang\'s observed cohorts give ≈ 10% (I).',
    '没有此数。取417家高企的百分之几至15%（中值约8%）：MODEL.md 中“高企 → 省级专精特新”一行（每年0.03–0.08），按称号有效期3年累计；湛江已公布的各批数据约为10%（I）。',
  ],
  // jieyang-2024 · base giant
  [
    'No count. Jiangmen had 6 小巨人 in 2022 on a 高企 stock four to five times Jieyang\'s (plan-implied ≈ 1,850 in 2020) (observed_counts.csv: jiangmen,giant,2022); batch 5 (2023) adds a little (MODEL.md "小巨人 batches") (I).',
    '没有此数。江门2022年有6家小巨人，其高企存量是揭阳的四至五倍（规划隐含2020年约1,850家）（observed_counts.csv: jiangmen,giant,2022）；第5批（2023年）略有增加（MODEL.md 中“小巨人批次”一行）（I）。',
  ],
  // jieyang-2024 · base listed
  [
    'No count. Jiangmen\'s plan implies ≈ 10 listed 高企 on ≈ 1,850 高企 in 2020 (≈ 0.5%); scaled to 417 gives ≈ 2; MODEL.md "other 高企 list" row (0.02–0.1% a year) keeps the stock small (I).',
    '没有此数。江门规划隐含2020年约1,850家高企中约10家上市（约0.5%）；按417家折算约为2家；MODEL.md 中“其他高企上市”一行（每年0.02–0.1%）使上市企业存量保持在较小水平（I）。',
  ],
  // yueyang-2022 · base srdi
  [
    'No 2021 count. Bounded above by the observed 291 provincial 专精特新 in 2023 (observed_counts.csv: yueyang,srdi,2023); two years of new titles at the plan\'s pace (100 over four years) or faster under the 2022 gradient rules (MODEL.md "专精特新 gradient") put end-2021 at ≈ 100–280 (D+I).',
    '没有2021年的数。以2023年已公布的291家省级专精特新为上限（observed_counts.csv: yueyang,srdi,2023）；按规划的节奏（四年新增100家）或2022年梯度培育办法下更快的节奏（MODEL.md 中“专精特新梯度培育”一行）推算两年的新认定数，2021年底约为100–280家（D+I）。',
  ],
  // yueyang-2022 · base giant
  [
    'Bounded by the later observation of 42 in 2023 (observed_counts.csv: yueyang,giant,2023): national batches 1–3 (4,922) are ≈ 38% of batches 1–5 (12,950; MODEL.md "小巨人 batches"), so ≈ 16 by end-2021 (D+I).',
    '以后来的观测值为界：2023年有42家（observed_counts.csv: yueyang,giant,2023）；国家级第1–3批（4,922家）约占第1–5批（12,950家；MODEL.md 中“小巨人批次”一行）的38%，因此2021年底约为16家（D+I）。',
  ],
  // yueyang-2022 · base listed
  [
    'No count. Jiangmen\'s plan implies ≈ 10 listed 高企 on ≈ 1,850 高企 in 2020 (≈ 0.5%); scaled to ≈ 600 gives ≈ 3; MODEL.md "other 高企 list" row (0.02–0.1% a year) keeps the stock small (I).',
    '没有此数。江门规划隐含2020年约1,850家高企中约10家上市（约0.5%）；按约600家折算约为3家；MODEL.md 中“其他高企上市”一行（每年0.02–0.1%）使上市企业存量保持在较小水平（I）。',
  ],
  // zhanjiang-2023 · base tsme
  [
    'No count in the plan or the data. 1.0–2.5 × the observed 301 高企 (central ≈ 1.6 ×): MODEL.md row "share of registered tech SMEs already 高企" (0.45–0.50), allowing for 高企 that are not SMEs.',
    '规划和数据中都没有此数。取已公布的301家高企的1.0–2.5倍（中值约1.6倍）：MODEL.md 中“已入库科技型中小企业中的高企占比”一行（0.45–0.50），并考虑到有些高企并非中小企业。',
  ],
  // zhanjiang-2023 · base hnte:agri
  [
    "No count in the plan or the data. The plan's own 2025 ratio (100 涉农 of 700 高企 ≈ 14%) applied to the observed 301 and widened to 7–23%; no MODEL.md row (inference, I).",
    '规划和数据中都没有此数。按规划自身2025年的比例（700家高企中涉农100家，约14%）乘以已公布的301家，并放宽到7–23%；MODEL.md 中没有对应的行（推断，I）。',
  ],
  // zhanjiang-2023 · base srdi
  [
    "Derived from observed cohorts: 17 Zhanjiang firms were certified 专精特新 in 2020 and at least 7 in 2019 (the 2023 and 2022 review columns of observed_counts.csv: zhanjiang,srdi_listed,2023 / 2022); with 3-year titles the end-2020 stock is ≈ 2018–2020 cohorts; ≈ 10% of 高企, within MODEL.md's 高企 → 专精特新 gradient (D+I).",
    '由已公布的各批数据推算：湛江有17家企业于2020年、至少7家于2019年被认定为专精特新（见 observed_counts.csv 中2023年和2022年的复核栏：zhanjiang,srdi_listed,2023 / 2022）；称号有效期3年，2020年底的存量约为2018–2020年各批之和；约为高企的10%，在 MODEL.md 中高企 → 专精特新梯度的范围之内（D+I）。',
  ],
  // zhanjiang-2023 · base giant
  [
    'No count. Only national batches 1–2 existed by end-2020 (MODEL.md "小巨人 batches"); Jiangmen, with about six times Zhanjiang\'s 高企 stock, had 6 in 2022 (observed_counts.csv: jiangmen,giant,2022), so Zhanjiang\'s 2020 stock is a handful at most (I).',
    '没有此数。到2020年底只有国家级第1–2批（MODEL.md 中“小巨人批次”一行）；江门的高企存量约为湛江的六倍，2022年有6家（observed_counts.csv: jiangmen,giant,2022），因此湛江2020年的存量至多寥寥几家（I）。',
  ],
  // zhanjiang-2023 · base listed
  [
    'No count. Jiangmen\'s plan implies ≈ 10 listed 高企 against ≈ 1,850 高企 in 2020 (≈ 0.5%); scaled to Zhanjiang\'s 301 gives ≈ 2; MODEL.md "other 高企 list" row (0.02–0.1% a year) keeps the stock small (I).',
    '没有此数。江门规划隐含2020年约1,850家高企中约10家上市（约0.5%）；按湛江的301家折算约为2家；MODEL.md 中“其他高企上市”一行（每年0.02–0.1%）使上市企业存量保持在较小水平（I）。',
  ],
  // zhanjiang-2023 · base hnte (quote)
  [
    'So far, the total number of high-tech enterprises in Zhanjiang has reached 301, putting it first among all areas in the western part of Guangdong.',
    '“截至目前，湛江市高新技术企业总数已达301家，居粤西各地区首位。”（译自英文报道原句）',
  ],
  // observed_counts.csv source_title
  [
    'Number of hi-tech enterprises in Zhanjiang hits new high (chinaservicesinfo/China Daily, pub. 2021-02-09)',
    '英文报道《Number of hi-tech enterprises in Zhanjiang hits new high》（chinaservicesinfo／China Daily，2021-02-09发布）',
  ],
  // observed_counts.csv source_title
  ['湛江全市科技创新大会报道 (转载, pub. ~2018-01)', '湛江全市科技创新大会报道（转载，约2018-01发布）'],
  // observed_counts.csv source_title
  [
    "揭阳日报-style review of 2023 manufacturing ('去年' = 2023; 摄影 郑楚藩); URL not exposed by search index",
    '揭阳日报式的2023年制造业回顾报道（文中“去年”即2023年；摄影 郑楚藩）；搜索索引未显示网址',
  ],
  // observed_counts.csv source_title
  [
    'Independent Innovation (english.jiangmen.gov.cn, pub. 2014-11-04)',
    '英文页面《Independent Innovation》（english.jiangmen.gov.cn，2014-11-04发布）',
  ],
  // observed_counts.csv source_title
  [
    '大湾区专精特新小巨人分布 (m.dasen138.com, pub. 2022-11-02)',
    '大湾区专精特新小巨人分布（m.dasen138.com，2022-11-02发布）',
  ],
  // observed_counts.csv source_title
  [
    '岳阳市激发创新活力 (gztexun.com consultancy repost of 2023 培训班 news; after 5th national batch)',
    '岳阳市激发创新活力（gztexun.com 咨询机构转载的2023年培训班新闻；在国家级第5批名单公布之后）',
  ],
  // observed_counts.csv source_title
  ['岳阳市激发创新活力 (gztexun.com repost, 2023)', '岳阳市激发创新活力（gztexun.com 转载，2023年）'],
  // scenarios/jieyang-2024.strong-programme.yaml · priors.programmeEffect
  [
    'What-if: a programme as strong as a new reward at the low end of MODEL.md ×1.3–2.5.',
    '假设情形：培育计划的作用与新设认定奖励一样强，取 MODEL.md 中 ×1.3–2.5 的低端。',
  ],
  // scenarios/yueyang-2022.double-listing-support.yaml · priors.listingSupportEffect
  [
    'What-if: twice the default response (uniform 0–1) of listing rates to listing support.',
    '假设情形：上市率对上市扶持的响应为默认值（均匀分布0–1）的两倍。',
  ],
];

/** English note → its Chinese rendering. */
export const SHIPPED_NOTES_ZH: ReadonlyMap<string, string> = new Map(ENTRIES);

/**
 * A shipped note in the report language: its Chinese rendering when one is kept, else as written.
 * The rendering of a quote carries its own quotation marks and says it is a translation.
 */
export function shippedNote(text: string, lang: Lang): string {
  return lang === 'zh' ? (SHIPPED_NOTES_ZH.get(text) ?? text) : text;
}
