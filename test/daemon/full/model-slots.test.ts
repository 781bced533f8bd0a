import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../daemon/logger';
import { createModelSlots, type SlotLoader } from '../../../daemon/full/model-slots';

interface FakeModel {
  id: string;
  disposed: boolean;
}

function fakeLoader(sizes: Record<string, number> = {}) {
  const loads: string[] = [];
  const disposed: string[] = [];
  const loader: SlotLoader<FakeModel> = {
    measure: async (id) => sizes[id] ?? 1,
    load: async (id) => {
      loads.push(id);
      await new Promise((r) => setTimeout(r, 5));
      return { id, disposed: false };
    },
    dispose: async (m) => {
      m.disposed = true;
      disposed.push(m.id);
    },
  };
  return { loader, loads, disposed };
}

function slots(loader: SlotLoader<FakeModel>, over: { idleMs?: number; memoryBudgetBytes?: number } = {}) {
  let now = 0;
  const clock = { now: () => now };
  const s = createModelSlots(loader, {
    idleMs: over.idleMs ?? 1000,
    memoryBudgetBytes: over.memoryBudgetBytes ?? 100,
    clock,
    logger: createMemoryLogger(),
  });
  return {
    s,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createModelSlots', () => {
  it('loads a model once for concurrent first calls', async () => {
    const { loader, loads } = fakeLoader();
    const { s } = slots(loader);
    const got = await Promise.all([s.get('a'), s.run('a', async (m) => m), s.get('a')]);
    expect(loads).toEqual(['a']);
    expect(new Set(got).size).toBe(1);
  });

  it('runs work on one model one at a time, in order', async () => {
    const { loader } = fakeLoader();
    const { s } = slots(loader);
    const events: string[] = [];
    const job = (name: string, ms: number) =>
      s.run('a', async () => {
        events.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        events.push(`end ${name}`);
      });
    await Promise.all([job('slow', 20), job('fast', 1)]);
    expect(events).toEqual(['start slow', 'end slow', 'start fast', 'end fast']);
  });

  it('unloads a model only once it has been idle for idleMs', async () => {
    const { loader, disposed } = fakeLoader();
    const { s, advance } = slots(loader, { idleMs: 1000 });
    await s.run('a', async () => undefined);
    advance(999);
    expect(await s.evictIdle()).toEqual([]);
    advance(1);
    expect(await s.evictIdle()).toEqual(['a']);
    expect(disposed).toEqual(['a']);
    expect(s.loaded()).toEqual([]);
  });

  it('frees the least recently used model when a new one would pass the memory budget', async () => {
    const { loader, disposed } = fakeLoader({ a: 40, b: 40, c: 40 });
    const { s, advance } = slots(loader, { memoryBudgetBytes: 100 });
    await s.run('a', async () => undefined);
    advance(10);
    await s.run('b', async () => undefined);
    advance(10);
    await s.run('a', async () => undefined);
    await s.run('c', async () => undefined);
    expect(disposed).toEqual(['b']);
    expect(
      s
        .loaded()
        .map((m) => m.id)
        .sort(),
    ).toEqual(['a', 'c']);
  });

  it('forgets a failed load so the next call tries again', async () => {
    let fail = true;
    const { loader } = fakeLoader();
    const flaky: SlotLoader<FakeModel> = {
      ...loader,
      load: async (id) => {
        if (fail) throw new Error('missing');
        return loader.load(id);
      },
    };
    const { s } = slots(flaky);
    await expect(s.get('a')).rejects.toThrow('missing');
    fail = false;
    expect((await s.get('a')).id).toBe('a');
  });
});
