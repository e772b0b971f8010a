// How a memo writes a frontmatter source, after the Chicago notes-and-bibliography style. A
// citation `[@id]` becomes a note whose text is the source's short form; the Sources list at the
// end gives each source in full, unnumbered, in alphabetical order, so the reader sees one
// sequence of numbers (the notes) and finds the full entry by the name the note begins with.
//
//   note          U.S. Department of Defense, “Joint Statement of the Security Consultative Committee.”
//   bibliography  U.S. Department of Defense. “Joint Statement of the Security Consultative
//                 Committee.” Accessed July 29, 2024. https://www.defense.gov/News/Releases/.
//
// A source without a publisher begins with its title, in both.

export interface CitedSource {
  id: string;
  title: string;
  publisher?: string;
}

const endsASentence = /[.?!]$/;

/** “Title.” — the closing period inside the quotation marks (American style), none after ? or !. */
export function quotedTitle(title: string): string {
  // Quotation marks inside a quoted title become single ones.
  const inner = title.trim().replace(/"([^"]*)"/g, '‘$1’').replace(/“([^”]*)”/g, '‘$1’');
  return `“${inner}${endsASentence.test(inner) ? '' : '.'}”`;
}

/** The text of the note a citation prints: `Publisher, “Title.”`, or `“Title.”`. */
export function noteText(source: CitedSource): string {
  return source.publisher ? `${source.publisher.trim()}, ${quotedTitle(source.title)}` : quotedTitle(source.title);
}

/** The entry's opening element with its full stop: `Publisher.` (none when there is no publisher). */
export function bibliographyLead(source: CitedSource): string | undefined {
  const publisher = source.publisher?.trim();
  if (!publisher) return undefined;
  return endsASentence.test(publisher) ? publisher : `${publisher}.`;
}

/**
 * The Sources list's order: alphabetical by the word an entry begins with (the publisher, or the
 * title when there is none) as the memo's language sorts, quotation marks ignored; then by
 * title, then by id, so the order never depends on how the frontmatter lists them.
 */
export function bibliographyOrder<T extends CitedSource>(sources: readonly T[], lang: string): T[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', ignorePunctuation: true, numeric: true });
  const key = (source: T) => source.publisher?.trim() || source.title;
  return [...sources].sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
