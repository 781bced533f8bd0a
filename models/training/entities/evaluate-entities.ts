import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { createEntityModel } from '../../../shared/lite/entity-tagger/create-entity-model';
import { parseTaggerConfig, type TaggerConfig } from '../../../shared/lite/entity-tagger/tagger-config';
import type { EntityModel } from '../../../shared/lite/lite-models';
import type { ConllPage } from './conll-as-text';
import { pagesOf } from './encode-corpora';
import { readEntityCorpora, type EvalSet } from './entity-corpora';
import { createOrtNodeRunner, ENTITY_CONFIG_PATH, ENTITY_MODEL_PATH } from './ort-node-runner';
import { createSpanCounter, type SpanScores, type TypedSpan } from './span-f1';

/** Exact span + type scores, overall and per type. */
export interface EntityScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly perType: Record<string, SpanScores>;
}

/** The exported tagger's and compromise's scores on one set. */
export interface SetEvaluation {
  readonly set: string;
  readonly part: 'dev' | 'test';
  readonly documents: number;
  readonly tokens: number;
  /** The types scored (gold and predicted names of other types are left out). */
  readonly types: readonly string[];
  readonly model: EntityScores;
  /** Scores on PER/ORG/LOC alone, the types compromise knows. */
  readonly modelPerOrgLoc: EntityScores;
  /** compromise's people/organizations/places as PER/ORG/LOC, scored on gold PER/ORG/LOC. */
  readonly compromise: EntityScores;
}

export interface EntityEvaluation {
  readonly model: string;
  readonly sets: readonly SetEvaluation[];
}

const PER_ORG_LOC = ['PER', 'ORG', 'LOC'];

/**
 * Runs the exported ONNX tagger (models/lite/entities) through `createEntityModel` on
 * onnxruntime-node over every dev and test set (CoNLL-2003 eng.testa, CoNLL++ test when the
 * data folder has it, the dev and held-out parts of Wikigold and of the social-media sets),
 * each rebuilt as text (tokens joined by spaces, one sentence per line) so tokenisation is the
 * tagger's own, and scores exact character spans beside compromise. Prints nothing.
 */
export async function evaluateEntities(
  dataDir: string,
  files = { model: ENTITY_MODEL_PATH, config: ENTITY_CONFIG_PATH },
): Promise<EntityEvaluation> {
  const corpora = readEntityCorpora(dataDir);
  const config = loadTaggerConfig(files.config);
  const model = createEntityModel(createOrtNodeRunner({ 'lite/entities': files.model }), config);
  const sets: SetEvaluation[] = [];
  for (const [part, list] of [
    ['dev', corpora.dev],
    ['test', corpora.test],
  ] as const) {
    for (const set of list) sets.push(await evaluateSet(model, set, part));
  }
  return { model: config.modelId, sets };
}

async function evaluateSet(model: EntityModel, set: EvalSet, part: 'dev' | 'test'): Promise<SetEvaluation> {
  const pages = pagesOf(set);
  const ours = createSpanCounter(set.types);
  const oursPol = createSpanCounter(PER_ORG_LOC);
  const baseline = createSpanCounter(PER_ORG_LOC);
  const only = (types: readonly string[], spans: readonly TypedSpan[]) => spans.filter((s) => types.includes(s.type));
  for (const page of pages) {
    const found = await model.tag(page.text, page.sentences);
    ours.add(only(set.types, page.gold), only(set.types, found));
    oursPol.add(only(PER_ORG_LOC, page.gold), only(PER_ORG_LOC, found));
    baseline.add(only(PER_ORG_LOC, page.gold), compromiseEntities(page));
  }
  return {
    set: set.name,
    part,
    documents: pages.length,
    tokens: pages.reduce((sum, p) => sum + p.tokens, 0),
    types: set.types,
    model: scoresOf(ours),
    modelPerOrgLoc: scoresOf(oursPol),
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

const COMPROMISE_TYPES = [
  ['people', 'PER'],
  ['organizations', 'ORG'],
  ['places', 'LOC'],
] as const;

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
