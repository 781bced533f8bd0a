import type { Span } from '../../../../shared/protocol/results';
import { tokenizeWords } from '../../../../shared/text/tokenize-words';
import { matchBiasCues, type CueMatch } from '../../../../shared/lite/match-bias-cues';
import type { BiasClassifierV1Config as BiasClassifierConfig } from './bias-classifier-v1-config';
import { hashFeature } from '../../../../shared/lite/bias-classifier/hash-feature';

/** One sentence as the classifier sees it, remembering which words produced each feature. */
export interface SentenceFeatures {
  /** Word tokens of the sentence, offsets into the analysed text. */
  readonly tokens: readonly Span[];
  readonly ids: readonly number[];
  readonly values: readonly number[];
  /** For each feature, the indices into `tokens` of the words that produced it. */
  readonly sources: readonly (readonly number[])[];
  /** Loupe cue-lexicon hits inside the sentence. */
  readonly cueMatches: readonly CueMatch[];
}

type Slots = Map<number, Set<number>>;

/** Word tokens (not punctuation) of `sentence`, with offsets into `text`. */
export function wordTokens(text: string, sentence: Span): Span[] {
  return tokenizeWords(text.slice(sentence.start, sentence.end))
    .filter((token) => /[\p{L}\p{N}]/u.test(token.text))
    .map((token) => ({ start: sentence.start + token.start, end: sentence.start + token.end, text: token.text }));
}

/** The lowercased form a token is hashed under (curly apostrophes folded to straight ones). */
export function normalizeToken(token: string): string {
  return token.toLowerCase().replace(/’/gu, "'");
}

/**
 * Turns one sentence into features, identically for training and inference: one count per
 * cue-lexicon category (ids `hashSize + k`), then hashed, binary, lowercased word n-grams and
 * character n-grams inside each word (so "slamming" shares evidence with "slammed"), scaled
 * to unit length when `config.normalize`.
 */
export function extractBiasFeatures(text: string, sentence: Span, config: BiasClassifierConfig): SentenceFeatures {
  const tokens = wordTokens(text, sentence);
  const cueMatches = config.cueCategories.length > 0 ? matchBiasCues(text, sentence) : [];
  const cueSlots = new Map<number, { count: number; sources: Set<number> }>();
  for (const match of cueMatches) {
    const index = config.cueCategories.indexOf(match.cue.category);
    if (index < 0) continue;
    const slot = cueSlots.get(config.hashSize + index) ?? { count: 0, sources: new Set<number>() };
    slot.count += config.cueValue;
    tokens.forEach((token, t) => {
      if (token.start < match.end && token.end > match.start) slot.sources.add(t);
    });
    cueSlots.set(config.hashSize + index, slot);
  }
  const grams = ngramSlots(
    tokens.map((token) => normalizeToken(token.text)),
    config,
  );
  const gramValue = config.normalize && grams.size > 0 ? 1 / Math.sqrt(grams.size) : 1;
  const entries = [
    ...[...cueSlots].map(([id, slot]) => ({ id, value: slot.count, sources: [...slot.sources] })),
    ...[...grams].map(([id, sources]) => ({ id, value: gramValue, sources: [...sources] })),
  ].slice(0, config.maxFeatures);
  return {
    tokens,
    ids: entries.map((entry) => entry.id),
    values: entries.map((entry) => entry.value),
    sources: entries.map((entry) => entry.sources),
    cueMatches,
  };
}

/** Hashed word n-grams (`1:slammed`, `2:senator slammed`) and in-word character n-grams. */
function ngramSlots(words: readonly string[], config: BiasClassifierConfig): Slots {
  const slots: Slots = new Map();
  const add = (key: string, sources: readonly number[]): void => {
    const id = hashFeature(key, config.hashSeed, config.hashSize);
    const slot = slots.get(id) ?? new Set<number>();
    for (const source of sources) slot.add(source);
    slots.set(id, slot);
  };
  for (let n = 1; n <= config.maxNgram; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      add(
        `${n}:${words.slice(i, i + n).join(' ')}`,
        Array.from({ length: n }, (_, k) => i + k),
      );
    }
  }
  if (config.charNgrams) {
    const { min, max } = config.charNgrams;
    words.forEach((word, w) => {
      const bounded = `<${word}>`;
      for (let n = min; n <= max; n++) {
        for (let i = 0; i + n <= bounded.length; i++) add(`c:${bounded.slice(i, i + n)}`, [w]);
      }
    });
  }
  return slots;
}
