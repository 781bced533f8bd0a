import type { VNode } from 'preact';
import { useState } from 'preact/hooks';

interface TopItemsProps<T> {
  items: readonly T[];
  /** How many show before the reader asks for all. */
  limit: number;
  /** What the items are, for the button: "Show all 120 people". */
  noun: string;
  render(item: T): VNode;
  ordered?: boolean;
  class?: string;
}

/** The first `limit` items (callers sort the most useful first), then "Show all N" / "Show fewer". */
export function TopItems<T>({ items, limit, noun, render, ordered, class: className }: TopItemsProps<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <List class={className}>{shown.map(render)}</List>
      {items.length > limit && (
        <button type="button" class="link more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${items.length} ${noun}`}
        </button>
      )}
    </>
  );
}
