import { createSerialQueue, type SerialQueue } from '../async/serial-queue';
import { LoupeError } from '../protocol/errors';
import type { Tensor, TensorRunner } from './tensor-runner';

/** The slice of an onnxruntime tensor (node or web) the runner reads. */
export interface OrtTensorLike {
  readonly type: string;
  readonly data: unknown;
  readonly dims: readonly number[];
}

/** The slice of an onnxruntime `InferenceSession` (node or web) the runner uses. */
export interface OrtSessionLike {
  run(feeds: Record<string, never>): Promise<Record<string, OrtTensorLike>>;
  release?(): Promise<void>;
}

/** Options of {@link createOnnxSessionRunner}: what differs between onnxruntime-node and -web. */
export interface OnnxSessionRunnerOptions {
  /** The session key (a file path, a URL) of a model id; a `@version` suffix is the caller's to drop. */
  locate(modelId: string): string;
  /** Opens the session at `key`; throws LoupeError `model-missing` / `model-corrupt` naming the fix. */
  open(key: string): Promise<OrtSessionLike>;
  /** The runtime's tensor for a runner tensor (`new ort.Tensor(type, data, dims)`). */
  toTensor(tensor: Tensor): unknown;
  /** Where the networks run now (it can change once a session opened). */
  backend(): string;
  /** What to tell the user when a model answers with a tensor type the pipelines cannot read. */
  fixFor(modelId: string): string;
  /**
   * One run at a time across all sessions, not per session: onnxruntime-web's WebGPU backend
   * holds one session's state at a time and refuses another's run meanwhile ("Session mismatch").
   */
  oneRunAtATime?: boolean;
}

/** A TensorRunner whose sessions can be opened ahead of use, run by key, and freed. */
export interface OnnxSessionRunner extends TensorRunner {
  /** Opens `modelId`'s session now rather than on its first run. */
  load(modelId: string): Promise<void>;
  /** Runs the session at `key` (a file or URL that is not a catalogue model). */
  runAt(key: string, feeds: Record<string, Tensor>, modelId?: string): Promise<Record<string, Tensor>>;
  release(): Promise<void>;
}

interface Slot {
  session: Promise<OrtSessionLike> | null;
  /** Runs on one session are serialised (sessions are not re-entrant); models run side by side. */
  queue: SerialQueue;
}

function fromOrt(modelId: string, name: string, tensor: OrtTensorLike, fix: string): Tensor {
  const { data, dims } = tensor;
  if (data instanceof Float32Array) return { type: 'float32', data, dims: [...dims] };
  if (data instanceof Int32Array) return { type: 'int32', data, dims: [...dims] };
  if (data instanceof BigInt64Array) return { type: 'int64', data, dims: [...dims] };
  throw new LoupeError(
    'model-corrupt',
    `Model ${modelId} returned output "${name}" as ${tensor.type}, which Loupe does not read — ${fix}.`,
  );
}

/**
 * The lite models' ONNX runner, written once for onnxruntime-node (daemon, training) and
 * onnxruntime-web (the browser's engine host): one session per model, opened lazily (a failed
 * open is retried next time, so fixing the file needs no restart), runs serialised per session.
 */
export function createOnnxSessionRunner(options: OnnxSessionRunnerOptions): OnnxSessionRunner {
  const slots = new Map<string, Slot>();
  const shared = options.oneRunAtATime ? createSerialQueue() : undefined;

  const slotFor = (key: string): { slot: Slot; session: Promise<OrtSessionLike> } => {
    const slot = slots.get(key) ?? { session: null, queue: shared ?? createSerialQueue() };
    slots.set(key, slot);
    if (!slot.session) {
      const opening = options.open(key);
      slot.session = opening;
      opening.catch(() => {
        if (slot.session === opening) slot.session = null;
      });
    }
    return { slot, session: slot.session };
  };

  const runAt = (key: string, feeds: Record<string, Tensor>, modelId = key): Promise<Record<string, Tensor>> => {
    const { slot, session } = slotFor(key);
    return slot.queue.run(async () => {
      const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, options.toTensor(t)])) as Record<string, never>;
      const outputs = await (await session).run(inputs);
      return Object.fromEntries(Object.entries(outputs).map(([name, t]) => [name, fromOrt(modelId, name, t, options.fixFor(modelId))]));
    });
  };

  return {
    get backend() {
      return options.backend();
    },
    async load(modelId) {
      await slotFor(options.locate(modelId)).session;
    },
    runAt,
    run(modelId, feeds) {
      let key: string;
      try {
        key = options.locate(modelId);
      } catch (error) {
        return Promise.reject(error);
      }
      return runAt(key, feeds, modelId);
    },
    async release() {
      const open = [...slots.values()];
      slots.clear();
      await Promise.all(
        open.map(async (slot) => {
          await slot.queue.run(() => undefined);
          const session = await slot.session?.catch(() => null);
          await session?.release?.();
        }),
      );
    },
  };
}
