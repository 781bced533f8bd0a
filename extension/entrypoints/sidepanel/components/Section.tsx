import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface SectionProps {
  id: string;
  title: string;
  /** Shown beside the title (how many items the section holds). */
  count?: number | string;
  defaultOpen?: boolean;
  children: ComponentChildren;
}

/** A panel section whose title folds it away: a long page's panel stays as short as the reader wants. */
export function Section({ id, title, count, defaultOpen = true, children }: SectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section class="section" aria-labelledby={`${id}-h`} data-section={id}>
      <h2 id={`${id}-h`}>
        <button type="button" class="section-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span class="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
          {count !== undefined && <span class="count">{count}</span>}
        </button>
      </h2>
      {open && <div id={`${id}-body`}>{children}</div>}
    </section>
  );
}
