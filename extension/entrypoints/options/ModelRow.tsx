import { describePlanSize, downloadPlan, formatBytes, runsInBrowser } from '../../engine/full/download-plan';
import type { ModelRowState } from './use-model-manager';

const TASK_LABELS: Record<string, string> = {
  summary: 'Summary',
  entities: 'Names',
  caption: 'Image captions',
  bias: 'Bias flags',
  ocr: 'Text in images',
};

interface ModelRowProps {
  row: ModelRowState;
  onDownload(): void;
  onDelete(): void;
}

function Progress({ progress }: { progress: NonNullable<ModelRowState['progress']> }) {
  const of = progress.total ? ` of ${formatBytes(progress.total)}` : '';
  return (
    <div data-role="progress">
      <progress value={progress.completed} {...(progress.total ? { max: progress.total } : {})} />
      <span class="muted">{` file ${progress.fileIndex + 1} of ${progress.fileCount} · ${formatBytes(progress.completed)}${of}`}</span>
    </div>
  );
}

/** One full-tier model: its size before download, a progress bar while downloading, Delete once installed. */
export function ModelRow({ row, onDownload, onDelete }: ModelRowProps) {
  const { entry, dtype, installed, progress, error } = row;
  const id = entry.id;
  const plan = dtype ? downloadPlan(entry, dtype) : undefined;
  return (
    <tr data-model={id}>
      <td>
        <strong>{id}</strong>
        <br />
        <span class="muted">
          {TASK_LABELS[entry.task] ?? entry.task} · {entry.licence}
        </span>
      </td>
      {!runsInBrowser(entry) ? (
        <td colSpan={2} class="muted">
          Daemon only — too heavy for a browser tab; run <code>{`npx loupe models pull ${id}`}</code> (
          <span data-role="size">{describePlanSize(downloadPlan(entry, entry.defaultDtype))}</span>)
        </td>
      ) : installed ? (
        <>
          <td class="ok" data-role="installed">{`Installed · ${installed.dtype} · ${formatBytes(installed.bytes)}`}</td>
          <td>
            <button type="button" onClick={onDelete}>
              Delete
            </button>
          </td>
        </>
      ) : (
        <>
          <td>
            <span data-role="size">{plan ? `${describePlanSize(plan)} (${plan.dtype})` : 'checking…'}</span>
            {progress && <Progress progress={progress} />}
            {error && (
              <p class="bad" data-role="error">
                {error}
              </p>
            )}
          </td>
          <td>
            <button type="button" disabled={!!progress || !dtype} onClick={onDownload}>
              {progress ? 'Downloading…' : 'Download'}
            </button>
          </td>
        </>
      )}
    </tr>
  );
}
