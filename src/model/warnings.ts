/**
 * Warnings travel with results as English sentences (`warnings: [str]` in every summary.json and
 * analysis JSON). Each kind has a stable code and named parameters, and its sentence is written
 * here once: every raiser builds its warning with {@link warningSentence}, and the reports
 * (src/report/warningText.ts) recognise the sentence, take its parameters back out and say it
 * again in the report's language. Parameters are the strings as they stand in the sentence, so a
 * sentence parsed back gives the same parameters and the same sentence.
 */
export interface WarningParams {
  /** a projected goal dated after the scenario's horizon */
  'goal-after-horizon': { goal: string; year: string; horizon: string };
  /** a reward lever without an amount acts at the reference reward */
  'lever-no-amount': { lever: string; reward: string };
  /** the shipped observed counts could calibrate the plan's region */
  'observed-figures': { region: string; n: string; year: string; file: string };
  /** a posterior fitted to another region than the plan's */
  'posterior-region': { posterior: string; region: string };
  /** parameters drawn from a posterior; `fitted` is "up to YEAR" or "YEAR–YEAR" */
  'posterior-used': {
    region: string;
    fitted: string;
    break?: string;
    samples: string;
    fromPriors?: string;
  };
  'precision-not-reached': { precision: string; se: string; runs: string };
  'compare-seed': { scenario: string; own: string; seed: string };
  'compare-plans': { plans: string };
  'lever-evidence': {
    lever: string;
    strength: string;
    evidence: 'has no evidence' | 'is only partly sourced';
  };
  'not-monotone': { p1: string; v1: string; p2: string; v2: string };
  /**
   * fitted figures outside their 90% posterior predictive interval; `figures` lists them as
   * "line L: MEASURE YEAR = VALUE, model P05–P95" joined by "; "; `breakHint` (empty) when the fit
   * had no regime break, so that one may help
   */
  'fit-misfit': { misfits: string; fitted: string; figures: string; breakHint?: '' };
  'posterior-above-prior': { coordinate: string; median: string; bound: string };
  'posterior-below-prior': { coordinate: string; median: string; bound: string };
  'sampler-stopped': { temperature: string };
  'thin-sample': { unique: string; particles: string };
  /** a sensitivity analysis whose goal is met (or missed) in every trajectory */
  'goal-always': { outcome: 'missed' | 'met'; runs: string };
  'sobol-not-converged': { level: string; factor: string; width: string; limit: string };
  'sobol-noise': { share: string };
}

export type WarningCode = keyof WarningParams;

/** Every code, in the order of {@link WarningParams}. */
export const WARNING_CODES = [
  'goal-after-horizon',
  'lever-no-amount',
  'observed-figures',
  'posterior-region',
  'posterior-used',
  'precision-not-reached',
  'compare-seed',
  'compare-plans',
  'lever-evidence',
  'not-monotone',
  'fit-misfit',
  'posterior-above-prior',
  'posterior-below-prior',
  'sampler-stopped',
  'thin-sample',
  'goal-always',
  'sobol-not-converged',
  'sobol-noise',
] as const satisfies readonly WarningCode[];

type Templates = { readonly [C in WarningCode]: (p: Readonly<WarningParams[C]>) => string };

const EN: Templates = {
  'goal-after-horizon': (p) => `goal ${p.goal} (${p.year}) is after the horizon ${p.horizon}: not evaluated`,
  'lever-no-amount': (p) =>
    `lever ${p.lever} states no amount: it acts at the reference reward (${p.reward}万 yuan) and its outlay is not counted in spend or in yuan per additional firm`,
  'observed-figures': (p) =>
    `${p.region} has ${p.n} figure${p.n === '1' ? '' : 's'} up to ${p.year} in ${p.file}; parameters come from the priors unless --posterior is given (--posterior auto fits them first)`,
  'posterior-region': (p) => `the posterior was fitted to ${p.posterior}; the plan's region is ${p.region}`,
  'posterior-used': (p) =>
    `parameters drawn from the posterior of ${p.region} (observed counts ${p.fitted}${p.break !== undefined ? `, break ${p.break}` : ''}; ${p.samples} samples) instead of the priors; base counts from the plan${p.fromPriors !== undefined ? `; from the priors: ${p.fromPriors}` : ''}`,
  'precision-not-reached': (p) =>
    `precision ${p.precision} not reached: the largest P(met) standard error is ${p.se} after ${p.runs} runs (the cap)`,
  'compare-seed': (p) =>
    `${p.scenario} sets seed ${p.own}; every scenario runs on seed ${p.seed} so that they share their random numbers`,
  'compare-plans': (p) =>
    `the scenarios run different plans (${p.plans}): only goals with the same id and definition are compared`,
  'lever-evidence': (p) =>
    `lever ${p.lever}: the strength of its response (${p.strength}) ${p.evidence}; the answer rests on its prior (docs/model.md, "Levers")`,
  'not-monotone': (p) =>
    `P(goal) falls from ${p.p1} at ${p.v1} to ${p.p2} at ${p.v2}: it is not monotone in the lever here (a capped budget running out sooner?), so a search for the smallest value may miss a lower one`,
  'fit-misfit': (p) =>
    `${p.misfits} of ${p.fitted} fitted figures fall outside their 90% posterior predictive interval (${p.figures}): the model cannot reproduce them together${p.breakHint !== undefined ? ' (a regime break, --break YEAR, may help)' : ''}`,
  'posterior-above-prior': (p) =>
    `${p.coordinate}: the posterior median ${p.median} is above the prior's 95th percentile ${p.bound}: the data want more than the prior allows`,
  'posterior-below-prior': (p) =>
    `${p.coordinate}: the posterior median ${p.median} is below the prior's 5th percentile ${p.bound}: the data want less than the prior allows`,
  'sampler-stopped': (p) =>
    `the sampler stopped at temperature ${p.temperature} before reaching the posterior (1): the sample is not the posterior`,
  'thin-sample': (p) =>
    `only ${p.unique} distinct particles of ${p.particles}: the posterior sample is thin; use more particles`,
  'goal-always': (p) =>
    `The goal is ${p.outcome} in all ${p.runs} trajectories: effects on P(goal) and its value of information are 0 here; the effects on the margin still say what moves the count.`,
  'sobol-not-converged': (p) =>
    `Sobol' indices have not converged: the widest ${p.level}% interval (${p.factor}) spans ${p.width} > ${p.limit}. Rerun with more --sobol-rows (the interval narrows as 1/√rows).`,
  'sobol-noise': (p) =>
    `Process noise is ${p.share}% of the variance of the Sobol' output: the indices share out the rest. Raise --sobol-reps to average more trajectories per row.`,
};

/** A warning's English sentence, as every JSON output carries it. */
export function warningSentence<C extends WarningCode>(code: C, params: Readonly<WarningParams[C]>): string {
  return EN[code](params);
}
