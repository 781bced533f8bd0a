import { buildDocumentContext, type DocumentContext } from './document-context';
import { hashFeature } from './hash-feature';
import { EMPTY_LEXICON, type NameLexicon } from './name-lexicon';
import { isAllCaps, isCapitalised, shortShape, wordShape } from './word-shape';

/** How feature strings become rows of the weight table. */
export interface HashingParams {
  /** Number of hashed rows; row `buckets` itself is the pad row (all zeros). */
  readonly buckets: number;
  /** Seed of the FNV-1a hash. */
  readonly seed: number;
}

/** Feature slots per token: the ONNX input `feature_ids` is `[tokens, FEATURES_PER_TOKEN]`. */
export const FEATURES_PER_TOKEN = 34;

/** What the templates see of one token, computed once per token. */
interface TokenView {
  readonly word: string;
  readonly lower: string;
  readonly shape: string;
  readonly short: string;
  /** Where the token sits in the longest lexicon name over it (B, I, E or S + type bits), or "". */
  match: string;
  /** Inside a short quotation ("A Beautiful Lie"): titles of works are often written so. */
  quoted: boolean;
}

const BOUNDARY: TokenView = { word: '<s>', lower: '<s>', shape: '<s>', short: '<s>', match: '<s>', quoted: false };

/** What is known of the whole sentence and document while featurising one token. */
interface SentenceContext {
  readonly document: DocumentContext;
  readonly lexicon: NameLexicon;
  readonly headline: boolean;
  /** No word after the first is capitalised: the writer does not use case (many posts). */
  readonly caseless: boolean;
}

/**
 * Hashed feature ids for every token of a document, one `Int32Array` per sentence of length
 * `tokens × FEATURES_PER_TOKEN` (row-major). Training and inference both call this, so a
 * model only ever sees features made by this exact code. `sentences` are the document's
 * sentences as token strings; document-level features (how a word is cased elsewhere in the
 * document, headlines in capitals) need the whole document at once. `lexicon` is what the
 * model learnt of names from its training data (phrases, words in names, usual case).
 */
export function extractFeatures(
  sentences: readonly (readonly string[])[],
  hashing: HashingParams,
  lexicon: NameLexicon = EMPTY_LEXICON,
): Int32Array[] {
  const document = buildDocumentContext(sentences);
  return sentences.map((tokens, s) => {
    const views = tokens.map(viewOf);
    markLexiconNames(views, lexicon);
    markQuotations(views);
    const context: SentenceContext = { document, lexicon, headline: document.headline[s] ?? false, caseless: isCaseless(tokens) };
    const out = new Int32Array(tokens.length * FEATURES_PER_TOKEN);
    for (let i = 0; i < tokens.length; i++) {
      const names = tokenFeatures(views, i, context);
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
    match: '',
    quoted: false,
  };
}

const QUOTE = /^(?:["“”„«»]|''|``)$/u;
/** The longest quotation, in tokens, whose words count as quoted. */
const MAX_QUOTED = 10;

/** Marks the tokens between a quotation mark and the next one, when they are close. */
function markQuotations(views: TokenView[]): void {
  let open = -1;
  views.forEach((view, i) => {
    if (!QUOTE.test(view.word)) return;
    if (open >= 0 && i - open - 1 <= MAX_QUOTED) {
      for (let k = open + 1; k < i; k++) (views[k] as TokenView).quoted = true;
      open = -1;
    } else {
      open = i;
    }
  });
}

/** Greedy longest match, left to right, of the lexicon's names over the sentence. */
function markLexiconNames(views: TokenView[], lexicon: NameLexicon): void {
  for (let i = 0; i < views.length; ) {
    let found = 0;
    let types = 0;
    let phrase = '';
    for (let length = 1; length <= lexicon.maxPhraseTokens && i + length <= views.length; length++) {
      phrase = length === 1 ? (views[i]?.word.toLowerCase() ?? '') : `${phrase} ${views[i + length - 1]?.word.toLowerCase() ?? ''}`;
      const bits = lexicon.phraseTypes(phrase);
      if (bits !== 0) [found, types] = [length, bits];
    }
    if (found === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < found; k++) {
      const position = found === 1 ? 'S' : k === 0 ? 'B' : k === found - 1 ? 'E' : 'I';
      (views[i + k] as TokenView).match = `${position}${types}`;
    }
    i += found;
  }
}

function isCaseless(tokens: readonly string[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (/^\p{Lu}/u.test(tokens[i] ?? '')) return false;
  return true;
}

/** The feature strings of token `i`, one per slot; `undefined` leaves a slot on the pad row. */
function tokenFeatures(views: readonly TokenView[], i: number, context: SentenceContext): (string | undefined)[] {
  const at = (offset: number): TokenView => views[i + offset] ?? BOUNDARY;
  const w = at(0);
  const first = i === 0 ? 'first' : 'inner';
  const { headline, lexicon } = context;
  const position = headline ? 'headline' : first;
  const lettered = /\p{L}/u.test(w.word);
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
    lettered ? `${context.document.caseOf(w.word.toLowerCase())}|${position}|${w.short}` : undefined,
    `${headline}|${w.short}`,
    w.match || undefined,
    w.match ? `${w.match}|${w.short}` : undefined,
    lettered ? `${lexicon.wordTypes(w.word.toLowerCase())}|${w.short}` : undefined,
    lettered ? `${lexicon.wordCase(w.word.toLowerCase())}|${position}|${w.short}` : undefined,
    `${at(-1).match}>${at(1).match}`,
    `${context.caseless}|${first}|${w.short}`,
    w.quoted ? `${QUOTE.test(at(-1).word) ? 'opens' : 'in'}|${w.short}` : undefined,
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
