import type { SensitivityReport } from '../schema/sensitivity.js';
import { rowLabelConfig } from './charts/labelPadding.js';
import { factorLabel } from './factorLabels.js';
import type { Lang } from './lang.js';

/** A Vega-Lite specification (plain JSON). */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

/** Inputs shown per chart. */
const SHOWN = 15;
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const GROUP_DOMAIN = ['lever-response', 'rate', 'base-count'];
const GROUP_RANGE = ['#e6842a', '#4c78a8', '#9d9d9d'];
const GROUP_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { 'lever-response': '可控措施的效果', rate: '未知速率', 'base-count': '基期数量' },
  en: { 'lever-response': 'lever response', rate: 'rate', 'base-count': 'base count' },
};

/** The input-group colour of the charts; with a language, its legend in that language alone. */
function groupColor(lang?: Lang): Record<string, unknown> {
  const names = lang === undefined ? undefined : GROUP_NAMES[lang];
  return {
    field: 'group',
    type: 'nominal',
    title: lang === undefined ? 'input' : lang === 'zh' ? '输入' : 'input',
    scale: { domain: GROUP_DOMAIN, range: GROUP_RANGE },
    legend: {
      orient: 'bottom',
      labelLimit: 260,
      // vega spaces legend entries by its estimate of their text, short of CJK text's width
      ...(lang === 'zh' ? { columnPadding: 36 } : {}),
      labelExpr:
        names === undefined
          ? "{'lever-response': 'lever response (可控措施的效果)', rate: 'rate (未知速率)', 'base-count': 'base count (基期数量)'}[datum.label]"
          : `${JSON.stringify(names)}[datum.label]`,
    },
  };
}
const color = groupColor();

/**
 * A factor on a chart: its Chinese name and code name (the files beside summary.md); with a
 * language, the name in that language alone (the HTML report, whose tables give the code).
 */
function labelIn(f: string, lang?: Lang): string {
  return lang === undefined ? `${factorLabel(f).zh} · ${f}` : factorLabel(f)[lang];
}

/** The chart text: the files' (mixed English and Chinese) without a language, else the language's. */
function say(lang: Lang | undefined, files: string, zh: string, en: string): string {
  return lang === undefined ? files : lang === 'zh' ? zh : en;
}

/**
 * The house chart style, for the HTML report's charts (the files beside summary.md keep vega's),
 * with room on the left for long Chinese labels (see labelOverflow).
 */
function styled(
  spec: Record<string, unknown>,
  lang: Lang | undefined,
  labels: readonly string[],
): VegaLiteSpec {
  if (lang === undefined) return spec;
  return { ...spec, config: rowLabelConfig(lang, labels) };
}

/**
 * Tornado: P(goal) and the margin with each input at its 10th and 90th percentile, inputs in the
 * report's order (largest effect on the margin first). `lang`: the HTML report's chart.
 */
export function tornadoChart(r: SensitivityReport, lang?: Lang): VegaLiteSpec {
  const rows = r.tornado.slice(0, SHOWN).map((t) => ({
    input: labelIn(t.factor, lang),
    group: t.group,
    pLow: t.pLow,
    pHigh: t.pHigh,
    mLow: t.marginLow,
    mHigh: t.marginHigh,
  }));
  const y = {
    field: 'input',
    type: 'nominal',
    sort: rows.map((x) => x.input),
    title: null,
    axis: { labelLimit: lang === undefined ? 320 : 480 },
  };
  const c = lang === undefined ? color : groupColor(lang);
  const panel = (
    lo: string,
    hi: string,
    title: string,
    base: number,
    labels: boolean,
  ): Record<string, unknown> => ({
    width: 260,
    height: { step: 18 },
    layer: [
      {
        mark: { type: 'bar', height: 12 },
        encoding: {
          y: labels ? y : { ...y, axis: null },
          x: { field: lo, type: 'quantitative', title },
          x2: { field: hi },
          color: c,
        },
      },
      {
        mark: { type: 'point', shape: 'triangle-right', filled: true, color: '#333' },
        encoding: { y: labels ? y : { ...y, axis: null }, x: { field: hi, type: 'quantitative' } },
      },
      {
        data: { values: [{ base }] },
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: { x: { field: 'base', type: 'quantitative' } },
      },
    ],
  });
  return styled(
    {
      $schema: SCHEMA,
      title: {
        text: say(
          lang,
          `${r.goal.label} — one-way effects (p10 → p90, ▶ = p90)`,
          '单因素影响：各输入从先验第10百分位移到第90百分位（▶为第90百分位）',
          'One-way effects: each input from its prior’s 10th to its 90th percentile (▶ = 90th)',
        ),
        subtitle: say(
          lang,
          `${r.settings.tornadoRuns} paired trajectories per arm; dashed: the plan as written`,
          `每端${r.settings.tornadoRuns}条配对轨迹；虚线为按规划原文的结果`,
          `${r.settings.tornadoRuns} paired trajectories per end; dashed: the plan as written`,
        ),
      },
      data: { values: rows },
      hconcat: [
        panel('pLow', 'pHigh', say(lang, 'P(goal)', '达成概率', 'P(goal met)'), r.probability.value, true),
        panel(
          'mLow',
          'mHigh',
          say(
            lang,
            'margin (count − requirement)',
            '余量（数量 − 目标要求）',
            'margin (count − requirement)',
          ),
          r.margin.mean,
          false,
        ),
      ],
      resolve: { scale: { y: 'shared' } },
    },
    lang,
    rows.map((x) => x.input),
  );
}

