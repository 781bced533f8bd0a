import { browser } from 'wxt/browser';
import catalogue from '../../models/catalogue.json';

/** The slice of a catalogue entry this reads (the full schema is shared/models/catalogue-schema.ts). */
interface CatalogueEntryLike {
  id: string;
  source: { kind: string; dir?: string };
  files: { path: string }[];
}

/**
 * Where a trained lite model ships inside the extension. The build copies models/lite/** to
 * /models/lite/**, and the catalogue names each model's folder and .onnx file
 * (`lite/bias@1` → `/models/lite/bias/bias-classifier.onnx`), so the daemon and the browser
 * agree on one source. An id the catalogue lacks maps to `<name>/model.onnx`, which then fails
 * as `model-missing` naming the fix.
 */
export function bundledModelPath(modelId: string, entries: readonly CatalogueEntryLike[] = catalogue.models): string {
  const id = modelId.replace(/@\d+$/, '');
  const entry = entries.find((e) => e.id === id && e.source.kind === 'bundled' && e.source.dir);
  const onnx = entry?.files.find((f) => f.path.endsWith('.onnx'));
  if (entry?.source.dir && onnx) return `/${entry.source.dir}/${onnx.path}`;
  return `/models/lite/${id.replace(/^lite\//, '')}/model.onnx`;
}

export function bundledModelUrl(modelId: string): string {
  return browser.runtime.getURL(bundledModelPath(modelId) as '/');
}
