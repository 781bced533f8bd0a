import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { trigramLanguage } from '../../../../shared/lite/page/trigram-language';
import { DEALS, DOCS, ENCYCLOPEDIC, RECIPE } from './page-texts';

// Written for this test: short texts in several languages and scripts, and texts made to sit
// between languages (where ties and near-ties decide).
const TEXTS = [
  'Die Patienten in der Klinik warten seit Wochen auf ihre Daten, sagte die Sprecherin am Dienstag in Berlin.',
  'Le conseil municipal a voté mardi un budget de 4,5 millions d’euros pour rénover la gare.',
  'El ayuntamiento aprobó el martes un presupuesto para renovar la estación del tren.',
  'Il consiglio comunale ha approvato martedì il bilancio per rinnovare la stazione.',
  'A câmara municipal aprovou na terça-feira o orçamento para renovar a estação.',
  'Gemeenteraad keurde dinsdag de begroting goed om het station te renoveren.',
  'İstanbul ŞEHİR çok güzel bir yer ve İzmir de öyle, dedi belediye başkanı.',
  'Городской совет во вторник утвердил бюджет на ремонт вокзала.',
  'مجلس المدينة وافق يوم الثلاثاء على ميزانية لتجديد المحطة',
  'नगर परिषद ने मंगलवार को स्टेशन के नवीनीकरण के लिए बजट को मंजूरी दी',
  'Το δημοτικό συμβούλιο ενέκρινε την Τρίτη τον προϋπολογισμό για την ανακαίνιση του σταθμού.',
  '市议会周二批准了翻新火车站的预算。',
  '市議会は火曜日に駅の改修予算を承認しました。',
  'CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .',
  'Portsmouth : Middlesex 199 and 426 ( J. Pooley 111 , M. Ramprakash 108 , M. Gatting 83 ) , Hampshire',
  "Add Women 's singles , third round Linda Wild ( U.S. ) beat Barbara Rittner ( Germany ) 6-4 4-6 7-5",
  'ab ab ab ab ab ab ab ab ab ab ab ab ab ab',
  '1234 5678 !!! ??? 90',
  '',
  'Hi 😀 there, emoji 😀😀 and é accents ñ mixed in a sentence that is long enough to judge.',
];

describe('trigramLanguage', () => {
  it('names the language franc-min names, on pages, sentences and odd strings alike', () => {
    const texts = [...TEXTS, RECIPE, DEALS, DOCS, ENCYCLOPEDIC, `${RECIPE}\n${TEXTS.join(' ')}`.repeat(3)];
    for (const text of texts) {
      const sentences = text.split(/(?<=[.!?])\s+/u);
      for (const sample of [text, ...sentences]) {
        for (const minLength of [10, 60])
          expect(trigramLanguage(sample, minLength), sample.slice(0, 60)).toBe(franc(sample, { minLength }));
      }
    }
  });

  it('says undetermined below the minimum length', () => {
    expect(trigramLanguage('Danke schön!', 60)).toBe('und');
    expect(trigramLanguage(TEXTS[0]!, 60)).toBe('deu');
  });
});
