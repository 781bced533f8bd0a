import { describe, expect, it } from 'vitest';
import { createLogger } from '../../daemon/logger';

function linesAt(level: 'info' | 'debug' | 'quiet') {
  const lines: string[] = [];
  const logger = createLogger(level, (line) => lines.push(line));
  logger.debug('d');
  logger.info('i');
  logger.warn('w');
  logger.error('e');
  return lines;
}

describe('createLogger', () => {
  it('honours LOUPE_LOG: debug shows all, info hides debug, quiet keeps errors only', () => {
    expect(linesAt('debug')).toEqual(['[loupe] debug: d', '[loupe] i', '[loupe] warn: w', '[loupe] error: e']);
    expect(linesAt('info')).toEqual(['[loupe] i', '[loupe] warn: w', '[loupe] error: e']);
    expect(linesAt('quiet')).toEqual(['[loupe] error: e']);
  });
});
