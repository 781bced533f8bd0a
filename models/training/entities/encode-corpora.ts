import type { HashingParams } from '../../../shared/lite/entity-tagger/extract-features';
import { lexiconOver } from '../../../shared/lite/entity-tagger/name-lexicon';
import type { EncodedSentence } from './averaged-perceptron';
import { buildNameLexicon, type LexiconTable } from './build-name-lexicon';
import { conllAsText, type ConllPage } from './conll-as-text';
import { encodePage } from './encode-conll';
import type { EntityCorpora, EvalSet } from './entity-corpora';

/** Folds of the jackknife: each fold's lexicon features come from the other folds' names. */
const LEXICON_FOLDS = 5;

/** Encoded training sentences (each source repeated as its mix says) and dev sets. */
export interface EncodedCorpora {
  /** Indices into `sentences`, with repeats: one epoch visits each once, shuffled. */
  readonly epoch: readonly number[];
  readonly sentences: readonly EncodedSentence[];
  readonly dev: readonly { set: EvalSet; sentences: EncodedSentence[] }[];
  /** The lexicon of all training names, shipped with the model. */
  readonly lexicon: LexiconTable;
}

/**
 * Turns the corpora into hashed features. The shipped lexicon holds every training name; but a
 * training sentence must not see its own names in it (the model would learn to trust the
 * lexicon blindly), so training pages are split into folds and each fold is featurised with a
 * lexicon built from the other folds (a jackknife). Dev sets see the shipped lexicon, as pages will.
 */
export function encodeCorpora(corpora: EntityCorpora, hashing: HashingParams, log: (line: string) => void): EncodedCorpora {
  const sources = corpora.train.map((source) => ({ repeat: source.repeat, pages: source.documents.map(conllAsText) }));
  const allPages = sources.flatMap((source) => source.pages);
  const fold = (page: number) => page % LEXICON_FOLDS;
  const foldLexicons = Array.from({ length: LEXICON_FOLDS }, (_, k) => {
    const built = buildNameLexicon(
      allPages.filter((_, i) => fold(i) !== k),
      hashing.seed,
    );
    return lexiconOver(built.table, built.seed, built.maxPhraseTokens);
  });
  const sentences: EncodedSentence[] = [];
  const epoch: number[] = [];
  let pageIndex = 0;
  for (const source of sources) {
    const first = sentences.length;
    for (const page of source.pages) sentences.push(...encodePage(page, hashing, foldLexicons[fold(pageIndex++)]));
    for (let r = 0; r < source.repeat; r++) for (let i = first; i < sentences.length; i++) epoch.push(i);
  }
  const lexicon = buildNameLexicon(allPages, hashing.seed);
  const shipped = lexiconOver(lexicon.table, lexicon.seed, lexicon.maxPhraseTokens);
  const dev = corpora.dev.map((set) => ({ set, sentences: set.documents.flatMap((d) => encodePage(conllAsText(d), hashing, shipped)) }));
  log(`encoded ${sentences.length} training sentences (${epoch.length} per epoch with repeats), lexicon of ${lexicon.table.size} entries`);
  return { epoch, sentences, dev, lexicon };
}

/** Pages of a set, for scoring the exported model on text. */
export function pagesOf(set: EvalSet): ConllPage[] {
  return set.documents.map(conllAsText);
}
