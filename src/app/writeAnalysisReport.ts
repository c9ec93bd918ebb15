import { pngRenderer } from '../io/rasterize.js';
import type { StagedDir } from '../io/writeReport.js';
import type { AnalysisReportOptions } from '../report/analysisReportFiles.js';
import type { Lang } from '../report/lang.js';
import type { ReportBundle } from '../report/reportBundle.js';
import { shownReportDir } from './reportDir.js';
import { reportMetadata } from './reportMetadata.js';

/** Where an analysis' report went, and what its writer noticed. */
export interface WrittenReport {
  /** the report folder, relative to the working directory when inside it; none when not written */
  readonly reportDir: string | undefined;
  /** names of the files written, inside the report folder */
  readonly reportFiles: readonly string[];
  /** chart warnings; no Chinese font for PNG */
  readonly notes: readonly string[];
}

/**
 * The end of compare, sweep and goal-seek: the report's files built by `build` (in the languages
 * asked for, with PNG charts under `--png` and the metadata block of this folder and `source`),
 * committed atomically into the staged folder. Nothing when the run writes no report.
 */
export async function writeAnalysisReport(
  staged: StagedDir | undefined,
  opts: {
    readonly langs?: readonly Lang[] | undefined;
    readonly png?: boolean | undefined;
    readonly signal?: AbortSignal | undefined;
  },
  source: string,
  build: (options: AnalysisReportOptions) => Promise<ReportBundle>,
): Promise<WrittenReport> {
  if (staged === undefined) return { reportDir: undefined, reportFiles: [], notes: [] };
  const notes: string[] = [];
  const png = opts.png === true ? pngRenderer() : undefined;
  if (png !== undefined && png.cjkFont === undefined) {
    notes.push(
      'no Chinese font found for the PNG charts (install fonts-noto-cjk): Chinese text may not show in them',
    );
  }
  const report = await build({
    ...(opts.langs !== undefined ? { langs: opts.langs } : {}),
    metadata: reportMetadata(staged.target, source),
    ...(png !== undefined ? { rasterize: png.rasterize } : {}),
  });
  notes.push(...report.warnings);
  return {
    reportDir: shownReportDir(staged.commit(report.files, opts.signal)),
    reportFiles: Object.keys(report.files),
    notes,
  };
}
