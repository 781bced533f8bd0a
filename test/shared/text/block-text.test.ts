import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText, type BlockNode, type TextBlock } from '../../../shared/text/block-text';

function walk(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as BlockNode);
}

const rolesOf = (text: string, blocks: readonly TextBlock[]) => blocks.map((b) => [b.role, text.slice(b.start, b.end)]);

describe('blockText', () => {
  it('puts a blank line between blocks and single spaces inside them', () => {
    const { text, blocks } = walk('<article><p>The council  <b>approved</b>\n the plan.</p><div>Second   block.</div></article>');
    expect(text).toBe('The council approved the plan.\n\nSecond block.');
    expect(blocks).toEqual([]);
  });

  it('names the role of every block that is not prose, with offsets into the text', () => {
    const { text, blocks } = walk(`
      <h2>Harbor vote</h2>
      <p>The council approved the plan on Tuesday.</p>
      <figure><img src="x.png"><figcaption>The harbor at dawn. (Photo: Jane Doe)</figcaption></figure>
      <ul><li>Fresh pears</li><li><p>Stir until the sugar dissolves.</p></li></ul>
      <blockquote><p>We will rebuild it.</p></blockquote>
      <pre>npm install loupe</pre>
      <table><tr><td>Seats</td><td>6</td></tr></table>`);
    expect(rolesOf(text, blocks)).toEqual([
      ['heading', 'Harbor vote'],
      ['caption', 'The harbor at dawn. (Photo: Jane Doe)'],
      ['list-item', 'Fresh pears'],
      ['list-item', 'Stir until the sugar dissolves.'],
      ['quote', 'We will rebuild it.'],
      ['code', 'npm install loupe'],
      ['table', 'Seats'],
      ['table', '6'],
    ]);
    expect(text).toContain('The council approved the plan on Tuesday.');
  });

  it('keeps the blank lines of a <pre> as breaks between its paragraphs, each a block of its own', () => {
    const { text, blocks } = walk(
      '<pre>INTERNET DRAFT                                      J. Doe\nExpires: June 2015\n\n1.  Introduction\n\n   Many services for data\n   storage are available.\n</pre>',
    );
    expect(text).toBe('INTERNET DRAFT J. Doe Expires: June 2015\n\n1. Introduction\n\nMany services for data storage are available.');
    expect(rolesOf(text, blocks)).toEqual([
      ['code', 'INTERNET DRAFT J. Doe Expires: June 2015'],
      ['code', '1. Introduction'],
      ['code', 'Many services for data storage are available.'],
    ]);
  });

  it('takes a caption or a credit outside <figcaption> from its class or itemprop, and leaves other classes alone', () => {
    const { text, blocks } = walk(`
      <div><img src="x.png"><br><span class="pb-caption">The mayor reacts as she visits the pier on March 18. (Jane Doe/Courier)</span></div>
      <p class="wp-caption-text">Rebuilt piers in 2019.</p>
      <div><span itemprop="caption description">Boats at dusk.</span></div>
      <p class="photo-credit">Jane Doe</p>
      <p class="captivating lead">The council approved the plan on Tuesday.</p>`);
    expect(rolesOf(text, blocks)).toEqual([
      ['caption', 'The mayor reacts as she visits the pier on March 18. (Jane Doe/Courier)'],
      ['caption', 'Rebuilt piers in 2019.'],
      ['caption', 'Boats at dusk.'],
      ['caption', 'Jane Doe'],
    ]);
  });

  it('lets page chrome win over the roles nested in it: a menu list is navigation, not a list', () => {
    const { text, blocks } = walk(
      '<nav><ul><li>Home</li><li>World</li></ul></nav><form><button>Subscribe</button></form><p>Body text here.</p>',
    );
    expect(rolesOf(text, blocks)).toEqual([
      ['chrome', 'Home'],
      ['chrome', 'World'],
      ['chrome', 'Subscribe'],
    ]);
  });

  it('skips what a reader never sees as text: scripts, styles, SVG, form controls', () => {
    const { text } = walk(
      '<p>Visible <script>var x = 1;</script>words<svg><text>chart label</text></svg>.</p><select><option>Pick one</option></select>',
    );
    expect(text).toBe('Visible words.');
  });
});
