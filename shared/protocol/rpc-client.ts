import { fromWireError, LoupeError } from './errors';
import { encodeBinaryFrame } from './binary-frame';
import { PROTOCOL_VERSION, ServerMessageSchema, type ClientMessage, type ResultPayload, type ServerMessage } from './messages';
import { validate } from './validate';

export type DaemonFailure = 'not-connected' | 'disconnected' | 'timeout';

/** The daemon could not answer: callers fall back to the browser engine on this. */
export class DaemonUnavailableError extends Error {
  readonly reason: DaemonFailure;
  constructor(reason: DaemonFailure, message: string) {
    super(message);
    this.name = 'DaemonUnavailableError';
    this.reason = reason;
  }
}

export type ProgressEvent = Extract<ServerMessage, { type: 'progress' }>;

type Body<M> = M extends unknown ? Omit<M, 'v' | 'id'> : never;
/** A client message without its envelope (version and id), which the client adds. */
export type ClientBody = Body<ClientMessage>;

/** The part of `AbortSignal` the client uses (shared/ has neither DOM nor Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/** Options of one request. */
export interface RpcRequestOptions {
  /** Silence allowed before the request fails with `timeout`; each progress event restarts it. */
  timeoutMs?: number;
  /** Aborting it rejects the request with `cancelled` and asks the daemon to stop the work. */
  signal?: CancelSignal;
  /** Bytes sent in a binary frame right after the JSON request (describe-image). */
  binary?: Uint8Array;
  onProgress?: (event: ProgressEvent) => void;
}

/** What the client needs from its connection and clock. */
export interface RpcClientDeps {
  /** Sends one frame; throws (a DaemonUnavailableError) when there is no connection. */
  send(frame: string | Uint8Array): void;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  schedule(ms: number, fn: () => void): () => void;
  /** Default silence allowed before a request times out. */
  timeoutMs: number;
  /** Request ids: short ASCII tokens (they head binary frames). Default `r1`, `r2`... */
  nextId?: () => string;
  /** Told about frames that are not valid server messages, and errors for no request. */
  warn?: (text: string) => void;
}

/** Request/reply over the daemon socket, by id. */
export interface RpcClient {
  /** Sends `body` with a fresh id; resolves with its result, rejects with its error. */
  request(body: ClientBody, options?: RpcRequestOptions): Promise<ResultPayload>;
  /** Hands the client a text frame from the daemon (parsed and validated here). */
  receiveText(data: string): void;
  /** Fails every request in flight with `error` (the socket closed). */
  rejectAll(error: Error): void;
  /** Requests sent and not yet answered. */
  readonly inFlight: number;
}

interface Pending {
  resolve(result: ResultPayload): void;
  reject(error: Error): void;
  onProgress?: (event: ProgressEvent) => void;
  /** Re-arms the timeout: a request that keeps reporting progress is alive, however long it runs. */
  rearm(): void;
  stop(): void;
}

/**
 * The one RPC client of the daemon protocol (the extension, benches and tests use it): ids, a
 * pending map, timeouts that count silence rather than total time (long full-tier work streams
 * progress), cancel requests, and every pending call rejected on disconnect. Each request
 * settles exactly once.
 */
export function createRpcClient(deps: RpcClientDeps): RpcClient {
  const pending = new Map<string, Pending>();
  let seq = 0;
  const nextId =
    deps.nextId ??
    (() => {
      seq += 1;
      return `r${seq}`;
    });

  const settle = (id: string): Pending | undefined => {
    const entry = pending.get(id);
    if (!entry) return undefined;
    entry.stop();
    pending.delete(id);
    return entry;
  };

  const sendMessage = (id: string, body: ClientBody, binary?: Uint8Array) => {
    deps.send(JSON.stringify({ v: PROTOCOL_VERSION, id, ...body }));
    if (binary) deps.send(encodeBinaryFrame(id, binary));
  };

  const cancel = (target: string) => {
    try {
      sendMessage(nextId(), { type: 'cancel', target });
    } catch {
      /* no socket: nothing left to stop */
    }
  };

  function deliver(message: ServerMessage): boolean {
    if (message.id === null) return false;
    if (message.type === 'progress') {
      const entry = pending.get(message.id);
      entry?.rearm();
      entry?.onProgress?.(message);
      return entry !== undefined;
    }
    const entry = settle(message.id);
    if (!entry) return false;
    if (message.type === 'result') entry.resolve(message.result);
    else entry.reject(fromWireError(message.error));
    return true;
  }

  return {
    request(body, options = {}) {
      const id = nextId();
      const timeoutMs = options.timeoutMs ?? deps.timeoutMs;
      const promise = new Promise<ResultPayload>((resolve, reject) => {
        const expire = () => {
          settle(id)?.reject(new DaemonUnavailableError('timeout', `The daemon went silent for ${Math.round(timeoutMs / 1000)} s.`));
          cancel(id);
        };
        const entry: Pending = {
          resolve,
          reject,
          stop: deps.schedule(timeoutMs, expire),
          rearm() {
            entry.stop();
            entry.stop = deps.schedule(timeoutMs, expire);
          },
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        };
        pending.set(id, entry);
      });
      const { signal } = options;
      if (signal) {
        const onAbort = () => {
          settle(id)?.reject(new LoupeError('cancelled', 'Request cancelled.'));
          cancel(id);
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }
      if (pending.has(id)) {
        try {
          sendMessage(id, body, options.binary);
        } catch (error) {
          settle(id)?.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
      return promise;
    },
    receiveText(data) {
      let json: unknown;
      try {
        json = JSON.parse(data);
      } catch {
        deps.warn?.('daemon sent a frame that is not JSON');
        return;
      }
      const parsed = validate(ServerMessageSchema, json);
      if (!parsed.ok) {
        deps.warn?.(`daemon sent an invalid message: ${parsed.error}`);
        return;
      }
      if (!deliver(parsed.value) && parsed.value.type === 'error') deps.warn?.(`daemon error: ${parsed.value.error.message}`);
    },
    rejectAll(error) {
      for (const id of [...pending.keys()]) settle(id)?.reject(error);
    },
    get inFlight() {
      return pending.size;
    },
  };
}
