// Callouts are container directives (`:::bluf` … `:::`). Known names become <aside> boxes
// with a class the stylesheet dresses; an unknown block directive is an error at its line.
// Text directives (`:name`) appear by accident in prose ("Tokyo:Japan"), so an unknown one
// is put back as the text the author wrote.
import type { Root, Parent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { figureDirective } from './remark-captions.js';
import { nodeError } from './report.js';

export const calloutTitles: Record<string, string> = {
  bluf: 'Bottom line up front',
  'key-judgments': 'Key judgments',
  recommendation: 'Recommendation',
  note: 'Note',
  quote: 'Quotation',
};

type Directive = ContainerDirective | LeafDirective | TextDirective;

function literalText(node: Directive): string {
  const label = node.children.map((child) => ('value' in child ? String(child.value) : '')).join('');
  return `:${node.name}${label ? `[${label}]` : ''}`;
}

export default function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      const directive = node as Directive;
      if (directive.type === 'textDirective') {
        if (parent && index !== undefined) parent.children.splice(index, 1, { type: 'text', value: literalText(directive) } as never);
        return SKIP;
      }
      // A figure is a block too, but not a callout: remark-captions numbers it.
      if (directive.type === 'containerDirective' && directive.name === figureDirective) return undefined;
      const title = calloutTitles[directive.name];
      if (!title || directive.type !== 'containerDirective') {
        const known = [...Object.keys(calloutTitles), figureDirective].map((name) => `:::${name}`).join(', ');
        nodeError(file, directive, `unknown block "${directive.type === 'leafDirective' ? '::' : ':::'}${directive.name}"; use one of ${known}`, 'directive');
        if (parent && index !== undefined) parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const source = directive.name === 'quote' ? directive.attributes?.source ?? undefined : undefined;
      directive.data = {
        hName: 'aside',
        hProperties: { className: ['callout', `callout-${directive.name}`], ...(source ? { dataSource: source } : {}) },
      };
      return undefined;
    });
  };
}
