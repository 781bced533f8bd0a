import { describe, expect, it } from 'vitest';
import { accessibleDescription } from '../../../extension/lib/accessible-description';
import type { ImageDescription } from '../../../shared/protocol/results';

const provenance = { engine: 'browser', tier: 'lite', model: 'lite/image-context@1', backend: 'rules' } as const;

describe('accessibleDescription', () => {
  it('says it is page context, not a look at the picture, and never repeats the useless alt or file name', () => {
    const text = accessibleDescription({
      context: [
        { source: 'alt', text: 'IMG_1234.jpg' },
        { source: 'figcaption', text: 'The final tally at Town Hall.' },
        { source: 'filename', text: 'IMG_1234.jpg' },
      ],
      provenance,
    });
    expect(text).toMatch(/from the page, not the picture/);
    expect(text).toContain('The final tally at Town Hall.');
    expect(text).not.toContain('IMG_1234');
  });

  it('includes text read from the image and prefers a generated caption when there is one', () => {
    const description: ImageDescription = {
      caption: 'A council vote',
      context: [{ source: 'nearby', text: 'Some text' }],
      ocrText: 'Vote: 6-3',
      provenance,
    };
    const text = accessibleDescription(description)!;
    expect(text).toContain('Generated caption: A council vote');
    expect(text).toContain('Text read from the image: Vote: 6-3');
    expect(text).not.toMatch(/not the picture/);
    expect(text).not.toContain('Some text');
  });

  it('never says "not the picture" while quoting text read from the picture', () => {
    const text = accessibleDescription({
      context: [{ source: 'nearby', text: 'The council voted on Tuesday.' }],
      ocrText: 'Harbor Point vote: 6-3',
      provenance,
    })!;
    expect(text).toBe(
      'Image described by Loupe — Page text near it: The council voted on Tuesday. Text read from the image: Harbor Point vote: 6-3.',
    );
  });

  it('says nothing rather than something empty when Loupe knows nothing about the image', () => {
    expect(accessibleDescription({ context: [{ source: 'filename', text: 'a.png' }], provenance })).toBeUndefined();
  });
});
