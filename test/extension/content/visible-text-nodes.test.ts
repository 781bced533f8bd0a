import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ariaHiddenOnly, visibleTextNodesSliced } from '../../../extension/entrypoints/content/visible-text-nodes';
import { createTimeSlicer } from '../../../extension/entrypoints/content/time-slicer';

describe('visibleTextNodesSliced', () => {
  it('skips aria-hidden decoration, templates and iframes, and counts the iframes it skipped', async () => {
    const { document } = parseHTML(`<html><body>
      <p>Read <a href="#">this</a>.</p><span aria-hidden="true">★★★</span><template><p>Later</p></template>
      <iframe src="x"></iframe><table><tr><td>Cell</td></tr></table></body></html>`);
    const walk = await visibleTextNodesSliced(document.body as unknown as Node, createTimeSlicer(), ariaHiddenOnly);
    expect(
      walk.nodes
        .map((n) => n.data)
        .join('')
        .replace(/\s+/gu, ' ')
        .trim(),
    ).toBe('Read this. Cell');
    expect(walk.notes.iframes).toBe(1);
  });
});
