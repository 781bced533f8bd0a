import { describe, expect, it } from 'vitest';
import type { PullProgress } from '../../../shared/models/pull-progress';
import { createProgressRenderer, formatBytes } from '../../../daemon/model-store/progress-renderer';

const id = 'Xenova/bert-base-NER';
const pull: PullProgress[] = [
  { status: 'resolving', id },
  { status: 'downloading', id, file: 'onnx/model_quantized.onnx', completed: 0, total: 2_000_000 },
  { status: 'downloading', id, file: 'onnx/model_quantized.onnx', completed: 500_000, total: 2_000_000 },
  { status: 'downloading', id, file: 'onnx/model_quantized.onnx', completed: 1_000_000, total: 2_000_000 },
  { status: 'downloading', id, file: 'onnx/model_quantized.onnx', completed: 2_000_000, total: 2_000_000 },
  { status: 'verifying', id, file: 'onnx/model_quantized.onnx' },
  { status: 'done', id, file: 'onnx/model_quantized.onnx', completed: 2_000_000, total: 2_000_000 },
  { status: 'success', id },
];

function render(tty: boolean, times: number[]): string {
  let out = '';
  let tick = 0;
  const renderer = createProgressRenderer((text) => (out += text), {
    tty,
    now: () => times[Math.min(tick++, times.length - 1)]!,
    redrawMs: 100,
  });
  pull.forEach(renderer);
  return out;
}

describe('createProgressRenderer', () => {
  it('prints plain lines, one per stage, when not on a terminal', () => {
    expect(render(false, [0])).toBe(
      'downloading onnx/model_quantized.onnx (2.0 MB)\nverifying onnx/model_quantized.onnx\nok onnx/model_quantized.onnx (2.0 MB)\n',
    );
  });

  it('redraws a bar in place on a terminal, no more often than redrawMs, always showing 100%', () => {
    const out = render(true, [0, 50, 400, 420]);
    const frames = out.split('\r\x1b[2K').filter(Boolean);
    expect(frames).toHaveLength(4);
    expect(frames[0]).toContain('  0%');
    expect(frames[1]).toContain(' 50%');
    expect(frames[2]).toContain('100% ▕████████████████████████▏ 2.0 MB/2.0 MB');
    expect(frames[3]).toBe('ok onnx/model_quantized.onnx (2.0 MB)\n');
  });
});

describe('formatBytes', () => {
  it('uses the SI units the Hub shows', () => {
    expect([formatBytes(999), formatBytes(87_200_000), formatBytes(1_350_000_000)]).toEqual(['999 B', '87 MB', '1.4 GB']);
  });
});
