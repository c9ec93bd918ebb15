import type { Prior } from '../schema/prior.js';
import type { ParamName } from '../schema/params.js';
import { DEFAULT_PRIORS } from './priors.js';

/**
 * The evidence note of every default prior (DEFAULT_PRIORS' `source`) in Chinese, for the
 * reports' assumptions. Each says what its English note says — the same figures, citations and
 * document names, nothing added — in the plans' own terms (高企, 科技型中小企业, 专精特新, 小巨人,
 * 认定, 重新认定, 复核). Kept apart from DEFAULT_PRIORS so that the resolved scenario, its hash and
 * every JSON output stay as they are; test/priorSourcesZh.test.ts holds the two together.
 */
export const DEFAULT_PRIOR_SOURCES_ZH: Readonly<Record<ParamName, string>> = {
  tsmeEntryRate:
    '每年新入库的科技型中小企业数占基年入库企业数的比例。无直接来源；取值使入库企业数在给定的退出率和认定率下既不萎缩殆尽，也不爆炸式增长。',
  tsmeEntryGrowth: '新入库企业数的年增长率（2017–2023年全国入库企业数增长较快）。推断。',
  tsmeLeave:
    '已入库的非高企科技型中小企业一年内退出入库名单的比例：企业退出4–8%（MODEL.md 中“科技型中小企业退出”一行），加上未重新入库的部分（入库资格有效至当年年底，须每年入库）。',
  hnteShareOfTsme:
    '已入库科技型中小企业中已是高企的比例：安徽4,303家中有2,051家（2018年）；河南633家中有290家（2020年）。',
  applyRate:
    '已入库的非高企科技型中小企业每年首次申报高企认定的比例：MODEL.md 中首次成为高企的年转化率0.08–0.25（中值0.15）除以首次认定通过率（0.70）。',
  directApply:
    '未入库科技型中小企业的企业每年首次申报高企认定的数量（入库制度始于2017年，且并非每个申报企业都入库），按本地高企存量的比例计。推断；据此首次认定数约为存量的0.1–0.25，介于成熟期水平（约占全部认定的0.33，上海2023年）与快速增长年份（湖南2016年：在2,212家存量上新认定870家）之间。',
  firstPass:
    '首次申报高企认定的通过率：深圳 > 80%（2016–17年）→ 约50%（2018年）→ 32%（2019年第一批）；广西89–96%；全国抽查85–99.9%。',
  surgeDrop: '申报数比上年增加50%以上时通过率的下降幅度（百分点）：深圳2016–19年。',
  recertKeep: '高企证书期满时保留资格的比例（重新申报并通过重新认定）：无直接来源；参照小巨人复核通过率。',
  lapsedToPool: '高企证书失效的企业中仍留在科技型中小企业入库名单上的比例。推断。',
  hnteExit:
    '高企在证书有效期内退出（关闭、兼并）的比例：创新型企业的退出风险比一般中小企业低约12%（MODEL.md 中“科技型中小企业退出 / 高企退出”一行）。',
  hnteRevoke:
    '高企在有效期内被取消资格的比例：依据国科发火〔2016〕32号第19条；广东在数万家的存量中取消了21家的资格。',
  moveIn:
    '有效期内高企整体迁入的数量，按每年占本地存量的比例计：0.2–1%（已有20万–100万元的迁入奖励；没有迁入率数据）。',
  moveOut: '有效期内高企整体迁出的比例：与迁入取相同范围（MODEL.md）。',
  baseCertGrowth:
    '基年以前每年认定数的增长率；据此把基年高企存量按证书年限拆分（认定数增长时，较新的批次更大）。',
  srdiPromote:
    '高企晋升为省级专精特新的比例：全国每年新认定省级专精特新2.5万–4万家，而全国高企存量是其数倍。',
  srdiReviewPass:
    '省级专精特新通过3年期复核的比例：湛江2023年17家中13家通过（76.4%，observed_counts.csv）；以小巨人复核通过率57–87%作为范围。',
  srdiExit: '省级专精特新企业在两次复核之间关闭或迁离的比例；与高企退出取同一范围，取其低端。',
  giantPromote: '省级专精特新晋升为国家级小巨人的比例：全国每年一批，每批3000–4400家，候选企业7万–14万家。',
  giantReviewPass: '小巨人3年期复核通过率：第1–3批约为57%、62%、83%；此后各批复核约83–87%。',
  giantExit: '小巨人企业在两次复核之间关闭或迁离的比例。推断（规模较大、经营稳定的企业）。',
  giantList: '小巨人每年上市（IPO）的比例：1.46万家中64家（2024年）；1.2万家中约150家（2023年）。',
  hnteList: '其他高企每年上市的比例：A股IPO数量与高企存量之比（0.02–0.1%）。',
  delist: '上市企业每年退市或迁离的比例。推断（少见）。',
  sectorEntryTilt:
    '规划点名的行业（涉农、制造业）在新入库科技型中小企业中的相对权重，相对于其在基年高企存量中的占比（1 = 占比相同）。推断。',
  rewardPeak:
    '新设10万–30万元的认定奖励后，头两年首次申报数的倍数（按参考奖励20万元计）：广州新认定数 +150%（2016年）；广西申报数 +63%（2017年）；两者都与2016年认定办法的修订混杂在一起。',
  rewardElasticity:
    '奖励作用随金额变化的方式：效应 ∝（奖励 / 20万元）^ε，边际效应递减（MODEL.md 奖励弹性0.1–0.5；未找到因果估计）。',
  rewardFadeYears: '新设奖励在头两年之后新鲜感逐渐消退所经历的年数（MODEL.md：在2–3年内消退）。',
  rewardPersistent: '新鲜感消退之后，奖励峰值作用中持续保留的比例。推断。',
  talentIslandShare: '获奖企业中再获得第二档、更高金额的比例（江门人才岛）。推断。',
  atMostPayShare: '平均实际支付额占“最高”金额的比例。推断。',
  recertRewardEffect:
    '本会任由证书失效的高企中，因10万元的重新认定奖励而重新申报的比例（按首次认定奖励的方式随金额缩放）。无实证依据。',
  moveInBonusEffect:
    '30万元整体迁入奖励下整体迁入数的相对增幅（按认定奖励的方式随金额缩放）。已有20万–100万元的迁入奖励；没有迁入率数据。',
  rdElasticity:
    '研发投入对研发费用加计扣除的响应（使用者成本弹性）：Chen, Liu, Suárez Serrato & Xu, AER 2021；Qian, Zhan & Pan 2022。',
  rdToApplications:
    '研发投入每相对增加一单位，首次申报数的相对增幅（更多企业达到研发投入强度的认定条件；申报的研发费用中有24–45%是重新归类的费用，AER 2021）。推断。',
  rdPerFirm: '这些城市中享受加计扣除的企业每年的加计扣除额（元）。推断。',
  rdClaimShare: '符合本地研发补助条件并申领补助的高企所占比例。推断。',
  incubatorOutput:
    '规划提出的每个孵化器或众创空间每年额外带来的入库科技型中小企业数：在孵企业20–60家 × 毕业率10–20%（2012年毕业企业约5万家，在孵企业7万家），其中只有少数企业没有孵化本不会入库。',
  programmeEffect: '实施培育计划（培育库、倍增计划）时首次申报数的相对增幅。无实证依据。',
  supportEffect:
    '一般性支持措施（平台、人才、技改、知识产权支持、研发投入、园区评价、在本地落实的国家税收政策、投资基金）所作用比率的相对增幅。无实证依据。',
  listingSupportEffect: '实施上市扶持计划（上市后备库、种子库）时上市率的相对增幅。无实证依据。',
  srdiCultivationEffect: '实施培育计划时晋升为专精特新的比率的相对增幅。无实证依据。',
  financeEffect: '科技金融支持（风险准备金、贷款贴息）下科技型中小企业退出率的相对降幅。无实证依据。',
  blacklistEffect: '把违规申报中介列入黑名单后首次申报数的相对降幅。无实证依据。',
  iuCentreTakeUp: '规划新建的产学研合作中心中，由尚无此类中心的高企建立的比例。推断。',
};

/**
 * A prior's evidence note in a report language: in Chinese, the shipped translation when the
 * prior carries the default's own note; a note a scenario wrote stays as written.
 */
export function priorSourceText(name: ParamName, prior: Prior, lang: 'zh' | 'en'): string {
  if (lang === 'zh' && prior.source === DEFAULT_PRIORS[name].source) return DEFAULT_PRIOR_SOURCES_ZH[name];
  return prior.source;
}
