import { decodeBinaryFrame } from '../../shared/protocol/binary-frame';
import type { ClientMessage, EngineInfo, ServerMessage } from '../../shared/protocol/messages';
import type { SocketLike } from '../../extension/entrypoints/background/daemon-client';

export const ENGINE: EngineInfo = {
  name: 'loupe-daemon',
  version: '0.1.0',
  protocol: 1,
  device: { backend: 'cpu', reason: 'no GPU' },
  models: [],
};

/** A WebSocket stand-in the test drives from the daemon's side. */
export class FakeSocket implements SocketLike {
  binaryType = 'blob';
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly sent: ClientMessage[] = [];
  readonly binary: Array<{ id: string; payload: Uint8Array }> = [];
  closedByClient = false;

  constructor(
    readonly url: string,
    readonly protocols: string[],
    private readonly autoHello: boolean,
  ) {}

  send(data: string | Uint8Array): void {
    if (typeof data !== 'string') {
      this.binary.push(decodeBinaryFrame(data));
      return;
    }
    const message = JSON.parse(data) as ClientMessage;
    this.sent.push(message);
    if (message.type === 'hello' && this.autoHello)
      this.reply({ v: 1, type: 'result', id: message.id, ok: true, result: { kind: 'hello', engine: ENGINE } });
  }

  close(): void {
    this.closedByClient = true;
  }

  open(): void {
    this.onopen?.({});
  }
  reply(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  raw(data: string): void {
    this.onmessage?.({ data });
  }
  drop(code = 1006, reason = ''): void {
    this.onclose?.({ code, reason });
  }
  last(type: ClientMessage['type']): ClientMessage | undefined {
    return this.sent.filter((m) => m.type === type).at(-1);
  }
}

/** Records every socket the client opens; `autoHello` answers hellos like a healthy daemon. */
export function socketFactory(autoHello = true) {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    create: (url: string, protocols: string[]) => {
      const socket = new FakeSocket(url, protocols, autoHello);
      sockets.push(socket);
      return socket;
    },
    get current(): FakeSocket {
      return sockets.at(-1)!;
    },
  };
}

/** Lets pending promise callbacks (loadPairing, hello replies) run under fake timers. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}
