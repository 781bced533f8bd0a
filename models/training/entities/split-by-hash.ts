import { hashFeature } from '../../../shared/lite/entity-tagger/hash-feature';
import type { ConllDocument } from './read-conll';

/** Which part of a set a document belongs to. */
export type SplitPart = 'train' | 'dev' | 'test';

/** Shares of a set kept for testing and for development; the rest trains. */
export interface SplitShares {
  readonly test: number;
  readonly dev: number;
}

/**
 * The part of a set `document` belongs to, from a hash of its tokens: stable across runs, files
 * and machines, and independent of the document's position. Never tune on `test`.
 */
export function splitPartOf(document: ConllDocument, shares: SplitShares): SplitPart {
  const key = document.map((sentence) => sentence.tokens.join(' ')).join('\n');
  const bucket = (hashFeature(key, 0x5eed) % 10_000) / 10_000;
  if (bucket < shares.test) return 'test';
  return bucket < shares.test + shares.dev ? 'dev' : 'train';
}

/** `documents` grouped by {@link splitPartOf}, in their original order. */
export function splitByHash(documents: readonly ConllDocument[], shares: SplitShares): Record<SplitPart, ConllDocument[]> {
  const parts: Record<SplitPart, ConllDocument[]> = { train: [], dev: [], test: [] };
  for (const document of documents) parts[splitPartOf(document, shares)].push(document);
  return parts;
}
