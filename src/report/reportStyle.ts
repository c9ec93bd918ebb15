/**
 * The report's style sheet, inlined into every report (no external files). Type set for reading
 * on screen and printing on A4: a CJK-capable sans-serif stack, a narrow measure, quiet tables.
 */
export const REPORT_CSS = `
:root {
  --ink: #1f2328; --muted: #5f6670; --rule: #d8dce1; --paper: #ffffff; --band: #f5f6f8;
  --accent: #1f4e8c; --good: #2f6b3d; --good-bg: #e3f1e6; --fair: #8a5a00; --fair-bg: #fbefd5;
  --poor: #a4460e; --poor-bg: #fbe3d3; --bad: #a1221b; --bad-bg: #f8dcda; --neutral-bg: #eceef1;
}
* { box-sizing: border-box; }
html { background: #eef0f3; }
body {
  margin: 0; color: var(--ink); background: var(--paper);
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB",
    "WenQuanYi Micro Hei", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.7; max-width: 1040px; margin: 0 auto; padding: 0 0 48px;
  box-shadow: 0 0 0 1px #dfe2e6;
}
html:lang(en) body {
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC",
    "PingFang SC", "Microsoft YaHei", sans-serif;
}
header.report-head { padding: 40px 56px 28px; border-bottom: 4px solid var(--accent); background: var(--paper); }
.kicker { color: var(--accent); font-weight: 700; letter-spacing: 0.08em; font-size: 13px; margin: 0 0 8px; }
h1 { font-size: 27px; line-height: 1.35; margin: 0 0 12px; font-weight: 700; }
.subtitle { color: var(--muted); margin: 2px 0; font-size: 14px; }
nav.toc { padding: 14px 56px; background: var(--band); border-bottom: 1px solid var(--rule); font-size: 14px; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 18px; white-space: nowrap; }
nav.toc { display: flex; flex-wrap: wrap; }
main { padding: 8px 56px; }
section { margin-top: 28px; }
h2 { font-size: 21px; margin: 24px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 16.5px; margin: 22px 0 6px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
p { margin: 8px 0 12px; }
p.note { color: var(--muted); margin-bottom: 4px; }
ul { margin: 6px 0 14px; padding-left: 22px; }
li { margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 18px; font-size: 14px; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
th { font-weight: 700; color: var(--muted); border-bottom: 2px solid #b9bfc7; white-space: nowrap; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafbfc; }
table.notes td:not(:last-child) { white-space: nowrap; }
table.notes td:last-child { font-size: 13px; color: #3d434a; }
.badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 13px; font-weight: 700;
  line-height: 1.6; white-space: nowrap; }
.detail { white-space: nowrap; font-variant-numeric: tabular-nums; }
.tone-good { color: var(--good); background: var(--good-bg); }
.tone-fair { color: var(--fair); background: var(--fair-bg); }
.tone-poor { color: var(--poor); background: var(--poor-bg); }
.tone-bad { color: var(--bad); background: var(--bad-bg); }
.tone-neutral { color: var(--muted); background: var(--neutral-bg); }
.charts { display: grid; gap: 18px 24px; margin: 10px 0 18px; }
.charts.cols-2 { grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); }
figure { margin: 0; break-inside: avoid; }
figure .chart svg { display: block; width: 100%; height: auto; }
figure .chart { max-width: 100%; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 2px; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; margin: 10px 0 14px; font-size: 14px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; word-break: break-all; }
details { margin: 8px 0 16px; border: 1px solid var(--rule); border-radius: 6px; padding: 6px 14px; background: var(--band); }
details > summary { cursor: pointer; color: var(--accent); font-weight: 600; }
pre { white-space: pre-wrap; word-break: break-word; font-size: 12px; line-height: 1.5; max-height: 520px; overflow: auto;
  background: var(--paper); padding: 10px; border: 1px solid var(--rule); }
footer.metadata { margin: 36px 56px 0; padding-top: 12px; border-top: 1px dashed var(--rule); color: var(--muted); font-size: 12.5px; }
footer.metadata h2 { font-size: 14px; border: 0; margin: 0 0 4px; padding: 0; }
@media (max-width: 720px) {
  header.report-head, main, nav.toc { padding-left: 18px; padding-right: 18px; }
  footer.metadata { margin-left: 18px; margin-right: 18px; }
  .charts.cols-2 { grid-template-columns: 1fr; }
}
@media print {
  html { background: none; }
  body { box-shadow: none; max-width: none; font-size: 11pt; }
  nav.toc { display: none; }
  header.report-head, main { padding-left: 0; padding-right: 0; }
  section { break-before: auto; }
  h2, h3 { break-after: avoid; }
  details { border: 0; padding: 0; background: none; }
  @page { size: A4; margin: 16mm 14mm; }
}
`;
