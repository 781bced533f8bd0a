import type { Handler } from '../server-deps';

export const hello: Handler<'hello'> = async (_message, { deps }) => ({ kind: 'hello', engine: deps.engineInfo() });
