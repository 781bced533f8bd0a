import { readDataFile } from '../../read-data-file';
import { join } from 'node:path';
import { heldOutPart } from '../held-out-split';

/** One Wikipedia sentence and the uncertainty cues annotated in it (none for a plain statement). */
export interface WeaselSentence {
  readonly text: string;
  readonly cues: readonly string[];
}

export interface WeaselDocument {
  readonly id: string;
  readonly sentences: readonly WeaselSentence[];
}

/** Loupe's halves of the WikiWeasel documents, by a hash of the document id. */
export type WeaselPart = 'dev' | 'test';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/gu, (_, name: string) => ENTITIES[name] ?? '');

/**
 * Reads `<dataDir>/weasel/wiki.xml` (WikiWeasel 2.0: Wikipedia text, CC BY-SA; annotations
 * without a licence, used for measuring only): the body sentences of each document in `part`,
 * each with its `<ccue>` uncertainty cues. Titles are left out.
 */
export function readWeasel(dataDir: string, part: WeaselPart): WeaselDocument[] {
  const path = join(dataDir, 'weasel', 'wiki.xml');
  const xml = readDataFile(path, 'WikiWeasel', 'weasel');
  const documents: WeaselDocument[] = [];
  for (const doc of xml.matchAll(/<Document\b[^>]*>([\s\S]*?)<\/Document>/gu)) {
    const body = doc[1] ?? '';
    const id = decodeEntities(/<DocID[^>]*>([\s\S]*?)<\/DocID>/u.exec(body)?.[1] ?? '');
    if ((heldOutPart(id, 0.5, 'weasel') === 'test' ? 'test' : 'dev') !== part) continue;
    const sentences: WeaselSentence[] = [];
    for (const section of body.matchAll(/<DocumentPart type="Text">([\s\S]*?)<\/DocumentPart>/gu)) {
      for (const sentence of (section[1] ?? '').matchAll(/<Sentence\b[^>]*>([\s\S]*?)<\/Sentence>/gu)) {
        const inner = sentence[1] ?? '';
        const cues = [...inner.matchAll(/<ccue\b[^>]*>([\s\S]*?)<\/ccue>/gu)].map((m) =>
          decodeEntities((m[1] ?? '').replace(/<[^>]+>/gu, '')),
        );
        const text = decodeEntities(inner.replace(/<[^>]+>/gu, ''))
          .replace(/\s+/gu, ' ')
          .trim();
        if (text !== '') sentences.push({ text, cues });
      }
    }
    documents.push({ id, sentences });
  }
  return documents;
}
