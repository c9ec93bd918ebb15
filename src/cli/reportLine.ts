/**
 * The line that says where a report went: its HTML files, then what else the folder holds
 * (files by name, folders once with a slash): "Report: dir/report.html (also summary.json, …, charts/)".
 */
export function reportLine(reportDir: string, files: readonly string[]): string {
  const html = files.filter((f) => f.endsWith('.html'));
  const others = [
    ...new Set(
      files.filter((f) => !f.endsWith('.html')).map((f) => (f.includes('/') ? `${f.split('/')[0]}/` : f)),
    ),
  ];
  return `\nReport: ${html.map((f) => `${reportDir}/${f}`).join(', ')}${others.length > 0 ? ` (also ${others.join(', ')})` : ''}\n`;
}
