// A definition prints nothing by itself: a note (`[^2]: …`) prints only where the text refers
// to it, and a link definition (`[x]: https://…`) only through the links that use it. GFM drops
// one that nothing refers to, and every definition after the first of the same label, without a
// word; so a note the author wrote, or a line that Markdown read as a definition, vanishes from
// the PDF. Each is an error at the definition. `[//]: # (…)` and `[x]: #` are the Markdown
// comment idiom, kept out of print on purpose, and left alone.
import type { Definition, FootnoteDefinition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { nodeError } from './report.js';

const isCommentIdiom = (definition: Definition) => definition.url === '#' || definition.identifier.startsWith('//');

export default function remarkUnusedDefinitions() {
  return (tree: Root, file: VFile) => {
    const notesReferred = new Set<string>();
    const linksReferred = new Set<string>();
    const notes: FootnoteDefinition[] = [];
    const links: Definition[] = [];
    visit(tree, (node) => {
      if (node.type === 'footnoteReference') notesReferred.add(node.identifier);
      else if (node.type === 'linkReference' || node.type === 'imageReference') linksReferred.add(node.identifier);
      else if (node.type === 'footnoteDefinition') notes.push(node);
      else if (node.type === 'definition') links.push(node);
    });

    const firstNote = new Map<string, FootnoteDefinition>();
    for (const note of notes) {
      const label = `[^${note.label ?? note.identifier}]`;
      const first = firstNote.get(note.identifier);
      if (first) {
        nodeError(file, note, `a second note ${label} (the first is on line ${first.position?.start.line}) never prints, since ${label} refers to the first; give this one a label of its own and refer to it where it belongs`, 'unused-definition');
        continue;
      }
      firstNote.set(note.identifier, note);
      if (!notesReferred.has(note.identifier)) {
        nodeError(file, note, `note ${label} is never referred to, so it does not print; put ${label} in the text where the note belongs, or delete the note`, 'unused-definition');
      }
    }

    const firstLink = new Map<string, Definition>();
    for (const link of links) {
      if (isCommentIdiom(link)) continue;
      const label = `[${link.label ?? link.identifier}]`;
      const first = firstLink.get(link.identifier);
      if (first) {
        nodeError(file, link, `a second definition of ${label} (the first is on line ${first.position?.start.line}) is never used, since links to ${label} go to the first; delete one of them or give this one a label of its own`, 'unused-definition');
        continue;
      }
      firstLink.set(link.identifier, link);
      if (!linksReferred.has(link.identifier)) {
        nodeError(
          file,
          link,
          `this line reads as a link definition ${label}: ${link.url.slice(0, 40)}, which no link uses, so it does not print; if it is text, write \\${label} to keep the bracket, else link to it with [text]${label} or delete it`,
          'unused-definition',
        );
      }
    }
  };
}
