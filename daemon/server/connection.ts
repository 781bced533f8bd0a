import type { RawData, WebSocket } from 'ws';
import { decodeBinaryFrame } from '../../shared/protocol/binary-frame';
import { LoupeError } from '../../shared/protocol/errors';
import type { ClientMessage, ServerMessage } from '../../shared/protocol/messages';
import { createBinaryWaiters } from './binary-waiters';
import type { FrameLimits } from './frame-limits';
import { parseClientFrame, salvageId } from './parse-client-frame';
import { errorMessage, progressMessage, resultMessage, serializeServerMessage } from './replies';
import type { Handler, HandlerContext, ServerDeps } from './server-deps';
import { analyze } from './handlers/analyze';
import { cancel } from './handlers/cancel';
import { describeImage } from './handlers/describe-image';
import { hello } from './handlers/hello';
import { ping } from './handlers/ping';

const HANDLERS: { [T in ClientMessage['type']]: Handler<T> } = {
  hello,
  ping,
  analyze,
  'describe-image': describeImage,
  cancel,
};

// Only requests that do real work hold a slot; hello, ping and cancel answer at once.
const COUNTED = new Set<ClientMessage['type']>(['analyze', 'describe-image']);

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export interface Connection {
  /** Stops every request still running on this connection (the socket closed). */
  abortAll(): void;
}

/** Serves one authenticated socket: parses every frame, dispatches requests, replies. */
export function attachConnection(ws: WebSocket, deps: ServerDeps, limits: FrameLimits): Connection {
  const inFlight = new Map<string, AbortController>();
  const binaries = createBinaryWaiters(deps.limits.binaryWaitMs);
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(serializeServerMessage(message), { binary: false });
  };

  function contextFor(id: string, signal: AbortSignal): HandlerContext {
    return {
      deps,
      signal,
      progress: (progress) => !signal.aborted && send(progressMessage(id, progress)),
      receiveBinary: (byteLength) => binaries.wait(id, byteLength, signal),
      cancel: (target) => {
        const controller = inFlight.get(target);
        controller?.abort(new LoupeError('cancelled', `Request ${target} was cancelled.`));
        return controller !== undefined;
      },
    };
  }

  async function run(message: ClientMessage, leave: () => void = () => undefined): Promise<void> {
    const controller = new AbortController();
    const counted = COUNTED.has(message.type);
    if (counted) inFlight.set(message.id, controller);
    const deadline = counted
      ? setTimeout(() => controller.abort(deadlineError(message.id, deps.limits.requestDeadlineMs)), deps.limits.requestDeadlineMs)
      : undefined;
    // The reply to a cancelled request goes out at once, even if the work ignores the signal.
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }),
    );
    const handler = HANDLERS[message.type] as Handler<ClientMessage['type']>;
    // The global place is held until the work itself stops, not merely until the reply is sent.
    const work = handler(message, contextFor(message.id, controller.signal));
    work.then(leave, leave);
    try {
      send(resultMessage(message.id, await Promise.race([work, aborted])));
    } catch (error) {
      const reason = controller.signal.aborted ? controller.signal.reason : error;
      if (!(reason instanceof LoupeError))
        deps.logger.error(`request ${message.id} (${message.type}) failed: ${reason instanceof Error ? reason.stack : String(reason)}`);
      send(errorMessage(message.id, reason));
    } finally {
      clearTimeout(deadline);
      if (counted && inFlight.get(message.id) === controller) inFlight.delete(message.id);
    }
  }

  function onText(raw: string): void {
    const parsed = parseClientFrame(raw);
    if (!parsed.ok) {
      send(errorMessage(parsed.id, parsed.error));
      return;
    }
    const { message } = parsed;
    if (inFlight.has(message.id)) {
      send(
        errorMessage(
          message.id,
          new LoupeError('bad-frame', `Request id ${message.id} is already in flight on this connection; use a fresh id.`),
        ),
      );
    } else if (!COUNTED.has(message.type)) {
      void run(message);
    } else if (inFlight.size >= deps.limits.maxInFlight) {
      send(
        errorMessage(
          message.id,
          new LoupeError(
            'overloaded',
            `The daemon is already working on ${inFlight.size} requests from this connection; retry when one finishes.`,
          ),
        ),
      );
    } else {
      const place = deps.admission.enter();
      if (place.ok) void run(message, place.leave);
      else send(errorMessage(message.id, place.error));
    }
  }

  function onBinary(frame: Buffer): void {
    let decoded: { id: string; payload: Uint8Array };
    try {
      decoded = decodeBinaryFrame(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
    } catch (error) {
      send(errorMessage(null, error));
      return;
    }
    if (!binaries.deliver(decoded.id, decoded.payload)) {
      send(
        errorMessage(
          decoded.id,
          new LoupeError(
            'bad-frame',
            `No describe-image request is waiting for image bytes with id ${decoded.id}; send the JSON request first.`,
          ),
        ),
      );
    }
  }

  function onTooLarge(frame: Buffer, isBinary: boolean, limit: number): void {
    const error = new LoupeError(
      'frame-too-large',
      `${isBinary ? 'Binary' : 'Text'} frame of ${frame.length} bytes is over the ${limit}-byte limit.`,
    );
    const id = isBinary ? safeBinaryId(frame) : salvageId(undefined, frame.subarray(0, 512).toString('utf8'));
    if (id !== null && isBinary && binaries.fail(id, error)) return;
    send(errorMessage(id, error));
  }

  ws.on('message', (data, isBinary) => {
    const frame = toBuffer(data);
    const limit = isBinary ? limits.maxBinaryBytes : limits.maxTextBytes;
    if (frame.length > limit) onTooLarge(frame, isBinary, limit);
    else if (isBinary) onBinary(frame);
    else onText(frame.toString('utf8'));
  });

  return {
    abortAll() {
      for (const controller of inFlight.values()) controller.abort(new LoupeError('cancelled', 'The connection closed.'));
      inFlight.clear();
    },
  };
}

function deadlineError(id: string, ms: number): LoupeError {
  return new LoupeError(
    'timeout',
    `Request ${id} ran past the daemon's ${Math.round(ms / 1000)}-second limit and was stopped; select a part of the page and analyse the selection.`,
  );
}

function safeBinaryId(frame: Buffer): string | null {
  try {
    return decodeBinaryFrame(new Uint8Array(frame.buffer, frame.byteOffset, Math.min(frame.byteLength, 68))).id;
  } catch {
    return null;
  }
}
