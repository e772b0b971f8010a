// One briefing's outputs: transformed and rendered once for all of them, the .docx written
// first (it needs no browser, so it is written while the browser starts), then the PDF printed;
// each output gets its manifest entry and its outcome. A failure fails that output alone,
// unless the run was stopped or the browser is gone (then the run fails as a whole).
import type { PrintPool } from '../print/pool.js';
import type { TemplateSet } from '../render/templates.js';
import type { BriefingConfig } from '../source/config.js';
import { reportError } from '../source/diagnostics.js';
import type { BriefingOutcome } from './build-run.js';
import { cacheKey, type FileHashes, type Manifest, type RunFingerprint } from './manifest.js';
import { fingerprintFor, type Candidate } from './plan-outputs.js';
import { BriefingInvalid, prepareBriefing, printPrepared, writeWordPrepared, type PrintedBriefing } from './print-briefing.js';

export interface OutputWriting {
  templates: TemplateSet;
  config: BriefingConfig;
  stamp?: boolean;
  sourceDateEpoch?: string;
  manifest: Manifest;
  hashes: FileHashes;
  fingerprint: RunFingerprint;
  /** The pool, once the browser has started; rejects when it could not start. */
  printer: () => Promise<PrintPool>;
  /** The run was interrupted, or its browser failed: write nothing more, report nothing. */
  stopped: () => boolean;
  finish: (outcome: BriefingOutcome) => void;
}

export async function writeOutputs(candidate: Candidate, writing: OutputWriting): Promise<void> {
  const { found, loaded } = candidate;
  const briefing = loaded!.briefing!;
  const memoStarted = Date.now();
  const pending = candidate.outputs.filter((planned) => !planned.cached).sort((a, b) => (a.format === b.format ? 0 : a.format === 'docx' ? -1 : 1));
  // Transformed and rendered once for all its outputs; a failure there fails each of them.
  const git = { inRepository: candidate.provenance !== 'none', modified: candidate.provenance === 'modified' };
  let prepared: Awaited<ReturnType<typeof prepareBriefing>> | { failure: unknown };
  try {
    prepared = await prepareBriefing(briefing, { templates: writing.templates, config: writing.config, stamp: writing.stamp, sourceDateEpoch: writing.sourceDateEpoch }, git, pending.map((entry) => entry.format));
  } catch (failure) {
    prepared = { failure };
  }
  const reported = new Set<unknown>();
  for (const planned of pending) {
    const { output } = planned;
    try {
      if ('failure' in prepared) throw prepared.failure;
      let written: PrintedBriefing;
      let printMs: number;
      if (planned.format === 'docx') {
        const writingStarted = Date.now();
        written = await writeWordPrepared(prepared, output);
        printMs = Date.now() - writingStarted;
      } else {
        const printer = await writing.printer();
        const printing = Date.now();
        written = await printPrepared(prepared, output, printer);
        printMs = Date.now() - printing;
      }
      const inputs = await writing.hashes.hashAll(written.inputs);
      writing.manifest.outputs[planned.outputKey] = {
        source: found.relative,
        root: found.root,
        key: cacheKey(fingerprintFor(writing.fingerprint, planned.format), candidate.sourceHash, inputs, candidate.provenance),
        sourceHash: candidate.sourceHash,
        inputs,
        id: briefing.frontmatter.id,
        type: briefing.frontmatter.type,
        sha256: written.sha256,
        pages: written.pages,
        bytes: written.bytes,
        warnings: briefing.file.messages.length,
      };
      writing.finish({ source: found.path, output, status: 'built', file: briefing.file, pages: written.pages || undefined, bytes: written.bytes, sha256: written.sha256, durationMs: Date.now() - memoStarted, printMs, id: briefing.frontmatter.id });
    } catch (error) {
      if (writing.stopped()) return;
      if (!(error instanceof BriefingInvalid) && !reported.has(error)) reportError(briefing.file, (error as Error).message, undefined, (error as { rule?: string }).rule ?? (planned.format === 'docx' ? 'docx' : 'print'));
      reported.add(error);
      delete writing.manifest.outputs[planned.outputKey];
      writing.finish({ source: found.path, output, status: 'failed', file: briefing.file, durationMs: Date.now() - memoStarted, id: briefing.frontmatter.id });
    }
  }
  // What is left of a printed memo is its outcome: let the text and the tree go, so memory
  // does not grow with the number of briefings.
  briefing.file.value = '';
  candidate.loaded = undefined;
  candidate.source = { ...candidate.source, bytes: Buffer.alloc(0) };
}
