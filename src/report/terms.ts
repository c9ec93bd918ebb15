import type { ParamName } from '../schema/params.js';
import type { Plan } from '../schema/plan.js';
import type { Lang, Localized } from './lang.js';

/** Names of the tiers, strata and flows, in the plans' own Chinese terms. */
const MEASURE_NAMES: Readonly<Record<string, Localized>> = {
  tsme: { zh: '科技型中小企业', en: 'Tech SMEs (科技型中小企业)' },
  hnte: { zh: '高企', en: 'High-tech enterprises (高企)' },
  srdi: { zh: '省级专精特新中小企业', en: 'Provincial 专精特新 SMEs' },
  giant: { zh: '国家级专精特新“小巨人”', en: 'National 小巨人 (“little giants”)' },
  listed: { zh: '上市企业', en: 'Listed firms' },
  'hnte:agri': { zh: '涉农高企', en: 'Agriculture-related 高企' },
  'hnte:manufacturing': { zh: '制造业高企', en: 'Manufacturing 高企' },
  'hnte:other': { zh: '其他行业高企', en: '高企 in other sectors' },
  'hnte:all': { zh: '高企', en: 'High-tech enterprises (高企)' },
  'hnte:aboveScale': { zh: '规模以上工业高企', en: 'Above-scale industrial 高企' },
  'hnte:rd50m': { zh: '年研发投入5000万元以上高企', en: '高企 with R&D ≥ 50M yuan' },
  'hnte:revenue500m': { zh: '营收5亿元以上高企', en: '高企 with revenue ≥ 500M yuan' },
  'hnte:iuCentre': { zh: '设立产学研协同创新中心的高企', en: '高企 with an industry–university centre' },
  tsme_new: { zh: '新入库科技型中小企业', en: 'New tech-SME registrations' },
  hnte_new: { zh: '首次认定高企', en: 'First 高企 certifications' },
  hnte_recert: { zh: '重新认定高企', en: '高企 re-certifications' },
  hnte_movein: { zh: '整体迁入高企', en: '高企 moving in' },
  srdi_new: { zh: '新认定专精特新中小企业', en: 'New provincial 专精特新 titles' },
  giant_new: { zh: '新认定“小巨人”', en: 'New national 小巨人' },
  listed_new: { zh: '新上市企业', en: 'New listings' },
};

/** A measure's name for the reader; a mark the plan defines goes by the plan's own label. */
export function measureName(measure: string, lang: Lang, plan?: Plan): string {
  const mark = measure.startsWith('hnte:') ? measure.slice(5) : undefined;
  const label = mark !== undefined ? plan?.marks[mark as keyof Plan['marks']]?.label : undefined;
  return label?.[lang] ?? MEASURE_NAMES[measure]?.[lang] ?? measure;
}

/** Units after a count: 家 (firms) in Chinese, nothing in English. */
export function firmsUnit(lang: Lang): string {
  return lang === 'zh' ? '家' : '';
}

