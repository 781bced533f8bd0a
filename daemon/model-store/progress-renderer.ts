import type { PullProgress } from '../../shared/models/pull-progress';

/** Human sizes in SI units, as the Hub shows them (`129 MB`). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function bar(completed: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.min(width, Math.round((completed / total) * width)) : 0;
  return `▕${'█'.repeat(filled)}${' '.repeat(width - filled)}▏`;
}

export interface ProgressRendererOptions {
  /** A progress bar redrawn in place on a terminal; plain lines otherwise (logs, pipes). */
  tty: boolean;
  now: () => number;
  /** Minimum time between two redraws of the bar. */
  redrawMs?: number;
}

/** Turns pull progress events into what `loupe models pull` prints. */
export function createProgressRenderer(write: (text: string) => void, options: ProgressRendererOptions): (event: PullProgress) => void {
  const redrawMs = options.redrawMs ?? 100;
  let lastDraw = -Infinity;
  let announced: string | undefined;
  return (event) => {
    const file = event.file ?? '';
    if (event.status === 'downloading') {
      const { completed = 0, total } = event;
      if (!options.tty) {
        if (announced !== file) write(`downloading ${file}${total === undefined ? '' : ` (${formatBytes(total)})`}\n`);
        announced = file;
        return;
      }
      const finished = total !== undefined && completed >= total;
      const now = options.now();
      if (!finished && now - lastDraw < redrawMs) return;
      lastDraw = now;
      const percent = total ? `${Math.floor((completed / total) * 100)}%`.padStart(4) : '    ';
      const amount = total === undefined ? formatBytes(completed) : `${formatBytes(completed)}/${formatBytes(total)}`;
      write(`\r\x1b[2Kpulling ${file} ${percent} ${total ? bar(completed, total) : ''} ${amount}`);
    } else if (event.status === 'done') {
      const size = event.total === undefined ? '' : ` (${formatBytes(event.total)})`;
      write(`${options.tty ? '\r\x1b[2K' : ''}ok ${file}${size}\n`);
      announced = undefined;
    } else if (event.status === 'verifying' && !options.tty) {
      write(`verifying ${file}\n`);
    }
  };
}
