// A synthetic corpus for the benchmark: N memos made from the samples in content/, each with
// its own id and a body repeated to give 1–6 printed pages, in a fresh temporary folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toolRoot } from '../pipeline/project.js';

export interface Corpus {
  folder: string;
  files: string[];
}

function samples(): { name: string; text: string }[] {
  const folder = path.join(toolRoot, 'content', '2024-w31');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }));
}

/** Memo `index` of a corpus: deterministic, so two runs measure the same files. */
export function corpusMemo(index: number, templates = samples()): { relative: string; text: string } {
  const sample = templates[index % templates.length]!;
  const end = sample.text.indexOf('\n---', 3);
  const frontmatter = sample.text.slice(0, end).replace(/^id: .*$/m, `id: BENCH-${String(index).padStart(5, '0')}`);
  const body = sample.text.slice(end + 4);
  // 1–6 pages: the sample body (1–3 pages) once or twice, plus filler paragraphs.
  const repeats = 1 + (index % 2);
  const portion = /^title:\s*["']?\(U\)/m.test(frontmatter) ? '(U) ' : '';
  const filler = Array.from({ length: (index * 7) % 12 }, (_, n) => `${portion}Additional paragraph ${n + 1} of memo ${index}: the ministers reaffirmed the alliance's deterrent posture and agreed to continue consultations at working level.`).join('\n\n');
  // A repeated body gets note labels of its own: a second note with a label already used is an error.
  const copies = Array.from({ length: repeats }, (_, copy) => (copy === 0 ? body : body.replace(/\[\^([^\]\s]+)\]/g, `[^$1-${copy + 1}]`)));
  const text = `${frontmatter}\n---${copies.join('\n')}\n\n${filler}\n`;
  return { relative: `batch-${Math.floor(index / 100)}/memo-${String(index).padStart(5, '0')}.md`, text };
}

export function writeCorpus(count: number, folder = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-'))): Corpus {
  const templates = samples();
  const glossary = path.join(toolRoot, 'content', 'glossary.yml');
  if (existsSync(glossary)) copyFileSync(glossary, path.join(folder, 'glossary.yml'));
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const memo = corpusMemo(index, templates);
    const file = path.join(folder, memo.relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, memo.text);
    files.push(file);
  }
  return { folder, files };
}
