import type { AccessibleImage } from '../../../lib/tab-state';

function fileName(srcUrl: string): string {
  try { return decodeURIComponent(new URL(srcUrl).pathname.split('/').pop() ?? ''); } catch { return ''; }
}

export function AccessibleImagesSection({ images }: { images: readonly AccessibleImage[] }) {
  return (
    <section aria-labelledby="a11y-h">
      <h2 id="a11y-h">Images described for screen readers <span class="count">{images.length}</span></h2>
      <ul class="a11y-images">
        {images.map((img) => (
          <li key={img.srcUrl}>
            <strong>{fileName(img.srcUrl) || 'image'}</strong>{' '}
            <span class="muted">({img.applied === 'alt' ? 'alt text added' : 'description added, author’s alt kept'})</span>
            <p>{img.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
