import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../../shared/lite/analyze-text';
import { detectPageLanguage } from '../../../../shared/lite/page/detect-page-language';
import type { EntityModel, BiasModel } from '../../../../shared/lite/lite-models';

// Written for this test: a German news paragraph with capitalised nouns an English tagger mistakes for names.
const GERMAN = [
  'Die Patienten in der Klinik warten seit Wochen auf ihre Daten, sagte die Sprecherin am Dienstag in Berlin.',
  'Viele Kunden der Versicherung haben sich beschwert, weil die Antworten auf ihre Fragen ausbleiben.',
  'Der Vorstand will die Abläufe bis zum 12. März 2025 verbessern und hat dafür 4,5 Millionen Euro eingeplant.',
  'Kritiker halten das für viel zu wenig und fordern, dass die Behörden die Klinik genauer prüfen.',
].join(' ');
const ENGLISH =
  'Angela Morrow, a spokeswoman for the Harbor Point Council, said on Tuesday that Riverside Bank will open an office in Lisbon next spring.';

/** Models that would tag and flag everything: a withheld task must not call them. */
const greedyTagger: EntityModel = {
  id: 'lite/entities@2',
  backend: 'cpu',
  tag: async (text) => [{ start: 4, end: 13, text: text.slice(4, 13), type: 'PER', score: 0.9, source: 'model' }],
};
const greedyClassifier: BiasModel = {
  id: 'lite/bias@1',
  backend: 'cpu',
  flag: async (text) => [
    {
      start: 0,
      end: 10,
      text: text.slice(0, 10),
      category: 'loaded-language',
      score: 0.9,
      explanation: 'x',
      cues: [{ start: 0, end: 3, text: text.slice(0, 3), weight: 1 }],
    },
  ],
};

describe('detectPageLanguage', () => {
  it('reads German from the text and says the models do not cover it', () => {
    expect(detectPageLanguage(GERMAN)).toEqual({ code: 'de', name: 'German', source: 'detected', supported: false });
  });

  it('trusts the text over a template that declares English, and the declaration when they agree', () => {
    expect(detectPageLanguage(GERMAN, 'en-US')).toMatchObject({ code: 'de', source: 'detected' });
    expect(detectPageLanguage(`${ENGLISH} ${ENGLISH}`, 'en-GB')).toEqual({
      code: 'en',
      name: 'English',
      source: 'declared',
      supported: true,
    });
  });

  it('does not call a short English line foreign because its names look German or Dutch', () => {
    for (const line of [
      'Ajax beat PSV Eindhoven 3-1 on Sunday after goals from Van der Berg and De Jong.',
      'Schalke 04 midfielder Olaf Thon will miss Saturday game against Werder Bremen.',
    ])
      expect(detectPageLanguage(line).supported).toBe(true);
    expect(detectPageLanguage('Die Patienten warten seit Wochen auf ihre Daten.', 'de')).toMatchObject({ code: 'de', supported: false });
  });

  it('calls placeholder "lorem ipsum" text Latin, not French, and an English page quoting it English', () => {
    const lorem =
      'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ' +
      'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.';
    expect(detectPageLanguage(lorem, 'en')).toEqual({ code: 'la', name: 'Latin', source: 'detected', supported: false });
    const aboutLorem = `Designers fill empty layouts with "Lorem ipsum dolor sit amet" until the real copy arrives. ${ENGLISH} ${ENGLISH}`;
    expect(detectPageLanguage(aboutLorem)).toMatchObject({ code: 'en', supported: true });
  });

  it('keeps the declared language, or none, when the text is too short to tell', () => {
    expect(detectPageLanguage('Danke schön!', 'de')).toMatchObject({ code: 'de', source: 'declared', supported: false });
    expect(detectPageLanguage('Thanks!')).toEqual({ code: 'und', name: 'undetermined', source: 'detected', supported: true });
  });
});

describe('analyzeText on a page the models do not read', () => {
  it('runs no name or bias model, keeps dates and figures, and says which language it found', async () => {
    const analysis = await analyzeText(GERMAN, {
      tasks: ['summary', 'entities', 'bias'],
      engine: 'in-process',
      page: { lang: 'de' },
      models: { entities: greedyTagger, bias: greedyClassifier },
    });
    expect(analysis.page?.language).toMatchObject({ code: 'de', name: 'German', supported: false });
    expect(analysis.entities?.items.filter((e) => ['PER', 'ORG', 'LOC', 'MISC'].includes(e.type))).toEqual([]);
    expect(analysis.entities?.items.map((e) => e.type)).toContain('DATE');
    expect(analysis.entities?.withheld).toMatchObject({ reason: 'language' });
    expect(analysis.entities?.withheld?.message).toMatch(/German/u);
    expect(analysis.bias?.flags).toEqual([]);
    expect(analysis.bias?.withheld?.message).toMatch(/German.*not checked for bias/u);
    expect(analysis.summary?.sentences.length).toBeGreaterThan(0);
  });

  it('leaves an English page to its models', async () => {
    const analysis = await analyzeText(`${ENGLISH} ${ENGLISH.replace('Lisbon', 'Porto')}`, {
      tasks: ['entities', 'bias'],
      engine: 'in-process',
      models: { entities: greedyTagger, bias: greedyClassifier },
    });
    expect(analysis.page?.language).toMatchObject({ code: 'en', supported: true });
    expect(analysis.entities?.withheld).toBeUndefined();
    expect(analysis.entities?.items.some((e) => e.source === 'model')).toBe(true);
    expect(analysis.bias?.flags.length).toBeGreaterThan(0);
  });
});
