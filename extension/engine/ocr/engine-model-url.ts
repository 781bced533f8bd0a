import { browser } from 'wxt/browser';
import { bundledModelUrl } from '../bundled-model-url';
import { OCR_DICTIONARY_PATH, ocrModelPath } from './ocr-model-files';

/** Where the engine finds a bundled network: the OCR pair by its ids, the lite models through the catalogue. */
export function engineModelUrl(modelId: string): string {
  const ocr = ocrModelPath(modelId);
  return ocr ? browser.runtime.getURL(ocr as '/') : bundledModelUrl(modelId);
}

export function ocrDictionaryUrl(): string {
  return browser.runtime.getURL(OCR_DICTIONARY_PATH as '/');
}
