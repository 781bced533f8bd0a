import { describe, expect, it } from 'vitest';
import { altTextQuality, isUselessImageText } from '../../../shared/lite/alt-text-quality';

describe('altTextQuality', () => {
  it('calls alt text missing when it is absent or blank', () => {
    expect(altTextQuality(null, 'a.jpg')).toBe('missing');
    expect(altTextQuality('  ', 'a.jpg')).toBe('missing');
  });

  it('calls placeholders, file and camera names, hashes and the file name itself useless', () => {
    for (const alt of [
      'image',
      'Image',
      'an image',
      'Photo 3',
      'hero image',
      'Featured image 2',
      'img',
      'untitled-1',
      'null',
      'logo',
      '---',
      '2024',
    ]) {
      expect(altTextQuality(alt, 'a.jpg'), alt).toBe('useless');
    }
    for (const alt of [
      'IMG_0042.JPG',
      'IMG 0042',
      'DSC01234',
      'PXL_20240301_101010',
      'Screenshot 2024-03-01 at 10.00',
      'harbor.png',
      '5f2b88c104de',
    ]) {
      expect(altTextQuality(alt, 'photo.jpg'), alt).toBe('useless');
    }
    expect(altTextQuality('harbor point', 'harbor-point.png')).toBe('useless');
    expect(altTextQuality('Harbor_Point', 'harbor-point.jpeg')).toBe('useless');
  });

  it('keeps alt text that describes the picture, even short or naming a logo', () => {
    expect(altTextQuality('The harbor at dusk, cranes on the skyline', 'harbor.png')).toBe('useful');
    expect(altTextQuality('Pier', 'pier-2.png')).toBe('useful');
    expect(altTextQuality('Acme logo', 'logo.svg')).toBe('useful');
    expect(altTextQuality('Photo of the mayor at the podium', 'a.jpg')).toBe('useful');
  });

  it('judges a file name entry by its words', () => {
    expect(isUselessImageText('IMG_1234')).toBe(true);
    expect(isUselessImageText('harbor-point-vote')).toBe(false);
  });
});
