/** How long a "show in the page" mark stays when the reader does nothing else. */
export const FOCUS_MS = 6000;

export interface FocusPainter {
  show(ranges: readonly Range[]): void;
  clear(): void;
}

interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The yellow mark a jump from the side panel leaves on its words. It is there to catch the eye
 * after the scroll, not to stay: it goes at the reader's next click or Escape in the page, when
 * another span is shown, or after {@link FOCUS_MS}.
 */
export function createFocusHighlight(
  doc: Pick<Document, 'addEventListener' | 'removeEventListener'>,
  painter: FocusPainter,
  timers: Timers = globalThis,
) {
  let timer: unknown;
  let active = false;
  const onKey = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape') clear();
  };
  function clear(): void {
    if (!active) return;
    active = false;
    timers.clearTimeout(timer);
    doc.removeEventListener('pointerdown', clear, true);
    doc.removeEventListener('keydown', onKey, true);
    painter.clear();
  }
  return {
    show(ranges: readonly Range[]): void {
      clear();
      painter.show(ranges);
      active = true;
      timer = timers.setTimeout(clear, FOCUS_MS);
      doc.addEventListener('pointerdown', clear, true);
      doc.addEventListener('keydown', onKey, true);
    },
    clear,
  };
}
