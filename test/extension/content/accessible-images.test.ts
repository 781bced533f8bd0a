import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { applyDescription, removeDescriptions } from '../../../extension/entrypoints/content/accessible-images';
import { visibleTextNodes } from '../../../extension/entrypoints/content/visible-text-nodes';

function page(img: string) {
  const { document } = parseHTML(`<html><body><p>Story text.</p>${img}</body></html>`);
  return { document, img: document.querySelector('img')! as unknown as HTMLImageElement };
}

describe('applyDescription', () => {
  it('fills in alt only where the author left none', () => {
    const { document, img } = page('<img src="a.png">');
    expect(applyDescription(document as unknown as Document, img, 'Loupe text')).toBe('alt');
    expect(img.getAttribute('alt')).toBe('Loupe text');
  });

  it('keeps a useless author alt and links a description that screen readers can resolve by id', () => {
    const { document, img } = page('<img src="IMG_1234.jpg" alt="IMG_1234.jpg" aria-describedby="credit">');
    expect(applyDescription(document as unknown as Document, img, 'Loupe text')).toBe('describedby');
    expect(img.getAttribute('alt')).toBe('IMG_1234.jpg');
    const ids = img.getAttribute('aria-describedby')!.split(' ');
    expect(ids[0]).toBe('credit');
    // In the light DOM (ID references do not cross shadow roots) and never read as page text.
    expect(document.getElementById(ids[1]!)?.textContent).toBe('Loupe text');
    expect(
      visibleTextNodes(document.body, () => false)
        .map((n) => n.data)
        .join(''),
    ).toBe('Story text.');
  });

  it('puts the page back as it was when Loupe is switched off for the site', () => {
    const { document } = parseHTML(
      '<html><body><img id="a" src="a.png" alt=""><img id="b" src="b.png" alt="image" aria-describedby="credit"><img id="c" src="c.png"></body></html>',
    );
    const doc = document as unknown as Document;
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id) as unknown as HTMLImageElement);
    applyDescription(doc, a!, 'Loupe a');
    applyDescription(doc, b!, 'Loupe b');
    applyDescription(doc, c!, 'Loupe c');
    removeDescriptions(doc);
    expect(a!.getAttribute('alt')).toBe('');
    expect(b!.getAttribute('alt')).toBe('image');
    expect(b!.getAttribute('aria-describedby')).toBe('credit');
    expect(c!.hasAttribute('alt')).toBe(false);
    expect(document.querySelector('[data-loupe-descriptions]')).toBeNull();
  });
});
