import type { CalibrationSummary, FitRow } from '../schema/posterior.js';
import {
  calibrationNotes,
  coordinateName,
  coordinateValue,
  fitVerdict,
  regionName,
  shrinkageFloor,
  translator,
  unreadByRegion,
} from './calibrationText.js';
import type { Block, ReportDocument, Section } from './document.js';
import {
  checkChart,
  coordinatesTable,
  diagnosticsRows,
  fanCharts,
  fitTable,
  glossarySection,
  observationMeaning,
  posteriorBrief,
  shrinkageChart,
} from './fitBlocks.js';
import type { Lang } from './lang.js';
import { formatCount } from './numberFormat.js';
import { scenarioHash } from './scenarioHash.js';

/** The command line that repeats a fit (the observed file as named in the summary). */
export function calibrateCommandLine(s: CalibrationSummary): string {
  return [
    'ladder calibrate',
    `--region ${s.region}`,
    `--observed ${s.observedFile}`,
    ...(s.until !== null ? [`--until ${s.until}`] : []),
    ...(s.breakYear !== null ? [`--break ${s.breakYear}`] : []),
    `--particles ${s.diagnostics.particles}`,
    `--seed ${s.seed}`,
  ].join(' ');
}

/** SHA-256 of the figures a fit saw (line, measure, year, kind, qualifier, value of every row). */
export function figuresHash(rows: readonly FitRow[]): string {
  return scenarioHash(
    rows.map((r) => ({
      line: r.line,
      measure: r.measure,
      year: r.year,
      kind: r.kind,
      qualifier: r.qualifier,
      value: r.value,
    })),
  );
}

