import type { TabState } from '../../../lib/tab-state';
import { ProvenanceBadge } from './ProvenanceBadge';

export function ImageSection({ image }: { image: NonNullable<TabState['image']> }) {
  const { description } = image;
  return (
    <section aria-labelledby="image-h">
      <h2 id="image-h">Last image</h2>
      <ProvenanceBadge provenance={description.provenance} />
      {description.caption && <p>{description.caption}</p>}
      <h3>Context from the page — not a generated caption</h3>
      {description.context.length === 0 && <p class="muted">The page says nothing about this image.</p>}
      <ul>{description.context.map((c, i) => <li key={i}><strong>{c.source}</strong>: {c.text}</li>)}</ul>
      {description.ocrText && (<><h3>Text in the image</h3><p>{description.ocrText}</p></>)}
    </section>
  );
}
