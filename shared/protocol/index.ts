export * from './binary-frame';
export * from './errors';
export * from './handshake';
export * from './messages';
export * from './page-hints';
export * from './results';
export * from './validate';
