import { PROTOCOL_VERSION, type ResultPayload, type ServerMessage } from '../../shared/protocol/messages';
import { toWireError } from '../../shared/protocol/errors';
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

/**
 * The text frame of `message`, as a string or UTF-8 bytes; an analysis still held as JSON
 * bytes is spliced in, not re-serialised.
 */
export function serializeServerMessage(message: ServerMessage): string | Buffer {
  const json = message.type === 'result' && message.result.kind === 'analysis' ? analysisJson(message.result.analysis) : undefined;
  if (json === undefined) return JSON.stringify(message);
  const head = `{"v":${message.v},"type":"result","id":${JSON.stringify(message.id)},"ok":true,"result":{"kind":"analysis","analysis":`;
  return Buffer.concat([Buffer.from(head), json, Buffer.from('}}')]);
}
