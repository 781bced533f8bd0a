import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, luminance, parseColor } from '../../../extension/lib/contrast';

describe('contrast', () => {
  it('reads the colour forms getComputedStyle returns', () => {
    expect(parseColor('rgb(18, 18, 18)')).toEqual({ r: 18, g: 18, b: 18, a: 1 });
    expect(parseColor('rgba(255, 176, 0, 0.35)')).toEqual({ r: 255, g: 176, b: 0, a: 0.35 });
    expect(parseColor('rgb(0 0 0 / 50%)')).toEqual({ r: 0, g: 0, b: 0, a: 0.5 });
    expect(parseColor('#fa0')).toEqual({ r: 255, g: 170, b: 0, a: 1 });
    expect(parseColor('color(srgb 1 0 0)')).toBeUndefined();
  });

  it('gives the WCAG figures: 21 for black on white, 4.54 for #767676 on white', () => {
    const white = parseColor('#ffffff')!;
    expect(luminance(white)).toBeCloseTo(1, 6);
    expect(contrastRatio(parseColor('#000')!, white)).toBeCloseTo(21, 6);
    expect(contrastRatio(parseColor('#767676')!, white)).toBeCloseTo(4.54, 2);
    expect(contrastRatio(white, parseColor('#767676')!)).toBeCloseTo(4.54, 2);
  });

  it('paints a translucent colour over an opaque one', () => {
    expect(composite({ r: 0, g: 0, b: 0, a: 0.5 }, { r: 255, g: 255, b: 255, a: 1 })).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });
});
