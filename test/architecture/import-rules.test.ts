import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, type ImportEdge } from './import-graph';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const edges = importGraph(ROOT, ['extension', 'daemon', 'shared', 'models', 'build']);
const shown = (list: readonly ImportEdge[]) => list.map((e) => `${e.from} → ${e.specifier}`);
const into = (folder: string) => (e: ImportEdge) => e.to?.startsWith(`${folder}/`) === true;

describe('where code may reach (the processes meet only in shared/)', () => {
  it('reads every source file', () => {
    expect(edges.some((e) => e.from.startsWith('extension/'))).toBe(true);
    expect(edges.some((e) => e.from.startsWith('models/') && e.to?.startsWith('shared/'))).toBe(true);
  });

  it('the extension and the training scripts never import the daemon', () => {
    const wrong = edges.filter((e) => (e.from.startsWith('extension/') || e.from.startsWith('models/')) && into('daemon')(e));
    expect(shown(wrong)).toEqual([]);
  });

  it('the daemon and the training scripts never import the extension', () => {
    const wrong = edges.filter((e) => (e.from.startsWith('daemon/') || e.from.startsWith('models/')) && into('extension')(e));
    expect(shown(wrong)).toEqual([]);
  });

  it('shared/ imports neither Node nor browser modules, nor any process folder', () => {
    const wrong = edges.filter(
      (e) =>
        e.from.startsWith('shared/') &&
        (e.specifier.startsWith('node:') ||
          e.specifier.startsWith('wxt') ||
          e.specifier === 'webextension-polyfill' ||
          ['extension', 'daemon', 'models', 'test'].some((folder) => into(folder)(e))),
    );
    expect(shown(wrong)).toEqual([]);
  });

  it('the extension imports no Node module, and the daemon no browser one', () => {
    const nodeOnly = /^(?:node:|linkedom$|sharp$|ws$|onnxruntime-node$|@gutenye\/ocr-node)/u;
    const browserOnly = /^(?:wxt|webextension-polyfill$|onnxruntime-web|@webext-core\/|preact)/u;
    const wrong = edges.filter(
      (e) =>
        (e.from.startsWith('extension/') && nodeOnly.test(e.specifier)) || (e.from.startsWith('daemon/') && browserOnly.test(e.specifier)),
    );
    expect(shown(wrong)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(edges)).toEqual([]);
  });
});
