import { describe, expect, it } from 'vitest';
import { madeUpName, swapNames } from '../../../../../models/training/bias/eval/swap-names';

describe('swapNames', () => {
  it('replaces names inside a sentence and prominent names in any case, keeping the rest', () => {
    const { text, swapped } = swapNames('In each case, President Trump tied himself to obama and the NATO summit.');
    expect(swapped).toBe(4);
    expect(text).not.toMatch(/Trump|obama|NATO|President/u);
    expect(text).toMatch(/^In each case, \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ tied himself to \p{Ll}+ and the \p{Lu}+ summit\.$/u);
  });

  it('gives each name one made-up replacement, in its case, and leaves "I" alone', () => {
    expect(madeUpName('Trump')).toBe(madeUpName('Trump'));
    expect(madeUpName('trump')).toBe(madeUpName('Trump').toLowerCase());
    expect(swapNames('Then I left.').text).toBe('Then I left.');
  });
});
