import { segmentSentences } from '../../../shared/text/segment-sentences';
import { findUnattributedClaims, matchClaimPhrases } from '../../../shared/lite/find-unattributed-claims';
import type { Span } from '../../../shared/protocol/results';
import { binaryScores } from '../bias/binary-metrics';
import { readPolnear, type PolnearArticle } from './read-polnear';
import { isVagueSource } from './vague-source';

/** Sentence-level precision and recall of one detector against the vague-source gold. */
export interface ClaimScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly flagged: number;
  readonly gold: number;
  readonly sentences: number;
}

export interface ClaimEvaluation {
  readonly split: 'train' | 'dev';
  readonly articles: number;
  /** `findUnattributedClaims`, as shipped. */
  readonly rules: ClaimScores;
  /** The same cue phrases with none of the attribution checks (named source, quotes, names). */
  readonly phrasesOnly: ClaimScores;
  /** Flagged sentences that the gold calls attributed, for reading (never stored or printed by eval). */
  readonly falsePositives: readonly string[];
}

type Detector = (text: string, sentence: Span) => boolean;
const DETECTORS: Record<'rules' | 'phrasesOnly', Detector> = {
  rules: (text, sentence) => findUnattributedClaims(text, sentence).length > 0,
  phrasesOnly: (text, sentence) => matchClaimPhrases(text.slice(sentence.start, sentence.end)).length > 0,
};

/**
 * Measures unattributed-claim detection on PolNeAR `split`, sentence by sentence: a sentence is
 * gold-positive when it holds the cue of an attribution whose source is vague or missing
 * ({@link isVagueSource}). PolNeAR is for measuring only: nothing here learns from it.
 */
export function evaluateClaims(dataDir: string, split: 'train' | 'dev'): ClaimEvaluation {
  const articles = readPolnear(dataDir, split);
  const labels: (0 | 1)[] = [];
  const said = { rules: [] as boolean[], phrasesOnly: [] as boolean[] };
  const falsePositives: string[] = [];
  for (const article of articles) {
    const gold = goldSentences(article);
    segmentSentences(article.text).forEach((sentence, index) => {
      labels.push(gold.has(index) ? 1 : 0);
      for (const name of ['rules', 'phrasesOnly'] as const) said[name].push(DETECTORS[name](article.text, sentence));
      if (said.rules.at(-1) && !gold.has(index)) falsePositives.push(sentence.text);
    });
  }
  return {
    split,
    articles: articles.length,
    rules: scores(said.rules, labels),
    phrasesOnly: scores(said.phrasesOnly, labels),
    falsePositives,
  };
}

function scores(flagged: readonly boolean[], labels: readonly (0 | 1)[]): ClaimScores {
  const { precision, recall, f1, support } = binaryScores(flagged, labels).perClass.biased;
  return { precision, recall, f1, flagged: flagged.filter(Boolean).length, gold: support, sentences: labels.length };
}

/** Indices of the sentences that hold a vague-source attribution's cue (or its source, when the cue is missing). */
function goldSentences(article: PolnearArticle): Set<number> {
  const sentences = segmentSentences(article.text);
  const gold = new Set<number>();
  for (const attribution of article.attributions) {
    if (!isVagueSource(attribution, article.text)) continue;
    const at = (attribution.cue ?? attribution.source)?.start;
    if (at === undefined) continue;
    const index = sentences.findIndex((s) => s.start <= at && at < s.end);
    if (index >= 0) gold.add(index);
  }
  return gold;
}
