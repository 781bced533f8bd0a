import type { Handler } from '../server-deps';

// Cancelling something already finished is a normal race (the tab closed as the reply came),
// so it is acknowledged either way.
export const cancel: Handler<'cancel'> = async (message, { cancel: abort }) => {
  abort(message.target);
  return { kind: 'cancelled', target: message.target };
};
