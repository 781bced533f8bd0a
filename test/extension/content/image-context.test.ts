import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { captureImageContext, imageFilename } from '../../../extension/entrypoints/content/image-context';

describe('image context', () => {
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

  it('reads the paragraphs on either side of an image placed straight between them', () => {
    const { document } = parseHTML(`<html><body><header><nav>Home · Subscribe to our newsletter today</nav></header><article>
      <p>The pier at Pell Harbor reopened to walkers on Saturday after eighteen months.</p>
      <img src="https://example.org/pier.png" alt="image">
      <p>Volunteers replaced forty-two oak piles, working at low tide.</p>
    </article></body></html>`);
    const nearby = captureImageContext(document.querySelector('img')!, 'https://example.org/pier.png').find((c) => c.source === 'nearby');
    expect(nearby?.text).toBe(
      'The pier at Pell Harbor reopened to walkers on Saturday after eighteen months. Volunteers replaced forty-two oak piles, working at low tide.',
    );
  });

  it('widens from a wrapper to its neighbours, but never to the site around the story', () => {
    const { document } = parseHTML(`<html><body><header><nav>Home · Subscribe to our newsletter today, it is free</nav></header><article>
      <div class="media"><img id="lone" src="https://example.org/a.png"></div>
      <p>The council voted on the future of the old ferry slipway.</p>
    </article><footer>© The Lowmere Courier, all rights reserved</footer></body></html>`);
    const nearby = captureImageContext(document.getElementById('lone')!, 'https://example.org/a.png').find((c) => c.source === 'nearby');
    expect(nearby?.text).toBe('The council voted on the future of the old ferry slipway.');
    const { document: bare } = parseHTML(`<html><body><header><nav>Home · Subscribe to our newsletter today, it is free</nav></header>
      <article><img src="https://example.org/a.png"></article><footer>© The Lowmere Courier, all rights reserved</footer></body></html>`);
    expect(captureImageContext(bare.querySelector('img')!, 'https://example.org/a.png').some((c) => c.source === 'nearby')).toBe(false);
  });

  it('keeps the words closest to the image when both sides are long', () => {
    const long = (word: string) => Array.from({ length: 60 }, (_, i) => `${word}${i}`).join(' ');
    const { document } = parseHTML(
      `<html><body><article><p>${long('before')}</p><img src="https://example.org/a.png"><p>${long('after')}</p></article></body></html>`,
    );
    const text = captureImageContext(document.querySelector('img')!, 'https://example.org/a.png').find((c) => c.source === 'nearby')!.text;
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text).toMatch(/^….*before59 after0 .*…$/u);
  });
});
