import { analyzeText } from '../../../shared/lite/analyze-text';
import { describeImageLite } from '../../../shared/lite/describe-image-lite';
import type { LiteModels } from '../../../shared/lite/lite-models';
import type { Analysis, ImageDescription, TextTask } from '../../../shared/protocol/results';
import type { ImageContext } from '../../lib/messaging/content-protocol';

export interface BrowserAnalyzeOptions {
  summarySentences?: number;
  signal?: AbortSignal;
}

/**
 * The in-browser engine the router falls back to. Today it runs the lite rules right here in
 * the background; the offscreen ONNX engine plugs in through `loadModels` (trained lite
 * models) without the router changing.
 */
export interface BrowserEngine {
  analyze(text: string, tasks: readonly TextTask[], options?: BrowserAnalyzeOptions): Promise<Analysis>;
  describeImage(context: ImageContext, ocrText?: string): Promise<ImageDescription>;
}

export interface LiteBrowserEngineDeps {
  /** Trained lite models from the offscreen engine; undefined means rules only. */
  loadModels?: () => Promise<LiteModels | undefined>;
}

export function createLiteBrowserEngine(deps: LiteBrowserEngineDeps = {}): BrowserEngine {
  return {
    async analyze(text, tasks, options = {}) {
      const models = await deps.loadModels?.();
      return analyzeText(text, {
        tasks,
        engine: 'browser',
        ...(models ? { models } : {}),
        ...(options.summarySentences ? { summarySentences: options.summarySentences } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    },
    async describeImage(context, ocrText) {
      return describeImageLite(context, ocrText);
    },
  };
}
