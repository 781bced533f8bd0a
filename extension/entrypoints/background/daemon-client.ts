import { LOUPE_SUBPROTOCOL, SOCKET_PATH, tokenSubprotocol } from '../../../shared/protocol/handshake';
import type { AnalyzeParams, DescribeImageParams, ResultPayload } from '../../../shared/protocol/messages';
import type { Analysis, ImageDescription } from '../../../shared/protocol/results';
import { requestAnalysis, requestImageDescription } from '../../../shared/protocol/daemon-requests';
import { createRpcClient, DaemonUnavailableError, type ClientBody, type RpcRequestOptions } from '../../../shared/protocol/rpc-client';
import { NOT_PAIRED, type DaemonState } from '../../lib/daemon-state';
import type { Pairing } from '../../lib/settings';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';

/** The part of the browser's WebSocket the client uses; tests pass a fake. */
export interface SocketLike {
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type RequestOptions = RpcRequestOptions;

export interface DaemonClientDeps {
  loadPairing: () => Promise<Pairing | null>;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  random?: () => number;
  now?: () => number;
  heartbeatMs?: number;
  requestTimeoutMs?: number;
  backoff?: BackoffOptions;
  clientName?: string;
}

export type DaemonClient = ReturnType<typeof createDaemonClient>;

/**
 * One WebSocket to the daemon: hello, heartbeat, reconnect with backoff, and request/reply by
 * id. Every failure surfaces as a {@link DaemonState} with a reason the user can act on.
 */
export function createDaemonClient(deps: DaemonClientDeps) {
  const createSocket = deps.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike);
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const heartbeatMs = deps.heartbeatMs ?? 20_000;
  const requestTimeoutMs = deps.requestTimeoutMs ?? 120_000;
  const listeners = new Set<(state: DaemonState) => void>();
  let current: DaemonState = NOT_PAIRED;
  let socket: SocketLike | null = null;
  let generation = 0;
  let attempt = 0;
  let started = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let idSeq = 0;
  const rpc = createRpcClient({
    send(frame) {
      if (!socket) throw new DaemonUnavailableError('not-connected', 'The daemon is not connected.');
      socket.send(frame);
    },
    schedule(ms, fn) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    timeoutMs: requestTimeoutMs,
    nextId: () => {
      idSeq += 1;
      return `x${now().toString(36)}-${idSeq}`;
    },
    warn: (text) => console.warn(`Loupe: ${text}`),
  });

  function setState(next: DaemonState): void {
    current = next;
    for (const listener of listeners) listener(next);
  }

  function detach(): void {
    generation += 1;
    clearInterval(heartbeat);
    heartbeat = undefined;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      try {
        socket.close(1000, 'client closing');
      } catch {
        /* already closed */
      }
    }
    socket = null;
  }

  /** The connection is gone: fail what is in flight, then retry with backoff unless stopped. */
  function drop(port: number, reason: string): void {
    detach();
    rpc.rejectAll(new DaemonUnavailableError('disconnected', `Daemon disconnected: ${reason}`));
    if (!started) return;
    const delay = backoffDelay(attempt, random, deps.backoff ?? DEFAULT_BACKOFF);
    attempt += 1;
    setState({ status: 'unreachable', port, reason, retryAt: now() + delay });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), delay);
  }

  async function greet(port: number, gen: number): Promise<void> {
    try {
      const reply = await rpc.request({ type: 'hello', client: deps.clientName ?? 'loupe-extension' }, { timeoutMs: 10_000 });
      if (gen !== generation) return;
      if (reply.kind !== 'hello') throw new Error(`unexpected reply "${reply.kind}" to hello`);
      attempt = 0;
      setState({ status: 'connected', port, engine: reply.engine });
      heartbeat = setInterval(() => {
        rpc.request({ type: 'ping' }, { timeoutMs: Math.max(1000, heartbeatMs / 2) }).catch((error: Error) => {
          if (gen === generation) drop(port, `heartbeat failed (${error.message})`);
        });
      }, heartbeatMs);
    } catch (error) {
      if (gen === generation) drop(port, `the daemon refused the hello: ${(error as Error).message}`);
    }
  }

  function open(pairing: Pairing): void {
    const gen = ++generation;
    let opened = false;
    const url = `ws://127.0.0.1:${pairing.port}${SOCKET_PATH}`;
    setState({ status: 'connecting', port: pairing.port, attempt });
    try {
      socket = createSocket(url, [LOUPE_SUBPROTOCOL, tokenSubprotocol(pairing.token)]);
    } catch (error) {
      // A token with characters a subprotocol cannot carry never gets better by retrying.
      setState({
        status: 'unreachable',
        port: pairing.port,
        reason: `Invalid token — paste it again from \`loupe token\` (${(error as Error).message}).`,
      });
      return;
    }
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      if (gen === generation) {
        opened = true;
        void greet(pairing.port, gen);
      }
    };
    socket.onmessage = (event) => {
      if (gen === generation && typeof event.data === 'string') rpc.receiveText(event.data);
    };
    socket.onerror = () => {
      /* onclose follows with the code */
    };
    socket.onclose = (event) => {
      if (gen !== generation) return;
      drop(
        pairing.port,
        opened
          ? `connection closed (code ${event.code}${event.reason ? `: ${event.reason}` : ''})`
          : `cannot reach the Loupe daemon on 127.0.0.1:${pairing.port} — start it with \`loupe\`; if it is running, check the token in Options matches \`loupe token\` (and, in Firefox, that you ran \`loupe pair\`).`,
      );
    };
  }

  async function connect(): Promise<void> {
    clearTimeout(retryTimer);
    detach();
    const pairing = await deps.loadPairing();
    if (!started) return;
    if (!pairing) {
      setState(NOT_PAIRED);
      return;
    }
    open(pairing);
  }

  function settled(): Promise<DaemonState> {
    if (current.status !== 'connecting') return Promise.resolve(current);
    return new Promise((resolve) => {
      const off = subscribe((state) => {
        if (state.status !== 'connecting') {
          off();
          resolve(state);
        }
      });
    });
  }

  function subscribe(listener: (state: DaemonState) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function request(body: ClientBody, options?: RequestOptions): Promise<ResultPayload> {
    if (current.status !== 'connected') {
      return Promise.reject(new DaemonUnavailableError('not-connected', 'The daemon is not connected.'));
    }
    return rpc.request(body, options);
  }

  return {
    start(): void {
      if (!started) {
        started = true;
        void connect();
      }
    },
    stop(): void {
      started = false;
      clearTimeout(retryTimer);
      detach();
      rpc.rejectAll(new DaemonUnavailableError('disconnected', 'Daemon client stopped.'));
    },
    /** Re-reads the pairing and connects at once (backoff reset); resolves when that settles. */
    async reconnectNow(): Promise<DaemonState> {
      started = true;
      attempt = 0;
      rpc.rejectAll(new DaemonUnavailableError('disconnected', 'Reconnecting with new settings.'));
      await connect();
      return settled();
    },
    state: (): DaemonState => current,
    /** Requests sent and not yet answered. */
    inFlight: (): number => rpc.inFlight,
    subscribe,
    isConnected: (): boolean => current.status === 'connected',
    request,
    analyze: (params: AnalyzeParams, options?: RequestOptions): Promise<Analysis> => requestAnalysis(request, params, options),
    describeImage: (
      params: Omit<DescribeImageParams, 'byteLength'>,
      bytes: Uint8Array,
      options?: RequestOptions,
    ): Promise<ImageDescription> => requestImageDescription(request, params, bytes, options),
  };
}
