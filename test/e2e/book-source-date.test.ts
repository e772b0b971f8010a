// The book's date under SOURCE_DATE_EPOCH: the command reads the variable and passes it on; the
// API (pipeline/index.ts) reads no environment, and takes sourceDateEpoch as an option.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { book } from '../../pipeline/index.js';
import { runCli } from '../support/cli.js';
import { memo, writeTree } from '../support/fixtures.js';
import { readPdf } from '../support/pdf.js';

const epoch = '1700000000'; // 2023-11-14T22:13:20Z, far from the memo's 2024-07-29
const creationDay = async (file: string) => String((await readPdf(file)).info.CreationDate).slice(2, 10);
const project = () => writeTree({ 'content/2024-w31/memo.md': memo({ date: '2024-07-29' }) });

describe('the book under SOURCE_DATE_EPOCH', () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it('briefing book dates the PDF from the variable', async () => {
    const cwd = project();
    const result = await runCli(['book', '--week', '2024-W31', '--out', 'book.pdf'], { cwd, env: { SOURCE_DATE_EPOCH: epoch } });
    expect(result.code, result.stderr).toBe(0);
    expect(await creationDay(path.join(cwd, 'book.pdf'))).toBe('20231114');
  });

  it('the API takes sourceDateEpoch, and ignores the variable', async () => {
    const cwd = project();
    delete process.env.SOURCE_DATE_EPOCH;
    const given = await book({ cwd, week: '2024-W31', outFile: 'given.pdf', sourceDateEpoch: epoch });
    expect(given.status).toBe('built');
    expect(await creationDay(path.join(cwd, 'given.pdf'))).toBe('20231114');
    process.env.SOURCE_DATE_EPOCH = epoch;
    const ignored = await book({ cwd, week: '2024-W31', outFile: 'ignored.pdf' });
    expect(ignored.status).toBe('built');
    // The latest memo's date, as without the variable.
    expect(await creationDay(path.join(cwd, 'ignored.pdf'))).toBe('20240729');
  });
});
