import { describe, expect, it } from 'vitest';
import { serializedAnalysis } from '../../../daemon/lite-pool/serialized-analysis';
import { resultMessage, serializeServerMessage } from '../../../daemon/server/replies';
import { ServerMessageSchema } from '../../../shared/protocol/messages';
import type { Analysis } from '../../../shared/protocol/results';

const analysis: Analysis = {
  entities: {
    items: [{ start: 6, end: 18, text: 'Daniel Reyes', type: 'PER', score: 0.9, source: 'model' }],
    provenance: { engine: 'daemon', tier: 'lite', model: 'lite/entities@1', backend: 'cpu' },
  },
};

describe('an analysis kept as JSON text', () => {
  it('reads like the analysis it holds', () => {
    const lazy = serializedAnalysis(new TextEncoder().encode(JSON.stringify(analysis)));
    expect(lazy.entities?.provenance.model).toBe('lite/entities@1');
    expect(lazy.entities?.items[0]?.text).toBe('Daniel Reyes');
    expect('summary' in lazy).toBe(false);
    expect({ ...lazy }).toEqual(analysis);
  });

  it('goes out as the same frame as the object would', () => {
    const sent = serializeServerMessage(
      resultMessage('r-1', { kind: 'analysis', analysis: serializedAnalysis(new TextEncoder().encode(JSON.stringify(analysis))) }),
    );
    const expected = resultMessage('r-1', { kind: 'analysis', analysis });
    expect(ServerMessageSchema.parse(JSON.parse(sent.toString()))).toEqual(expected);
    expect(JSON.parse(serializeServerMessage(expected).toString())).toEqual(expected);
  });
});
