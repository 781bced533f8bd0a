import { analyzeText } from '../shared/lite/analyze-text';
import { describeImageLite } from '../shared/lite/describe-image-lite';
import type { LiteModels } from '../shared/lite/lite-models';
import type { Provenance } from '../shared/protocol/results';
import type { AnalyzeFn, DescribeImageFn } from './server/server-deps';

export interface LiteEngine {
  analyze: AnalyzeFn;
  describeImage: DescribeImageFn;
}

// The lite tier is all this engine has; a request for `full` is served by lite and says so.
const FULL_FALLBACK_NOTE = 'full tier not loaded in this daemon yet: lite result';

/** The lite pipelines behind the server's `analyze` / `describeImage` seams. */
export function createLiteEngine(engine: Provenance['engine'], models?: LiteModels): LiteEngine {
  return {
    async analyze(params, { signal }) {
      const analysis = await analyzeText(params.text, {
        tasks: params.tasks,
        engine,
        signal,
        ...(models ? { models } : {}),
        ...(params.summarySentences ? { summarySentences: params.summarySentences } : {}),
      });
      if (params.tier === 'full') {
        for (const result of [analysis.summary, analysis.entities, analysis.bias]) {
          if (result) result.provenance.note = FULL_FALLBACK_NOTE;
        }
      }
      return analysis;
    },
    async describeImage({ context, ocrText, tier, ocrUnavailable }) {
      const note = [tier === 'full' ? FULL_FALLBACK_NOTE : undefined, ocrUnavailable].filter(Boolean).join('; ');
      return describeImageLite(context, ocrText, { engine, ...(note ? { provenance: { note } } : {}) });
    },
  };
}
