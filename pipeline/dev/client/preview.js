// Live preview: the briefing's PDF — printed by the same pool, templates and styles as
// `build` — drawn page by page with pdf.js, with its text layer so the words are in the page.
// Each save arrives as a server-sent event: new pages replace the old ones only once drawn,
// and a save with errors shows them over the last good rendering.
import * as pdfjs from '/static/pdf.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/static/pdf.worker.mjs';

const key = document.body.dataset.briefing;
const pagesElement = document.getElementById('pages');
const overlay = document.getElementById('overlay');
const statusElement = document.getElementById('status');
const warnings = document.getElementById('warnings');
const cssPixelsPerPoint = 96 / 72;
let shownVersion;
let queue = Promise.resolve();

const where = (message) => [message.file, message.line, message.column].filter((part) => part !== undefined && part !== null).join(':');

function messageItem(message) {
  const item = document.createElement('li');
  const place = document.createElement('span');
  place.className = 'where';
  place.textContent = where(message);
  const rule = document.createElement('span');
  rule.className = 'rule';
  rule.textContent = message.rule ? `  ${message.rule}` : '';
  item.append(place, `  ${message.severity}  ${message.message}`, rule);
  return item;
}

function showMessages(state) {
  const errors = state.messages.filter((message) => message.severity === 'error');
  const others = state.messages.filter((message) => message.severity !== 'error');
  document.body.dataset.status = state.status;
  statusElement.className = `status status-${state.status}`;
  statusElement.textContent = state.status === 'ok' ? 'ok' : state.status === 'errors' ? `errors (${errors.length})` : `warnings (${others.length})`;
  document.getElementById('messages').replaceChildren(...errors.map(messageItem));
  overlay.hidden = errors.length === 0;
  warnings.querySelector('ol').replaceChildren(...others.map(messageItem));
  warnings.hidden = others.length === 0;
}

async function drawPage(pdf, number) {
  const page = await pdf.getPage(number);
  const viewport = page.getViewport({ scale: cssPixelsPerPoint });
  const box = document.createElement('div');
  box.className = 'page';
  box.dataset.pageNumber = String(number);
  box.style.width = `${viewport.width}px`;
  box.style.height = `${viewport.height}px`;
  box.style.setProperty('--total-scale-factor', String(viewport.scale));
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const text = document.createElement('div');
  text.className = 'textLayer';
  box.append(canvas, text);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  return box;
}

async function showPdf(version) {
  const response = await fetch(`/pdf/${key.split('/').map(encodeURIComponent).join('/')}?v=${version}`, { cache: 'no-store' });
  if (!response.ok) return;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(await response.arrayBuffer()), isEvalSupported: false, enableXfa: false }).promise;
  try {
    const boxes = [];
    for (let number = 1; number <= pdf.numPages; number++) boxes.push(await drawPage(pdf, number));
    const scroll = window.scrollY;
    pagesElement.replaceChildren(...boxes);
    window.scrollTo(0, scroll);
    shownVersion = version;
    document.body.dataset.pdfVersion = String(version);
  } finally {
    await pdf.destroy();
  }
}

async function apply(state) {
  showMessages(state);
  if (state.pdfVersion !== undefined && state.pdfVersion !== shownVersion) await showPdf(state.pdfVersion);
}

const events = new EventSource(`/events?briefing=${encodeURIComponent(key)}`);
events.addEventListener('briefing', (event) => {
  const state = JSON.parse(event.data);
  queue = queue.then(() => apply(state)).catch((error) => console.error(error));
});
events.addEventListener('gone', () => {
  showMessages({ status: 'errors', messages: [{ file: key, severity: 'error', message: 'this briefing no longer exists (moved or deleted)' }] });
});
