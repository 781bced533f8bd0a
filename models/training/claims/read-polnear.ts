import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One brat text-bound annotation: `T12\tSource 416 418\the`. */
export interface BratSpan {
  readonly id: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One attribution relation: its cue, and its source and content when annotated. */
export interface Attribution {
  readonly cue?: BratSpan;
  readonly source?: BratSpan;
  readonly content?: BratSpan;
}

export interface PolnearArticle {
  readonly name: string;
  readonly text: string;
  readonly attributions: readonly Attribution[];
}

/**
 * Reads PolNeAR (`<dataDir>/attribution/<split>/{text,attributions}`): each article's text with
 * the attributions of its first annotator (files are sorted by name; articles annotated twice
 * keep one annotation so no sentence counts double). PolNeAR has no licence: it is read for
 * measuring only, and nothing read here is stored.
 */
export function readPolnear(dataDir: string, split: 'train' | 'dev'): PolnearArticle[] {
  const root = join(dataDir, 'attribution', split);
  let annFiles: string[];
  try {
    annFiles = readdirSync(join(root, 'attributions'))
      .filter((f) => f.endsWith('.ann'))
      .sort();
  } catch {
    throw new Error(`PolNeAR ${split} split not found at ${root} — pass the folder that holds attribution/ (default ../shared/data)`);
  }
  const firstAnnotation = new Map<string, string>();
  for (const file of annFiles) {
    const article = file.replace(/_[0-9a-f]+\.ann$/u, '');
    if (!firstAnnotation.has(article)) firstAnnotation.set(article, file);
  }
  return [...firstAnnotation].map(([name, file]) => ({
    name,
    text: readFileSync(join(root, 'text', `${name}.txt`), 'utf8'),
    attributions: parseBrat(readFileSync(join(root, 'attributions', file), 'utf8')),
  }));
}

/** Attribution relations (`E` lines) of a brat .ann file, with their spans resolved. */
export function parseBrat(ann: string): Attribution[] {
  const spans = new Map<string, BratSpan>();
  const relations: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const [id = '', info = '', text = ''] = line.split('\t');
    if (id.startsWith('T')) {
      const [type = '', start = '', ...rest] = info.split(' ');
      const end = rest.at(-1) ?? start; // discontinuous spans ("0 5;9 12") keep their outer bounds
      spans.set(id, { id, type, start: Number(start), end: Number(end.split(';').at(-1)), text });
    } else if (id.startsWith('E')) {
      relations.push(Object.fromEntries(info.split(' ').map((part) => part.split(':') as [string, string])));
    }
  }
  return relations.map((r) => ({
    cue: r.Cue ? spans.get(r.Cue) : undefined,
    source: r.Source ? spans.get(r.Source) : undefined,
    content: r.Content ? spans.get(r.Content) : undefined,
  }));
}
