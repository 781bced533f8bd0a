import { describe, expect, it } from 'vitest';
import { FULL_MODEL_IDS } from '../../../daemon/full/full-engine';
import { createTieredEngine } from '../../../daemon/full-routing/create-tiered-engine';
import { createLiteEngine } from '../../../daemon/lite-engine';
import { createMemoryLogger } from '../../../daemon/logger';
import { LoupeError } from '../../../shared/protocol/errors';
import { AnalysisSchema } from '../../../shared/protocol/results';
import type { Progress } from '../../../daemon/server/replies';
import { fakeFullTier, provenanceOf, type FakeEngineParts } from './fake-full-tier';

const TEXT = 'Critics slammed the plan on Monday. Mayor Daniel Reyes defended it in Harbor Point.';

function tiered(parts: FakeEngineParts, installed?: string[]) {
  const logger = createMemoryLogger();
  return { engine: createTieredEngine({ lite: createLiteEngine('daemon'), full: fakeFullTier(parts, installed), logger }), logger };
}

function run(
  engine: ReturnType<typeof tiered>['engine'],
  tasks: ('summary' | 'entities' | 'bias')[],
  signal = new AbortController().signal,
) {
  const progress: Progress[] = [];
  return engine
    .analyze({ text: TEXT, tasks, tier: 'full' }, { signal, onProgress: (p) => progress.push(p) })
    .then((a) => ({ analysis: AnalysisSchema.parse(a), progress }));
}

describe('createTieredEngine', () => {
  it('forwards summary progress as stage "summary" and keeps the lite key sentences beside the generated text', async () => {
    const { engine } = tiered({
      summarize: async (_text, options) => {
        options?.onProgress?.({ completed: 0, total: 2 });
        options?.onProgress?.({ completed: 2, total: 2 });
        return { sentences: [], generated: 'A plan was defended.', provenance: provenanceOf('summary') };
      },
    });
    const { analysis, progress } = await run(engine, ['summary']);
    expect(progress).toEqual([
      { stage: 'summary', completed: 0, total: 2 },
      { stage: 'summary', completed: 2, total: 2 },
    ]);
    expect(analysis.summary?.generated).toBe('A plan was defended.');
    expect(analysis.summary?.sentences.length).toBeGreaterThan(0);
    expect(analysis.summary?.provenance).toMatchObject({ tier: 'full', model: FULL_MODEL_IDS.summary });
  });

  it('a runtime failure of the full model serves lite, with a note naming the model and the error', async () => {
    const { engine, logger } = tiered({
      tagEntities: async () => {
        throw new Error('onnxruntime: invalid graph');
      },
    });
    const { analysis } = await run(engine, ['entities']);
    expect(analysis.entities?.provenance.tier).toBe('lite');
    expect(analysis.entities?.items.map((e) => e.text)).toContain('Daniel Reyes');
    expect(analysis.entities?.provenance.note).toBe(
      `Full model ${FULL_MODEL_IDS.entities} failed (onnxruntime: invalid graph); used the lite tier`,
    );
    expect(logger.lines.some((l) => l.includes('full-tier entities failed'))).toBe(true);
  });

  it('a cancellation is not turned into a lite result', async () => {
    const controller = new AbortController();
    const { engine } = tiered({
      summarize: async () => {
        controller.abort(new LoupeError('cancelled', 'Request a1 was cancelled.'));
        throw new LoupeError('cancelled', 'The summary was cancelled.');
      },
    });
    await expect(run(engine, ['summary'], controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('a task whose model is not installed is lite with the pull command, while installed ones run full', async () => {
    const { engine } = tiered({ tagEntities: async () => ({ items: [], provenance: provenanceOf('entities') }) }, [
      FULL_MODEL_IDS.entities,
    ]);
    const { analysis } = await run(engine, ['summary', 'entities']);
    expect(analysis.entities?.provenance.tier).toBe('full');
    expect(analysis.summary?.provenance).toMatchObject({
      tier: 'lite',
      note: `Full model ${FULL_MODEL_IDS.summary} is not installed — run \`loupe models pull ${FULL_MODEL_IDS.summary}\`; used the lite tier`,
    });
  });

  it('a page in German gets no names, flags or generated summary from the English full models, and says why', async () => {
    const german =
      'Die Stadtverwaltung hat am Montag neue Regeln für die Patienten der Kliniken vorgestellt. ' +
      'Nach Angaben der Behörde sollen die Daten der Kunden künftig besser geschützt werden. ' +
      'Die Opposition kritisierte den Entwurf als übereilt und forderte eine längere Beratung im Stadtrat.';
    const { engine } = tiered({
      summarize: async () => ({ sentences: [], generated: 'The city presented new rules.', provenance: provenanceOf('summary') }),
      tagEntities: async (text) => ({
        items: [
          {
            start: text.indexOf('Patienten'),
            end: text.indexOf('Patienten') + 9,
            text: 'Patienten',
            type: 'PER',
            score: 0.9,
            source: 'model',
          },
        ],
        provenance: provenanceOf('entities'),
      }),
    });
    const analysis = AnalysisSchema.parse(
      await engine.analyze(
        { text: german, tasks: ['summary', 'entities', 'bias'], tier: 'full' },
        { signal: new AbortController().signal, onProgress: () => undefined },
      ),
    );
    expect(analysis.page?.language).toMatchObject({ code: 'de', supported: false });
    expect(analysis.entities?.items.filter((e) => e.source === 'model')).toEqual([]);
    expect(analysis.entities?.withheld?.message).toContain('German');
    expect(analysis.bias?.flags).toEqual([]);
    expect(analysis.bias?.withheld?.message).toContain('German');
    expect(analysis.summary?.generated).toBeUndefined();
    expect(analysis.summary?.provenance.note).toContain(
      `${FULL_MODEL_IDS.summary} not run: it summarises English text, and this page is in German`,
    );
    for (const section of [analysis.summary, analysis.entities, analysis.bias])
      expect(section?.provenance.note ?? '').not.toContain('failed');
  });

  it('describe-image: a caption failure keeps the context and says why there is no caption', async () => {
    const { engine } = tiered({
      caption: async () => {
        throw new LoupeError(
          'model-corrupt',
          'Model Mozilla/distilvit failed its checksum — run `loupe models pull Mozilla/distilvit` to fetch it again',
        );
      },
    });
    const description = await engine.describeImage(
      {
        context: [{ source: 'alt', text: 'Harbor at dusk' }],
        tier: 'full',
        png: new Uint8Array([1]),
        ocrUnavailable: 'text in the image was not read: no OCR',
      },
      { signal: new AbortController().signal },
    );
    expect(description.caption).toBeUndefined();
    expect(description.context).toEqual([{ source: 'alt', text: 'Harbor at dusk' }]);
    expect(description.provenance.tier).toBe('lite');
    expect(description.provenance.note).toContain('text in the image was not read');
    expect(description.provenance.note).toContain('run `loupe models pull Mozilla/distilvit`');
  });
});
