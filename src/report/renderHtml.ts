import type { Block, Cell, ReportDocument, ReportMetadata } from './document.js';
import type { Lang } from './lang.js';
import { REPORT_CSS } from './reportStyle.js';

/** Markers around the metadata block: everything outside them is identical on re-runs. */
export const METADATA_BEGIN = '<!-- metadata:begin -->';
export const METADATA_END = '<!-- metadata:end -->';

/**
 * Content-Security-Policy of every report: no script, no network, no external anything — only
 * the inline style sheet and inline SVG. A name or label that slipped past escaping still could
 * not run or fetch.
 */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** "一、" in Chinese official style, "1." in English. */
function sectionNumber(i: number, lang: Lang): string {
  return lang === 'zh' ? `${ZH_NUMERALS[i] ?? String(i + 1)}、` : `${i + 1}.`;
}

function cell(c: Cell, tag: 'td' | 'th', align: 'l' | 'r' | undefined): string {
  const cls = align === 'r' ? ' class="r"' : '';
  if (typeof c === 'string') return `<${tag}${cls}>${escapeHtml(c)}</${tag}>`;
  const detail = c.detail !== undefined ? ` <span class="detail">${escapeHtml(c.detail)}</span>` : '';
  return `<${tag}${cls}><span class="badge tone-${c.tone}">${escapeHtml(c.text)}</span>${detail}</${tag}>`;
}

function block(b: Block, svgs: ReadonlyMap<string, string>): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'heading':
      return `<h3><span>${escapeHtml(b.text)}</span>${
        b.badge !== undefined
          ? `<span class="badge tone-${b.badge.tone}">${escapeHtml(b.badge.text)}</span>`
          : ''
      }</h3>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<thead><tr>${b.header.map((h, i) => cell(h, 'th', b.align?.[i])).join('')}</tr></thead>`;
      const body = `<tbody>${b.rows
        .map((r) => `<tr>${r.map((c, i) => cell(c, 'td', b.align?.[i])).join('')}</tr>`)
        .join('\n')}</tbody>`;
      const caption = b.caption !== undefined ? `<caption>${escapeHtml(b.caption)}</caption>` : '';
      return `<table class="${b.layout ?? 'data'}">${caption}${head}\n${body}</table>`;
    }
    case 'keyValue':
      return `<dl class="kv">${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
    case 'charts':
      return `<div class="charts cols-${b.columns ?? 1}">${b.charts
        .map((c) => {
          const svg = svgs.get(c.id);
          if (svg === undefined) throw new Error(`chart ${c.id} was not rendered`);
          return `<figure id="chart-${escapeHtml(c.id)}"><div class="chart" role="img" aria-label="${escapeHtml(c.alt)}">${svg}</div><figcaption>${escapeHtml(c.alt)}</figcaption></figure>`;
        })
        .join('\n')}</div>`;
    case 'details':
      return `<details><summary>${escapeHtml(b.summary)}</summary>${b.blocks.map((x) => block(x, svgs)).join('\n')}</details>`;
    case 'code':
      return `<pre>${escapeHtml(b.text)}</pre>`;
  }
}

/**
 * A report as one self-contained HTML file: inline style sheet, charts as inline SVG (`svgs`,
 * by chart id), no script and no external resource, so it opens offline by double-click. All
 * text is escaped. The metadata block sits between `METADATA_BEGIN` and `METADATA_END`.
 */
export function renderHtml(
  doc: ReportDocument,
  svgs: ReadonlyMap<string, string>,
  metadata: ReportMetadata,
): string {
  const zh = doc.lang === 'zh';
  const toc = doc.sections
    .map(
      (s, i) =>
        `<a href="#${escapeHtml(s.id)}">${escapeHtml(sectionNumber(i, doc.lang))}${zh ? '' : ' '}${escapeHtml(s.title)}</a>`,
    )
    .join('');
  const sections = doc.sections
    .map(
      (s, i) =>
        `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(sectionNumber(i, doc.lang))}${zh ? '' : ' '}${escapeHtml(s.title)}</h2>\n${s.blocks
          .map((b) => block(b, svgs))
          .join('\n')}\n</section>`,
    )
    .join('\n');
  const rows: [string, string][] = [
    [zh ? '生成时间' : 'Written at', metadata.generatedAt],
    [zh ? '报告目录' : 'Report folder', metadata.reportDir],
    [zh ? '输入文件' : 'Input file', metadata.source],
    [zh ? '运行环境' : 'Runtime', metadata.runtime],
  ];
  const meta = `${METADATA_BEGIN}\n<footer class="metadata"><h2>${zh ? '运行记录（每次运行不同）' : 'Run record (differs between runs)'}</h2><dl class="kv">${rows
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl></footer>\n${METADATA_END}`;
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="report-head">
<p class="kicker">${escapeHtml(doc.kicker ?? (zh ? '规划目标达成评估' : 'PLAN GOAL ASSESSMENT'))}</p>
<h1>${escapeHtml(doc.title)}</h1>
${doc.subtitle.map((s) => `<p class="subtitle">${escapeHtml(s)}</p>`).join('\n')}
</header>
<nav class="toc">${toc}</nav>
<main>
${sections}
</main>
${meta}
</body>
</html>
`;
}
