/** Remembers the image under the last right-click, so "Caption this image" finds the element. */
export function trackImageTarget(doc: Document): { find(srcUrl: string): HTMLImageElement | null } {
  let last: HTMLImageElement | null = null;
  doc.addEventListener(
    'contextmenu',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('img') : null;
      last = target;
    },
    { capture: true, passive: true },
  );
  const matches = (img: HTMLImageElement, srcUrl: string) => img.currentSrc === srcUrl || img.src === srcUrl;
  return {
    find(srcUrl) {
      if (last?.isConnected && matches(last, srcUrl)) return last;
      return Array.from(doc.images).find((img) => matches(img, srcUrl)) ?? (last?.isConnected ? last : null);
    },
  };
}
