import type { DaemonState } from '../../lib/daemon-state';

export function ConnectionResult({ result }: { result: DaemonState | { error: string } | 'testing' | undefined }) {
  if (result === undefined) return null;
  if (result === 'testing')
    return (
      <span id="connection" class="muted">
        Testing…
      </span>
    );
  if ('error' in result)
    return (
      <span id="connection" class="bad">
        {result.error}
      </span>
    );
  switch (result.status) {
    case 'connected':
      return (
        <span
          id="connection"
          class="ok"
        >{`Connected to ${result.engine.name} ${result.engine.version} on port ${result.port} (${result.engine.device.backend})`}</span>
      );
    case 'not-paired':
      // Not an error: Loupe works in the browser alone.
      return (
        <span id="connection" class="muted">
          {result.reason}
        </span>
      );
    case 'unreachable':
      return (
        <span id="connection" class="bad">
          {result.reason}
        </span>
      );
    case 'connecting':
      return (
        <span id="connection" class="muted">
          Connecting…
        </span>
      );
  }
}
