import { analyzeText } from '../shared/lite/analyze-text';
import { describeImageLite } from '../shared/lite/describe-image-lite';
import type { LiteModels } from '../shared/lite/lite-models';
import type { Analysis, Provenance } from '../shared/protocol/results';
import type { AnalyzeFn, DescribeImageFn } from './server/server-deps';

export interface LiteEngine {
  analyze: AnalyzeFn;
  describeImage: DescribeImageFn;
}

// The lite tier is all this engine has; a request for `full` is served by lite and says so.
const FULL_FALLBACK_NOTE = 'full tier not loaded in this daemon yet: lite result';

/** Trained lite models, with why any of them is absent (see daemon/lite-models). */
export type LiteEngineModels = LiteModels & { readonly unavailable?: Partial<Record<'entities' | 'bias', string>> };

/**
 * The lite pipelines behind the server's `analyze` / `describeImage` seams. Tasks whose trained
 * model is unavailable run on rules, and their provenance says why.
 */
export function createLiteEngine(engine: Provenance['engine'], models?: LiteEngineModels): LiteEngine {
  return {
    async analyze(params, { signal }) {
      const analysis = await analyzeText(params.text, {
        tasks: params.tasks,
        engine,
        signal,
        ...(models ? { models } : {}),
        ...(params.summarySentences ? { summarySentences: params.summarySentences } : {}),
        ...(params.page ? { page: params.page } : {}),
      });
      addNotes(analysis, params.tier === 'full', models?.unavailable ?? {});
      return analysis;
    },
    async describeImage({ context, ocrText, tier, ocrUnavailable }) {
      const note = [tier === 'full' ? FULL_FALLBACK_NOTE : undefined, ocrUnavailable].filter(Boolean).join('; ');
      return describeImageLite(context, ocrText, { engine, ...(note ? { provenance: { note } } : {}) });
    },
  };
}

function addNotes(analysis: Analysis, fullRequested: boolean, unavailable: Partial<Record<'entities' | 'bias', string>>): void {
  const results = { summary: analysis.summary, entities: analysis.entities, bias: analysis.bias };
  for (const [task, result] of Object.entries(results)) {
    if (!result) continue;
    const missing = task === 'entities' || task === 'bias' ? unavailable[task] : undefined;
    const note = [fullRequested ? FULL_FALLBACK_NOTE : undefined, missing].filter(Boolean).join('; ');
    if (note) result.provenance.note = note;
  }
}
