// Plugins report problems on the vfile at the node's position instead of throwing, the way
// remark-lint does; an error is a message marked fatal.
import type { Node } from 'unist';
import type { VFile } from 'vfile';

export function nodeError(file: VFile, node: Node, message: string, rule: string): void {
  const entry = file.message(message, { place: node.position, ruleId: rule, source: 'briefing' });
  entry.fatal = true;
}

export function nodeWarning(file: VFile, node: Node, message: string, rule: string): void {
  const entry = file.message(message, { place: node.position, ruleId: rule, source: 'briefing' });
  entry.fatal = false;
}
