import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legendColumns, textEm, wrapTitle } from '../src/report/charts/wrapTitle.js';
import { goalVerdict } from '../src/report/goalVerdict.js';
import { formatCount, formatPercent } from '../src/report/numberFormat.js';
import { escapeHtml } from '../src/report/renderHtml.js';
import { prefixSvgIds } from '../src/report/renderSvg.js';
import { canonicalJson, scenarioHash } from '../src/report/scenarioHash.js';
import { csvField } from '../src/report/seriesCsv.js';
import type { GoalResult } from '../src/schema/result.js';

describe('number formats', () => {
  it('writes Chinese counts with 万 and 亿, English counts with thousands separators', () => {
    expect(formatCount(4660, 'zh')).toBe('4660');
    expect(formatCount(10_000, 'zh')).toBe('1万');
    expect(formatCount(33_000, 'zh')).toBe('3.3万');
    expect(formatCount(125_000, 'zh')).toBe('12.5万');
    expect(formatCount(150_000_000, 'zh')).toBe('1.5亿');
    expect(formatCount(4660, 'en')).toBe('4,660');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatCount(0, 'en')).toBe('0');
    expect(formatCount(Number.NaN, 'zh')).toBe('–');
  });

  it('gives a percentage as many decimals as its standard error warrants', () => {
    expect(formatPercent(0.479, 0.005)).toBe('47.9%');
    expect(formatPercent(0.003, 0.00055)).toBe('0.30%');
    expect(formatPercent(0.7, 0.05)).toBe('70%');
  });
});

describe('verdicts', () => {
  const goal = (probability: number, probabilityStdErr: number): GoalResult => ({
    id: 'g',
    label: '全市高新技术企业达到700家以上',
    labelEn: 'High-tech enterprises at least 700',
    measure: 'hnte',
    year: 2025,
    comparison: '>=',
    target: 700,
    probability,
    probabilityStdErr,
    quantiles: { p05: 278, p50: 396, p95: 565 },
    distribution: { from: 200, width: 20, counts: [1], below: 0, above: 0 },
    byYear: [],
    firstReached: [],
    shortfall: { probability: 1 - probability, p50: 304, p95: 422 },
  });

  it('says the probability, its standard error and the counts in plain words', () => {
    const zh = goalVerdict(
      { goal: goal(0.072, 0.0026), runs: 10_000, baseYear: 2020, measureName: '高企' },
      'zh',
    );
    expect(zh.word).toBe('很难达成');
    expect(zh.tone).toBe('bad');
    expect(zh.paragraph).toContain('约7.2%达成（标准误0.3个百分点）');
    expect(zh.paragraph).toContain('中位数为396家');
    const en = goalVerdict(
      { goal: goal(0.5, 0.005), runs: 10_000, baseYear: 2020, measureName: '高企' },
      'en',
    );
    expect(en.word).toBe('about even');
    expect(en.paragraph).toContain(
      '50.0% of 10,000 simulated trajectories meet it (standard error 0.5 percentage points)',
    );
  });

  it('gives the rule-of-three bound when no trajectory meets the goal', () => {
    const v = goalVerdict({ goal: goal(0, 0), runs: 10_000, baseYear: 2020, measureName: '高企' }, 'en');
    expect(v.paragraph).toContain('none of 10,000');
    expect(v.paragraph).toContain('below 0.03% (95% upper bound)');
  });
});

describe('chart text layout', () => {
  it('wraps titles into lines that fit, losing no words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Distribution', 'of', '高企', '专精特新', '2025', 'firms', '（', '）'), {
          maxLength: 30,
        }),
        (words) => {
          const text = words.join(' ');
          const out = wrapTitle(text, 300, 15);
          const lines = typeof out === 'string' ? [out] : out;
          for (const l of lines) if (l.length > 1) expect(textEm(l) * 15).toBeLessThanOrEqual(300 + 15);
          expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('lays legends out in as many columns as fit', () => {
    expect(legendColumns(['a', 'b', 'c'], 1000, 12)).toBe(3);
    expect(legendColumns(['90% band', '50% band', 'median', 'goal', 'published count'], 360, 12)).toBe(2);
  });
});

describe('html and svg', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
  });

  it('prefixes SVG ids and their references, so inlined charts never share a clip path', () => {
    const svg =
      '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"/><use href="#clip1"/></svg>';
    expect(prefixSvgIds(svg, 'fan-hnte')).toBe(
      '<svg><clipPath id="fan-hnte-clip1"><rect/></clipPath><g clip-path="url(#fan-hnte-clip1)"/><use href="#fan-hnte-clip1"/></svg>',
    );
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvField('hnte')).toBe('hnte');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('hashes the same scenario the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(scenarioHash({ a: 1, b: 2 })).toBe(scenarioHash({ b: 2, a: 1 }));
    expect(scenarioHash({ a: 1 })).not.toBe(scenarioHash({ a: 2 }));
  });
});
