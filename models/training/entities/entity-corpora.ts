import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conllDir } from './conll-dir';
import { nerWebDir, readBtc, readWikigold, readWnut } from './read-ner-web';
import { parseConll, readConll, type ConllDocument } from './read-conll';
import { splitByHash, type SplitShares } from './split-by-hash';

/** A labelled set the tagger is scored on, with the types it is scored on. */
export interface EvalSet {
  readonly name: string;
  readonly documents: readonly ConllDocument[];
  /** Gold and predicted entities of other types are left out of the score. */
  readonly types: readonly string[];
}

/** Training documents of one source, seen `repeat` times per epoch. */
export interface TrainSource {
  readonly name: string;
  readonly documents: readonly ConllDocument[];
  readonly repeat: number;
}

/** Everything the tagger is trained, tuned and tested on. */
export interface EntityCorpora {
  readonly train: readonly TrainSource[];
  /** Chose the epoch and the training mix. */
  readonly dev: readonly EvalSet[];
  /** Never tuned on: scored once the model is fixed. */
  readonly test: readonly EvalSet[];
}

/** ../shared/data next to the repository. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../../shared/data', import.meta.url));

const ALL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
const PER_ORG_LOC = ['PER', 'ORG', 'LOC'] as const;
/** Wikipedia held out by document hash: 30 % test, 15 % dev. */
export const WIKI_SHARES: SplitShares = { test: 0.3, dev: 0.15 };
/** Posts held out by hash: 20 % test, 10 % dev. */
export const SOCIAL_SHARES: SplitShares = { test: 0.2, dev: 0.1 };
/** CoNLL++ (Wang et al. 2019), the corrected CoNLL-2003 test set, when the data folder has it. */
export const CONLLPP_TEST = 'conllpp_test.txt';

/** How many times per epoch each source is seen; the web sets are small beside CoNLL-2003. */
export interface TrainingMix {
  readonly conll: number;
  readonly wiki: number;
  readonly social: number;
}

export const DEFAULT_MIX: TrainingMix = { conll: 1, wiki: 3, social: 1 };

/**
 * Reads CoNLL-2003 (train; eng.testa as dev; CoNLL++ test when present), Wikigold and the
 * social-media sets (WNUT-17 + Broad Twitter Corpus), split by a stable hash of each document.
 * `dataDir` is the shared data folder. A source repeated 0 times is left out of training.
 */
export function readEntityCorpora(dataDir: string, mix: TrainingMix = DEFAULT_MIX): EntityCorpora {
  const conll = conllDir(join(dataDir, 'conll2003'));
  const web = nerWebDir(dataDir);
  const wiki = splitByHash(readWikigold(web), WIKI_SHARES);
  const social = splitByHash([...readWnut(web), ...readBtc(web)], SOCIAL_SHARES);
  const conllppPath = join(conll, CONLLPP_TEST);
  const train: TrainSource[] = [
    { name: 'CoNLL-2003 eng.train', documents: readConll(join(conll, 'eng.train')), repeat: mix.conll },
    { name: 'Wikigold (train part)', documents: wiki.train, repeat: mix.wiki },
    { name: 'WNUT-17 + BTC (train part)', documents: social.train, repeat: mix.social },
  ];
  return {
    train: train.filter((source) => source.repeat > 0),
    dev: [
      { name: 'CoNLL-2003 eng.testa', documents: readConll(join(conll, 'eng.testa')), types: ALL_TYPES },
      { name: 'Wikigold (dev part)', documents: wiki.dev, types: ALL_TYPES },
      { name: 'WNUT-17 + BTC (dev part)', documents: social.dev, types: PER_ORG_LOC },
    ],
    test: [
      ...(existsSync(conllppPath)
        ? [{ name: 'CoNLL++ test', documents: parseConll(readFileSync(conllppPath, 'utf8')), types: ALL_TYPES }]
        : []),
      { name: 'Wikigold (held-out part)', documents: wiki.test, types: ALL_TYPES },
      { name: 'WNUT-17 + BTC (held-out part)', documents: social.test, types: PER_ORG_LOC },
    ],
  };
}
