// A URL printed on the page is copied by hand from paper: it is printed exactly as written
// (no typographic quotes, remark-typography.ts) and a long one breaks only after / . - _ ? & =,
// never inside a word ("def/ense.gov"), so a reader can tell where a line break is not part of it.
// The body (rehype-url-breaks.ts) and the Sources list (the `breakableUrl` template helper) print
// URLs the same way, as `<span class="url">` with a <wbr> after each of those characters.

/** Whether a link's text is its own address, as in autolinks (<https://…>) and GFM's bare URLs. */
export function isPrintedUrl(text: string, href: string): boolean {
  const written = text.trim();
  if (written === '') return false;
  return written === href || `mailto:${written}` === href || `http://${written}` === href || /^(?:https?|ftp):\/\/\S+$|^www\.\S+$/i.test(written);
}

/**
 * The pieces of a URL a line may end after: each ends with one of / . - _ ? & = (a run such as
 * `//` stays together), except that the scheme stays with what follows it (`https://www.`).
 */
export function urlSegments(url: string): string[] {
  const segments = url.match(/[^/.\-_?&=]*[/.\-_?&=]+|[^/.\-_?&=]+$/g) ?? [url];
  if (segments.length > 1 && segments[0]!.endsWith('://')) segments.splice(0, 2, segments[0]! + segments[1]!);
  return segments;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);

/** The URL as HTML for a template: escaped, with a break opportunity after each allowed character. */
export function breakableUrlHtml(url: string): string {
  return `<span class="url">${urlSegments(url).map(escapeHtml).join('<wbr>')}</span>`;
}
