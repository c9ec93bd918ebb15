import type { LeverDescription } from '../schema/analysisCommon.js';
import { yuanText } from './money.js';

/** A lever value as shown: money in 万元/亿元 beside the number, other values as they are. */
export function leverValueText(lever: LeverDescription, v: number): string {
  const money = lever.unit === 'yuan' || lever.unit === 'yuan-per-firm' || lever.unit === 'yuan-per-year';
  const n = Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return money ? `${n} (${yuanText(v)})` : n;
}

/** "first-cert-reward → levers.first-cert-reward.amounts.standard (yuan-per-firm; now 300000)" */
export function leverHeading(lever: LeverDescription): string {
  const unit = lever.unit === null ? '' : `${lever.unit}; `;
  const now =
    lever.current === null
      ? 'not set in the scenario'
      : `scenario value ${leverValueText(lever, lever.current)}`;
  return `${lever.ref} → ${lever.path} (${unit}${now})`;
}
