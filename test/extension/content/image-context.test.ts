import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { altQuality, captureImageContext, imageFilename } from '../../../extension/entrypoints/content/image-context';

describe('image context', () => {
  it('calls alt text useless when it is a placeholder or the file name', () => {
    expect(altQuality(null, 'a.jpg')).toBe('missing');
    expect(altQuality('  ', 'a.jpg')).toBe('missing');
    expect(altQuality('image', 'a.jpg')).toBe('useless');
    expect(altQuality('Photo 3', 'a.jpg')).toBe('useless');
    expect(altQuality('IMG_0042.JPG', 'IMG_0042.JPG')).toBe('useless');
    expect(altQuality('harbor point', 'harbor-point.png')).toBe('useless');
    expect(altQuality('The harbor at dusk, cranes on the skyline', 'harbor.png')).toBe('useful');
  });

  it('takes the file name from the URL path, not from data URLs', () => {
    expect(imageFilename('https://example.org/media/harbor%20point.png?w=400')).toBe('harbor point.png');
    expect(imageFilename('data:image/png;base64,AAAA')).toBe('');
  });

  it('gathers alt, title, figcaption, nearby text and file name for the image', () => {
    const { document } = parseHTML(`<html><body><article>
      <p>The new pier opened to the public this weekend after two years of construction work on the site.</p>
      <figure><img src="https://example.org/pier.jpg" alt="image" title="Pier opening"><figcaption>Crowds on the pier, Saturday.</figcaption></figure>
    </article></body></html>`);
    const img = document.querySelector('img')!;
    const context = captureImageContext(img, 'https://example.org/pier.jpg');
    expect(context).toContainEqual({ source: 'alt', text: 'image' });
    expect(context).toContainEqual({ source: 'title', text: 'Pier opening' });
    expect(context).toContainEqual({ source: 'figcaption', text: 'Crowds on the pier, Saturday.' });
    expect(context).toContainEqual({ source: 'filename', text: 'pier.jpg' });
    const nearby = context.find((c) => c.source === 'nearby');
    expect(nearby?.text).toContain('The new pier opened');
    expect(nearby?.text).not.toContain('Crowds on the pier');
    expect(nearby!.text.length).toBeLessThanOrEqual(301);
  });
});
