import { describe, expect, it } from 'vitest';
import { excusedByContext } from '../../../shared/lite/cue-exceptions';

/** The lower-case words of `sentence` and where `cue` stands in them. */
function at(sentence: string, cue: string) {
  const words = sentence
    .toLowerCase()
    .split(/\s+/u)
    .map((lower) => ({ lower }));
  const cueWords = cue.split(' ');
  const start = words.findIndex((_, i) => cueWords.every((w, k) => words[i + k]?.lower === w));
  if (start < 0) throw new Error(`"${cue}" not in "${sentence}"`);
  return [cue, words, start, start + cueWords.length] as const;
}

describe('excusedByContext: the words around a cue that make it plain', () => {
  it('reads the word before and the word or words after', () => {
    expect(excusedByContext(...at('a highly toxic compound', 'toxic'))).toBe(true);
    expect(excusedByContext(...at('the leaves are toxic to cattle', 'toxic'))).toBe(true);
    expect(excusedByContext(...at('the bark is toxic to the skin', 'toxic'))).toBe(true);
    expect(excusedByContext(...at('the issue became toxic to republicans', 'toxic'))).toBe(false);
    expect(excusedByContext(...at('admitted to hospital', 'admitted'))).toBe(true);
  });

  it('looks a few words ahead, and no further', () => {
    expect(excusedByContext(...at('she slammed her car into a wall', 'slammed'))).toBe(true);
    expect(excusedByContext(...at('she slammed the red car into a wall', 'slammed'))).toBe(true);
    expect(excusedByContext(...at('she slammed the plan and walked into the hall', 'slammed'))).toBe(false);
  });

  it('keeps the figurative uses that look like literal ones', () => {
    expect(excusedByContext(...at('the company ripped off its customers', 'ripped'))).toBe(false);
    expect(excusedByContext(...at('flames ripped through the cabin', 'ripped'))).toBe(true);
    expect(excusedByContext(...at('he boasted the economy was strong', 'boasted'))).toBe(false);
    // The lexicon's cue is "boasted"; its rule sees the cue as the lexicon writes it, whatever the form.
    const [, words, start, end] = at('the school boasts a brass band', 'boasts');
    expect(excusedByContext('boasted', words, start, end)).toBe(true);
  });
});
