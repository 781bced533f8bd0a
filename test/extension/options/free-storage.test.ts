import { describe, expect, it } from 'vitest';
import { storageRefusal } from '../../../extension/entrypoints/options/free-storage';

describe('the free-storage check before a model download', () => {
  it('refuses a download that would not fit, saying how much it needs and how much is free', async () => {
    const refusal = await storageRefusal(109_400_000, async () => ({ quota: 150_000_000, usage: 100_000_000 }));
    expect(refusal).toBe(
      'Not downloaded: it needs 109 MB and this browser has 50.0 MB free for Loupe. Delete a model you no longer use, or free disk space, then try again.',
    );
  });

  it('lets a download start when it fits with room to spare', async () => {
    expect(await storageRefusal(109_400_000, async () => ({ quota: 10_000_000_000, usage: 0 }))).toBeUndefined();
  });

  it('keeps headroom: a download that only just fits is refused', async () => {
    expect(await storageRefusal(100_000_000, async () => ({ quota: 105_000_000, usage: 0 }))).toMatch(/^Not downloaded/);
  });

  it('does not block when the size or the quota is unknown', async () => {
    expect(await storageRefusal(undefined, async () => ({ quota: 1, usage: 1 }))).toBeUndefined();
    expect(await storageRefusal(5, async () => ({}))).toBeUndefined();
    expect(
      await storageRefusal(5, async () => {
        throw new Error('no storage manager');
      }),
    ).toBeUndefined();
  });
});
