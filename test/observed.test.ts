import { describe, expect, it } from 'vitest';
import { InputErrors, type InputError } from '../src/io/errors.js';
import { loadObserved, parseObserved } from '../src/io/loadObserved.js';
import { classifyMeasure } from '../src/schema/observed.js';

const HEAD = 'region,measure,year,value,kind,qualifier,description,source_title,source_url,quote\n';

/** The errors parseObserved throws for a text (none: an empty list). */
function errorsOf(text: string): readonly InputError[] {
  try {
    parseObserved(text, 'obs.csv');
    return [];
  } catch (e) {
    if (e instanceof InputErrors) return e.errors;
    throw e;
  }
}

describe('observed counts: the shipped file', () => {
  const rows = loadObserved(new URL('../seeds/data/observed_counts.csv', import.meta.url).pathname);

  it('reads every row with its line, quoted commas and all', () => {
    expect(rows).toHaveLength(37);
    const zj = rows.find((r) => r.region === 'zhanjiang' && r.measure === 'hnte' && r.year.from === 2020);
    expect(zj?.line).toBe(4);
    expect(zj?.value).toBe(301);
    expect(zj?.quote).toContain('putting it first among all areas in the western part of Guangdong');
    const hunan = rows.find((r) => r.region === 'hunan' && r.year.from === 2013);
    expect(hunan?.qualifier).toBe('approximate');
  });

  it('reads the cumulative span of years', () => {
    const y = rows.find((r) => r.measure === 'hnte_new_cumulative');
    expect(y?.year).toEqual({ from: 2017, to: 2021 });
    expect(y?.value).toBe(485);
  });

  it('classifies every measure it holds', () => {
    for (const r of rows) expect(classifyMeasure(r.measure), r.measure).toBeDefined();
    expect(classifyMeasure('zone_count')?.type).toBe('other');
    expect(classifyMeasure('hnte_net_target')?.type).toBe('target');
    expect(classifyMeasure('hnte_net')).toEqual({ type: 'net', tier: 'hnte' });
  });
});

