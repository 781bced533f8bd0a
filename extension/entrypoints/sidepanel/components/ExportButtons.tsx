import type { Dismissals } from '../../../lib/dismissals';
import { annotationsToJson } from '../../../lib/export/annotations-json';
import { annotationsToMarkdown } from '../../../lib/export/annotations-markdown';
import type { TabState } from '../../../lib/tab-state';

function fileStem(state: TabState): string {
  const stem = (state.title ?? 'page').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '').slice(0, 60);
  return `loupe-${stem || 'page'}`;
}

/** A blob URL and an <a download> need no `downloads` permission. */
function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ state, dismissals }: { state: TabState; dismissals: Dismissals }) {
  return (
    <div class="export">
      <button onClick={() => download(`${fileStem(state)}.md`, 'text/markdown', annotationsToMarkdown(state, dismissals))}>Export Markdown</button>
      <button onClick={() => download(`${fileStem(state)}.json`, 'application/json', JSON.stringify(annotationsToJson(state, dismissals), null, 2))}>Export JSON</button>
    </div>
  );
}
