import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConll, type ConllDocument } from './read-conll';

/** WNUT-17's six types as the tagger's four: groups (bands, teams) are organisations, products and works MISC. */
const WNUT_TYPES: Record<string, string> = {
  person: 'PER',
  location: 'LOC',
  corporation: 'ORG',
  group: 'ORG',
  product: 'MISC',
  'creative-work': 'MISC',
};

/** Wikigold (Wikipedia, IO tags in CoNLL's four types): one document per `-DOCSTART-`. */
export function readWikigold(dir: string): ConllDocument[] {
  return parseConll(readFileSync(join(dir, 'wikigold.conll.txt'), 'utf8'));
}

/**
 * WNUT-17 train and dev (tweets, Reddit and YouTube comments, one post per "sentence"), types
 * mapped to PER/ORG/LOC/MISC; each post is its own document.
 */
export function readWnut(dir: string): ConllDocument[] {
  return ['wnut17train.conll', 'emerging.dev.conll'].flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8').replace(
      /^(\S+)\t([BI])-([\w-]+)$/gmu,
      (line, token: string, bio: string, type: string) => {
        const mapped = WNUT_TYPES[type];
        if (!mapped) throw new Error(`${file}: unknown WNUT-17 type "${type}" in line ${JSON.stringify(line)}`);
        return `${token}\t${bio}-${mapped}`;
      },
    );
    return eachSentenceADocument(parseConll(text));
  });
}

/**
 * The Broad Twitter Corpus (PER/LOC/ORG, BIO), every tweet its own document. Its CoNLL files
 * split "@user" into "@" and "user" and label both B-PER; the "@" is taken out of the name
 * (relabelled O), so the name is the user name, as on a page.
 */
export function readBtc(dir: string): ConllDocument[] {
  const folder = join(dir, 'btc');
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.conll'))
    .sort();
  return files.flatMap((file) => eachSentenceADocument(parseConll(readFileSync(join(folder, file), 'utf8'))).map(detachAtSigns));
}

function detachAtSigns(document: ConllDocument): ConllDocument {
  return document.map(({ tokens, labels }) => {
    const fixed = [...labels];
    tokens.forEach((token, i) => {
      if (token !== '@' || fixed[i] === 'O') return;
      fixed[i] = 'O';
      const next = fixed[i + 1];
      if (next?.startsWith('I-')) fixed[i + 1] = `B-${next.slice(2)}`;
    });
    return { tokens, labels: fixed };
  });
}

function eachSentenceADocument(documents: readonly ConllDocument[]): ConllDocument[] {
  return documents.flat().map((sentence) => [sentence]);
}

/** `<dataDir>/ner-web`, checked to hold the three sets. */
export function nerWebDir(dataDir: string): string {
  const dir = join(dataDir, 'ner-web');
  for (const file of ['wikigold.conll.txt', 'wnut17train.conll', 'emerging.dev.conll', 'btc']) {
    if (!existsSync(join(dir, file)))
      throw new Error(
        `${join(dir, file)} not found — the web-text sets (Wikigold, WNUT-17, BTC) belong in ../shared/data/ner-web (see its SOURCE.txt)`,
      );
  }
  return dir;
}
