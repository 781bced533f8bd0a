import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../daemon/rate-limiter';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createRateLimiter', () => {
  const make = () => {
    const clock = fakeClock();
    return { clock, limiter: createRateLimiter({ maxFailures: 10, windowMs: 60_000, blockMs: 60_000, maxKeys: 1000, clock }) };
  };

  it('lets nine failures through and blocks after the tenth', () => {
    const { limiter } = make();
    for (let i = 0; i < 9; i++) limiter.recordFailure('o');
    expect(limiter.blockedFor('o')).toBe(0);
    limiter.recordFailure('o');
    expect(limiter.blockedFor('o')).toBe(60_000);
  });

  it('unblocks after the block period', () => {
    const { limiter, clock } = make();
    for (let i = 0; i < 10; i++) limiter.recordFailure('o');
    clock.advance(59_999);
    expect(limiter.blockedFor('o')).toBe(1);
    clock.advance(1);
    expect(limiter.blockedFor('o')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { limiter, clock } = make();
    for (let i = 0; i < 9; i++) limiter.recordFailure('o');
    clock.advance(60_000);
    limiter.recordFailure('o');
    expect(limiter.blockedFor('o')).toBe(0);
  });

  it('blocks only the key that failed', () => {
    const { limiter } = make();
    for (let i = 0; i < 10; i++) limiter.recordFailure('http://evil.example');
    expect(limiter.blockedFor('http://evil.example')).toBeGreaterThan(0);
    expect(limiter.blockedFor('chrome-extension://x')).toBe(0);
  });

  it('keeps bounded memory under 10,000 one-off keys, and forgets expired ones', () => {
    const { limiter, clock } = make();
    for (let i = 0; i < 10_000; i++) limiter.recordFailure(`port ${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(1000);
    clock.advance(60_000);
    limiter.recordFailure('late');
    expect(limiter.size()).toBe(1);
  });

  it('keeps a blocked key blocked while forgetting others', () => {
    const { limiter, clock } = make();
    for (let i = 0; i < 10; i++) limiter.recordFailure('busy');
    clock.advance(30_000);
    for (let i = 0; i < 5000; i++) limiter.recordFailure(`one-off ${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(1000);
    limiter.recordFailure('busy');
    expect(limiter.blockedFor('busy')).toBeGreaterThan(0);
  });
});
