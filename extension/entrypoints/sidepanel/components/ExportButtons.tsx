import { isDismissed, type Dismissals } from '../../../lib/dismissals';
import { annotationsToJson } from '../../../lib/export/annotations-json';
import { contentMessenger } from '../../../lib/messaging/content-protocol';
import { annotationsToMarkdown } from '../../../lib/export/annotations-markdown';
import { exportFileName } from '../../../lib/export/export-file-name';
import type { TabState } from '../../../lib/tab-state';

/** A blob URL and an <a download> need no `downloads` permission. */
function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The quotes' context comes from the text the page's content script kept (it never left the page). */
async function exportJson(state: TabState, dismissals: Dismissals): Promise<void> {
  const text = await contentMessenger.sendMessage('capturedText', undefined, state.tabId).catch(() => null);
  download(
    exportFileName(state.title, 'json'),
    'application/json',
    JSON.stringify(annotationsToJson(state, dismissals, new Date(), text ?? undefined), null, 2),
  );
}

export function ExportButtons({ state, dismissals }: { state: TabState; dismissals: Dismissals }) {
  const dismissed = state.analysis?.bias?.flags.filter((f) => isDismissed(dismissals, f)).length ?? 0;
  return (
    <div class="export">
      <button
        type="button"
        onClick={() => download(exportFileName(state.title, 'md'), 'text/markdown', annotationsToMarkdown(state, dismissals))}
      >
        Export Markdown
      </button>
      <button type="button" onClick={() => void exportJson(state, dismissals)}>
        Export JSON
      </button>
      {dismissed > 0 && (
        <p
          class="muted small"
          data-role="export-left-out"
        >{`Exports leave out ${dismissed} dismissed flag${dismissed === 1 ? '' : 's'}.`}</p>
      )}
    </div>
  );
}
