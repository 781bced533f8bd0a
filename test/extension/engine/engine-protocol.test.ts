import { describe, expect, it } from 'vitest';
import { LiteModelIdSchema, LoopbackModelUrlSchema } from '../../../extension/engine/engine-protocol';

describe('engine protocol', () => {
  it('accepts model URLs on this machine only', () => {
    for (const url of ['http://127.0.0.1:8080/m.onnx', 'http://localhost/m.onnx', 'http://[::1]:9/m.onnx']) {
      expect(LoopbackModelUrlSchema.safeParse(url).success, url).toBe(true);
    }
    for (const url of ['https://huggingface.co/m.onnx', 'http://127.0.0.1.evil.com/m.onnx', 'file:///etc/passwd', 'not a url', 'http://10.0.0.1/m.onnx']) {
      expect(LoopbackModelUrlSchema.safeParse(url).success, url).toBe(false);
    }
  });

  it('accepts lite catalogue ids, versioned or not, and nothing that could escape the models folder', () => {
    for (const id of ['lite/entities', 'lite/bias@1']) expect(LiteModelIdSchema.safeParse(id).success, id).toBe(true);
    for (const id of ['lite/../../manifest', 'full/distilbart', 'lite/', 'lite/Entities']) expect(LiteModelIdSchema.safeParse(id).success, id).toBe(false);
  });
});
