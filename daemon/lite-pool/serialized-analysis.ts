import type { Analysis } from '../../shared/protocol/results';

const JSON_TEXT = Symbol('loupe.analysisJson');

/**
 * An Analysis that arrives from a worker as JSON text and stays text until something reads
 * it. Sending it back to a client then costs the event loop a string copy, not the structured
 * clone and re-serialisation of tens of thousands of spans (0.3 s for a 2,000,000-character
 * page); code that does read it (the full tier upgrading a lite result) parses it once.
 */
export function serializedAnalysis(json: string): Analysis {
  let parsed: Analysis | undefined;
  const value = () => (parsed ??= JSON.parse(json) as Analysis);
  return new Proxy({} as Analysis, {
    get: (_target, key) => (key === JSON_TEXT ? json : Reflect.get(value(), key)),
    has: (_target, key) => key === JSON_TEXT || Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/** The JSON text behind an analysis made by {@link serializedAnalysis}, if it is one. */
export function analysisJson(analysis: unknown): string | undefined {
  return typeof analysis === 'object' && analysis !== null && JSON_TEXT in analysis ? (analysis as Record<symbol, string>)[JSON_TEXT] : undefined;
}
