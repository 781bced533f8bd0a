import { describe, expect, it } from 'vitest';
import {
  DARK_PALETTE,
  highlightStyles,
  LIGHT_PALETTE,
  paletteFor,
  stackedBackground,
} from '../../../extension/entrypoints/content/highlight-palette';
import { composite, contrastRatio, parseColor } from '../../../extension/lib/contrast';

const color = (css: string) => parseColor(css)!;
/** Background and body text of pages seen on the web, light and dark, all readable (≥ 4.5:1) on their own. */
const PAGES = [
  ['#ffffff', '#1d1d1f'],
  ['#ffffff', '#595959'],
  ['#f5f5f5', '#333333'],
  ['#fffdf5', '#222222'],
  ['#ffffff', '#767676'],
  ['#121212', '#e6e6e6'],
  ['#1e1e1e', '#d4d4d4'],
  ['#000000', '#aaaaaa'],
  ['#202124', '#bdc1c6'],
  ['#0d1117', '#8b949e'],
] as const;

describe('highlight colours', () => {
  it('keep every page text at 4.5:1 or more under all the tints stacked (a flagged key point under a cue word)', () => {
    for (const [bg, fg] of PAGES) {
      const background = color(bg);
      const text = color(fg);
      const palette = paletteFor(background, text);
      const shown = palette.text ?? text;
      expect(contrastRatio(shown, stackedBackground(palette, background)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draw underlines a reader can see (3:1) against the page and against the tints', () => {
    for (const [bg, fg] of PAGES) {
      const background = color(bg);
      const palette = paletteFor(background, color(fg));
      expect(contrastRatio(palette.entityLine, composite(palette.summary, background)), `names on ${bg}`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(palette.cueLine, stackedBackground(palette, background)), `cue words on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('pick the dark palette on dark pages and keep the tints light: a hint, not a paint-over', () => {
    expect(paletteFor(color('#121212'), color('#e6e6e6')).cueLine).toEqual(DARK_PALETTE.cueLine);
    expect(paletteFor(color('#ffffff'), color('#1d1d1f'))).toEqual(LIGHT_PALETTE);
    for (const palette of [LIGHT_PALETTE, DARK_PALETTE]) {
      expect(palette.bias.a).toBeLessThanOrEqual(0.15);
      expect(palette.summary.a).toBeLessThanOrEqual(0.2);
    }
  });

  it('mark flags with a tint and their cue words with an underline, never a wavy line', () => {
    const css = highlightStyles(LIGHT_PALETTE);
    expect(css).toMatch(/::highlight\(loupe-bias\) \{ background-color: rgba\(255, 170, 0, 0\.14\); \}/);
    expect(css).toMatch(/::highlight\(loupe-cue\) \{[^}]*underline solid/);
    expect(css).not.toMatch(/wavy/);
  });
});
