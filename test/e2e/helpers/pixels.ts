import sharp from 'sharp';
import type { Rgba } from '../../../extension/lib/contrast';

/** Pixels of a PNG within `tolerance` of `color` on every channel: is a colour really on screen? */
export async function pixelsNear(png: Buffer, color: Rgba, tolerance = 4): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let count = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    if (
      Math.abs(data[i]! - color.r) <= tolerance &&
      Math.abs(data[i + 1]! - color.g) <= tolerance &&
      Math.abs(data[i + 2]! - color.b) <= tolerance
    )
      count += 1;
  }
  return count;
}
