import { engineMessenger, RunLiteRequestSchema, type RunLiteReply } from '../../engine/engine-protocol';
import type { OrtWebRunner } from '../../engine/ort-web-runner';
import { decodeFeeds, encodeFeeds } from '../../engine/tensor-codec';
import { LoupeError } from '../../../shared/protocol/errors';
import { validated } from '../../lib/messaging/validated';
import { NoPayloadSchema } from '../../lib/messaging/background-protocol';

type Messenger = Pick<typeof engineMessenger, 'onMessage'>;

/** Answers the background's engine messages with `runner`; returns a function that stops. */
export function serveEngine(runner: OrtWebRunner, messenger: Messenger = engineMessenger): () => void {
  const stopRun = messenger.onMessage(
    'runLite',
    validated(RunLiteRequestSchema, async (req): Promise<RunLiteReply> => {
      let feeds: ReturnType<typeof decodeFeeds>;
      try {
        feeds = decodeFeeds(req.feeds);
      } catch (error) {
        throw new LoupeError('bad-input', `Invalid tensor for ${req.modelId}: ${(error as Error).message}`);
      }
      const outputs = req.modelUrl ? await runner.runModelAt(req.modelUrl, feeds) : await runner.run(req.modelId, feeds);
      return { outputs: encodeFeeds(outputs), device: { backend: runner.backend, reason: runner.reason } };
    }),
  );
  const stopInfo = messenger.onMessage(
    'engineInfo',
    validated(NoPayloadSchema, () => runner.engineInfo()),
  );
  return () => {
    stopRun();
    stopInfo();
  };
}
