import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeJsonl } from '../../../daemon/commands/analyze-jsonl';
import { createLiteEngine } from '../../../daemon/lite-engine';
import { loadLiteModels, type LoadedLiteModels } from '../../../daemon/lite-models/load-lite-models';
import { createMemoryLogger } from '../../../daemon/logger';
import { batchEntityCalls } from '../../../shared/lite/entity-tagger/batch-entity-calls';
import type { Analysis, TextTask } from '../../../shared/protocol/results';
import { readFileSync } from 'node:fs';

// Project-written lines, as a corpus annotated with `loupe analyze --jsonl` would have them.
const TEXTS = [
  'Angela Morrow met Tomas Okafor in Lisbon on Tuesday.',
  'Shares of Northwind Foods fell 4% after the company cut its forecast for 2025.',
  'THE HARBOR POINT COUNCIL VOTES',
  'Priya Raman studied at the University of Toronto before moving to Oslo, where she joined Statkraft.',
  'Die Patienten in der Klinik warten seit Wochen auf ihre Daten, sagte die Sprecherin am Dienstag in Berlin. Viele Kunden der Versicherung haben sich beschwert, weil die Antworten ausbleiben.',
  'Mayor Daniel Reyes said the Eastside library would reopen after Thanksgiving. Reyes did not say when.',
];

let lite: LoadedLiteModels;
beforeAll(async () => {
  lite = await loadLiteModels({ logger: createMemoryLogger() });
});
afterAll(() => lite.release());

/** Runs `analyzeJsonl` over `lines` with a window of `window` lines; returns the output lines, parsed. */
async function runJsonl(lines: string[], window: number, tasks: TextTask[] = ['entities']): Promise<(Analysis & { id: unknown })[]> {
  const entities = batchEntityCalls(lite.entities!);
  const engine = createLiteEngine('in-process', { ...lite, entities });
  const input = new PassThrough();
  let out = '';
  const done = analyzeJsonl(
    input,
    (text) => {
      out += text;
    },
    tasks,
    engine.analyze,
    window,
  );
  input.end(lines.join('\n') + '\n');
  await done;
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('analyze --jsonl with the trained tagger', () => {
  it('gives each line, analysed in a batch, the names, types, offsets and language it gets alone', async () => {
    const lines = TEXTS.map((text, id) => JSON.stringify({ id, text }));
    const batched = await runJsonl(lines, 256);
    const plain = createLiteEngine('in-process', lite);
    const signal = new AbortController().signal;
    expect(batched.map((line) => line.id)).toEqual(TEXTS.map((_, id) => id));
    for (const [i, text] of TEXTS.entries()) {
      const alone = await plain.analyze({ text, tasks: ['entities'], tier: 'lite' }, { signal, onProgress: () => {} });
      const line = batched[i]!;
      expect(line.page).toEqual(alone.page);
      expect(line.entities!.items.map(({ score: _, ...span }) => span)).toEqual(alone.entities!.items.map(({ score: _, ...span }) => span));
      // One network run over many lines sums in another order: scores agree, to the last digits or so.
      for (const [k, entity] of line.entities!.items.entries()) expect(entity.score).toBeCloseTo(alone.entities!.items[k]!.score, 5);
    }
    expect(batched[0]!.entities!.items.map((e) => `${e.type}:${e.text}`)).toEqual(
      expect.arrayContaining(['PER:Angela Morrow', 'LOC:Lisbon']),
    );
    expect(batched[4]!.entities!.withheld?.reason).toBe('language');
  }, 60_000);

  it('writes the same lines whatever the window', async () => {
    const lines = [...TEXTS, ...TEXTS].map((text, id) => JSON.stringify({ id, text }));
    const names = (output: (Analysis & { id: unknown })[]) =>
      output.map((line) => line.entities!.items.map((e) => `${e.start}-${e.end}:${e.type}`));
    expect(names(await runJsonl(lines, 1))).toEqual(names(await runJsonl(lines, 5)));
  }, 60_000);

  it('reads an HTML line as a page: its title and keywords decide its genre, as for `loupe analyze page.html`', async () => {
    const html = readFileSync(new URL('../../fixtures/articles/story-chapter.html', import.meta.url), 'utf8');
    const [story] = await runJsonl([JSON.stringify({ id: 'story', html })], 256, ['bias']);
    expect(story!.page?.genre).toBe('fiction');
    expect(story!.bias?.flags).toEqual([]);
    expect(story!.bias?.withheld?.message).toMatch(/looks like fiction/u);
  });
});
