// Images are local files beside the briefing. Each one is checked (relative, inside the
// content folder, exists, an image type) and rewritten to a virtual URL that the printer's
// request lock-down serves from an explicit allow-list; nothing else on disk is reachable.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import type { AssetMap } from '../../types.js';
import { isInside } from '../../paths.js';
import { nodeError } from './report.js';

export interface LocalImageOptions {
  /** Folder of the Markdown file: relative paths resolve against it. */
  folder: string;
  /** Content folder the user named: no image may come from outside it. */
  root: string;
  /** Origin the printed page uses for local files. */
  origin: string;
}

const imageTypes = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg']);

export default function remarkLocalImages(options: LocalImageOptions) {
  return (tree: Root, file: VFile) => {
    const assets: AssetMap = new Map();
    const rootReal = realpathSync(options.root);
    visit(tree, ['image', 'definition'], (node) => {
      if (node.type === 'definition' && !/\.(png|jpe?g|gif|webp|svg)$/i.test(node.url)) return;
      const image = node as { url: string };
      const url = image.url.trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        const remote = /^https?:/i.test(url);
        nodeError(
          file,
          node,
          remote
            ? `image "${url.slice(0, 80)}" is on the network, and a memo loads nothing from the network; save it beside the briefing and use a relative path`
            : `image "${url.slice(0, 80)}" is not a relative path; save it beside the briefing and use a relative path`,
          'image-path',
        );
        image.url = '';
        return;
      }
      let decoded: string;
      try {
        decoded = decodeURI(url.split(/[?#]/)[0] ?? '');
      } catch {
        decoded = url;
      }
      if (path.isAbsolute(decoded) || decoded.startsWith('/') || decoded.startsWith('\\')) {
        nodeError(file, node, `image "${url}" is an absolute path; use a path relative to the briefing, e.g. images/map.png`, 'image-path');
        image.url = '';
        return;
      }
      const resolved = path.resolve(options.folder, decoded);
      if (!isInside(resolved, options.root)) {
        nodeError(file, node, `image "${url}" is outside the content folder; copy it into ${path.basename(options.root)}/ and link it from there`, 'image-path');
        image.url = '';
        return;
      }
      if (!imageTypes.has(path.extname(resolved).toLowerCase())) {
        nodeError(file, node, `"${url}" is not an image this tool prints; use PNG, JPEG, GIF, WebP or SVG`, 'image-type');
        image.url = '';
        return;
      }
      // Present or not: creating, deleting or replacing the image changes what a check says.
      file.data.inputs = [...(file.data.inputs ?? []), resolved];
      let real: string;
      try {
        real = realpathSync(resolved);
        if (!statSync(real).isFile()) throw new Error('not a file');
      } catch {
        nodeError(file, node, `image "${url}" does not exist; check the path (it is relative to the briefing's folder)`, 'image-missing');
        image.url = '';
        return;
      }
      if (!isInside(real, rootReal)) {
        nodeError(file, node, `image "${url}" is a link that leads outside the content folder; copy the file in instead`, 'image-path');
        image.url = '';
        return;
      }
      const virtual = `${options.origin}/assets/${assets.size + 1}/${encodeURIComponent(path.basename(real))}`;
      assets.set(virtual, real);
      image.url = virtual;
    });
    file.data.assets = assets;
  };
}

declare module 'vfile' {
  interface DataMap {
    assets: AssetMap;
  }
}
