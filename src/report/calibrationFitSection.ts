import type { CalibrationSummary } from '../schema/posterior.js';
import type { Plan } from '../schema/plan.js';
import { fitVerdict, regionName, translator } from './calibrationText.js';
import type { Block, Section } from './document.js';
import { checkChart, coordinatesTable, diagnosticsRows, fanCharts, posteriorBrief } from './fitBlocks.js';
import type { Lang } from './lang.js';

/**
 * The run report's section on a posterior: where the run's parameters came from, whether the
 * fit reproduces the region's published figures (verdict, the figures over the fitted fan, the
 * check of every figure) and the fit's diagnostics in brief. Pure.
 */
export function calibrationFitSection(posterior: CalibrationSummary, plan: Plan, lang: Lang): Section {
  const t = translator(lang);
  const s = posterior;
  const v = fitVerdict(s, lang);
  const name = regionName(s.region, lang);
  const samples = s.diagnostics.particles;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本次模拟的参数不取自先验，而取自用${name}已公布数据校准得到的后验分布：${samples}个后验样本，拟合了${s.baseYear}—${s.lastYear}年${s.until !== null ? `（截至${s.until}年）` : ''}的${v.fitted}个公布数${s.breakYear !== null ? `，并在${s.breakYear}年设置了政策断点` : ''}。每条轨迹按权重抽取一个样本。规划的基年数量仍取自规划本身；地区数据无法约束的措施响应参数，其后验只是先验的重抽样。“主要假设”一节列出的是规划的先验，即校准的出发点。`,
        `This run draws its parameters not from the priors but from the posterior of a calibration to ${name}’s published figures: ${samples} posterior samples, fitted to ${v.fitted} figures of ${s.baseYear}–${s.lastYear}${s.until !== null ? ` (up to ${s.until})` : ''}${s.breakYear !== null ? `, with a regime break in ${s.breakYear}` : ''}. Each trajectory draws one sample by weight. The plan’s base counts still come from the plan; lever responses, which a region’s figures cannot inform, are their priors resampled. The Assumptions section lists the plan’s priors, where the calibration started from.`,
      ),
    },
  ];
  if (s.region !== plan.region.id) {
    blocks.push({
      kind: 'note',
      text: t(
        `注意：后验拟合的是${name}（${s.region}），而本规划的地区是${plan.region.name.zh}（${plan.region.id}）。`,
        `Note: the posterior was fitted to ${name} (${s.region}); the plan’s region is ${plan.region.name.en} (${plan.region.id}).`,
      ),
    });
  }
  blocks.push(
    {
      kind: 'heading',
      text: t('模型能否复现已公布数据', 'Does the model reproduce the published figures?'),
      badge: { text: v.word, tone: v.tone },
    },
    { kind: 'paragraph', text: v.sentence },
  );
  const fan = s.fan ?? [];
  if (fan.length > 0) {
    blocks.push({
      kind: 'charts',
      columns: 2,
      charts: fanCharts(fan, s.observations, lang, {
        prefix: 'posterior-fit',
        subtitle: t(
          `校准的后验预测（${samples}个粒子）与公布数`,
          `The calibration’s posterior predictive (${samples} particles) and the published figures`,
        ),
        ...(s.observations.some((r) => r.status === 'held-out') ? { lastFitted: s.lastYear } : {}),
      }),
    });
  } else {
    const check = checkChart(s, lang, 'posterior-check');
    if (check !== undefined) blocks.push({ kind: 'charts', charts: [check] });
    blocks.push({
      kind: 'note',
      text: t(
        '该后验文件由较早的版本写出，不含逐年的拟合分布；用 ladder calibrate 重新校准即可得到拟合图。',
        'This posterior file was written by an earlier version and holds no yearly fan; calibrate again (ladder calibrate) for the fit charts.',
      ),
    });
  }
  blocks.push(
    { kind: 'heading', text: t('校准诊断（摘要）', 'The calibration’s diagnostics, in brief') },
    { kind: 'keyValue', rows: [...posteriorBrief(s, lang), ...diagnosticsRows(s, lang)] },
    {
      kind: 'details',
      summary: t('数据提供信息的参数：先验与后验', 'Coordinates the figures inform: prior and posterior'),
      blocks: [coordinatesTable(s, lang)],
    },
  );
  return { id: 'calibration', title: t('参数来源与校准拟合', 'Where the parameters come from'), blocks };
}
