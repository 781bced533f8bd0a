import type { Handler } from '../server-deps';

export const ping: Handler<'ping'> = async () => ({ kind: 'pong' });
