import { createEngineHost } from '../../extension/engine/engine-host';
import type { EngineHost } from '../../extension/engine/engine-host-protocol';
import { createBrowserLiteEngine } from '../../extension/engine/lite/browser-lite-engine';

/** The browser's engine host with the lite pipelines on rules (no trained models, no full tier), for tests in Node. */
export function liteEngineHost(): EngineHost {
  return createEngineHost({ lite: createBrowserLiteEngine() });
}
