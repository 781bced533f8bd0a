import { resolve } from 'node:path';
import { binaryScores } from '../binary-metrics';
import { babePart } from '../held-out-split';
import { readBabe, type BabeSentence } from '../read-babe';
import { readCnndm } from '../../summary/read-cnndm';
import type { BiasFlag } from '../../../../shared/protocol/results';
import { segmentSentences } from '../../../../shared/text/segment-sentences';
import { readWeasel, type WeaselPart } from './read-weasel';
import { alerting, sentencePipelines, type SentencePipeline } from './sentence-pipelines';
import { swapNames } from './swap-names';

/** Precision and recall of the biased class, and macro-F1, on labelled news sentences. */
export interface NewsScores {
  readonly sentences: number;
  readonly precision: number;
  readonly recall: number;
  readonly macroF1: number;
}

/** Share of sentences with an alerting flag (and with a quiet vague-claim flag) on text that should be neutral. */
export interface NeutralRate {
  readonly sentences: number;
  readonly flagged: number;
  /** Flagged only as unattributed claims ("some say", "it has been argued"): phrases WikiWeasel 2.0 does not mark. */
  readonly claimsOnly: number;
  readonly quiet: number;
}

/** How often the flag decision survives swapping names for made-up ones, over sentences that had a name. */
export interface SwapScores {
  readonly sentences: number;
  readonly unchanged: number;
}

export interface PipelineEvaluation {
  readonly name: string;
  readonly babe: { readonly dev: NewsScores; readonly test: NewsScores };
  readonly neutral: { readonly weaselDev: NeutralRate; readonly weaselTest: NeutralRate; readonly cnndm: NeutralRate };
  readonly nameSwap: { readonly babeDev: SwapScores; readonly babeTest: SwapScores; readonly cnndm: SwapScores };
  /** Quiet vague-claim flags on WikiWeasel sentences that carry an uncertainty cue (dev, test). */
  readonly hedgeRecall: { readonly dev: number; readonly test: number };
}

/**
 * Measures each pipeline (Loupe as shipped and its baselines, see sentencePipelines) on:
 * BABE dev and Loupe's held-out fifth of BABE train (never used for training or tuning);
 * WikiWeasel sentences without an uncertainty cue (dev and test halves of the documents) and
 * CNN/DailyMail articles, where flags should be rare; and the same news sentences with their
 * names swapped for made-up ones. Prints nothing.
 */
export async function evaluateBias(dataDir: string): Promise<PipelineEvaluation[]> {
  const root = resolve(dataDir);
  const babeDev = readBabe(root, 'dev');
  const babeTest = readBabe(root, 'train').filter((s) => babePart(s.text) === 'test');
  const weasel = { dev: readWeasel(root, 'dev'), test: readWeasel(root, 'test') };
  const cnndm = readCnndm(root).flatMap((a) => segmentSentences(a.article).map((s) => s.text));
  const results: PipelineEvaluation[] = [];
  for (const pipeline of sentencePipelines()) {
    const neutralOf = (part: WeaselPart) =>
      neutralRate(
        pipeline,
        weasel[part].flatMap((d) => d.sentences.filter((s) => s.cues.length === 0).map((s) => s.text)),
      );
    const hedgesOf = async (part: WeaselPart) => {
      const cued = weasel[part].flatMap((d) => d.sentences.filter((s) => s.cues.length > 0).map((s) => s.text));
      const flags = await pipeline.flag(cued);
      return flags.filter((f) => f.some((flag) => flag.category === 'hedge')).length / Math.max(1, cued.length);
    };
    results.push({
      name: pipeline.name,
      babe: { dev: await newsScores(pipeline, babeDev), test: await newsScores(pipeline, babeTest) },
      neutral: { weaselDev: await neutralOf('dev'), weaselTest: await neutralOf('test'), cnndm: await neutralRate(pipeline, cnndm) },
      nameSwap: {
        babeDev: await swapScores(
          pipeline,
          babeDev.map((s) => s.text),
        ),
        babeTest: await swapScores(
          pipeline,
          babeTest.map((s) => s.text),
        ),
        cnndm: await swapScores(pipeline, cnndm),
      },
      hedgeRecall: { dev: await hedgesOf('dev'), test: await hedgesOf('test') },
    });
  }
  return results;
}

async function newsScores(pipeline: SentencePipeline, sentences: readonly BabeSentence[]): Promise<NewsScores> {
  const flags = await pipeline.flag(sentences.map((s) => s.text));
  const scores = binaryScores(
    flags.map((f) => alerting(f).length > 0),
    sentences.map((s) => s.label),
  );
  return {
    sentences: sentences.length,
    precision: scores.perClass.biased.precision,
    recall: scores.perClass.biased.recall,
    macroF1: scores.macroF1,
  };
}

async function neutralRate(pipeline: SentencePipeline, sentences: readonly string[]): Promise<NeutralRate> {
  const flags = await pipeline.flag(sentences);
  return {
    sentences: sentences.length,
    flagged: flags.filter((f) => alerting(f).length > 0).length,
    claimsOnly: flags.filter((f) => alerting(f).length > 0 && alerting(f).every((flag) => flag.category === 'unattributed-claim')).length,
    quiet: flags.filter((f) => f.some((flag) => flag.category === 'hedge')).length,
  };
}

async function swapScores(pipeline: SentencePipeline, sentences: readonly string[]): Promise<SwapScores> {
  const swapped = sentences.map(swapNames);
  const named = sentences.flatMap((s, i) => (swapped[i]!.swapped > 0 ? [{ original: s, swapped: swapped[i]!.text }] : []));
  const before = await pipeline.flag(named.map((n) => n.original));
  const after = await pipeline.flag(named.map((n) => n.swapped));
  const flagged = (flags: readonly BiasFlag[] | undefined) => alerting(flags ?? []).length > 0;
  return { sentences: named.length, unchanged: named.filter((_, i) => flagged(before[i]) === flagged(after[i])).length };
}
