import { Posterior } from '../schema/posterior.js';
import { shownPath } from './loadPlan.js';
import { parseSource, validate } from './parseDocument.js';
import { readText } from './readText.js';

/** Reads and validates a posterior file written by `ladder calibrate --out`. */
export function loadPosterior(file: string): Posterior {
  return validate(parseSource(readText(file), shownPath(file)), Posterior);
}
