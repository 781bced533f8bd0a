import type { Handler } from '../server-deps';

export const analyze: Handler<'analyze'> = async (message, { deps, signal, progress }) => {
  const analysis = await deps.analyze(message.params, { signal, onProgress: progress });
  return { kind: 'analysis', analysis };
};
