import { join, resolve } from 'node:path';
import { SHIPPED_OBSERVED } from '../io/loadObserved.js';
import { pngRenderer } from '../io/rasterize.js';
import { stageReportDir } from '../io/writeReport.js';
import type { Lang } from '../report/lang.js';
import type { ReportBundle } from '../report/reportBundle.js';
import {
  backtestReportFiles,
  calibrationReportFiles,
  projectionReportFiles,
  type RegionReportOptions,
} from '../report/regionReportFiles.js';
import { summaryOf } from '../schema/posterior.js';
import type { Backtest } from '../schema/backtest.js';
import { backtestCommand, type BacktestCommandOptions } from './backtestRegion.js';
import {
  calibrateCommand,
  observedFileOf,
  type CalibrateCommandOptions,
  type CalibrateOutcome,
} from './calibrateRegion.js';
import { projectCommand, type ProjectOptions, type ProjectOutcome } from './projectRegion.js';
import { shownReportDir } from './reportDir.js';
import { reportMetadata } from './reportMetadata.js';
import { figureFans } from '../analysis/fitFan.js';

/** Where and how a region command writes its report folder. */
export interface ReportFolderOptions {
  /** the report folder (default: reports/<kind>-<region> under the working directory) */
  readonly report?: string;
  /** languages, the main one first (default: Chinese) */
  readonly langs?: readonly Lang[];
  /** also write each chart as PNG */
  readonly png?: boolean;
}

/** What a region command's report adds to its outcome. */
export interface ReportWritten {
  /** the report folder, relative to the working directory when inside it */
  readonly reportDir: string;
  /** names of the files written, inside the folder */
  readonly reportFiles: readonly string[];
  /** what the report writer noticed (chart warnings, no Chinese font for PNG) */
  readonly notes: readonly string[];
}

/**
 * Runs a region command with its report folder staged from the start (a folder that cannot be
 * written fails before the fit; a fit that fails or is stopped leaves the previous report or
 * none), then renders the report and puts it in place atomically.
 */
async function withReport<T>(
  kind: string,
  opts: ReportFolderOptions & {
    readonly region: string;
    readonly observed?: string;
    readonly signal?: AbortSignal;
  },
  run: () => Promise<T>,
  files: (result: T, report: RegionReportOptions) => Promise<ReportBundle>,
): Promise<{ readonly result: T } & ReportWritten> {
  const staged = stageReportDir(opts.report ?? join('reports', `${kind}-${opts.region}`));
  try {
    const result = await run();
    const notes: string[] = [];
    const png = opts.png === true ? pngRenderer() : undefined;
    if (png !== undefined && png.cjkFont === undefined) {
      notes.push(
        'no Chinese font found for the PNG charts (install fonts-noto-cjk): Chinese text may not show in them',
      );
    }
    const bundle = await files(result, {
      langs: opts.langs ?? ['zh'],
      metadata: reportMetadata(staged.target, resolve(opts.observed ?? SHIPPED_OBSERVED)),
      ...(png !== undefined ? { rasterize: png.rasterize } : {}),
    });
    notes.push(...bundle.warnings);
    const written = staged.commit(bundle.files, opts.signal);
    return { result, reportDir: shownReportDir(written), reportFiles: Object.keys(bundle.files), notes };
  } finally {
    staged.discard();
  }
}

/**
 * `ladder calibrate` with its report folder (default reports/calibration-<region>): the fit and
 * the posterior file as `calibrateCommand` writes them, then report.html, charts, summary.json
 * (the `--json` output), summary.md and series.csv.
 */
export async function calibrateWithReport(
  opts: CalibrateCommandOptions & ReportFolderOptions,
): Promise<CalibrateOutcome & ReportWritten> {
  const { result, ...written } = await withReport(
    'calibration',
    opts,
    () => calibrateCommand(opts),
    (outcome, report) => calibrationReportFiles(summaryOf(outcome.posterior), report),
  );
  return { ...result, ...written };
}

/**
 * `ladder project` with its report folder (default reports/projection-<region>): the projection
 * of `projectCommand`, the fans of the series with figures on the same conditioned paths, and
 * the region's figures over them.
 */
export async function projectWithReport(
  opts: ProjectOptions & ReportFolderOptions,
): Promise<ProjectOutcome & ReportWritten> {
  const { result, ...written } = await withReport(
    'projection',
    opts,
    () => projectCommand(opts),
    (outcome, report) =>
      projectionReportFiles(
        {
          projection: outcome.projection,
          fan: figureFans(outcome.calibration, opts.to, 'conditioned'),
          rows: outcome.rows,
          baseYear: outcome.baseYear,
          particles: outcome.particles,
          warnings: outcome.warnings,
          observedFile: observedFileOf(opts),
          seed: outcome.calibration.seed,
          breakYear: outcome.calibration.setup.breakYear,
          to: opts.to,
        },
        report,
      ),
  );
  return { ...result, ...written };
}

/** `ladder backtest` with its report folder (default reports/backtest-<region>). */
export async function backtestWithReport(
  opts: BacktestCommandOptions & ReportFolderOptions,
): Promise<{ readonly backtest: Backtest } & ReportWritten> {
  const { result, ...written } = await withReport(
    'backtest',
    opts,
    () => backtestCommand(opts),
    (backtest, report) => backtestReportFiles(backtest, report),
  );
  return { backtest: result, ...written };
}
