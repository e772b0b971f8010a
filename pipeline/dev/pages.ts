// The two HTML pages of the dev server. They carry no inline script or style (the CSP allows
// only the server's own files); what changes live is filled in by client/*.js from events.
import type { BriefingState } from './workspace.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export const previewPath = (key: string) => `/preview/${key.split('/').map(encodeURIComponent).join('/')}`;
export const printPath = (key: string) => `/print/${key.split('/').map(encodeURIComponent).join('/')}`;

const statusText = (state: BriefingState) => {
  const errors = state.messages.filter((message) => message.severity === 'error').length;
  const warnings = state.messages.length - errors;
  if (state.status === 'ok') return 'ok';
  return state.status === 'errors' ? `errors (${errors})` : `warnings (${warnings})`;
};

export function indexPage(briefings: BriefingState[]): string {
  const rows = briefings
    .map(
      (state) =>
        `<tr data-key="${escapeHtml(state.key)}"><td><a href="${escapeHtml(previewPath(state.key))}">${escapeHtml(state.title)}</a></td>` +
        `<td><code>${escapeHtml(state.key)}</code></td><td class="status status-${state.status}">${escapeHtml(statusText(state))}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Briefings · briefing dev</title>
<link rel="stylesheet" href="/static/dev.css">
<script type="module" src="/static/index.js"></script>
</head>
<body class="index">
<h1>Briefings</h1>
<table>
<thead><tr><th>Title</th><th>File</th><th>Status</th></tr></thead>
<tbody id="briefings">
${rows || '<tr><td colspan="3">No Markdown briefings found.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}

export function previewPage(state: BriefingState): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(state.title)} · preview</title>
<link rel="stylesheet" href="/static/dev.css">
<script type="module" src="/static/preview.js"></script>
</head>
<body class="preview" data-briefing="${escapeHtml(state.key)}" data-status="${state.status}">
<header class="toolbar">
<a href="/">All briefings</a>
<span class="title">${escapeHtml(state.title)}</span>
<span id="status" class="status status-${state.status}">${escapeHtml(statusText(state))}</span>
<a id="pdf-link" href="${escapeHtml(printPath(state.key))}" target="_blank" rel="noopener">PDF</a>
</header>
<details id="warnings" hidden><summary>Warnings</summary><ol></ol></details>
<main id="pages" aria-label="Pages of the printed briefing"></main>
<section id="overlay" role="alert" hidden>
<h2>This save has errors; the last good rendering is behind this box</h2>
<ol id="messages"></ol>
</section>
</body>
</html>
`;
}