/** Sobol' first- and total-order indices with their bootstrap intervals. */
export function sobolChart(r: SensitivityReport, lang?: Lang): VegaLiteSpec | undefined {
  const s = r.sobol;
  if (s === null) return undefined;
  const first = say(lang, 'S1 first order', '一阶指数 S1', 'first order S1');
  const total = say(lang, 'ST total', '总效应指数 ST', 'total ST');
  const rows = s.indices.slice(0, SHOWN).flatMap((x) => [
    { input: labelIn(x.factor, lang), index: first, value: x.s1, lo: x.s1Lo, hi: x.s1Hi },
    { input: labelIn(x.factor, lang), index: total, value: x.st, lo: x.stLo, hi: x.stHi },
  ]);
  const y = {
    field: 'input',
    type: 'nominal',
    sort: [...new Set(rows.map((x) => x.input))],
    title: null,
    axis: { labelLimit: lang === undefined ? 320 : 480 },
  };
  return styled(
    {
      $schema: SCHEMA,
      title: {
        text: say(
          lang,
          `${r.goal.label} — Sobol' indices of the margin`,
          '方差分解：各输入对余量方差的贡献（Sobol指数）',
          'Variance decomposition: each input’s share of the margin’s variance (Sobol’ indices)',
        ),
        subtitle: say(
          lang,
          `${s.rows} rows × ${s.replicates} trajectories; ${s.level * 100}% bootstrap intervals; process noise ${(100 * s.noiseShare).toFixed(1)}% of the variance`,
          `${s.rows}行×${s.replicates}条轨迹；线段为${s.level * 100}%自助法区间；过程随机性占方差的${(100 * s.noiseShare).toFixed(1)}%`,
          `${s.rows} rows × ${s.replicates} trajectories; lines: ${s.level * 100}% bootstrap intervals; process noise ${(100 * s.noiseShare).toFixed(1)}% of the variance`,
        ),
      },
      data: { values: rows },
      width: lang === undefined ? 360 : 520,
      height: { step: lang === undefined ? 22 : 12 },
      encoding: {
        y,
        yOffset: { field: 'index' },
        color: {
          field: 'index',
          type: 'nominal',
          title: null,
          legend: { orient: 'bottom', ...(lang === 'zh' ? { columnPadding: 36 } : {}) },
        },
      },
      layer: [
        {
          mark: { type: 'bar', height: 8 },
          encoding: {
            x: {
              field: 'value',
              type: 'quantitative',
              title: say(lang, 'share of the variance', '占方差的比例', 'share of the variance'),
              scale: { domain: [0, 1] },
            },
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
      ],
    },
    lang,
    rows.map((x) => x.input),
  );
}

/** Value of information: rms change of P(goal) once each input is known, with its noise floor. */
export function voiChart(r: SensitivityReport, lang?: Lang): VegaLiteSpec {
  const rows = r.valueOfInformation.slice(0, SHOWN).map((v) => ({
    input: labelIn(v.factor, lang),
    group: v.group,
    value: v.rmsChange,
    lo: v.rmsLo,
    hi: v.rmsHi,
    floor: v.noiseFloor,
  }));
  const y = {
    field: 'input',
    type: 'nominal',
    sort: rows.map((x) => x.input),
    title: null,
    axis: { labelLimit: lang === undefined ? 320 : 480 },
  };
  return styled(
    {
      $schema: SCHEMA,
      title: {
        text: say(
          lang,
          `${r.goal.label} — which number is worth measuring`,
          '信息价值：先弄清哪个数字最值得',
          'Value of information: which number is worth measuring',
        ),
        subtitle: say(
          lang,
          'how much P(goal) would move (root-mean-square) once the input is known; | = noise floor; line = 90% bootstrap interval',
          '若确知该输入，达成概率平均会变动多少（均方根）；红色短线为噪声下限，黑线为90%自助法区间',
          'how much P(goal met) would move (root-mean-square) once the input is known; red tick: noise floor; line: 90% bootstrap interval',
        ),
      },
      data: { values: rows },
      width: lang === undefined ? 360 : 520,
      height: { step: 18 },
      encoding: { y },
      layer: [
        {
          mark: { type: 'bar', height: 12 },
          encoding: {
            x: {
              field: 'value',
              type: 'quantitative',
              title: say(lang, 'rms change of P(goal)', '达成概率的均方根变动', 'rms change of P(goal met)'),
            },
            color: lang === undefined ? color : groupColor(lang),
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        {
          mark: { type: 'tick', color: '#c00', thickness: 2 },
          encoding: { x: { field: 'floor', type: 'quantitative' } },
        },
      ],
    },
    lang,
    rows.map((x) => x.input),
  );
}

/** P(goal | input) across each of the top inputs' priors (the curves behind the value of information). */
export function voiCurvesChart(r: SensitivityReport, lang?: Lang): VegaLiteSpec {
  const top = r.valueOfInformation.filter((v) => v.rmsChange > v.noiseFloor).slice(0, 6);
  const rows = top.flatMap((v) =>
    v.curve.map((c, k) => ({
      input: labelIn(v.factor, lang),
      percentile: (100 * (k + 0.5)) / v.curve.length,
      p: c.p,
      lo: c.lo,
      hi: c.hi,
    })),
  );
  return styled(
    {
      $schema: SCHEMA,
      title: {
        text: say(
          lang,
          `${r.goal.label} — P(goal) if the input were known`,
          '若确知某个输入，达成概率会是多少',
          'P(goal met) if the input were known',
        ),
        subtitle: say(
          lang,
          `by twentieths of each input's prior; dashed: P(goal) now (${r.probability.value.toFixed(3)})`,
          `按各输入先验分布的二十等分；虚线为目前的达成概率（${r.probability.value.toFixed(3)}）`,
          `by twentieths of each input’s prior; dashed: P(goal met) now (${r.probability.value.toFixed(3)})`,
        ),
      },
      data: { values: rows },
      facet: {
        field: 'input',
        type: 'nominal',
        title: null,
        sort: top.map((v) => labelIn(v.factor, lang)),
        ...(lang !== undefined ? { header: { labelLimit: 200 } } : {}),
      },
      columns: 3,
      spec: {
        width: 180,
        height: 120,
        layer: [
          {
            mark: { type: 'line', point: true },
            encoding: {
              x: {
                field: 'percentile',
                type: 'quantitative',
                title: say(lang, 'prior percentile', '先验百分位', 'prior percentile'),
                scale: { domain: [0, 100] },
              },
              y: {
                field: 'p',
                type: 'quantitative',
                title: say(lang, 'P(goal)', '达成概率', 'P(goal met)'),
                scale: { domain: [0, 1] },
              },
              tooltip: [{ field: 'lo' }, { field: 'hi' }, { field: 'p' }],
            },
          },
          {
            data: { values: [{ p: r.probability.value }] },
            mark: { type: 'rule', strokeDash: [4, 3] },
            encoding: { y: { field: 'p', type: 'quantitative' } },
          },
        ],
      },
    },
    lang,
    [],
  );
}

/** A label cut to `n` characters with an ellipsis, so what follows it on an axis stays in view. */
function clip(s: string, n: number): string {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}

/** What a lever row changes, in words. */
function variantText(l: SensitivityReport['levers'][number], lang: Lang): string {
  const zh = lang === 'zh';
  switch (l.variant) {
    case 'off':
      return l.target === 'all-levers'
        ? zh
          ? '全部取消（维持现状）'
          : 'all off (status quo)'
        : zh
          ? '取消'
          : 'off';
    case 'x0.5':
      return l.target === 'budget' ? (zh ? '上限减半' : 'cap halved') : zh ? '金额减半' : 'amounts halved';
    case 'x2':
      return l.target === 'budget' ? (zh ? '上限加倍' : 'cap doubled') : zh ? '金额加倍' : 'amounts doubled';
    case 'no-cap':
      return zh ? '不设上限' : 'no cap';
  }
}

/** The bureau's choices: change in P(goal) for each lever off, halved, doubled, and budget caps. */
export function leverChart(r: SensitivityReport, lang?: Lang): VegaLiteSpec | undefined {
  if (r.levers.length === 0) return undefined;
  const name = (l: SensitivityReport['levers'][number], lang: Lang): string =>
    l.target === 'all-levers'
      ? lang === 'zh'
        ? '全部措施'
        : 'all levers'
      : lang === 'zh'
        ? l.label
        : l.labelEn;
  // a clipped name must still tell two levers apart: else the lever's id follows it
  const clipped =
    lang === undefined ? [] : r.levers.map((l) => `${clip(name(l, lang), 30)} · ${variantText(l, lang)}`);
  const unique = new Set(clipped).size === clipped.length;
  const rows = r.levers.map((l, i) => ({
    row:
      lang === undefined
        ? `${l.target === 'all-levers' ? 'all levers' : l.id} · ${l.variant}`
        : unique
          ? (clipped[i] ?? '')
          : `${clip(name(l, lang), 22)} (${l.id}) · ${variantText(l, lang)}`,
    dP: l.dP,
    lo: l.dP - 2 * l.dPSe,
    hi: l.dP + 2 * l.dPSe,
  }));
  const y = {
    field: 'row',
    type: 'nominal',
    sort: rows.map((x) => x.row),
    title: null,
    axis: { labelLimit: lang === undefined ? 320 : 480 },
  };
  return styled(
    {
      $schema: SCHEMA,
      title: {
        text: say(
          lang,
          `${r.goal.label} — what the bureau's choices do`,
          '可控措施：取消、减半或加倍各项措施对达成概率的影响',
          'The bureau’s choices: each lever off, halved or doubled',
        ),
        subtitle: say(
          lang,
          `change in P(goal) against the plan as written (${r.settings.tornadoRuns} paired trajectories; line = ±2 s.e.)`,
          `相对规划原文的达成概率变化（${r.settings.tornadoRuns}条配对轨迹；线段为±2倍标准误）`,
          `change in P(goal met) against the plan as written (${r.settings.tornadoRuns} paired trajectories; line: ±2 s.e.)`,
        ),
      },
      data: { values: rows },
      width: lang === undefined ? 360 : 520,
      height: { step: 16 },
      encoding: { y },
      layer: [
        {
          mark: { type: 'bar', height: 10, color: '#e6842a' },
          encoding: {
            x: {
              field: 'dP',
              type: 'quantitative',
              title: say(lang, 'ΔP(goal)', '达成概率变化', 'ΔP(goal met)'),
            },
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
      ],
    },
    lang,
    rows.map((x) => x.row),
  );
}

/**
 * Every chart of the report, by file stem. Without a language: the charts written beside
 * summary.md (names in Chinese with their code names, English titles); with one: the HTML
 * report's charts in that language and the house style.
 */
export function sensitivityCharts(r: SensitivityReport, lang?: Lang): Record<string, VegaLiteSpec> {
  const out: Record<string, VegaLiteSpec> = {
    tornado: tornadoChart(r, lang),
    voi: voiChart(r, lang),
    'voi-curves': voiCurvesChart(r, lang),
  };
  const sobol = sobolChart(r, lang);
  if (sobol !== undefined) out['sobol'] = sobol;
  const levers = leverChart(r, lang);
  if (levers !== undefined) out['levers'] = levers;
  return out;
}
