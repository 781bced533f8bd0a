import { LoupeError } from '../../../shared/protocol/errors';

export interface MirrorRequest {
  /** The mirror's base URL, for messages. */
  mirror: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/**
 * `fetch` against the model mirror, uncached, with the errors a user can act on: a mirror that
 * cannot be reached, a download cancelled. HTTP answers are the caller's to judge.
 */
export async function fetchFromMirror(url: string, request: MirrorRequest, init: RequestInit = {}): Promise<Response> {
  try {
    return await (request.fetch ?? fetch)(url, { ...init, cache: 'no-store', ...(request.signal ? { signal: request.signal } : {}) });
  } catch (error) {
    if (request.signal?.aborted) throw new LoupeError('cancelled', 'The download was cancelled.');
    throw new LoupeError('model-missing', `Could not reach ${request.mirror} — check your connection or set a local mirror in Options.`, {
      cause: error,
    });
  }
}

/** The mirror answered `status` for a model file. */
export function missingFileError(url: string, status: number, request: MirrorRequest): LoupeError {
  return new LoupeError(
    'model-missing',
    `${url} answered HTTP ${status}: the mirror ${request.mirror} does not serve this model file — check the model mirror in Options.`,
  );
}
