import { buildDocumentContext, type DocumentContext } from './document-context';
import { feedHash, finishHash, startHash } from './hash-feature';
import { EMPTY_LEXICON, type NameLexicon } from './name-lexicon';
import { BOUNDARY_FACTS, factsOf, type WordFacts } from './word-facts';

/** How feature strings become rows of the weight table. */
export interface HashingParams {
  /** Number of hashed rows; row `buckets` itself is the pad row (all zeros). */
  readonly buckets: number;
  /** Seed of the FNV-1a hash. */
  readonly seed: number;
}

/** Feature slots per token: the ONNX input `feature_ids` is `[tokens, FEATURES_PER_TOKEN]`. */
export const FEATURES_PER_TOKEN = 34;

/** What the templates see of one token: its word, and what its sentence says of it. */
interface TokenView {
  readonly facts: WordFacts;
  /** Where the token sits in the longest lexicon name over it (B, I, E or S + type bits), or "". */
  match: string;
  /** Inside a short quotation ("A Beautiful Lie"): titles of works are often written so. */
  quoted: boolean;
}

const BOUNDARY: TokenView = { facts: BOUNDARY_FACTS, match: '<s>', quoted: false };

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
  const facts = sentences.map((tokens) => tokens.map(factsOf));
  const document = buildDocumentContext(facts);
  const row = new RowWriter(hashing);
  return facts.map((words, s) => {
    const views = words.map((word): TokenView => ({ facts: word, match: '', quoted: false }));
    markLexiconNames(views, lexicon);
    markQuotations(views);
    const context: SentenceContext = { document, lexicon, headline: document.headline[s] ?? false, caseless: isCaseless(views) };
    const out = new Int32Array(words.length * FEATURES_PER_TOKEN);
    for (let i = 0; i < words.length; i++) {
      row.start(out, i * FEATURES_PER_TOKEN);
      tokenFeatures(views, i, context, row);
      row.end();
    }
    return out;
  });
}

/** The longest quotation, in tokens, whose words count as quoted. */
const MAX_QUOTED = 10;

/** Marks the tokens between a quotation mark and the next one, when they are close. */
function markQuotations(views: TokenView[]): void {
  let open = -1;
  views.forEach((view, i) => {
    if (!view.facts.quote) return;
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
  const words = views.map((view) => view.facts.lowerCase);
  for (let i = 0; i < views.length; ) {
    const found = lexicon.longestPhrase(words, i);
    if (!found) {
      i++;
      continue;
    }
    for (let k = 0; k < found.length; k++) {
      const position = found.length === 1 ? 'S' : k === 0 ? 'B' : k === found.length - 1 ? 'E' : 'I';
      (views[i + k] as TokenView).match = `${position}${found.types}`;
    }
    i += found.length;
  }
}

function isCaseless(views: readonly TokenView[]): boolean {
  for (let i = 1; i < views.length; i++) if (views[i]?.facts.capitalised) return false;
  return true;
}

/**
 * Token `i`'s features, one slot after another: each slot's id is the hash of
 * `${slot}=${feature string}` (the string given as its parts: `put(a, '|', b)` is "a|b"), and
 * `pad()` leaves a slot on the pad row.
 */
function tokenFeatures(views: readonly TokenView[], i: number, context: SentenceContext, row: RowWriter): void {
  const at = (offset: number): WordFacts => (views[i + offset] ?? BOUNDARY).facts;
  const view = views[i] ?? BOUNDARY;
  const w = view.facts;
  const first = i === 0 ? 'first' : 'inner';
  const { headline, lexicon } = context;
  const position = headline ? 'headline' : first;
  row.put('bias');
  row.put(w.word);
  row.put(w.lower);
  row.put(at(-1).lower);
  row.put(at(1).lower);
  row.put(at(-2).lower);
  row.put(at(2).lower);
  row.put(at(-1).lower, '|', w.lower);
  row.put(w.lower, '|', at(1).lower);
  row.put(w.shape);
  row.put(at(-1).short);
  row.put(at(1).short);
  row.put(at(-1).short, '|', w.short, '|', at(1).short);
  for (let k = 0; k < 8; k++) row.putOrPad(w.affixes[k]);
  row.put(first, w.flags);
  row.put(w.short, '|', first);
  row.put(at(-1).lower, '|', w.short);
  row.put(w.short, '|', at(1).lower);
  if (w.lettered) row.put(context.document.caseOf(w.lowerCase), '|', position, '|', w.short);
  else row.pad();
  row.put(String(headline), '|', w.short);
  row.putOrPad(view.match || undefined);
  if (view.match) row.put(view.match, '|', w.short);
  else row.pad();
  if (w.lettered) row.put(String(lexicon.wordTypes(w.lowerCase)), '|', w.short);
  else row.pad();
  if (w.lettered) row.put(String(lexicon.wordCase(w.lowerCase)), '|', position, '|', w.short);
  else row.pad();
  row.put((views[i - 1] ?? BOUNDARY).match, '>', (views[i + 1] ?? BOUNDARY).match);
  row.put(String(context.caseless), '|', first, '|', w.short);
  if (view.quoted) row.put(at(-1).quote ? 'opens' : 'in', '|', w.short);
  else row.pad();
}

/** The hash state after `${slot}=`, per slot, for each seed in use. */
const slotStarts = new Map<number, Int32Array>();

function slotStartsFor(seed: number): Int32Array {
  let starts = slotStarts.get(seed);
  if (!starts) {
    starts = Int32Array.from({ length: FEATURES_PER_TOKEN }, (_, slot) => feedHash(startHash(seed), `${slot}=`));
    slotStarts.set(seed, starts);
  }
  return starts;
}

/** Fills one token's row of ids, slot by slot, hashing each feature string from its parts. */
class RowWriter {
  private out: Int32Array = new Int32Array(0);
  private at = 0;
  private slot = 0;
  private readonly starts: Int32Array;
  /** `buckets - 1` when buckets is a power of two: then `hash & mask` is `hash % buckets`, in integers. */
  private readonly mask: number | undefined;

  constructor(private readonly hashing: HashingParams) {
    this.starts = slotStartsFor(hashing.seed);
    const { buckets } = hashing;
    this.mask = buckets > 0 && buckets <= 2 ** 30 && (buckets & (buckets - 1)) === 0 ? buckets - 1 : undefined;
  }

  start(out: Int32Array, at: number): void {
    [this.out, this.at, this.slot] = [out, at, 0];
  }

  put(a: string, b?: string, c?: string, d?: string, e?: string): void {
    let state = feedHash(this.starts[this.slot] ?? 0, a);
    if (b !== undefined) state = feedHash(state, b);
    if (c !== undefined) state = feedHash(state, c);
    if (d !== undefined) state = feedHash(state, d);
    if (e !== undefined) state = feedHash(state, e);
    const hash = finishHash(state);
    this.out[this.at + this.slot++] = this.mask === undefined ? hash % this.hashing.buckets : hash & this.mask;
  }

  putOrPad(feature: string | undefined): void {
    if (feature === undefined) this.pad();
    else this.put(feature);
  }

  pad(): void {
    this.out[this.at + this.slot++] = this.hashing.buckets;
  }

  /** Every template fills one slot: a row of any other length is a bug here, not in the input. */
  end(): void {
    if (this.slot !== FEATURES_PER_TOKEN) throw new Error(`feature templates filled ${this.slot} slots, not ${FEATURES_PER_TOKEN}`);
  }
}
