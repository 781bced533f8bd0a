import { readDataFile } from '../read-data-file';
import { join } from 'node:path';

/**
 * The sentences of Wikigold (`<dataDir>/ner-web/wikigold.conll.txt`: Wikipedia, CC BY 4.0), as
 * plain text: encyclopedic statements the loaded-word model learns to leave alone. The entity
 * tags are not read.
 */
export function readWikigoldSentences(dataDir: string): string[] {
  const path = join(dataDir, 'ner-web', 'wikigold.conll.txt');
  const raw = readDataFile(path, 'Wikigold', 'ner-web');
  return raw
    .split(/\n\s*\n/u)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.split(' ')[0] ?? '')
        .filter((w) => w !== '' && w !== '-DOCSTART-')
        .join(' '),
    )
    .map((sentence) => sentence.replace(/ ([.,;:!?)'])/gu, '$1').replace(/\( /gu, '('))
    .filter((sentence) => sentence.length > 20);
}
