// Where a briefing's bottom line is written: the frontmatter `bluf`, or a `:::bluf` callout
// in the body. Both lint rules about the BLUF read it from here.
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit, EXIT } from 'unist-util-visit';
import type { Place } from '../source/diagnostics.js';
import type { LintSubject } from './rule.js';

export interface BlufText {
  text: string;
  /** The callout node, or the frontmatter value's place. */
  at: ContainerDirective | Place;
}

export function findBluf(tree: Root, subject: LintSubject): BlufText | undefined {
  const written = subject.frontmatter.bluf;
  if (written !== undefined) return { text: written, at: subject.locate(['bluf']) };
  let callout: ContainerDirective | undefined;
  visit(tree, 'containerDirective', (node) => {
    if (node.name !== 'bluf') return undefined;
    callout = node;
    return EXIT;
  });
  return callout ? { text: toString(callout).trim(), at: callout } : undefined;
}
