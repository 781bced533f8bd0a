import { describe, expect, it } from 'vitest';
import { BIAS_CATEGORY_LEGEND } from '../../../shared/lite/bias-category-legend';
import { BIAS_CATEGORIES } from '../../../shared/protocol/results';

describe('the category legend', () => {
  it('names and explains every category in one line, and shows vague claims quietly', () => {
    expect(Object.keys(BIAS_CATEGORY_LEGEND).sort()).toEqual([...BIAS_CATEGORIES].sort());
    for (const category of BIAS_CATEGORIES) {
      const { label, legend } = BIAS_CATEGORY_LEGEND[category];
      expect(label.length).toBeGreaterThan(3);
      expect(legend).toMatch(/^[A-Z].{20,160}[.;)]$/u);
      expect(legend).not.toContain('\n');
    }
    expect(BIAS_CATEGORY_LEGEND.hedge.severity).toBe('quiet');
    expect(BIAS_CATEGORIES.filter((c) => BIAS_CATEGORY_LEGEND[c].severity === 'quiet')).toEqual(['hedge']);
  });
});
