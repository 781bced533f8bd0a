import type { AccessibleImage } from '../../../lib/tab-state';
import { Section } from './Section';
import { TopItems } from './TopItems';

function fileName(srcUrl: string): string {
  try {
    return decodeURIComponent(new URL(srcUrl).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

export function AccessibleImagesSection({ images }: { images: readonly AccessibleImage[] }) {
  return (
    <Section id="a11y" title="Images described for screen readers" count={images.length}>
      <TopItems
        items={images}
        limit={3}
        noun="images"
        class="a11y-images"
        render={(img) => (
          <li key={img.srcUrl}>
            <strong>{fileName(img.srcUrl) || 'image'}</strong>{' '}
            <span class="muted">({img.applied === 'alt' ? 'alt text added' : 'description added, author’s alt kept'})</span>
            <p>{img.text}</p>
          </li>
        )}
      />
    </Section>
  );
}
