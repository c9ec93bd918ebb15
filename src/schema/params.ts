import { z } from 'zod';

/**
 * The model's uncertain parameters. Each trajectory draws one value of each from its prior
 * (or a calibrated posterior). Annual rates unless stated. docs/model.md explains every one.
 */
export const PARAM_NAMES = [
  'tsmeEntryRate',
  'tsmeEntryGrowth',
  'tsmeLeave',
  'hnteShareOfTsme',
  'applyRate',
  'directApply',
  'firstPass',
  'surgeDrop',
  'recertKeep',
  'lapsedToPool',
  'hnteExit',
  'hnteRevoke',
  'moveIn',
  'moveOut',
  'baseCertGrowth',
  'srdiPromote',
  'srdiReviewPass',
  'srdiExit',
  'giantPromote',
  'giantReviewPass',
  'giantExit',
  'giantList',
  'hnteList',
  'delist',
  'sectorEntryTilt',
] as const;
export const ParamName = z.enum(PARAM_NAMES);
export type ParamName = z.output<typeof ParamName>;

/**
 * The range each parameter may take: probabilities in [0, 1]; rates that are shares of a stock
 * may exceed 1 within reason. A prior outside its parameter's range is an input error.
 */
export const PARAM_BOUNDS: Readonly<Record<ParamName, readonly [number, number]>> = {
  tsmeEntryRate: [0, 5],
  tsmeEntryGrowth: [-0.5, 1],
  tsmeLeave: [0, 1],
  hnteShareOfTsme: [0, 0.95],
  applyRate: [0, 1],
  directApply: [0, 2],
  firstPass: [0, 1],
  surgeDrop: [0, 1],
  recertKeep: [0, 1],
  lapsedToPool: [0, 1],
  hnteExit: [0, 1],
  hnteRevoke: [0, 1],
  moveIn: [0, 1],
  moveOut: [0, 1],
  baseCertGrowth: [-0.5, 2],
  srdiPromote: [0, 1],
  srdiReviewPass: [0, 1],
  srdiExit: [0, 1],
  giantPromote: [0, 1],
  giantReviewPass: [0, 1],
  giantExit: [0, 1],
  giantList: [0, 1],
  hnteList: [0, 1],
  delist: [0, 1],
  sectorEntryTilt: [0, 5],
};
