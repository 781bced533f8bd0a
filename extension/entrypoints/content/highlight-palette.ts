import { composite, contrastRatio, luminance, parseColor, type Rgba } from '../../lib/contrast';

/** The colours of Loupe's marks on one page. Tints are translucent over the page's own background. */
export interface HighlightPalette {
  /** Key-point sentences: a light tint. */
  summary: Rgba;
  /** A flagged sentence: a light tint. */
  bias: Rgba;
  /** The words that triggered a flag: a stronger tint, over the sentence's, plus an underline. */
  cue: Rgba;
  cueLine: Rgba;
  /** Names: a dotted underline only. */
  entityLine: Rgba;
  /** Set only where the page's text would lose contrast under the tints even at their lightest. */
  text?: Rgba;
}

const rgba = (r: number, g: number, b: number, a = 1): Rgba => ({ r, g, b, a });

export const LIGHT_PALETTE: HighlightPalette = {
  summary: rgba(64, 140, 255, 0.12),
  bias: rgba(255, 170, 0, 0.14),
  cue: rgba(255, 150, 0, 0.32),
  cueLine: rgba(161, 74, 0),
  entityLine: rgba(27, 122, 58),
};
export const DARK_PALETTE: HighlightPalette = {
  summary: rgba(90, 140, 255, 0.16),
  bias: rgba(255, 170, 40, 0.12),
  cue: rgba(255, 170, 40, 0.22),
  cueLine: rgba(255, 178, 77),
  entityLine: rgba(99, 214, 143),
};

/** Text needs 4.5:1 (WCAG 1.4.3); a page already below that keeps at least what it had. */
const TEXT_CONTRAST = 4.5;

/** The darkest a mark can make the page: a key point that is flagged, under a cue word. */
export function stackedBackground(palette: HighlightPalette, background: Rgba): Rgba {
  return composite(palette.cue, composite(palette.bias, composite(palette.summary, background)));
}

function scaled(palette: HighlightPalette, factor: number): HighlightPalette {
  const fade = (c: Rgba) => ({ ...c, a: c.a * factor });
  return { ...palette, summary: fade(palette.summary), bias: fade(palette.bias), cue: fade(palette.cue) };
}

/**
 * The palette for a page with this background and body text: light or dark by the background,
 * its tints lightened until text under all of them stacked keeps 4.5:1 (or the page's own
 * contrast, if lower); past that, the marks also set a text colour that keeps it.
 */
export function paletteFor(background: Rgba, text: Rgba): HighlightPalette {
  const base = luminance(background) < 0.18 ? DARK_PALETTE : LIGHT_PALETTE;
  const target = Math.min(TEXT_CONTRAST, contrastRatio(text, background));
  for (let factor = 1; factor >= 0.25; factor -= 0.125) {
    const palette = scaled(base, factor);
    if (contrastRatio(text, stackedBackground(palette, background)) >= target) return palette;
  }
  const lightest = scaled(base, 0.25);
  const under = stackedBackground(lightest, background);
  const black = rgba(0, 0, 0);
  const white = rgba(255, 255, 255);
  return { ...lightest, text: contrastRatio(black, under) > contrastRatio(white, under) ? black : white };
}

const css = ({ r, g, b, a }: Rgba) => `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${Number(a.toFixed(3))})`;

/** The ::highlight() rules for the palette. The focus mark is opaque with its own text colour. */
export function highlightStyles(palette: HighlightPalette): string {
  const color = palette.text ? ` color: ${css(palette.text)};` : '';
  return `
::highlight(loupe-summary) { background-color: ${css(palette.summary)};${color} }
::highlight(loupe-entity) { text-decoration: underline dotted ${css(palette.entityLine)}; text-decoration-thickness: 2px; }
::highlight(loupe-bias) { background-color: ${css(palette.bias)};${color} }
::highlight(loupe-cue) { background-color: ${css(palette.cue)}; text-decoration: underline solid ${css(palette.cueLine)}; text-decoration-thickness: 2px;${color} }
::highlight(loupe-hint) { text-decoration: underline dotted ${css(palette.cueLine)}; text-decoration-thickness: 1px; }
::highlight(loupe-focus) { background-color: rgba(255, 225, 77, 1); color: #000; }
`;
}

/** The page's background: the first opaque one from <body> up, white when none is set. */
export function pageColors(doc: Document): { background: Rgba; text: Rgba } {
  const view = doc.defaultView;
  const white = rgba(255, 255, 255);
  let background = white;
  for (const el of [doc.body, doc.documentElement]) {
    const color = el && view ? parseColor(view.getComputedStyle(el).backgroundColor) : undefined;
    if (color && color.a > 0) {
      background = composite(color, white);
      break;
    }
  }
  const text = (doc.body && view ? parseColor(view.getComputedStyle(doc.body).color) : undefined) ?? rgba(0, 0, 0);
  return { background, text: composite(text, background) };
}
