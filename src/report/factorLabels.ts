import type { ParamName } from '../schema/params.js';

interface Label {
  readonly zh: string;
  readonly en: string;
}

/** Short names of the model's parameters for reports (docs/model.md has the full meaning). */
const PARAM_LABELS: Readonly<Record<ParamName, Label>> = {
  tsmeEntryRate: { zh: '科技型中小企业新入库率', en: 'new tech-SME registrations (share of register)' },
  tsmeEntryGrowth: { zh: '新入库年增长率', en: 'growth of new registrations' },
  tsmeLeave: { zh: '科技型中小企业退库率', en: 'tech SMEs leaving the register' },
  hnteShareOfTsme: { zh: '入库企业中高企占比', en: 'share of the register already 高企' },
  applyRate: { zh: '入库企业首次申报率', en: 'first applications from the register' },
  directApply: { zh: '库外企业直接申报', en: 'first applications from outside the register' },
  firstPass: { zh: '首次认定通过率', en: 'first-time pass rate' },
  surgeDrop: { zh: '申报激增时通过率降幅', en: 'pass-rate drop in a surge year' },
  recertKeep: { zh: '到期重新认定保有率', en: 'certificates renewed at expiry' },
  lapsedToPool: { zh: '失效高企留库比例', en: 'lapsed 高企 staying on the register' },
  hnteExit: { zh: '高企有效期内退出率', en: '高企 exits while valid' },
  hnteRevoke: { zh: '高企取消资格率', en: '高企 certificates revoked' },
  moveIn: { zh: '高企整体迁入率', en: 'whole-firm moves in of 高企' },
  moveOut: { zh: '高企整体迁出率', en: 'whole-firm moves out of 高企' },
  baseCertGrowth: { zh: '基期前认定数增长率', en: 'growth of certifications before the base year' },
  srdiPromote: { zh: '高企晋升专精特新比例', en: '高企 → 专精特新 promotion' },
  srdiReviewPass: { zh: '专精特新复核通过率', en: '专精特新 review pass rate' },
  srdiExit: { zh: '专精特新退出率', en: '专精特新 exits' },
  giantPromote: { zh: '晋升小巨人比例', en: '专精特新 → 小巨人 promotion' },
  giantReviewPass: { zh: '小巨人复核通过率', en: '小巨人 review pass rate' },
  giantExit: { zh: '小巨人退出率', en: '小巨人 exits' },
  giantList: { zh: '小巨人上市率', en: '小巨人 listing rate' },
  hnteList: { zh: '其他高企上市率', en: 'other 高企 listing rate' },
  delist: { zh: '退市或迁出率', en: 'delisting' },
  sectorEntryTilt: { zh: '重点行业新入库倾斜度', en: 'sector tilt of new registrations' },
  rewardPeak: { zh: '首次认定奖励的申报放大倍数', en: 'first-cert reward: peak multiplier on applications' },
  rewardElasticity: { zh: '奖励金额弹性', en: 'reward response to the amount (elasticity)' },
  rewardFadeYears: { zh: '奖励新鲜感消退年数', en: 'years over which a new reward fades' },
  rewardPersistent: { zh: '奖励效应长期保留比例', en: 'share of the reward response that persists' },
  talentIslandShare: { zh: '人才岛企业比例', en: 'share of firms paid the higher amount' },
  atMostPayShare: { zh: '“最高”金额实际兑现比例', en: 'share paid of an "up to" amount' },
  recertRewardEffect: { zh: '重新认定奖励效应', en: 're-certification reward: renewals it adds' },
  moveInBonusEffect: { zh: '迁入补助效应', en: 'move-in bonus: extra moves in' },
  rdElasticity: { zh: '研发费用对成本的弹性', en: 'R&D user-cost elasticity' },
  rdToApplications: { zh: '研发增长带动申报的弹性', en: 'applications per unit of extra R&D' },
  rdPerFirm: { zh: '企业年加计扣除额', en: 'extra deduction per claiming firm (yuan)' },
  rdClaimShare: { zh: '研发补助申领企业比例', en: 'share of 高企 claiming the R&D subsidy' },
  incubatorOutput: { zh: '每家孵化载体年新增入库企业', en: 'new tech SMEs a year per incubator' },
  programmeEffect: { zh: '培育计划对申报的提升', en: 'cultivation programme: extra applications' },
  supportEffect: { zh: '一般支持措施效应', en: 'general support levers: effect' },
  listingSupportEffect: { zh: '上市扶持效应', en: 'listing support: effect' },
  srdiCultivationEffect: { zh: '专精特新培育效应', en: '专精特新 cultivation: effect' },
  financeEffect: { zh: '科技金融降低退库效应', en: 'tech finance: fewer tech-SME exits' },
  blacklistEffect: { zh: '中介黑名单对申报的抑制', en: 'agent black-list: fewer applications' },
  iuCentreTakeUp: {
    zh: '产学研中心由无中心高企承建比例',
    en: 'industry–university centres set up by new 高企',
  },
};

const TIERS: Readonly<Record<string, Label>> = {
  tsme: { zh: '科技型中小企业', en: 'tech SMEs' },
  hnte: { zh: '高企', en: '高企' },
  srdi: { zh: '专精特新', en: '专精特新' },
  giant: { zh: '小巨人', en: '小巨人' },
  listed: { zh: '上市企业', en: 'listed firms' },
  'hnte:agri': { zh: '涉农高企', en: 'agri 高企' },
  'hnte:manufacturing': { zh: '制造业高企', en: 'manufacturing 高企' },
  'hnte:aboveScale': { zh: '规上工业高企', en: 'above-scale industrial 高企' },
  'hnte:rd50m': { zh: '研发投入超5000万高企', en: '高企 with R&D ≥ 50M yuan' },
  'hnte:revenue500m': { zh: '营收超5亿高企', en: '高企 with revenue ≥ 500M yuan' },
  'hnte:iuCentre': { zh: '建有产学研中心的高企', en: '高企 with an industry–university centre' },
};

/** A report label for a factor name (`firstPass`, `base:tsme`, `mark:aboveScale:shareOfNew`). */
export function factorLabel(name: string): Label {
  const p = PARAM_LABELS[name as ParamName] as Label | undefined;
  if (p !== undefined) return p;
  if (name.startsWith('base:')) {
    const key = name.slice('base:'.length);
    const t = TIERS[key] ?? { zh: key, en: key };
    return { zh: `基期${t.zh}数量`, en: `base-year count of ${t.en}` };
  }
  const [, mark = '', field = ''] = name.split(':');
  const t = TIERS[`hnte:${mark}`] ?? { zh: mark, en: mark };
  return field === 'shareOfNew'
    ? { zh: `新认定高企中${t.zh}占比`, en: `share of new 高企 that are ${t.en}` }
    : { zh: `高企转为${t.zh}的年比例`, en: `yearly rate at which 高企 become ${t.en}` };
}
