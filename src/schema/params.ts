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
