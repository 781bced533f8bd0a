import type { ImageDescription } from '../../../shared/protocol/results';
import { ImageContextSchema } from '../../lib/messaging/content-protocol';
import { checkReply } from '../../lib/messaging/validated';
import type { ImageBytes, Router } from './router';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface CaptionDeps {
  router: Pick<Router, 'describeImage'>;
  imageContext(tabId: number, srcUrl: string): Promise<unknown>;
  showCard(tabId: number, card: { srcUrl: string; description?: ImageDescription; error?: string }): Promise<unknown>;
  fetchImage?: (srcUrl: string) => Promise<ImageBytes | { error: string }>;
}

/** Right-click → "Caption this image": context from the page, bytes to the daemon when it is there. */
export async function captionImage(deps: CaptionDeps, tabId: number, srcUrl: string): Promise<ImageDescription> {
  try {
    const context = checkReply(ImageContextSchema, await deps.imageContext(tabId, srcUrl), 'imageContext');
    const image = await (deps.fetchImage ?? fetchImage)(srcUrl);
    const description = await deps.router.describeImage(context, image);
    await deps.showCard(tabId, { srcUrl, description });
    return description;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.showCard(tabId, { srcUrl, error: message }).catch(() => undefined);
    throw error;
  }
}

/** Accessibility mode: the same description as the card, for an image the page itself asked about. */
export async function describePageImage(
  deps: Pick<CaptionDeps, 'router' | 'fetchImage'>,
  srcUrl: string,
  context: ImageDescription['context'],
): Promise<ImageDescription> {
  return deps.router.describeImage(context, await (deps.fetchImage ?? fetchImage)(srcUrl));
}

/** Fetches the image with the extension's host permission (the page's CORS rules don't apply). */
export async function fetchImage(srcUrl: string): Promise<ImageBytes | { error: string }> {
  if (srcUrl.startsWith('blob:')) return { error: 'the image is a page-local blob the extension cannot read' };
  try {
    const response = await fetch(srcUrl);
    if (!response.ok) return { error: `HTTP ${response.status} fetching the image` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength === 0) return { error: 'the image is empty' };
    if (bytes.byteLength > MAX_IMAGE_BYTES) return { error: `the image is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
    const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim();
    return { bytes, ...(mimeType ? { mimeType } : {}) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
