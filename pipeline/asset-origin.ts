// The virtual origin of every local file a printed page may load: the document itself, the
// images the transform allowed and the fonts. Nothing is served from it but what the print
// lock-down (print/lockdown.ts) answers. A module of its own, so the printer can be loaded
// (and the browser started) without loading the Markdown stack.
export const assetOrigin = 'https://briefing.invalid';
