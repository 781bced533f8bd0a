import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { TAGGER_TYPES } from '../../../shared/lite/entity-tagger/bio-labels';
import { createEntityModel } from '../../../shared/lite/entity-tagger/create-entity-model';
import { parseTaggerConfig, type TaggerConfig } from '../../../shared/lite/entity-tagger/tagger-config';
import { conllAsText, type ConllPage } from './conll-as-text';
import { conllDir } from './conll-dir';
import { createOrtNodeRunner, ENTITY_CONFIG_PATH, ENTITY_MODEL_PATH } from './ort-node-runner';
import { readConll } from './read-conll';
import { createSpanCounter, type SpanScores, type TypedSpan } from './span-f1';

/** Exact span + type scores, overall and per type. */
export interface EntityScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly perType: Record<string, SpanScores>;
}

/** The exported lite tagger's scores on eng.testa, and compromise's on the same pages. */
export interface EntityEvaluation extends EntityScores {
  readonly model: string;
  readonly split: 'eng.testa';
  readonly documents: number;
  readonly tokens: number;
  /** compromise's people/organizations/places as PER/ORG/LOC; scored against gold PER/ORG/LOC only. */
  readonly compromise: EntityScores;
}

/**
 * Runs the exported ONNX tagger (models/lite/entities) through `createEntityModel` on
 * onnxruntime-node over CoNLL-2003 eng.testa, rebuilt as text (tokens joined by spaces, one
 * sentence per line) so tokenisation is the tagger's own, and scores exact character spans.
 * `dataDir` is the shared data folder (holding conll2003/) or the conll2003 folder itself.
 * Prints nothing.
 */
export async function evaluateEntities(dataDir?: string, files = { model: ENTITY_MODEL_PATH, config: ENTITY_CONFIG_PATH }): Promise<EntityEvaluation> {
  const dir = dataDir && existsSync(join(dataDir, 'conll2003')) ? join(dataDir, 'conll2003') : dataDir;
  const pages = readConll(join(conllDir(dir), 'eng.testa')).map(conllAsText);
  const config = loadTaggerConfig(files.config);
  const model = createEntityModel(createOrtNodeRunner({ 'lite/entities': files.model }), config);
  const tagger = createSpanCounter(TAGGER_TYPES);
  const baselineTypes = ['PER', 'ORG', 'LOC'];
  const baseline = createSpanCounter(baselineTypes);
  for (const page of pages) {
    tagger.add(page.gold, await model.tag(page.text, page.sentences));
    baseline.add(page.gold.filter((g) => baselineTypes.includes(g.type)), compromiseEntities(page));
  }
  return {
    ...scoresOf(tagger),
    model: config.modelId,
    split: 'eng.testa',
    documents: pages.length,
    tokens: pages.reduce((sum, p) => sum + p.tokens, 0),
    compromise: scoresOf(baseline),
  };
}

/** Reads and validates a tagger-config.json. */
export function loadTaggerConfig(path: string): TaggerConfig {
  const parsed = parseTaggerConfig(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  return parsed.value;
}

function scoresOf(counter: ReturnType<typeof createSpanCounter>): EntityScores {
  const { precision, recall, f1 } = counter.overall();
  return { precision, recall, f1, perType: counter.perType() };
}

const COMPROMISE_TYPES = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']] as const;

/** compromise's matches as character spans, with the punctuation it attaches ("Lisbon.") trimmed. */
function compromiseEntities(page: ConllPage): TypedSpan[] {
  const doc = nlp(page.text);
  return COMPROMISE_TYPES.flatMap(([method, type]) =>
    (doc[method]().json({ offset: true }) as { offset: { start: number; length: number } }[]).flatMap(({ offset }) => {
      let start = offset.start;
      let end = offset.start + offset.length;
      while (start < end && !/[\p{L}\p{N}]/u.test(page.text[start] ?? '')) start++;
      while (end > start && !/[\p{L}\p{N}]/u.test(page.text[end - 1] ?? '') && !isAbbreviationDot(page.text, end - 1)) end--;
      return start < end ? [{ start, end, type }] : [];
    }),
  );
}

/** A "." that closes an abbreviation ("U.S.") rather than a sentence: it touches a letter. */
function isAbbreviationDot(text: string, at: number): boolean {
  return text[at] === '.' && /\p{L}/u.test(text[at - 1] ?? '');
}
