import sharp from 'sharp';

/**
 * Renders lines of text to a PNG through sharp's SVG rasteriser (librsvg + fontconfig), so the
 * OCR tests and the benchmark need no browser. Needs a font: Debian's fonts-dejavu-core.
 */
export async function renderTextPng(lines: readonly string[], options: { fontSize?: number; font?: string } = {}): Promise<Uint8Array> {
  const { fontSize = 32, font = 'DejaVu Sans' } = options;
  const lineHeight = Math.round(fontSize * 1.8);
  const width = Math.max(...lines.map((l) => l.length)) * fontSize * 0.7 + 40;
  const height = lines.length * lineHeight + 30;
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = lines.map(
    (line, i) =>
      `<text x="20" y="${(i + 1) * lineHeight}" font-family="${font}" font-size="${fontSize}" fill="#111">${escapeXml(line)}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width)}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text.join('')}</svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}
