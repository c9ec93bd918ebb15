import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from './lang.js';

/**
 * A chart of a report: a vega-lite spec and the id it is exported under (`charts/<id>.svg`).
 * Ids are lower-case letters, digits and dashes, unique within a report.
 */
export interface ChartDef {
  readonly id: string;
  /** alternative text: what the chart shows, in words */
  readonly alt: string;
  readonly spec: TopLevelSpec;
}

/** How a verdict reads at a glance (the colour of its badge). */
export type Tone = 'good' | 'fair' | 'poor' | 'bad' | 'neutral';

/**
 * The blocks a report section is made of. Text is plain text everywhere: the HTML renderer
 * escapes it, so names and labels from input files can never become markup.
 */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string; readonly badge?: { text: string; tone: Tone } }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly Cell[])[];
      /** 'r' for right-aligned (numeric) columns */
      readonly align?: readonly ('l' | 'r')[];
      readonly caption?: string;
      /** 'notes': short columns kept on one line, the last column (long text) takes the rest */
      readonly layout?: 'data' | 'notes';
    }
  | { readonly kind: 'keyValue'; readonly rows: readonly (readonly [string, string])[] }
  /** charts side by side (`columns: 2`) or one under the other */
  | { readonly kind: 'charts'; readonly charts: readonly ChartDef[]; readonly columns?: 1 | 2 }
  | { readonly kind: 'details'; readonly summary: string; readonly blocks: readonly Block[] }
  | { readonly kind: 'code'; readonly text: string };

/** A table cell: text, or text with a verdict badge (and plain text after the badge). */
export type Cell = string | { readonly text: string; readonly tone: Tone; readonly detail?: string };

/** A numbered section of a report. Analyses add their own sections; order is the reading order. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

/**
 * A report in one language, before rendering: title, sections, and the metadata block — the
 * only place for what changes between identical runs (time, absolute paths).
 */
export interface ReportDocument {
  readonly lang: Lang;
  /** the line above the title, naming the kind of report (default: the plan goal assessment's) */
  readonly kicker?: string;
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly sections: readonly Section[];
}

/**
 * What differs between two runs of the same scenario and seed (the time, absolute paths, the
 * machine): shown apart from the body, in the metadata block only.
 */
export interface ReportMetadata {
  /** ISO 8601 time the report was written */
  readonly generatedAt: string;
  /** absolute path of the report folder */
  readonly reportDir: string;
  /** absolute path of the scenario or plan file that was run */
  readonly source: string;
  /** runtime and platform ("Node v20.20.2, linux x64") */
  readonly runtime: string;
}

/** Every chart of a document, in reading order. */
export function documentCharts(doc: ReportDocument): ChartDef[] {
  const out: ChartDef[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'charts') out.push(...b.charts);
      else if (b.kind === 'details') visit(b.blocks);
    }
  };
  for (const s of doc.sections) visit(s.blocks);
  return out;
}