describe('observed counts: located errors', () => {
  it('rejects an unknown measure with a suggestion', () => {
    const [e, ...rest] = errorsOf(HEAD + 'hunan,hnt,2016,2212,stock,exact,,,,\n');
    expect(rest).toHaveLength(0);
    expect(e?.location).toEqual({ file: 'obs.csv', line: 2, path: 'measure' });
    expect(e?.message).toBe('unknown measure');
    expect(e?.found).toBe('"hnt"');
    expect(e?.hint).toContain('hnte');
  });

  it('rejects a value that is not a number', () => {
    for (const bad of ['2,212', 'about 2000', '', '2212家']) {
      const errs = errorsOf(HEAD + `hunan,hnte,2016,"${bad}",stock,exact,,,,\n`);
      expect(errs.map((e) => [e.location.line, e.location.path, e.message])).toEqual([
        [2, 'value', 'not a number'],
      ]);
      expect(errs[0]?.found).toBe(JSON.stringify(bad));
    }
  });

  it('rejects years that are not years', () => {
    for (const bad of ['20x6', '16', '2016.5', '3016', '2018-2016', '']) {
      const errs = errorsOf(HEAD + `hunan,hnte,${bad},2212,stock,exact,,,,\n`);
      expect(
        errs.map((e) => [e.location.path, e.message]),
        bad,
      ).toEqual([['year', 'not a year']]);
    }
  });

  it('takes a span of years only for a cumulative measure', () => {
    expect(errorsOf(HEAD + 'yueyang,hnte_new_cumulative,2017-2021,485,new,exact,,,,\n')).toEqual([]);
    const span = errorsOf(HEAD + 'hunan,hnte,2016-2017,2212,stock,exact,,,,\n');
    expect(span[0]?.message).toContain('only allowed for a cumulative measure');
    const single = errorsOf(HEAD + 'yueyang,hnte_new_cumulative,2017,485,new,exact,,,,\n');
    expect(single[0]?.message).toContain('needs the span of years');
  });

  it('rejects two rows of the same figure with different values, pointing at both', () => {
    const errs = errorsOf(
      HEAD +
        'hunan,hnte,2016,2212,stock,exact,,,,\nhunan,hnte_new,2016,870,new,exact,,,,\nhunan,hnte,2016,2213,stock,exact,,,,\n',
    );
    expect(errs).toHaveLength(1);
    expect(errs[0]?.location).toEqual({ file: 'obs.csv', line: 4, path: 'value' });
    expect(errs[0]?.message).toContain('duplicate of line 2');
    expect([errs[0]?.expected, errs[0]?.found]).toEqual(['2212', '2213']);
    // the same figure twice (two sources) is fine
    expect(
      errorsOf(HEAD + 'hunan,hnte,2016,2212,stock,exact,,,,\nhunan,hnte,2016,2212,stock,exact,,,,\n'),
    ).toEqual([]);
    // a stock and a target of the same year are different figures
    expect(
      errorsOf(HEAD + 'hunan,hnte,2017,2600,target,exact,,,,\nhunan,hnte,2017,3260,stock,exact,,,,\n'),
    ).toEqual([]);
  });

  it('checks kind and qualifier, and that the kind fits the measure', () => {
    const errs = errorsOf(
      HEAD +
        'hunan,hnte,2016,2212,stok,exact,,,,\nhunan,hnte,2016,2212,stock,roughly,,,,\nhunan,hnte,2016,870,new,exact,,,,\n',
    );
    expect(errs.map((e) => [e.location.line, e.location.path, e.message])).toEqual([
      [2, 'kind', 'unknown kind'],
      [3, 'qualifier', 'unknown qualifier'],
      [4, 'kind', 'the kind does not fit the measure hnte'],
    ]);
    expect(errs[0]?.hint).toContain('stock');
  });

  it('allows a negative value only for a net increase', () => {
    expect(errorsOf(HEAD + 'hunan,hnte_net,2019,-20,net_increase,exact,,,,\n')).toEqual([]);
    expect(errorsOf(HEAD + 'hunan,hnte,2019,-20,stock,exact,,,,\n')[0]?.message).toBe('a negative count');
  });

  it('reports every bad row of a file, each on its own line', () => {
    const errs = errorsOf(
      HEAD +
        'hunan,hnte,2016,x,stock,exact,,,,\n"hunan","hnte","2017","3260","stock","exact","a, b","t","u","line one\nline two"\nhunan,hnte,20,1,stock,exact,,,,\n',
    );
    expect(errs.map((e) => e.location.line)).toEqual([2, 5]);
  });

  it('checks the header and the number of fields', () => {
    const head = errorsOf('region,measure,yeer,value,kind\nhunan,hnte,2016,2212,stock\n');
    expect(head.map((e) => [e.location.line, e.location.path, e.message])).toEqual([
      [1, 'yeer', 'unknown column'],
      [1, 'year', 'missing column'],
    ]);
    expect(head[0]?.hint).toContain('year');
    const fields = errorsOf(HEAD + 'hunan,hnte,2016,2,212,stock,exact,,,,\n');
    expect(fields[0]?.message).toBe('wrong number of fields');
    expect(fields[0]?.hint).toContain('quote');
  });

  it('accepts a file without the optional columns, a BOM and CRLF line ends', () => {
    const rows = parseObserved(
      '\uFEFFregion,measure,year,value,kind\r\nhunan,hnte,2016,2212,stock\r\n',
      'f.csv',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        region: 'hunan',
        value: 2212,
        qualifier: 'exact',
        year: { from: 2016, to: 2016 },
      }),
    ]);
  });

  it('accepts a file saved with CRLF and extended with LF (quoted fields and all), lines counted alike', () => {
    const rows = parseObserved(
      'region,measure,year,value,kind,description\r\nhunan,hnte,2016,2212,stock,"a, b"\r\n' +
        'hunan,hnte,2018,4660,stock,"c ""d"""\nhunan,hnte,2013,1900,stock,"e\nf"\n',
      'f.csv',
    );
    expect(rows.map((r) => [r.line, r.value, r.description])).toEqual([
      [2, 2212, 'a, b'],
      [3, 4660, 'c "d"'],
      [4, 1900, 'e\nf'],
    ]);
  });

  it('refuses broken quoting as a syntax error with its line', () => {
    expect(() => parseObserved(HEAD + 'hunan,hnte,2016,2212,stock,exact,"open,,,\n', 'f.csv')).toThrow(
      /not valid CSV/,
    );
  });
});
