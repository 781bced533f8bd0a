import { describe, expect, it } from 'vitest';
import type { Analysis, Provenance } from '../../../../shared/protocol/results';
import { annotationsToJson, AnnotationsExportSchema } from '../../../../extension/lib/export/annotations-json';
import { annotationsToMarkdown } from '../../../../extension/lib/export/annotations-markdown';
import { NO_DISMISSALS } from '../../../../extension/lib/dismissals';
import { exportFileName } from '../../../../extension/lib/export/export-file-name';
import type { TabState } from '../../../../extension/lib/tab-state';

const TEXT = 'Mayor Ana Ruiz backed the plan. Critics called it a reckless *gamble*. Ruiz said little.';
const provenance: Provenance = { engine: 'browser', tier: 'lite', model: 'lite/test@1', backend: 'rules' };
const at = (quote: string, from = 0) => ({ start: TEXT.indexOf(quote, from), end: TEXT.indexOf(quote, from) + quote.length, text: quote });

const analysis: Analysis = {
  summary: { sentences: [{ ...at('Mayor Ana Ruiz backed the plan.'), score: 0.9 }], provenance },
  entities: {
    items: [
      { ...at('Ana Ruiz'), type: 'PER', score: 0.9, source: 'model' },
      { ...at('Ruiz', 20), type: 'PER', score: 0.8, source: 'model' },
      { ...at('Ruiz', 20), type: 'PER', score: 0.8, source: 'model' },
    ],
    provenance,
  },
  bias: {
    flags: [
      {
        ...at('a reckless *gamble*'),
        category: 'loaded-language',
        score: 0.8,
        explanation: 'Emotive wording.',
        cues: [{ ...at('reckless'), weight: 1 }],
        suggestion: 'a risky plan',
      },
      { ...at('said little'), category: 'framing-verb', score: 0.5, explanation: 'Framing.', cues: [{ ...at('said'), weight: 1 }] },
    ],
    provenance: { ...provenance, note: 'Daemon not available; ran in the browser instead.' },
  },
};

const state: TabState = { tabId: 1, status: 'done', title: 'City | News', url: 'https://news.example/a', analysis, updatedAt: 0 };
const when = new Date('2026-01-02T03:04:05Z');

describe('annotation export', () => {
  it('writes JSON that validates and anchors each annotation by quote, context and position', () => {
    const json = annotationsToJson(state, NO_DISMISSALS, when, TEXT);
    expect(AnnotationsExportSchema.safeParse(JSON.parse(JSON.stringify(json))).success).toBe(true);
    const flag = json.bias!.flags[0]!;
    expect(flag.target.quote.exact).toBe('a reckless *gamble*');
    expect(flag.target.quote.prefix.endsWith('Critics called it ')).toBe(true);
    expect(TEXT.slice(flag.target.position.start, flag.target.position.end)).toBe('a reckless *gamble*');
  });

  it('quotes each span by its own words when the page that holds the text is gone', () => {
    const flag = annotationsToJson(state, NO_DISMISSALS, when).bias!.flags[0]!;
    expect(flag.target.quote).toMatchObject({ exact: 'a reckless *gamble*', prefix: '', suffix: '' });
    expect(TEXT.slice(flag.target.position.start, flag.target.position.end)).toBe('a reckless *gamble*');
  });

  it('leaves out flags the user dismissed on the site, and says how many', () => {
    const dismissals = { flags: [], categories: ['framing-verb' as const] };
    const json = annotationsToJson(state, dismissals, when);
    expect(json.bias!.flags.map((f) => f.category)).toEqual(['loaded-language']);
    expect(json.bias!.dismissedLeftOut).toBe(1);
    expect(annotationsToMarkdown(state, dismissals, when)).toContain('1 flag dismissed on this site is left out.');
    expect(annotationsToMarkdown(state, NO_DISMISSALS, when)).not.toContain('left out');
    expect(annotationsToMarkdown(state, { flags: [], categories: ['framing-verb', 'loaded-language'] }, when)).toContain(
      '2 flags dismissed on this site are left out.',
    );
  });

  it('names the file after whole words of the title', () => {
    expect(exportFileName('Harbor Point approves $48 million seawall after heated vote — The Lowmere Courier', 'md')).toBe(
      'loupe-harbor-point-approves-48-million-seawall-after-heated-vote.md',
    );
    expect(exportFileName('Café déjà vu', 'json')).toBe('loupe-cafe-deja-vu.json');
    expect(exportFileName('——', 'md')).toBe('loupe-page.md');
    expect(exportFileName(undefined, 'md')).toBe('loupe-page.md');
    expect(exportFileName('x'.repeat(80), 'md')).toBe(`loupe-${'x'.repeat(60)}.md`);
  });

  it('writes Markdown with key points, names with mention counts, flags with cues, and provenance', () => {
    const md = annotationsToMarkdown(state, NO_DISMISSALS, when);
    expect(md).toContain('# City \\| News');
    expect(md).toContain('1. Mayor Ana Ruiz backed the plan.');
    expect(md).toContain('- **PER** Ana Ruiz (3 mentions)');
    expect(md).toContain('“a reckless \\*gamble\\*” — Emotive wording. (cues: reckless)');
    expect(md).toContain('Neutral wording: a risky plan');
    expect(md).toContain('_browser · lite · lite/test@1_ — Daemon not available');
  });

  it('exports a page that was never annotated as just its title and address', () => {
    const md = annotationsToMarkdown(
      { tabId: 1, status: 'idle', title: 'Empty', url: 'https://x.example', updatedAt: 0 },
      NO_DISMISSALS,
      when,
    );
    expect(md).not.toContain('## ');
    expect(md).toContain('<https://x.example>');
  });

  it('says why a section is empty by design, and never calls an unchecked page clean', () => {
    const recipe: Analysis = {
      entities: {
        items: [],
        withheld: { reason: 'language', message: 'This page is in German; names are not marked.' },
        provenance,
      },
      bias: {
        flags: [],
        withheld: { reason: 'genre', message: 'This page looks like a recipe, so its wording is not flagged.' },
        provenance,
      },
    };
    const withheld = { ...state, analysis: recipe };
    const json = AnnotationsExportSchema.parse(annotationsToJson(withheld, NO_DISMISSALS, when));
    expect(json.bias?.withheld?.reason).toBe('genre');
    expect(json.entities?.withheld?.reason).toBe('language');
    const md = annotationsToMarkdown(withheld, NO_DISMISSALS, when);
    expect(md).toContain('_This page looks like a recipe, so its wording is not flagged._');
    expect(md).toContain('_This page is in German; names are not marked._');
    expect(md).not.toContain('No flags.');
  });
});
