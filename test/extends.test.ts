import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { InputErrors } from '../src/io/errors.js';
import { extendScenario, loadTarget } from '../src/io/loadScenario.js';

const dir = mkdtempSync(join(tmpdir(), 'ladder-extends-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('extendScenario: a scenario written over its base', () => {
  it('merges mappings key by key at every depth and replaces everything else', () => {
    const base = {
      id: 'base',
      name: { zh: '基', en: 'base' },
      description: 'the base',
      plan: 'jiangmen-2021',
      runs: 500,
      levers: {
        'first-cert-reward': { amounts: { standard: 1, 'talent-island': 2 } },
        x: { enabled: false },
      },
      applicationMultiplier: { '2022': 2 },
    };
    const over = {
      extends: 'base',
      runs: 800,
      levers: { 'first-cert-reward': { amounts: { standard: 3 } } },
      horizon: 2024,
    };
    expect(extendScenario(base, over)).toEqual({
      plan: 'jiangmen-2021',
      runs: 800,
      levers: {
        'first-cert-reward': { amounts: { standard: 3, 'talent-island': 2 } },
        x: { enabled: false },
      },
      applicationMultiplier: { '2022': 2 },
      horizon: 2024,
    });
  });

  it('keeps the scenario’s own id, name and description, and its plan when it sets one', () => {
    const merged = extendScenario(
      { id: 'a', name: { zh: '甲', en: 'a' }, plan: 'zhanjiang-2023', priors: { firstPass: 1 } },
      { id: 'b', plan: 'jieyang-2024' },
    );
    expect(merged).toEqual({ id: 'b', plan: 'jieyang-2024', priors: { firstPass: 1 } });
  });

  it('replaces a list and a value of another type whole', () => {
    expect(extendScenario({ a: [1, 2, 3], b: { c: 1 } }, { a: [4], b: 7 })).toEqual({ a: [4], b: 7 });
  });
});

describe('extends in scenario files', () => {
  it('runs like the scenario written out in full', async () => {
    const child = file(
      'no-bonus.yaml',
      'extends: zhanjiang-2023.status-quo\nid: sq-short\nruns: 300\nseed: 5\n',
    );
    const full = file(
      'full.yaml',
      'id: sq-short\nplan: zhanjiang-2023\npolicy: status-quo\nruns: 300\nseed: 5\n',
    );
    const a = loadTarget(child).scenario;
    const b = loadTarget(full).scenario;
    expect(a).toEqual({ ...b, name: a.name, description: a.description });
    const json = async (target: string): Promise<string> => {
      let out = '';
      const code = await runCli(['run', target, '--json', '--out', join(dir, `out-${target.length}`)], {
        stdout: (s) => (out += s),
        stderr: () => undefined,
      });
      expect(code).toBe(0);
      return out;
    };
    expect(await json(child)).toBe(await json(full));
  });

  it('runs the README example', () => {
    const s = loadTarget(
      file(
        'readme.yaml',
        [
          'extends: jiangmen-2021.budget-cut',
          'id: jiangmen-cut-and-half-reward',
          'levers:',
          '  first-cert-reward:',
          '    amounts: { standard: 150000 }',
          '',
        ].join('\n'),
      ),
    ).scenario;
    const base = loadTarget('jiangmen-2021.budget-cut').scenario;
    expect(s.id).toBe('jiangmen-cut-and-half-reward');
    expect(s.plan.budgets).toEqual(base.plan.budgets);
    const reward = s.plan.levers.find((l) => l.id === 'first-cert-reward');
    const before = base.plan.levers.find((l) => l.id === 'first-cert-reward');
    expect(reward?.amounts.map((a) => [a.id, a.amount.value])).toEqual(
      before?.amounts.map((a) => [a.id, a.id === 'standard' ? 150000 : a.amount.value]),
    );
  });

  it('follows a chain of files, each relative to the one that names it', () => {
    file('chain/base.yaml', 'plan: zhanjiang-2023\nruns: 200\nseed: 9\n');
    file('chain/sub/middle.yaml', 'extends: ../base.yaml\nruns: 400\n');
    const leaf = file('leaf.yaml', 'extends: chain/sub/middle.yaml\nhorizon: 2024\n');
    const s = loadTarget(leaf).scenario;
    expect([s.id, s.plan.id, s.runs, s.seed, s.horizon]).toEqual(['leaf', 'zhanjiang-2023', 400, '9', 2024]);
  });

  it('points an error written in the base at the base file’s line', () => {
    file(
      'bad-base.yaml',
      '# a base with a typo\nplan: zhanjiang-2023\nlevers:\n  move-in-bonus: { enabld: true }\n',
    );
    const child = file('uses-bad-base.yaml', 'extends: ./bad-base.yaml\nruns: 100\n');
    try {
      loadTarget(child);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputErrors);
      const err = (e as InputErrors).errors[0];
      expect(err?.location.file).toMatch(/bad-base\.yaml$/);
      expect(err?.location.line).toBe(4);
      expect(err?.hint).toBe('did you mean `enabled`?');
    }
  });

  it('points an error written in the scenario at the scenario, even when the base has the field', () => {
    file('good-base.yaml', 'plan: zhanjiang-2023\nruns: 100\n');
    const child = file('over.yaml', 'extends: good-base.yaml\n\nruns: 0\n');
    try {
      loadTarget(child);
      expect.unreachable();
    } catch (e) {
      const err = (e as InputErrors).errors[0];
      expect([err?.location.file, err?.location.line]).toEqual([expect.stringMatching(/over\.yaml$/), 3]);
    }
  });

  it('refuses a plan file as a base, and a chain longer than 16', async () => {
    const err = async (target: string): Promise<string> => {
      let stderr = '';
      const code = await runCli(['run', target, '--out', join(dir, 'never')], {
        stdout: () => undefined,
        stderr: (s) => (stderr += s),
      });
      expect(code).toBe(2);
      return stderr;
    };
    const planRef = file('plan-ref.yaml', `extends: ${join(process.cwd(), 'seeds/zhanjiang-2023.yaml')}\n`);
    expect(await err(planRef)).toMatch(/at extends: extends names a plan file/);
    for (let i = 0; i < 20; i++) file(`long/${i}.yaml`, `extends: ./${i + 1}.yaml\n`);
    file('long/20.yaml', 'plan: zhanjiang-2023\n');
    expect(await err(join(dir, 'long/0.yaml'))).toMatch(/at most 16 scenarios extending one another/);
  });
});
