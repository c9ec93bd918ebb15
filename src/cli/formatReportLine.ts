/**
 * The line that says where a report folder went: its HTML files, then what else is in it
 * ("Report: reports/calibration-hunan/report.html (also summary.json, summary.md, charts/)").
 */
export function formatReportLine(dir: string, files: readonly string[]): string {
  const html = files.filter((f) => !f.includes('/') && f.endsWith('.html'));
  const others = [
    ...new Set(
      files
        .filter((f) => !f.endsWith('.html'))
        .map((f) => (f.includes('/') ? `${f.split('/')[0] ?? ''}/` : f)),
    ),
  ].sort();
  return `Report: ${html.map((f) => `${dir}/${f}`).join(', ')}${others.length > 0 ? ` (also ${others.join(', ')})` : ''}\n`;
}
