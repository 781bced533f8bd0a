import type { Analysis } from '../../shared/protocol/results';

const JSON_BYTES = Symbol('loupe.analysisJson');

/**
 * An Analysis that arrives from a worker as UTF-8 JSON and stays bytes until something reads
 * it. Sending it back to a client then costs the event loop a memory copy, not the structured
 * clone, re-serialisation and re-encoding of tens of thousands of spans (0.4 s for a
 * 2,000,000-character page); code that does read it (the full tier upgrading a lite result)
 * parses it once.
 */
export function serializedAnalysis(json: Uint8Array): Analysis {
  let parsed: Analysis | undefined;
  const value = () => (parsed ??= JSON.parse(new TextDecoder().decode(json)) as Analysis);
  return new Proxy({} as Analysis, {
    get: (_target, key) => (key === JSON_BYTES ? json : Reflect.get(value(), key)),
    has: (_target, key) => key === JSON_BYTES || Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/** The UTF-8 JSON behind an analysis made by {@link serializedAnalysis}, if it is one. */
export function analysisJson(analysis: unknown): Uint8Array | undefined {
  return typeof analysis === 'object' && analysis !== null && JSON_BYTES in analysis
    ? (analysis as Record<symbol, Uint8Array>)[JSON_BYTES]
    : undefined;
}
