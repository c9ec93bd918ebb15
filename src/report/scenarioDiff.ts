/** One setting in which a scenario differs from another. */
export interface SettingChange {
  /** where, as a dotted path; array elements with an `id` are named by it */
  readonly path: string;
  /** the value in the reference, JSON (undefined: absent there) */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** An array element's name in a path: its `id` when every element has a distinct one. */
function keyed(xs: readonly unknown[]): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  for (const x of xs) {
    if (!isObject(x) || typeof x['id'] !== 'string' || out.has(x['id'])) return undefined;
    out.set(x['id'], x);
  }
  return out;
}

/**
 * The leaf settings in which `b` differs from `a` (two resolved scenarios), in a stable order:
 * objects key by key, arrays of elements with ids id by id, other arrays index by index. Keys
 * in `skip` (at any depth) are left out. Pure.
 */
export function scenarioDiff(a: unknown, b: unknown, skip: readonly string[] = []): SettingChange[] {
  const out: SettingChange[] = [];
  const json = (v: unknown): string | undefined => (v === undefined ? undefined : JSON.stringify(v));
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (isObject(x) && isObject(y)) {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
      for (const k of keys) {
        if (!skip.includes(k)) walk(x[k], y[k], path === '' ? k : `${path}.${k}`);
      }
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      const kx = keyed(x);
      const ky = keyed(y);
      if (kx !== undefined && ky !== undefined) {
        const ids = [...new Set([...kx.keys(), ...ky.keys()])];
        for (const id of ids) walk(kx.get(id), ky.get(id), `${path}.${id}`);
        return;
      }
      if (x.length === y.length) {
        x.forEach((v, i) => {
          walk(v, y[i], `${path}.${i}`);
        });
        return;
      }
    }
    const fx = json(x);
    const fy = json(y);
    if (fx !== fy) out.push({ path, from: fx, to: fy });
  };
  walk(a, b, '');
  return out;
}
