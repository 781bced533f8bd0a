// What `loupe serve` loads on start, in one dynamic import: the full tier pulls in
// transformers.js, which commands like `loupe token` must not pay for.
export { startFullTier, describeWithFullTier, type FullTier, type StartFullTierOptions } from './start-full-tier';
export { createTieredEngine, type TieredEngine } from './create-tiered-engine';
