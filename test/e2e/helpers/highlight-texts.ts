import type { Page } from 'puppeteer-core';
import type { Analysis } from '../../../shared/protocol/results';

/** The CSS Custom Highlights Loupe paints, by the kind of span they mark. */
export const KINDS = { summary: 'loupe-summary', entity: 'loupe-entity', bias: 'loupe-bias' } as const;

/** The texts of an analysis's spans, by the highlight kind that paints them. */
export function spanTexts(analysis: Analysis | undefined): Record<keyof typeof KINDS, string[]> {
  return {
    summary: analysis?.summary?.sentences.map((s) => s.text) ?? [],
    entity: analysis?.entities?.items.map((e) => e.text) ?? [],
    bias: analysis?.bias?.flags.map((f) => f.text) ?? [],
  };
}

/**
 * Each highlighted range's text as the reader sees it: Range.toString() also returns text the
 * page hides inside the range (display:none MathML, say), which is never painted.
 */
export function readHighlights(page: Page): Promise<Record<keyof typeof KINDS, string[]>> {
  return page.evaluate((kinds) => {
    const seen = (node: Text) => {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName.toUpperCase())) return false;
      return parent.checkVisibility({ visibilityProperty: true });
    };
    const visibleText = (range: Range) => {
      const root = range.commonAncestorContainer;
      if (root.nodeType === Node.TEXT_NODE) return seen(root as Text) ? range.toString() : '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (!range.intersectsNode(node) || !seen(node)) continue;
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : node.data.length;
        text += node.data.slice(from, to);
      }
      return text;
    };
    const texts = (name: string) => [...(CSS.highlights.get(name) ?? [])].map((range) => visibleText(range as Range));
    return { summary: texts(kinds.summary), entity: texts(kinds.entity), bias: texts(kinds.bias) };
  }, KINDS);
}
