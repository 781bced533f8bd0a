import { analyzeText } from '../../../shared/lite/analyze-text';
import { describeImageLite } from '../../../shared/lite/describe-image-lite';
import type { LiteModels } from '../../../shared/lite/lite-models';
import { LoupeError } from '../../../shared/protocol/errors';
import type { PageHints } from '../../../shared/protocol/page-hints';
import type { Analysis, ImageDescription, TextTask } from '../../../shared/protocol/results';
import { withNote } from '../../../shared/protocol/with-note';
import type { LiteModelTask } from '../../../shared/lite/lite-model-specs';
import type { ImageContext } from '../../lib/messaging/content-protocol';
import type { EngineDevice } from '../engine-host-protocol';

export interface BrowserAnalyzeOptions {
  summarySentences?: number;
  signal?: AbortSignal;
  /** What the capture knows about the page besides its text. */
  page?: PageHints;
}

/** An image's encoded bytes, as the background fetched them. */
export interface ImageInput {
  bytes: Uint8Array;
  mimeType?: string;
}

/** Reads the text in an image (OCR in the engine host). */
export interface ImageTextReader {
  /** @throws LoupeError `bad-input` (not an image, too large), `model-missing`, `model-corrupt`. */
  readText(image: ImageInput): Promise<{ text: string; backend: EngineDevice['backend'] }>;
}

/**
 * The lite tier in the engine host (Chrome's offscreen document, Firefox's background page):
 * the shared lite pipelines, with the trained lite models and OCR when they are wired in.
 */
export interface LiteEngine {
  analyze(text: string, tasks: readonly TextTask[], options?: BrowserAnalyzeOptions): Promise<Analysis>;
  /** `image`: the picture's bytes when they could be fetched; its text is read when OCR is wired in. */
  describeImage(context: ImageContext, image?: ImageInput): Promise<ImageDescription>;
}

/** Trained lite models, with why any is absent (shown as its task's provenance note). */
export type LoadedLiteModels = LiteModels & { readonly unavailable?: Partial<Record<LiteModelTask, string>> };

export interface BrowserLiteEngineDeps {
  /** Trained lite models (lazy and cached by the caller); undefined means rules only. */
  loadModels?: () => Promise<LoadedLiteModels | undefined>;
  /** Called when a loaded model failed mid-analysis, so that the next analysis loads again. */
  forgetModels?: () => void;
  /** Reads the text in an image; without it, images are described from their page context only. */
  readImageText?: ImageTextReader;
}

const MODEL_FAILED_FIX = 'annotate again to retry; if it persists, reinstall or rebuild the extension (npm run build)';

export function createBrowserLiteEngine(deps: BrowserLiteEngineDeps = {}): LiteEngine {
  return {
    async analyze(text, tasks, options = {}) {
      const wantsModels = tasks.includes('entities') || tasks.includes('bias');
      const loaded = wantsModels ? await deps.loadModels?.() : undefined;
      const run = (models?: LiteModels) =>
        analyzeText(text, {
          tasks,
          engine: 'browser',
          ...(models ? { models } : {}),
          ...(options.summarySentences ? { summarySentences: options.summarySentences } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.page ? { page: options.page } : {}),
        });
      if (!loaded?.entities && !loaded?.bias) return withNotes(await run(), loaded?.unavailable ?? {});
      try {
        return withNotes(await run(loaded), loaded.unavailable ?? {});
      } catch (error) {
        if (options.signal?.aborted || (error instanceof LoupeError && (error.code === 'cancelled' || error.code === 'no-article')))
          throw error;
        // A model can fail mid-run (a lost WebGPU device): rules now, and the next analysis loads it again.
        deps.forgetModels?.();
        const failed = `Trained lite model failed (${error instanceof Error ? error.message : String(error)}), so rules ran instead — ${MODEL_FAILED_FIX}.`;
        return withNotes(await run(), {
          ...loaded.unavailable,
          ...(loaded.entities ? { entities: failed } : {}),
          ...(loaded.bias ? { bias: failed } : {}),
        });
      }
    },
    async describeImage(context, image) {
      if (!image || !deps.readImageText) return describeImageLite(context);
      try {
        const { text, backend } = await deps.readImageText.readText(image);
        return describeImageLite(context, text, text.trim() ? { provenance: { backend } } : {});
      } catch (error) {
        // Not reading the pixels must not cost the user the rest of the description.
        const why = error instanceof Error ? error.message : String(error);
        return describeImageLite(context, undefined, { provenance: { note: `Text in the image was not read: ${why}` } });
      }
    },
  };
}

function withNotes(analysis: Analysis, unavailable: Partial<Record<LiteModelTask, string>>): Analysis {
  const { entities, bias } = analysis;
  return {
    ...analysis,
    ...(entities ? { entities: withNote(entities, unavailable.entities) } : {}),
    ...(bias ? { bias: withNote(bias, unavailable.bias) } : {}),
  };
}
