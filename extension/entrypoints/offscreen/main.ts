import { createOrtWebRunner } from '../../engine/ort-web-runner';
import { serveEngine } from './serve-engine';

function main(): void {
  serveEngine(createOrtWebRunner());
}

main();
