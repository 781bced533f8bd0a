export * from './errors';
export * from './messages';
export * from './results';
export * from './validate';
