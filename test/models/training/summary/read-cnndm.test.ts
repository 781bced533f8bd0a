import { describe, expect, it } from 'vitest';
import { detokenizePtb } from '../../../../models/training/summary/read-cnndm';
import { segmentSentences } from '../../../../shared/text/segment-sentences';

describe('detokenizePtb', () => {
  it('reattaches clitics and punctuation so the CNN/DM text reads as prose', () => {
    expect(detokenizePtb("Police say they have no objections to sunday 's derby , he said ( above ) .")).toBe(
      "Police say they have no objections to sunday's derby, he said (above).",
    );
    expect(detokenizePtb("I do n't know what 's next ; ``it ’ s over ...")).toBe("I don't know what's next; \"it’s over...");
  });

  it('lets the segmenter find the same sentences a reader would', () => {
    const text = detokenizePtb('The match starts at 4pm . Police are not worried , they said . Fans agreed .');
    expect(segmentSentences(text).map((s) => s.text)).toEqual([
      'The match starts at 4pm.',
      'Police are not worried, they said.',
      'Fans agreed.',
    ]);
  });
});
