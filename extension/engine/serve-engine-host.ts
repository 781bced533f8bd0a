import { base64ToBytes } from '../lib/base64';
import { NoPayloadSchema } from '../lib/messaging/background-protocol';
import { validated } from '../lib/messaging/validated';
import {
  type EngineHost,
  engineHostMessenger,
  HostAnalyzeRequestSchema,
  HostCancelRequestSchema,
  HostDescribeImageRequestSchema,
} from './engine-host-protocol';

type Messenger = Pick<typeof engineHostMessenger, 'onMessage'>;

/**
 * Answers the service worker's engine requests with `host` (in Chrome's offscreen document),
 * each cancellable by its id; returns a function that stops.
 */
export function serveEngineHost(host: EngineHost, messenger: Messenger = engineHostMessenger): () => void {
  const running = new Map<string, AbortController>();
  const track = async <T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      return await work(controller.signal);
    } finally {
      if (running.get(id) === controller) running.delete(id);
    }
  };
  const stops = [
    messenger.onMessage(
      'hello',
      validated(NoPayloadSchema, () => host.hello()),
    ),
    messenger.onMessage(
      'analyze',
      validated(HostAnalyzeRequestSchema, ({ id, params }) => track(id, (signal) => host.analyze(params, { signal }))),
    ),
    messenger.onMessage(
      'describeImage',
      validated(HostDescribeImageRequestSchema, ({ id, params, base64 }) =>
        track(id, (signal) => host.describeImage(params, base64 ? base64ToBytes(base64) : undefined, { signal })),
      ),
    ),
    messenger.onMessage(
      'cancel',
      validated(HostCancelRequestSchema, ({ target }) => {
        running.get(target)?.abort();
      }),
    ),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
