/**
 * The OCR evaluation set: short lines Loupe renders itself, written for this project (no
 * external data). Names, numbers, punctuation, prices and dates, as they appear in web images.
 */
export const OCR_EVAL_PHRASES = [
  'Harbor Point vote: 6-3',
  'Tickets $12.50 at the door',
  'Maria Okonkwo, CEO',
  'Updated March 14, 2025',
  'Sale ends 11/30 - 40% off',
  'Call (555) 013-2468',
  'Quarterly revenue: EUR 4.2bn',
  'Dr. Li Wei & Partners',
  'Route 66 closed until 9:45 pm',
  'Population 1,284,003',
  'Kowalski Bakery est. 1987',
  'Shipping: free over $35',
  'Is this the real life?',
  'Vote YES on Measure B!',
  'Temperature 23.5 C / 74 F',
  'www.example.org/news',
  'Chapter 7: The Long Road',
  'Gross margin fell 3.1 points',
  'Open Mon-Fri 8:00-17:30',
  'Rosa Delgado for Mayor',
  'Order #A-20931 confirmed',
  'Fig. 2 - Rainfall (mm)',
  "Don't miss the 2026 finals",
  'St. Petersburg -> Helsinki',
  'Version 4.12.0 released',
  'Only 3 seats left',
  'Nordic Rail AB; Oslo office',
  'Score: 98/100 (A+)',
  'Price per kg: $7.99',
  'Meet Jonas at Gate 22B',
] as const;

/** Fonts Debian's Chromium finds here through fontconfig (fonts-liberation, fonts-dejavu-core). */
export const OCR_EVAL_FONTS = [
  { name: 'serif', css: '"Liberation Serif", serif' },
  { name: 'sans-serif', css: '"DejaVu Sans", sans-serif' },
  { name: 'monospace', css: '"Liberation Mono", monospace' },
] as const;

export const OCR_EVAL_SIZES = [14, 20, 32, 48] as const;

export const OCR_EVAL_SCHEMES = [
  { name: 'dark-on-light', color: '#111111', background: '#ffffff' },
  { name: 'light-on-dark', color: '#f4f4f4', background: '#1f2933' },
] as const;

export interface OcrEvalCase {
  readonly phrase: string;
  readonly font: (typeof OCR_EVAL_FONTS)[number];
  readonly size: number;
  readonly scheme: (typeof OCR_EVAL_SCHEMES)[number];
}

/**
 * Every phrase in every font and size; the colour scheme of each is drawn from a seeded
 * generator, so the set is the same on every run and half of it is light-on-dark.
 */
export function ocrEvalCases(seed = 20261130): OcrEvalCase[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0; // LCG (Numerical Recipes)
    return state / 2 ** 32;
  };
  const cases: OcrEvalCase[] = [];
  for (const phrase of OCR_EVAL_PHRASES) {
    for (const font of OCR_EVAL_FONTS) {
      for (const size of OCR_EVAL_SIZES) {
        cases.push({ phrase, font, size, scheme: OCR_EVAL_SCHEMES[next() < 0.5 ? 0 : 1] });
      }
    }
  }
  return cases;
}
