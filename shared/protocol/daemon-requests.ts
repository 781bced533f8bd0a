import { LoupeError } from './errors';
import type { AnalyzeParams, DescribeImageParams } from './messages';
import type { Analysis, ImageDescription } from './results';
import type { RpcClient, RpcRequestOptions } from './rpc-client';

type Request = RpcClient['request'];

/**
 * Sends `analyze` and returns the analysis (spans into `params.text`, which is not sent back).
 * @throws LoupeError with the daemon's code, or `internal` for a reply of another kind.
 */
export async function requestAnalysis(request: Request, params: AnalyzeParams, options?: RpcRequestOptions): Promise<Analysis> {
  const reply = await request({ type: 'analyze', params }, options);
  if (reply.kind !== 'analysis') throw new LoupeError('internal', `Daemon answered "${reply.kind}" to analyze.`);
  return reply.analysis;
}

/**
 * Sends `describe-image` with the image's bytes in the binary frame that follows it.
 * @throws LoupeError with the daemon's code, or `internal` for a reply of another kind.
 */
export async function requestImageDescription(
  request: Request,
  params: Omit<DescribeImageParams, 'byteLength'>,
  bytes: Uint8Array,
  options?: RpcRequestOptions,
): Promise<ImageDescription> {
  const reply = await request(
    { type: 'describe-image', params: { ...params, byteLength: bytes.byteLength } },
    { ...options, binary: bytes },
  );
  if (reply.kind !== 'image') throw new LoupeError('internal', `Daemon answered "${reply.kind}" to describe-image.`);
  return reply.description;
}
