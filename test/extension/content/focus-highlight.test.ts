import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFocusHighlight, FOCUS_MS } from '../../../extension/entrypoints/content/focus-highlight';

function setup() {
  const page = new EventTarget();
  const painted: string[] = [];
  const focus = createFocusHighlight(page as unknown as Document, {
    show: (ranges) => painted.push(`show ${ranges.length}`),
    clear: () => painted.push('clear'),
  });
  const range = {} as Range;
  return { page, painted, focus, range };
}

describe('the focus highlight', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes at the next click in the page, and only once', () => {
    const { page, painted, focus, range } = setup();
    focus.show([range]);
    page.dispatchEvent(new Event('pointerdown'));
    page.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(FOCUS_MS);
    expect(painted).toEqual(['show 1', 'clear']);
  });

  it('goes by itself after a few seconds, or on Escape, and not on other keys', () => {
    const { page, painted, focus, range } = setup();
    focus.show([range]);
    vi.advanceTimersByTime(FOCUS_MS - 1);
    expect(painted).toEqual(['show 1']);
    vi.advanceTimersByTime(1);
    expect(painted).toEqual(['show 1', 'clear']);
    focus.show([range, range]);
    page.dispatchEvent(Object.assign(new Event('keydown'), { key: 'ArrowDown' }));
    expect(painted.at(-1)).toBe('show 2');
    page.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Escape' }));
    expect(painted.at(-1)).toBe('clear');
  });

  it('a new jump replaces the old mark and restarts its time', () => {
    const { painted, focus, range } = setup();
    focus.show([range]);
    vi.advanceTimersByTime(FOCUS_MS - 100);
    focus.show([range]);
    vi.advanceTimersByTime(FOCUS_MS - 100);
    expect(painted).toEqual(['show 1', 'clear', 'show 1']);
  });
});
