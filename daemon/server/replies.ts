import { PROTOCOL_VERSION, type ResultPayload, type ServerMessage } from '../../shared/protocol/messages';
import { toWireError } from '../../shared/protocol/errors';
import type { Analysis } from '../../shared/protocol/results';
import { analysisJson } from '../lite-pool/serialized-analysis';

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

/** The frame text of `message`; an analysis still held as JSON text is spliced in, not re-serialised. */
export function serializeServerMessage(message: ServerMessage): string {
  const json = message.type === 'result' && message.result.kind === 'analysis' ? analysisJson(message.result.analysis) : undefined;
  if (json === undefined) return JSON.stringify(message);
  return `{"v":${message.v},"type":"result","id":${JSON.stringify(message.id)},"ok":true,"result":{"kind":"analysis","analysis":${json}}}`;
}