function summarySection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  const v = fitVerdict(s, lang);
  const name = regionName(s.region, lang);
  const check = checkChart(s, lang);
  const notes = calibrationNotes(s, lang);
  const floor = shrinkageFloor(s.coordinates);
  const informed = s.coordinates.filter((c) => !unreadByRegion(c.name) && c.shrinkage >= floor).length;
  const base = s.coordinates.find((c) => c.name === 'base.hnte');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本报告用${name}已公布的${v.fitted}个企业数量数字（${s.baseYear}—${s.lastYear}年${s.until !== null ? `，截至${s.until}年` : ''}）校准模型：估计模型的不确定参数和${s.baseYear}年底无公开数据的各梯队数量，使模型能够复现这些数字。校准结果（后验分布）可用于情景模拟（ladder run --posterior）和预测（ladder project）。`,
        `This report calibrates the model to ${v.fitted} published counts of firms in ${name} (${s.baseYear}–${s.lastYear}${s.until !== null ? `, up to ${s.until}` : ''}): it estimates the model’s uncertain parameters and the tier counts at the end of ${s.baseYear} that no source gives, so that the model reproduces those figures. The result (the posterior) feeds scenario runs (ladder run --posterior) and projections (ladder project).`,
      ),
    },
    {
      kind: 'heading',
      text: t('模型能否复现已公布数据', 'Does the model reproduce the published figures?'),
      badge: { text: v.word, tone: v.tone },
    },
    { kind: 'paragraph', text: v.sentence },
  ];
  if (base !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: t(
        `数据提供信息的坐标有${informed}个（收缩度≥${floor.toFixed(2)}）。${s.baseYear}年底高企数量估计为${coordinateValue(base, base.p50, lang)}家（90%区间${coordinateValue(base, base.p05, lang)}—${coordinateValue(base, base.p95, lang)}家）。`,
        `The figures inform ${informed} coordinates (shrinkage ≥ ${floor.toFixed(2)}). The 高企 count at the end of ${s.baseYear} comes out at ${coordinateValue(base, base.p50, lang)} (90% interval ${coordinateValue(base, base.p05, lang)}–${coordinateValue(base, base.p95, lang)}).`,
      ),
    });
  }
  if (check !== undefined) blocks.push({ kind: 'charts', charts: [check] });
  if (notes.length > 0) {
    blocks.push({ kind: 'note', text: t('提示：', 'Warnings:') });
    blocks.push({ kind: 'list', items: notes });
  }
  return { id: 'summary', title: t('结论摘要', 'Summary'), blocks };
}

function fitSection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  const fan = s.fan ?? [];
  const heldOut = s.observations.some((r) => r.status === 'held-out');
  return {
    id: 'fit',
    title: t('拟合图', 'The fit by series'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '每幅图为一个指标：蓝色带为模型用后验参数模拟的逐年分布（深色50%区间、浅色90%区间、粗线为中位数），包含参数不确定性和过程随机性；黑点为公布数（菱形为约数，三角为下限“超”），橙点为留作检验、未参与拟合的数字。带中不含报告误差，下表的检验另计报告误差（确数约5%，约数约11%），所以略在带外的数字（尤其是约数）仍可能吻合。',
          'One chart per series: the blue bands are the model’s yearly distribution with parameters from the posterior (dark: 50%, light: 90%, thick line: median), parameter uncertainty and process noise included. Black dots are published figures (diamonds approximate, triangles lower bounds “over”); orange dots are held out, not fitted. The bands leave out reporting noise, which the table’s check adds (about 5% for an exact figure, 11% for an approximate one): a figure just outside a band, above all an approximate one, may still fit.',
        ),
      },
      ...(fan.length > 0
        ? [
            {
              kind: 'charts' as const,
              columns: 2 as const,
              charts: fanCharts(fan, s.observations, lang, {
                prefix: 'fit',
                subtitle: t(
                  `后验预测：${s.diagnostics.particles}个粒子×${s.diagnostics.simsPerParticle}次模拟`,
                  `Posterior predictive: ${s.diagnostics.particles} particles × ${s.diagnostics.simsPerParticle} simulations`,
                ),
                ...(heldOut ? { lastFitted: s.lastYear } : {}),
              }),
            },
          ]
        : [
            {
              kind: 'note' as const,
              text: t(
                '该后验文件由较早的版本写出，不含逐年分布；重新校准即可得到拟合图。',
                'This posterior file was written by an earlier version and holds no yearly fan; calibrate again for the charts.',
              ),
            },
          ]),
      ...(s.observations.some((r) => r.status !== 'not-fitted' && r.year.includes('-'))
        ? [
            {
              kind: 'note' as const,
              text: t(
                '多年累计数没有逐年图，其检验见“结论摘要”中的位置图和下一节的表格。',
                'Totals over several years have no yearly chart: their checks are in the Summary’s chart and the next section’s table.',
              ),
            },
          ]
        : []),
    ],
  };
}

function tableSection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'table',
    title: t('逐项检验', 'Figure by figure'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '“P(模型≤公布数)”为后验预测检验：考虑报告误差后，模型值不超过公布数的概率。接近50%表示公布数落在模型分布中部；低于5%或高于95%（下限只看高于95%）即落在90%区间之外，记为“偏离”。',
          '“P(model ≤ figure)” is the posterior predictive check: the probability, reporting noise included, that the model’s value is at most the published figure. Near 50% the figure sits mid-distribution; below 5% or above 95% (for a lower bound: above 95%) it falls outside the 90% interval and is marked a misfit.',
        ),
      },
      fitTable(s.observations, lang),
    ],
  };
}

function meaningSection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'observations',
    title: t('数据的含义', 'What the figures mean'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          '公开数字的口径各不相同，校准按每个数字的含义与模型比较：',
          'Published figures count different things; the fit compares each with the model by what it means:',
        ),
      },
      { kind: 'list', items: observationMeaning(s.observations, lang) },
    ],
  };
}

function diagnosticsSection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  const d = s.diagnostics;
  const floor = shrinkageFloor(s.coordinates);
  const unread = s.coordinates.filter((c) => unreadByRegion(c.name)).length;
  return {
    id: 'diagnostics',
    title: t('参数与诊断', 'Parameters and diagnostics'),
    blocks: [
      {
        kind: 'paragraph',
        text: t(
          `后验由${d.particles}个粒子组成，有效样本量${Math.round(d.ess)}，其中${d.unique}个互不相同。收缩度（1−后验方差/先验方差）衡量数据对一个坐标的约束：0表示数据未提供信息，1表示完全确定。粒子数有限，重抽样本身也会使收缩度偏大：地区模型不读取的${unread}个坐标（规划措施的响应参数等，任何数据都无法约束）的收缩度最高为${floor.toFixed(2)}，低于此值的收缩度可视为蒙特卡洛误差（门槛至少为0.25）。这些坐标不在下图中：它们的后验只是先验的重抽样。`,
          `The posterior is ${d.particles} particles with an effective sample size of ${Math.round(d.ess)}, ${d.unique} of them distinct. Shrinkage (1 − posterior variance / prior variance) measures how much the figures constrain a coordinate: 0 nothing, 1 pinned down. With a finite number of particles, resampling alone shrinks too: the ${unread} coordinates a region’s model never reads (the plans’ lever responses and the like, which no figure can inform) shrank by up to ${floor.toFixed(2)}, so shrinkage below that (and never less than 0.25) is within Monte Carlo error of none. Those coordinates are left out of the chart: their posterior is their prior, resampled.`,
        ),
      },
      { kind: 'keyValue', rows: diagnosticsRows(s, lang) },
      { kind: 'charts', charts: [shrinkageChart(s, lang)] },
      { kind: 'heading', text: t('数据提供信息的坐标', 'Coordinates the figures inform') },
      coordinatesTable(s, lang),
      {
        kind: 'details',
        summary: t('全部坐标与各回火阶段', 'Every coordinate, and the tempering stages'),
        blocks: [
          coordinatesTable(s, lang, true),
          {
            kind: 'table',
            header: [
              t('阶段', 'Stage'),
              t('温度', 'Temperature'),
              t('ESS占比', 'ESS share'),
              t('接受率', 'Acceptance'),
              t('移动轮数', 'Sweeps'),
              t('移动过的粒子', 'Moved'),
            ],
            rows: d.stages.map((g, i) => [
              String(i + 1),
              String(g.temperature),
              g.ess.toFixed(2),
              g.acceptance.toFixed(2),
              String(g.moves),
              g.moved.toFixed(2),
            ]),
            align: ['r', 'r', 'r', 'r', 'r', 'r'],
          },
        ],
      },
    ],
  };
}

function breakSection(s: CalibrationSummary, lang: Lang): Section | null {
  if (s.breakYear === null) return null;
  const t = translator(lang);
  const c = s.coordinates.find((x) => x.group === 'break');
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: t(
        `本次校准在${s.breakYear}年设置了政策断点（如2016年高企认定办法修订）：从该年起，首次申报的比例可以整体乘以一个待估倍数（先验为0.25—4倍的对数均匀分布），使断点前后不同的增速不必由同一组参数解释。`,
        `This fit has a regime break in ${s.breakYear} (such as the 2016 rule change for 高企 certification): from that year on, first applications may shift by an estimated multiplier (prior log-uniform on 0.25–4), so that growth rates that differ before and after need not share one set of parameters.`,
      ),
    },
  ];
  if (c !== undefined) {
    blocks.push({
      kind: 'paragraph',
      text: t(
        `${coordinateName(c.name, lang)}的后验中位数为${coordinateValue(c, c.p50, lang)}（90%区间${coordinateValue(c, c.p05, lang)}—${coordinateValue(c, c.p95, lang)}）${c.p05 > 1 ? '：数据表明断点后申报明显增加' : c.p95 < 1 ? '：数据表明断点后申报明显减少' : '：区间包含1，数据不足以确认断点前后有差别'}。对比有无断点的两次校准，对数边际似然 ln p(数据) 较高的一次更受数据支持（本次为${s.diagnostics.logEvidence.toFixed(2)}）。`,
        `${coordinateName(c.name, lang)} has a posterior median of ${coordinateValue(c, c.p50, lang)} (90% interval ${coordinateValue(c, c.p05, lang)}–${coordinateValue(c, c.p95, lang)})${c.p05 > 1 ? ': the figures say applications rose after the break' : c.p95 < 1 ? ': the figures say applications fell after the break' : ': the interval holds 1, so the figures do not confirm a change'}. Between fits with and without the break, the one with the higher log evidence ln p(data) is the one the figures support (this fit: ${s.diagnostics.logEvidence.toFixed(2)}).`,
      ),
    });
  }
  return { id: 'break', title: t('政策断点', 'Regime break'), blocks };
}

function methodSection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  const d = s.diagnostics;
  const paragraphs = [
    t(
      `地区没有附带规划，校准为其构建一个单一行业、无措施的模型，从${s.baseYear}年（最早一个数字所需的年份）开始模拟。待估的坐标包括模型的全部参数、基年各梯队数量（高企数量及其他梯队与高企之比）、公布的“新认定”中含重新认定的比例 ρ${s.breakYear !== null ? '，以及断点倍数' : ''}；每个坐标有自己的先验分布。`,
      `A region has no plan attached: the fit builds a one-sector model with no levers, starting in ${s.baseYear} (the year the earliest figure needs). The coordinates estimated are every model parameter, the base-year tier counts (the 高企 count and the other tiers as ratios to it), the share ρ of re-certifications in published “new” counts${s.breakYear !== null ? ', and the break multiplier' : ''}; each has its prior.`,
    ),
    t(
      `模型是随机模拟器，没有解析的似然函数。对每组参数，模型模拟${d.simsPerParticle}次，用这些模拟的均值和协方差加上报告误差构成多元正态的“合成似然”（Wood 2010）；下限按删失观测取 P(Y ≥ 公布数)。`,
      `The model is a stochastic simulator with no closed-form likelihood. For each parameter vector it is run ${d.simsPerParticle} times; the mean and covariance of those runs plus reporting noise give a multivariate normal “synthetic likelihood” (Wood 2010); a lower bound enters as P(Y ≥ figure), a censored observation.`,
    ),
    t(
      `后验用自适应回火序贯蒙特卡洛（SMC）抽样：${d.particles}个粒子从先验出发，似然的指数从0逐步升到1，每步按权重重抽样并以随机游走 Metropolis–Hastings 移动粒子（Del Moral、Doucet 和 Jasra 2006）。本次共${d.stages.length}个阶段、${formatCount(d.simulations, lang)}条模拟轨迹。`,
      `The posterior is sampled by adaptive tempered sequential Monte Carlo (SMC): ${d.particles} particles start from the prior; the likelihood’s exponent rises from 0 to 1 in steps, each followed by resampling and random-walk Metropolis–Hastings moves (Del Moral, Doucet & Jasra 2006). This fit took ${d.stages.length} stages and ${formatCount(d.simulations, lang)} simulated trajectories.`,
    ),
    t(
      `拟合图中的带为后验预测分布：每个最终粒子的参数各模拟${d.simsPerParticle}次（即拟合时的模拟），包含参数不确定性与过程随机性；逐项检验在此之上计入报告误差。详细说明见 docs/calibration.md。`,
      `The charts’ bands are the posterior predictive distribution: every final particle’s parameters run ${d.simsPerParticle} times (the fit’s own simulations), parameter uncertainty and process noise included; the figure-by-figure check adds reporting noise. docs/calibration.md has the details.`,
    ),
  ];
  return {
    id: 'method',
    title: t('方法', 'Method'),
    blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })),
  };
}

function reproducibilitySection(s: CalibrationSummary, lang: Lang): Section {
  const t = translator(lang);
  return {
    id: 'reproducibility',
    title: t('可复现信息', 'Reproducibility'),
    blocks: [
      {
        kind: 'keyValue',
        rows: [
          ...posteriorBrief(s, lang),
          [t('粒子数', 'Particles'), String(s.diagnostics.particles)],
          [t('数据哈希（SHA-256）', 'Figures hash (SHA-256)'), figuresHash(s.observations)],
        ],
      },
      {
        kind: 'paragraph',
        text: t(
          '哈希由该地区全部数据行（行号、指标、年份、类型、限定词、数值）的规范化 JSON 计算；数据、种子与粒子数相同，校准结果逐字节相同，与线程数无关。重新运行：',
          'The hash is taken over the canonical JSON of every row of the region (line, measure, year, kind, qualifier, value); with the same figures, seed and particles the fit is byte-identical, whatever the number of threads. To run it again:',
        ),
      },
      { kind: 'code', text: calibrateCommandLine(s) },
    ],
  };
}

/**
 * The calibration report in one language: does the model reproduce the region's figures (the
 * verdict and every figure's posterior predictive check), the fit by series, the fit table, what
 * the figures mean, the parameters and the sampler's diagnostics, the regime break when used,
 * method and reproducibility (and a glossary in English). Pure.
 */
export function calibrationReportDocument(s: CalibrationSummary, lang: Lang): ReportDocument {
  const t = translator(lang);
  const name = regionName(s.region, lang);
  const sections: Section[] = [
    summarySection(s, lang),
    fitSection(s, lang),
    tableSection(s, lang),
    meaningSection(s, lang),
    diagnosticsSection(s, lang),
    ...[breakSection(s, lang)].filter((x): x is Section => x !== null),
    methodSection(s, lang),
    reproducibilitySection(s, lang),
  ];
  if (lang === 'en') sections.push(glossarySection());
  return {
    lang,
    kicker: t('模型校准报告', 'MODEL CALIBRATION'),
    title: t(`${name}：模型对已公布数据的校准`, `${name}: calibrating the model to the published figures`),
    subtitle: [
      t(
        `拟合年份 ${s.baseYear}—${s.lastYear}${s.until !== null ? `（截至${s.until}年）` : ''}${s.breakYear !== null ? ` · 政策断点 ${s.breakYear}` : ''} · 数据 ${s.observedFile}`,
        `years ${s.baseYear}–${s.lastYear}${s.until !== null ? ` (up to ${s.until})` : ''}${s.breakYear !== null ? ` · regime break ${s.breakYear}` : ''} · data ${s.observedFile}`,
      ),
      t(
        `${s.diagnostics.particles}个粒子 · 种子 ${s.seed} · ladder ${s.version}`,
        `${s.diagnostics.particles} particles · seed ${s.seed} · ladder ${s.version}`,
      ),
    ],
    sections,
  };
}
