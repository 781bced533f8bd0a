import { createSerialQueue, type SerialQueue } from '../../shared/async/serial-queue';
import type { Clock } from '../clock';
import type { Logger } from '../logger';

export interface SlotLoader<M> {
  /** Bytes the model will take (its weight files), known before loading it. */
  measure(id: string): Promise<number>;
  load(id: string): Promise<M>;
  dispose(model: M): Promise<void>;
}

export interface LoadedSlot {
  id: string;
  sizeBytes: number;
  lastUsedAt: number;
  busy: boolean;
}

export interface ModelSlots<M> {
  /** The model, loaded once however many callers ask at the same time. */
  get(id: string): Promise<M>;
  /** Runs `fn` on the model after every earlier run on it has finished. */
  run<R>(id: string, fn: (model: M) => Promise<R>): Promise<R>;
  loaded(): LoadedSlot[];
  /** Disposes models nothing has used for `idleMs`; returns their ids. */
  evictIdle(): Promise<string[]>;
  close(): Promise<void>;
}

interface Slot<M> {
  id: string;
  model: Promise<M>;
  sizeBytes: number;
  ready: boolean;
  queue: SerialQueue;
  pending: number;
  lastUsedAt: number;
}

/**
 * Keeps models loaded lazily, one load per model, runs on each model one at a time, and frees
 * them when idle for `idleMs` or, least recently used first, when loading another would take
 * the sum of their sizes over `memoryBudgetBytes`. Models with queued work are never evicted.
 */
export function createModelSlots<M>(
  loader: SlotLoader<M>,
  options: { idleMs: number; memoryBudgetBytes: number; clock: Clock; logger: Logger },
): ModelSlots<M> {
  const slots = new Map<string, Slot<M>>();
  const { clock, logger } = options;

  const evict = async (slot: Slot<M>, why: string) => {
    slots.delete(slot.id);
    logger.info(`unloaded ${slot.id} (${why})`);
    await loader.dispose(await slot.model);
  };

  const makeRoom = async (incoming: Slot<M>) => {
    const others = () => [...slots.values()].filter((s) => s !== incoming && s.ready);
    let total = incoming.sizeBytes + others().reduce((sum, s) => sum + s.sizeBytes, 0);
    for (const slot of others()
      .filter((s) => s.pending === 0)
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt)) {
      if (total <= options.memoryBudgetBytes) break;
      total -= slot.sizeBytes;
      await evict(slot, `memory budget of ${options.memoryBudgetBytes} bytes`);
    }
    if (total > options.memoryBudgetBytes)
      logger.warn(
        `loading ${incoming.id} goes over the memory budget (${total} > ${options.memoryBudgetBytes} bytes): the models loaded are all busy or it is larger than the budget`,
      );
  };

  const slotFor = (id: string): Slot<M> => {
    const existing = slots.get(id);
    if (existing) return existing;
    const slot: Slot<M> = {
      id,
      model: Promise.resolve() as Promise<M>,
      sizeBytes: 0,
      ready: false,
      queue: createSerialQueue(),
      pending: 0,
      lastUsedAt: clock.now(),
    };
    slot.model = (async () => {
      slot.sizeBytes = await loader.measure(id);
      await makeRoom(slot);
      const model = await loader.load(id);
      slot.ready = true;
      logger.info(`loaded ${id} (${slot.sizeBytes} bytes)`);
      return model;
    })();
    // A failed load is forgotten, so the next request tries again (after `loupe models pull`).
    slot.model.catch(() => {
      if (slots.get(id) === slot) slots.delete(id);
    });
    slots.set(id, slot);
    return slot;
  };

  return {
    async get(id) {
      const slot = slotFor(id);
      slot.lastUsedAt = clock.now();
      return slot.model;
    },
    run(id, fn) {
      const slot = slotFor(id);
      slot.pending++;
      return slot.queue
        .run(async () => fn(await slot.model))
        .finally(() => {
          slot.pending--;
          slot.lastUsedAt = clock.now();
        });
    },
    loaded: () =>
      [...slots.values()]
        .filter((s) => s.ready)
        .map((s) => ({ id: s.id, sizeBytes: s.sizeBytes, lastUsedAt: s.lastUsedAt, busy: s.pending > 0 })),
    async evictIdle() {
      const idle = [...slots.values()].filter((s) => s.ready && s.pending === 0 && clock.now() - s.lastUsedAt >= options.idleMs);
      for (const slot of idle) await evict(slot, `idle for ${options.idleMs} ms`);
      return idle.map((s) => s.id);
    },
    async close() {
      const all = [...slots.values()];
      slots.clear();
      for (const slot of all) {
        await slot.queue.run(() => undefined);
        await slot.model.then(
          (m) => loader.dispose(m),
          () => undefined,
        );
      }
    },
  };
}
