// Worker threads start without the TypeScript loader the CLI registered on the main thread, so
// each lite worker registers it before loading its TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./lite-worker.ts');
