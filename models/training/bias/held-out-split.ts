import { hashFeature } from '../../../shared/lite/bias-classifier/hash-feature';

/**
 * A stable split by a hash of an item's key (its text, or its document id): the same key always
 * lands in the same part, whatever else the data holds. `share` is the fraction, out of 1,000
 * buckets, that goes to the held-out test part; the salt keeps different datasets' splits
 * independent.
 */
export function heldOutPart(key: string, share: number, salt: string): 'test' | 'rest' {
  return hashFeature(`${salt}:${key}`, 0x811c9dc5, 1000) < Math.round(share * 1000) ? 'test' : 'rest';
}

/** BABE's own train split, less a fifth held out as Loupe's test set (never used for training or tuning). */
export function babePart(text: string): 'train' | 'test' {
  return heldOutPart(text, 0.2, 'babe') === 'test' ? 'test' : 'train';
}
