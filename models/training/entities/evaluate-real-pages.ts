import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEntityModel } from '../../../shared/lite/entity-tagger/create-entity-model';
import { analyzeText } from '../../../shared/lite/analyze-text';
import type { EntityModel } from '../../../shared/lite/lite-models';
import type { Entity } from '../../../shared/protocol/results';
import { extractArticleInNode as extractArticle } from '../extract-article-in-node';
import { loadTaggerConfig } from './evaluate-entities';
import { measureNameConsistency, type NameConsistency } from './name-consistency';
import { createOrtNodeRunner, ENTITY_CONFIG_PATH, ENTITY_MODEL_PATH } from './ort-node-runner';

/** Name consistency on real pages, with and without the page-level decisions. */
export interface RealPagesConsistency {
  readonly pages: number;
  /** The lite pipeline as users get it. */
  readonly loupe: NameConsistency;
  /** The same tagger, mentions as decoded sentence by sentence (the decisions off). */
  readonly taggerAlone: NameConsistency;
}

/** The article text of every saved page in `<dataDir>/readability-pages`, as the daemon captures it. */
export function readRealPages(dataDir: string): { name: string; text: string }[] {
  const dir = join(dataDir, 'readability-pages');
  if (!existsSync(dir)) throw new Error(`${dir} not found — the real-pages check needs readability-pages in ../shared/data (see README)`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
    .flatMap((entry) => {
      try {
        return [{ name: entry.name, text: extractArticle(readFileSync(join(dir, entry.name, 'source.html'), 'utf8')).text }];
      } catch {
        return []; // a page with no article (as the daemon says to its user) has no names to count
      }
    });
}

/**
 * Runs the lite entity pipeline (tagger, page-level decisions, pattern entities) on the 130
 * saved real pages of mozilla/readability — pages the tagger never trained or tuned on — and
 * counts the repeated names split across types. Prints nothing.
 */
export async function evaluateRealPages(
  dataDir: string,
  files = { model: ENTITY_MODEL_PATH, config: ENTITY_CONFIG_PATH },
): Promise<RealPagesConsistency> {
  const pages = readRealPages(dataDir);
  const config = loadTaggerConfig(files.config);
  const runner = createOrtNodeRunner({ 'lite/entities': files.model });
  const loupe = await entitiesOf(pages, createEntityModel(runner, config));
  const alone = await entitiesOf(pages, createEntityModel(runner, config, { documentDecisions: false }));
  return { pages: pages.length, loupe: measureNameConsistency(loupe), taggerAlone: measureNameConsistency(alone) };
}

async function entitiesOf(pages: readonly { text: string }[], model: EntityModel): Promise<Entity[][]> {
  const out: Entity[][] = [];
  for (const page of pages) {
    const analysis = await analyzeText(page.text, { tasks: ['entities'], engine: 'in-process', models: { entities: model } });
    out.push(analysis.entities?.items ?? []);
  }
  return out;
}
