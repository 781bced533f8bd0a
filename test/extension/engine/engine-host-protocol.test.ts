import { describe, expect, it } from 'vitest';
import { HostAnalyzeRequestSchema, HostDescribeImageRequestSchema } from '../../../extension/engine/engine-host-protocol';
import { INPUT_LIMITS } from '../../../shared/limits';

describe('engine host protocol', () => {
  it('takes the daemon analyze request as it is, page hints included, under an id', () => {
    const params = {
      text: 'A text.',
      tasks: ['summary', 'bias'],
      tier: 'full',
      page: { title: 'T', lang: 'en', blocks: [{ start: 0, end: 7, role: 'heading' }] },
    };
    expect(HostAnalyzeRequestSchema.safeParse({ id: 'h1', params }).success).toBe(true);
    expect(HostAnalyzeRequestSchema.safeParse({ id: 'h 1', params }).success).toBe(false);
    expect(HostAnalyzeRequestSchema.safeParse({ id: 'h1', params: { ...params, tasks: ['everything'] } }).success).toBe(false);
    expect(HostAnalyzeRequestSchema.safeParse({ id: 'h1', params, feeds: {} }).success).toBe(false);
  });

  it('refuses an image larger than the daemon would take', () => {
    const params = { context: [], tier: 'full' };
    const base64 = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);
    expect(HostDescribeImageRequestSchema.safeParse({ id: 'h2', params, base64: base64(1024) }).success).toBe(true);
    expect(HostDescribeImageRequestSchema.safeParse({ id: 'h2', params, base64: base64(INPUT_LIMITS.maxImageBytes + 3) }).success).toBe(
      false,
    );
    expect(HostDescribeImageRequestSchema.safeParse({ id: 'h2', params }).success).toBe(true);
  });
});
