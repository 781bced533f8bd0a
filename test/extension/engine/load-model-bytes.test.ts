import { describe, expect, it } from 'vitest';
import { loadModelBytes } from '../../../extension/engine/load-model-bytes';
import { LoupeError } from '../../../shared/protocol/errors';

const URL_ = 'chrome-extension://id/models/lite/entities/model.onnx';

async function failure(promise: Promise<unknown>): Promise<LoupeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LoupeError)) throw new Error(`expected a LoupeError, got ${String(error)}`);
  return error;
}

describe('loadModelBytes', () => {
  it('returns the file bytes', async () => {
    const bytes = await loadModelBytes(URL_, async () => new Response(new Uint8Array([8, 7, 18])));
    expect([...bytes]).toEqual([8, 7, 18]);
  });

  it('reports a file absent from the extension as model-missing, naming the fix', async () => {
    const error = await failure(loadModelBytes(URL_, () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(error.code).toBe('model-missing');
    expect(error.message).toContain('reinstall or rebuild the extension (npm run build)');
    const notFound = await failure(loadModelBytes(URL_, async () => new Response('', { status: 404 })));
    expect(notFound.code).toBe('model-missing');
    expect(notFound.message).toContain('HTTP 404');
  });

  it('reports an empty file as model-corrupt', async () => {
    const error = await failure(loadModelBytes(URL_, async () => new Response(new Uint8Array())));
    expect(error.code).toBe('model-corrupt');
    expect(error.message).toContain('npm run build');
  });
});