/** Short names of the model's parameters. */
const PARAM_LABELS: Readonly<Record<ParamName, Localized>> = {
  tsmeEntryRate: { zh: '科技型中小企业新入库率', en: 'New tech-SME registrations (share of base register)' },
  tsmeEntryGrowth: { zh: '新入库年增长率', en: 'Yearly growth of new registrations' },
  tsmeLeave: { zh: '科技型中小企业退出率', en: 'Tech SMEs leaving the register' },
  hnteShareOfTsme: { zh: '入库企业中高企占比', en: 'Share of registered tech SMEs already 高企' },
  applyRate: { zh: '首次申报高企比例', en: 'First 高企 applications (share of non-高企 tech SMEs)' },
  directApply: { zh: '未入库企业直接申报', en: 'Applications from firms not on the register' },
  firstPass: { zh: '首次申报通过率', en: 'First application passes' },
  surgeDrop: { zh: '申报激增时通过率降幅', en: 'Pass-rate drop in a surge year' },
  recertKeep: { zh: '到期重新认定保持率', en: '高企 kept at certificate expiry' },
  lapsedToPool: { zh: '到期未续企业留在入库名单比例', en: 'Lapsed 高企 staying on the tech-SME register' },
  hnteExit: { zh: '高企退出率（有效期内）', en: '高企 exit while certified' },
  hnteRevoke: { zh: '高企撤销率', en: '高企 certificate revoked' },
  moveIn: { zh: '高企整体迁入率', en: 'Whole-firm moves in of 高企' },
  moveOut: { zh: '高企整体迁出率', en: 'Whole-firm moves out of 高企' },
  baseCertGrowth: { zh: '基年前认定数增长率', en: 'Growth of certifications before the base year' },
  srdiPromote: { zh: '高企晋升专精特新比例', en: '高企 → provincial 专精特新' },
  srdiReviewPass: { zh: '专精特新复核通过率', en: 'Provincial 专精特新 passes its 3-year review' },
  srdiExit: { zh: '专精特新企业退出率', en: 'Provincial 专精特新 firm exit' },
  giantPromote: { zh: '专精特新晋升“小巨人”比例', en: 'Provincial 专精特新 → national 小巨人' },
  giantReviewPass: { zh: '“小巨人”复核通过率', en: '小巨人 passes its 3-year review' },
  giantExit: { zh: '“小巨人”企业退出率', en: '小巨人 firm exit' },
  giantList: { zh: '“小巨人”上市率', en: '小巨人 lists (IPO)' },
  hnteList: { zh: '其他高企上市率', en: 'Other 高企 list' },
  delist: { zh: '退市或迁出率', en: 'Listed firm delisted or moved away' },
  sectorEntryTilt: { zh: '重点行业新入库倾斜系数', en: 'Weight of a named sector among new tech SMEs' },
  rewardPeak: {
    zh: '新设首次认定奖励的申报增幅峰值',
    en: 'Peak rise of first applications under a new reward',
  },
  rewardElasticity: { zh: '奖励效应对金额的弹性', en: 'How the reward response scales with the amount' },
  rewardFadeYears: { zh: '奖励新鲜感消退年数', en: 'Years over which a new reward’s pull fades' },
  rewardPersistent: { zh: '奖励效应的持久部分', en: 'Share of the reward response that persists' },
  talentIslandShare: { zh: '获较高档奖励的企业比例', en: 'Share of rewarded firms paid the higher amount' },
  atMostPayShare: { zh: '“最高”金额的平均兑现比例', en: 'Average payment of an “up to” amount' },
  recertRewardEffect: { zh: '重新认定奖励的作用强度', en: 'Effect of a re-certification reward' },
  moveInBonusEffect: { zh: '整体迁入补助的作用强度', en: 'Effect of a move-in bonus' },
  rdElasticity: { zh: '研发投入对加计扣除的弹性', en: 'R&D response to the extra deduction' },
  rdToApplications: { zh: '研发增长带动的申报增幅', en: 'Applications per relative rise of R&D' },
  rdPerFirm: { zh: '每家企业年加计扣除额（元）', en: 'Yearly extra deduction per claiming firm (yuan)' },
  rdClaimShare: { zh: '申领研发补助的高企比例', en: 'Share of 高企 claiming an R&D subsidy' },
  incubatorOutput: { zh: '每个孵化载体每年新增入库企业', en: 'New tech SMEs a year per incubator' },
  programmeEffect: { zh: '培育计划带来的申报增幅', en: 'Effect of a cultivation programme on applications' },
  supportEffect: { zh: '一般性支持措施的作用强度', en: 'Effect of a general support lever' },
  listingSupportEffect: { zh: '上市扶持带来的上市率增幅', en: 'Effect of listing support on listing rates' },
  srdiCultivationEffect: {
    zh: '专精特新培育带来的晋升增幅',
    en: 'Effect of cultivation on promotion to 专精特新',
  },
  financeEffect: { zh: '科技金融带来的退出率降幅', en: 'Fall of tech-SME exits under tech finance' },
  blacklistEffect: {
    zh: '中介黑名单带来的申报降幅',
    en: 'Fall of applications when agents are black-listed',
  },
  iuCentreTakeUp: {
    zh: '新建产学研中心由高企设立的比例',
    en: 'Share of new centres set up by a 高企 without one',
  },
};

export function paramName(name: ParamName, lang: Lang): string {
  return PARAM_LABELS[name][lang];
}

/** The English report's glossary: the plans' Chinese terms and what they mean. */
export const GLOSSARY: readonly { readonly term: string; readonly en: string }[] = [
  {
    term: '科技型中小企业',
    en: 'Tech-based SME: a small or medium firm on the national register of technology SMEs; the status lasts to the end of the year and firms re-register (入库) every year. Code name tsme.',
  },
  {
    term: '高新技术企业 (高企)',
    en: 'Certified high-tech enterprise: a firm holding a valid 3-year certificate under 国科发火〔2016〕32号 (R&D intensity, tech staff, core IP, high-tech revenue). At expiry it must be re-certified (重新认定) or it leaves the count. Code name hnte.',
  },
  {
    term: '专精特新',
    en: '“Specialised, refined, distinctive, innovative” SME: a provincial title, valid 3 years, then reviewed. Code name srdi.',
  },
  {
    term: '小巨人',
    en: 'National 专精特新 “little giant”: a national title awarded in yearly batches by MIIT, valid 3 years, then reviewed. Code name giant.',
  },
  {
    term: '上市',
    en: 'Listed: the firm’s shares trade on a stock exchange (IPO) or, where a plan says so, on a quoted board (挂牌). Code name listed.',
  },
  { term: '入库', en: 'Entering the tech-SME register (see 科技型中小企业).' },
  { term: '认定 / 重新认定', en: 'First certification / re-certification at expiry of a 高企 certificate.' },
  {
    term: '规模以上工业企业 (规上)',
    en: 'Above-scale industrial enterprise: yearly main-business revenue of 20M yuan or more.',
  },
  {
    term: '万 / 亿',
    en: 'Ten thousand (10⁴) / one hundred million (10⁸): the units of large numbers in the Chinese report.',
  },
];
