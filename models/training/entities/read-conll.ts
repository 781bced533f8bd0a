import { readFileSync } from 'node:fs';

/** One CoNLL sentence: its tokens and their BIO labels. */
export interface ConllSentence {
  readonly tokens: string[];
  readonly labels: string[];
}

/** A CoNLL document (between `-DOCSTART-` lines). */
export type ConllDocument = ConllSentence[];

/**
 * Parses CoNLL-2003 text (token POS chunk NER per line, blank line between sentences,
 * `-DOCSTART-` between documents) into documents of sentences with BIO labels.
 */
export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let sentence: ConllSentence = { tokens: [], labels: [] };
  const endSentence = () => {
    if (sentence.tokens.length > 0) document.push({ tokens: sentence.tokens, labels: iob1ToBio(sentence.labels) });
    sentence = { tokens: [], labels: [] };
  };
  for (const line of text.split(/\r?\n/)) {
    const columns = line.trim().split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      if (document.length > 0) documents.push(document);
      document = [];
    } else if (columns.length < 2 || !columns[0]) {
      endSentence();
    } else {
      sentence.tokens.push(columns[0]);
      sentence.labels.push(columns[columns.length - 1] ?? 'O');
    }
  }
  endSentence();
  if (document.length > 0) documents.push(document);
  return documents;
}

/** Reads and parses a CoNLL-2003 file. */
export function readConll(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/**
 * IOB1 (I-X inside and at the start; B-X only where two X entities touch) to BIO (every
 * entity starts with B-X).
 */
export function iob1ToBio(labels: readonly string[]): string[] {
  return labels.map((label, i) => {
    if (!label.startsWith('I-')) return label;
    const previous = labels[i - 1] ?? 'O';
    return previous === 'O' || previous.slice(2) !== label.slice(2) ? `B-${label.slice(2)}` : label;
  });
}
