import { describe, expect, it } from 'vitest';
import { judgeSentence } from '../../../../shared/lite/bias-classifier/judge-sentence';
import { readSentenceWords } from '../../../../shared/lite/bias-classifier/sentence-words';

const words = (text: string) => readSentenceWords(text, { start: 0, end: text.length, text }).words;
const candidates = (text: string) =>
  words(text)
    .filter((w) => w.candidate)
    .map((w) => w.text);

describe('readSentenceWords: what the loaded-word model may score', () => {
  it('masks names, places, organisations and numbers, wherever they stand', () => {
    expect(candidates('In each case, President Trump tied himself to the outcome.')).toEqual(['case', 'tied', 'outcome']);
    expect(candidates('Trump tied himself to the 2020 outcome at Mar-a-Lago.')).toEqual(['tied', 'outcome']);
    expect(candidates('NATO and the UN met 3 times.')).toEqual(['met', 'times']);
  });

  it('still scores a capitalised first word that reads as an adjective, an adverb or a lexicon cue', () => {
    expect(candidates('Disgraced officials resigned.')).toContain('Disgraced');
    expect(candidates('Outrageous spending continued.')).toContain('Outrageous');
    expect(candidates('Thugs attacked the market.')).toContain('Thugs');
  });

  it('marks quoted words and excuses lexicon words their context makes plain', () => {
    const quoted = words('He called it "a reckless plan" yesterday.');
    expect(quoted.find((w) => w.text === 'reckless')?.quoted).toBe(true);
    expect(quoted.find((w) => w.text === 'yesterday')?.quoted).toBe(false);
    expect(words('The greedy algorithm is fast.').find((w) => w.text === 'greedy')?.excused).toBe(true);
    expect(words('The greedy bankers won.').find((w) => w.text === 'greedy')).toMatchObject({ excused: false, lexicon: 'loaded-language' });
  });

  it('excuses a word the lexicon does not list where its neighbours make it plain', () => {
    expect(words('The village lies in a narrow valley.').find((w) => w.text === 'lies')?.excused).toBe(true);
    expect(words('Underground lies a tangle of pipes.').find((w) => w.text === 'lies')?.excused).toBe(true);
    expect(words('He told lies about the vote.').find((w) => w.text === 'lies')?.excused).toBe(false);
  });
});

describe("quoted statements are the speaker's words, not the writer's", () => {
  const settings = { cueThreshold: 0.3, strongCue: 0.5, threshold: 0.6, maxCues: 4 };
  /** Judges a sentence as if the model rated `loaded` 0.95 and every other word 0.01. */
  function judge(text: string, loaded: string) {
    const read = readSentenceWords(text, { start: 0, end: text.length, text });
    const scored = read.words.filter((w) => w.candidate).map((word) => ({ word, probability: word.lower === loaded ? 0.95 : 0.01 }));
    return judgeSentence({ ...read, scored }, settings);
  }

  it('does not let a loaded word inside a quoted statement flag the sentence', () => {
    const text = '“We feel that the whole plan is ridiculous,” said the harbour master.';
    expect(words(text).find((w) => w.text === 'ridiculous')).toMatchObject({ quoted: true, speech: true });
    expect(judge(text, 'ridiculous').flagged).toBe(false);
  });

  it("still flags the writer's own loaded word, and a loaded word in short scare quotes", () => {
    expect(judge('The council passed a ridiculous plan on Tuesday.', 'ridiculous').flagged).toBe(true);
    const scare = 'The council called it a "ridiculous" delay.';
    expect(words(scare).find((w) => w.text === 'ridiculous')).toMatchObject({ quoted: true, speech: false });
    expect(judge(scare, 'ridiculous').flagged).toBe(true);
  });

  it('takes a short quotation with a verb of saying beside it as speech, in any quotation marks', () => {
    for (const text of [
      '“Ridiculous,” said the harbour master.',
      "'It was ridiculous,' she said.",
      "A passer-by told the paper: 'It's ridiculous.'",
      'The skipper said: ‘Ridiculous.’',
    ]) {
      expect(
        words(text).find((w) => w.text.toLowerCase() === 'ridiculous'),
        text,
      ).toMatchObject({ quoted: true, speech: true });
      expect(judge(text, 'ridiculous').flagged, text).toBe(false);
    }
    const scare = 'Critics call the “ridiculous” reform Harlow says he wants a scam.';
    expect(words(scare).find((w) => w.text === 'ridiculous')).toMatchObject({ quoted: true, speech: false });
    const possessive = "The players' ridiculous demands grew, the owners' patience did not.";
    expect(words(possessive).find((w) => w.text === 'ridiculous')).toMatchObject({ quoted: false, speech: false });
  });

  it('credits a view the sentence reports someone holding ("Opponents saw it as ridiculous"), not an agentless one', () => {
    for (const text of [
      'Opponents saw the new fee as ridiculous, since the bridge is free.',
      'She described the plan as ridiculous and costly.',
      'The union branded the offer as ridiculous.',
    ]) {
      expect(
        words(text).find((w) => w.text === 'ridiculous'),
        text,
      ).toMatchObject({ speech: true });
      expect(judge(text, 'ridiculous').flagged, text).toBe(false);
    }
    for (const text of [
      'The fee was widely seen as ridiculous.',
      'The fee is viewed as ridiculous.',
      'It was a ridiculous fee, as everyone saw.',
    ]) {
      expect(
        words(text).find((w) => w.text === 'ridiculous'),
        text,
      ).toMatchObject({ speech: false });
      expect(judge(text, 'ridiculous').flagged, text).toBe(true);
    }
  });
});
