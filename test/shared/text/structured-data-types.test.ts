import { describe, expect, it } from 'vitest';
import { structuredDataTypes } from '../../../shared/text/structured-data-types';

describe('structuredDataTypes', () => {
  it('reads @type from JSON-LD objects, arrays and @graph, then og:type, without repeats', () => {
    const blocks = [
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'WebPage' }, { '@type': ['Recipe', 'HowTo'], author: { '@type': 'Person' } }],
      }),
      JSON.stringify([{ '@type': 'Recipe' }]),
    ];
    expect(structuredDataTypes(blocks, 'article')).toEqual(['WebPage', 'Recipe', 'HowTo', 'Person', 'article']);
  });

  it('skips malformed blocks instead of failing the capture', () => {
    expect(structuredDataTypes(['{ "@type": "Product", ', '{{ template }}', '{"@type":"NewsArticle"}'])).toEqual(['NewsArticle']);
  });

  it('keeps a bounded number of types on pages listing hundreds of items', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ '@type': `Thing${i}` }));
    expect(structuredDataTypes([JSON.stringify({ itemListElement: items })]).length).toBeLessThanOrEqual(32);
  });
});
