import { PROTOCOL_VERSION, type ResultPayload, type ServerMessage } from '../../shared/protocol/messages';
import { toWireError } from '../../shared/protocol/errors';
import type { Analysis } from '../../shared/protocol/results';

export function resultMessage(id: string, result: ResultPayload): ServerMessage {
  return { v: PROTOCOL_VERSION, type: 'result', id, ok: true, result };
}

export function errorMessage(id: string | null, error: unknown): ServerMessage {
  return { v: PROTOCOL_VERSION, type: 'error', id, ok: false, error: toWireError(error) };
}

export interface Progress {
  stage: string;
  completed: number;
  total: number;
}

export function progressMessage(id: string, progress: Progress): ServerMessage {
  return { v: PROTOCOL_VERSION, type: 'progress', id, ...progress };
}
