import { describe, expect, it } from 'vitest';
import { describeImageLite } from '../../../shared/lite/describe-image-lite';
import { ImageDescriptionSchema } from '../../../shared/protocol/results';

describe('describeImageLite', () => {
  it('keeps useful context, drops filenames, "image" and duplicates, and writes no caption', () => {
    const description = describeImageLite([
      { source: 'alt', text: '  Council members raising their hands  ' },
      { source: 'title', text: 'council members raising their hands.' },
      { source: 'figcaption', text: 'The final tally at Town Hall.' },
      { source: 'nearby', text: 'IMG_1234.jpg' },
      { source: 'alt', text: 'image' },
      { source: 'filename', text: 'DSC_0042.JPG' },
      { source: 'filename', text: 'harbor-point-vote.png' },
      { source: 'nearby', text: '   ' },
    ]);
    expect(ImageDescriptionSchema.safeParse(description).success).toBe(true);
    expect(description.caption).toBeUndefined();
    expect(description.context).toEqual([
      { source: 'alt', text: 'Council members raising their hands' },
      { source: 'figcaption', text: 'The final tally at Town Hall.' },
      { source: 'filename', text: 'harbor-point-vote.png' },
    ]);
    expect(description.provenance).toEqual({ engine: 'browser', tier: 'lite', model: 'lite/image-context@1', backend: 'rules' });
  });

  it('carries OCR text and says the CPU ran when it did', () => {
    const description = describeImageLite([], '  Harbor Point\n vote: 6-3 ', { engine: 'daemon' });
    expect(description.ocrText).toBe('Harbor Point vote: 6-3');
    expect(description.provenance).toMatchObject({ engine: 'daemon', backend: 'cpu' });
  });

  it('lets the caller override provenance, e.g. to note a fallback', () => {
    const description = describeImageLite([], undefined, { provenance: { note: 'daemon unreachable: ran in the browser' } });
    expect(description.ocrText).toBeUndefined();
    expect(description.provenance.note).toBe('daemon unreachable: ran in the browser');
  });
});
