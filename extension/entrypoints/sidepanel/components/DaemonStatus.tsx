import type { DaemonState } from '../../../lib/daemon-state';

function label(state: DaemonState): string {
  switch (state.status) {
    case 'connected':
      return `Daemon connected · ${state.engine.device.backend}`;
    case 'connecting':
      return 'Connecting to the daemon…';
    case 'unreachable':
      return 'Daemon unreachable — using the browser';
    case 'not-paired':
      return 'Browser only (daemon not paired)';
  }
}

export function DaemonStatus({ state, onOpenOptions }: { state: DaemonState | undefined; onOpenOptions(): void }) {
  if (!state) return null;
  const reason = state.status === 'unreachable' || state.status === 'not-paired' ? state.reason : undefined;
  return (
    <div class={`daemon daemon-${state.status}`} data-role="daemon">
      <span class="dot" aria-hidden="true" />
      <span>{label(state)}</span>
      {state.status !== 'connected' && (
        <button type="button" class="link" onClick={onOpenOptions}>
          Options
        </button>
      )}
      {state.status === 'unreachable' && (
        <p class="reason" data-role="daemon-reason">
          {reason}
        </p>
      )}
    </div>
  );
}
