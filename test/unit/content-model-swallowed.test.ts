// Markdown that would swallow or drop what the author wrote, without a word: a block opened and
// never closed (a callout, a code fence, an HTML comment) takes in the rest of the memo; a note
// nothing refers to, a second definition of a label, a line read as an unused link definition
// and a table cell beyond the header's columns vanish. Each is an error at its opening line that
// says where it would end and what to write.
import { describe, expect, it } from 'vitest';
import { briefingText, check, expectClean, infoMemoFrontmatter, placeOf } from './content-model-support.js';

const memoWith = (body: string[]) => briefingText(infoMemoFrontmatter({ title: 'Title' }), body);

/** The line (1-based) of the last line of `text` that holds anything. */
const lastLine = (text: string) => text.trimEnd().split('\n').length;

describe('blocks that are never closed', () => {
  it('a :::note without its closing ::: is an error at its opening line that says where it runs to', async () => {
    const text = memoWith(['Intro.', '', ':::note', 'A short note.', '', '## Discussion', '', 'The rest of the memo.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, ':::note')} unclosed-block`]);
    expect(checked.report).toContain(
      `this :::note is never closed, so it runs to the end of the memo (line ${lastLine(text)}) and takes in everything after it; close it with ::: on its own line where the note ends, likely before the heading on line ${placeOf(text, '## Discussion').split(':')[0]}`,
    );
  });

  it('closed callouts, nested ones, longer fences and labels are fine', async () => {
    expectClean(await check(memoWith([':::note', 'A note.', ':::', '', 'After.'])));
    expectClean(await check(memoWith(['::::note', 'Outer.', '', ':::quote{source="A"}', 'Inner.', ':::', '', 'Outer again.', '::::', '', 'After.'])));
    expectClean(await check(memoWith([':::note[Label]', 'Text.', ':::'])));
    expectClean(await check(memoWith(['- item', '', '  :::note', '  Inside the item.', '  :::', '', '- next'])));
    // An empty note is closed too.
    expectClean(await check(memoWith([':::note', ':::', '', 'After.'])));
  });

  it('a fence shorter than the opening one does not close it; nested blocks are named where they end', async () => {
    const text = memoWith(['::::note', 'Text.', ':::', '', 'More.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '::::note')} unclosed-block`]);
    expect(checked.report).toContain('close it with :::: on its own line where the note ends');
    const inList = memoWith(['- item', '', '  :::note', '  inside', '', '- next item']);
    expect((await check(inList)).report).toContain(`this :::note is never closed, so it runs to the end of its list item (line ${placeOf(inList, 'inside').split(':')[0]})`);
    // Never closed, but it was an unknown block anyway: both are said.
    const unknown = memoWith([':::warning', 'Text.']);
    expect((await check(unknown)).errors).toEqual([`${placeOf(unknown, ':::warning')} unclosed-block`, `${placeOf(unknown, ':::warning')} directive`]);
  });

  it('a code fence never closed is an error at the fence; a closed one, ~~~ or longer, is fine', async () => {
    const text = memoWith(['Intro.', '', '```yaml', 'key: value', '', '## Discussion', '', 'Text.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '```yaml')} unclosed-block`]);
    expect(checked.report).toContain(`this code block (\`\`\`) is never closed, so it runs to the end of the memo (line ${lastLine(text)}) and prints everything after it as code; close it with \`\`\` on its own line where the code ends`);
    expectClean(await check(memoWith(['```', 'code', '```', '', 'After.'])));
    expectClean(await check(memoWith(['~~~', 'code', '~~~~', '', 'After.'])));
    expectClean(await check(memoWith(['    indented code', '', 'After.'])));
    // A fence of the other kind does not close it.
    const mixed = memoWith(['```', 'code', '~~~', '', 'After.']);
    expect((await check(mixed)).errors).toEqual([`${placeOf(mixed, '```')} unclosed-block`]);
  });

  it('an HTML comment never closed hides the rest: an error; a closed comment is fine', async () => {
    const text = memoWith(['Intro.', '', '<!-- reviewer: check the figures', '', '## Discussion', '', 'Text.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '<!--')} unclosed-block`]);
    expect(checked.warnings).toEqual([]);
    expect(checked.report).toContain(`this HTML comment is never closed with -->, so it runs to the end of the memo (line ${lastLine(text)}) and hides everything after it; close it with --> where it should end`);
    expectClean(await check(memoWith(['<!-- a note', 'on two lines -->', '', 'After.'])));
    // Raw HTML that waits for its end tag is the same trap (and still not rendered).
    const pre = memoWith(['<pre>', 'text', '', 'More.']);
    const preChecked = await check(pre);
    expect(preChecked.errors).toEqual([`${placeOf(pre, '<pre>')} unclosed-block`]);
    expect(preChecked.report).toContain('this <pre> block is never closed with </pre>');
  });
});

describe('definitions and cells that would not print', () => {
  it('a note nothing refers to, and a second note with the same label, are errors at the note', async () => {
    const text = memoWith(['The ministers met.[^1]', '', '[^1]: First note.', '', '[^2]: Never referred to.', '', '[^1]: Same label again.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '[^2]:')} unused-definition`, `${placeOf(text, '[^1]: Same')} unused-definition`]);
    expect(checked.report).toContain('note [^2] is never referred to, so it does not print; put [^2] in the text where the note belongs, or delete the note');
    expect(checked.report).toContain(`a second note [^1] (the first is on line ${placeOf(text, '[^1]: First').split(':')[0]}) never prints`);
    expectClean(await check(memoWith(['Text.[^a] More.[^b]', '', '[^a]: One.', '', '[^b]: Two, see also[^a].'])));
  });

  it('a line read as a link definition that no link uses is an error; used ones and the comment idiom are fine', async () => {
    const text = memoWith(['Intro.', '', '[Update]: resumed', '', 'More.']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '[Update]')} unused-definition`]);
    expect(checked.report).toContain('this line reads as a link definition [Update]: resumed, which no link uses, so it does not print; if it is text, write \\[Update] to keep the bracket');
    expectClean(await check(memoWith(['See [the statement][scc].', '', '[scc]: https://www.defense.gov/News/'])));
    expectClean(await check(memoWith(['Text.', '', '[//]: # (A comment the Markdown way.)', '[comment]: # "Also a comment."'])));
    const twice = memoWith(['See [the statement][scc].', '', '[scc]: https://a.example/', '[scc]: https://b.example/']);
    expect((await check(twice)).errors).toEqual([`${placeOf(twice, '[scc]: https://b')} unused-definition`]);
  });

  it('a table cell beyond the header row is an error at that cell, quoting what would be lost', async () => {
    const text = memoWith(['| Office | View |', '|---|---|', '| Treasury | Supports | with conditions |', '| Commerce | Opposes |']);
    const checked = await check(text);
    expect(checked.errors).toEqual([`${placeOf(text, '| with conditions')} table-cells`]);
    expect(checked.report).toContain('this row has 3 cells but the table has 2 columns, so cell 3 ("with conditions") would not print; add a column to the header row, or write a | that is part of the text as \\|');
    expectClean(await check(memoWith(['| Office | View |', '|---|---|', '| Treasury | Supports \\| with conditions |', '| Commerce |'])));
  });
});
