import { buildDocumentContext, type DocumentContext } from './document-context';
import { hashFeature } from './hash-feature';
import { isAllCaps, isCapitalised, shortShape, wordShape } from './word-shape';

/** How feature strings become rows of the weight table. */
export interface HashingParams {
  /** Number of hashed rows; row `buckets` itself is the pad row (all zeros). */
  readonly buckets: number;
  /** Seed of the FNV-1a hash. */
  readonly seed: number;
}

/** Feature slots per token: the ONNX input `feature_ids` is `[tokens, FEATURES_PER_TOKEN]`. */
export const FEATURES_PER_TOKEN = 27;

/** What the templates see of one token, computed once per token. */
interface TokenView {
  readonly word: string;
  readonly lower: string;
  readonly shape: string;
  readonly short: string;
}

const BOUNDARY: TokenView = { word: '<s>', lower: '<s>', shape: '<s>', short: '<s>' };

/**
 * Hashed feature ids for every token of a document, one `Int32Array` per sentence of length
 * `tokens × FEATURES_PER_TOKEN` (row-major). Training and inference both call this, so a
 * model only ever sees features made by this exact code. `sentences` are the document's
 * sentences as token strings; document-level features (how a word is cased elsewhere in the
 * document, headlines in capitals) need the whole document at once.
 */
export function extractFeatures(
  sentences: readonly (readonly string[])[],
  hashing: HashingParams,
): Int32Array[] {
  const context = buildDocumentContext(sentences);
  return sentences.map((tokens, s) => {
    const views = tokens.map(viewOf);
    const out = new Int32Array(tokens.length * FEATURES_PER_TOKEN);
    for (let i = 0; i < tokens.length; i++) {
      const names = tokenFeatures(views, i, context, context.headline[s] ?? false);
      for (let f = 0; f < FEATURES_PER_TOKEN; f++) {
        const name = names[f];
        out[i * FEATURES_PER_TOKEN + f] =
          name === undefined ? hashing.buckets : hashFeature(`${f}=${name}`, hashing.seed) % hashing.buckets;
      }
    }
    return out;
  });
}

function viewOf(word: string): TokenView {
  return {
    word,
    lower: word.toLowerCase().replace(/\p{N}/gu, '0'),
    shape: wordShape(word),
    short: shortShape(word),
  };
}

/** The feature strings of token `i`, one per slot; `undefined` leaves a slot on the pad row. */
function tokenFeatures(
  views: readonly TokenView[],
  i: number,
  context: DocumentContext,
  headline: boolean,
): (string | undefined)[] {
  const at = (offset: number): TokenView => views[i + offset] ?? BOUNDARY;
  const w = at(0);
  const first = i === 0 ? 'first' : 'inner';
  const position = headline ? 'headline' : first;
  return [
    'bias',
    w.word,
    w.lower,
    at(-1).lower,
    at(1).lower,
    at(-2).lower,
    at(2).lower,
    `${at(-1).lower}|${w.lower}`,
    `${w.lower}|${at(1).lower}`,
    w.shape,
    at(-1).short,
    at(1).short,
    `${at(-1).short}|${w.short}|${at(1).short}`,
    ...affixes(w.lower),
    flags(w.word, first),
    `${w.short}|${first}`,
    `${at(-1).lower}|${w.short}`,
    `${w.short}|${at(1).lower}`,
    /\p{L}/u.test(w.word) ? `${context.caseOf(w.word.toLowerCase())}|${position}|${w.short}` : undefined,
    `${headline}|${w.short}`,
  ];
}

/** Prefixes then suffixes of length 1–4 (8 slots); an affix as long as the word is skipped. */
function affixes(lower: string): (string | undefined)[] {
  const chars = Array.from(lower);
  const out: (string | undefined)[] = [];
  for (let k = 1; k <= 4; k++) out.push(k < chars.length ? chars.slice(0, k).join('') : undefined);
  for (let k = 1; k <= 4; k++) out.push(k < chars.length ? chars.slice(-k).join('') : undefined);
  return out;
}

function flags(word: string, first: string): string {
  const cap = isCapitalised(word) ? 'C' : '-';
  const caps = isAllCaps(word) ? 'A' : '-';
  const digit = /\p{N}/u.test(word) ? 'D' : '-';
  const hyphen = word.includes('-') ? 'H' : '-';
  return `${first}${cap}${caps}${digit}${hyphen}`;
}
