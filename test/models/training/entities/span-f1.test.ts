import { describe, expect, it } from 'vitest';
import { createSpanCounter } from '../../../../models/training/entities/span-f1';

describe('createSpanCounter', () => {
  it('counts only exact span and type matches, overall and per type', () => {
    const counter = createSpanCounter(['PER', 'LOC']);
    counter.add(
      [
        { start: 0, end: 13, type: 'PER' },
        { start: 20, end: 26, type: 'LOC' },
      ],
      [
        { start: 0, end: 13, type: 'PER' },
        { start: 20, end: 26, type: 'PER' },
        { start: 30, end: 34, type: 'LOC' },
      ],
    );
    counter.add([{ start: 0, end: 6, type: 'LOC' }], [{ start: 0, end: 5, type: 'LOC' }]);
    const overall = counter.overall();
    expect(overall).toMatchObject({ gold: 3, predicted: 4, correct: 1 });
    expect(overall.precision).toBeCloseTo(1 / 4);
    expect(overall.recall).toBeCloseTo(1 / 3);
    expect(overall.f1).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3));
    expect(counter.perType().PER).toMatchObject({ precision: 0.5, recall: 1 });
    expect(counter.perType().LOC).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
