import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createTextMap } from '../../../extension/entrypoints/content/text-map';
import { visibleTextNodes } from '../../../extension/entrypoints/content/visible-text-nodes';
import { blockText } from '../../../shared/text/block-text';

const PAGE = `<html><body>
  <nav>Home · News</nav>
  <article>
    <h1>Harbor  Point vote</h1>
    <p>The council <b>approved</b> the plan on Tuesday.</p>
    <script>var tracking = "approved";</script>
    <p hidden>Hidden approved text.</p>
    <p>Critics called it a <em>shocking</em> decision.</p>
  </article>
  <div data-loupe-ui>Loupe card text</div>
</body></html>`;

function setup() {
  const { document } = parseHTML(PAGE);
  const nodes = visibleTextNodes(document.body, (el) => el.hasAttribute('hidden'));
  const article = blockText(document.querySelector('article')!).text;
  return { document, nodes, article, map: createTextMap(article, nodes) };
}

function covered(position: NonNullable<ReturnType<ReturnType<typeof createTextMap>['positionOf']>>, nodes: Text[]): string {
  const from = nodes.indexOf(position.startNode);
  const to = nodes.indexOf(position.endNode);
  if (from === to) return position.startNode.data.slice(position.startOffset, position.endOffset);
  return [
    position.startNode.data.slice(position.startOffset),
    ...nodes.slice(from + 1, to).map((n) => n.data),
    position.endNode.data.slice(0, position.endOffset),
  ].join('');
}

describe('offset → DOM map', () => {
  it('gives article text a blank line between blocks and single spaces inside', () => {
    expect(setup().article).toBe(
      'Harbor Point vote\n\nThe council approved the plan on Tuesday.\n\nHidden approved text.\n\nCritics called it a shocking decision.',
    );
  });

  it('does not place article text the reader cannot see (a hidden paragraph)', () => {
    const { article, map } = setup();
    const start = article.indexOf('Hidden approved text.');
    expect(map.positionOf(start, start + 'Hidden approved text.'.length)).toBeNull();
  });

  it('skips scripts, hidden elements and Loupe’s own UI when collecting live text', () => {
    const text = setup()
      .nodes.map((n) => n.data)
      .join('');
    expect(text).not.toContain('tracking');
    expect(text).not.toContain('Hidden');
    expect(text).not.toContain('Loupe card');
  });

  it('maps a span that crosses inline elements back to the live text nodes', () => {
    const { article, map, nodes } = setup();
    const start = article.indexOf('council approved the plan');
    const position = map.positionOf(start, start + 'council approved the plan'.length)!;
    expect(position).not.toBeNull();
    expect(covered(position, nodes)).toBe('council approved the plan');
    expect(position.startNode.parentElement?.tagName).toBe('P');
  });

  it('maps a single word inside an emphasis element to that element', () => {
    const { article, map } = setup();
    const start = article.indexOf('shocking');
    const position = map.positionOf(start, start + 8)!;
    expect(position.startNode.parentElement?.tagName).toBe('EM');
    expect(position.startNode.data.slice(position.startOffset, position.endOffset)).toBe('shocking');
  });

  it('returns null for a span whose text is not on the page', () => {
    const { nodes } = setup();
    const map = createTextMap('Nothing like this is on the page.', nodes);
    expect(map.positionOf(0, 10)).toBeNull();
  });
});
